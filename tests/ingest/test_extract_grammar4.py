"""Clause shapes of the fourth grammar round, one sentence each, written for these tests.

Like test_extract_shapes.py, a tiny fake resolver stands in for `ingest.actors`.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from fakes import FakeActor, FakeResolver  # noqa: E402
from test_extract_shapes import Doc, asserted, has, run  # noqa: E402

from ingest.pipeline import extract_document


def test_unsigned_report_speaks_for_the_place_it_was_issued_in():
    recs = asserted("A report published on Monday in Tehran accused Israel of sabotage.")
    assert has(recs, "IRN", "ISR", "11"), recs


def test_report_by_a_named_body_is_that_bodys():
    recs = asserted("A report by the Turkish government accused Russia of spying.")
    assert has(recs, "TUR", "RUS", "11"), recs


def test_issued_by_names_the_author_before_the_place():
    recs = asserted(
        "A statement issued in Paris by the Turkish government accused Russia of lying."
    )
    assert has(recs, "TUR", "RUS", "11"), recs
    assert not any(r["source"]["country"] == "FRA" for r in recs), recs


class _SeatResolver(FakeResolver):
    """Reads a capital as its government (seat-of-government metonymy), as the registry does."""

    def resolve(self, mention: str) -> FakeActor | None:
        if mention.strip().lower() == "tehran":
            return FakeActor("Iranian Government", "IRN", "government")
        return super().resolve(mention)


def test_place_of_issue_gives_the_state_not_its_government():
    doc = Doc("A report published on Monday in Tehran accused Israel of sabotage.")
    recs = extract_document(doc, resolver_factory=_SeatResolver).clauses
    assert [r["source"]["kind"] for r in recs if r["action"]["root"] == "11"] == ["country"], recs


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
    recs = extract_document(doc, resolver_factory=_NetworkResolver).clauses
    accused = [r for r in recs if r["action"]["root"] == "11"]
    assert accused and accused[0]["target"]["name"] == "Global Jihad Network", recs
    assert accused[0]["target"]["country"] is None, recs


def test_condolences_go_to_the_state_where_the_mourned_event_happened():
    recs = asserted("Germany expressed condolences over the bombing in Paris.")
    assert has(recs, "DEU", "FRA", "01"), recs


def test_condolences_without_a_place_have_no_target():
    recs = asserted("Germany expressed condolences over the bombing.")
    assert has(recs, "DEU", None, "01"), recs


class _ProvinceResolver(FakeResolver):
    """Places provinces the way `resolve_place` does; the actor table does not hold them."""

    def resolve_place(self, text: str) -> str | None:
        return "BRA" if text.strip().lower() == "bahia" else None


def test_a_province_named_as_gpe_is_placed_by_resolve_place():
    doc = Doc("Japan expressed sorrow for the floods in Bahia.")
    recs = extract_document(doc, resolver_factory=_ProvinceResolver).clauses
    assert has(recs, "JPN", "BRA", "01"), recs


def test_claimed_attack_on_unplaced_people_aims_at_the_place_they_were_hit():
    text = "GJN claimed responsibility for an attack targeting non-Muslims at a market in Kyiv."
    recs = extract_document(Doc(text), resolver_factory=_NetworkResolver).clauses
    assert has(recs, None, "UKR", "01"), recs


def test_non_prefixed_people_take_no_country_from_the_people_named():
    recs = asserted(
        "Russia claimed responsibility for an attack targeting non-Russians at a market in Kyiv."
    )
    assert has(recs, "RUS", "UKR", "01"), recs
    assert not any(r["target"] and r["target"]["country"] == "RUS" for r in recs), recs


def test_reduced_relative_participle_is_not_the_subjects_act():
    recs = run("The Turkish soldiers detained in Iran last month were freed on Monday by Iran.")
    assert not any(r["action"]["root"] == "17" for r in recs), recs
    assert any(r["action"]["root"] == "08" and r["source"]["country"] == "IRN" for r in recs)


def test_coordinated_active_and_passive_verbs_keep_the_active_act():
    recs = asserted("Russian troops attacked Kyiv and were repelled by Ukraine.")
    assert has(recs, "RUS", "UKR", "19"), recs


class _PressResolver(FakeResolver):
    """Knows one newspaper by name and the generic class noun, as the real resolver does."""

    def resolve(self, mention: str) -> FakeActor | None:
        low = mention.strip().lower()
        if low in ("morning star", "the morning star"):
            return FakeActor("Morning Star", "GBR", "organization")
        if low.endswith("newspaper"):
            return FakeActor("Media", None, "organization")
        return super().resolve(mention)


def test_class_noun_with_a_name_in_apposition_is_the_named_actor():
    doc = Doc("The Chinese government ordered the opposition newspaper Morning Star to close.")
    recs = extract_document(doc, resolver_factory=_PressResolver).clauses
    assert has(recs, "CHN", "GBR", "17"), recs


def test_class_noun_without_a_name_stays_generic():
    doc = Doc("The Chinese government ordered the opposition newspaper to close.")
    recs = extract_document(doc, resolver_factory=_PressResolver).clauses
    assert not any(r["target"] and r["target"]["country"] == "GBR" for r in recs), recs


def test_militants_loyal_to_a_leader_are_of_the_leaders_country():
    recs = asserted("Militants loyal to Vladimir Putin attacked Kyiv on Sunday.")
    assert has(recs, "RUS", "UKR", "19"), recs


def test_workers_affiliated_with_a_body_are_of_its_country():
    recs = asserted("Workers affiliated with the Turkish government protested against Iran.")
    assert has(recs, "TUR", "IRN", "14"), recs


def test_a_sponsor_does_not_give_the_militants_its_country():
    recs = run("Militants backed by Russia attacked Kyiv on Sunday.")
    assert not any(r["source"]["country"] == "RUS" for r in recs), recs


def test_violence_on_oneself_has_no_counterpart():
    recs = run("Russian troops attacked themselves near the border.")
    assert not any(r["action"]["root"] in ("18", "19", "20") for r in recs), recs


def test_violence_on_another_is_still_coded():
    recs = asserted("Russian troops attacked Ukraine near the border.")
    assert has(recs, "RUS", "UKR", "19"), recs


def test_an_objects_possessive_pronoun_is_the_clause_subject():
    recs = asserted("Turkey, a close partner of Iran, has urged its citizens to avoid Russia.")
    urged = [r for r in recs if r["action"]["root"] == "02"]
    assert urged and urged[0]["source"]["country"] == "TUR", recs
    assert all(r["target"] is None or r["target"]["country"] != "IRN" for r in urged), recs


class _ReliefResolver(FakeResolver):
    """Knows one relief body as international, as the registry does."""

    def resolve(self, mention: str) -> FakeActor | None:
        if mention.strip().lower() in ("red cross", "the red cross"):
            return FakeActor("Red Cross", "IGO", "igo")
        return super().resolve(mention)


def test_participle_parsed_as_subject_gives_way_to_its_noun():
    text = "The Red Cross operating in Ukraine said Russian troops must protect civilians."
    recs = extract_document(Doc(text), resolver_factory=_ReliefResolver).clauses
    assert has(recs, "IGO", "RUS", "10"), recs


def test_a_without_clause_names_no_target():
    recs = run("Turkey agreed to hold early elections without inviting Russia.")
    assert not any(r["target"] and r["target"]["country"] == "RUS" for r in recs), recs


class _RefugeeResolver(FakeResolver):
    """Knows refugees as a country-less group, as the real resolver does."""

    def resolve(self, mention: str) -> FakeActor | None:
        if mention.strip().lower().endswith("refugees"):
            return FakeActor("Refugees", None, "group")
        return super().resolve(mention)


def test_refugees_do_not_take_the_host_states_country():
    doc = Doc("Turkey said on Monday it will not accept any more refugees.")
    recs = extract_document(doc, resolver_factory=_RefugeeResolver).clauses
    assert any(r["action"]["root"] == "12" for r in recs), recs
    assert not any(r["target"] and r["target"]["country"] == "TUR" for r in recs), recs


def test_object_the_parser_moved_into_a_participle_clause_is_still_the_target():
    recs = asserted(
        "Germany has granted political asylum to four Russian army officers holed up in a "
        "hotel since last month's invasion, the German embassy said on Friday."
    )
    assert has(recs, "DEU", "RUS", "07"), recs


def test_rebels_act_on_their_own_countrys_army():
    recs = asserted("Turkish rebels ambushed the Turkish army near the border.")
    assert has(recs, "TUR", "TUR", "19"), recs


def test_rebels_defy_a_ban_by_their_own_countrys_army():
    recs = asserted("Turkish rebels violated a ban by the Turkish army on Sunday.")
    assert has(recs, "TUR", "TUR", "12"), recs


def test_a_state_deploying_its_own_troops_does_not_target_them():
    recs = asserted("Turkey deployed Turkish troops to the border with Iran.")
    assert not has(recs, "TUR", "TUR", "15"), recs


def test_up_to_a_number_is_a_quantity_not_a_particle():
    recs = asserted(
        "Ukrainian rebels have kidnapped up to 16 Russian civilian advisers from a village market."
    )
    assert has(recs, "UKR", "RUS", "18"), recs


def test_exploding_bombs_is_a_bombing():
    recs = asserted("Russian troops exploded two bombs in Ukraine on Sunday.")
    assert "183" in {r["action"]["cameo"] for r in recs} and has(recs, "RUS", "UKR", "18"), recs


def test_a_capital_named_in_apposition_is_the_place_hit():
    recs = asserted("Ukrainian rebels exploded two bombs in the capital Moscow on Sunday.")
    assert has(recs, "UKR", "RUS", "18"), recs


def test_calling_off_a_strike_yields_to_the_own_authorities():
    recs = asserted("Turkish rebels have called off a four-day strike.")
    assert has(recs, "TUR", "TUR", "08"), recs


def test_calling_off_a_visit_is_no_yielding_to_oneself():
    recs = asserted("Turkey called off a visit to Iran on Monday.")
    assert not has(recs, "TUR", "TUR", "08"), recs


class _CiviliansResolver(FakeResolver):
    """Knows civilians as a country-less group that takes a country hint, as the real one does."""

    def resolve(self, mention: str) -> FakeActor | None:
        if mention.strip().lower() == "civilians":
            return FakeActor("Civilians", None, "group")
        return super().resolve(mention)

    def resolve_with_context(self, mention: str, country_hint: str | None) -> FakeActor | None:
        if mention.strip().lower() == "civilians" and country_hint:
            return FakeActor(f"{country_hint} Civilians", country_hint, "group")
        return super().resolve_with_context(mention, country_hint)


def test_victims_borrowing_the_attackers_country_are_the_places_people():
    doc = Doc("Russian troops attacked civilians at a market in Kyiv.")
    recs = extract_document(doc, resolver_factory=_CiviliansResolver).clauses
    assert has(recs, "RUS", "UKR", "19") and not has(recs, "RUS", "RUS", "19"), recs


def test_victims_with_no_other_place_keep_the_local_reading():
    doc = Doc("Russian troops attacked civilians near the border.")
    recs = extract_document(doc, resolver_factory=_CiviliansResolver).clauses
    assert has(recs, "RUS", "RUS", "19"), recs


def test_an_unnamed_crowd_is_the_people_of_the_place_it_protests_in():
    doc = Doc("Thousands of civilians demonstrated in Kyiv on Sunday.")
    recs = extract_document(doc, resolver_factory=_CiviliansResolver).clauses
    assert any(r["source"]["country"] == "UKR" and r["action"]["root"] == "14" for r in recs), recs


def test_a_protests_declared_aim_beats_the_place_it_is_held_in():
    doc = Doc(
        "Thousands of civilians blocked the main streets in central Paris in defiance of German "
        "authorities."
    )
    recs = extract_document(doc, resolver_factory=_CiviliansResolver).clauses
    assert has(recs, "FRA", "DEU", "14") and not has(recs, "FRA", "FRA", "14"), recs


def test_in_defiance_of_a_state_is_no_place():
    doc = Doc("Thousands of civilians blocked roads in defiance of Germany on Sunday.")
    recs = extract_document(doc, resolver_factory=_CiviliansResolver).clauses
    assert not any(r["source"]["country"] == "DEU" for r in recs), recs


class _LegislatureResolver(FakeResolver):
    """Places a bare legislature only with a country hint, as the real resolver does."""

    def resolve_with_context(self, mention: str, country_hint: str | None) -> FakeActor | None:
        if mention.strip().lower() in ("parliament", "the parliament") and country_hint:
            return FakeActor(f"{country_hint} Parliament", country_hint, "legislature")
        return super().resolve_with_context(mention, country_hint)


def test_a_bare_parliament_is_the_sentences_countrys():
    doc = Doc("Turkish rebels staged a hunger strike outside Parliament on Sunday.")
    recs = extract_document(doc, resolver_factory=_LegislatureResolver).clauses
    assert any(
        r["target"] and r["target"]["kind"] == "legislature" and r["target"]["country"] == "TUR"
        for r in recs
    ), recs


def test_an_unnamed_crowd_defying_a_states_leader_is_that_states_people():
    doc = Doc("Hundreds of civilians staged a hunger strike to demand the resignation of Putin.")
    recs = extract_document(doc, resolver_factory=_CiviliansResolver).clauses
    assert has(recs, "RUS", "RUS", "14"), recs


def test_an_unnamed_crowd_protesting_a_foreign_state_stays_unplaced():
    doc = Doc("Hundreds of civilians protested against Russia on Sunday.")
    recs = extract_document(doc, resolver_factory=_CiviliansResolver).clauses
    assert not any(r["source"]["country"] == "RUS" for r in recs), recs


def test_an_x_led_war_is_owned_by_its_leader():
    recs = asserted("Turkey condemned the Russian-led war in Ukraine on Sunday.")
    assert has(recs, "TUR", "RUS", "11"), recs


def test_victims_are_placed_by_a_when_clause_of_the_attack():
    doc = Doc("Russian troops killed civilians on Sunday when they shelled a market in Kyiv.")
    recs = extract_document(doc, resolver_factory=_CiviliansResolver).clauses
    assert has(recs, "RUS", "UKR", "18") and not has(recs, "RUS", "RUS", "18"), recs


class _CounterpartResolver(FakeResolver):
    """Answers `counterpart(role, iso3)` for Mexico the way the registry does."""

    def counterpart(self, role: str, iso3: str) -> FakeActor | None:
        if iso3 == "MEX" and role:
            return FakeActor("Claudia Sheinbaum", "MEX", "person", ("Sheinbaum",), role, "f")
        return None


def test_his_counterpart_is_the_same_offices_holder_in_that_state():
    doc = Doc("Donald Trump met his Mexican counterpart in Washington on Monday.")
    recs = extract_document(doc, resolver_factory=_CounterpartResolver).clauses
    met = [r for r in recs if r["action"]["root"] == "04" and r["source"]["country"] == "USA"]
    assert met and met[0]["target"]["name"] == "Claudia Sheinbaum", recs
