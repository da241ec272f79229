"""The Neo4j store answers country dyads, timelines and profiles, and busy actors' timelines and
profiles, from monthly tallies (kg/stores/_neo4j_tally.py); the embedded store counts events.
Both must give the same answers on the same random graph, after merges that move dates,
repeats, deletions and actors becoming busy, for whole and partial months and every filter."""

from __future__ import annotations

import random

import pytest

from kg.codebook import codebook
from kg.model import Actor, Article, Event, GraphBatch, Report
from kg.stores import EmbeddedStore
from kg.stores import _neo4j_tally as tallies
from queries import Filters, for_store

pytestmark = pytest.mark.neo4j

COUNTRIES = ("USA", "MEX", "CHN", None)
CODES = sorted(c for c in codebook() if len(c) >= 3)[::7]
# Some actors are far busier than others, as in the news; with BUSY events as the threshold
# the first few become tallied part-way through the batches and the last few never do.
ACTOR_WEIGHTS = (8, 6, 4, 3, 2, 1, 1, 1, 1, 1)
BUSY = 60


def random_batches(seed: int) -> tuple[list[GraphBatch], list[str]]:
    rng = random.Random(seed)
    actors = [
        Actor.create(f"Actor {i}", COUNTRIES[i % len(COUNTRIES)], ("government", "person")[i % 2])
        for i in range(10)
    ]
    batches, article_ids = [], []
    for b in range(6):
        batch = GraphBatch(actors=list(actors))
        for a in range(4):
            url = f"https://t.example/{seed}/{b}/{a}"
            art = Article(Article.make_id(url, ""), url, f"t{a}", f"outlet{a % 2}", None, url)
            batch.articles.append(art)
            article_ids.append(art.id)
            for i in range(12):
                src, tgt = rng.choices(actors, ACTOR_WEIGHTS, k=2)
                while tgt == src:
                    tgt = rng.choices(actors, ACTOR_WEIGHTS)[0]
                day = f"2025-{rng.randrange(3, 7):02d}-{rng.randrange(1, 29):02d}"
                ev = Event.coded(
                    src.id,
                    None if rng.random() < 0.1 else tgt.id,
                    rng.choice(CODES),
                    day,
                    action_text="did",
                    confidence=rng.choice((0.4, 0.9)),
                    mode="hypothetical" if rng.random() < 0.1 else None,
                    reports=(Report(art.id, f"Sentence {b} {a} {i}.", 0, 10 + i),),
                )
                batch.events.append(ev)
                if rng.random() < 0.15:  # another report of the same event, a day earlier
                    batch.events.append(_earlier(ev, art.id, i))
        batches.append(batch)
    return batches, article_ids


def _earlier(ev: Event, article_id: str, i: int) -> Event:
    """The same event reported again with an earlier date (the merge rule keeps the earliest:
    the stored event's date moves)."""
    from datetime import date, timedelta

    day = (date.fromisoformat(ev.date) - timedelta(days=1)).isoformat()
    return Event(**{**ev.__dict__, "date": day, "reports": (Report(article_id, "Again.", 0, i),)})


FILTERS = [
    Filters(),
    Filters(date_from="2025-04-01", date_to="2025-05-31"),
    Filters(date_from="2025-04-10", date_to="2025-06-20"),
    Filters(date_from="2025-04-10", date_to="2025-05-05"),
    Filters(date_from="2025-05-02"),
    Filters(date_to="2025-05-30"),
    Filters(roots=("04", "19")),
    Filters(quad_classes=(1, 4), date_from="2025-03-15"),
    Filters(min_confidence=0.5),
    Filters(include_modes=True),
    Filters(outlet="outlet1", date_from="2025-04-01"),
]


def answers(store, actor_ids: list[str]) -> list:
    q = for_store(store)
    out: list = []
    refs = ["USA", "MEX", "CHN", *actor_ids[:2], actor_ids[-1]]  # busy actors and a quiet one
    for f in FILTERS:
        for a in refs:
            out.append(q.timeline(a, bucket="day", filters=f).to_dict())
            out.append(q.actor_profile(a, filters=f).to_dict())
            for b in refs:
                if a != b:
                    out.append(q.relationship(a, b, filters=f, bucket="week").to_dict())
                    out.append(q.timeline(a, b, bucket="month", filters=f).to_dict())
        out.append(q.relationship("USA", "USA", filters=f, bucket="day").to_dict())
    return out


def _props(cell: tallies.Cell) -> dict:
    """A cell's stored form, its Goldstein sums rounded: cells summed in another order may
    differ in the last bits (the queries round sums the same way before dividing)."""
    props = cell.props()
    for name in ("days_g", "groups_g"):
        props[name] = [round(g, 6) for g in props[name]]
    return props


def stored_cells(store) -> dict[tuple[str, str], dict]:
    """The cells as stored, each cell's nodes merged."""
    cells: dict[tuple[str, str], tallies.Cell] = {}
    for r in store.run_read("MATCH (t:Tally) RETURN t {.*} AS t"):
        key = (r["t"]["key"], r["t"]["month"])
        cells.setdefault(key, tallies.Cell()).merge(tallies.Cell.from_props(r["t"]))
    return {k: _props(c) for k, c in cells.items()}


def forget_tallies(store) -> None:
    """Leave the database as a store written before tallies existed would."""
    with store.driver.session() as session:
        session.run("MATCH (t:Tally) DELETE t").consume()
        session.run("DROP INDEX tally_key_month").consume()


def busy_ids(store) -> set[str]:
    return {r["id"] for r in store.run_read("MATCH (a:Actor) WHERE a.tallied RETURN a.id AS id")}


def recounted_cells(store) -> dict[tuple[str, str], dict]:
    """The cells a from-scratch tally of every stored event gives."""
    rows = store.run_read("MATCH (e:Event) RETURN " + tallies.EVENT_FIELDS)
    return {k: _props(c) for k, c in tallies.tally(rows, busy_ids(store)).items()}


def event_counts(store) -> dict[str, int]:
    """Each actor's events, either end (what makes it busy)."""
    rows = store.run_read(
        "MATCH (a:Actor) RETURN a.id AS id,"
        " COUNT { (a)-[:SOURCE_OF]->() } + COUNT { (a)<-[:TARGET]-() } AS n"
    )
    return {r["id"]: r["n"] for r in rows}


@pytest.mark.parametrize("seed", [1, 2])
def test_tallied_answers_equal_counted_answers(neo4j_store_session, tmp_path, seed):
    from kg.stores._neo4j import Neo4jStore

    neo4j_store_session.clear()
    neo = Neo4jStore(neo4j_store_session.uri, busy_actor_events=BUSY)
    embedded = EmbeddedStore(tmp_path / "kg")
    try:
        batches, article_ids = random_batches(seed)
        busy_after_first = None
        for batch in batches:
            neo.upsert(batch)
            embedded.upsert(batch)
            if busy_after_first is None:
                busy_after_first = busy_ids(neo)
        neo.upsert(batches[2])  # a repeat changes nothing
        embedded.upsert(batches[2])
        for art in article_ids[::5]:
            assert neo.delete_article(art) and embedded.delete_article(art)
        actor_ids = [a.id for a in batches[0].actors]
        busy = busy_ids(neo)
        # Actors became busy part-way through (their cells started from their events), and
        # the quiet ones never did: both paths answer below.
        assert busy - (busy_after_first or set()), "no actor became busy after the first batch"
        assert {actor_ids[0], actor_ids[1]} <= busy and actor_ids[-1] not in busy
        assert all(n <= BUSY for i, n in event_counts(neo).items() if i not in busy)
        assert stored_cells(neo) == recounted_cells(neo)
        assert answers(neo, actor_ids) == answers(embedded, actor_ids)
    finally:
        embedded.close()
        neo.close()
        neo4j_store_session.clear()


def test_actors_get_cells_when_they_pass_the_threshold_and_on_open(neo4j_store_session):
    """A store written before actor tallies (no `actor_tallied` index) is caught up on open."""
    from kg.stores._neo4j import Neo4jStore

    neo = neo4j_store_session
    neo.clear()
    for batch in random_batches(5)[0]:
        neo.upsert(batch)
    assert not busy_ids(neo)  # the default threshold is far above these counts
    Neo4jStore(neo.uri, busy_actor_events=BUSY).close()
    assert not busy_ids(neo)  # an open does not scan every actor again once marking was done
    with neo.driver.session() as session:  # as written before actor tallies existed
        session.run("DROP INDEX actor_tallied").consume()
    reopened = Neo4jStore(neo.uri, busy_actor_events=BUSY)
    try:
        counts = event_counts(reopened)
        assert busy_ids(reopened) == {i for i, n in counts.items() if n > BUSY} != set()
        assert stored_cells(reopened) == recounted_cells(reopened)
        assert any(key.startswith("a:") for key, _ in stored_cells(reopened))
    finally:
        reopened.close()
        neo.clear()


def test_store_without_tallies_gets_them_on_open(neo4j_store_session):
    from kg.stores._neo4j import Neo4jStore

    neo = neo4j_store_session
    neo.clear()
    batches, _ = random_batches(3)
    for batch in batches[:2]:
        neo.upsert(batch)
    expected = stored_cells(neo)
    assert expected and expected == recounted_cells(neo)
    forget_tallies(neo)
    reopened = Neo4jStore(neo.uri)
    try:
        assert stored_cells(reopened) == expected
    finally:
        reopened.close()
        neo.clear()


def test_rebuild_cut_short_is_done_again_on_open(neo4j_store_session, monkeypatch):
    from kg.stores._neo4j import Neo4jStore

    neo = neo4j_store_session
    neo.clear()
    for batch in random_batches(4)[0][:2]:
        neo.upsert(batch)
    expected = stored_cells(neo)
    forget_tallies(neo)

    full_rebuild = tallies.rebuild

    def crash_halfway(session, page=50_000):
        full_rebuild(session, page)
        session.run("MATCH (t:Tally) WITH t LIMIT 10 DELETE t").consume()
        raise KeyboardInterrupt  # the process stops before the rebuild is over

    monkeypatch.setattr(tallies, "rebuild", crash_halfway)
    with pytest.raises(KeyboardInterrupt):
        Neo4jStore(neo.uri)
    monkeypatch.setattr(tallies, "rebuild", full_rebuild)
    reopened = Neo4jStore(neo.uri)
    try:
        assert stored_cells(reopened) == expected
    finally:
        reopened.close()
        neo.clear()
