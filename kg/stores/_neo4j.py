"""The production store: Neo4j 5.26 over the official `neo4j` Python driver (6.x).

Behaves exactly like EmbeddedStore (tests/stores/test_conformance.py runs the same tests on
both). Each upsert is one managed write transaction made of a handful of `UNWIND $rows`
queries that MERGE on the stable ids, so writing a batch twice changes nothing and a failure
midway leaves nothing. Values always travel as query parameters, never inside the Cypher text.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import neo4j
from neo4j.exceptions import (
    ConstraintError,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
)

from kg.model import Actor, Article, Event, GraphBatch, Report
from kg.stores import _neo4j_tally as tallies
from kg.stores._embedded import search_text
from kg.stores._protocol import NODE_LABELS, RELATIONSHIP_TYPES, MatchRequest, StoreError

T = TypeVar("T")

# Rows per UNWIND query; a batch larger than this is written in several queries of the same
# transaction (bounded parameter maps, same atomicity).
CHUNK = 5000

SCHEMA_STATEMENTS = (
    "CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE",
    "CREATE CONSTRAINT event_id IF NOT EXISTS FOR (e:Event) REQUIRE e.id IS UNIQUE",
    "CREATE CONSTRAINT article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE",
    "CREATE INDEX event_date IF NOT EXISTS FOR (e:Event) ON (e.date)",
    "CREATE INDEX event_root IF NOT EXISTS FOR (e:Event) ON (e.root)",
    # Denormalized endpoints (docs/schema.md): a dyad or an actor's events are one index seek
    # (equality on the endpoint properties, range on the date) instead of an expansion of a
    # busy actor's relationships.
    *(
        f"CREATE INDEX {name} IF NOT EXISTS FOR (e:Event) ON ({props})"
        for name, props in (
            ("event_source_date", "e.source_id, e.date"),
            ("event_target_date", "e.target_id, e.date"),
            ("event_pair_date", "e.source_id, e.target_id, e.date"),
            ("event_source_country_date", "e.source_country, e.date"),
            ("event_target_country_date", "e.target_country, e.date"),
            ("event_country_pair_date", "e.source_country, e.target_country, e.date"),
        )
    ),
    "CREATE INDEX actor_country IF NOT EXISTS FOR (a:Actor) ON (a.country)",
    "CREATE INDEX actor_name IF NOT EXISTS FOR (a:Actor) ON (a.name)",
    "CREATE TEXT INDEX actor_search_text IF NOT EXISTS FOR (a:Actor) ON (a.search_text)",
    "CREATE INDEX article_text_hash IF NOT EXISTS FOR (a:Article) ON (a.text_hash)",
)

_ACTOR_ALIASES = (
    "UNWIND $ids AS id MATCH (a:Actor {id: id}) RETURN a.id AS id, a.aliases AS aliases"
)

_WRITE_ACTORS = """
UNWIND $rows AS row
MERGE (a:Actor {id: row.id})
SET a.name = row.name, a.country = row.country, a.kind = row.kind,
    a.aliases = row.aliases, a.search_text = row.search_text
"""

_WRITE_ARTICLES = """
UNWIND $rows AS row
MERGE (a:Article {id: row.id})
SET a.url = row.url, a.title = row.title, a.outlet = row.outlet,
    a.published = CASE WHEN row.published IS NULL THEN null ELSE datetime(row.published) END,
    a.text_hash = row.text_hash, a.text = coalesce(row.text, a.text)
"""

# The nodes a batch's events point at, by id: their element ids let the CREATE below reach
# them without an index seek per event (the batch's own actors and articles are write-locked by
# their MERGE ... SET, so the ids stay valid until commit).
_ACTOR_NODES = """
UNWIND $ids AS id MATCH (a:Actor {id: id})
RETURN a.id AS id, a.country AS c, elementId(a) AS n, a.tallied AS busy
"""

_ARTICLE_NODES = "UNWIND $ids AS id MATCH (a:Article {id: id}) RETURN a.id AS id, elementId(a) AS n"

# A new event keeps its first-written properties; a repeat only raises the confidence.
# source_id/target_id/source_country/target_country copy the event's endpoints (never changed
# once created; an actor's country is part of its id) so queries seek events by index.
_WRITE_EVENTS = """
UNWIND $rows AS row
MATCH (s:Actor {id: row.source_id})
OPTIONAL MATCH (t:Actor {id: row.target_id})
MERGE (e:Event {id: row.id})
ON CREATE SET e.date = date(row.date), e.cameo = row.cameo, e.root = row.root,
    e.label = row.label, e.quad_class = row.quad_class, e.goldstein = row.goldstein,
    e.plover = row.plover, e.action_text = row.action_text, e.confidence = row.confidence,
    e.mode = row.mode, e.source_id = s.id, e.target_id = t.id, e.source_country = s.country,
    e.target_country = t.country
ON MATCH SET e.confidence = CASE WHEN row.confidence > e.confidence
    THEN row.confidence ELSE e.confidence END,
    e.date = CASE WHEN date(row.date) < e.date THEN date(row.date) ELSE e.date END
MERGE (s)-[:SOURCE_OF]->(e)
WITH e, t WHERE t IS NOT NULL
MERGE (e)-[:TARGET]->(t)
"""

# Fast path for events not yet in the store (most of any ingest): CREATE, not MERGE, for the
# event, its relationships and its reports; no existence checks on relationships.
_CREATE_EVENTS = """
UNWIND $rows AS row
MATCH (s:Actor) WHERE elementId(s) = row.s
OPTIONAL MATCH (t:Actor) WHERE elementId(t) = row.t
CREATE (s)-[:SOURCE_OF]->(e:Event {id: row.id, date: date(row.date), cameo: row.cameo,
    root: row.root, label: row.label, quad_class: row.quad_class, goldstein: row.goldstein,
    plover: row.plover, action_text: row.action_text, confidence: row.confidence,
    mode: row.mode, source_id: s.id, target_id: t.id, source_country: s.country,
    target_country: t.country})
FOREACH (_ IN CASE WHEN t IS NULL THEN [] ELSE [1] END | CREATE (e)-[:TARGET]->(t))
WITH e, row
UNWIND row.reports AS rep
MATCH (a:Article) WHERE elementId(a) = rep.a
CREATE (e)-[:REPORTED_IN {sentence: rep.sentence, start: rep.start, end: rep.end,
    source_text: rep.source_text, target_text: rep.target_text}]->(a)
"""

_BACKFILL_ENDPOINTS = """
MATCH (s:Actor)-[:SOURCE_OF]->(e:Event) WHERE e.source_id IS NULL
CALL (s, e) {
    OPTIONAL MATCH (e)-[:TARGET]->(t:Actor)
    SET e.source_id = s.id, e.target_id = t.id, e.source_country = s.country,
        e.target_country = t.country
} IN TRANSACTIONS OF 10000 ROWS
"""

_EXISTING_EVENTS = "UNWIND $ids AS id MATCH (e:Event {id: id}) RETURN " + tallies.EVENT_FIELDS

# The first sentence written for an (event, article, span) stays, as in the embedded store.
_WRITE_REPORTS = """
UNWIND $rows AS row
MATCH (e:Event {id: row.event_id})
MATCH (a:Article {id: row.article_id})
MERGE (e)-[r:REPORTED_IN {start: row.start, end: row.end}]->(a)
ON CREATE SET r.sentence = row.sentence, r.source_text = row.source_text,
    r.target_text = row.target_text
"""

_EVENT_FIELDS = """
OPTIONAL MATCH (s:Actor)-[:SOURCE_OF]->(e)
OPTIONAL MATCH (e)-[:TARGET]->(t:Actor)
CALL (e) {
    OPTIONAL MATCH (e)-[r:REPORTED_IN]->(a:Article)
    RETURN collect(CASE WHEN a IS NULL THEN null ELSE
        {article_id: a.id, sentence: r.sentence, start: r.start, end: r.end,
         source_text: r.source_text, target_text: r.target_text} END) AS reports
}
RETURN e {.*, source_id: s.id, target_id: t.id, reports: reports} AS e
"""

_EVENTS_BY_ID = "UNWIND $ids AS id MATCH (e:Event {id: id})" + _EVENT_FIELDS

_EVENT_PAGE = (
    """
MATCH (e:Event)
WHERE e.id > $last
  AND ($since IS NULL OR e.date >= date($since))
  AND ($until IS NULL OR e.date <= date($until))
  AND ($actors IS NULL
       OR EXISTS { MATCH (x:Actor)-[:SOURCE_OF]->(e) WHERE x.id IN $actors }
       OR EXISTS { MATCH (e)-[:TARGET]->(x:Actor) WHERE x.id IN $actors })
WITH e ORDER BY e.id LIMIT $limit
"""
    + _EVENT_FIELDS
)

# The cross-article merge rule (docs/reliability.md); same answer as the embedded store's SQL.
_MATCHING_EVENTS = """
UNWIND $rows AS row
CALL (row) {
    MATCH (e:Event)
    WHERE e.source_id = row.source AND date(row.date_from) <= e.date <= date(row.date_to)
      AND ((e.mode IS NULL AND row.mode IS NULL) OR e.mode = row.mode)
      AND (e.cameo = row.prefix OR (size(row.prefix) = 3 AND e.cameo STARTS WITH row.prefix))
      AND ((e.target_id IS NULL AND row.target IS NULL) OR e.target_id = row.target)
    RETURN e.id AS id ORDER BY e.date, e.id LIMIT 1
}
RETURN row.i AS i, id
"""

_COUNTS = """
CALL () { MATCH (n:Actor) RETURN count(n) AS actors }
CALL () { MATCH (n:Event) RETURN count(n) AS events }
CALL () { MATCH (n:Article) RETURN count(n) AS articles }
CALL () { MATCH ()-[r:SOURCE_OF]->() RETURN count(r) AS source_of }
CALL () { MATCH ()-[r:TARGET]->() RETURN count(r) AS target }
CALL () { MATCH ()-[r:REPORTED_IN]->() RETURN count(r) AS reported_in }
RETURN actors, events, articles, source_of, target, reported_in
"""


class Neo4jStore:
    """Store protocol over a Neo4j server; also `ping()` and `run_read()` for raw Cypher."""

    backend = "neo4j"

    def __init__(
        self,
        uri: str,
        user: str = "neo4j",
        password: str = "",
        database: str = "neo4j",
        *,
        attempts: int = 3,
        backoff: float = 0.5,
        connection_timeout: float = 5.0,
        busy_actor_events: int = tallies.BUSY_ACTOR_EVENTS,
    ):
        self.uri = uri
        self.busy_actor_events = busy_actor_events
        self.database = database or "neo4j"
        self.attempts = max(1, attempts)
        self.backoff = backoff
        auth = (user, password) if password else None
        try:
            self.driver = neo4j.GraphDatabase.driver(
                uri,
                auth=auth,
                connection_timeout=connection_timeout,
                max_transaction_retry_time=5.0,
                notifications_min_severity="OFF",
            )
        except (ValueError, DriverError) as exc:
            raise StoreError(f"neo4j store {uri}: cannot create a driver: {exc}") from None
        try:
            self._ensure_schema()
        except BaseException:  # also an interrupt: no driver left open behind a failed start
            self.driver.close()
            raise

    # -- plumbing --------------------------------------------------------------------------
    def _call(self, what: str, fn: Callable[[], T]) -> T:
        """Run `fn`, retrying a lost connection with exponential backoff; errors -> StoreError."""
        delay = self.backoff
        for attempt in range(1, self.attempts + 1):
            try:
                return fn()
            except (ServiceUnavailable, SessionExpired) as exc:
                if attempt == self.attempts:
                    raise StoreError(
                        f"neo4j store {self.uri}: server unreachable while {what} "
                        f"({self.attempts} attempts): {exc}. Is it running? "
                        "(`kg neo4j start` runs a local one)"
                    ) from None
                time.sleep(delay)
                delay *= 2
            except Neo4jError as exc:
                raise StoreError(
                    f"neo4j store {self.uri}: {what} failed: {exc.code}: {exc.message}"
                ) from exc
            except DriverError as exc:
                raise StoreError(f"neo4j store {self.uri}: {what} failed: {exc}") from None
        raise AssertionError("unreachable")

    def _session(self) -> neo4j.Session:
        return self.driver.session(database=self.database)

    def _write(self, what: str, work: Callable[[neo4j.ManagedTransaction], T]) -> T:
        def run() -> T:
            with self._session() as session:
                return session.execute_write(work)

        return self._call(what, run)

    def _read(self, what: str, work: Callable[[neo4j.ManagedTransaction], T]) -> T:
        def run() -> T:
            with self._session() as session:
                return session.execute_read(work)

        return self._call(what, run)

    def run_read(self, cypher: str, **params: Any) -> list[dict[str, Any]]:
        """Run a read-only Cypher query with parameters; rows as dicts (for queries/ and tests)."""

        def work(tx: neo4j.ManagedTransaction) -> list[dict[str, Any]]:
            return [record.data() for record in tx.run(cypher, params)]

        return self._read("running a read query", work)

    def _ensure_schema(self) -> None:
        def run() -> None:
            with self._session() as session:
                before = {
                    row["name"]
                    for row in session.run(
                        "SHOW INDEXES YIELD name WHERE name IN"
                        " ['event_source_date', 'tally_key_month', 'actor_tallied'] RETURN name"
                    ).data()
                }
                for statement in SCHEMA_STATEMENTS:
                    session.run(statement).consume()
                if "event_source_date" not in before:
                    # A database written before the endpoint copies existed: fill them once.
                    session.run(_BACKFILL_ENDPOINTS).consume()
                session.run("CALL db.awaitIndexes(300)").consume()
                if "tally_key_month" not in before:
                    # Written before tallies existed (or new): count its events once. The
                    # index comes last, so a rebuild cut short is done again on the next open;
                    # the rebuild drops the actors' marks, so they are made again below.
                    session.run("DROP INDEX actor_tallied IF EXISTS").consume()
                    before.discard("actor_tallied")
                    tallies.rebuild(session)
                    for statement in tallies.SCHEMA_STATEMENTS:
                        session.run(statement).consume()
                    session.run("CALL db.awaitIndexes(300)").consume()
                if "actor_tallied" not in before:
                    # Mark and count the busy actors once (not on every open: it reads every
                    # actor's degree); the index that says so is made after.
                    session.execute_write(tallies.promote, None, self.busy_actor_events)
                    session.run(tallies.ACTOR_MARK_INDEX).consume()

        self._call("creating constraints and indexes", run)

    def ping(self) -> str:
        """The server's version; raises StoreError when it does not answer."""
        rows = self.run_read("CALL dbms.components() YIELD name, versions RETURN versions[0] AS v")
        return str(rows[0]["v"])

    # -- writes ----------------------------------------------------------------------------
    def upsert(self, batch: GraphBatch) -> None:
        actors = _fold_actors(batch.actors)
        articles: list[dict[str, Any]] = [
            {
                "id": a.id,
                "url": a.url,
                "title": a.title,
                "outlet": a.outlet,
                "published": a.published or None,
                "text_hash": a.text_hash,
                "text": a.text,
            }
            for a in batch.articles
        ]
        events = [_event_row(e) for e in batch.events]
        reports: list[dict[str, Any]] = [
            {
                "event_id": e.id,
                "article_id": r.article_id,
                "sentence": r.sentence,
                "start": r.start,
                "end": r.end,
                "source_text": r.source_text,
                "target_text": r.target_text,
            }
            for e in batch.events
            for r in e.reports
        ]
        actor_refs = sorted(
            {e.source_id for e in batch.events}
            | {e.target_id for e in batch.events if e.target_id is not None}
        )
        article_refs = sorted({r["article_id"] for r in reports})

        def work(tx: neo4j.ManagedTransaction) -> None:
            if actors:
                stored_aliases = {
                    rec["id"]: rec["aliases"] or []
                    for ids in _chunks(list(actors))
                    for rec in tx.run(_ACTOR_ALIASES, ids=ids)
                }
                rows: list[dict[str, Any]] = []
                for actor in actors.values():
                    stored = stored_aliases.get(actor.id, ())
                    merged = tuple(dict.fromkeys((*stored, *actor.aliases)))
                    rows.append(
                        {
                            "id": actor.id,
                            "name": actor.name,
                            "country": actor.country,
                            "kind": actor.kind,
                            "aliases": list(merged),
                            "search_text": search_text(actor.name, merged),
                        }
                    )
                for chunk in _chunks(rows):
                    tx.run(_WRITE_ACTORS, rows=chunk).consume()
            for chunk in _chunks(articles):
                tx.run(_WRITE_ARTICLES, rows=chunk).consume()
            found = _nodes(tx, _ACTOR_NODES, actor_refs, "actor")
            countries = {i: rec["c"] for i, rec in found.items()}
            busy = {i for i, rec in found.items() if rec["busy"]}
            actor_nodes = {i: rec["n"] for i, rec in found.items()}
            article_nodes = {
                i: rec["n"]
                for i, rec in _nodes(tx, _ARTICLE_NODES, article_refs, "article").items()
            }
            existing: dict[str, dict[str, Any]] = {
                rec["id"]: rec.data()
                for ids in _chunks(sorted({e["id"] for e in events}))
                for rec in tx.run(_EXISTING_EVENTS, ids=ids)
            }
            new = _new_event_rows(batch.events, set(existing))
            pending = []
            if fast:
                pending = [
                    tx.run(_CREATE_EVENTS, rows=_with_nodes(chunk, actor_nodes, article_nodes))
                    for chunk in _chunks(new)
                ]
                created = {row["id"] for row in new}
            else:
                created = set()
            # Counted while the server creates the events (consume() waits for it).
            added, dirty = _tally_changes(new, existing, events, countries, busy)
            for result in pending:
                result.consume()
            for chunk in _chunks([e for e in events if e["id"] not in created]):
                tx.run(_WRITE_EVENTS, rows=chunk).consume()
            for chunk in _chunks([r for r in reports if r["event_id"] not in created]):
                tx.run(_WRITE_REPORTS, rows=chunk).consume()
            tallies.add(tx, {k: c for k, c in added.items() if k not in dirty})
            tallies.recompute(tx, dirty)
            # Actors this batch takes past the threshold get their cells (this batch included).
            tallies.promote(tx, [i for i in actor_refs if i not in busy], self.busy_actor_events)

        if not len(batch):
            return
        fast = True
        try:
            self._write("writing a batch", work)
        except StoreError as exc:
            # Another writer created one of "our" new events between the check and the
            # CREATE: write the batch again, all of it through MERGE.
            if not isinstance(exc.__cause__, ConstraintError):
                raise
            fast = False
            self._write("writing a batch", work)

    def delete_article(self, article_id: str) -> bool:
        def work(tx: neo4j.ManagedTransaction) -> bool:
            found = tx.run(
                "MATCH (a:Article {id: $id})"
                " OPTIONAL MATCH (e:Event)-[:REPORTED_IN]->(a)"
                " RETURN count(a) AS n, collect(DISTINCT e.id) AS events",
                id=article_id,
            ).single()
            if found is None or found["n"] == 0:
                return False
            # Their cells are recomputed afterwards (the events that stay count the same).
            reported = tx.run(
                "UNWIND $ids AS id MATCH (e:Event {id: id}) RETURN " + tallies.EVENT_FIELDS,
                ids=found["events"],
            ).data()
            tx.run("MATCH (a:Article {id: $id}) DETACH DELETE a", id=article_id).consume()
            # Events left without any report go, then actors left without any event.
            actors = tx.run(
                "UNWIND $ids AS id MATCH (e:Event {id: id})"
                " WHERE NOT EXISTS { (e)-[:REPORTED_IN]->() }"
                " OPTIONAL MATCH (e)--(x:Actor)"
                " WITH e, collect(DISTINCT x.id) AS actors"
                " DETACH DELETE e"
                " RETURN actors",
                ids=found["events"],
            )
            actor_ids = sorted({i for rec in actors for i in rec["actors"]})
            tx.run(
                "UNWIND $ids AS id MATCH (x:Actor {id: id})"
                " WHERE NOT EXISTS { (x)-[:SOURCE_OF]->() } AND NOT EXISTS { (x)<-[:TARGET]-() }"
                " DETACH DELETE x",
                ids=actor_ids,
            ).consume()
            ends = {r[end] for r in reported for end in ("source_id", "target_id") if r[end]}
            busy = tallies.busy_actors(tx, ends)
            tallies.recompute(tx, tallies.cells_of(reported, busy))
            return True

        return self._write(f"deleting article {article_id}", work)

    def clear(self) -> None:
        def run() -> None:
            with self._session() as session:
                # Relationships first, then nodes, in small transactions: one DETACH DELETE
                # of well-connected actors can exceed the transaction memory cap.
                session.run(
                    "MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS"
                ).consume()
                session.run(
                    "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"
                ).consume()

        self._call("clearing the database", run)

    # -- reads -----------------------------------------------------------------------------
    def get_actor(self, actor_id: str) -> Actor | None:
        rows = self.run_read("MATCH (a:Actor {id: $id}) RETURN a {.*} AS a", id=actor_id)
        return _actor(rows[0]["a"]) if rows else None

    def get_article(self, article_id: str) -> Article | None:
        rows = self.run_read("MATCH (a:Article {id: $id}) RETURN a {.*} AS a", id=article_id)
        return _article(rows[0]["a"]) if rows else None

    def get_event(self, event_id: str) -> Event | None:
        found = self.events_by_id([event_id])
        return found[0] if found else None

    def events_by_id(self, event_ids: list[str]) -> list[Event]:
        """Events with their reports, in the order of `event_ids` (missing ids are skipped)."""
        if not event_ids:
            return []
        rows = self.run_read(_EVENTS_BY_ID, ids=list(dict.fromkeys(event_ids)))
        by_id = {row["e"]["id"]: _event(row["e"]) for row in rows}
        return [by_id[i] for i in event_ids if i in by_id]

    def find_matching_events(self, requests: list[MatchRequest]) -> list[str | None]:
        if not requests:
            return []
        rows = [
            {"i": i, "source": r.source_id, "target": r.target_id, "prefix": r.code_prefix,
             "date_from": r.date_from, "date_to": r.date_to, "mode": r.mode}
            for i, r in enumerate(requests)
        ]  # fmt: skip
        found = {rec["i"]: rec["id"] for rec in self.run_read(_MATCHING_EVENTS, rows=rows)}
        return [found.get(i) for i in range(len(requests))]

    def find_article_by_hash(self, text_hash: str) -> str | None:
        if not text_hash:
            return None
        rows = self.run_read(
            "MATCH (a:Article {text_hash: $h}) RETURN a.id AS id ORDER BY id LIMIT 1", h=text_hash
        )
        return rows[0]["id"] if rows else None

    def counts(self) -> dict[str, dict[str, int]]:
        row = self.run_read(_COUNTS)[0]
        nodes = {"Actor": row["actors"], "Event": row["events"], "Article": row["articles"]}
        rels = {
            "SOURCE_OF": row["source_of"],
            "TARGET": row["target"],
            "REPORTED_IN": row["reported_in"],
        }
        assert tuple(nodes) == NODE_LABELS and tuple(rels) == RELATIONSHIP_TYPES
        return {"nodes": nodes, "relationships": rels}

    def derived_counts(self) -> dict[str, int]:
        labels = {r["label"] for r in self.run_read("CALL db.labels() YIELD label RETURN label")}
        out = {}
        for label in sorted(labels - set(NODE_LABELS)):
            quoted = "`" + label.replace("`", "``") + "`"  # a label cannot be a parameter
            out[label] = self.run_read(f"MATCH (n:{quoted}) RETURN count(n) AS n")[0]["n"]
        return out

    def iter_actors(self, batch_size: int = 1000) -> Iterator[list[Actor]]:
        for page in self._pages("Actor", batch_size):
            yield [_actor(node) for node in page]

    def iter_articles(self, batch_size: int = 1000) -> Iterator[list[Article]]:
        for page in self._pages("Article", batch_size):
            yield [_article(node) for node in page]

    def _pages(self, label: str, batch_size: int) -> Iterator[list[dict[str, Any]]]:
        """Keyset pagination on id: each page is its own short read transaction."""
        assert label in NODE_LABELS  # labels cannot be parameters; only known ones get here
        last = ""
        while True:
            rows = self.run_read(
                f"MATCH (n:{label}) WHERE n.id > $last"
                " RETURN n {.*} AS n ORDER BY n.id LIMIT $limit",
                last=last,
                limit=batch_size,
            )
            if not rows:
                return
            last = rows[-1]["n"]["id"]
            yield [row["n"] for row in rows]

    def iter_events(
        self,
        batch_size: int = 1000,
        since: str | None = None,
        until: str | None = None,
        actor_ids: frozenset[str] | None = None,
    ) -> Iterator[list[Event]]:
        last = ""
        actors = sorted(actor_ids) if actor_ids is not None else None
        while True:
            rows = self.run_read(
                _EVENT_PAGE,
                last=last,
                since=since or None,
                until=until or None,
                actors=actors,
                limit=batch_size,
            )
            if not rows:
                return
            last = rows[-1]["e"]["id"]
            yield [_event(row["e"]) for row in rows]

    def close(self) -> None:
        self.driver.close()

    def __enter__(self) -> Neo4jStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Neo4jStore({self.uri!r}, database={self.database!r})"


def _chunks(rows: list[T], size: int = CHUNK) -> Iterator[list[T]]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


def _fold_actors(actors: list[Actor]) -> dict[str, Actor]:
    """One entry per id: the last name/country/kind seen, the aliases of all, in order."""
    folded: dict[str, Actor] = {}
    for actor in actors:
        before = folded.get(actor.id)
        aliases = (
            tuple(dict.fromkeys((*before.aliases, *actor.aliases))) if before else actor.aliases
        )
        folded[actor.id] = Actor(actor.id, actor.name, actor.country, actor.kind, aliases)
    return folded


def _tally_changes(
    new: list[dict[str, Any]],
    existing: dict[str, dict[str, Any]],
    events: list[dict[str, Any]],
    countries: dict[str, str | None],
    busy: set[str],
) -> tuple[dict[tuple[str, str], tallies.Cell], set[tuple[str, str]]]:
    """The new events' counts per cell, and the cells to recompute: those of events whose
    date moved earlier (the merge rule keeps the earliest date). `busy`: tallied actors."""
    added = tallies.tally(
        (
            {
                **row,
                "source_country": countries.get(row["source_id"]),
                "target_country": countries.get(row["target_id"]) if row["target_id"] else None,
            }
            for row in new
        ),
        busy,
    )
    moved: list[dict[str, Any]] = []
    for row in events:
        old = existing.get(row["id"])
        if old is not None and row["date"] < old["date"].iso_format():
            moved.extend((old, {**old, "date": row["date"]}))
    return added, tallies.cells_of(moved, busy)


def _nodes(
    tx: neo4j.ManagedTransaction, query: str, ids: list[str], what: str
) -> dict[str, dict[str, Any]]:
    """The records of the nodes with these ids; refuses (rolling the transaction back) a batch
    whose events point at nodes that do not exist."""
    found = {rec["id"]: rec.data() for chunk in _chunks(ids) for rec in tx.run(query, ids=chunk)}
    if len(found) < len(ids):
        missing = sorted(set(ids) - set(found))
        raise StoreError(
            f"batch refers to {what}(s) that are neither in the batch nor in the store: "
            f"{missing[:5]}"
        )
    return found


def _with_nodes(
    rows: list[dict[str, Any]], actors: dict[str, str], articles: dict[str, str]
) -> list[dict[str, Any]]:
    """CREATE rows with the element ids of their actors and articles."""
    return [
        {
            **row,
            "s": actors[row["source_id"]],
            "t": actors[row["target_id"]] if row["target_id"] else None,
            "reports": [{**r, "a": articles[r["article_id"]]} for r in row["reports"]],
        }
        for row in rows
    ]


def _new_event_rows(events: list[Event], existing: set[str]) -> list[dict[str, Any]]:
    """Rows for the CREATE path: one per new id (the highest confidence of its repeats in the
    batch, the earliest date, the first properties otherwise; as the MERGE path gives) with
    its reports, each span once."""
    rows: dict[str, dict[str, Any]] = {}
    spans: dict[str, set[tuple[str, int, int]]] = {}
    for e in events:
        if e.id in existing:
            continue
        row = rows.get(e.id)
        if row is None:
            row = rows[e.id] = {**_event_row(e), "reports": []}
            spans[e.id] = set()
        else:
            row["confidence"] = max(row["confidence"], float(e.confidence))
            row["date"] = min(row["date"], e.date)
        for r in e.reports:
            key = (r.article_id, r.start, r.end)
            if key not in spans[e.id]:
                spans[e.id].add(key)
                row["reports"].append(
                    {"article_id": r.article_id, "sentence": r.sentence, "start": r.start,
                     "end": r.end, "source_text": r.source_text, "target_text": r.target_text}
                )  # fmt: skip
    return list(rows.values())


def _event_row(e: Event) -> dict[str, Any]:
    return {
        "id": e.id,
        "source_id": e.source_id,
        "target_id": e.target_id,
        "date": e.date,
        "cameo": e.cameo,
        "root": e.root,
        "label": e.label,
        "quad_class": int(e.quad_class),
        "goldstein": float(e.goldstein),
        "plover": e.plover,
        "action_text": e.action_text,
        "confidence": float(e.confidence),
        "mode": e.mode,
    }


def _actor(node: dict[str, Any]) -> Actor:
    return Actor(
        node["id"],
        node["name"],
        node.get("country"),
        node["kind"],
        tuple(node.get("aliases") or ()),
    )


def _article(node: dict[str, Any]) -> Article:
    return Article(
        node["id"],
        node.get("url"),
        node.get("title"),
        node.get("outlet"),
        tallies.iso_text(node.get("published")),
        node.get("text_hash") or "",
        node.get("text"),
    )


def _event(node: dict[str, Any]) -> Event:
    reports = sorted(
        (
            Report(
                r["article_id"],
                r["sentence"],
                r["start"],
                r["end"],
                r.get("source_text"),
                r.get("target_text"),
            )
            for r in node["reports"]
        ),
        key=lambda r: (r.article_id, r.start, r.end),
    )
    return Event(
        id=node["id"],
        source_id=node["source_id"],
        target_id=node.get("target_id"),
        date=node["date"].iso_format(),
        cameo=node["cameo"],
        root=node["root"],
        label=node["label"],
        quad_class=node["quad_class"],
        goldstein=node["goldstein"],
        plover=node.get("plover"),
        action_text=node["action_text"],
        confidence=node["confidence"],
        mode=node.get("mode"),
        reports=tuple(reports),
    )
