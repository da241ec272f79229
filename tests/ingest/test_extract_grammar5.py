"""Clause shapes of the fifth grammar round, one sentence each, written for these tests.

These run the real actor resolver: the rules depend on how it places people and weapons.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from test_extract_shapes import Doc, has  # noqa: E402

from ingest.actors import ActorResolver
from ingest.pipeline import extract_document


def _records(text: str) -> list[dict]:
    doc = Doc(text)
    recs = extract_document(doc, resolver_factory=lambda on: ActorResolver(on=None)).records
    return [r for r in recs if r["mode"] is None]


def test_countryless_victims_of_a_weapon_are_the_places_people():
    recs = _records("Israeli strikes killed 20 people in Rafah.")
    assert has(recs, "ISR", "PSE", "18"), recs


def test_countryless_victims_in_a_named_city_take_its_state():
    recs = _records("Russian missiles killed five civilians in Kharkiv.")
    assert has(recs, "RUS", "UKR", "18"), recs


def test_countryless_victims_without_a_place_stay_unplaced():
    recs = _records("Israeli strikes killed 20 people on Monday.")
    assert has(recs, "ISR", None, "18") and not has(recs, "ISR", "ISR", "18"), recs


def test_a_patron_does_not_lend_its_country_to_the_group_it_backs():
    recs = _records("Iraqi forces attacked Iran-backed militias.")
    assert has(recs, "IRQ", None, "19") and not has(recs, "IRQ", "IRN", "19"), recs


def test_a_side_taken_does_not_lend_its_country_either():
    recs = _records("Iraqi forces attacked pro-Iranian militias.")
    assert not has(recs, "IRQ", "IRN", "19"), recs


def test_an_unmarked_group_still_takes_the_sentences_country():
    recs = _records("Iraqi forces attacked militias.")
    assert has(recs, "IRQ", "IRQ", "19"), recs


def test_protesters_destroying_property_protest_violently():
    recs = _records("The Russian building was demolished by a Ukrainian protestor.")
    assert has(recs, "UKR", "RUS", "14") and not has(recs, "UKR", "RUS", "17"), recs
    assert any(r["action"]["cameo"] == "145" for r in recs), recs


def test_troops_destroying_property_still_coerce():
    recs = _records("Israeli troops demolished a Palestinian house.")
    assert has(recs, "ISR", "PSE", "17"), recs
