"""Page junk never reaches the article text; headline, dateline and outlet are found by shape.

The fixtures under fixtures/ are page layouts written for these tests (wire page, cookie banner
and nav, AP-style byline, body only, Yonhap KST, Gulf AST, hard-wrapped text).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest._pages import (
    clean_page,
    is_footer_marker,
    is_headline,
    is_junk,
    is_prose,
    paragraphs,
)
from ingest.dates import resolve_relative
from tests.conftest import SEED_PAGE

FIXTURES = Path(__file__).parent / "fixtures"
IST = timezone(timedelta(hours=5, minutes=30))


def page(name: str):
    return clean_page((FIXTURES / name).read_text(encoding="utf-8"))


def test_seed_page_body_headline_and_dateline() -> None:
    raw = SEED_PAGE.read_text(encoding="utf-8")
    result = clean_page(raw)
    assert result.title == "Diplomatic Tensions: Trump's Offer to Combat Mexican Cartels"
    assert result.published == datetime(2025, 5, 5, 6, 42, tzinfo=IST)
    assert result.outlet == "Devdiscourse"
    assert result.dateline is not None and "05-05-2025 06:42 IST" in result.dateline
    body = result.text.split("\n\n")
    assert len(body) == 8
    assert body[0].startswith("In a bold move, U.S. President Donald Trump confirmed on Sunday")
    assert body[4].startswith("She expressed a willingness to collaborate")
    assert body[-1].startswith("Tensions remain as the leaders continue discussions")
    # Every body paragraph is in the page, in order.
    positions = [raw.index(p) for p in body]
    assert positions == sorted(positions)
    # The standfirst above the dateline is kept apart, not coded twice.
    assert result.summary is not None and result.summary.startswith("U.S. President Donald Trump")
    assert "proposed sending American troops" not in result.text


@pytest.mark.parametrize(
    "junk",
    [
        "Left Menu",
        "TRENDING",
        "Jefferson-Wooden",
        "Katie Ledecky",
        "OPINION",
        "Uzbekistan",
        "DevShots",
        "Latest News",
        "LinkedIn",
        "Give Feedback",
        "Newsletter",
        "SECTORS",
        "info@devdiscourse.com",
        "+91",
        "Privacy Policy",
        "Copyright",
        "AI-generated",
        "With inputs from agencies",
        "News Desk",
        "Diplomatic Tensions",
    ],
)
def test_seed_junk_produces_no_text(junk: str) -> None:
    result = clean_page(SEED_PAGE.read_text(encoding="utf-8"))
    assert junk not in result.text


def test_wire_page_with_nav_byline_and_credits() -> None:
    result = page("wire-reuters.txt")
    assert result.title == "Mexico says it will not host U.S. troops as cartel talks stall"
    assert result.published == datetime(2024, 11, 12, 6, 15, tzinfo=timezone(timedelta(hours=8)))
    assert result.outlet == "Reuters"
    body = result.text.split("\n\n")
    assert body[0].startswith("Mexico's foreign ministry on Tuesday rejected a U.S. proposal")
    assert body[-1].startswith("The U.S. State Department said")
    assert len(body) == 4
    for junk in ("WASHINGTON, Nov 12", "Reporting by", "Editing by", "Trust Principles",
                 "Read Next", "Oil prices", "Skip to main", "By Ana Torres", "©"):  # fmt: skip
        assert junk not in result.text


def test_cookie_banner_nav_share_buttons_and_related() -> None:
    result = page("cookie-nav.txt")
    assert result.title == (
        "Japan and South Korea agree to resume defence talks after six-year pause"
    )
    assert result.published == datetime(2024, 3, 3, 9, 30, tzinfo=timezone(timedelta(hours=9)))
    body = result.text.split("\n\n")
    assert len(body) == 4
    assert body[0].startswith("Japan and South Korea agreed on Sunday")
    assert body[-1] == "China's foreign ministry said it was watching the talks closely."
    for junk in ("cookies", "Accept all", "Sign in", "Politics |", "Share", "Tweet",
                 "Advertisement", "Photo:", "Getty", "Related", "fisheries", "newsletter",
                 "About us", "Copyright", "Mika Sato"):  # fmt: skip
        assert junk not in result.text


def test_ap_style_byline_caption_and_contributor_line() -> None:
    result = page("ap-style.txt")
    assert result.title == "Ukraine and Poland settle grain dispute after weeks of border protests"
    assert result.published == datetime(2024, 3, 3, 22, 24, tzinfo=timezone(-timedelta(hours=5)))
    assert result.outlet == "The Associated Press"
    body = result.text.split("\n\n")
    assert body[0].startswith("Ukraine and Poland reached an agreement on Saturday")
    assert body[-1] == "Protesting farmers said they would wait to see the details."
    for junk in ("KYIV", "(AP)", "AP Photo", "OLENA", "contributed", "___", "Copyright",
                 "Comments", "Top Stories"):  # fmt: skip
        assert junk not in result.text


def test_body_only_page_has_no_dateline() -> None:
    result = page("body-only.txt")
    assert result.published is None
    assert result.title is None
    assert len(result.text.split("\n\n")) == 3


def test_yonhap_page_in_kst_just_after_midnight() -> None:
    result = page("yonhap-kst.txt")
    assert result.published == datetime(2025, 5, 5, 0, 10, tzinfo=timezone(timedelta(hours=9)))
    assert result.outlet == "Yonhap"
    assert "(END)" not in result.text and "Most Viewed" not in result.text
    assert "#nuclear" not in result.text
    assert result.text.startswith("South Korea and the United States held a meeting")
    assert resolve_relative("on Sunday", result.published) == date(2025, 5, 4)


def test_gulf_page_in_ast_just_after_midnight() -> None:
    result = page("gulf-ast.txt")
    assert result.published == datetime(2025, 5, 5, 0, 10, tzinfo=timezone(timedelta(hours=3)))
    assert result.outlet == "Gulf Daily Wire"
    assert result.text.startswith("Saudi Arabia and Iran agreed on Sunday")  # "RIYADH:" cut
    assert "ALSO READ" not in result.text and "Facebook" not in result.text
    assert resolve_relative("on Sunday", result.published) == date(2025, 5, 4)


def test_regional_page_with_breadcrumbs_and_title_case_dateline() -> None:
    result = page("regional-colon.txt")
    assert result.title == "Karnataka and Kerala agree on joint river flood plan"
    assert result.published == datetime(2023, 8, 29, tzinfo=UTC)
    body = result.text.split("\n\n")
    assert body[0].startswith("The governments of Karnataka and Kerala agreed on Tuesday")
    assert body[-1] == "Kerala's water resources minister welcomed the move."
    for junk in ("Mangaluru, Aug 29", "Share this", "WhatsApp", "Comments", "Your name", "Home"):
        assert junk not in result.text


def test_hard_wrapped_paragraphs_are_rejoined() -> None:
    result = page("hard-wrapped.txt")
    body = result.text.split("\n\n")
    assert len(body) == 3
    assert body[0].startswith("Turkish President Recep Tayyip Erdogan on Friday offered")
    assert body[0].endswith("his office said in a statement.")
    assert "\n" not in body[0]
    assert result.outlet == "Anadolu"


# --------------------------------------------------------------------------- the heuristics


@pytest.mark.parametrize(
    "line",
    ["TRENDING", "Related Stories", "ALSO READ: Oil output talks", "© 2024 Example",
     "Give Feedback", "Most Read", "You may also like", "Read more", "Comments (12)"],
)  # fmt: skip
def test_footer_markers(line: str) -> None:
    assert is_footer_marker(line)


@pytest.mark.parametrize(
    "line",
    [
        "The talks are related to a trade dispute that began last year.",
        "Trending upward, exports rose for a third month.",
    ],
)
def test_prose_that_merely_mentions_a_marker_word_is_not_a_footer(line: str) -> None:
    assert not is_footer_marker(line)
    assert is_prose(line)


@pytest.mark.parametrize(
    "line",
    [
        "Left Menu",
        "Share",
        "Advertisement",
        "LinkedIn Quora Youtube RSS",
        "Home | World | Politics | Opinion",
        "Email: desk@example.org",
        "This image is AI-generated and does not depict any real-life event.",
        "Photo: Officials meet at the border. (Example/File)",
        "(With inputs from agencies.)",
        "By Jane Roe and Ahmed Ali",
        "Reporting by Jane Roe; Editing by Tom Lee",
        "We use cookies to improve your experience. By continuing you agree to our use of cookies.",
        "5 min read",
    ],
)
def test_junk_lines(line: str) -> None:
    assert is_junk(line)


@pytest.mark.parametrize(
    "line",
    [
        "Mexico rejected the offer on Sunday.",
        "The ministry said it would share data with Washington under a new agreement.",
        '"We will never accept foreign troops," Sheinbaum told reporters.',
        "By Sunday, the two sides had agreed to resume talks in Geneva.",
    ],
)
def test_article_sentences_are_not_junk(line: str) -> None:
    assert not is_junk(line)
    assert is_prose(line, 3)


def test_headlines_and_prose_are_told_apart() -> None:
    assert is_headline("Mexico Rejects Trump's Offer to Send Troops")
    assert not is_prose("Mexico Rejects Trump's Offer to Send Troops Across the Border.")
    assert not is_headline("Mexico rejected the offer on Sunday, officials said.")
    assert not is_headline("OPINION / BLOG / INTERVIEW")
    assert not is_headline("Menu")


def test_paragraph_splitting() -> None:
    raw = "Title line\nSecond line\n\nA sentence that was hard wrapped because the\nfile is old.\n"
    assert paragraphs(raw) == [
        "Title line",
        "Second line",
        "A sentence that was hard wrapped because the file is old.",
    ]
    assert paragraphs("a\r\nb\r\n\r\nc") == ["a", "b", "c"]
    assert paragraphs("  \u00a0 \n\n") == []


def test_a_block_of_sentence_case_headlines_is_not_rejoined_into_prose() -> None:
    raw = (
        "Australia shields its economy from the trade war between two giants\n"
        "Sprinters shine at the new grand slam track meeting held in Miami\n"
        "Ruling party wins a landslide victory amid global economic turbulence\n"
        "Swimmer smashes the world record in the women's 800 metres freestyle\n\n"
        "Officials in Canberra said on Monday that exports to both markets had held up."
    )
    assert paragraphs(raw)[0].endswith("from the trade war between two giants")
    assert clean_page(raw).text == (
        "Officials in Canberra said on Monday that exports to both markets had held up."
    )


def test_a_repeated_headline_beats_a_deck_below_it() -> None:
    raw = "\n\n".join(
        [
            "Menu",
            "Chile and Peru agree to share migration data",
            "The deal follows months of tension over crossings in the Atacama desert",
            "Updated: 16-04-2024 01:05 GMT-4",
            "Chile and Peru agreed on Monday to share data on migrant crossings at their border.",
            "Chile and Peru agree to share migration data",
            "Officials from both interior ministries will meet monthly, the statement said.",
        ]
    )
    result = clean_page(raw)
    assert result.title == "Chile and Peru agree to share migration data"
    assert len(result.text.split("\n\n")) == 2


def test_page_of_only_menus_has_no_text() -> None:
    raw = "Home\nWorld\nBusiness\n\nTRENDING\n1\nSome headline here today\n\n© 2025 Example"
    assert clean_page(raw).text == ""


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(max_size=120),
            st.sampled_from(["TRENDING", "Share", "© 2024", "Updated: 05-05-2025 06:42 IST",
                             "WASHINGTON, Nov 12 (Reuters) - Talks went on.", "", "Related"]),
        ),
        max_size=30,
    )
)  # fmt: skip
def test_clean_page_never_crashes_and_keeps_only_page_text(lines: list[str]) -> None:
    raw = "\n".join(lines)
    result = clean_page(raw)
    assert isinstance(result.text, str)
    for para in filter(None, result.text.split("\n\n")):
        assert para.strip() == para
        assert not is_footer_marker(para)
    assert result.published is None or result.published.tzinfo is not None


def test_name_dense_sentences_quote_lead_ins_and_embeds() -> None:
    raw = "\n\n".join(
        [
            "Leaders Meet in Washington",
            "Updated: 05-05-2025 06:42 IST",
            "U.S. President Donald Trump and Mexican President Claudia Sheinbaum met in "
            "Washington.",
            "Sheinbaum told reporters afterwards:",
            '"Mexico will cooperate, but it will not accept foreign troops."',
            "— Claudia Sheinbaum (@Claudiashein) May 4, 2025",
            "pic.twitter.com/abc123",
            "Background",
            "The ministry said it would continue to monitor notifications from the agency.",
            "The talks continue on Tuesday.",
            "Related",
            "Trump Meets Sheinbaum In Washington Today.",
        ]
    )
    result = clean_page(raw)
    assert result.title == "Leaders Meet in Washington"
    assert result.text.split("\n\n") == [
        "U.S. President Donald Trump and Mexican President Claudia Sheinbaum met in Washington.",
        "Sheinbaum told reporters afterwards:",
        '"Mexico will cooperate, but it will not accept foreign troops."',
        "The ministry said it would continue to monitor notifications from the agency.",
        "The talks continue on Tuesday.",
    ]


@pytest.mark.parametrize(
    ("line", "holder"),
    [
        ("© Copyright 2025", None),
        ("© 2025 Devdiscourse. All rights reserved.", "Devdiscourse"),
        ("Copyright © 2024 The Atlas Herald", "The Atlas Herald"),
        ("(c) 2019-2024 Gulf Wire, LLC", "Gulf Wire"),
        ("© All rights reserved", None),
    ],
)
def test_outlet_from_the_copyright_line(line: str, holder: str | None) -> None:
    raw = f"{BODY_FOR_OUTLET}\n\n{line}"
    assert clean_page(raw).outlet == holder


BODY_FOR_OUTLET = "Chile and Peru agreed on Monday to share data on migrant crossings."


def test_iso_stamp_dateline_is_the_publication_datetime() -> None:
    raw = (
        "Ministers meet on river water sharing\n\n"
        "DHAKA, 2024-03-11T18:40:00+06:00 - Bangladesh and Nepal agreed on Monday to set up a "
        "joint panel on river water sharing, the foreign ministry in Dhaka said in a statement.\n\n"
        "The panel will meet twice a year and report to both governments, officials said, adding "
        "that technical teams would begin field visits in the spring.\n"
    )
    result = clean_page(raw)
    assert result.published == datetime(2024, 3, 11, 18, 40, tzinfo=timezone(timedelta(hours=6)))
    assert result.text.startswith("Bangladesh and Nepal agreed on Monday")
