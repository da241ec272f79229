""" "the kingdom", "the emirate", "the republic": a description naming a form of state.
Texts and actors written for these tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from ingest._coref import ArticleMemory, Ref
from ingest.pipeline import extract_document

SAUDI = Ref("Saudi Arabia", "SAU", "country")
IRAN = Ref("Iran", "IRN", "country")
QATAR = Ref("Qatar", "QAT", "country")
EGYPT = Ref("Egypt", "EGY", "country")


def memory(*refs: Ref) -> ArticleMemory:
    mem = ArticleMemory()
    for ref in refs:
        mem.remember(ref, subject=True)
    return mem


def test_the_kingdom_is_the_monarchy_not_the_latest_state() -> None:
    # "Saudi Arabia and Iran agreed ... The kingdom said ...": before, Iran (the latest)
    assert memory(SAUDI, IRAN).description("kingdom", None) == SAUDI


def test_the_republic_is_not_a_monarchy() -> None:
    assert memory(IRAN, SAUDI).description("republic", None) == IRAN


def test_the_emirate() -> None:
    assert memory(QATAR, EGYPT).description("emirate", None) == QATAR


def test_no_monarchy_named_means_no_answer() -> None:
    # "Egypt and Iran ... the kingdom": nobody, rather than a wrong state
    assert memory(EGYPT, IRAN).description("kingdom", None) is None


def test_other_descriptions_are_unchanged() -> None:
    assert memory(SAUDI, IRAN).description("country", None) == IRAN


@dataclass
class Doc:
    text: str
    source: str = "forms.txt"
    published: datetime = datetime(2023, 3, 12, 9, 0, tzinfo=UTC)
    url: str | None = None
    title: str | None = None
    outlet: str | None = None


def test_pipeline_the_kingdom_reopens_its_embassy() -> None:
    text = (
        "Saudi Arabia and Iran agreed to restore diplomatic ties on Friday. The kingdom said it "
        "would reopen its embassy in Tehran."
    )
    recs = extract_document(Doc(text)).records
    reopen = [r for r in recs if "reopen" in r["action"]["text"]]
    assert reopen and all(r["source"]["country"] == "SAU" for r in reopen), recs


def test_pipeline_accepted_invitation_goes_to_who_invited() -> None:
    # before: no target (the invitation was coded 02 and filed as a demand, not an offer)
    text = (
        "Indian Prime Minister Narendra Modi invited Kazakh President Kassym-Jomart Tokayev to "
        "visit New Delhi. Tokayev accepted the invitation."
    )
    recs = extract_document(Doc(text, published=datetime(2024, 7, 4, 9, 0, tzinfo=UTC))).records
    accepted = [r for r in recs if "accepted" in r["action"]["text"]]
    assert accepted and accepted[0]["target"] is not None, recs
    assert accepted[0]["target"]["country"] == "IND", recs
