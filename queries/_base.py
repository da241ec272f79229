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
    NON_STATE_KINDS,
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
ALL = 10**9  # "no limit" for primitives whose rows are grouped again here
NON_STATE_SHOWN = 20  # a country's own non-state actors broken out on its partner lines
MEMBERS_SHOWN = 50  # a country's busiest actors listed on its page


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


def _sentence_at(text: str, report: Any) -> tuple[int, int] | None:
    """Where a reported sentence is in the article text: at its offsets, else (a text stored
    again with other whitespace) its first occurrence; None when it is not there."""
    if text[report.start : report.end] == report.sentence:
        return report.start, report.end
    found = text.find(report.sentence)
    return (found, found + len(report.sentence)) if found >= 0 else None


def _passages(text: str, sentences: list[ArticlePassage]) -> list[ArticlePassage]:
    """The whole text as passages: the reporting sentences (sorted; one overlapping an
    earlier one is cut short) and the plain stretches between them."""
    out: list[ArticlePassage] = []
    pos = 0
    for p in sentences:
        start = max(p.start, pos)
        if start >= p.end:
            continue
        if start > pos:
            out.append(ArticlePassage(pos, start, text[pos:start]))
        out.append(ArticlePassage(start, p.end, text[start : p.end], p.event_ids))
        pos = p.end
    if pos < len(text):
        out.append(ArticlePassage(pos, len(text), text[pos:]))
    return out


def bucket_start(day: str, bucket: str) -> str:
    """First day of the day/week (ISO, Monday)/month bucket that `day` falls in."""
    d = date.fromisoformat(day)
    if bucket == "week":
        return (d - timedelta(days=d.weekday())).isoformat()
    if bucket == "month":
        return d.replace(day=1).isoformat()
    return d.isoformat()


def bucket_end(start: str, bucket: str) -> str:
    """Last day of the bucket starting on `start` (for links to the events behind a bar)."""
    d = date.fromisoformat(start)
    if bucket == "week":
        return (d + timedelta(days=6)).isoformat()
    if bucket == "month":
        return (
            (d.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        ).isoformat()
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
        """A three-letter code is a country (all its actors), then an actor id, then a name or
        alias (accent- and case-insensitive; a country's name means the country). Anything
        else is NotFound carrying the closest search hits ("did you mean")."""
        ref = (ref or "").strip()
        if not ref:
            raise QueryError("an actor id, a name or a country ISO3 code is required")
        if looks_like_country(ref):
            code = ref.upper()
            name = country_name(code)
            if name is not None or self._country_has_actors(code):
                return ActorRef("country", code, name or code, code, None)
        found = self._actor(ref)
        if found is not None:
            brief, _aliases = found
            return ActorRef("actor", brief.id, brief.name, brief.country, brief.kind)
        return self._resolve_name(ref)

    def _resolve_name(self, ref: str) -> ActorRef:
        folded = " ".join(tokens(ref))
        hits = self.search_actors(ref, 8) if folded else []

        def exact(h: SearchHit) -> bool:
            return any(fold(n) == folded for n in (h.name, *h.aliases))

        exacts = [h for h in hits if exact(h)]
        chosen = next((h for h in exacts if h.kind == "country"), None)
        if chosen is None and len(exacts) == 1:
            chosen = exacts[0]
        if chosen is None:
            what = "several actors are" if len(exacts) > 1 else "no actor, country or alias is"
            raise NotFound(f"{what} called {ref!r}", ref=ref, suggestions=exacts or hits)
        if chosen.kind == "country":
            return ActorRef("country", chosen.id, chosen.name, chosen.id, None)
        return ActorRef("actor", chosen.id, chosen.name, chosen.country, chosen.actor_kind)

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
            rel.summary = change_summary(rel.timeline, chosen)
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
            if src.kind == "actor" and tgt.kind == "actor":  # one pair: nothing to scan
                briefs = [
                    ActorBrief(x.id, x.name, x.country, x.actor_kind or "") for x in (src, tgt)
                ]
                found = [(briefs[0], briefs[1], out.total)]
            else:
                found = self._pair_rows(f, src, tgt)
            pairs = sorted(found, key=lambda p: (-p[2], p[0].id, p[1].id))
            out.non_state = sum(n for a, b, n in pairs if _non_state(a) or _non_state(b))
            out.pairs = [
                {
                    "source": a.to_dict(),
                    "target": b.to_dict(),
                    "events": n,
                    "non_state": _non_state(a) or _non_state(b),
                }
                for a, b, n in pairs[:10]
            ]
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
        actor: str | None,
        with_: str | None = None,
        bucket: str = "month",
        filters: Filters = NO_FILTERS,
    ) -> Timeline:
        """Counts per QuadClass and mean Goldstein per bucket, for an actor, a dyad (both
        directions together) or, without either, every event. Empty buckets inside the
        range are filled with zeros."""
        if bucket not in BUCKETS_OR_AUTO:
            raise QueryError(f"bucket must be one of {', '.join(BUCKETS_OR_AUTO)}, got {bucket!r}")
        if with_ and not actor:  # one side named: its events, as for event_list
            actor, with_ = with_, None
        with self._batch():
            ref = self.resolve(actor) if actor else None
            other = self.resolve(with_) if with_ else None
            daily = self._daily(ref, other, filters)
        if bucket == "auto":
            days = sorted({row[0] for row in daily})
            bucket = auto_bucket(days[0] if days else None, days[-1] if days else None)
        buckets = _bucketize(daily, bucket)
        return Timeline(ref, other, bucket, filters, buckets, change_summary(buckets, bucket))

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
            aliases, members = [], self._members(r.id, MEMBERS_SHOWN)
        as_source, out = self._grouped_partners(r, filters, "out", limit, members)
        as_target, into = self._grouped_partners(r, filters, "in", limit, members)
        profile = ActorProfile(
            ref=r,
            aliases=list(aliases),
            members=members,
            events_as_source=as_source,
            events_as_target=as_target,
            by_quad={},
            by_root=[],
            partners_out=out,
            partners_in=into,
            recent=self.events(self._recent_ids(filters, limit, touching=r)),
        )
        self._fill_groups(profile, self._group_rows(filters, touching=r))
        return profile

    def _grouped_partners(
        self,
        r: ActorRef,
        f: Filters,
        direction: str,
        limit: int,
        members: list[ActorBrief] | None = None,
    ) -> tuple[int, list[Partner]]:
        """An actor's partners are actors; a country's are countries (all their actors, as on
        the relationship page), each listing the non-state actors (either side's; the
        country's own among its busiest `members`) in its events apart. Actors without a
        country stay themselves."""
        if r.kind == "actor":
            total, rows = self._partners(r, f, direction, limit)
            return total, [Partner(b, n, _mean(g, n)) for b, n, g in rows]
        total, rows = self._partners(r, f, direction, ALL)
        acc: dict[str, Partner] = {}
        gsum: dict[str, float] = defaultdict(float)
        for b, n, g in rows:
            key = b.country or b.id
            slot = acc.get(key)
            if slot is None:
                slot = acc[key] = Partner(country_brief(b.country, b), 0, None)
            slot.events += n
            gsum[key] += g
            if b.country and _non_state(b):
                slot.non_state.append({"actor": b.to_dict(), "events": n})
        for key, p in acc.items():
            p.goldstein_mean = _mean(gsum[key], p.events)
        partners = sorted(acc.values(), key=lambda p: (-p.events, p.actor.id))[:limit]
        # the country's own non-state actors, per partner (the busiest few: each is a scan)
        if members is None:
            members = self._members(r.id, MEMBERS_SHOWN)
        mine = [m for m in members if _non_state(m)][:NON_STATE_SHOWN]
        shown = {p.actor.id: p for p in partners}
        for m in mine:
            ref = ActorRef("actor", m.id, m.name, m.country, m.kind)
            per: dict[str, int] = defaultdict(int)
            for b, n, _g in self._partners(ref, f, direction, ALL)[1]:
                per[b.country or b.id] += n
            for key, n in sorted(per.items()):
                if key in shown:
                    shown[key].non_state.append({"actor": m.to_dict(), "events": n})
        return total, partners

    # ---------------------------------------------------------------- events
    def event_list(
        self,
        filters: Filters = NO_FILTERS,
        actor: str | None = None,
        with_: str | None = None,
        source: str | None = None,
        target: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> EventPage:
        """One page of the matching events, newest first, and how many match in all. Events
        touching `actor` (or `with_`; both: between the two, either way), from `source`, to
        `target`; every reference given applies. Every event is reachable by paging."""
        limit = _limit(limit)
        if not isinstance(offset, int) or offset < 0:
            raise QueryError(f"offset must be a whole number >= 0, got {offset!r}")
        with self._batch():
            ra = self.resolve(actor) if actor else None
            rw = self.resolve(with_) if with_ else None
            rs = self.resolve(source) if source else None
            rt = self.resolve(target) if target else None
            if ra is None:
                ra, rw = rw, None
            between = (ra, rw) if ra is not None and rw is not None else None
            touching = ra if between is None else None
            if between is not None and rs is None and rt is None:
                # the two directions, each answered from its own index (tallies on Neo4j)
                sides = {(ra, rw), (rw, ra)}
                rows = [r for a, b in sides for r in self._group_rows(filters, source=a, target=b)]
            else:
                rows = self._group_rows(
                    filters, source=rs, target=rt, touching=touching, between=between
                )
            total = sum(r[3] for r in rows)
            ids = self._recent_ids(
                filters, offset + limit, source=rs, target=rt, touching=touching, between=between
            )
            events = fold_mutual(self.events(ids[offset:]))
        return EventPage(filters, total, offset, limit, events, ra, rw, rs, rt)

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
                    rep.source_text,
                    rep.target_text,
                )
        by_id = {v.id: v for v in views}
        return [by_id[i] for i in ids if i in by_id]

    def article(self, article_id: str) -> ArticleView:
        """The article's clean text with every reporting sentence marked, and its events
        (moded ones too: this page is the evidence, not a count), each with only the
        reports from this article."""
        art = self.store.get_article(article_id)
        if art is None:
            raise NotFound(f"no article with id {article_id!r}")
        events = self.events(self._article_event_ids(article_id))
        spans: dict[tuple[int, int], ArticlePassage] = {}
        for ev in events:
            ev.reports = [r for r in ev.reports if r.article_id == article_id]
            for r in ev.reports:
                at = (r.start, r.end) if art.text is None else _sentence_at(art.text, r)
                if at is not None:
                    p = spans.setdefault(at, ArticlePassage(*at, r.sentence))
                    if ev.id not in p.event_ids:
                        p.event_ids.append(ev.id)
        # Without the text (kept before article texts were): the sentences in reading order.
        passages = sorted(spans.values(), key=lambda p: p.start)
        if art.text is not None:
            passages = _passages(art.text, passages)
        first = {ev.id: min((r.start for r in ev.reports), default=0) for ev in events}
        events.sort(key=lambda ev: (first[ev.id], ev.date, ev.id))
        return ArticleView(
            art.id,
            art.url,
            art.title,
            art.outlet,
            art.published,
            art.text is not None,
            passages,
            events,
        )

    def recent_events(self, limit: int = 20, filters: Filters = NO_FILTERS) -> list[EventView]:
        return self.events(self._recent_ids(filters, _limit(limit)))

    # ---------------------------------------------------------------- search
    def search_actors(self, q: str, limit: int = 20) -> list[SearchHit]:
        """Actors (and countries) whose name, alias or country code starts a word with every
        word of `q`, accent- and case-insensitively: `lopez obrador` finds `López Obrador`.
        Each country comes once: an actor of kind "country" (the state as a whole) is folded
        into its country's hit, which means all the country's actors."""
        limit = _limit(limit)
        words = tokens(q)
        if not words:
            return []
        ranked: list[tuple[tuple[int, int, str], SearchHit]] = []
        countries: dict[str, tuple[tuple[int, int, str], SearchHit]] = {}

        def add_country(code: str, key: tuple[int, int, str], matched: str) -> SearchHit:
            name = country_name(code) or code
            old = countries.get(code)
            if old is None or key < old[0]:
                hit = SearchHit(
                    "country", code, name, code, None, old[1].aliases if old else [], matched
                )
                hit.description = f"country: all actors of {name}"
                countries[code] = (key, hit)
            return countries[code][1]

        if len(words) == 1 and looks_like_country(words[0]):
            code = words[0].upper()
            if country_name(code) or self._country_has_actors(code):
                add_country(code, (0, 0, ""), code)
        for code in self._countries():
            rank = match_name(words, fold(country_name(code) or code))
            if rank is not None:
                add_country(code, (0, rank, country_name(code) or code), country_name(code) or code)
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
            if brief.kind == "country" and brief.country:
                hit = add_country(brief.country, (0, rank, brief.name.lower()), matched)
                hit.aliases = sorted({*hit.aliases, *aliases, brief.name} - {hit.name})
                continue
            hit = SearchHit(
                "actor", brief.id, brief.name, brief.country, brief.kind, list(aliases), matched
            )
            place = country_name(brief.country) if brief.country else None
            kind = f"non-state {brief.kind}" if _non_state(brief) else brief.kind
            hit.description = f"{kind} · {place or brief.country}" if brief.country else kind
            ranked.append(((1, rank, brief.name.lower()), hit))
        ranked.extend(countries.values())
        ranked.sort(key=lambda h: h[0])
        return [h for _, h in ranked[:limit]]

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
        members = self._members(r.id, MEMBERS_SHOWN) if r.kind == "country" else None
        for direction in ("out", "in"):
            # a country's neighbours are countries, counted as its page and dyads count them
            for p in self._grouped_partners(r, filters, direction, _limit(limit), members)[1]:
                nodes.setdefault(p.actor.id, {**p.actor.to_dict(), "centre": False})
                key = (r.id, p.actor.id) if direction == "out" else (p.actor.id, r.id)
                edges[key] = {
                    "source": key[0],
                    "target": key[1],
                    "events": p.events,
                    "goldstein_mean": p.goldstein_mean,
                    "non_state": p.non_state,
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
        between: tuple[ActorRef, ActorRef] | None = None,
    ) -> list[GroupRow]:
        """Events grouped by (root, quad_class, cameo): n, Goldstein sum, first, last date.
        Every constraint given applies (`between`: either way between the two)."""

    @abstractmethod
    def _recent_ids(
        self,
        f: Filters,
        limit: int,
        source: ActorRef | None = None,
        target: ActorRef | None = None,
        touching: ActorRef | None = None,
        between: tuple[ActorRef, ActorRef] | None = None,
    ) -> list[str]:
        """Ids of the latest events (date, then id, descending); `between`: both ways."""

    @abstractmethod
    def _pair_rows(
        self, f: Filters, source: ActorRef, target: ActorRef
    ) -> list[tuple[ActorBrief, ActorBrief, int]]:
        """(source actor, target actor, events) for each actor pair of one direction."""

    @abstractmethod
    def _event_views(self, ids: list[str]) -> list[EventView]: ...

    @abstractmethod
    def _article_event_ids(self, article_id: str) -> list[str]:
        """Every event the article reports, whatever its mode."""

    def _event_views_and_aliases(
        self, ids: list[str]
    ) -> tuple[list[EventView], dict[str, list[str]]]:
        """The views and the aliases of their actors (for highlighting)."""
        views = self._event_views(ids)
        actor_ids = {v.source.id for v in views} | {v.target.id for v in views if v.target}
        return views, self._aliases(actor_ids)

    @abstractmethod
    def _daily(
        self, ref: ActorRef | None, other: ActorRef | None, f: Filters
    ) -> list[tuple[str, int, int, float]]:
        """(date, quad_class, n, Goldstein sum) for events touching ref (or between the two;
        every event when ref is None)."""

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


def _non_state(actor: ActorBrief) -> bool:
    return actor.kind in NON_STATE_KINDS


def fold_mutual(events: list[EventView]) -> list[EventView]:
    """Show a two-way event once: B->A with the same date and code as A->B, reported in a
    shared article, is dropped and A->B marked mutual (the counts keep both directions)."""
    seen: dict[tuple[str, str, str, str], EventView] = {}
    out = []
    for e in events:
        if e.target is not None:
            twin = seen.get((e.date, e.cameo, e.target.id, e.source.id))
            arts = {r.article_id for r in e.reports}
            if twin is not None and arts & {r.article_id for r in twin.reports}:
                twin.mutual = True
                continue
            seen[(e.date, e.cameo, e.source.id, e.target.id)] = e
        out.append(e)
    return out


def _bucket_label(start: str, bucket: str) -> str:
    d = date.fromisoformat(start)
    if bucket == "month":
        return d.strftime("%B %Y")
    return ("the week of " if bucket == "week" else "") + f"{d.day} {d.strftime('%B %Y')}"


def change_summary(buckets: list[TimelineBucket], bucket: str) -> str | None:
    """The change in one line: the conflict share (QuadClass 3+4) and mean Goldstein of the
    earlier half of the period against the later half (split in time; by events when one
    half is empty). None when there is nothing to compare."""
    if sum(1 for b in buckets if b.total) < 2:
        return None
    k = len(buckets) // 2
    if not sum(b.total for b in buckets[:k]) or not sum(b.total for b in buckets[k:]):
        # split by events: the later part starts at the next busy bucket after half of them
        half, run = sum(b.total for b in buckets) / 2, 0
        for i, b in enumerate(buckets):
            run += b.total
            if run >= half:
                k = i + 1
                break
        if k >= len(buckets) or not sum(b.total for b in buckets[k:]):
            k = max(i for i, b in enumerate(buckets) if b.total)
    while not buckets[k].total:  # "since" the first busy bucket of the later part
        k += 1

    def part(bs: list[TimelineBucket]) -> tuple[int, int, float]:
        n = sum(b.total for b in bs)
        g = sum((b.goldstein_mean or 0) * b.total for b in bs)
        return n, sum(b.conflict for b in bs), g / n

    (n1, c1, g1), (n2, c2, g2) = part(buckets[:k]), part(buckets[k:])
    return (
        f"Conflict share {round(100 * c1 / n1)}% → {round(100 * c2 / n2)}% since"
        f" {_bucket_label(buckets[k].start, bucket)} ({c1} of {n1} events before, {c2} of {n2}"
        f" since); mean Goldstein {_signed(g1)} → {_signed(g2)}"
    )


def _signed(x: float) -> str:
    """+1.5, −2.0, 0.0: a real minus sign, and no sign on zero."""
    x = round(x, 1)
    return "0.0" if x == 0 else f"+{x:.1f}" if x > 0 else f"−{-x:.1f}"


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
