"""What an event keeps as evidence: a readable action text (words only, never the symbols a
parser hung on the verb), the words that named each actor in the sentence ("She"), and the
article's clean text that the sentence offsets point into. Sentences written for these tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import pytest

from ingest.pipeline import extract_document


@dataclass
class Doc:
    text: str
    published: datetime | None = datetime(2025, 5, 5, 12)
    source: str = "test"
    url: str | None = None
    title: str | None = None
    outlet: str | None = None


ACTION_ROWS = [
    # (sentence, expected action text of the one coded event)
    ("Poland criticized Russia <==> on Monday.", "criticized Russia"),
    ("Poland criticized Russia <= => over the strikes.", "criticized Russia"),
    ("Poland criticized Russia ### on Monday.", "criticized Russia"),
    # the phrase as written when short, so it reads ("not to" kept) ...
    ("Poland urged Hungary not to block the aid package.", "urged Hungary not to block"),
    # ... but without a date inside it
    ("Poland agreed on Monday to reopen the border crossing with Belarus.", "agreed to reopen"),
    # positive control: plain prose keeps its words
    ("Poland criticized Russia on Monday.", "criticized Russia"),
]


@pytest.mark.parametrize(("sentence", "action"), ACTION_ROWS)
def test_action_text_is_words_only(sentence: str, action: str):
    records = extract_document(Doc(sentence)).records
    assert [r["action"]["text"] for r in records] == [action]


def test_reports_keep_the_words_that_named_the_actors_and_the_article_keeps_its_text():
    text = (
        "Mexican President Claudia Sheinbaum spoke to reporters on Monday. "
        "She rejected the offer from Donald Trump."
    )
    result = extract_document(Doc(text))
    assert result.article.text == text
    reject = [e for e in result.events if e.root == "12"]
    assert len(reject) == 1
    report = reject[0].reports[0]
    assert (report.source_text, report.target_text) == ("She", "Donald Trump")
    assert text[report.start : report.end] == report.sentence
