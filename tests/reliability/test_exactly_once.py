"""Exactly-once ingest on both backends: re-ingesting changes nothing, the same story under
another URL is the same article, and the same event from two articles is one event with two
reports (the merge rule of ingest/_merge.py, docs/reliability.md)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import pytest
from reliability_helpers import CORPUS, canonical_dump

from ingest._merge import MERGE_WINDOW_DAYS, code_family, write_batch
from ingest.loaders import load_text
from ingest.pipeline import extract_document, ingest_paths
from kg.model import Actor, Article, Event, GraphBatch, Report
from kg.stores import Store
from queries import for_store

MEX = Actor.create("Mexican government", "MEX", "government")
USA = Actor.create("United States government", "USA", "government")


def _article(n: int) -> Article:
    return Article(f"a-{n}", f"https://example.org/{n}", f"story {n}", "example.org", None, f"h{n}")


def _event(article: Article, cameo: str, day: str, start: int = 0, mode: str | None = None):
    sentence = f"Mexico rejected the offer ({cameo} {day})."
    return Event(
        id=Event.make_id(MEX.id, USA.id, cameo if mode is None else f"{cameo}:{mode}", day),
        source_id=MEX.id,
        target_id=USA.id,
        date=day,
        cameo=cameo,
        root=cameo[:2],
        label="reject",
        quad_class=3,
        goldstein=-4.0,
        plover="REJECT",
        action_text="rejected",
        confidence=0.7,
        mode=mode,
        reports=(Report(article.id, sentence, start, start + len(sentence)),),
    )


def _write(store: Store, article: Article, *events: Event):
    return write_batch(
        store, GraphBatch(articles=[article], actors=[MEX, USA], events=list(events))
    )


def test_code_family():
    assert code_family("1212") == "121" and code_family("120") == "120"
    assert code_family("12") == "12"
    assert MERGE_WINDOW_DAYS == 1


def test_same_event_from_two_articles_is_one_event_with_two_reports(store: Store):
    a1, a2 = _article(1), _article(2)
    first = _event(a1, "1212", "2025-05-05")
    _write(store, a1, first)
    outcome = _write(store, a2, _event(a2, "1211", "2025-05-06"))  # same family, next day
    assert outcome.merged_events == 1
    assert store.counts()["nodes"]["Event"] == 1
    got = store.get_event(first.id)
    assert sorted(r.article_id for r in got.reports) == [a1.id, a2.id]
    assert got.cameo == "1212" and got.date == "2025-05-05"
    view = for_store(store).event_detail(first.id)
    assert view.n_sources == 2  # "reported by 2 sources" in pages and the API


def test_merge_keeps_the_earliest_date(store: Store):
    a1, a2 = _article(1), _article(2)
    later = _event(a1, "120", "2025-05-06")
    _write(store, a1, later)
    _write(store, a2, _event(a2, "120", "2025-05-05"))
    assert store.counts()["nodes"]["Event"] == 1
    assert store.get_event(later.id).date == "2025-05-05"


@pytest.mark.parametrize(
    ("cameo", "day", "mode"),
    [
        ("1231", "2025-05-05", None),  # other family (123 vs 121)
        ("12", "2025-05-05", None),  # a bare root code is its own family
        ("1212", "2025-05-07", None),  # two days away: outside the window
        ("1212", "2025-05-05", "negated"),  # a denial is not the act
    ],
)
def test_outside_the_rule_stays_separate(store: Store, cameo: str, day: str, mode: str | None):
    a1, a2 = _article(1), _article(2)
    _write(store, a1, _event(a1, "1212", "2025-05-05"))
    outcome = _write(store, a2, _event(a2, cameo, day, mode=mode))
    assert outcome.merged_events == 0
    assert store.counts()["nodes"]["Event"] == 2


def test_rewriting_a_merged_article_changes_nothing(store: Store):
    a1, a2 = _article(1), _article(2)
    _write(store, a1, _event(a1, "1212", "2025-05-05"))
    _write(store, a2, _event(a2, "1211", "2025-05-06"))
    before = canonical_dump(store)
    _write(store, a2, _event(a2, "1211", "2025-05-06"))
    _write(store, a1, _event(a1, "1212", "2025-05-05"))
    assert canonical_dump(store) == before


def test_reingesting_the_corpus_creates_nothing(store: Store):
    first = ingest_paths([CORPUS], store, progress=False)
    assert first.articles == 20 and not first.errors
    before = canonical_dump(store)
    assert before["counts"]["nodes"]["Event"] > 20
    tallies = "MATCH (t:Tally) RETURN t {.*} AS t ORDER BY t.key, t.month, t.ints, t.floats"
    tallies_before = store.run_read(tallies) if store.backend == "neo4j" else None
    again = ingest_paths([CORPUS], store, progress=False)
    assert again.articles == 20
    assert canonical_dump(store) == before
    if store.backend == "neo4j":  # count every node and relationship, not just the store's view
        raw = store.run_read("MATCH (n) WHERE NOT n:Tally RETURN count(n) AS n")
        nodes = before["counts"]["nodes"]
        assert raw[0]["n"] == sum(nodes.values())
        assert tallies_before and store.run_read(tallies) == tallies_before


def test_corpus_obeys_the_merge_rule(store: Store):
    """No two stored events fall under the merge rule unless one article reports both."""
    ingest_paths([CORPUS], store, progress=False)
    groups = defaultdict(list)
    for page in store.iter_events():
        for e in page:
            groups[(e.source_id, e.target_id, code_family(e.cameo), e.mode)].append(e)
    multi = 0
    for events in groups.values():
        for i, a in enumerate(events):
            for b in events[i + 1 :]:
                gap = abs(date.fromisoformat(a.date) - date.fromisoformat(b.date)).days
                if gap <= MERGE_WINDOW_DAYS:
                    shared = {r.article_id for r in a.reports} & {r.article_id for r in b.reports}
                    assert shared, (a, b)
        multi += sum(len({r.article_id for r in e.reports}) > 1 for e in events)
    # 04.txt and 05.txt report Japan's protest to China on consecutive days.
    assert multi >= 1


def test_same_text_under_another_url_or_none_is_the_same_article(store: Store):
    text = (CORPUS / "04.txt").read_text(encoding="utf-8")
    first = load_text(text, source="04", url="https://news.example/a")
    write_batch(store, extract_document(first).to_batch())
    before = canonical_dump(store)
    assert before["counts"]["nodes"]["Article"] == 1
    for url in ("https://mirror.example/b", None):
        # the same words, differently spaced, are the same normalized text
        doc = load_text(text.replace(" ", "  "), source="copy", url=url)
        outcome = write_batch(store, extract_document(doc).to_batch())
        assert outcome.duplicate_article_of == first.id
    assert canonical_dump(store) == before
