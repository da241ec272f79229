"""Queries as Cypher over the Neo4j store's driver: read transactions, values always passed as
parameters (the only composed parts of the query text are fixed fragments chosen by code)."""

from __future__ import annotations

import calendar
import contextlib
import dataclasses
import threading
from collections.abc import Iterator
from typing import Any

from neo4j import READ_ACCESS, RoutingControl

from kg.stores import _neo4j_tally as tallies
from kg.stores._neo4j import Neo4jStore
from queries._base import GroupRow, Queries, country_brief
from queries._types import ActorBrief, ActorRef, EventView, Filters, ReportView


def _filters(f: Filters) -> tuple[list[str], dict[str, Any]]:
    where: list[str] = []
    params: dict[str, Any] = {}
    if not f.include_modes:
        where.append("e.mode IS NULL")
    if f.date_from:
        where.append("e.date >= date($date_from)")
        params["date_from"] = f.date_from
    if f.date_to:
        where.append("e.date <= date($date_to)")
        params["date_to"] = f.date_to
    if f.roots:
        where.append("e.root IN $roots")
        params["roots"] = list(f.roots)
    if f.cameos:  # a code also matches its sub-codes: 087 matches 0871
        where.append("any(c IN $cameos WHERE e.cameo STARTS WITH c)")
        params["cameos"] = list(f.cameos)
    if f.quad_classes:
        where.append("e.quad_class IN $quads")
        params["quads"] = list(f.quad_classes)
    if f.min_confidence is not None:
        where.append("e.confidence >= $min_confidence")
        params["min_confidence"] = f.min_confidence
    if f.outlet:
        where.append(
            "EXISTS { MATCH (e)-[:REPORTED_IN]->(ar:Article)"
            " WHERE toLower(ar.outlet) = toLower($outlet) }"
        )
        params["outlet"] = f.outlet
    return where, params


def _key(end: str, ref: ActorRef) -> str:
    """The Event property holding this end's actor id or country (docs/schema.md)."""
    return f"e.{end}_{'id' if ref.kind == 'actor' else 'country'}"


def _match(
    f: Filters,
    source: ActorRef | None = None,
    target: ActorRef | None = None,
    touching: ActorRef | None = None,
) -> tuple[str, dict[str, Any]]:
    """A MATCH ... WHERE ... WITH e fragment binding the matching events to `e`.

    Events are sought by their endpoint properties through the composite (endpoint, date)
    indexes; no relationship is expanded. `e.date IS NOT NULL` (always true) names the
    date so a composite index applies when no date filter is given.
    """
    where, params = _filters(f)
    seek = source is not None or target is not None or touching is not None
    if seek and not f.date_from and not f.date_to:
        where.insert(0, "e.date IS NOT NULL")
    if touching is not None:
        params["touch"] = touching.id
        rest = " AND ".join(where)
        # UNION ALL, the second branch leaving out what the first found (cheaper than UNION).
        src, tgt = _key("source", touching), _key("target", touching)
        return (
            f"CALL () {{ MATCH (e:Event) WHERE {src} = $touch AND {rest}"
            f" RETURN e UNION ALL MATCH (e:Event) WHERE {tgt} = $touch"
            f" AND NOT coalesce({src} = $touch, false) AND {rest} RETURN e }} WITH e",
            params,
        )
    conds = _endpoint_conds(source, target, params)
    all_where = conds + where
    tail = " WHERE " + " AND ".join(all_where) if all_where else ""
    return f"MATCH (e:Event){tail} WITH e", params


def _endpoint_conds(
    source: ActorRef | None, target: ActorRef | None, params: dict[str, Any]
) -> list[str]:
    """Conditions on the event's source and target endpoints (their parameters go in params)."""
    conds = []
    if source is not None:
        conds.append(f"{_key('source', source)} = $src")
        params["src"] = source.id
    if target is not None:
        conds.append(f"{_key('target', target)} = $tgt")
        params["tgt"] = target.id
    return conds


def _combined(
    source: ActorRef | None,
    target: ActorRef | None,
    touching: ActorRef | None,
    between: tuple[ActorRef, ActorRef] | None,
) -> bool:
    """More than one kind of constraint (an event list narrowed several ways at once)."""
    kinds = [touching is not None, between is not None, source is not None or target is not None]
    return sum(kinds) > 1


def _match_all(
    f: Filters,
    source: ActorRef | None,
    target: ActorRef | None,
    touching: ActorRef | None,
    between: tuple[ActorRef, ActorRef] | None,
) -> tuple[str, dict[str, Any]]:
    """Every constraint as a condition on the event's endpoint properties, for the rare
    combinations (the single kinds have index-friendly forms in `_match`)."""
    where, params = _filters(f)
    conds = _endpoint_conds(source, target, params)
    if touching is not None:
        conds.append(
            f"({_key('source', touching)} = $touch OR {_key('target', touching)} = $touch)"
        )
        params["touch"] = touching.id
    if between is not None:
        a, b = between
        conds.append(
            f"(({_key('source', a)} = $ba AND {_key('target', b)} = $bb)"
            f" OR ({_key('source', b)} = $bb AND {_key('target', a)} = $ba))"
        )
        params.update(ba=a.id, bb=b.id)
    return "MATCH (e:Event) WHERE " + " AND ".join(conds + where) + " WITH e", params


def _tallied(f: Filters) -> bool:
    """Whether the monthly tallies (asserted events; no confidence, outlet or code below the
    root) can answer."""
    return not f.include_modes and f.min_confidence is None and not f.outlet and not f.cameos


def _pair_key(source: ActorRef | None, target: ActorRef | None) -> str | None:
    """The tally key of a country-to-country direction (actor pairs are not tallied)."""
    if source is None or target is None or source.kind != "country" or target.kind != "country":
        return None
    return tallies.pair_key(source.id, target.id)


def _month_split(f: Filters) -> tuple[Filters | None, list[Filters]]:
    """The filter's date range as whole months (answered by tallies; None if there are none)
    and the partial months at its edges (answered from the events)."""
    lo, hi = f.date_from, f.date_to
    first = None if lo is None else lo[:7] if lo.endswith("-01") else _next_month(lo[:7])
    last = None if hi is None else hi[:7] if hi == _month_end(hi[:7]) else _prev_month(hi[:7])
    if first is not None and last is not None and first > last:
        return None, [f]  # no whole month inside the range
    edges = []
    if lo is not None and first != lo[:7]:
        edges.append(dataclasses.replace(f, date_to=min(_month_end(lo[:7]), hi or "9999")))
    if hi is not None and last != hi[:7]:
        edges.append(dataclasses.replace(f, date_from=max(f"{hi[:7]}-01", lo or "0000")))
    whole = dataclasses.replace(
        f,
        date_from=None if first is None else f"{first}-01",
        date_to=None if last is None else _month_end(last),
    )
    return whole, edges


def _month_end(month: str) -> str:
    year, mon = int(month[:4]), int(month[5:7])
    return f"{month}-{calendar.monthrange(year, mon)[1]:02d}"


def _next_month(month: str) -> str:
    year, mon = int(month[:4]), int(month[5:7])
    return f"{year + (mon == 12):04d}-{mon % 12 + 1:02d}"


def _prev_month(month: str) -> str:
    year, mon = int(month[:4]), int(month[5:7])
    return f"{year - (mon == 1):04d}-{(mon - 2) % 12 + 1:02d}"


def _merge_groups(*parts: list[GroupRow]) -> list[GroupRow]:
    acc: dict[tuple[str, int, str], list[Any]] = {}
    for rows in parts:
        for root, quad, cameo, n, g, lo, hi in rows:
            slot = acc.get((root, quad, cameo))
            if slot is None:
                acc[(root, quad, cameo)] = [n, g, lo, hi]
            else:
                slot[0] += n
                slot[1] += g
                slot[2] = min(slot[2], lo)  # a group of events always has both dates
                slot[3] = max(slot[3], hi)
    return [(r, q, c, n, g, lo, hi) for (r, q, c), (n, g, lo, hi) in sorted(acc.items())]


def _cell_days(
    cells: list[tuple[str, list[int], list[float]]], f: Filters
) -> list[tuple[str, int, int, float]]:
    """(day, QuadClass, n, Goldstein sum) from packed cells (kg/stores/_neo4j_tally.py),
    inside the filter's dates and QuadClasses."""
    acc: dict[tuple[str, int], list[Any]] = {}
    for month, codes, sums in cells:
        nd = len(sums)
        for dq, n, g in zip(codes[:nd], codes[nd:], sums, strict=True):
            slot = acc.get((month, dq))
            if slot is None:
                acc[(month, dq)] = [n, g]
            else:
                slot[0] += n
                slot[1] += g
    lo, hi, quads = f.date_from or "", f.date_to or "9999", set(f.quad_classes)
    out = []
    for (month, dq), (n, g) in acc.items():
        quad = dq % 4 + 1
        day = f"{month}-{dq // 4:02d}"
        if lo <= day <= hi and (not quads or quad in quads):
            out.append((day, quad, n, g))
    return sorted(out)


def _cell_groups(cells: list[tuple[str, list[int], list[float]]], f: Filters) -> list[GroupRow]:
    """Groups (root, QuadClass, CAMEO code) with n, Goldstein sum, first and last date, from
    packed cells, inside the filter's roots and QuadClasses (the caller picks the months)."""
    acc: dict[int, list[Any]] = {}
    for month, codes, sums in cells:
        stamp = (int(month[:4]) * 12 + int(month[5:7])) * 32  # + day: comparable dates
        ng = len(sums)
        rows = zip(
            codes[:ng], codes[ng : 2 * ng], sums, codes[2 * ng : 3 * ng], codes[3 * ng :],
            strict=True,
        )  # fmt: skip
        for code, n, g, lo, hi in rows:
            slot = acc.get(code)
            if slot is None:
                acc[code] = [n, g, stamp + lo, stamp + hi]
            else:
                slot[0] += n
                slot[1] += g
                if stamp + lo < slot[2]:
                    slot[2] = stamp + lo
                if stamp + hi > slot[3]:
                    slot[3] = stamp + hi
    roots, quads = set(f.roots), set(f.quad_classes)
    out: list[GroupRow] = []
    for code, (n, g, lo, hi) in acc.items():
        root, quad, cameo = tallies.group_key(code)
        if (roots and root not in roots) or (quads and quad not in quads):
            continue
        out.append((root, quad, cameo, n, g, _stamp_day(lo), _stamp_day(hi)))
    return out


def _stamp_day(stamp: int) -> str:
    months, day = divmod(stamp, 32)
    year, month = divmod(months - 1, 12)
    return f"{year:04d}-{month + 1:02d}-{day:02d}"


def _brief(node: Any) -> ActorBrief:
    return ActorBrief(node["id"], node["name"], node.get("country"), node["kind"])


class Neo4jQueries(Queries):
    store: Neo4jStore
    backend = "neo4j"

    def __init__(self, store: Any):
        super().__init__(store)
        self._local = threading.local()

    @contextlib.contextmanager
    def _batch(self) -> Iterator[None]:
        """One READ session and transaction for all the queries of one answer."""
        if getattr(self._local, "tx", None) is not None:
            yield
            return
        with self.session() as session:
            tx = session.begin_transaction()
            self._local.tx = tx
            try:
                yield
            finally:
                self._local.tx = None
                tx.close()

    def _run(self, query: str, **params: Any) -> list[Any]:
        tx = getattr(self._local, "tx", None)
        if tx is not None:
            return list(tx.run(query, params))
        driver = self.store.driver
        records, _summary, _keys = driver.execute_query(
            query,
            params,
            database_=getattr(self.store, "database", None),
            routing_=RoutingControl.READ,
        )
        return records

    def session(self) -> Any:
        """A READ-mode session (the Cypher console runs its own transactions in one)."""
        return self.store.driver.session(
            database=getattr(self.store, "database", None), default_access_mode=READ_ACCESS
        )

    def _actor(self, actor_id: str) -> tuple[ActorBrief, list[str]] | None:
        rows = self._run("MATCH (a:Actor {id: $id}) RETURN a", id=actor_id)
        if not rows:
            return None
        node = rows[0]["a"]
        return _brief(node), list(node.get("aliases") or [])

    def _aliases(self, actor_ids: set[str]) -> dict[str, list[str]]:
        if not actor_ids:
            return {}
        rows = self._run(
            "MATCH (a:Actor) WHERE a.id IN $ids RETURN a.id AS id, a.aliases AS aliases",
            ids=sorted(actor_ids),
        )
        return {r["id"]: list(r["aliases"] or []) for r in rows}

    def _briefs(self, ids: set[str]) -> dict[str, ActorBrief]:
        if not ids:
            return {}
        # the four fields only: whole nodes carry aliases and search text, and a country's
        # partners are hundreds of actors
        rows = self._run(
            "MATCH (a:Actor) WHERE a.id IN $ids"
            " RETURN a.id AS id, a.name AS name, a.country AS country, a.kind AS kind",
            ids=sorted(ids),
        )
        return {r["id"]: ActorBrief(r["id"], r["name"], r["country"], r["kind"]) for r in rows}

    def _country_has_actors(self, code: str) -> bool:
        return bool(self._run("MATCH (a:Actor {country: $c}) RETURN a.id LIMIT 1", c=code))

    def _countries(self) -> list[str]:
        rows = self._run(
            "MATCH (a:Actor) WHERE a.country IS NOT NULL RETURN DISTINCT a.country AS c"
        )
        return sorted(r["c"] for r in rows)

    def _members(self, code: str, limit: int) -> list[ActorBrief]:
        rows = self._run(
            "MATCH (a:Actor {country: $c})"
            " RETURN a, COUNT { (a)-[:SOURCE_OF|TARGET]-(:Event) } AS n"
            " ORDER BY n DESC, a.name, a.id LIMIT $limit",
            c=code,
            limit=limit,
        )
        return [_brief(r["a"]) for r in rows]

    # -- tallies (kg/stores/_neo4j_tally.py) ---------------------------------------------
    def _cells(
        self, keys: list[str], f: Filters, part: str
    ) -> list[tuple[str, list[int], list[float]]]:
        """(month, codes, Goldstein sums) of one part ("days" or "groups") of the keys' cell
        nodes inside the filter's months."""
        where = ["t.key IN $keys"]
        params: dict[str, Any] = {"keys": keys}
        if f.date_from:
            where.append("t.month >= $m1")
            params["m1"] = f.date_from[:7]
        if f.date_to:
            where.append("t.month <= $m2")
            params["m2"] = f.date_to[:7]
        if len(where) == 1:
            where.append("t.month IS NOT NULL")  # lets the (key, month) index answer
        rows = self._run(
            "MATCH (t:Tally) WHERE " + " AND ".join(where) + " RETURN t.month AS month,"
            + (" t.days AS codes, t.days_g AS sums" if part == "days" else
               " t.groups AS codes, t.groups_g AS sums"),
            **params,
        )  # fmt: skip
        return [(r["month"], r["codes"], r["sums"]) for r in rows]

    def _tally_keys(self, ref: ActorRef) -> list[str] | None:
        """The tally key of a country, or of a busy actor (docs/schema.md, "Tallies")."""
        if ref.kind == "country":
            return [tallies.country_key(ref.id)]
        rows = self._run("MATCH (a:Actor {id: $id}) RETURN a.tallied AS busy", id=ref.id)
        return [tallies.actor_key(ref.id)] if rows and rows[0]["busy"] else None

    def _tally_days(self, keys: list[str], f: Filters) -> list[tuple[str, int, int, float]]:
        return _cell_days(self._cells(keys, f, "days"), f)

    def _tally_groups(
        self,
        keys: list[str],
        f: Filters,
        source: ActorRef | None = None,
        target: ActorRef | None = None,
        touching: ActorRef | None = None,
    ) -> list[GroupRow]:
        """Grouped counts: whole months from the cells, partial edge months from the events
        (`source`/`target`/`touching` say which, as for `_group_rows`)."""
        whole, edges = _month_split(f)
        parts = [self._group_rows_from_events(e, source, target, touching) for e in edges]
        if whole is not None:
            parts.append(_cell_groups(self._cells(keys, whole, "groups"), whole))
        return _merge_groups(*parts)

    def _group_rows(
        self,
        f: Filters,
        source: ActorRef | None = None,
        target: ActorRef | None = None,
        touching: ActorRef | None = None,
        between: tuple[ActorRef, ActorRef] | None = None,
    ) -> list[GroupRow]:
        if between is not None or _combined(source, target, touching, between):
            match, params = _match_all(f, source, target, touching, between)
            return self._groups_of(match, params)
        if _tallied(f):
            keys = None if touching is None else self._tally_keys(touching)
            if keys:
                return self._tally_groups(keys, f, touching=touching)
            key = _pair_key(source, target)
            if key is not None:
                return self._tally_groups([key], f, source=source, target=target)
        return self._group_rows_from_events(f, source, target, touching)

    def _group_rows_from_events(
        self,
        f: Filters,
        source: ActorRef | None = None,
        target: ActorRef | None = None,
        touching: ActorRef | None = None,
    ) -> list[GroupRow]:
        return self._groups_of(*_match(f, source, target, touching))

    def _groups_of(self, match: str, params: dict[str, Any]) -> list[GroupRow]:
        rows = self._run(
            f"{match} RETURN e.root AS root, e.quad_class AS quad, e.cameo AS cameo,"
            " count(*) AS n, sum(e.goldstein) AS g, toString(min(e.date)) AS lo,"
            " toString(max(e.date)) AS hi",
            **params,
        )
        return [
            (r["root"], r["quad"], r["cameo"], r["n"], r["g"] or 0.0, r["lo"], r["hi"])
            for r in rows
        ]

    def _direction_rows(
        self, src: ActorRef, tgt: ActorRef, f: Filters, recent: int, want_daily: bool
    ) -> tuple[list[GroupRow], list[str], list[tuple[str, int, int, float]] | None]:
        """One traversal of the direction's events for the grouped counts, the latest ids and
        the daily counts (each event's properties are read once); a country dyad's from its
        tallies and the latest few events."""
        if src == tgt:
            want_daily = False  # both directions are the same events: the caller counts once
        key = _pair_key(src, tgt)
        if _tallied(f) and key is not None:
            groups = self._tally_groups([key], f, source=src, target=tgt)
            ids = self._recent_ids(f, recent, source=src, target=tgt) if groups else []
            days = self._tally_days([key], f) if want_daily and not f.roots else None
            return groups, ids, days
        match, params = _match(f, source=src, target=tgt)
        daily = (
            " CALL (es) { UNWIND es AS e WITH e.date AS d, e.quad_class AS quad, count(*) AS n,"
            " sum(e.goldstein) AS g RETURN collect([toString(d), quad, n, g]) AS daily }"
            if want_daily
            else " WITH es, groups, [] AS daily"
        )
        rows = self._run(
            f"{match} WITH e ORDER BY e.date DESC, e.id DESC WITH collect(e) AS es"
            " CALL (es) { UNWIND es AS e WITH e.root AS root, e.quad_class AS quad,"
            " e.cameo AS cameo, count(*) AS n, sum(e.goldstein) AS g, min(e.date) AS lo,"
            " max(e.date) AS hi"
            " RETURN collect([root, quad, cameo, n, g, toString(lo), toString(hi)]) AS groups }"
            f"{daily}"
            " RETURN groups, daily, [x IN es[0..$recent] | x.id] AS recent",
            recent=recent,
            **params,
        )
        r = rows[0]
        groups = [(g[0], g[1], g[2], g[3], g[4] or 0.0, g[5], g[6]) for g in r["groups"]]
        days = [(d[0], d[1], d[2], d[3] or 0.0) for d in r["daily"]] if want_daily else None
        return groups, list(r["recent"]), days

    def _recent_ids(
        self,
        f: Filters,
        limit: int,
        source: ActorRef | None = None,
        target: ActorRef | None = None,
        touching: ActorRef | None = None,
        between: tuple[ActorRef, ActorRef] | None = None,
    ) -> list[str]:
        if between is not None or _combined(source, target, touching, between):
            match, params = (
                _match_all(f, source, target, touching, between)
                if _combined(source, target, touching, between)
                else self._between(f, *between)  # type: ignore[misc]
            )
            rows = self._run(
                f"{match} RETURN e.id AS id ORDER BY e.date DESC, e.id DESC LIMIT $limit",
                limit=limit,
                **params,
            )
            return [r["id"] for r in rows]
        match, params = _match(f, source, target, touching)
        if touching is None and (source is not None or target is not None):
            # The planner walks the (endpoints, date) index backwards only when ORDER BY names
            # every index property; that gives the latest `limit` events' earliest date, and
            # a second seek from that date breaks ties by id as the other backend does.
            ends = [("source", source), ("target", target)]
            order = ", ".join(f"{_key(end, ref)} DESC" for end, ref in ends if ref is not None)
            from_floor = match.replace(" WHERE ", " WHERE e.date >= floor AND ", 1)
            rows = self._run(
                f"{match} ORDER BY {order}, e.date DESC LIMIT $limit"
                f" WITH min(e.date) AS floor {from_floor}"
                " RETURN e.id AS id ORDER BY e.date DESC, e.id DESC LIMIT $limit",
                limit=limit,
                **params,
            )
            return [r["id"] for r in rows]
        if touching is not None:
            # Each side's latest `limit` events (its index walked backwards) bound the date of
            # the latest `limit` of both; then only events from that date on are sorted.
            floor = None
            where, fparams = _filters(f)
            rest = "".join(f" AND {w}" for w in where)
            for end in ("source", "target"):
                prop = _key(end, touching)
                side = self._run(
                    f"MATCH (e:Event) WHERE {prop} = $touch AND e.date IS NOT NULL{rest}"
                    f" WITH e ORDER BY {prop} DESC, e.date DESC LIMIT $limit"
                    " RETURN count(*) AS n, toString(min(e.date)) AS d",
                    touch=touching.id,
                    limit=limit,
                    **fparams,
                )[0]
                if side["n"] == limit and (floor is None or side["d"] > floor):
                    floor = side["d"]
            if floor is not None:
                match = match.replace(" WHERE ", " WHERE e.date >= date($floor) AND ")
                params["floor"] = floor
        rows = self._run(
            f"{match} RETURN e.id AS id ORDER BY e.date DESC, e.id DESC LIMIT $limit",
            limit=limit,
            **params,
        )
        return [r["id"] for r in rows]

    def _article_event_ids(self, article_id: str) -> list[str]:
        rows = self._run(
            "MATCH (e:Event)-[r:REPORTED_IN]->(:Article {id: $id})"
            " WITH e.id AS id, min(r.start) AS first RETURN id ORDER BY first, id",
            id=article_id,
        )
        return [r["id"] for r in rows]

    def _event_views(self, ids: list[str]) -> list[EventView]:
        return self._event_views_and_aliases(ids)[0]

    def _event_views_and_aliases(
        self, ids: list[str]
    ) -> tuple[list[EventView], dict[str, list[str]]]:
        """One round trip: the actor nodes carry their aliases."""
        rows = self._run(
            "MATCH (s:Actor)-[:SOURCE_OF]->(e:Event) WHERE e.id IN $ids"
            " OPTIONAL MATCH (e)-[:TARGET]->(t:Actor)"
            " OPTIONAL MATCH (e)-[r:REPORTED_IN]->(a:Article)"
            " WITH e, s, t, r, a ORDER BY a.published, a.id, r.start, r.end"
            " RETURN e, s, t, collect(CASE WHEN a IS NULL THEN NULL ELSE"
            " {article_id: a.id, sentence: r.sentence, start: r.start, end: r.end, url: a.url,"
            " title: a.title, outlet: a.outlet, published: a.published,"
            " source_text: r.source_text, target_text: r.target_text} END) AS reports",
            ids=ids,
        )
        out = []
        aliases: dict[str, list[str]] = {}
        for r in rows:
            e = r["e"]
            for node in (r["s"], r["t"]):
                if node is not None:
                    aliases[node["id"]] = list(node.get("aliases") or [])
            out.append(
                EventView(
                    id=e["id"],
                    date=tallies.iso_text(e["date"]) or "",
                    source=_brief(r["s"]),
                    target=_brief(r["t"]) if r["t"] is not None else None,
                    cameo=e["cameo"],
                    root=e["root"],
                    label=e["label"],
                    quad_class=e["quad_class"],
                    goldstein=e["goldstein"],
                    plover=e.get("plover"),
                    action_text=e["action_text"],
                    confidence=e["confidence"],
                    mode=e.get("mode"),
                    reports=[
                        ReportView(
                            p["article_id"],
                            p["sentence"],
                            p["start"],
                            p["end"],
                            p["url"],
                            p["title"],
                            p["outlet"],
                            tallies.iso_text(p["published"]),
                            p["source_text"],
                            p["target_text"],
                        )
                        for p in r["reports"]
                    ],
                )
            )
        return out, aliases

    @staticmethod
    def _between(f: Filters, a: ActorRef, b: ActorRef) -> tuple[str, dict[str, Any]]:
        """Events from a to b and from b to a, bound to `e` (each direction by its index)."""
        m1, params = _match(f, source=a, target=b)
        m2, p2 = _match(f, source=b, target=a)
        # The second direction swaps the roles, so rename its side parameters.
        p2 = {{"src": "src2", "tgt": "tgt2"}.get(k, k): v for k, v in p2.items()}
        m2 = m2.replace("$src", "$src2").replace("$tgt", "$tgt2")
        params.update(p2)
        return f"CALL () {{ {m1} RETURN e UNION {m2} RETURN e }} WITH e", params

    def _pair_rows(
        self, f: Filters, source: ActorRef, target: ActorRef
    ) -> list[tuple[ActorBrief, ActorBrief, int]]:
        match, params = _match(f, source, target)
        rows = self._run(
            f"{match} WHERE e.target_id IS NOT NULL"
            " RETURN e.source_id AS s, e.target_id AS t, count(*) AS n",
            **params,
        )
        briefs = self._briefs({r["s"] for r in rows} | {r["t"] for r in rows})
        return [(briefs[r["s"]], briefs[r["t"]], r["n"]) for r in rows]

    def _daily(
        self, ref: ActorRef | None, other: ActorRef | None, f: Filters
    ) -> list[tuple[str, int, int, float]]:
        if ref is not None and _tallied(f) and not f.roots:
            if other is None:
                keys = self._tally_keys(ref)
            else:  # both directions (one key for a country with itself)
                both = {_pair_key(ref, other), _pair_key(other, ref)}
                keys = None if None in both else sorted(both)  # type: ignore[arg-type]
            if keys:
                return self._tally_days(keys, f)  # summed per day across the keys
        # One record holding every (day, QuadClass) group: thousands of records cost more in
        # the driver than the aggregation does in the server.
        ret = (
            " WITH e.date AS d, e.quad_class AS quad, count(*) AS n, sum(e.goldstein) AS g"
            " ORDER BY d RETURN collect([toString(d), quad, n, g]) AS days"
        )
        if ref is None or other is None:
            match, params = _match(f, touching=ref)  # every event when ref is None
        else:
            match, params = self._between(f, ref, other)
        rows = self._run(match + ret, **params)
        return [(x[0], x[1], x[2], x[3] or 0.0) for x in rows[0]["days"]]

    def _partners(
        self, ref: ActorRef, f: Filters, direction: str, limit: int
    ) -> tuple[int, list[tuple[ActorBrief, int, float]]]:
        """One pass over the side's events grouped by the other end; the total and the top
        partners are taken from the groups, then only those partners' nodes are read."""
        mine, other = ("source", "target") if direction == "out" else ("target", "source")
        where, params = _filters(f)
        if not f.date_from and not f.date_to:
            where.insert(0, "e.date IS NOT NULL")
        rows = self._run(
            f"MATCH (e:Event) WHERE {_key(mine, ref)} = $ref AND "
            + " AND ".join(where)
            + f" RETURN e.{other}_id AS pid, e.{other}_country AS pc, count(*) AS n,"
            " sum(e.goldstein) AS g",
            ref=ref.id,
            **params,
        )
        total = sum(r["n"] for r in rows)
        # A country's partners are other countries' actors.
        mates = [
            r for r in rows if r["pid"] is not None and (ref.kind != "country" or r["pc"] != ref.id)
        ]
        top = sorted(mates, key=lambda r: (-r["n"], r["pid"]))[:limit]
        briefs = self._briefs({r["pid"] for r in top})
        return total, [(briefs[r["pid"]], r["n"], r["g"] or 0.0) for r in top]

    def _search_candidates(self, word: str, limit: int) -> list[tuple[ActorBrief, list[str]]]:
        rows = self._run(
            "MATCH (a:Actor) WHERE a.search_text CONTAINS $w OR a.country = $code"
            " RETURN a ORDER BY a.name LIMIT $limit",
            w=word,
            code=word.upper(),
            limit=limit,
        )
        return [(_brief(r["a"]), list(r["a"].get("aliases") or [])) for r in rows]

    def _dyad_rows(self, f: Filters, level: str) -> list[tuple[ActorBrief, ActorBrief, int, float]]:
        where, params = _filters(f)
        where.insert(0, "e.target_id IS NOT NULL")
        if level == "actor":
            keys = "e.source_id AS sid, NULL AS sc, e.target_id AS tid, NULL AS tc"
        else:
            keys = (
                "CASE WHEN e.source_country IS NULL THEN e.source_id END AS sid,"
                " e.source_country AS sc,"
                " CASE WHEN e.target_country IS NULL THEN e.target_id END AS tid,"
                " e.target_country AS tc"
            )
        rows = self._run(
            "MATCH (e:Event) WHERE " + " AND ".join(where) + f" WITH {keys}, e"
            " RETURN sid, sc, tid, tc, count(*) AS n, sum(e.goldstein) AS g",
            **params,
        )
        briefs = self._briefs(
            {r["sid"] for r in rows if r["sid"]} | {r["tid"] for r in rows if r["tid"]}
        )
        out = []
        for r in rows:
            a = briefs.get(r["sid"]) if r["sid"] else country_brief(r["sc"], None)  # type: ignore[arg-type]
            b = briefs.get(r["tid"]) if r["tid"] else country_brief(r["tc"], None)  # type: ignore[arg-type]
            if a is None or b is None:
                continue
            if level == "country":
                a, b = country_brief(a.country, a), country_brief(b.country, b)
            out.append((a, b, r["n"], r["g"] or 0.0))
        return out

    def _neighbours(self, ids: list[str], f: Filters) -> list[tuple[str, str, str]]:
        where, params = _filters(f)
        if not f.date_from and not f.date_to:
            where.insert(0, "e.date IS NOT NULL")
        extra = "".join(f" AND {w}" for w in where)
        rows = self._run(
            f"MATCH (e:Event) WHERE e.source_id IN $ids{extra} AND e.target_id IS NOT NULL"
            " RETURN e.source_id AS a, e.target_id AS b, e.id AS eid"
            f" UNION MATCH (e:Event) WHERE e.target_id IN $ids{extra}"
            " RETURN e.target_id AS a, e.source_id AS b, e.id AS eid",
            ids=list(ids),
            **params,
        )
        return [(r["a"], r["b"], r["eid"]) for r in rows]

    def _overview(self) -> tuple[str | None, str | None, dict[str, int], int, list[dict[str, Any]]]:
        span = self._run(
            "MATCH (e:Event) RETURN toString(min(e.date)) AS lo, toString(max(e.date)) AS hi"
        )[0]
        by_quad = {str(q): 0 for q in (1, 2, 3, 4)}
        for r in self._run(
            "MATCH (e:Event) WHERE e.mode IS NULL RETURN e.quad_class AS q, count(*) AS n"
        ):
            by_quad[str(r["q"])] = r["n"]
        countries = self._run(
            "MATCH (a:Actor) WHERE a.country IS NOT NULL RETURN count(DISTINCT a.country) AS n"
        )[0]["n"]
        outlets = [
            {"outlet": r["outlet"], "articles": r["n"]}
            for r in self._run(
                "MATCH (a:Article) WHERE a.outlet IS NOT NULL"
                " RETURN a.outlet AS outlet, count(*) AS n ORDER BY n DESC, outlet LIMIT 20"
            )
        ]
        return span["lo"], span["hi"], by_quad, countries, outlets
