"""Coreference rules of `ingest._coref.ArticleMemory`, asked directly: pronouns, descriptions,
forms of state and pair descriptions ("the two sides"). Actors written for these tests; the same
rules through the whole pipeline are rows of tests/ingest/cases/coreference.yaml."""

from __future__ import annotations

import pytest

from ingest._coref import ArticleMemory, Ref

PUTIN = Ref("Vladimir Putin", "RUS", "government", role="President", gender="m")
XI = Ref("Xi Jinping", "CHN", "government", role="President", gender="m")
HAMAS = Ref("Hamas", "PSE", "group", ("Islamic Resistance Movement",))
HOSTAGES = Ref("Israeli Hostages", "ISR", "group")
SAUDI = Ref("Saudi Arabia", "SAU", "country")
IRAN = Ref("Iran", "IRN", "country")
MADURO = Ref("Nicolás Maduro", "VEN", "government", role="President", gender="m")
LULA = Ref("Lula", "BRA", "government", role="President", gender="m")
QATAR = Ref("Qatar", "QAT", "country")
EGYPT = Ref("Egypt", "EGY", "country")
IRAN_MINISTRY = Ref("Iranian Foreign Ministry", "IRN", "ministry")
JUNTA = Ref("Myanmar Junta", "MMR", "government")
ASEAN = Ref("ASEAN", "IGO", "igo", ("Association of Southeast Asian Nations",))
OPPOSITION_LEADER = Ref("Aung San Suu Kyi", "MMR", "person", role="Former State Counsellor")
THAI_MINISTRY = Ref("Thai Foreign Ministry", "THA", "ministry")
THAILAND = Ref("Thailand", "THA", "country")
PRISONERS = Ref("Myanmar Prisoners", "MMR", "group")
OPPOSITION = Ref("Opposition", None, "group")
TRUMP = Ref("Donald Trump", "USA", "government", role="President", gender="m")
USA = Ref("United States", "USA", "country")
HOUTHIS = Ref("Houthis", "YEM", "group", ("Ansar Allah",))
ISRAEL = Ref("Israel", "ISR", "country")
GUTERRES = Ref("António Guterres", "IGO", "igo", role="UN Secretary-General", gender="m")


def memory(*steps: tuple[Ref, bool]) -> ArticleMemory:
    mem = ArticleMemory()
    for ref, subject in steps:
        mem.remember(ref, subject=subject)
    return mem


def test_object_pronoun_is_not_the_subject_just_read() -> None:
    # "Putin met Xi. Xi praised him.": Xi is the clause's subject, so "him" is Putin
    mem = memory((PUTIN, True), (XI, False), (XI, True))
    assert mem.pronoun("him") == PUTIN
    # a possessive may be the subject's own ("Xi praised his team")
    assert mem.pronoun("his") == XI


def test_them_skips_the_clause_subject() -> None:
    rebels = Ref("Houthis", "YEM", "group")
    army = Ref("Yemeni Military", "YEM", "military")
    # "The Houthis seized a ship. The army warned them."
    mem = memory((rebels, True), (army, True))
    assert mem.pronoun("them") == rebels


def test_object_pronoun_without_a_new_subject_keeps_the_latest() -> None:
    # "Trump arrived. Officials of nowhere greeted him." (subject unresolved): Trump
    trump = Ref("Donald Trump", "USA", "government", gender="m")
    riyadh = Ref("Saudi Government", "SAU", "government")
    mem = memory((trump, True), (riyadh, False))
    assert mem.pronoun("him") == trump


def test_description_prefers_the_recent_subject_over_an_object() -> None:
    # "Hamas released two hostages. The group accused Israel ...": Hamas, not the hostages
    mem = memory((HAMAS, True), (HOSTAGES, False))
    assert mem.description("group", None) == HAMAS
    # "Maduro met Lula. The leftist leader ...": the subject continues
    mem = memory((MADURO, True), (LULA, False))
    assert mem.description("leader", None) == MADURO
    # a country in the description still decides
    assert mem.description("leader", "BRA") == LULA


def test_old_subjects_do_not_win_over_recent_mentions() -> None:
    jihad = Ref("Palestinian Islamic Jihad", "PSE", "group")
    filler = [Ref(f"Actor {i}", "FRA", "country") for i in range(4)]
    mem = memory((HAMAS, True), *[(f, False) for f in filler], (jihad, False))
    assert mem.description("group", None) == jihad


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("kingdom", SAUDI),
        ("country", SAUDI),  # the subject continues
        ("republic", IRAN),  # the form of state decides: Saudi Arabia is no republic
        ("emirate", None),  # neither is an emirate
    ],
)
def test_state_descriptions(head: str, expected: Ref | None) -> None:
    mem = memory((SAUDI, True), (IRAN, False))
    assert mem.description(head, None) == expected


def test_subject_it_continues_the_recent_subject() -> None:
    china = Ref("China", "CHN", "country")
    japan = Ref("Japan", "JPN", "country")
    # "China criticized Japan. It also warned the Philippines."
    mem = memory((china, True), (japan, False))
    assert mem.pronoun("it", subject=True) == china
    # not a subject: the latest fitting actor, as before
    assert mem.pronoun("its") == japan


@pytest.mark.parametrize("head", ["pontiff", "billionaire", "cleric", "tycoon"])
def test_more_person_descriptions(head: str) -> None:
    musk = Ref("Elon Musk", "USA", "person", gender="m")
    mem = memory((musk, True), (IRAN, False))
    assert mem.description(head, None) == musk


def test_the_kingdom_is_the_monarchy_not_the_latest_state() -> None:
    # "Saudi Arabia and Iran agreed ... The kingdom said ...": before, Iran (the latest)
    assert memory((SAUDI, True), (IRAN, True)).description("kingdom", None) == SAUDI


def test_the_republic_is_not_a_monarchy() -> None:
    assert memory((IRAN, True), (SAUDI, True)).description("republic", None) == IRAN


def test_the_emirate() -> None:
    assert memory((QATAR, True), (EGYPT, True)).description("emirate", None) == QATAR


def test_no_monarchy_named_means_no_answer() -> None:
    # "Egypt and Iran ... the kingdom": nobody, rather than a wrong state
    assert memory((EGYPT, True), (IRAN, True)).description("kingdom", None) is None


def test_other_descriptions_are_unchanged() -> None:
    assert memory((SAUDI, True), (IRAN, True)).description("country", None) == IRAN


@pytest.mark.parametrize(
    "body",
    [
        Ref("U.S. Military", "USA", "military"),
        Ref("Knesset", "ISR", "legislature"),
        Ref("Kenyan Police", "KEN", "police"),
        Ref("U.S. Supreme Court", "USA", "judiciary"),
    ],
)
def test_its_is_the_latest_institution(body: Ref) -> None:
    # "Iran's foreign ministry ... The army said its forces ...": the army, not Iran (before)
    mem = ArticleMemory()
    mem.remember(IRAN_MINISTRY, subject=True)
    mem.remember(body, subject=True)
    assert mem.pronoun("its") == body
    assert mem.pronoun("it", subject=True) == body


def test_a_state_and_its_opposition_are_two_sides() -> None:
    # "Thailand offered talks. The junta ... Suu Kyi urged talks. The two sides ..."
    # (before: Thailand and Suu Kyi, because the junta shares her country)
    mem = memory((THAILAND, True), (JUNTA, True), (OPPOSITION_LEADER, True))
    assert mem.last_distinct(2, "any") == [JUNTA, OPPOSITION_LEADER]


def test_victims_and_unnamed_classes_are_not_sides() -> None:
    mem = memory((JUNTA, True), (PRISONERS, False), (OPPOSITION, False), (OPPOSITION_LEADER, True))
    assert mem.last_distinct(2, "any") == [JUNTA, OPPOSITION_LEADER]


def test_an_international_body_is_a_side_only_if_it_acted() -> None:
    # "The junta rejected calls from ASEAN. Suu Kyi urged talks. The two sides ...": not ASEAN
    mem = memory((JUNTA, True), (ASEAN, False), (OPPOSITION_LEADER, True))
    assert mem.last_distinct(2, "any") == [JUNTA, OPPOSITION_LEADER]
    # "... ASEAN warned the junta ...": now it acted
    mem.remember(ASEAN, subject=True)
    assert mem.last_distinct(2, "any") == [OPPOSITION_LEADER, ASEAN]


def test_a_un_official_mediates_and_is_no_side() -> None:
    # "Israel struck Hamas. The UN chief urged the two sides ...": Israel and Hamas
    mem = memory((ISRAEL, True), (HAMAS, False), (GUTERRES, True))
    assert mem.last_distinct(2, "any") == [ISRAEL, HAMAS]


def test_one_state_twice_is_not_two_sides() -> None:
    # "Trump ... the United States ...": one side; the other is the Houthis
    mem = memory((HOUTHIS, True), (TRUMP, True), (USA, True))
    assert mem.last_distinct(2, "any") == [HOUTHIS, USA]


def test_the_speaker_state_is_never_one_of_both_sides() -> None:
    # "Thailand's foreign ministry urged both sides": not Thailand under another name
    mem = memory((JUNTA, True), (OPPOSITION_LEADER, True), (THAILAND, False), (THAI_MINISTRY, True))
    assert mem.last_distinct(2, "any", frozenset({THAI_MINISTRY.key})) == [
        JUNTA,
        OPPOSITION_LEADER,
    ]
    mem.remember_group([THAILAND, OPPOSITION_LEADER], subject=False)
    assert mem.pair("sides", frozenset({THAI_MINISTRY.key})) == [JUNTA, OPPOSITION_LEADER]
