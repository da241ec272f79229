"""The query interface: analyst questions answered from a few backend primitives.

Each backend (`_embedded.py` SQL, `_neo4j.py` Cypher) implements the primitives, which do the
heavy lifting inside the database (filtering, grouping, counting); this class assembles the
answers, so the two backends cannot drift apart in what an answer means.
"""

from __future__ import annotations

import contextlib
from abc import ABC, abstractmethod
from collections import defaultdict
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from kg.codebook import codebook
from queries._highlight import highlight
from queries._search import fold, match_name, tokens
from queries._types import (
    BUCKETS_OR_AUTO,
    NO_FILTERS,
    ActorBrief,
    ActorProfile,
    ActorRef,
    Connection,
    DirectionSummary,
    Dyad,
    EventView,
    Filters,
    NotFound,
    Overview,
    Partner,
    QueryError,
    Relationship,
    SearchHit,
    Timeline,
    TimelineBucket,
    country_name,
    looks_like_country,
)

# One row of a grouped count:
# (root, quad_class, cameo, n, goldstein_sum, first_date, last_date).
GroupRow = tuple[str, int, str, int, float, str | None, str | None]
MAX_LIMIT = 1000


def _limit(limit: int, name: str = "limit") -> int:
    if not isinstance(limit, int) or limit < 1:
        raise QueryError(f"{name} must be a positive whole number, got {limit!r}")
    return min(limit, MAX_LIMIT)


def _mean(total: float, n: int) -> float | None:
    # Goldstein scores have one decimal: rounding the sum first makes the mean independent of
    # the order a backend summed in (float error could tip a ...5 the other way).
    return round(round(total, 6) / n, 3) if n else None


def _label(cameo: str) -> str:
    """Labels come from the codebook, as at ingest (grouping on the code alone is cheaper)."""
    code = codebook().get(cameo)
    return code.label if code else cameo


def _root_label(root: str) -> str:
    code = codebook().get(root)
    return code.label if code else root


def bucket_start(day: str, bucket: str) -> str:
    """First day of the day/week (ISO, Monday)/month bucket that `day` falls in."""
    d = date.fromisoformat(day)
    if bucket == "week":
        return (d - timedelta(days=d.weekday())).isoformat()
    if bucket == "month":
        return d.replace(day=1).isoformat()
    return d.isoformat()


class Queries(ABC):
    """Analyst queries over one store. Get one with `queries.for_store(store)`."""

    backend: str = ""

    def __init__(self, store: Any):
        self.store = store

    @contextlib.contextmanager
    def _batch(self) -> Iterator[None]:
        """Run the primitives of one answer together (Neo4j: one read transaction)."""
        yield

    # ---------------------------------------------------------------- actor references
    def resolve(self, ref: str) -> ActorRef:
        """A three-letter code is a country (all its actors); anything else is an actor id."""
        ref = (ref or "").strip()
        if not ref:
            raise QueryError("an actor id or a country ISO3 code is required")
        if looks_like_country(ref):
            code = ref.upper()
            name = country_name(code)
            if name is None and not self._country_has_actors(code):
                raise NotFound(f"no country with ISO3 code {code!r}")
            return ActorRef("country", code, name or code, code, None)
        found = self._actor(ref)
        if found is None:
            raise NotFound(f"no actor with id {ref!r}")
        brief, _aliases = found
        return ActorRef("actor", brief.id, brief.name, brief.country, brief.kind)

    # ---------------------------------------------------------------- relationship
    def relationship(
        self,
        a: str,
        b: str,
        filters: Filters = NO_FILTERS,
        recent: int = 20,
        bucket: str | None = None,
    ) -> Relationship:
        """Both directions of a dyad, each summarised separately; with `bucket` (day, week,
        month or auto) also the dyad's timeline, from the same scans."""
        recent = _limit(recent, "recent")
        if bucket is not None and bucket not in BUCKETS_OR_AUTO:
            raise QueryError(f"bucket must be one of day, week, month, auto; got {bucket!r}")
        want_daily = bucket is not None
        with self._batch():
            ra, rb = self.resolve(a), self.resolve(b)
            ab, daily_ab = self._direction(ra, rb, filters, recent, want_daily)
            ba, daily_ba = self._direction(rb, ra, filters, recent, want_daily)
            rel = Relationship(ra, rb, filters, ab, ba)
            if want_daily:
                if daily_ab is None or daily_ba is None:
                    daily = self._daily(ra, rb, filters)
                else:
                    daily = daily_ab + daily_ba
        if bucket is not None:
            days = sorted({row[0] for row in daily})
            chosen = (
                auto_bucket(days[0] if days else None, days[-1] if days else None)
                if bucket == "auto"
                else bucket
            )
            rel.bucket = chosen
            rel.timeline = _bucketize(daily, chosen)
        return rel

    def _direction(
        self, src: ActorRef, tgt: ActorRef, f: Filters, recent: int, want_daily: bool
    ) -> tuple[DirectionSummary, list[tuple[str, int, int, float]] | None]:
        rows, recent_ids, daily = self._direction_rows(src, tgt, f, recent, want_daily)
        out = DirectionSummary(src, tgt)
        self._fill_groups(out, rows)
        if out.total:
            per_code: dict[str, int] = defaultdict(int)
            for row in rows:
                per_code[row[2]] += row[3]
            top = sorted(per_code.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
            out.top_actions = [{"cameo": c, "label": _label(c), "events": n} for c, n in top]
            out.recent = self.events(recent_ids)
        return out, daily

    def _direction_rows(
        self, src: ActorRef, tgt: ActorRef, f: Filters, recent: int, want_daily: bool
    ) -> tuple[list[GroupRow], list[str], list[tuple[str, int, int, float]] | None]:
        """Grouped counts, the latest event ids and (optionally, may be None) the daily
        counts of one direction. Backends may answer all three from one scan."""
        rows = self._group_rows(f, source=src, target=tgt)
        ids = self._recent_ids(f, recent, source=src, target=tgt) if rows else []
        return rows, ids, None

    @staticmethod
    def _fill_groups(out: Any, rows: list[GroupRow]) -> None:
        by_root: dict[str, int] = defaultdict(int)
        by_quad = {str(q): 0 for q in (1, 2, 3, 4)}
        total, gsum, first, last = 0, 0.0, None, None
        for root, quad, _cameo, n, g, lo, hi in rows:
            by_root[root] += n
            by_quad[str(quad)] += n
            total += n
            gsum += g
            if lo and (first is None or lo < first):
                first = lo
            if hi and (last is None or hi > last):
                last = hi
        out.by_quad = by_quad
        out.by_root = [
            {"root": r, "label": _root_label(r), "events": by_root[r]} for r in sorted(by_root)
        ]
        if hasattr(out, "total"):
            out.total = total
            out.goldstein_total = round(gsum, 3)
            out.goldstein_mean = _mean(gsum, total)
            out.first_date, out.last_date = first, last

    # ---------------------------------------------------------------- timeline
    def timeline(
        self,
        actor: str,
        with_: str | None = None,
        bucket: str = "month",
        filters: Filters = NO_FILTERS,
    ) -> Timeline:
        """Counts per QuadClass and mean Goldstein per bucket, for an actor or a dyad (both
        directions together). Empty buckets inside the range are filled with zeros."""
        if bucket not in BUCKETS_OR_AUTO:
            raise QueryError(f"bucket must be one of {', '.join(BUCKETS_OR_AUTO)}, got {bucket!r}")
        with self._batch():
            ref = self.resolve(actor)
            other = self.resolve(with_) if with_ else None
            daily = self._daily(ref, other, filters)
        if bucket == "auto":
            days = sorted({row[0] for row in daily})
            bucket = auto_bucket(days[0] if days else None, days[-1] if days else None)
        return Timeline(ref, other, bucket, filters, _bucketize(daily, bucket))

    # ---------------------------------------------------------------- actor profile
    def actor_profile(
        self, ref: str, filters: Filters = NO_FILTERS, limit: int = 10
    ) -> ActorProfile:
        """Who the actor (or country) is, whom it deals with, what kind of events, the latest."""
        with self._batch():
            return self._actor_profile(ref, filters, _limit(limit))

    def _actor_profile(self, ref: str, filters: Filters, limit: int) -> ActorProfile:
        r = self.resolve(ref)
        if r.kind == "actor":
            found = self._actor(r.id)
            assert found is not None
            brief, aliases = found
            members = [brief]
        else:
            aliases, members = [], self._members(r.id, 50)
        as_source, out = self._partners(r, filters, "out", limit)
        as_target, into = self._partners(r, filters, "in", limit)
        profile = ActorProfile(
            ref=r,
            aliases=list(aliases),
            members=members,
            events_as_source=as_source,
            events_as_target=as_target,
            by_quad={},
            by_root=[],
            partners_out=[Partner(b, n, _mean(g, n)) for b, n, g in out],
            partners_in=[Partner(b, n, _mean(g, n)) for b, n, g in into],
            recent=self.events(self._recent_ids(filters, limit, touching=r)),
        )
        self._fill_groups(profile, self._group_rows(filters, touching=r))
        return profile

    # ---------------------------------------------------------------- events
    def event_detail(self, event_id: str) -> EventView:
        """The event with every article and sentence that reports it (spans highlighted)."""
        found = self.events([event_id])
        if not found:
            raise NotFound(f"no event with id {event_id!r}")
        return found[0]

    def events(self, ids: list[str]) -> list[EventView]:
        """Event views in the order of `ids`, with reports, articles and role highlights."""
        if not ids:
            return []
        views, aliases = self._event_views_and_aliases(ids)
        for v in views:
            for rep in v.reports:
                rep.highlights = highlight(
                    rep.sentence,
                    [v.source.name, *aliases.get(v.source.id, ())],
                    [v.target.name, *aliases.get(v.target.id, ())] if v.target else [],
                    v.action_text,
                )
        by_id = {v.id: v for v in views}
        return [by_id[i] for i in ids if i in by_id]

    def recent_events(self, limit: int = 20, filters: Filters = NO_FILTERS) -> list[EventView]:
        return self.events(self._recent_ids(filters, _limit(limit)))

    # ---------------------------------------------------------------- search
    def search_actors(self, q: str, limit: int = 20) -> list[SearchHit]:
        """Actors (and countries) whose name, alias or country code starts a word with every
        word of `q`, accent- and case-insensitively: `lopez obrador` finds `López Obrador`."""
        limit = _limit(limit)
        words = tokens(q)
        if not words:
            return []
        hits: list[tuple[tuple[int, int, str], SearchHit]] = []
        seen_countries: set[str] = set()
        if len(words) == 1 and looks_like_country(words[0]):
            code = words[0].upper()
            if country_name(code) or self._country_has_actors(code):
                seen_countries.add(code)
                name = country_name(code) or code
                hits.append(((0, 0, name), SearchHit("country", code, name, code, None, [], code)))
        for code in self._countries():
            name = country_name(code) or code
            if code in seen_countries:
                continue
            if match_name(words, fold(name)) is not None:
                seen_countries.add(code)
                hits.append(((0, 1, name), SearchHit("country", code, name, code, None, [], name)))
        for brief, aliases in self._search_candidates(words[0], 500):
            best = None
            for n in (brief.name, *aliases):
                rank = match_name(words, fold(n))
                if rank is not None and (best is None or rank < best[0]):
                    best = (rank, n)
            code_match = len(words) == 1 and (brief.country or "").lower() == words[0]
            if best is None and not code_match:
                continue
            rank, matched = best if best else (9, brief.country or "")
            hits.append(
                (
                    (1, rank, brief.name.lower()),
                    SearchHit(
                        "actor",
                        brief.id,
                        brief.name,
                        brief.country,
                        brief.kind,
                        list(aliases),
                        matched,
                    ),
                )
            )
        hits.sort(key=lambda h: h[0])
        return [h for _, h in hits[:limit]]

    # ---------------------------------------------------------------- whole graph
    def top_dyads(
        self, limit: int = 10, filters: Filters = NO_FILTERS, level: str = "country"
    ) -> list[Dyad]:
        """The busiest pairs, both directions counted together; `level` is country or actor."""
        if level not in ("country", "actor"):
            raise QueryError(f"level must be 'country' or 'actor', got {level!r}")
        pairs: dict[tuple[str, str], dict[str, Any]] = {}
        for a, b, n, gsum in self._dyad_rows(filters, level):
            if a.id == b.id:
                continue
            key = (a.id, b.id) if a.id <= b.id else (b.id, a.id)
            slot = pairs.setdefault(
                key,
                {
                    "a": a if a.id <= b.id else b,
                    "b": b if a.id <= b.id else a,
                    "ab": 0,
                    "ba": 0,
                    "g": 0.0,
                },
            )
            slot["ab" if a.id == key[0] else "ba"] += n
            slot["g"] += gsum
        out = [
            Dyad(
                s["a"],
                s["b"],
                s["ab"],
                s["ba"],
                s["ab"] + s["ba"],
                _mean(s["g"], s["ab"] + s["ba"]),
            )
            for s in pairs.values()
        ]
        out.sort(key=lambda d: (-d.total, d.a.id, d.b.id))
        return out[: _limit(limit)]

    def overview(self) -> Overview:
        """Counts, date range, events per QuadClass, countries, outlets."""
        counts = self.store.counts()
        first, last, by_quad, countries, outlets = self._overview()
        return Overview(
            counts["nodes"], counts["relationships"], first, last, by_quad, countries, outlets
        )

    counts = overview

    def shortest_connection(
        self, a: str, b: str, filters: Filters = NO_FILTERS, max_hops: int = 4
    ) -> Connection:
        """Fewest events chaining A to B (either direction per event), breadth-first from A."""
        ra, rb = self.resolve(a), self.resolve(b)
        start = self._ref_ids(ra)
        goal = set(self._ref_ids(rb))
        parent: dict[str, tuple[str, str] | None] = {i: None for i in start}
        frontier = list(start)
        meet = next((i for i in start if i in goal), None)
        hops = 0
        while meet is None and frontier and hops < max_hops:
            hops += 1
            nxt: list[str] = []
            for src, dst, eid in sorted(self._neighbours(frontier, filters)):
                if dst not in parent:
                    parent[dst] = (src, eid)
                    nxt.append(dst)
                    if dst in goal and meet is None:
                        meet = dst
            frontier = nxt
        if meet is None:
            return Connection(ra, rb, False, [], [])
        chain_ids, event_ids = [meet], []
        while parent[chain_ids[-1]] is not None:
            prev, eid = parent[chain_ids[-1]]  # type: ignore[misc]
            event_ids.append(eid)
            chain_ids.append(prev)
        chain_ids.reverse()
        event_ids.reverse()
        actors = [self._actor(i)[0] for i in chain_ids]  # type: ignore[index]
        return Connection(ra, rb, True, actors, self.events(event_ids))

    def neighbourhood(
        self, ref: str, filters: Filters = NO_FILTERS, limit: int = 30
    ) -> dict[str, Any]:
        """Nodes and weighted edges around an actor or country, for the graph view."""
        r = self.resolve(ref)
        centre = {
            "id": r.id,
            "name": r.name,
            "country": r.country,
            "kind": r.actor_kind or "country",
        }
        nodes = {r.id: {**centre, "centre": True}}
        edges: dict[tuple[str, str], dict[str, Any]] = {}
        for direction in ("out", "in"):
            for brief, n, g in self._partners(r, filters, direction, _limit(limit))[1]:
                nodes.setdefault(brief.id, {**brief.to_dict(), "centre": False})
                key = (r.id, brief.id) if direction == "out" else (brief.id, r.id)
                edges[key] = {
                    "source": key[0],
                    "target": key[1],
                    "events": n,
                    "goldstein_mean": _mean(g, n),
                }
        return {"centre": r.to_dict(), "nodes": list(nodes.values()), "edges": list(edges.values())}

    # ---------------------------------------------------------------- helpers
    def _ref_ids(self, ref: ActorRef) -> list[str]:
        if ref.kind == "actor":
            return [ref.id]
        return [m.id for m in self._members(ref.id, 100000)]

    # ---------------------------------------------------------------- primitives
    @abstractmethod
    def _actor(self, actor_id: str) -> tuple[ActorBrief, list[str]] | None:
        """The actor and its aliases."""

    @abstractmethod
    def _aliases(self, actor_ids: set[str]) -> dict[str, list[str]]: ...

    @abstractmethod
    def _country_has_actors(self, code: str) -> bool: ...

    @abstractmethod
    def _countries(self) -> list[str]:
        """Every country code actors carry."""

    @abstractmethod
    def _members(self, code: str, limit: int) -> list[ActorBrief]:
        """A country's actors, busiest first."""

    @abstractmethod
    def _group_rows(
        self,
        f: Filters,
        source: ActorRef | None = None,
        target: ActorRef | None = None,
        touching: ActorRef | None = None,
    ) -> list[GroupRow]:
        """Events grouped by (root, quad_class, cameo): n, Goldstein sum, first, last date."""

    @abstractmethod
    def _recent_ids(
        self,
        f: Filters,
        limit: int,
        source: ActorRef | None = None,
        target: ActorRef | None = None,
        touching: ActorRef | None = None,
    ) -> list[str]:
        """Ids of the latest events (date, then id, descending)."""

    @abstractmethod
    def _event_views(self, ids: list[str]) -> list[EventView]: ...

    def _event_views_and_aliases(
        self, ids: list[str]
    ) -> tuple[list[EventView], dict[str, list[str]]]:
        """The views and the aliases of their actors (for highlighting)."""
        views = self._event_views(ids)
        actor_ids = {v.source.id for v in views} | {v.target.id for v in views if v.target}
        return views, self._aliases(actor_ids)

    @abstractmethod
    def _daily(
        self, ref: ActorRef, other: ActorRef | None, f: Filters
    ) -> list[tuple[str, int, int, float]]:
        """(date, quad_class, n, Goldstein sum) for events touching ref (or between the two)."""

    @abstractmethod
    def _partners(
        self, ref: ActorRef, f: Filters, direction: str, limit: int
    ) -> tuple[int, list[tuple[ActorBrief, int, float]]]:
        """The ref's events on that side ("out": as source), and its top partners there as
        (partner, events, Goldstein sum), busiest first (the mean is taken in one place). One
        pass over the side's events gives both: a busy country has hundreds of thousands."""

    @abstractmethod
    def _search_candidates(self, word: str, limit: int) -> list[tuple[ActorBrief, list[str]]]:
        """Actors whose folded search text contains `word` (refined by the caller)."""

    @abstractmethod
    def _dyad_rows(
        self, f: Filters, level: str
    ) -> list[tuple[ActorBrief, ActorBrief, int, float]]: ...

    @abstractmethod
    def _neighbours(self, ids: list[str], f: Filters) -> list[tuple[str, str, str]]:
        """(from actor, to actor, event id) for events touching any of `ids`."""

    @abstractmethod
    def _overview(
        self,
    ) -> tuple[str | None, str | None, dict[str, int], int, list[dict[str, Any]]]: ...


def auto_bucket(first: str | None, last: str | None) -> str:
    """A readable bucket for the span: days up to ~6 weeks, weeks up to ~9 months, else months."""
    if not first or not last:
        return "month"
    days = (date.fromisoformat(last) - date.fromisoformat(first)).days
    return "day" if days <= 45 else "week" if days <= 270 else "month"


def _bucketize(daily: list[tuple[str, int, int, float]], bucket: str) -> list[TimelineBucket]:
    """(day, quad, n, Goldstein sum) rows -> filled buckets of the given size. A busy actor has
    thousands of rows (a day has up to four): each day's bucket is worked out once."""
    acc: dict[str, list[float]] = {}  # bucket start -> counts of QuadClass 1..4, Goldstein sum
    start_of: dict[str, str] = {}
    for day, quad, n, gsum in daily:
        start = start_of.get(day)
        if start is None:
            start = start_of[day] = bucket_start(day, bucket)
        slot = acc.get(start)
        if slot is None:
            slot = acc[start] = [0, 0, 0, 0, 0.0]
        slot[quad - 1] += n
        slot[4] += gsum
    buckets = []
    for start in _bucket_range(sorted(acc), bucket):
        c1, c2, c3, c4, g = acc.get(start) or (0, 0, 0, 0, 0.0)
        total = int(c1 + c2 + c3 + c4)
        q = {"1": int(c1), "2": int(c2), "3": int(c3), "4": int(c4)}
        buckets.append(
            TimelineBucket(start, total, q, _mean(g, total), q["1"] + q["2"], q["3"] + q["4"])
        )
    return buckets


def _bucket_range(starts: list[str], bucket: str) -> list[str]:
    """Every bucket start from the first to the last, so gaps show as zeros on the chart."""
    if not starts:
        return []
    out, cur, last = [], date.fromisoformat(starts[0]), date.fromisoformat(starts[-1])
    if bucket == "day" and (last - cur).days > 3660:
        return starts  # do not invent ten years of empty days
    while cur <= last:
        out.append(cur.isoformat())
        if bucket == "day":
            cur += timedelta(days=1)
        elif bucket == "week":
            cur += timedelta(days=7)
        else:
            cur = (cur.replace(day=28) + timedelta(days=4)).replace(day=1)
    return out


def country_brief(code: str | None, fallback: ActorBrief) -> ActorBrief:
    """The country as a pseudo-actor for country-level dyads; actors without one stay as is."""
    if not code:
        return fallback
    return ActorBrief(code, country_name(code) or code, code, "country")
