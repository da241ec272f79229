"""The embedded default store: a SQLite database file under the data directory.

Why SQLite (docs/stores.md): it ships with Python, each ingest is one ACID transaction whose
cost depends on the rows it touches, not on the size of the graph (a whole-graph JSON dump
would rewrite everything on each small ingest), a crash mid-write leaves the previous state
(write-ahead log), and its B-tree indexes answer dyad and timeline queries in milliseconds.
Analytics project it into networkx (kg/analytics.py).
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from types import TracebackType
from typing import TypeVar

from kg.fold import ascii_fold
from kg.model import Actor, Article, Event, GraphBatch, Report
from kg.stores._protocol import NODE_LABELS, RELATIONSHIP_TYPES, MatchRequest, StoreError

_T = TypeVar("_T")

SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS actors (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    country TEXT,
    kind TEXT NOT NULL,
    aliases TEXT NOT NULL DEFAULT '[]',
    search_text TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS actors_country ON actors(country);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    url TEXT,
    title TEXT,
    outlet TEXT,
    published TEXT,
    text_hash TEXT NOT NULL DEFAULT '',
    text TEXT
);
CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY,
    source_id TEXT NOT NULL REFERENCES actors(id),
    target_id TEXT REFERENCES actors(id),
    date TEXT NOT NULL,
    cameo TEXT NOT NULL,
    root TEXT NOT NULL,
    label TEXT NOT NULL,
    quad_class INTEGER NOT NULL,
    goldstein REAL NOT NULL,
    plover TEXT,
    action_text TEXT NOT NULL,
    confidence REAL NOT NULL,
    mode TEXT
);
CREATE INDEX IF NOT EXISTS events_source_date ON events(source_id, date);
CREATE INDEX IF NOT EXISTS events_target_date ON events(target_id, date);
CREATE INDEX IF NOT EXISTS events_date ON events(date);
-- Covering indexes for the dyad, timeline and profile queries (queries/_embedded.py): the
-- grouped counts are answered from the index alone, without touching the table.
CREATE INDEX IF NOT EXISTS events_cover_source ON events(
    source_id, target_id, date, quad_class, root, goldstein, cameo, mode, confidence, id);
CREATE INDEX IF NOT EXISTS events_cover_target ON events(
    target_id, source_id, date, quad_class, root, goldstein, cameo, mode, confidence, id);
CREATE TABLE IF NOT EXISTS reports (
    event_id TEXT NOT NULL REFERENCES events(id),
    article_id TEXT NOT NULL REFERENCES articles(id),
    sentence TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    source_text TEXT,
    target_text TEXT,
    PRIMARY KEY (event_id, article_id, start, end)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS reports_article ON reports(article_id);
CREATE INDEX IF NOT EXISTS articles_text_hash ON articles(text_hash);
"""

# Columns added after a store could already exist: (table, column, type), added when missing.
_ADDED_COLUMNS = (
    ("articles", "text", "TEXT"),
    ("reports", "source_text", "TEXT"),
    ("reports", "target_text", "TEXT"),
)

_EVENT_COLUMNS = (
    "id, source_id, target_id, date, cameo, root, label, quad_class, goldstein, plover,"
    " action_text, confidence, mode"
)


def search_text(name: str, aliases: tuple[str, ...]) -> str:
    """Accent- and case-folded names, newline-separated, for prefix and substring search."""
    return "\n".join(ascii_fold(n).lower() for n in (name, *aliases))


class EmbeddedStore:
    backend = "embedded"

    def __init__(self, data_dir: Path | str):
        self.data_dir = Path(data_dir)
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"embedded store: cannot create data directory {self.data_dir}: {exc}"
            ) from None
        self.path = self.data_dir / "graph.sqlite3"
        self._local = threading.local()
        # executescript commits on its own; every statement is idempotent.
        self.db.executescript(
            _SCHEMA
            + "INSERT OR IGNORE INTO meta(key, value)"
            + f" VALUES ('schema_version', '{SCHEMA_VERSION}');"
        )
        for table, column, kind in _ADDED_COLUMNS:
            have = {r["name"] for r in self.db.execute(f"PRAGMA table_info({table})")}
            if column not in have:  # names from the fixed tuple above only
                self.db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")

    # -- connection handling: one connection per thread (Flask serves from several) --------
    @property
    def db(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            try:
                conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=FULL")
                conn.execute("PRAGMA foreign_keys=ON")
                conn.execute("PRAGMA busy_timeout=10000")
            except sqlite3.DatabaseError as exc:
                raise StoreError(
                    f"embedded store {self.path}: not a usable database: {exc}"
                ) from None
            conn.row_factory = sqlite3.Row
            self._local.conn = conn
        return conn

    def _tx(self) -> _Transaction:
        return _Transaction(self.db)

    # -- writes ----------------------------------------------------------------------------
    def upsert(self, batch: GraphBatch) -> None:
        with self._tx() as db:
            for actor in batch.actors:
                row = db.execute("SELECT aliases FROM actors WHERE id = ?", (actor.id,)).fetchone()
                aliases = tuple(json.loads(row["aliases"])) if row else ()
                merged = tuple(dict.fromkeys((*aliases, *actor.aliases)))
                db.execute(
                    "INSERT INTO actors(id, name, country, kind, aliases, search_text)"
                    " VALUES (?, ?, ?, ?, ?, ?)"
                    " ON CONFLICT(id) DO UPDATE SET name=excluded.name, country=excluded.country,"
                    " kind=excluded.kind, aliases=excluded.aliases,"
                    " search_text=excluded.search_text",
                    (
                        actor.id,
                        actor.name,
                        actor.country,
                        actor.kind,
                        json.dumps(list(merged)),
                        search_text(actor.name, merged),
                    ),
                )
            db.executemany(
                "INSERT INTO articles(id, url, title, outlet, published, text_hash, text)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT(id) DO UPDATE SET url=excluded.url, title=excluded.title,"
                " outlet=excluded.outlet, published=excluded.published,"
                " text_hash=excluded.text_hash, text=coalesce(excluded.text, text)",
                [
                    (a.id, a.url, a.title, a.outlet, a.published, a.text_hash, a.text)
                    for a in batch.articles
                ],
            )
            db.executemany(
                f"INSERT INTO events({_EVENT_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"
                # A merged event (ingest/_merge.py) keeps the earliest date of its reports.
                " ON CONFLICT(id) DO UPDATE SET confidence=max(confidence, excluded.confidence),"
                " date=min(date, excluded.date)",
                [
                    (
                        e.id,
                        e.source_id,
                        e.target_id,
                        e.date,
                        e.cameo,
                        e.root,
                        e.label,
                        e.quad_class,
                        e.goldstein,
                        e.plover,
                        e.action_text,
                        e.confidence,
                        e.mode,
                    )
                    for e in batch.events
                ],
            )
            db.executemany(
                "INSERT OR IGNORE INTO reports(event_id, article_id, sentence, start, end,"
                " source_text, target_text) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (e.id, r.article_id, r.sentence, r.start, r.end, r.source_text, r.target_text)
                    for e in batch.events
                    for r in e.reports
                ],
            )

    def delete_article(self, article_id: str) -> bool:
        with self._tx() as db:
            if db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is None:
                return False
            event_ids = [
                r[0]
                for r in db.execute(
                    "SELECT DISTINCT event_id FROM reports WHERE article_id = ?", (article_id,)
                )
            ]
            actor_ids = sorted(
                {
                    actor
                    for i in event_ids
                    for row in db.execute(
                        "SELECT source_id, target_id FROM events WHERE id = ?", (i,)
                    )
                    for actor in row
                    if actor is not None
                }
            )
            db.execute("DELETE FROM reports WHERE article_id = ?", (article_id,))
            db.executemany(
                "DELETE FROM events WHERE id = ?"
                " AND NOT EXISTS (SELECT 1 FROM reports WHERE event_id = events.id)",
                [(i,) for i in event_ids],
            )
            db.execute("DELETE FROM articles WHERE id = ?", (article_id,))
            # Only the deleted events' actors: an actor written without events stays.
            db.executemany(
                "DELETE FROM actors WHERE id = ? AND NOT EXISTS (SELECT 1 FROM events"
                " WHERE events.source_id = actors.id OR events.target_id = actors.id)",
                [(i,) for i in actor_ids],
            )
            return True

    def clear(self) -> None:
        with self._tx() as db:
            # Table names from this fixed tuple only (names cannot be SQL parameters).
            for table in ("reports", "events", "articles", "actors"):
                db.execute(f"DELETE FROM {table}")

    # -- reads -----------------------------------------------------------------------------
    def get_actor(self, actor_id: str) -> Actor | None:
        row = self.db.execute("SELECT * FROM actors WHERE id = ?", (actor_id,)).fetchone()
        return _actor(row) if row else None

    def get_article(self, article_id: str) -> Article | None:
        row = self.db.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        return _article(row) if row else None

    def get_event(self, event_id: str) -> Event | None:
        rows = self.events_by_id([event_id])
        return rows[0] if rows else None

    def events_by_id(self, event_ids: list[str]) -> list[Event]:
        """Events with their reports, in the order of `event_ids` (missing ids are skipped)."""
        if not event_ids:
            return []
        marks = ",".join("?" * len(event_ids))
        rows = self.db.execute(
            f"SELECT {_EVENT_COLUMNS} FROM events WHERE id IN ({marks})", event_ids
        ).fetchall()
        reports: dict[str, list[Report]] = {}
        for r in self.db.execute(
            "SELECT event_id, article_id, sentence, start, end, source_text, target_text"
            f" FROM reports WHERE event_id IN ({marks}) ORDER BY article_id, start",
            event_ids,
        ):
            reports.setdefault(r["event_id"], []).append(_report(r))
        by_id = {row["id"]: _event(row, reports.get(row["id"], [])) for row in rows}
        return [by_id[i] for i in event_ids if i in by_id]

    def find_matching_events(self, requests: list[MatchRequest]) -> list[str | None]:
        out: list[str | None] = []
        for r in requests:  # in-process SQLite: a query each costs no round trip
            row = self.db.execute(
                "SELECT id FROM events WHERE source_id = ? AND target_id IS ? AND mode IS ?"
                " AND date BETWEEN ? AND ?"
                " AND (cameo = ? OR (length(?) = 3 AND substr(cameo, 1, 3) = ?))"
                " ORDER BY date, id LIMIT 1",
                (r.source_id, r.target_id, r.mode, r.date_from, r.date_to, r.code_prefix,
                 r.code_prefix, r.code_prefix),
            ).fetchone()  # fmt: skip
            out.append(row[0] if row else None)
        return out

    def find_article_by_hash(self, text_hash: str) -> str | None:
        if not text_hash:
            return None
        row = self.db.execute(
            "SELECT id FROM articles WHERE text_hash = ? ORDER BY id LIMIT 1", (text_hash,)
        ).fetchone()
        return row[0] if row else None

    def derived_counts(self) -> dict[str, int]:
        return {}  # SQLite answers aggregates from the events table; nothing is derived

    def counts(self) -> dict[str, dict[str, int]]:
        one = self.db.execute
        nodes = {
            "Actor": one("SELECT count(*) FROM actors").fetchone()[0],
            "Event": one("SELECT count(*) FROM events").fetchone()[0],
            "Article": one("SELECT count(*) FROM articles").fetchone()[0],
        }
        rels = {
            "SOURCE_OF": nodes["Event"],
            "TARGET": one("SELECT count(*) FROM events WHERE target_id IS NOT NULL").fetchone()[0],
            "REPORTED_IN": one("SELECT count(*) FROM reports").fetchone()[0],
        }
        assert tuple(nodes) == NODE_LABELS and tuple(rels) == RELATIONSHIP_TYPES
        return {"nodes": nodes, "relationships": rels}

    def iter_actors(self, batch_size: int = 1000) -> Iterator[list[Actor]]:
        yield from self._pages("SELECT * FROM actors", (), "id", batch_size, _actor)

    def iter_articles(self, batch_size: int = 1000) -> Iterator[list[Article]]:
        yield from self._pages("SELECT * FROM articles", (), "id", batch_size, _article)

    def iter_events(
        self,
        batch_size: int = 1000,
        since: str | None = None,
        until: str | None = None,
        actor_ids: frozenset[str] | None = None,
    ) -> Iterator[list[Event]]:
        where, params = ["1=1"], []
        if since:
            where.append("date >= ?")
            params.append(since)
        if until:
            where.append("date <= ?")
            params.append(until)
        if actor_ids is not None:
            ids = sorted(actor_ids)
            marks = ",".join("?" * len(ids))
            where.append(f"(source_id IN ({marks}) OR target_id IN ({marks}))")
            params.extend(ids + ids)
        sql = f"SELECT id FROM events WHERE {' AND '.join(where)}"
        for page in self._pages(sql, tuple(params), "id", batch_size, lambda r: r["id"]):
            yield self.events_by_id(page)

    def _pages(
        self,
        sql: str,
        params: tuple[object, ...],
        key: str,
        batch_size: int,
        convert: Callable[[sqlite3.Row], _T],
    ) -> Iterator[list[_T]]:
        """Keyset pagination: each page is a fresh query, so no cursor is held across yields."""
        last: object = ""
        joiner = " AND " if " WHERE " in sql else " WHERE "
        while True:
            rows = self.db.execute(
                f"{sql}{joiner}{key} > ? ORDER BY {key} LIMIT ?", (*params, last, batch_size)
            ).fetchall()
            if not rows:
                return
            last = rows[-1][key]
            yield [convert(r) for r in rows]

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    def __enter__(self) -> EmbeddedStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"EmbeddedStore({str(self.path)!r})"


class _Transaction:
    """BEGIN IMMEDIATE … COMMIT, rolled back on any exception: all of a batch or none of it."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def __enter__(self) -> sqlite3.Connection:
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is None:
            self.db.execute("COMMIT")
            return
        self.db.execute("ROLLBACK")
        if isinstance(exc, sqlite3.IntegrityError):
            raise StoreError(
                f"embedded store: batch refers to an actor or article that is neither in the"
                f" batch nor in the store ({exc}); nothing was written"
            ) from exc
        if isinstance(exc, sqlite3.Error):
            raise StoreError(f"embedded store: write failed, nothing was written: {exc}") from exc


def _actor(row: sqlite3.Row) -> Actor:
    return Actor(
        row["id"], row["name"], row["country"], row["kind"], tuple(json.loads(row["aliases"]))
    )


def _article(row: sqlite3.Row) -> Article:
    return Article(
        row["id"],
        row["url"],
        row["title"],
        row["outlet"],
        row["published"],
        row["text_hash"],
        row["text"],
    )


def _report(row: sqlite3.Row) -> Report:
    return Report(
        row["article_id"],
        row["sentence"],
        row["start"],
        row["end"],
        row["source_text"],
        row["target_text"],
    )


def _event(row: sqlite3.Row, reports: list[Report]) -> Event:
    return Event(
        id=row["id"],
        source_id=row["source_id"],
        target_id=row["target_id"],
        date=row["date"],
        cameo=row["cameo"],
        root=row["root"],
        label=row["label"],
        quad_class=row["quad_class"],
        goldstein=row["goldstein"],
        plover=row["plover"],
        action_text=row["action_text"],
        confidence=row["confidence"],
        mode=row["mode"],
        reports=tuple(reports),
    )
