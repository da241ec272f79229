"""Exactly-once writes: what one article adds, reconciled with what the store already holds.

Two rules (docs/reliability.md), applied just before each article's one-transaction upsert:

* Same article: an article whose id is new but whose normalized text is already stored (the
  same story under another URL, or pasted without one) is the stored article, whose events
  were written with it in one transaction: nothing is written (character offsets could differ
  with the spacing, so re-pointing its reports could add near-duplicate evidence).
* Same event: an event whose id is new is merged into a stored event with the same source
  actor, the same target actor (or both none), the same mode, the same CAMEO family (first
  three digits; a two-digit code is its own family) and a date at most MERGE_WINDOW_DAYS away.
  The stored event keeps its id, gains the new report and keeps the earlier date.

An event id already in the store always lands on itself, so re-ingesting never moves evidence.
The look-ups run before the write transaction: the guarantee holds for one writer at a time
(a second concurrent ingest of the same story may add a second event; it never loses data).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from kg.model import Event, GraphBatch
from kg.stores import MatchRequest

MERGE_WINDOW_DAYS = 1


def code_family(cameo: str) -> str:
    """The CAMEO family the merge compares: 3-digit prefix, or the 2-digit root code itself."""
    return cameo[:3] if len(cameo) >= 3 else cameo


@dataclass
class MergeOutcome:
    """What reconciling one batch did (for job records and tests)."""

    batch: GraphBatch
    duplicate_article_of: str | None = None  # the stored article this one turned out to be
    merged_events: int = 0  # events that became reports of an existing event


def _window(day: str) -> tuple[str, str]:
    d = date.fromisoformat(day)
    delta = timedelta(days=MERGE_WINDOW_DAYS)
    return (d - delta).isoformat(), (d + delta).isoformat()


def _fold(old: Event, new: Event) -> Event:
    reports = tuple(dict.fromkeys((*old.reports, *new.reports)))
    return replace(
        old,
        date=min(old.date, new.date),
        confidence=max(old.confidence, new.confidence),
        reports=reports,
    )


def reconcile(store: Any, batch: GraphBatch) -> MergeOutcome:
    """The batch to write so that the store ends as if each story and event were seen once."""
    outcome = MergeOutcome(batch)
    for article in batch.articles:
        if article.text_hash and store.get_article(article.id) is None:
            stored = store.find_article_by_hash(article.text_hash)
            if stored is not None and stored != article.id:
                outcome.duplicate_article_of = stored
                outcome.batch = GraphBatch()
                return outcome

    # Two round trips for the whole article: which ids are stored, then the merge-rule
    # matches of the others.
    stored = {e.id for e in store.events_by_id(list(dict.fromkeys(e.id for e in batch.events)))}
    fresh = list({e.id: e for e in batch.events if e.id not in stored}.values())
    requests = [
        MatchRequest(e.source_id, e.target_id, code_family(e.cameo), *_window(e.date), e.mode)
        for e in fresh
    ]
    matches = store.find_matching_events(requests) if requests else []
    match_of = {e.id: m for e, m in zip(fresh, matches, strict=True) if m}
    events: dict[str, Event] = {}
    for event in batch.events:
        if event.id in match_of:
            outcome.merged_events += 1
            event = replace(event, id=match_of[event.id])
        events[event.id] = _fold(events[event.id], event) if event.id in events else event
    outcome.batch = GraphBatch(
        articles=list(batch.articles), actors=list(batch.actors), events=list(events.values())
    )
    return outcome


def write_batch(store: Any, batch: GraphBatch) -> MergeOutcome:
    """Reconcile, then write the article in one transaction (the store's upsert)."""
    outcome = reconcile(store, batch)
    store.upsert(outcome.batch)
    return outcome
