"""Network analytics for the pages (kg.analytics), computed in a background thread.

At 100k events the projection and measures take about a minute, so a page never computes them:
it asks `AnalyticsCache.snapshot()`, which returns the last result at once (or "computing" on
the first call) and, when the result is older than the TTL, starts one background refresh. The
refresh first compares the store's counts with those the result was computed from and only
recomputes when they changed (an ingest), so an idle server re-counts every TTL and no more.
"""

from __future__ import annotations

import logging
import threading
import time
from datetime import UTC, datetime
from typing import Any

import networkx as nx

from kg import analytics
from kg.stores import Store

log = logging.getLogger(__name__)

DEFAULT_TTL_S = 30.0
TOP = 10


def _country_projection(multi: nx.MultiDiGraph[str]) -> nx.MultiDiGraph[str]:
    """The actor-level projection folded to countries (saves a second pass over the store)."""
    out: nx.MultiDiGraph[str] = nx.MultiDiGraph(level="country")

    def code(n: str) -> str:
        return multi.nodes[n].get("country") or analytics.UNKNOWN_COUNTRY

    for n in multi:
        out.add_node(code(n), label=code(n))
    for u, v, key, data in multi.edges(keys=True, data=True):
        out.add_edge(code(u), code(v), key=key, **data)
    return out


def _node_row(node: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": node["id"],
        "label": node.get("label", node["id"]),
        "country": node.get("country"),
        "kind": node.get("kind"),
        "pagerank": round(node["pagerank"], 6),
        "weighted_degree": node["in_events"] + node["out_events"],
        "in_events": node["in_events"],
        "out_events": node["out_events"],
        "betweenness": round(node["betweenness"], 6),
        "community": node["community"],
        "pagerank_rank": node["pagerank_rank"],
        "degree_rank": node["degree_rank"],
    }


class LevelView:
    """One level's summary, indexed for the pages (ranks, communities, dyads per node)."""

    def __init__(self, summary: dict[str, Any]):
        nodes = summary["nodes"]  # PageRank order
        for i, n in enumerate(nodes, 1):
            n["pagerank_rank"] = i
        by_degree = sorted(nodes, key=lambda n: (-(n["in_events"] + n["out_events"]), n["id"]))
        for i, n in enumerate(by_degree, 1):
            n["degree_rank"] = i
        self.rows = {n["id"]: _node_row(n) for n in nodes}
        self.order_pagerank = [n["id"] for n in nodes]
        self.order_degree = [n["id"] for n in by_degree]
        self.communities: list[list[str]] = summary["communities"]
        self.dyads: list[dict[str, Any]] = summary["dyads"]
        for d in self.dyads:
            d["source_label"] = self._label(d["source"])
            d["target_label"] = self._label(d["target"])
        self.dyads_of: dict[str, list[dict[str, Any]]] = {}  # busiest first, as self.dyads
        for d in self.dyads:
            self.dyads_of.setdefault(d["source"], []).append(d)
            if d["target"] != d["source"]:
                self.dyads_of.setdefault(d["target"], []).append(d)
        self._overviews: dict[int, dict[str, Any]] = {}
        self.node_count = summary["node_count"]
        self.dyad_count = summary["dyad_count"]
        self.event_edges = summary["event_edges"]

    def _label(self, node_id: str) -> str:
        row = self.rows.get(node_id)
        return row["label"] if row else node_id

    def overview(self, top: int = TOP) -> dict[str, Any]:
        """What the home page shows: most central nodes, communities, dyad balance extremes
        (built once per result: sorting every dyad costs tens of ms at 100k events)."""
        if top not in self._overviews:
            self._overviews[top] = self._overview(top)
        return self._overviews[top]

    def _overview(self, top: int) -> dict[str, Any]:
        coop = sorted(self.dyads, key=lambda d: (-d["balance"], -d["events"], d["source"]))
        conflict = sorted(self.dyads, key=lambda d: (d["balance"], -d["events"], d["source"]))
        return {
            "node_count": self.node_count,
            "dyad_count": self.dyad_count,
            "event_edges": self.event_edges,
            "top_pagerank": [self.rows[i] for i in self.order_pagerank[:top]],
            "top_degree": [self.rows[i] for i in self.order_degree[:top]],
            "community_count": len(self.communities),
            "communities": [
                {
                    "index": i,
                    "size": len(members),
                    # the community's most central members first
                    "members": sorted(
                        (self.rows[m] for m in members if m in self.rows),
                        key=lambda r: r["pagerank_rank"],
                    )[:6],
                }
                for i, members in enumerate(self.communities[:top])
            ],
            "most_cooperative": [d for d in coop if d["balance"] > 0][:top],
            "most_conflictual": [d for d in conflict if d["balance"] < 0][:top],
        }

    def node(self, node_id: str, top: int = 20) -> dict[str, Any] | None:
        """What an actor (or country) page shows: its ranks, community and dyad balances."""
        row = self.rows.get(node_id)
        if row is None:
            return None
        members = self.communities[row["community"]] if row["community"] is not None else []
        mine = self.dyads_of.get(node_id, [])
        return {
            **row,
            "of": self.node_count,
            "community_size": len(members),
            "community_peers": sorted(
                (self.rows[m] for m in members if m != node_id and m in self.rows),
                key=lambda r: r["pagerank_rank"],
            )[:8],
            "dyads": mine[:top],
        }


class AnalyticsCache:
    """The last analytics result per store, refreshed in the background (see module doc)."""

    def __init__(self, store: Store, ttl_s: float = DEFAULT_TTL_S):
        self.store = store
        self.ttl_s = ttl_s
        self._lock = threading.Lock()
        self._done = threading.Condition(self._lock)
        self._thread: threading.Thread | None = None
        self._key: tuple[object, ...] | None = None
        self._checked = 0.0
        self._levels: dict[str, LevelView] | None = None
        self._computed_at: str | None = None
        self._seconds: float | None = None
        self._error: str | None = None

    def _start_if_due(self) -> None:
        """Start a refresh when none is running and the result is missing or older than the
        TTL. Called with the lock held."""
        if self._thread is not None and self._thread.is_alive():
            return
        if self._checked and time.monotonic() - self._checked < self.ttl_s:
            return
        self._thread = threading.Thread(target=self._refresh, name="kg-analytics", daemon=True)
        self._thread.start()

    def snapshot(self) -> tuple[str, dict[str, LevelView] | None, dict[str, Any]]:
        """(status, levels, meta) without waiting: status is ready, computing or error."""
        with self._lock:
            self._start_if_due()
            running = self._thread is not None and self._thread.is_alive()
            meta = {
                "computed_at": self._computed_at,
                "seconds": self._seconds,
                "refreshing": running,
            }
            if self._levels is not None:
                return "ready", self._levels, meta
            if self._error is not None and not running:
                return "error", None, {**meta, "error": self._error}
            return "computing", None, meta

    def wait(self, timeout: float = 30.0) -> bool:
        """Block until a result (or error) exists; for tests and warm-up, never for pages."""
        deadline = time.monotonic() + timeout
        with self._lock:
            self._start_if_due()
            while self._levels is None and self._error is None:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._done.wait(left)
            return self._levels is not None

    def invalidate(self) -> None:
        """Make the next snapshot re-check the store's counts (after an ingest job)."""
        with self._lock:
            self._checked = 0.0

    def _refresh(self) -> None:
        started = time.monotonic()
        try:
            counts = self.store.counts()
            key = tuple(sorted((k, tuple(sorted(v.items()))) for k, v in counts.items()))
            if key != self._key or self._levels is None:
                multi = analytics.project(self.store, "actor")
                levels = {
                    "actor": LevelView(analytics.summary(self.store, "actor", multi=multi)),
                    "country": LevelView(
                        analytics.summary(self.store, "country", multi=_country_projection(multi))
                    ),
                }
                levels["actor"].overview()  # build the home page's part here, not in a request
                levels["country"].overview(top=5)
                with self._lock:
                    self._levels, self._key = levels, key
                    self._computed_at = datetime.now(UTC).isoformat(timespec="seconds")
                    self._seconds = round(time.monotonic() - started, 3)
                    self._error = None
        except Exception as exc:  # noqa: BLE001 - reported on the pages, never raised
            log.warning("analytics failed: %s", exc)
            with self._lock:
                self._error = f"{type(exc).__name__}: {exc}"
        finally:
            with self._lock:
                self._checked = time.monotonic()
                self._done.notify_all()
            close_thread_connection(self.store)


def close_thread_connection(store: Store) -> None:
    """The embedded store keeps one SQLite connection per thread; release this thread's."""
    from kg.stores import EmbeddedStore

    if isinstance(store, EmbeddedStore):
        store.close()


def home_block(cache: AnalyticsCache) -> dict[str, Any]:
    """The home page's (and /index.json's) `analytics`: actor and country level overviews."""
    status, levels, meta = cache.snapshot()
    out: dict[str, Any] = {"status": status, **meta}
    if levels is not None:
        out["actor"] = levels["actor"].overview()
        out["country"] = levels["country"].overview(top=5)
    return out


def node_block(cache: AnalyticsCache, kind: str, node_id: str) -> dict[str, Any]:
    """An actor page's `analytics`: ranks, community and dyads at actor or country level."""
    status, levels, meta = cache.snapshot()
    level = "country" if kind == "country" else "actor"
    out: dict[str, Any] = {"status": status, "level": level, **meta}
    if levels is not None:
        out["node"] = levels[level].node(node_id)  # None: no targeted events in the graph
    return out
