"""Stores: one protocol (`Store`), two backends (Neo4j for production, embedded SQLite default)."""

from __future__ import annotations

from kg.config import Settings
from kg.stores._embedded import EmbeddedStore
from kg.stores._protocol import (
    DERIVED_LABELS,
    NODE_LABELS,
    RELATIONSHIP_TYPES,
    MatchRequest,
    Store,
    StoreError,
)

DEFAULT_NEO4J_URI = "bolt://127.0.0.1:7687"


def open_store(settings: Settings | None = None) -> Store:
    """The store the settings name: Neo4j when KG_STORE=neo4j or NEO4J_URI is set, else embedded."""
    settings = settings or Settings.load()
    if settings.backend == "neo4j":
        from kg.stores._neo4j import Neo4jStore

        return Neo4jStore(
            settings.neo4j_uri or DEFAULT_NEO4J_URI,
            user=settings.neo4j_user,
            password=settings.neo4j_password,
            database=settings.neo4j_database,
            attempts=settings.neo4j_retries,
        )
    return EmbeddedStore(settings.data_dir)


__all__ = [
    "DEFAULT_NEO4J_URI",
    "DERIVED_LABELS",
    "NODE_LABELS",
    "RELATIONSHIP_TYPES",
    "EmbeddedStore",
    "MatchRequest",
    "Store",
    "StoreError",
    "open_store",
]
