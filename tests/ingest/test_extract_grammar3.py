"""Clause shapes of the third grammar round (issue #3), one sentence each, written for these tests.

Like test_extract_shapes.py, a tiny fake resolver stands in for `ingest.actors`.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from fakes import FakeActor, FakeResolver  # noqa: E402
from test_extract_shapes import Doc, asserted, codes, has, run  # noqa: E402

from ingest.actors import ActorResolver
from ingest.pipeline import extract_document

# --- calendar verbs: a scheduled act is reported, not an intent ---


def test_scheduled_meeting_is_kept_as_future_not_asserted():
    recs = run("Putin is scheduled to meet Erdogan's envoy in Ankara on Friday.")
    assert any(r["action"]["root"] == "04" and r["mode"] == "future" for r in recs), recs
    assert not [r for r in recs if r["mode"] is None], recs


def test_set_to_visit_is_kept_as_future_not_asserted():
    recs = run("German officials are set to visit Brazil next month.")
    assert any(r["action"]["root"] == "04" and r["mode"] == "future" for r in recs), recs
    assert not [r for r in recs if r["mode"] is None], recs


def test_prepared_to_attend_as_a_verb_is_the_visit():
    recs = asserted("Donald Trump prepared to attend a summit in Egypt on Sunday.")
    assert has(recs, "USA", "EGY", "04"), recs


def test_army_preparing_an_attack_is_mobilization():
    recs = asserted("The Russian army prepared to resume shelling Ukrainian positions.")
    assert has(recs, "RUS", "UKR", "15"), recs
    assert not any(r["action"]["root"] == "13" for r in recs), recs


def test_prepared_adjective_stays_an_intent():
    recs = asserted("Germany is prepared to lift its sanctions on Iran.")
    assert has(recs, "DEU", "IRN", "03"), recs


# --- background inside a restrictive relative clause ---


def test_contact_relative_clause_is_background():
    recs = asserted(
        "Germany paid compensation to Iranian families for the homes they lost when Russian "
        "troops shelled the city."
    )
    assert has(recs, "DEU", "IRN", "08"), recs
    assert not any(r["source"]["name"] == "Vladimir Putin" for r in recs), recs


def test_non_restrictive_relative_clause_still_reports():
    recs = asserted("Russian troops, who shelled Kyiv on Monday, attacked Ukrainian positions.")
    assert has(recs, "RUS", "UKR", "19"), recs


# --- how a protest went is part of the protest ---


def test_riot_participle_is_part_of_the_riot():
    recs = asserted(
        "Iranian prisoners rioted on Monday at a jail in Turkey, smashing windows and "
        "setting fire to their beds."
    )
    assert any(r["action"]["root"] == "14" for r in recs), recs
    assert not any(r["action"]["root"] in ("17", "18") for r in recs), recs


def test_attack_participle_after_a_non_protest_verb_is_still_coded():
    recs = asserted("Russian troops crossed the border, shelling Ukrainian positions.")
    assert has(recs, "RUS", "UKR", "19"), recs


# --- cue words are looked for in complements, not in side clauses ---


def test_cue_in_a_condition_clause_does_not_code_the_announcement():
    recs = asserted(
        "Turkey announced that it will withdraw its troops from Iraq unless Iran declares a "
        "ceasefire with the rebels."
    )
    assert not any(r["action"]["cameo"] == "0871" for r in recs), recs
    assert any(r["action"]["root"] == "13" and r["source"]["country"] == "TUR" for r in recs)


def test_cue_in_the_object_still_codes_the_announcement():
    recs = asserted("Turkey announced a ceasefire with the rebels on Sunday.")
    assert "0871" in codes(recs), recs


# --- "held a meeting with" is one way, "held talks with" two ---


def test_held_a_meeting_with_is_one_way():
    recs = asserted("French diplomats held their first meeting with Putin in Moscow.")
    assert has(recs, "FRA", "RUS", "04"), recs
    assert not has(recs, "RUS", "FRA", "04"), recs


def test_held_talks_with_stays_mutual():
    recs = asserted("French diplomats held talks with Putin in Moscow.")
    assert has(recs, "FRA", "RUS", "04") and has(recs, "RUS", "FRA", "04"), recs


# --- a body in session and a naming "call" are no interactions ---


def test_cabinet_meeting_alone_is_no_event():
    recs = asserted("The Israeli government met on Sunday to review the budget.")
    assert not any(r["action"]["root"] == "04" for r in recs), recs


def test_meeting_with_a_partner_is_still_coded():
    recs = asserted("The Israeli government met Turkish diplomats on Sunday.")
    assert has(recs, "ISR", "TUR", "04"), recs


def test_call_naming_something_is_no_phone_call():
    recs = asserted("France banned the group because of what it called its role in the riots.")
    assert "041" not in codes(recs), recs


# --- an event noun is no actor, whatever a generous resolver finds in its phrase ---


class _SubstringResolver(FakeResolver):
    """Like the real resolver, finds a known person anywhere inside a long phrase."""

    def resolve(self, mention: str) -> FakeActor | None:
        found = super().resolve(mention)
        if found is None and "putin" in mention.lower() and len(mention.split()) > 1:
            return super().resolve("Putin")
        return found


def test_event_noun_with_a_place_phrase_is_not_resolved_as_a_whole():
    doc = Doc(
        "Turkey is opposed to French mediation in peace negotiations with Iran, a close aide to "
        "President Putin said Wednesday."
    )
    recs = [r for r in extract_document(doc, resolver_factory=_SubstringResolver).clauses]
    rejects = [r for r in recs if r["action"]["root"] == "12" and r["mode"] is None]
    assert rejects and rejects[0]["target"]["country"] == "FRA", recs


# --- the to-clause is the complement; a stray clause beside it gives no target ---


def test_threat_target_comes_from_the_to_clause():
    doc = Doc(
        "Iran threatened to shell Iraqi towns today in revenge for an air raid on the western "
        "city of Dezful where, it said, 40 people were killed."
    )
    # the real resolver: it knows "Iraqi towns" and gives "40 people" the nearest country
    recs = extract_document(doc, resolver_factory=lambda on: ActorResolver(on=None)).clauses
    threats = [r for r in recs if r["action"]["root"] == "13" and r["mode"] is None]
    assert threats and all(r["target"]["country"] == "IRQ" for r in threats), recs


# --- whom a protest is aimed at: its purpose clause or "in defiance of" ---


def test_protest_purpose_clause_names_the_target():
    recs = asserted(
        "Iranian students blocked a road to show their anger at the United States' new sanctions."
    )
    assert has(recs, "IRN", "USA", "14"), recs


def test_protest_in_defiance_of_names_the_target():
    recs = asserted("Turkish workers rallied on Monday in defiance of the German government.")
    assert has(recs, "TUR", "DEU", "14"), recs


# --- sending people to help is aid ---


def test_sending_a_team_to_help_is_aid():
    recs = asserted("Germany sent a team of doctors to Turkey to help treat the wounded.")
    assert has(recs, "DEU", "TUR", "07"), recs


def test_dispatching_experts_to_assist_is_aid():
    recs = asserted("France dispatched experts to Egypt to assist the rescue effort.")
    assert has(recs, "FRA", "EGY", "07"), recs


def test_announced_dispatch_to_help_is_an_intent_to_aid():
    recs = asserted("Germany said it will send a team to Turkey to help identify the victims.")
    assert any(r["action"]["cameo"].startswith("033") for r in recs), recs


# --- "willing to X if Y" is an offer; aid's purpose clause names the beneficiary ---


def test_willing_to_send_if_attacked_is_an_offer():
    recs = asserted("Germany is willing to send weapons to help defend Ukraine if it is invaded.")
    assert has(recs, "DEU", "UKR", "03"), recs


def test_not_willing_to_send_is_a_refusal():
    recs = asserted("Germany is not willing to send weapons to Ukraine.")
    assert any(r["action"]["root"] == "12" and r["source"]["country"] == "DEU" for r in recs)


def test_aid_purpose_beneficiary_is_the_target():
    recs = asserted("France sent medicine to help Egypt after the floods.")
    assert has(recs, "FRA", "EGY", "07"), recs


def test_aid_purpose_does_not_reach_into_places():
    recs = asserted("France sent a team to help identify victims of the crash in Ukraine.")
    assert not any(r["target"] and r["target"]["country"] == "UKR" for r in recs), recs


# --- "the ASEAN forum": a generic body noun stands for the name before it ---


class _BodyResolver(FakeResolver):
    """Knows one international body by its acronym, nothing about generic nouns after it."""

    def resolve(self, mention: str) -> FakeActor | None:
        if mention.strip().lower() == "asean":
            return FakeActor("ASEAN", "IGO", "igo")
        return super().resolve(mention)


def test_body_noun_after_a_name_is_that_body():
    doc = Doc("The ASEAN forum has agreed to hold talks with China next month.")
    recs = extract_document(doc, resolver_factory=_BodyResolver).clauses
    assert any(r["source"]["name"] == "ASEAN" and r["mode"] is None for r in recs), recs


def test_person_before_a_body_noun_is_not_the_body():
    doc = Doc("The Putin group has agreed to hold talks with China next month.")
    recs = extract_document(doc, resolver_factory=_BodyResolver).clauses
    assert not any(r["source"]["name"] == "Vladimir Putin" for r in recs), recs


# --- an unknown name is who its apposition says ---


def test_unknown_name_subject_takes_its_apposition():
    recs = asserted("Ivan Petrenko, the Ukrainian foreign minister, urged Russia to withdraw.")
    assert any(r["source"]["country"] == "UKR" and r["target"]["country"] == "RUS" for r in recs)


# --- "ordered X to do Y" is a demand on X, unless X is the source's own ---


def test_ordering_someone_to_act_is_a_demand():
    recs = asserted("Germany ordered Russian diplomats to leave the embassy within a week.")
    assert has(recs, "DEU", "RUS", "10"), recs


def test_ordering_own_troops_is_no_demand():
    recs = asserted("Russia ordered Russian troops to return to their barracks.")
    assert not any(r["action"]["root"] == "10" for r in recs), recs


# --- returning somewhere for talks is the talks ---


def test_return_for_talks_is_consultation():
    recs = asserted("French and German negotiators returned to Brazil for talks on trade.")
    consult = [r for r in recs if r["action"]["root"] == "04"]
    assert {r["source"]["country"] for r in consult} == {"FRA", "DEU"}, recs
    assert not any(r["action"]["root"] == "08" for r in recs), recs


def test_return_for_talks_with_a_partner_targets_the_partner():
    recs = asserted("The French envoy returned to Geneva for talks with Putin.")
    assert has(recs, "FRA", "RUS", "04"), recs


def test_plain_return_home_is_no_event():
    assert asserted("The French envoy returned to Paris on Monday.") == []


# --- claiming one's own act is claiming responsibility, another's an accusation ---


def test_claiming_own_attack_is_claiming_responsibility():
    recs = asserted("Russia claimed that it had attacked Ukrainian troops near Kharkiv.")
    assert has(recs, "RUS", "UKR", "01") and "015" in codes(recs), recs
    assert not any(r["action"]["root"] == "11" for r in recs), recs


def test_claiming_anothers_attack_stays_an_accusation():
    recs = asserted("Russia claimed that Ukraine had attacked Russian positions near Belgorod.")
    assert any(r["action"]["root"] == "11" and r["source"]["country"] == "RUS" for r in recs)


# --- easing a blockade is 0872, aimed at whom the blockade was on ---


def test_lifting_a_blockade_is_easing_a_military_blockade():
    recs = asserted("The Israeli army lifted a week-old blockade on Egyptian trucks on Friday.")
    assert has(recs, "ISR", "EGY", "08") and "0872" in codes(recs), recs


def test_easing_a_curfew_is_0813():
    recs = asserted("The Turkish government eased the curfew in Istanbul on Sunday.")
    assert "0813" in codes(recs), recs


# --- withdrawing inspectors or peacekeepers is 166x, aimed at where they leave ---


def test_announced_withdrawal_of_inspectors_is_a_threat_against_the_host():
    recs = asserted("Germany announced that it will withdraw its inspectors from Iran.")
    assert has(recs, "DEU", "IRN", "13"), recs


def test_withdrawal_of_peacekeepers_is_1661():
    recs = asserted("France withdrew its peacekeepers from Egypt on Monday.")
    assert has(recs, "FRA", "EGY", "16") and "1661" in codes(recs), recs


# --- "must be ready to X" is an obligation, not the obliged party's own intent ---


def test_must_be_ready_to_is_a_demand_not_an_intent():
    recs = asserted("Putin said that Germany must be ready to mediate between Iran and Israel.")
    assert has(recs, "RUS", "DEU", "10"), recs
    assert not any(r["source"]["country"] == "DEU" for r in recs), recs


def test_protest_saying_someone_must_resign_is_one_protest():
    recs = asserted("Iranian students rallied against Putin on Monday, saying he must resign.")
    assert has(recs, "IRN", "RUS", "14"), recs
    assert not any(r["action"]["root"] == "10" for r in recs), recs


# --- coordinated partners of a mutual act act on each other, not on its topic ---


def test_coordinated_partners_agree_with_each_other_not_the_topic():
    recs = asserted("France and Germany agreed on sanctions against Iran.")
    assert has(recs, "FRA", "DEU", "03") and has(recs, "DEU", "FRA", "03"), recs
    assert not any(r["target"] and r["target"]["country"] == "IRN" for r in recs), recs


# --- a failed agreement is a rejection (both ways for coordinated partners) ---


def test_failing_to_reach_agreement_is_a_mutual_rejection():
    recs = asserted("Russia and Ukraine failed to reach agreement on the exchange of prisoners.")
    assert has(recs, "RUS", "UKR", "12") and has(recs, "UKR", "RUS", "12"), recs


def test_failing_to_attack_stays_negated():
    recs = run("Russian troops failed to capture the Ukrainian town of Sumy.")
    assert not any(r["mode"] is None and r["action"]["root"] in ("12", "17", "19") for r in recs)


# --- "repeated its demand today that X do Y": Y is the demand's content ---


def test_demand_content_hung_on_the_verb_is_not_an_act():
    recs = asserted("Iran renewed its demand today that Germany release the tanker.")
    assert any(r["source"]["country"] == "IRN" and r["action"]["root"] == "10" for r in recs)
    assert not any(r["source"]["country"] == "DEU" for r in recs), recs


# --- CAMEO's finer codes: expelled diplomats, a rally against, a conceded victory ---


def test_expelling_diplomats_reduces_relations():
    recs = asserted("Germany expelled two Russian diplomats for spying on Monday.")
    assert "161" in codes(recs) and has(recs, "DEU", "RUS", "16"), recs


def test_calling_for_sanctions_against_a_country_rallies_opposition():
    recs = asserted("Putin called for sanctions against Turkey after the incident.")
    assert has(recs, "RUS", "TUR", "11") and "113" in codes(recs), recs


def test_expelling_an_international_body_is_expelling_involvement():
    doc = Doc("Turkey forced ASEAN out of the country last year.")
    recs = [r for r in extract_document(doc, resolver_factory=_BodyResolver).clauses]
    assert any(r["action"]["cameo"] == "166" and r["target"]["name"] == "ASEAN" for r in recs), recs


# --- "the Russian and Ukrainian sides": each country's party ---


def test_coordinated_sides_are_their_countries():
    recs = asserted("The Russian and Ukrainian sides agreed to exchange prisoners on Friday.")
    assert has(recs, "RUS", "UKR", "03") and has(recs, "UKR", "RUS", "03"), recs


def test_a_delegation_is_its_country():
    recs = asserted("The Turkish delegation met Putin in Moscow.")
    assert has(recs, "TUR", "RUS", "04"), recs


# --- a people "of the Egyptian Sinai" is resolved with its place; a demand's clause ---


def test_people_of_a_demonym_place_take_that_country():
    doc = Doc(
        "Bedouin residents of the Egyptian Sinai threatened today to block the roads unless "
        "Israel reopened the crossing."
    )
    recs = extract_document(doc, resolver_factory=lambda on: ActorResolver(on=None)).clauses
    assert any(r["source"]["country"] == "EGY" and r["action"]["root"] == "13" for r in recs)


def test_demand_clause_hung_on_the_verb_names_the_target():
    recs = asserted("Iran renewed its demand today that Germany release the tanker.")
    assert has(recs, "IRN", "DEU", "10"), recs


# --- force used "to disperse X" is used on X; a creed-named group is local ---


def test_force_purpose_clause_names_its_target():
    recs = asserted("Turkish police opened fire to disperse Kurdish demonstrators on Monday.")
    assert has(recs, "TUR", "TUR", "19"), recs


def test_participle_adjunct_falls_on_the_head_acts_target():
    recs = asserted(
        "Turkish police opened fire on Kurdish demonstrators, killing one and arresting 12."
    )
    assert has(recs, "TUR", "TUR", "17"), recs


# --- nobody in particular acting on nobody is no event for the graph ---


class _GenericResolver(FakeResolver):
    """Knows generic nouns as country-less groups, as the real resolver does."""

    def resolve(self, mention: str) -> FakeActor | None:
        if mention.strip().lower() in ("protestor", "a protestor", "protesters"):
            return FakeActor("Protesters", None, "group")
        return super().resolve(mention)


def test_countryless_common_noun_acting_alone_is_dropped():
    doc = Doc("A protestor set fire to the building.")
    recs = extract_document(doc, resolver_factory=_GenericResolver).clauses
    assert recs == [], recs


def test_countryful_common_noun_is_kept():
    recs = asserted("Iranian protesters set fire to the German embassy.")
    assert any(r["source"]["country"] == "IRN" for r in recs), recs


# --- training one's own forces builds force; training another's is cooperation ---


def test_training_own_troops_is_mobilization_aimed_at_the_enemy():
    recs = asserted("Russia has trained 500 Russian troops capable of attacking Ukraine.")
    assert has(recs, "RUS", "UKR", "15"), recs
    assert not any(r["action"]["root"] == "06" for r in recs), recs


def test_training_anothers_troops_is_military_cooperation():
    recs = asserted("Germany trained Ukrainian troops on Monday.")
    assert has(recs, "DEU", "UKR", "06"), recs


# --- commitments: a negated complement is a refusal; a to-advcl is the complement ---


def test_vowing_not_to_return_territory_is_a_refusal():
    recs = asserted("Putin vowed not to return the occupied territory to Ukraine.")
    assert has(recs, "RUS", "UKR", "12"), recs
    assert not any(r["action"]["root"] == "03" for r in recs), recs


def test_sworn_to_fight_is_a_threat():
    recs = asserted("Russian troops have sworn to fight until they take the city.")
    assert any(r["action"]["root"] == "13" for r in recs), recs
    assert not any(r["action"]["root"] == "03" for r in recs), recs


# --- "took steps to X" is X ---


def test_taking_steps_to_ease_sanctions_is_the_easing():
    recs = asserted("Germany has taken steps to ease its sanctions on Iran.")
    assert has(recs, "DEU", "IRN", "08"), recs


def test_other_purpose_clauses_stay_absorbed():
    recs = asserted("Germany sent diplomats to Tehran to ease the sanctions on Iran.")
    assert not any(r["action"]["cameo"].startswith("085") for r in recs), recs


# --- "pushed for X to do Y" is a demand on X; Y is its content ---


def test_pushing_for_someone_to_act_is_a_demand_on_them():
    recs = asserted("Germany is pushing hard for France to support its new trade plan.")
    assert has(recs, "DEU", "FRA", "10"), recs
    assert not any(r["source"]["country"] == "FRA" for r in recs), recs


def test_complaint_about_a_reported_act_accuses_its_subject():
    recs = asserted("Russian troops are violating the ceasefire, Ukraine complained on Monday.")
    assert has(recs, "UKR", "RUS", "11"), recs


def test_protesting_that_something_happened_is_a_complaint():
    recs = asserted("Iran protested that Israeli jets had violated its airspace.")
    assert has(recs, "IRN", "ISR", "11"), recs
    assert not any(r["action"]["root"] == "14" for r in recs), recs


def test_opening_a_crossing_to_let_aid_through_is_allowing_aid():
    recs = asserted("Turkey opened the border crossing to allow the delivery of food to Iran.")
    assert has(recs, "TUR", "IRN", "08") and "0863" in codes(recs), recs


def test_unknown_site_target_stands_for_its_country():
    doc = Doc(
        "The IAEA has dispatched inspectors to Arak Heavy Water Reactor (AHWR) in western Iran "
        "to monitor the shutdown of the reactor."
    )
    # the real resolver: it does not know the site, so the site has no country of its own
    recs = extract_document(doc, resolver_factory=lambda on: ActorResolver(on=None)).clauses
    assert any(
        r["action"]["root"] == "09" and r["target"] and r["target"]["country"] == "IRN"
        for r in recs
    ), recs


def test_issuing_a_reminder_that_someone_must_act_is_a_demand():
    recs = asserted("Putin issued a stern reminder to Germany that it must pay its debts.")
    assert has(recs, "RUS", "DEU", "10"), recs


def test_an_act_said_to_be_out_of_the_question_is_refused():
    recs = asserted("Germany said that lifting the sanctions on Iran is out of the question.")
    assert has(recs, "DEU", "IRN", "12"), recs
    assert not any(r["action"]["root"] == "08" for r in recs), recs


# --- a permission's content is part of it; refusing to allow X aims at X ---


def test_refusing_to_allow_someone_to_act_aims_at_them():
    recs = asserted("Russia refused to allow German planes to land and evacuate the wounded.")
    assert has(recs, "RUS", "DEU", "12"), recs
    assert not any(r["source"]["country"] == "DEU" for r in recs), recs


def test_sentence_initial_common_noun_without_country_is_still_generic():
    doc = Doc("Protesters demanded a referendum on Monday.")
    recs = extract_document(doc, resolver_factory=_GenericResolver).clauses
    assert recs == [], recs
