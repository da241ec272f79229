"""One suite, both backends: every test runs on the embedded store and on the real Neo4j server.

The `store` fixture (tests/conftest.py) is parametrized; the Neo4j half fails, never skips,
when the server is unreachable.
"""

from __future__ import annotations

import pytest

from kg.model import Actor, Article, Event, GraphBatch, Report
from kg.stores import Store, StoreError

AMLO = Actor.create("Claudia Sheinbaum", "MEX", "person", ("Sheinbaum",))
MEXGOV = Actor.create("Mexican government", "MEX", "government", ("Gobierno de México",))
TRUMP = Actor.create("Donald Trump", "USA", "person", ("Trump",))
USGOV = Actor.create("United States government", "USA", "government")
UN = Actor.create("United Nations", "IGO", "igo")

ART1 = Article(
    Article.make_id("https://example.org/a1", ""),
    "https://example.org/a1",
    "Mexico rejects US troops",
    "example.org",
    "2025-05-05T06:42:00+05:30",
    "h1",
)
ART2 = Article(
    Article.make_id("https://example.org/a2", ""),
    "https://example.org/a2",
    "Sheinbaum says no",
    "example.org",
    None,
    "h2",
)


def event(
    src: Actor,
    tgt: Actor | None,
    cameo: str,
    date: str,
    reports: tuple[Report, ...],
    confidence: float = 0.8,
    mode: str | None = None,
) -> Event:
    return Event(
        id=Event.make_id(src.id, tgt.id if tgt else None, cameo, date),
        source_id=src.id,
        target_id=tgt.id if tgt else None,
        date=date,
        cameo=cameo,
        root=cameo[:2],
        label=f"label {cameo}",
        quad_class=3 if cameo[:2] in ("12", "13") else 1,
        goldstein=-4.0 if cameo.startswith("12") else 1.0,
        plover="REJECT" if cameo.startswith("12") else None,
        action_text="rejected",
        confidence=confidence,
        mode=mode,
        reports=reports,
    )


def report(article: Article, sentence: str, start: int = 0) -> Report:
    return Report(article.id, sentence, start, start + len(sentence))


REJECT = event(
    MEXGOV,
    USGOV,
    "120",
    "2025-05-04",
    (report(ART1, "Mexico rejected the US offer of troops."),),
)
MEET = event(
    AMLO, TRUMP, "036", "2025-05-10", (report(ART1, "Sheinbaum wants to meet Trump.", 50),)
)
STATEMENT = event(UN, None, "010", "2025-06-02", (report(ART2, "The UN made a statement."),))


def seed_batch() -> GraphBatch:
    return GraphBatch(
        articles=[ART1, ART2],
        actors=[AMLO, MEXGOV, TRUMP, USGOV, UN],
        events=[REJECT, MEET, STATEMENT],
    )


def empty_counts() -> dict[str, dict[str, int]]:
    return {
        "nodes": {"Actor": 0, "Event": 0, "Article": 0},
        "relationships": {"SOURCE_OF": 0, "TARGET": 0, "REPORTED_IN": 0},
    }


def raw_neo4j_counts(store) -> tuple[int, int]:
    """Every node (but the derived Tally cells) and relationship in the database, counted by
    Cypher, not by the store."""
    nodes = store.run_read("MATCH (n) WHERE NOT n:Tally RETURN count(n) AS n")[0]["n"]
    rels = store.run_read("MATCH ()-[r]->() RETURN count(r) AS n")[0]["n"]
    return nodes, rels


def raw_tallies(store) -> list[dict]:
    """The Tally nodes as stored."""
    rows = store.run_read("MATCH (t:Tally) RETURN t {.*} AS t")
    return sorted((r["t"] for r in rows), key=repr)


def test_store_implements_protocol(store: Store):
    assert isinstance(store, Store)
    assert store.backend in ("embedded", "neo4j")


def test_empty_store_counts(store: Store):
    assert store.counts() == empty_counts()


def test_upsert_and_counts(store: Store):
    store.upsert(seed_batch())
    assert store.counts() == {
        "nodes": {"Actor": 5, "Event": 3, "Article": 2},
        "relationships": {"SOURCE_OF": 3, "TARGET": 2, "REPORTED_IN": 3},
    }


def test_fetch_by_id_round_trips(store: Store):
    store.upsert(seed_batch())
    assert store.get_actor(MEXGOV.id) == MEXGOV
    assert store.get_actor(UN.id) == UN
    assert store.get_article(ART1.id) == ART1
    assert store.get_article(ART2.id) == ART2
    assert store.get_event(REJECT.id) == REJECT
    assert store.get_event(STATEMENT.id) == STATEMENT  # no target, no plover
    assert store.get_actor("nope") is None
    assert store.get_article("nope") is None
    assert store.get_event("nope") is None


def test_event_fields_keep_types(store: Store):
    store.upsert(seed_batch())
    got = store.get_event(MEET.id)
    assert got is not None
    assert got.cameo == "036" and got.root == "03"  # leading zeros kept
    assert got.date == "2025-05-10"
    assert isinstance(got.quad_class, int) and isinstance(got.goldstein, float)
    assert got.mode is None


def test_same_batch_twice_changes_nothing(store: Store):
    store.upsert(seed_batch())
    before = store.counts()
    raw_before = raw_neo4j_counts(store) if store.backend == "neo4j" else None
    tallies_before = raw_tallies(store) if store.backend == "neo4j" else None
    store.upsert(seed_batch())
    assert store.counts() == before
    assert store.get_event(REJECT.id) == REJECT
    assert store.get_actor(AMLO.id) == AMLO  # aliases not doubled
    if store.backend == "neo4j":
        assert raw_neo4j_counts(store) == raw_before == (10, 8)
        assert raw_tallies(store) == tallies_before


def test_repeated_event_keeps_highest_confidence(store: Store):
    store.upsert(seed_batch())
    weaker = event(MEXGOV, USGOV, "120", "2025-05-04", REJECT.reports, confidence=0.3)
    stronger = event(MEXGOV, USGOV, "120", "2025-05-04", REJECT.reports, confidence=0.95)
    store.upsert(GraphBatch(events=[weaker]))
    assert store.get_event(REJECT.id).confidence == pytest.approx(0.8)
    store.upsert(GraphBatch(events=[stronger]))
    assert store.get_event(REJECT.id).confidence == pytest.approx(0.95)


def test_event_reported_by_two_articles_has_two_reports(store: Store):
    store.upsert(seed_batch())
    again = event(MEXGOV, USGOV, "120", "2025-05-04", (report(ART2, "Mexico said no.", 10),))
    assert again.id == REJECT.id
    store.upsert(GraphBatch(events=[again]))
    got = store.get_event(REJECT.id)
    assert got is not None
    assert sorted(r.article_id for r in got.reports) == sorted([ART1.id, ART2.id])
    assert store.counts()["nodes"]["Event"] == 3
    assert store.counts()["relationships"]["REPORTED_IN"] == 4


def test_aliases_merge(store: Store):
    store.upsert(seed_batch())
    more = Actor(MEXGOV.id, MEXGOV.name, "MEX", "government", ("Mexico City", "Gobierno de México"))
    store.upsert(GraphBatch(actors=[more]))
    got = store.get_actor(MEXGOV.id)
    assert got is not None
    assert got.aliases == ("Gobierno de México", "Mexico City")


def test_aliases_merge_within_one_batch(store: Store):
    a = Actor(TRUMP.id, TRUMP.name, "USA", "person", ("Trump",))
    b = Actor(TRUMP.id, TRUMP.name, "USA", "person", ("President Trump",))
    store.upsert(GraphBatch(actors=[a, b]))
    assert store.get_actor(TRUMP.id).aliases == ("Trump", "President Trump")


def test_search_text_is_folded(store: Store):
    store.upsert(seed_batch())
    if store.backend == "neo4j":
        text = store.run_read("MATCH (a:Actor {id: $id}) RETURN a.search_text AS t", id=MEXGOV.id)[
            0
        ]["t"]
    else:
        text = store.db.execute(
            "SELECT search_text FROM actors WHERE id = ?", (MEXGOV.id,)
        ).fetchone()[0]
    assert text.split("\n") == ["mexican government", "gobierno de mexico"]


def test_delete_article_keeps_shared_event(store: Store):
    store.upsert(seed_batch())
    again = event(MEXGOV, USGOV, "120", "2025-05-04", (report(ART2, "Mexico said no.", 10),))
    store.upsert(GraphBatch(events=[again]))

    assert store.delete_article(ART1.id) is True
    assert store.get_article(ART1.id) is None
    shared = store.get_event(REJECT.id)
    assert shared is not None, "event still reported by article 2 must survive"
    assert [r.article_id for r in shared.reports] == [ART2.id]
    assert store.get_event(MEET.id) is None, "event only reported by article 1 must go"
    assert store.get_actor(AMLO.id) is None and store.get_actor(TRUMP.id) is None
    assert store.get_actor(MEXGOV.id) == MEXGOV
    assert store.counts() == {
        "nodes": {"Actor": 3, "Event": 2, "Article": 1},
        "relationships": {"SOURCE_OF": 2, "TARGET": 1, "REPORTED_IN": 2},
    }

    assert store.delete_article(ART2.id) is True
    assert store.counts() == empty_counts()
    assert store.delete_article(ART2.id) is False


def test_delete_article_keeps_actors_without_events(store: Store):
    store.upsert(seed_batch())
    lone = Actor.create("Organization of American States", "IGO", "igo")
    store.upsert(GraphBatch(actors=[lone]))
    store.delete_article(ART1.id)
    assert store.get_actor(lone.id) == lone


def test_delete_unknown_article(store: Store):
    assert store.delete_article("a-missing") is False


def test_iter_actors_and_articles_batches(store: Store):
    store.upsert(seed_batch())
    pages = list(store.iter_actors(batch_size=2))
    assert [len(p) for p in pages] == [2, 2, 1]
    ids = [a.id for p in pages for a in p]
    assert ids == sorted(ids) == sorted(a.id for a in seed_batch().actors)
    articles = [a for p in store.iter_articles(batch_size=1) for a in p]
    assert articles == sorted([ART1, ART2], key=lambda a: a.id)


def test_iter_events_filters(store: Store):
    store.upsert(seed_batch())

    def ids(**kw) -> list[str]:
        return [e.id for page in store.iter_events(**kw) for e in page]

    everything = sorted([REJECT.id, MEET.id, STATEMENT.id])
    assert ids() == everything
    assert [len(p) for p in store.iter_events(batch_size=2)] == [2, 1]
    assert ids(since="2025-05-05") == sorted([MEET.id, STATEMENT.id])
    assert ids(until="2025-05-10") == sorted([REJECT.id, MEET.id])
    assert ids(since="2025-05-01", until="2025-05-31") == sorted([REJECT.id, MEET.id])
    assert ids(actor_ids=frozenset({USGOV.id})) == [REJECT.id]  # as target
    assert ids(actor_ids=frozenset({AMLO.id, UN.id})) == sorted([MEET.id, STATEMENT.id])
    assert ids(actor_ids=frozenset()) == []
    assert ids(since="2025-05-05", actor_ids=frozenset({MEXGOV.id})) == []
    full = [e for page in store.iter_events(actor_ids=frozenset({MEXGOV.id})) for e in page]
    assert full == [REJECT]  # with reports


def test_events_by_id_keeps_order(store: Store):
    store.upsert(seed_batch())
    got = store.events_by_id([STATEMENT.id, "e-missing", REJECT.id])
    assert [e.id for e in got] == [STATEMENT.id, REJECT.id]


def test_failed_batch_writes_nothing(store: Store):
    ghost = Actor.create("Ghost", "XXX", "person")
    bad = event(AMLO, ghost, "042", "2025-05-06", (report(ART1, "Ghost visit."),))
    batch = seed_batch()
    batch.events.append(bad)  # its target actor is neither in the batch nor in the store
    with pytest.raises(StoreError):
        store.upsert(batch)
    assert store.counts() == empty_counts()
    if store.backend == "neo4j":
        assert raw_neo4j_counts(store) == (0, 0)
        assert raw_tallies(store) == []


def test_report_for_unknown_article_is_refused(store: Store):
    store.upsert(seed_batch())
    before = store.counts()
    orphan = Article("a-unknown", None, None, None, None, "")
    bad = event(AMLO, TRUMP, "043", "2025-05-07", (report(orphan, "Nowhere."),))
    with pytest.raises(StoreError):
        store.upsert(GraphBatch(events=[bad]))
    assert store.counts() == before


def test_clear(store: Store):
    store.upsert(seed_batch())
    store.clear()
    assert store.counts() == empty_counts()


def test_large_batch(store: Store):
    """More rows than one UNWIND chunk: still one transaction, all rows written."""
    actors = [Actor.create(f"Official {i}", "MEX", "person") for i in range(60)]
    art = Article("a-big", None, "big", None, None, "")
    events = [
        event(actors[i % 60], actors[(i + 1) % 60], "042", f"2025-01-{1 + i % 28:02d}", ())
        for i in range(6000)
    ]
    events = [
        Event(**{**e.__dict__, "id": f"e-{i:05d}", "reports": (report(art, f"s{i}"),)})
        for i, e in enumerate(events)
    ]
    store.upsert(GraphBatch(articles=[art], actors=actors, events=events))
    counts = store.counts()
    assert counts["nodes"]["Event"] == 6000
    assert counts["relationships"]["REPORTED_IN"] == 6000
    assert counts["relationships"]["TARGET"] == 6000


def test_same_event_twice_in_one_batch(store: Store):
    first = event(MEXGOV, USGOV, "120", "2025-05-04", (report(ART1, "One."),), confidence=0.6)
    second = event(
        MEXGOV, USGOV, "120", "2025-05-04", (report(ART2, "Two."), report(ART1, "One.")), 0.9
    )
    batch = seed_batch()
    batch.events = [first, second]
    store.upsert(batch)
    got = store.get_event(first.id)
    assert got is not None and got.confidence == pytest.approx(0.9)
    assert sorted((r.article_id, r.sentence) for r in got.reports) == sorted(
        [(ART1.id, "One."), (ART2.id, "Two.")]
    )
    assert store.counts()["relationships"] == {"SOURCE_OF": 1, "TARGET": 1, "REPORTED_IN": 2}


def test_article_text_and_surface_words_round_trip(store: Store):
    """The article page shows the clean text; evidence marks "She" as resolved to its actor."""
    body = "Mexico said no. She rejected the offer of troops from him."
    art = Article(
        Article.make_id("https://example.org/a3", ""), "https://example.org/a3", "t", None, None,
        "h3", body,
    )  # fmt: skip
    said = Report(art.id, "She rejected the offer of troops from him.", 16, len(body), "She", "him")
    ev = event(AMLO, TRUMP, "125", "2025-05-06", (said,))
    store.upsert(GraphBatch(articles=[art], actors=[AMLO, TRUMP], events=[ev]))
    assert store.get_article(art.id) == art
    got = store.get_event(ev.id)
    assert got == ev and (got.reports[0].source_text, got.reports[0].target_text) == (
        "She",
        "him",
    )
    # the same article written again without its text (an older export) keeps the text
    store.upsert(GraphBatch(articles=[Article(art.id, art.url, "t2", None, None, "h3")]))
    assert store.get_article(art.id).text == body and store.get_article(art.id).title == "t2"
    # a report written without surface words reads back as None, not ""
    assert store.get_event(REJECT.id) is None
    store.upsert(seed_batch())
    assert store.get_event(REJECT.id).reports[0].source_text is None
    listed = {a.id: a for page in store.iter_articles() for a in page}
    assert listed[art.id].text == body
