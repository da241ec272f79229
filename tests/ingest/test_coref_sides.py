""" "The two sides", "both sides": which earlier actors a pair description names.
Texts and actors written for these tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from ingest._coref import ArticleMemory, Ref
from ingest.pipeline import extract_document

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
HAMAS = Ref("Hamas", "PSE", "group", ("Islamic Resistance Movement",))
GUTERRES = Ref("António Guterres", "IGO", "igo", role="UN Secretary-General", gender="m")


def memory(*steps: tuple[Ref, bool]) -> ArticleMemory:
    mem = ArticleMemory()
    for ref, subject in steps:
        mem.remember(ref, subject=subject)
    return mem


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


@dataclass
class Doc:
    text: str
    source: str = "sides.txt"
    published: datetime = datetime(2024, 6, 3, 9, 0, tzinfo=UTC)
    url: str | None = None
    title: str | None = None
    outlet: str | None = None


def test_pipeline_two_sides_of_a_civil_conflict() -> None:
    text = (
        "Myanmar's military government on Monday rejected calls from ASEAN to release political "
        "prisoners. Aung San Suu Kyi urged the generals to open talks. Thailand's foreign "
        "ministry urged both sides to show restraint."
    )
    recs = extract_document(Doc(text)).records
    urged = [
        r for r in recs if r["source"]["country"] == "THA" and r["action"]["cameo"].startswith("02")
    ]
    targets = {(r["target"]["name"], r["target"]["country"]) for r in urged}
    assert ("Aung San Suu Kyi", "MMR") in targets, recs
    assert all(country != "THA" for _, country in targets), recs
    assert any(name != "Aung San Suu Kyi" and country == "MMR" for name, country in targets), recs
