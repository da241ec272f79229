"""Analyst queries over either store: `for_store(store)` returns the backend's implementation.

    from queries import for_store, Filters
    q = for_store(store)
    q.relationship("USA", "MEX", Filters(date_from="2025-01-01"))

Actor references are resolved at the level asked: a three-letter ISO3 code is the country (all
its actors), anything else an actor id. Events with a mode (negated, hypothetical, future,
question) are excluded unless `Filters(include_modes=True)`. See docs/queries.md.
"""

from __future__ import annotations

from typing import Any

from queries._base import Queries, bucket_end, bucket_start, change_summary, fold_mutual
from queries._console import (
    EXAMPLES,
    ConsoleResult,
    CypherRefused,
    check_read_only,
    run_read_query,
)
from queries._highlight import highlight, segments
from queries._types import (
    BUCKETS,
    NO_FILTERS,
    QUAD_LABELS,
    ActorBrief,
    ActorProfile,
    ActorRef,
    ArticlePassage,
    ArticleView,
    Connection,
    DirectionSummary,
    Dyad,
    EventPage,
    EventView,
    Filters,
    NotFound,
    Overview,
    Partner,
    QueryError,
    Relationship,
    ReportView,
    SearchHit,
    Timeline,
    TimelineBucket,
    country_name,
    looks_like_country,
)


def for_store(store: Any) -> Queries:
    """The query implementation for the store's backend ("embedded" or "neo4j")."""
    backend = getattr(store, "backend", None)
    if backend == "embedded":
        from queries._embedded import EmbeddedQueries

        return EmbeddedQueries(store)
    if backend == "neo4j":
        from queries._neo4j import Neo4jQueries

        return Neo4jQueries(store)
    raise QueryError(f"no query implementation for store backend {backend!r}")


__all__ = [
    "ArticlePassage",
    "ArticleView",
    "BUCKETS",
    "EXAMPLES",
    "NO_FILTERS",
    "QUAD_LABELS",
    "ActorBrief",
    "ActorProfile",
    "ActorRef",
    "Connection",
    "ConsoleResult",
    "CypherRefused",
    "DirectionSummary",
    "Dyad",
    "EventPage",
    "EventView",
    "Filters",
    "NotFound",
    "Overview",
    "Partner",
    "Queries",
    "QueryError",
    "Relationship",
    "ReportView",
    "SearchHit",
    "Timeline",
    "TimelineBucket",
    "bucket_end",
    "bucket_start",
    "change_summary",
    "fold_mutual",
    "check_read_only",
    "country_name",
    "for_store",
    "highlight",
    "looks_like_country",
    "run_read_query",
    "segments",
]
