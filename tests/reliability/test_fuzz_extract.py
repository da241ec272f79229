"""Property tests on the extractor and the whole text -> store path: any text, however odd,
gives either a clean LoadError or events that are valid against the event schema."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest._documents import Document, LoadError
from ingest._merge import write_batch
from ingest.loaders import load_text
from ingest.pipeline import extract_document
from kg.codebook import codebook, lookup
from kg.model import ACTOR_KINDS, EVENT_MODES
from kg.stores import EmbeddedStore

WORDS = [
    "Mexico",
    "the United States",
    "China",
    "Japan's foreign ministry",
    "President Sheinbaum",
    "Trump",
    "the United Nations",
    "NATO",
    "Russia",
    "Ukraine",
    "he",
    "she",
    "they",
    "it",
    "rejected",
    "condemned",
    "agreed",
    "signed",
    "threatened",
    "met",
    "praised",
    "accused",
    "denied",
    "did not reject",
    "may sanction",
    "will visit",
    "urged",
    "said",
    "demanded",
    "an offer",
    "a deal",
    "troops",
    "on Monday",
    "yesterday",
    "last week",
    "on 4 May 2025",
    "next month",
    "in Beijing",
    "to",
    "with",
    "against",
    "and",
    "but",
    ",",
    ".",
    "?",
    ";",
    "\u2014",
    '"',
    "'",
    "(",
    ")",
    "\n\n",
    "«",
    "»",
    "é",
    "\u200b",
    "<b>",
    "&amp;",
    "WASHINGTON,",
]
phrases = st.lists(st.sampled_from(WORDS), min_size=0, max_size=40).map(" ".join)
noise = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=200)
texts = st.one_of(
    phrases,
    noise,
    st.tuples(phrases, noise, phrases).map(lambda t: "".join(t)),
)
published = st.one_of(
    st.none(),
    st.datetimes(
        min_value=datetime(1990, 1, 1), max_value=datetime(2040, 12, 31), timezones=st.just(UTC)
    ),
)


def _check(result, text: str) -> None:
    actors = {a.id: a for a in result.actors}
    for a in result.actors:
        assert a.kind in ACTOR_KINDS and a.name
    for e in result.events:
        cc = lookup(e.cameo)  # in the codebook, or KeyError
        assert e.cameo in codebook()
        assert e.root == cc.root == e.cameo[:2]
        assert e.quad_class == cc.quad_class and e.quad_class in (1, 2, 3, 4)
        assert e.goldstein == cc.goldstein and -10 <= e.goldstein <= 10
        assert date.fromisoformat(e.date).isoformat() == e.date
        assert 0.0 <= e.confidence <= 1.0
        assert e.mode is None or e.mode in EVENT_MODES
        assert e.source_id in actors
        assert e.target_id is None or e.target_id in actors
        assert e.reports
        for r in e.reports:
            assert r.article_id == result.article.id
            assert 0 <= r.start <= r.end <= len(text)
            assert text[r.start : r.end] == r.sentence


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(text=texts, when=published)
def test_extract_document_output_is_always_valid(text, when):
    doc = Document("fuzz", None, None, None, when, text)
    result = extract_document(doc)
    _check(result, text)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = EmbeddedStore(tmp_path_factory.mktemp("fuzz"))
    yield s
    s.close()


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(text=texts)
def test_any_pasted_text_is_a_load_error_or_a_valid_write(store, text):
    try:
        doc = load_text(text, source="pasted text")
    except LoadError as exc:
        assert str(exc).startswith("pasted text: ")
        return
    result = extract_document(doc)
    _check(result, doc.text)
    before = store.counts()
    write_batch(store, result.to_batch())
    write_batch(store, result.to_batch())  # and again: nothing new
    after = store.counts()
    assert after["nodes"]["Article"] <= before["nodes"]["Article"] + 1
    again = store.counts()
    write_batch(store, result.to_batch())
    assert store.counts() == again
