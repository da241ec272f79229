"""Publication datelines and event-date resolution, including the known library traps."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.dates import (
    TIMEZONES,
    context_year,
    date_mentions,
    parse_published,
    parse_timezone,
    parse_wire_dateline,
    resolve_relative,
)

IST = timezone(timedelta(hours=5, minutes=30))
KST = timezone(timedelta(hours=9))
AST = timezone(timedelta(hours=3))
EDT = timezone(-timedelta(hours=4))
EST = timezone(-timedelta(hours=5))
UTC8 = timezone(timedelta(hours=8))
BST = timezone(timedelta(hours=1))


# --------------------------------------------------------------------------- datelines


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Day-month-year, IST is India (+05:30), not Israel.
        ("Updated: 05-05-2025 06:42 IST", datetime(2025, 5, 5, 6, 42, tzinfo=IST)),
        # 05-04-2025 is 5 April on a day-first page, not May 4.
        ("Updated: 05-04-2025 23:59 IST", datetime(2025, 4, 5, 23, 59, tzinfo=IST)),
        ("March 3, 2024", datetime(2024, 3, 3, tzinfo=UTC)),
        ("3 March 2024", datetime(2024, 3, 3, tzinfo=UTC)),
        ("Sept. 9, 2024, 4:05 p.m. EDT", datetime(2024, 9, 9, 16, 5, tzinfo=EDT)),
        ("Updated 10:24 PM EST, March 3, 2024", datetime(2024, 3, 3, 22, 24, tzinfo=EST)),
        ("2025-05-05T06:42:00+05:30", datetime(2025, 5, 5, 6, 42, tzinfo=IST)),
        ("2025-05-04T22:10:00Z", datetime(2025, 5, 4, 22, 10, tzinfo=UTC)),
        ("2025-05-05 00:10 KST", datetime(2025, 5, 5, 0, 10, tzinfo=KST)),
        ("Published: 05/05/2025 00:10 AST", datetime(2025, 5, 5, 0, 10, tzinfo=AST)),
        ("Mon, 05 May 2025 06:42:00 +0530", datetime(2025, 5, 5, 6, 42, tzinfo=IST)),
        ("November 12, 2024 6:15 AM GMT+8", datetime(2024, 11, 12, 6, 15, tzinfo=UTC8)),
        ("Posted: 14 June 2024 18:05 TRT", datetime(2024, 6, 14, 18, 5, tzinfo=AST)),
        ("Last Updated : 05 May 2025, 00:10 AM IST", datetime(2025, 5, 5, 0, 10, tzinfo=IST)),
        ("Updated - May 05, 2025 12:10 am IST", datetime(2025, 5, 5, 0, 10, tzinfo=IST)),
        ("Mon 5 May 2025 00.10 BST", datetime(2025, 5, 5, 0, 10, tzinfo=BST)),
        ("2025/05/05 00:10 KST", datetime(2025, 5, 5, 0, 10, tzinfo=KST)),
        ("May 5, 2025 / 12:10 PM / Example News", datetime(2025, 5, 5, 12, 10, tzinfo=UTC)),
        # A month-first numeric date when the day cannot come first.
        ("05/13/2025", datetime(2025, 5, 13, tzinfo=UTC)),
    ],
)  # fmt: skip
def test_parse_published_real_world_datelines(text: str, expected: datetime) -> None:
    got = parse_published(text)
    assert got == expected
    assert got is not None and got.utcoffset() == expected.utcoffset()


def test_eastern_time_follows_daylight_saving() -> None:
    summer = parse_published("May 4, 2025 6:42 PM ET")
    winter = parse_published("January 4, 2025 6:42 PM ET")
    assert summer is not None and summer.utcoffset() == -timedelta(hours=4)
    assert winter is not None and winter.utcoffset() == -timedelta(hours=5)


def test_us_zone_makes_ambiguous_numeric_dates_month_first() -> None:
    got = parse_published("05/04/2025 10:00 EDT")
    assert got is not None and got.date() == date(2025, 5, 4)
    explicit = parse_published("05/04/2025", date_order="MDY")
    assert explicit is not None and explicit.date() == date(2025, 5, 4)


def test_published_label_wins_over_updated() -> None:
    header = "Updated: 06-05-2025 09:00 IST | Created: 05-05-2025 06:42 IST"
    assert parse_published(header) == datetime(2025, 5, 5, 6, 42, tzinfo=IST)
    only_updated = "Last updated 06-05-2025 09:00 IST"
    assert parse_published(only_updated) == datetime(2025, 5, 6, 9, 0, tzinfo=IST)


def test_lines_may_be_given_as_a_list() -> None:
    lines = ["Left Menu", "Devdiscourse News Desk | Updated: 05-05-2025 06:42 IST"]
    assert parse_published(lines) == datetime(2025, 5, 5, 6, 42, tzinfo=IST)


@pytest.mark.parametrize(
    "text",
    ["", "No date here at all.", "Call 555-1234", "31-02-2025 10:00 IST", "2025-13-40", "99:99"],
)
def test_no_or_impossible_date_gives_none(text: str) -> None:
    assert parse_published(text) is None


def test_wire_dateline_takes_year_from_context_or_argument() -> None:
    wire = parse_wire_dateline("WASHINGTON, Nov 12 (Reuters) - The United States said ...")
    assert wire is not None
    assert (wire.place, wire.agency, wire.month, wire.day) == ("WASHINGTON", "Reuters", 11, 12)
    assert wire.text == "WASHINGTON, Nov 12 (Reuters) - "
    page = "WASHINGTON, Nov 12 (Reuters) - The United States said.\n\n© 2024 Reuters"
    assert parse_published(page) == datetime(2024, 11, 12, tzinfo=UTC)
    assert parse_published("WASHINGTON, Nov 12 (Reuters) - x", year=2023) == datetime(
        2023, 11, 12, tzinfo=UTC
    )
    assert parse_published("WASHINGTON, Nov 12 (Reuters) - no year anywhere") is None
    stated = parse_wire_dateline("BEIJING, May 5, 2025 (Xinhua) -- China said")
    assert stated is not None and stated.date(None) == datetime(2025, 5, 5, tzinfo=UTC)


@pytest.mark.parametrize(
    ("paragraph", "place", "agency"),
    [
        ("MEXICO CITY (AP) — Mexico said on Monday ...", "MEXICO CITY", "AP"),
        ("KYIV, Ukraine (AP) — Ukraine said ...", "KYIV, Ukraine", "AP"),
        ("SEOUL, May 5 (Yonhap) -- South Korea said ...", "SEOUL", "Yonhap"),
        ("RIYADH: Saudi Arabia and Iran agreed ...", "RIYADH", None),
        ("NEW DELHI — India said ...", "NEW DELHI", None),
        ("New Delhi, May 5 (PTI) - India said ...", "New Delhi", "PTI"),
        ("Mangaluru, Aug 29: The state mission said ...", "Mangaluru", None),
        ("New York, May 20", "New York", None),
        ("BEIJING, May 5, 2025 (Xinhua) -- China said ...", "BEIJING", "Xinhua"),
    ],
)
def test_wire_dateline_shapes(paragraph: str, place: str, agency: str | None) -> None:
    wire = parse_wire_dateline(paragraph)
    assert wire is not None
    assert (wire.place, wire.agency) == (place, agency)


@pytest.mark.parametrize(
    "paragraph",
    [
        "The United States said on Monday - in a statement - that talks would go on.",
        "UPDATE: the meeting was moved.",
        "U.S. officials (speaking anonymously) - said ...",
        "Talks in Geneva, May 5 - were tense, diplomats said.",
        "Mexico City, May 4, officials said.",
        "WASHINGTON, officials said.",
    ],
)
def test_not_wire_datelines(paragraph: str) -> None:
    assert parse_wire_dateline(paragraph) is None


def test_timezone_table_choices() -> None:
    assert TIMEZONES["IST"].utcoffset(None) == timedelta(hours=5, minutes=30)
    assert TIMEZONES["KST"].utcoffset(None) == timedelta(hours=9)
    assert TIMEZONES["AST"].utcoffset(None) == timedelta(hours=3)  # Arabia, not Atlantic
    assert TIMEZONES["BST"].utcoffset(None) == timedelta(hours=1)
    assert parse_timezone("UTC+8") == timezone(timedelta(hours=8))
    assert parse_timezone("GMT-03:00") == timezone(-timedelta(hours=3))
    assert parse_timezone("+0530") == IST
    assert parse_timezone("XYZ") is None
    assert parse_timezone("+2500") is None


def test_context_year() -> None:
    assert context_year("blah\n© 2023 Example News") == 2023
    assert context_year("Copyright 2021") == 2021
    assert context_year("Filed 14 Nov 2025 | (c) Example Wire 2025") == 2025
    assert context_year("© 2019-2025 Example News") == 2025
    # full dates in the body name earlier events, not the page's year
    assert context_year("Posted 2019-03-04 and 2020-01-01") is None
    assert context_year("nothing") is None


# --------------------------------------------------------------------------- event dates

# Datelines stamped just after midnight local time: the UTC date is still the day before, so
# any code that converts to UTC before counting back gets "on Sunday" wrong.
JUST_AFTER_MIDNIGHT = [
    pytest.param(datetime(2025, 5, 5, 0, 10, tzinfo=IST), id="IST"),
    pytest.param(datetime(2025, 5, 5, 0, 10, tzinfo=KST), id="KST"),
    pytest.param(datetime(2025, 5, 5, 0, 10, tzinfo=AST), id="AST"),
]


@pytest.mark.parametrize("published", JUST_AFTER_MIDNIGHT)
@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("on Sunday", date(2025, 5, 4)),
        ("Sunday", date(2025, 5, 4)),
        ("Sunday night", date(2025, 5, 4)),
        ("late Sunday", date(2025, 5, 4)),
        ("on Monday", date(2025, 5, 5)),  # the publication weekday itself: that day
        ("last Monday", date(2025, 4, 28)),
        ("Tuesday", date(2025, 4, 29)),
        ("Friday night", date(2025, 5, 2)),
        ("on Saturday", date(2025, 5, 3)),
        ("yesterday", date(2025, 5, 4)),
        ("last night", date(2025, 5, 4)),
        ("today", date(2025, 5, 5)),
        ("earlier this week", date(2025, 5, 5)),
        ("last week", date(2025, 4, 28)),
        ("last month", date(2025, 4, 1)),
        ("over the weekend", date(2025, 5, 3)),
        ("2 days ago", date(2025, 5, 3)),
        ("two weeks ago", date(2025, 4, 21)),
        ("on May 2", date(2025, 5, 2)),
        ("May 9", date(2024, 5, 9)),  # never forward: last year's May 9
        ("4 May 2025", date(2025, 5, 4)),
        ("2025-04-30", date(2025, 4, 30)),
    ],
)
def test_resolve_relative_in_the_publication_time_zone(
    published: datetime, expression: str, expected: date
) -> None:
    assert published.astimezone(UTC).date() == date(2025, 5, 4)  # the trap is real
    assert resolve_relative(expression, published) == expected


def test_seed_dateline_on_sunday() -> None:
    published = parse_published("Updated: 05-05-2025 06:42 IST")
    assert published is not None
    assert resolve_relative("on Sunday", published) == date(2025, 5, 4)
    midnight = parse_published("Updated: 05-05-2025 00:10 IST")
    assert midnight is not None
    assert resolve_relative("on Sunday", midnight) == date(2025, 5, 4)


def test_weekday_never_resolves_forward() -> None:
    published = datetime(2025, 5, 7, 12, 0, tzinfo=UTC)  # a Wednesday
    for name in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"):
        got = resolve_relative(name, published)
        assert got is not None
        assert published.date() - timedelta(days=6) <= got <= published.date()
        assert got.strftime("%A") == name


def test_future_preference_for_future_clauses() -> None:
    published = datetime(2025, 5, 7, 12, 0, tzinfo=UTC)  # Wednesday
    assert resolve_relative("Friday", published, prefer="future") == date(2025, 5, 9)
    assert resolve_relative("next Monday", published) == date(2025, 5, 12)
    assert resolve_relative("tomorrow", published) == date(2025, 5, 8)
    assert resolve_relative("May 2", published, prefer="future") == date(2026, 5, 2)


def test_relative_edge_cases() -> None:
    published = datetime(2024, 3, 31, 9, 0, tzinfo=UTC)
    assert resolve_relative("a month ago", published) == date(2024, 2, 29)  # clipped
    assert resolve_relative("Feb 29", datetime(2025, 3, 1, tzinfo=UTC)) == date(2024, 2, 29)
    assert resolve_relative("last year", published) == date(2023, 1, 1)
    assert resolve_relative("in March", published) == date(2024, 3, 1)
    assert resolve_relative("mid-April", published) == date(2023, 4, 1)
    assert resolve_relative("May 2nd", published) == date(2023, 5, 2)
    assert resolve_relative("this past Sunday", published) == date(2024, 3, 24)  # a Sunday
    assert resolve_relative("05-04-2024", published) == date(2024, 4, 5)
    assert resolve_relative("Sunday, March 24", published) == date(2024, 3, 24)
    assert resolve_relative("on Friday 1 March 2024", published) == date(2024, 3, 1)
    assert resolve_relative("Saturday evening local time", published) == date(2024, 3, 30)
    assert resolve_relative("earlier on Sunday", published) == date(2024, 3, 31)
    assert resolve_relative("in 2023", published) == date(2023, 1, 1)
    assert resolve_relative("two days earlier", published) is None  # relative to another event
    assert resolve_relative("later this year", published) is None  # still to come: no day
    assert resolve_relative("later in the week", published) is None
    assert resolve_relative("later today", published) == date(2024, 3, 31)
    assert resolve_relative("last weekend", datetime(2025, 5, 4, tzinfo=UTC)) == date(2025, 4, 26)
    assert resolve_relative("Sunday's", datetime(2025, 5, 5, tzinfo=UTC)) == date(2025, 5, 4)
    assert resolve_relative("on Sunday", date(2025, 5, 5)) == date(2025, 5, 4)


@pytest.mark.parametrize("expression", ["", "soon", "may", "the talks", "Feb 30", "someday"])
def test_unresolvable_expressions_give_none(expression: str) -> None:
    assert resolve_relative(expression, datetime(2025, 5, 5, tzinfo=UTC)) is None


def test_date_mentions_in_a_sentence() -> None:
    sentence = "Trump said on Sunday he may march on, and Sheinbaum replied last week."
    found = date_mentions(sentence)
    assert [m[2] for m in found] == ["on Sunday", "last week"]
    for start, end, text in found:
        assert sentence[start:end] == text


# --------------------------------------------------------------------------- the library traps
# Our answers where the date libraries go wrong (docs/ingest-loading.md, "The traps this avoids",
# gives what dateparser 1.5.0 and python-dateutil 4.0.0 answer instead; we depend on neither).


def test_ist_is_india_time_on_a_just_after_midnight_dateline() -> None:
    published = parse_published("Updated: 05-05-2025 00:10 IST")
    assert published is not None
    assert published.utcoffset() == timedelta(hours=5, minutes=30)  # dateparser: +02:00
    assert (published.month, published.day) == (5, 5)


def test_numeric_dates_are_day_first() -> None:
    assert parse_published("05-04-2025") == datetime(2025, 4, 5, tzinfo=UTC)  # dateparser: May 4


@pytest.mark.parametrize(
    ("said", "day"),
    [
        ("Monday", date(2025, 5, 5)),  # the dateline's own weekday; dateparser 'past': Apr 28
        ("on Sunday", date(2025, 5, 4)),  # the day before; dateutil's fuzzy parse: May 11
    ],
)
def test_weekdays_count_from_the_local_dateline_day(said: str, day: date) -> None:
    published = parse_published("Updated: 05-05-2025 00:10 IST")
    assert published is not None
    assert resolve_relative(said, published) == day


# --------------------------------------------------------------------------- properties


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_parse_published_never_crashes(text: str) -> None:
    got = parse_published(text)
    assert got is None or (isinstance(got, datetime) and got.tzinfo is not None)


@settings(max_examples=200, deadline=None)
@given(
    day=st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)),
    hour=st.integers(0, 23),
    minute=st.integers(0, 59),
    zone=st.sampled_from(["IST", "KST", "AST", "GMT", "CEST", "JST", "EAT"]),
)
def test_day_first_datelines_round_trip(day: date, hour: int, minute: int, zone: str) -> None:
    line = f"Updated: {day:%d-%m-%Y} {hour:02d}:{minute:02d} {zone}"
    got = parse_published(line)
    assert got is not None
    assert (got.date(), got.hour, got.minute) == (day, hour, minute)
    assert got.utcoffset() == TIMEZONES[zone].utcoffset(None)


@settings(max_examples=300, deadline=None)
@given(
    published=st.datetimes(
        min_value=datetime(1950, 1, 1),
        max_value=datetime(2090, 1, 1),
        timezones=st.sampled_from([IST, KST, AST, UTC, timezone(-timedelta(hours=10))]),
    ),
    weekday=st.sampled_from(
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    ),  # fmt: skip
    prefix=st.sampled_from(["", "on ", "late ", "early "]),
    suffix=st.sampled_from(["", " night", " morning", " evening"]),
)
def test_weekdays_resolve_to_the_most_recent_such_day(
    published: datetime, weekday: str, prefix: str, suffix: str
) -> None:
    got = resolve_relative(f"{prefix}{weekday}{suffix}", published)
    local = published.date()
    assert got is not None and got.strftime("%A") == weekday
    assert 0 <= (local - got).days <= 6


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60), st.datetimes(timezones=st.just(UTC)))
def test_resolve_relative_never_crashes(expression: str, published: datetime) -> None:
    got = resolve_relative(expression, published)
    assert got is None or isinstance(got, date)


def test_wire_dateline_with_iso_stamp() -> None:
    wire = parse_wire_dateline("OSLO, 2023-09-02T07:05:00Z - Norway said it would ...")
    assert wire is not None and wire.place == "OSLO"
    assert wire.date(None) == datetime(2023, 9, 2, 7, 5, tzinfo=UTC)
    assert parse_wire_dateline("OSLO, 2023-02-30 - Norway said") is None
