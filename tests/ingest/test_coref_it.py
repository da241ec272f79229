""" "it"/"its" for institutions: an army, a parliament or a court is "it" like a state.
Texts and actors written for these tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import pytest

from ingest._coref import ArticleMemory, Ref
from ingest.pipeline import extract_document

IRAN_MINISTRY = Ref("Iranian Foreign Ministry", "IRN", "ministry")


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


@dataclass
class Doc:
    text: str
    source: str = "it.txt"
    published: datetime = datetime(2024, 6, 3, 9, 0, tzinfo=UTC)
    url: str | None = None
    title: str | None = None
    outlet: str | None = None


def test_pipeline_its_forces_are_the_speakers() -> None:
    text = (
        "Iran's foreign ministry spokesman condemned the strikes. The U.S. Central Command said "
        "its forces shot down two Houthi drones."
    )
    recs = extract_document(Doc(text)).records
    shot = [r for r in recs if r["action"]["cameo"].startswith("19")]
    assert shot and all(r["source"]["country"] == "USA" for r in shot), recs
