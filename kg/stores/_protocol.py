"""The one store protocol both backends implement (proven by tests/stores/test_conformance.py)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple, Protocol, runtime_checkable

from kg.model import Actor, Article, Event, GraphBatch

NODE_LABELS = ("Actor", "Event", "Article")
RELATIONSHIP_TYPES = ("SOURCE_OF", "TARGET", "REPORTED_IN")
# Labels a store writes itself, recomputable from the model's nodes (docs/stores.md).
DERIVED_LABELS = ("Tally",)


class MatchRequest(NamedTuple):
    """One event's look-up under the cross-article merge rule (Store.find_matching_events)."""

    source_id: str
    target_id: str | None
    code_prefix: str
    date_from: str
    date_to: str
    mode: str | None = None


class StoreError(RuntimeError):
    """The store could not do what was asked; the message says which store and why."""


@runtime_checkable
class Store(Protocol):
    backend: str  # "neo4j" or "embedded"

    def upsert(self, batch: GraphBatch) -> None:
        """Write a batch in one transaction, idempotently (MERGE semantics on stable ids).

        Events that already exist gain the batch's reports; actors gain its aliases.
        """

    def get_actor(self, actor_id: str) -> Actor | None: ...

    def get_event(self, event_id: str) -> Event | None:
        """The event with all its reports."""

    def get_article(self, article_id: str) -> Article | None: ...

    def events_by_id(self, event_ids: list[str]) -> list[Event]:
        """The stored events among `event_ids`, in that order, with their reports."""

    def find_matching_events(self, requests: list[MatchRequest]) -> list[str | None]:
        """For each request, the id of a stored event that reports the same happening
        (docs/reliability.md): same source, same target (both None counts as same), same mode,
        date within [date_from, date_to], and CAMEO code equal to a 2-digit `code_prefix` or
        starting with a 3-digit one. Earliest date first, then smallest id; None when there is
        none. One round trip for all of an article's events."""

    def find_article_by_hash(self, text_hash: str) -> str | None:
        """The id of a stored article with this normalized-text hash (smallest id), or None."""

    def counts(self) -> dict[str, dict[str, int]]:
        """{"nodes": {label: n}, "relationships": {type: n}} for the model's labels and types."""

    def derived_counts(self) -> dict[str, int]:
        """Nodes of every other label, per label: what the store derives from the model for
        speed (Neo4j's per-month `Tally` nodes; `DERIVED_LABELS`) and anything else found."""

    def delete_article(self, article_id: str) -> bool:
        """Remove an article and its reports; events and actors left without evidence go too."""

    def iter_actors(self, batch_size: int = 1000) -> Iterator[list[Actor]]: ...

    def iter_articles(self, batch_size: int = 1000) -> Iterator[list[Article]]: ...

    def iter_events(
        self,
        batch_size: int = 1000,
        since: str | None = None,
        until: str | None = None,
        actor_ids: frozenset[str] | None = None,
    ) -> Iterator[list[Event]]:
        """Events (with reports) in id order, optionally within [since, until] dates and
        touching any of `actor_ids` as source or target."""

    def clear(self) -> None:
        """Delete everything (tests and `kg import --replace`)."""

    def close(self) -> None: ...
