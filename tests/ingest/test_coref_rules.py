"""Coreference rules of `ingest._coref.ArticleMemory` (texts written for these tests)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import pytest

from ingest._coref import ArticleMemory, Ref
from ingest.pipeline import extract_document

PUTIN = Ref("Vladimir Putin", "RUS", "government", role="President", gender="m")
XI = Ref("Xi Jinping", "CHN", "government", role="President", gender="m")
HAMAS = Ref("Hamas", "PSE", "group")
HOSTAGES = Ref("Israeli Hostages", "ISR", "group")
SAUDI = Ref("Saudi Arabia", "SAU", "country")
IRAN = Ref("Iran", "IRN", "country")
MADURO = Ref("Nicolás Maduro", "VEN", "government", role="President", gender="m")
LULA = Ref("Lula", "BRA", "government", role="President", gender="m")


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


@dataclass
class Doc:
    text: str
    published: datetime | None = datetime(2024, 6, 3, 12, tzinfo=UTC)
    source: str = "test"
    url: str | None = None
    title: str | None = None
    outlet: str | None = None


def _dyads(text: str) -> set[tuple[str | None, str | None, str]]:
    return {
        (
            r["source"]["name"] if r["source"] else None,
            r["target"]["name"] if r["target"] else None,
            r["action"]["root"],
        )
        for r in extract_document(Doc(text)).records
        if r["mode"] is None
    }


def test_pipeline_him_after_a_meeting() -> None:
    got = _dyads("Putin met Xi in Moscow on Monday. Xi praised him.")
    assert ("Xi Jinping", "Vladimir Putin", "05") in got


def test_pipeline_the_group_is_the_named_body() -> None:
    got = _dyads(
        "Hamas released two hostages on Monday. The group accused Israel of violating the truce."
    )
    accusers = {src for src, tgt, root in got if root == "11"}
    assert accusers == {"Hamas"}


def test_subject_it_continues_the_recent_subject() -> None:
    china = Ref("China", "CHN", "country")
    japan = Ref("Japan", "JPN", "country")
    # "China criticized Japan. It also warned the Philippines."
    mem = memory((china, True), (japan, False))
    assert mem.pronoun("it", subject=True) == china
    # not a subject: the latest fitting actor, as before
    assert mem.pronoun("its") == japan


def test_pipeline_it_after_an_object() -> None:
    got = _dyads("China criticized Japan on Monday. It also warned the Philippines.")
    assert ("China", "Philippines", "13") in got


@pytest.mark.parametrize("head", ["pontiff", "billionaire", "cleric", "tycoon"])
def test_more_person_descriptions(head: str) -> None:
    musk = Ref("Elon Musk", "USA", "person", gender="m")
    mem = memory((musk, True), (IRAN, False))
    assert mem.description(head, None) == musk


def test_pipeline_the_cleric() -> None:
    got = _dyads(
        "Ayatollah Ali Khamenei addressed the nation on Monday. "
        "The cleric accused Washington of lying."
    )
    assert ("Ali Khamenei", "U.S. Government", "11") in got
