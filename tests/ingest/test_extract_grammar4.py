"""Clause shapes of the fourth grammar round, one sentence each, written for these tests.

Like test_extract_shapes.py, a tiny fake resolver stands in for `ingest.actors`.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from fakes import FakeActor, FakeResolver  # noqa: E402
from test_extract_shapes import Doc, asserted, has  # noqa: E402

from ingest.pipeline import extract_document


def test_unsigned_report_speaks_for_the_place_it_was_issued_in():
    recs = asserted("A report published on Monday in Tehran accused Israel of sabotage.")
    assert has(recs, "IRN", "ISR", "11"), recs


def test_report_by_a_named_body_is_that_bodys():
    recs = asserted("A report by the Turkish government accused Russia of spying.")
    assert has(recs, "TUR", "RUS", "11"), recs


def test_report_without_author_or_place_codes_nothing():
    recs = asserted("A report accused Russia of spying.")
    assert not any(r["action"]["root"] == "11" for r in recs), recs


class _NetworkResolver(FakeResolver):
    """Knows one transnational network by its aliases (no country), as the registry does."""

    def resolve(self, mention: str) -> FakeActor | None:
        if mention.strip().lower() in ("global jihad network", "gjn"):
            return FakeActor("Global Jihad Network", None, "group", ("GJN",))
        return super().resolve(mention)


def test_registered_countryless_group_does_not_borrow_a_nearby_country():
    doc = Doc("Russia accused GJN of attacking Ukraine.")
    recs = extract_document(doc, resolver_factory=_NetworkResolver).records
    accused = [r for r in recs if r["action"]["root"] == "11"]
    assert accused and accused[0]["target"]["name"] == "Global Jihad Network", recs
    assert accused[0]["target"]["country"] is None, recs
