"""Publication dates read from whole pages: header datelines, wire datelines and stamps below
the article. Rows are invented pages in shapes seen on news sites; None means the page states
no date we can trust, and then no date is made up."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from ingest._pages import clean_page
from ingest.dates import parse_published

IST = timezone(timedelta(hours=5, minutes=30))
EDT = timezone(-timedelta(hours=4))

BODY = (
    "The foreign ministers of Chile and Peru met in Santiago on Tuesday to discuss border "
    "crossings, officials from both governments said in a joint statement.\n\n"
    "The two sides agreed to meet again before the end of the year, the statement said."
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Published: 11:30 PM, Mon - 28 July 25", datetime(2025, 7, 28, 23, 30, tzinfo=UTC)),
        ("Staff | Published 9:40 AM, Thu - 7 Dec 23", datetime(2023, 12, 7, 9, 40, tzinfo=UTC)),
        ("29th Monday, July 2024 - 21:41 UTC", datetime(2024, 7, 29, 21, 41, tzinfo=UTC)),
        ("PUBLISHED ONJuly 16, 2024", datetime(2024, 7, 16, tzinfo=UTC)),
        ("THU, SEP 11 2025 • 6:05 AM EDT", datetime(2025, 9, 11, 6, 5, tzinfo=EDT)),
        ("Filed 03 Feb 2024 18:20 IST | (c) Wire 2024", datetime(2024, 2, 3, 18, 20, tzinfo=IST)),
        ("Published 3:05 PM, Tue - 04 Nov 25", datetime(2025, 11, 4, 15, 5, tzinfo=UTC)),
        # a two-digit number after a date is a count, not a year
        ("May 5, 20 people were hurt", None),
        ("Chapter 7 Dec 23 people", None),
    ],
)  # fmt: skip
def test_header_line(line: str, expected: datetime | None) -> None:
    got = parse_published(line)
    assert got == expected
    if expected is not None:
        assert got is not None and got.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        pytest.param(
            "The Andes Post\n\nHome | World | Politics\n\nChile and Peru talk borders\n\n"
            "Published 8:15 AM, Wed - 12 Mar 25\n\n" + BODY,
            datetime(2025, 3, 12, 8, 15, tzinfo=UTC),
            id="header-two-digit-year",
        ),
        pytest.param(
            "SANTIAGO/LIMA, Mar 11, 2025 (Andes Wire) - " + BODY,
            datetime(2025, 3, 11, tzinfo=UTC),
            id="joint-wire-dateline-with-year",
        ),
        pytest.param(
            "SANTIAGO/LIMA, Mar 11 (Andes Wire) - " + BODY + "\n\n"
            "Filed 11 Mar 2025 21:40 IST | (c) Andes Wire 2025",
            datetime(2025, 3, 11, 21, 40, tzinfo=IST),
            id="yearless-wire-dateline-with-stamp-below",
        ),
        pytest.param(
            "SANTIAGO, Mar 11 (Andes Wire) - " + BODY + "\n\n(c) 2025 Andes Wire",
            datetime(2025, 3, 11, tzinfo=UTC),
            id="yearless-wire-dateline-with-copyright-year",
        ),
        pytest.param(
            "SANTIAGO, Mar 11 (Andes Wire) - " + BODY,
            None,
            id="yearless-wire-dateline-and-no-year-anywhere",
        ),
        pytest.param(
            "SANTIAGO, Mar 11 (Andes Wire) - " + BODY + "\n\n"
            "Peru recalled its envoy on Oct. 7, 2021, after a dispute over fishing rights.",
            None,
            id="a-background-date-in-the-body-is-not-the-page-year",
        ),
        pytest.param(BODY, None, id="no-date-at-all"),
    ],
)
def test_page_publication_date(page: str, expected: datetime | None) -> None:
    got = clean_page(page).published
    assert got == expected
    if expected is not None:
        assert got is not None and got.utcoffset() == expected.utcoffset()
