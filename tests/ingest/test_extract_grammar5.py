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
    recs = extract_document(doc, resolver_factory=lambda on: ActorResolver(on=None)).clauses
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


def _react(text: str) -> list[dict]:
    return [r for r in _records(text) if r["action"]["root"] == "11"]


def test_condemning_the_strikes_condemns_who_struck():
    recs = _react("Israel carried out strikes on Gaza. Egypt condemned the strikes.")
    assert has(recs, "EGY", "ISR", "11"), recs


def test_them_after_a_named_plural_act_is_its_doers():
    recs = _react("Iran welcomed the US strikes on Syria. Russia condemned them.")
    assert has(recs, "RUS", "USA", "11"), recs


def test_them_after_striking_is_the_striker():
    recs = _react("The United States launched air strikes on Syria on Friday. Iran condemned them.")
    assert has(recs, "IRN", "USA", "11"), recs


def test_condemning_the_sanctions_condemns_who_imposed_them():
    recs = _react("The EU imposed sanctions on Iran. Tehran condemned the sanctions.")
    assert has(recs, "IRN", "IGO", "11"), recs


def test_them_two_sentences_later_is_not_the_act():
    recs = _react(
        "Iran welcomed the US strikes on Syria. Officials met on Monday. Russia condemned them."
    )
    assert not has(recs, "RUS", "USA", "11"), recs


def test_the_military_rulers_are_the_junta_named_before():
    recs = _records(
        "Myanmar's junta seized power in February. The military rulers arrested 20 students."
    )
    arrests = [r for r in recs if r["action"]["cameo"] == "173"]
    assert arrests and all(r["source"]["name"] == "Myanmar Junta" for r in arrests), recs


def test_the_generals_are_the_army_named_before():
    recs = _records("Egypt's army took power in July. The generals arrested Mohamed Morsi.")
    assert has(recs, "EGY", "EGY", "17"), recs


def test_the_generals_are_not_one_general_named_before():
    recs = _records("General Sisi met President Biden. The generals discussed aid.")
    assert not any(
        r["source"]["name"] == "Abdel Fattah el-Sisi" and r["target"] is None for r in recs
    ), recs


def test_an_apposition_lends_no_second_country():
    recs = _records(
        "The Syrian Observatory for Human Rights, a UK-based group, said rebels attacked"
        " a checkpoint."
    )
    assert has(recs, "SYR", None, "19") and not has(recs, "GBR", None, "19"), recs


def test_a_based_in_apposition_lends_no_country_either():
    recs = _records(
        "The Syrian Observatory for Human Rights, a monitoring group based in Britain,"
        " said militants shelled the town."
    )
    assert has(recs, "SYR", "SYR", "19") and not has(recs, "GBR", "GBR", "19"), recs


def test_a_coordinated_verb_tagged_as_adjective_is_still_coded():
    # the small model tags "exploded" here as an adjective (JJ) conjoined to "kidnapped"
    recs = _records("Afghan rebels kidnapped five advisers and exploded bombs in Peshawar.")
    assert has(recs, "AFG", "PAK", "18"), recs


def test_a_patron_named_before_a_group_is_not_its_country():
    recs = _records("The Iran-backed group attacked a US base.")
    assert has(recs, None, "USA", "19") and not has(recs, "IRN", "USA", "19"), recs


def test_a_side_taken_is_not_the_groups_country():
    recs = _records("The pro-Iranian group attacked a US base.")
    assert has(recs, None, "USA", "19") and not has(recs, "IRN", "USA", "19"), recs


def test_a_state_that_trains_is_still_the_subject():
    recs = _records("North Korea has trained 500 hackers.")
    assert any(r["source"]["country"] == "PRK" for r in recs), recs


def test_praising_a_withdrawal_praises_who_withdrew_not_the_place_left():
    recs = _records("Britain praised the Russian withdrawal from Kherson.")
    assert has(recs, "GBR", "RUS", "05"), recs


def test_an_offer_from_a_state_is_still_that_states():
    recs = _records("Kyiv welcomed an offer from Turkey.")
    assert has(recs, "UKR", "TUR", "05"), recs


def test_welcoming_a_states_strikes_welcomes_that_state():
    # the parser reads "strikes" here as a verb clause; it is the object noun
    recs = _records("Iran welcomed the US strikes on Syria.")
    assert has(recs, "IRN", "USA", "01") and not has(recs, "IRN", "SYR", "01"), recs


def test_the_aim_of_the_weapon_places_the_victims():
    recs = _records("Israeli strikes on Rafah killed 20 people.")
    assert has(recs, "ISR", "PSE", "18"), recs
