"""More clause shapes of wire prose (second round), one sentence each, written for these tests.

Like test_extract_shapes.py, a tiny fake resolver stands in for `ingest.actors`.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from fakes import FakeActor, FakeResolver  # noqa: E402
from test_extract_shapes import Doc, asserted, codes, dyads, has, run  # noqa: E402

from ingest.pipeline import extract_document


def test_copula_with_participle_takes_the_copula_subject():
    recs = asserted("Turkey is opposed to French mediation in the dispute over the border.")
    assert has(recs, "TUR", "FRA", "12") and "126" in codes(recs)


def test_copula_participle_negation_reaches_the_copula():
    recs = run("Turkey is not opposed to French mediation in the dispute.")
    assert not any(r["mode"] is None for r in recs)


def test_received_from_is_the_givers_act():
    recs = asserted("Ukrainian troops received weapons from the German government.")
    assert has(recs, "DEU", "UKR", "07")
    assert not has(recs, "UKR", "DEU", "07")


def test_received_assurances_are_the_givers_intent():
    recs = asserted("Egypt received assurances from Israel on the border crossing.")
    assert has(recs, "ISR", "EGY", "03")


def test_received_visitors_keep_the_hosting_code():
    recs = asserted("Egypt received a delegation from Turkey on Sunday.")
    assert has(recs, "EGY", "TUR", "04")


def test_event_noun_subject_of_continue():
    recs = asserted("Egyptian protests against Israeli settlement policies are continuing.")
    assert has(recs, "EGY", "ISR", "14")


def test_refused_acceptance_of_refugees_is_a_rejection():
    recs = asserted("Turkey said it will not accept any more refugees.")
    assert any(r["action"]["root"] == "12" and r["source"]["country"] == "TUR" for r in recs)


def test_agentless_investigation_is_the_local_state():
    recs = asserted("A British journalist has been put under investigation in France for spying.")
    assert any(r["source"]["country"] == "FRA" and r["action"]["root"] == "09" for r in recs), recs


def test_restrictive_relative_clause_is_background():
    recs = asserted("Turkish troops attacked the militia that has seized parts of Iran.")
    assert not any(r["action"]["root"] == "17" for r in recs)


def test_non_restrictive_relative_clause_is_reported():
    recs = asserted("Turkey condemned Iran, which seized a British tanker on Sunday.")
    assert has(recs, "IRN", "GBR", "17")


def test_remaining_on_alert_is_a_force_posture():
    recs = asserted("Egyptian troops remained on alert along the border with Israel.")
    assert any(r["action"]["root"] == "15" and r["source"]["country"] == "EGY" for r in recs)


def test_toll_adjunct_is_part_of_the_attack():
    recs = asserted("Turkish troops shelled Kurdish posts in Iran, killing two Iranian soldiers.")
    assert has(recs, "TUR", "IRN", "19")
    assert not any(r["action"]["root"] == "18" for r in recs)


def test_toll_adjunct_names_the_victims_when_the_attack_has_no_target():
    recs = asserted("Rebels shelled a remote area overnight, killing eight Egyptian troops.")
    assert any(
        r["action"]["root"] == "19" and r["target"] and r["target"]["country"] == "EGY"
        for r in recs
    ), recs


def test_asylum_in_a_country_is_asked_of_that_country():
    recs = asserted("Thousands of Egyptian refugees sought asylum in Turkey last year.")
    assert has(recs, "EGY", "TUR", "02")


def test_target_inside_an_into_phrase_of_the_complement():
    recs = asserted("Iran has tried to hack into the computers of the Israeli army.")
    assert any(r["target"] and r["target"]["country"] == "ISR" for r in recs), recs


def test_coordinated_toll_adjuncts_are_not_events():
    recs = asserted("Russian troops shelled Ukrainian positions, killing or wounding 30 people.")
    assert has(recs, "RUS", "UKR", "19")
    assert [r["action"]["root"] for r in recs] == ["19"]


def test_protest_claim_adjunct_is_part_of_the_protest():
    recs = asserted("Thousands of Egyptian workers rallied in Cairo, demanding higher wages.")
    assert any(r["action"]["root"] == "14" for r in recs)
    assert not any(r["action"]["root"] == "10" for r in recs)


def test_same_act_with_and_without_target_is_one_event():
    recs = asserted("Iran accused Israel of the raid and complained again.")
    assert dyads(recs) == {("IRN", "ISR", "11")}


def test_background_after_clause_is_not_coded():
    recs = asserted(
        "Turkish troops left the border on Monday, a week after Iran attacked the Turkish army."
    )
    assert not has(recs, "IRN", "TUR", "19")


def test_simultaneous_as_clause_is_still_coded():
    recs = asserted("Egyptian police fired on protesters as Israel shelled Gaza on Monday.")
    assert any(r["source"]["country"] == "ISR" and r["action"]["root"] == "19" for r in recs)


def test_conditional_announced_meeting_is_an_offer():
    recs = asserted("Iranian officials said they would meet the French envoy if he came to Tehran.")
    assert any(r["action"]["root"] == "03" and r["source"]["country"] == "IRN" for r in recs)


def test_unless_clause_makes_a_threat():
    recs = asserted("Turkey said it will withdraw its troops from Iran unless the attacks stop.")
    assert any(r["action"]["root"] == "13" and r["source"]["country"] == "TUR" for r in recs)


def test_conditional_with_could_stays_hypothetical():
    recs = run("Turkey said it could withdraw its troops from Iran if the attacks continue.")
    assert all(r["mode"] == "hypothetical" for r in recs if r["source"]["country"] == "TUR")


def test_confirmed_future_conflict_is_a_threat():
    recs = asserted("Russia confirmed on Monday it would tighten the blockade of Ukraine.")
    assert has(recs, "RUS", "UKR", "13")


class PlaceResolver(FakeResolver):
    """Knows one people-in-a-place phrase, the way the real resolver reads `X in <place>`."""

    def resolve(self, mention: str):
        if mention.lower() == "ethnic turks in northern iran":
            return FakeActor("Iranian Turks", "IRN", "group")
        return super().resolve(mention)


def test_a_people_in_a_place_is_read_with_the_place():
    text = "Ethnic Turks in northern Iran demanded autonomy from Tehran on Monday."
    recs = extract_document(Doc(text), resolver_factory=PlaceResolver).clauses
    assert any(r["source"]["country"] == "IRN" for r in recs), recs


def test_received_from_attached_to_the_object():
    recs = asserted("Ukrainian protesters received assurances from the German government.")
    assert has(recs, "DEU", "UKR", "03")


def test_refused_permission_is_a_rejection():
    recs = asserted("Putin said he would not give permission to Ukraine to join the talks.")
    assert has(recs, "RUS", "UKR", "12")


def test_coordinated_speakers_are_they():
    recs = asserted("Trump and Sheinbaum said they will attack the cartels in Brazil.")
    assert {r["source"]["country"] for r in recs} >= {"USA", "MEX"}, recs


def test_stative_passive_subject_is_the_source():
    recs = asserted("Brazil is committed to a ceasefire in the region.")
    assert any(r["source"]["country"] == "BRA" and r["action"]["root"] == "03" for r in recs)


def test_received_observers_is_a_concession():
    recs = asserted("Egypt received a team of observers from the United States on Sunday.")
    assert has(recs, "EGY", "USA", "08")


def test_meeting_with_is_one_way_but_talks_are_mutual():
    met = asserted("The French foreign minister met with President Vladimir Putin on Monday.")
    assert has(met, "FRA", "RUS", "04") and not has(met, "RUS", "FRA", "04")
    talks = asserted("The French foreign minister held talks with President Vladimir Putin.")
    assert has(talks, "FRA", "RUS", "04") and has(talks, "RUS", "FRA", "04")


def test_cancelled_visit_is_not_a_visit():
    recs = asserted("The German foreign minister has cancelled a planned visit to Turkey.")
    assert has(recs, "DEU", "TUR", "16") and not has(recs, "DEU", "TUR", "04")


class NameOfResolver(FakeResolver):
    """Knows a body whose name goes on after "of"."""

    def resolve(self, mention: str):
        if mention.lower().removeprefix("the ") == "popular front of upper egypt":
            return FakeActor("Popular Front of Upper Egypt", "EGY", "group")
        return super().resolve(mention)


def test_a_name_that_goes_on_after_of_is_resolved_whole():
    text = "Iran has been sharing expertise with the Popular Front of Upper Egypt."
    recs = extract_document(Doc(text), resolver_factory=NameOfResolver).clauses
    assert any(r["target"] and r["target"]["country"] == "EGY" for r in recs), recs


def test_late_object_after_an_as_phrase():
    recs = asserted("Iran on Friday condemned as a grave crime Israel's blockade of the port.")
    assert has(recs, "IRN", "ISR", "11"), recs


def test_complaint_targets_the_accused_not_the_addressee():
    recs = asserted("Egypt complained to the United States over Israeli air strikes in Gaza.")
    assert has(recs, "EGY", "ISR", "11") and not has(recs, "EGY", "USA", "11")


def test_complaint_to_someone_about_a_thing_targets_the_addressee():
    recs = asserted("Egypt complained to Israel about the delays at the crossing.")
    assert has(recs, "EGY", "ISR", "11")


class PeopleResolver(FakeResolver):
    """Knows a people by its plural demonym (as the real resolver does), nothing with adjectives."""

    def resolve(self, mention: str):
        if mention.lower() == "egyptians":
            return FakeActor("Egyptians", "EGY", "group")
        return super().resolve(mention)


def test_people_with_a_leading_adjective():
    text = "Angry Egyptians blocked roads in Cairo on Sunday."
    recs = extract_document(Doc(text), resolver_factory=PeopleResolver).clauses
    assert any(r["source"]["country"] == "EGY" for r in recs), recs


def test_their_forces_are_the_speakers_forces():
    recs = asserted(
        "Russia said on Tuesday its troops had completed their withdrawal from Ukraine."
    )
    assert any(r["source"]["country"] == "RUS" and r["action"]["root"] == "08" for r in recs), recs


def test_alleged_act_is_an_accusation_of_the_alleged_actor():
    recs = run("Israel alleged that Iran had fired missiles at Israeli towns.")
    assert has(recs, "ISR", "IRN", "11")
    assert not any(r["source"]["country"] == "IRN" and r["mode"] is None for r in recs)


def test_claimed_attack_is_an_accusation_but_claimed_victory_is_not():
    recs = asserted("The United States claimed that Iran had attacked Turkey.")
    assert dyads(recs) == {("USA", "IRN", "11")}
    assert not asserted("Egypt claimed victory in the talks.")


def test_permission_targets_whom_it_is_for():
    recs = asserted("Egypt allowed Israeli troops to cross the border at Rafah.")
    assert has(recs, "EGY", "ISR", "08"), recs


def test_threat_targets_the_party_of_the_condition():
    recs = asserted("Russia threatened to halt gas deliveries if Ukraine joins the alliance.")
    assert has(recs, "RUS", "UKR", "13"), recs


def test_protest_place_nested_in_a_place_noun():
    recs = asserted("Iranian students protested outside a prison in northern Turkey on Monday.")
    assert has(recs, "IRN", "TUR", "14"), recs


def test_facing_pressure_from_someone_is_their_demand():
    recs = asserted("Israel faces growing pressure from the United States to halt the offensive.")
    assert has(recs, "USA", "ISR", "10")
    assert not asserted("Egypt faces a difficult choice.")


def test_pausing_tariffs_is_easing_not_a_threat():
    recs = asserted("Japan paused its tariffs on Brazil for two months on Friday.")
    assert has(recs, "JPN", "BRA", "08") and "085" in codes(recs)
    assert not any(c.startswith("13") for c in codes(recs))


def test_agreeing_to_pause_tariffs_is_intent_to_ease():
    recs = asserted("The Japanese prime minister agreed on Tuesday to pause duties on Brazil.")
    assert has(recs, "JPN", "BRA", "03") and "0354" in codes(recs) and "1312" not in codes(recs)


def test_measure_on_phrase_hung_on_the_verb_still_names_the_target():
    # the parser attaches "on" to "suspend", not to "tariffs"
    recs = asserted("France agreed to suspend tariffs on Brazilian steel.")
    assert has(recs, "FRA", "BRA", "03") and "0354" in codes(recs)


def test_lifting_duties_is_easing():
    assert "085" in codes(asserted("Japan lifted duties on Brazilian beef on Monday."))


def test_refusing_to_step_down_is_against_the_own_country():
    recs = asserted("The Brazilian foreign minister refused to step down on Monday.")
    assert has(recs, "BRA", "BRA", "12")


def test_refusing_a_foreign_demand_keeps_no_home_target():
    recs = asserted("Japan refused to withdraw its ambassador.")
    assert not has(recs, "JPN", "JPN", "12")


def test_returning_somewhere_is_travel_not_a_handover():
    assert "084" not in codes(run("The Japanese envoy returned to Brazil on Monday."))
    assert "084" in codes(asserted("Japan returned two captured Brazilian fishermen on Monday."))


def test_active_conjunct_of_a_passive_shares_its_subject_not_the_agent():
    recs = asserted("The Brazilian envoy was expelled by Japan and returned the documents.")
    assert has(recs, "JPN", "BRA", "16")
    assert any(s == "BRA" and root == "08" for s, _, root in dyads(recs))
    assert not any(s == "JPN" and root == "08" for s, _, root in dyads(recs))


def test_arriving_peacekeepers_are_a_deployment_not_a_visit():
    recs = asserted("The first Brazilian peacekeeping troops arrived in Japan on Monday.")
    assert has(recs, "BRA", "JPN", "07") and "074" in codes(recs)
    assert "042" in codes(asserted("The Brazilian foreign minister arrived in Japan on Monday."))


def test_threatening_to_deliver_blows_is_a_threat_of_force():
    recs = asserted("Brazil has threatened to deliver devastating blows to Japan.")
    assert has(recs, "BRA", "JPN", "13") and "138" in codes(recs)


def test_sending_inspectors_is_an_investigation():
    recs = asserted("Brazil sent nuclear inspectors to Japan on Monday.")
    assert has(recs, "BRA", "JPN", "09")


def test_sending_people_to_investigate_is_the_investigation():
    recs = asserted("Brazil has sent 20 officials to Japan to investigate the crash.")
    assert has(recs, "BRA", "JPN", "09")
