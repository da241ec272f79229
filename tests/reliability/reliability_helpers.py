"""Shared by the reliability tests: the corpus and a canonical, order-free dump of a store."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).parent / "corpus"


def canonical_dump(store: Any) -> dict[str, Any]:
    """Everything a store holds, as sorted plain data: equal dumps mean equal graphs."""
    actors = sorted((a.to_dict() for page in store.iter_actors() for a in page), key=_key)
    articles = sorted((a.to_dict() for page in store.iter_articles() for a in page), key=_key)
    events = []
    for page in store.iter_events():
        for e in page:
            data = e.to_dict()
            data["confidence"] = round(data["confidence"], 6)
            data["reports"] = sorted(data["reports"], key=json.dumps)
            events.append(data)
    events.sort(key=_key)
    return {"actors": actors, "articles": articles, "events": events, "counts": store.counts()}


def _key(item: dict[str, Any]) -> str:
    return str(item["id"])
