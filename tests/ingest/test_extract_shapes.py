"""The hard clause shapes of wire prose, one realistic sentence each (written for these tests).

A tiny fake resolver stands in for `ingest.actors` so these tests exercise the grammar only.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from ingest.pipeline import extract_document

sys.path.insert(0, str(Path(__file__).parent))
from fakes import FakeResolver  # noqa: E402

IST = timezone(timedelta(hours=5, minutes=30))
MONDAY_IST = datetime(2025, 5, 5, 6, 42, tzinfo=IST)  # Monday 5 May 2025, 06:42 in India


@dataclass
class Doc:
    text: str
    published: datetime | None = MONDAY_IST
    source: str = "test"
    url: str | None = None
    title: str | None = None
    outlet: str | None = None


def run(text: str, published: datetime | None = MONDAY_IST) -> list[dict]:
    return extract_document(Doc(text, published), resolver_factory=FakeResolver).clauses


def asserted(text: str, published: datetime | None = MONDAY_IST) -> list[dict]:
    return [r for r in run(text, published) if r["mode"] is None]


def dyads(records: list[dict]) -> set[tuple]:
    return {
        (
            r["source"]["country"],
            r["target"]["country"] if r["target"] else None,
            r["action"]["root"],
        )
        for r in records
    }


def codes(records: list[dict]) -> set[str]:
    return {r["action"]["cameo"] for r in records}


def has(records, src, tgt, root) -> bool:
    return (src, tgt, root) in dyads(records)


# --- passive ---


def test_passive_with_by_and_event_anaphora():
    recs = asserted(
        "Ukraine proposed a ceasefire on Sunday. The proposal was rejected by Russia on Monday."
    )
    assert has(recs, "UKR", None, "03") or any(r["action"]["root"] == "03" for r in recs)
    reject = [r for r in recs if r["action"]["root"] == "12"]
    assert reject and reject[0]["source"]["country"] == "RUS"
    assert reject[0]["target"]["country"] == "UKR"
    assert reject[0]["date"] == "2025-05-05"


def test_passive_with_by_actor_patient():
    recs = asserted("Japanese diplomats were expelled by China last week.")
    assert has(recs, "CHN", "JPN", "16")  # expelling diplomats reduces relations (161)


def test_passive_without_agent_codes_nothing():
    assert asserted("Two French journalists were attacked near the border.") == []


def test_passive_state_act_without_agent_is_the_local_authorities():
    recs = asserted("Two French journalists were arrested in Tehran on Saturday.")
    assert has(recs, "IRN", "FRA", "17")
    assert recs[0]["confidence"] < 0.8


# --- xcomp chains and shared subjects ---


def test_decided_to_expel_shares_the_subject():
    recs = asserted("Germany decided to expel four Russian diplomats.")
    assert has(recs, "DEU", "RUS", "16")


def test_agree_to_resume_talks_is_intent_to_negotiate():
    recs = asserted("India agreed to resume talks with Pakistan.")
    assert [r["action"]["cameo"] for r in recs if r["action"]["root"] == "03"] == ["036"]
    assert has(recs, "IND", "PAK", "03")


def test_agree_deal_and_agree_ceasefire_get_their_own_codes():
    deal = asserted("France and Germany signed a defence agreement in Paris.")
    assert has(deal, "FRA", "DEU", "05") and has(deal, "DEU", "FRA", "05")
    assert {r["action"]["cameo"] for r in deal} == {"057"}
    truce = asserted("Turkey and Egypt agreed to a ceasefire on Sunday.")
    assert {r["action"]["cameo"] for r in truce} == {"0871"}
    assert has(truce, "TUR", "EGY", "08") and has(truce, "EGY", "TUR", "08")


def test_object_control_urge():
    recs = asserted("The United States urged Israel to halt the offensive.")
    assert has(recs, "USA", "ISR", "02")
    # the urged act did not happen: no fighting event from Israel
    assert not any(r["source"]["country"] == "ISR" for r in recs)


def test_called_on_is_an_appeal():
    recs = asserted("China called on Japan to resume negotiations over the islands.")
    assert has(recs, "CHN", "JPN", "02")
    assert [r["action"]["cameo"] for r in recs] == ["026"]


def test_called_x_a_crime_is_criticism_not_a_phone_call():
    recs = asserted("Iran called the U.S. sanctions a crime against its people.")
    assert has(recs, "IRN", "USA", "11")
    assert not any(r["action"]["root"] == "04" for r in recs)


def test_participle_shares_the_subject():
    recs = asserted("Pakistan recalled its ambassador from India, accusing New Delhi of espionage.")
    assert has(recs, "PAK", "IND", "16")
    assert has(recs, "PAK", "IND", "11")


# --- quotes and reported speech ---


def test_quote_event_with_speaker_as_we():
    recs = asserted('"Russia attacked our ports again," Zelensky said on Sunday.')
    assert has(recs, "RUS", "UKR", "19")
    assert recs[0]["date"] == "2025-05-04"


def test_reported_speech_codes_the_inner_event_not_the_statement():
    recs = asserted("The Kremlin said Ukrainian forces attacked a refinery in Russia.")
    assert dyads(recs) == {("UKR", "RUS", "19")}


def test_negated_quote_is_not_asserted():
    recs = run('"We will never accept foreign troops on our soil," Sheinbaum said.')
    assert [r for r in recs if r["mode"] is None] == []


def test_must_in_reported_speech_is_a_demand():
    recs = asserted("Britain said Iran must release the detained sailors immediately.")
    assert has(recs, "GBR", "IRN", "10")
    assert any(r["action"]["cameo"] == "1053" for r in recs)


def test_reported_would_is_an_intent():
    recs = asserted("Germany said it would send humanitarian aid to Ukraine.")
    assert has(recs, "DEU", "UKR", "03")


# --- coordination and several events ---


def test_coordinated_subjects_each_get_the_event():
    recs = asserted("Russia and China vetoed the resolution on Friday.")
    assert {r["source"]["country"] for r in recs if r["action"]["cameo"] == "129"} == {
        "RUS",
        "CHN",
    }


def test_two_events_in_one_sentence():
    recs = asserted("Pakistan shelled Indian positions and India fired missiles at Pakistan.")
    assert has(recs, "PAK", "IND", "19")
    assert has(recs, "IND", "PAK", "19")


def test_coordinated_objects():
    recs = asserted("Britain imposed sanctions on Russia and Iran.")
    assert has(recs, "GBR", "RUS", "16") and has(recs, "GBR", "IRN", "16")


# --- coreference ---


def test_she_and_his_follow_gender_and_salience():
    recs = asserted("Sheinbaum met Trump in Washington. She later criticized his tariff plan.")
    crit = [r for r in recs if r["action"]["root"] == "11"]
    assert crit and crit[0]["source"]["name"] == "Claudia Sheinbaum"
    assert crit[0]["target"]["name"] == "Donald Trump"


def test_surname_refers_to_the_person_named_earlier():
    recs = asserted(
        "Russian President Vladimir Putin arrived in Beijing on Sunday. "
        "Putin praised China's leadership."
    )
    praise = [r for r in recs if r["action"]["root"] == "05"]
    assert praise and praise[0]["source"]["name"] == "Vladimir Putin"
    assert praise[0]["target"]["country"] == "CHN"


def test_the_mexican_leader():
    recs = asserted(
        "Trump spoke with Claudia Sheinbaum on Monday. The Mexican leader rejected his demand."
    )
    rej = [r for r in recs if r["action"]["root"] == "12"]
    assert rej and rej[0]["source"]["name"] == "Claudia Sheinbaum"
    assert rej[0]["target"]["name"] == "Donald Trump"


def test_the_ministry():
    recs = asserted(
        "The Russian Foreign Ministry summoned the French ambassador. "
        "The ministry accused Paris of interference."
    )
    acc = [r for r in recs if r["action"]["cameo"].startswith("112")]
    assert acc and acc[0]["source"]["kind"] == "ministry"
    assert acc[0]["target"]["country"] == "FRA"


def test_the_two_leaders_both_directions():
    recs = asserted(
        "President Trump hosted Claudia Sheinbaum at the White House on Friday. "
        "The two leaders discussed trade."
    )
    assert has(recs, "USA", "MEX", "04") and has(recs, "MEX", "USA", "04")


def test_the_offer_points_to_whoever_made_it():
    recs = asserted(
        "China offered to mediate between the two neighbours. India rejected the offer."
    )
    assert has(recs, "IND", "CHN", "12")


def test_confidence_named_beats_coreference():
    recs = asserted("Trump criticized Mexico on Monday. He also criticized Canada's leader.")
    named = [r for r in recs if r["sentence"].startswith("Trump")]
    assert named
    recs2 = asserted("Trump spoke on Monday. He criticized Mexico.")
    coref = [r for r in recs2 if r["sentence"].startswith("He")]
    assert coref and coref[0]["confidence"] < named[0]["confidence"]


# --- traps: negation, hypotheticals, questions, denials ----------------------------------------


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("Brazil did not reject the proposal.", "negated"),
        ("Turkey has not ruled out military action against Syria.", "negated"),
        ("Washington could impose new tariffs on Mexico.", "hypothetical"),
        ("China would retaliate against Japan if Tokyo expelled its diplomats.", "hypothetical"),
        ("Will Iran expel the French inspectors?", "question"),
    ],
)
def test_traps_are_kept_with_a_mode_and_never_asserted(text, mode):
    recs = run(text)
    assert [r for r in recs if r["mode"] is None] == []
    assert any(r["mode"] == mode for r in recs)


def test_denial_without_accuser_is_not_coded():
    assert asserted("Russia denied any involvement in the attack.") == []


def test_future_acts_become_intents_and_threats():
    aid = asserted("Japan will send humanitarian aid to Ukraine.")
    assert [r["action"]["cameo"] for r in aid] == ["0333"]
    threat = asserted("France will impose sanctions on Iran.")
    assert [r["action"]["cameo"] for r in threat] == ["1312"]


# --- dates ---


def test_relative_weekday_in_ist_just_after_midnight():
    early = datetime(2025, 5, 5, 0, 10, tzinfo=IST)  # Monday 00:10 IST is Sunday in UTC
    recs = asserted("India expelled a Pakistani diplomat on Sunday.", early)
    assert recs and recs[0]["date"] == "2025-05-04"


def test_yesterday_in_kst():
    kst = datetime(2025, 5, 6, 0, 5, tzinfo=timezone(timedelta(hours=9)))
    recs = asserted("North Korea fired missiles at South Korea yesterday.", kst)
    assert recs and recs[0]["date"] == "2025-05-05"


def test_ast_publication_day_is_the_default():
    ast = datetime(2025, 5, 6, 0, 20, tzinfo=timezone(timedelta(hours=3)))  # Arabia Standard
    recs = asserted("Egypt condemned Israel.", ast)
    assert recs and recs[0]["date"] == "2025-05-06"


def test_story_date_carries_to_undated_sentences():
    recs = asserted("Mexico criticized the United States on Saturday. It also rejected the plan.")
    assert {r["date"] for r in recs} == {"2025-05-03"}


# --- evidence ---


def test_span_points_at_the_sentence():
    text = "Turkey welcomed the talks.\n\nFrance condemned Iran on Sunday."
    recs = asserted(text)
    r = next(r for r in recs if r["source"]["country"] == "FRA")
    start, end = r["span"]
    assert text[start:end] == r["sentence"] == "France condemned Iran on Sunday."
    assert r["action"]["label"] and r["action"]["quad_class"] == 3
    assert isinstance(r["action"]["goldstein"], float) and r["action"]["plover"] == "ACCUSE"


# --- robustness to the small model's slips ---


def test_coordinated_demonyms_and_a_protest_place():
    recs = asserted("US and British activists staged a protest in Beijing on Wednesday.")
    assert has(recs, "USA", "CHN", "14") and has(recs, "GBR", "CHN", "14")


def test_name_hanging_on_a_date_token():
    recs = asserted("Mexico's foreign minister met with President Donald Trump Tuesday.")
    assert any(r["target"] and r["target"]["name"] == "Donald Trump" for r in recs)


def test_place_inside_the_object_is_the_target_of_a_concession():
    recs = asserted("Russia lifted the curfew in Ukraine on Sunday.")
    assert has(recs, "RUS", "UKR", "08")


def test_domestic_coercion_targets_home():
    recs = asserted("The Egyptian government imposed a curfew on Friday.")
    assert has(recs, "EGY", "EGY", "17")


def test_talks_about_a_country_are_not_talks_with_it():
    recs = asserted("French and German ministers discussed new sanctions against Russia.")
    assert not any(r["target"] and r["target"]["country"] == "RUS" for r in recs)
    recs = asserted("Japan held talks with China on Monday.")
    assert has(recs, "JPN", "CHN", "04") and has(recs, "CHN", "JPN", "04")


def test_both_countries_skips_the_speaker_of_the_same_sentence():
    recs = asserted(
        "India and Pakistan clashed on Wednesday. "
        "The United States called on both countries to show restraint."
    )
    assert has(recs, "USA", "IND", "02") and has(recs, "USA", "PAK", "02")
    assert has(recs, "IND", "PAK", "19") and has(recs, "PAK", "IND", "19")


def test_will_not_cooperate_is_a_refusal():
    recs = asserted("Russia said it would not send aid to Ukraine.")
    assert has(recs, "RUS", "UKR", "12")
    # a refused attack is not a rejection: it stays negated
    recs = run("Turkey said it would not attack Syria.")
    assert not [r for r in recs if r["mode"] is None]


def test_wants_someone_to_act_is_an_appeal():
    recs = asserted("Trump wants Mexico to deploy more troops to the border.")
    assert dyads(recs) == {("USA", "MEX", "02")}


def test_joint_exercises_by_two_countries():
    recs = asserted("France and Egypt launched naval exercises on Monday.")
    assert {r["action"]["cameo"] for r in recs} == {"062"}
    assert has(recs, "FRA", "EGY", "06") and has(recs, "EGY", "FRA", "06")


def test_lists_of_three_actors():
    recs = asserted("Japan, South Korea, and the United States held talks in Tokyo.")
    for a, b in [("JPN", "KOR"), ("KOR", "USA"), ("USA", "JPN")]:
        assert has(recs, a, b, "04") and has(recs, b, a, "04")


def test_owner_deep_in_a_complement_but_never_the_source_own():
    recs = asserted("France threatened to impose restrictions on German goods.")
    assert has(recs, "FRA", "DEU", "13")
    recs = asserted("Trump offered to deploy U.S. troops to Mexico.")
    assert has(recs, "USA", "MEX", "03")
    assert not any(r["target"] and r["target"]["country"] == "USA" for r in recs)


def test_an_intent_is_dated_when_expressed():
    recs = asserted("Japan will send humanitarian aid to Ukraine on Friday.")
    assert [r["date"] for r in recs] == ["2025-05-05"]  # the publication day, not a Friday


def test_failed_to_is_negated_and_participle_subjects():
    # the agreement itself is never asserted; CAMEO codes the failed agreement as a rejection
    recs = run("India and Pakistan failed to reach an agreement on Sunday.")
    assert recs and not any(r["mode"] is None and r["action"]["root"] == "05" for r in recs)
    assert all(r["action"]["root"] == "12" for r in recs if r["mode"] is None)
    recs = asserted("Mexican police dispersed students protesting in Mexico City.")
    assert not any(r["action"]["root"] == "14" and r["source"]["kind"] == "police" for r in recs)


def test_thousands_of_protesters():
    recs = asserted("Thousands of Mexican farmers protested in Mexico City on Sunday.")
    assert has(recs, "MEX", "MEX", "14")


def test_the_two_countries_is_the_last_coordinated_pair():
    recs = asserted(
        "France and Germany urged Iran and Britain to show restraint. "
        "The two countries also offered to mediate."
    )
    offers = [r for r in recs if r["action"]["root"] == "03"]
    assert {r["source"]["country"] for r in offers} == {"FRA", "DEU"}
    # offering to mediate is not something the two do to each other
    assert all(r["target"] is None for r in offers)


def test_joint_attackers_do_not_attack_each_other():
    recs = asserted("Russia and Iran launched attacks on Ukraine on Sunday.")
    assert has(recs, "RUS", "UKR", "19") and has(recs, "IRN", "UKR", "19")
    assert not has(recs, "RUS", "IRN", "19") and not has(recs, "IRN", "RUS", "19")


def test_a_topic_is_not_a_target():
    recs = asserted("Japan and South Korea agreed to share data on North Korean missile launches.")
    assert has(recs, "JPN", "KOR", "03") and has(recs, "KOR", "JPN", "03")
    assert not any(r["target"] and r["target"]["country"] == "PRK" for r in recs)
