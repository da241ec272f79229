"""What an extracted record carries beside its dyad: the evidence span and a confidence that is
lower when an actor was inferred (texts written for these tests; a tiny fake resolver)."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ingest.pipeline import extract_document

sys.path.insert(0, str(Path(__file__).parent))
from fakes import FakeResolver  # noqa: E402


@dataclass
class Doc:
    text: str
    published: datetime | None = datetime(2025, 5, 5, 9, 0, tzinfo=UTC)
    source: str = "test"
    url: str | None = None
    title: str | None = None
    outlet: str | None = None


def asserted(text: str) -> list[dict]:
    records = extract_document(Doc(text), resolver_factory=FakeResolver).records
    return [r for r in records if r["mode"] is None]


def test_span_points_at_the_sentence_and_the_action_is_labelled():
    text = "Turkey welcomed the talks.\n\nFrance condemned Iran on Sunday."
    r = next(r for r in asserted(text) if r["source"]["country"] == "FRA")
    start, end = r["span"]
    assert text[start:end] == r["sentence"] == "France condemned Iran on Sunday."
    assert r["action"]["label"] and r["action"]["quad_class"] == 3
    assert isinstance(r["action"]["goldstein"], float) and r["action"]["plover"] == "ACCUSE"


def test_an_agent_inferred_from_the_place_lowers_the_confidence():
    recs = asserted("Two French journalists were arrested in Tehran on Saturday.")
    assert [r["source"]["country"] for r in recs] == ["IRN"], recs
    assert recs[0]["confidence"] < 0.8, recs


def test_a_named_source_is_more_confident_than_a_pronoun():
    named = [
        r
        for r in asserted("Trump criticized Mexico on Monday. He also criticized Canada's leader.")
        if r["sentence"].startswith("Trump")
    ]
    coref = [
        r
        for r in asserted("Trump spoke on Monday. He criticized Mexico.")
        if r["sentence"].startswith("He")
    ]
    assert named and coref, (named, coref)
    assert coref[0]["confidence"] < named[0]["confidence"]
