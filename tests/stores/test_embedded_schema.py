"""An embedded store file written by an older version opens and gains the newer columns,
with what it already held kept."""

from __future__ import annotations

import sqlite3

from kg.model import Article
from kg.stores._embedded import EmbeddedStore
from tests.stores.test_conformance import MEET, seed_batch


def test_embedded_store_adds_the_new_columns_to_an_older_file(tmp_path):
    path = tmp_path / "old"
    path.mkdir()
    db = sqlite3.connect(path / "graph.sqlite3")
    db.executescript(
        "CREATE TABLE articles (id TEXT PRIMARY KEY, url TEXT, title TEXT, outlet TEXT,"
        " published TEXT, text_hash TEXT NOT NULL DEFAULT '');"
        "CREATE TABLE reports (event_id TEXT NOT NULL, article_id TEXT NOT NULL,"
        " sentence TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,"
        " PRIMARY KEY (event_id, article_id, start, end)) WITHOUT ROWID;"
        "INSERT INTO articles VALUES ('a-1', NULL, 'kept', NULL, NULL, '');"
    )
    db.close()
    store = EmbeddedStore(path)
    assert store.get_article("a-1") == Article("a-1", None, "kept", None, None, "")
    store.upsert(seed_batch())
    assert store.get_event(MEET.id) == MEET
    store.close()
