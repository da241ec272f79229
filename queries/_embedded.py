"""Queries as SQL over the embedded store's SQLite database (parameters only, never values
spliced into the text; the only f-string parts are fixed column lists and `?` markers)."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from kg.stores import EmbeddedStore
from queries._base import GroupRow, Queries, country_brief
from queries._types import ActorBrief, ActorRef, EventView, Filters, ReportView

_BRIEF = "{a}.id AS {a}_id, {a}.name AS {a}_name, {a}.country AS {a}_country, {a}.kind AS {a}_kind"


def _brief(row: sqlite3.Row, a: str) -> ActorBrief:
    return ActorBrief(row[f"{a}_id"], row[f"{a}_name"], row[f"{a}_country"], row[f"{a}_kind"])


def _filter_sql(f: Filters) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if not f.include_modes:
        where.append("e.mode IS NULL")
    if f.date_from:
        where.append("e.date >= ?")
        params.append(f.date_from)
    if f.date_to:
        where.append("e.date <= ?")
        params.append(f.date_to)
    if f.roots:
        where.append(f"e.root IN ({','.join('?' * len(f.roots))})")
        params.extend(f.roots)
    if f.cameos:  # a code also matches its sub-codes: 087 matches 0871
        where.append("(" + " OR ".join("substr(e.cameo, 1, ?) = ?" for _ in f.cameos) + ")")
        params.extend(x for c in f.cameos for x in (len(c), c))
    if f.quad_classes:
        where.append(f"e.quad_class IN ({','.join('?' * len(f.quad_classes))})")
        params.extend(f.quad_classes)
    if f.min_confidence is not None:
        where.append("e.confidence >= ?")
        params.append(f.min_confidence)
    if f.outlet:
        where.append(
            "EXISTS (SELECT 1 FROM reports r JOIN articles ar ON ar.id = r.article_id"
            " WHERE r.event_id = e.id AND lower(ar.outlet) = lower(?))"
        )
        params.append(f.outlet)
    return where, params


def _side(column: str, ref: ActorRef) -> tuple[str, list[Any]]:
    if ref.kind == "actor":
        return f"e.{column} = ?", [ref.id]
    return f"e.{column} IN (SELECT id FROM actors WHERE country = ?)", [ref.id]


def _where(
    f: Filters,
    source: ActorRef | None = None,
    target: ActorRef | None = None,
    touching: ActorRef | None = None,
    between: tuple[ActorRef, ActorRef] | None = None,
) -> tuple[str, list[Any]]:
    where, params = [], []
    if between is not None:
        a, b = between
        (s1, p1), (t1, q1) = _side("source_id", a), _side("target_id", b)
        (s2, p2), (t2, q2) = _side("source_id", b), _side("target_id", a)
        where.append(f"(({s1} AND {t1}) OR ({s2} AND {t2}))")
        params += p1 + q1 + p2 + q2
    if source is not None:
        sql, p = _side("source_id", source)
        where.append(sql)
        params += p
    if target is not None:
        sql, p = _side("target_id", target)
        where.append(sql)
        params += p
    if touching is not None:
        s1, p1 = _side("source_id", touching)
        s2, p2 = _side("target_id", touching)
        where.append(f"({s1} OR {s2})")
        params += p1 + p2
    fw, fp = _filter_sql(f)
    where += fw
    params += fp
    return (" WHERE " + " AND ".join(where)) if where else "", params


class EmbeddedQueries(Queries):
    store: EmbeddedStore
    backend = "embedded"

    @property
    def db(self) -> sqlite3.Connection:
        return self.store.db

    def _all(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        return self.db.execute(sql, params).fetchall()

    def _actor(self, actor_id: str) -> tuple[ActorBrief, list[str]] | None:
        rows = self._all("SELECT * FROM actors WHERE id = ?", (actor_id,))
        if not rows:
            return None
        r = rows[0]
        return ActorBrief(r["id"], r["name"], r["country"], r["kind"]), json.loads(r["aliases"])

    def _aliases(self, actor_ids: set[str]) -> dict[str, list[str]]:
        ids = sorted(actor_ids)
        if not ids:
            return {}
        rows = self._all(
            f"SELECT id, aliases FROM actors WHERE id IN ({','.join('?' * len(ids))})", ids
        )
        return {r["id"]: json.loads(r["aliases"]) for r in rows}

    def _country_has_actors(self, code: str) -> bool:
        return bool(self._all("SELECT 1 FROM actors WHERE country = ? LIMIT 1", (code,)))

    def _countries(self) -> list[str]:
        rows = self._all("SELECT DISTINCT country FROM actors WHERE country IS NOT NULL")
        return sorted(r[0] for r in rows)

    def _members(self, code: str, limit: int) -> list[ActorBrief]:
        rows = self._all(
            "SELECT a.id, a.name, a.country, a.kind,"
            " (SELECT count(*) FROM events WHERE source_id = a.id)"
            " + (SELECT count(*) FROM events WHERE target_id = a.id) AS n"
            " FROM actors a WHERE a.country = ? ORDER BY n DESC, a.name, a.id LIMIT ?",
            (code, limit),
        )
        return [ActorBrief(r["id"], r["name"], r["country"], r["kind"]) for r in rows]

    def _group_rows(
        self,
        f: Filters,
        source: ActorRef | None = None,
        target: ActorRef | None = None,
        touching: ActorRef | None = None,
        between: tuple[ActorRef, ActorRef] | None = None,
    ) -> list[GroupRow]:
        where, params = _where(f, source, target, touching, between)
        rows = self._all(
            "SELECT e.root, e.quad_class, e.cameo, count(*), sum(e.goldstein), min(e.date),"
            f" max(e.date) FROM events e{where} GROUP BY e.root, e.quad_class, e.cameo",
            params,
        )
        return [(r[0], r[1], r[2], r[3], r[4] or 0.0, r[5], r[6]) for r in rows]

    def _recent_ids(
        self,
        f: Filters,
        limit: int,
        source: ActorRef | None = None,
        target: ActorRef | None = None,
        touching: ActorRef | None = None,
        between: tuple[ActorRef, ActorRef] | None = None,
    ) -> list[str]:
        where, params = _where(f, source, target, touching, between)
        rows = self._all(
            f"SELECT e.id FROM events e{where} ORDER BY e.date DESC, e.id DESC LIMIT ?",
            [*params, limit],
        )
        return [r[0] for r in rows]

    def _pair_rows(
        self, f: Filters, source: ActorRef, target: ActorRef
    ) -> list[tuple[ActorBrief, ActorBrief, int]]:
        where, params = _where(f, source, target)
        rows = self._all(
            "SELECT " + _BRIEF.format(a="s") + ", " + _BRIEF.format(a="t") + ", n FROM"
            f" (SELECT e.source_id, e.target_id, count(*) AS n FROM events e{where}"
            " GROUP BY e.source_id, e.target_id) x"
            " JOIN actors s ON s.id = x.source_id JOIN actors t ON t.id = x.target_id",
            params,
        )
        return [(_brief(r, "s"), _brief(r, "t"), r["n"]) for r in rows]

    def _article_event_ids(self, article_id: str) -> list[str]:
        rows = self._all(
            "SELECT event_id FROM reports WHERE article_id = ? GROUP BY event_id"
            " ORDER BY min(start), event_id",
            (article_id,),
        )
        return [r[0] for r in rows]

    def _event_views(self, ids: list[str]) -> list[EventView]:
        marks = ",".join("?" * len(ids))
        rows = self._all(
            "SELECT e.*, "
            + _BRIEF.format(a="s")
            + ", "
            + _BRIEF.format(a="t")
            + " FROM events e JOIN actors s ON s.id = e.source_id"
            " LEFT JOIN actors t ON t.id = e.target_id"
            f" WHERE e.id IN ({marks})",
            ids,
        )
        reports: dict[str, list[ReportView]] = {}
        for r in self._all(
            "SELECT r.*, a.url, a.title, a.outlet, a.published FROM reports r"
            " JOIN articles a ON a.id = r.article_id"
            f" WHERE r.event_id IN ({marks}) ORDER BY a.published, r.article_id, r.start, r.end",
            ids,
        ):
            reports.setdefault(r["event_id"], []).append(
                ReportView(
                    r["article_id"],
                    r["sentence"],
                    r["start"],
                    r["end"],
                    r["url"],
                    r["title"],
                    r["outlet"],
                    r["published"],
                    r["source_text"],
                    r["target_text"],
                )
            )
        return [
            EventView(
                id=r["id"],
                date=r["date"],
                source=_brief(r, "s"),
                target=_brief(r, "t") if r["t_id"] else None,
                cameo=r["cameo"],
                root=r["root"],
                label=r["label"],
                quad_class=r["quad_class"],
                goldstein=r["goldstein"],
                plover=r["plover"],
                action_text=r["action_text"],
                confidence=r["confidence"],
                mode=r["mode"],
                reports=reports.get(r["id"], []),
            )
            for r in rows
        ]

    def _daily(
        self, ref: ActorRef | None, other: ActorRef | None, f: Filters
    ) -> list[tuple[str, int, int, float]]:
        if ref is None:
            where, params = _where(f)
        elif other is None:
            where, params = _where(f, touching=ref)
        else:
            w1, p1 = _where(f, source=ref, target=other)
            w2, p2 = _where(f, source=other, target=ref)
            where = f" WHERE (({w1[7:]}) OR ({w2[7:]}))"
            params = p1 + p2
        rows = self._all(
            "SELECT e.date, e.quad_class, count(*), sum(e.goldstein)"
            f" FROM events e{where} GROUP BY e.date, e.quad_class ORDER BY e.date",
            params,
        )
        return [(r[0], r[1], r[2], r[3] or 0.0) for r in rows]

    def _partners(
        self, ref: ActorRef, f: Filters, direction: str, limit: int
    ) -> tuple[int, list[tuple[ActorBrief, int, float]]]:
        mine, theirs = (
            ("source_id", "target_id") if direction == "out" else ("target_id", "source_id")
        )
        side_sql, side_params = _side(mine, ref)
        fw, fp = _filter_sql(f)
        where = " AND ".join([side_sql, *fw])
        total = self._all(f"SELECT count(*) FROM events e WHERE {where}", [*side_params, *fp])[0][0]
        if ref.kind == "country":  # a country's partners are other countries' actors
            fw.append("(p.country IS NULL OR p.country <> ?)")
            fp.append(ref.id)
        where = " AND ".join([side_sql, *fw])
        rows = self._all(
            "SELECT p.id, p.name, p.country, p.kind, count(*) AS n, sum(e.goldstein) AS g"
            f" FROM events e JOIN actors p ON p.id = e.{theirs}"
            f" WHERE {where} GROUP BY p.id ORDER BY n DESC, p.id LIMIT ?",
            [*side_params, *fp, limit],
        )
        return total, [(ActorBrief(r[0], r[1], r[2], r[3]), r["n"], r["g"] or 0.0) for r in rows]

    def _search_candidates(self, word: str, limit: int) -> list[tuple[ActorBrief, list[str]]]:
        rows = self._all(
            "SELECT id, name, country, kind, aliases FROM actors"
            " WHERE instr(search_text, ?) > 0 OR country = ? ORDER BY name LIMIT ?",
            (word, word.upper(), limit),
        )
        return [
            (ActorBrief(r["id"], r["name"], r["country"], r["kind"]), json.loads(r["aliases"]))
            for r in rows
        ]

    def _dyad_rows(self, f: Filters, level: str) -> list[tuple[ActorBrief, ActorBrief, int, float]]:
        fw, fp = _filter_sql(f)
        where = " AND ".join(["e.target_id IS NOT NULL", *fw])
        if level == "actor":
            group = "e.source_id, e.target_id"
        else:
            group = "coalesce(s.country, s.id), coalesce(t.country, t.id)"
        rows = self._all(
            "SELECT " + _BRIEF.format(a="s") + ", " + _BRIEF.format(a="t") + ","
            " count(*) AS n, sum(e.goldstein) AS g FROM events e"
            " JOIN actors s ON s.id = e.source_id JOIN actors t ON t.id = e.target_id"
            f" WHERE {where} GROUP BY {group}",
            fp,
        )
        out = []
        for r in rows:
            a, b = _brief(r, "s"), _brief(r, "t")
            if level == "country":
                a, b = country_brief(a.country, a), country_brief(b.country, b)
            out.append((a, b, r["n"], r["g"] or 0.0))
        return out

    def _neighbours(self, ids: list[str], f: Filters) -> list[tuple[str, str, str]]:
        marks = ",".join("?" * len(ids))
        fw, fp = _filter_sql(f)
        extra = "".join(f" AND {w}" for w in fw)
        rows = self._all(
            f"SELECT e.source_id, e.target_id, e.id FROM events e WHERE e.source_id IN ({marks})"
            f" AND e.target_id IS NOT NULL{extra}"
            f" UNION SELECT e.target_id, e.source_id, e.id FROM events e"
            f" WHERE e.target_id IN ({marks}){extra}",
            [*ids, *fp, *ids, *fp],
        )
        return [(r[0], r[1], r[2]) for r in rows]

    def _overview(self) -> tuple[str | None, str | None, dict[str, int], int, list[dict[str, Any]]]:
        lo, hi = self._all("SELECT min(date), max(date) FROM events")[0]
        by_quad = {str(q): 0 for q in (1, 2, 3, 4)}
        for r in self._all(
            "SELECT quad_class, count(*) FROM events WHERE mode IS NULL GROUP BY quad_class"
        ):
            by_quad[str(r[0])] = r[1]
        countries = self._all("SELECT count(DISTINCT country) FROM actors")[0][0]
        outlets = [
            {"outlet": r[0], "articles": r[1]}
            for r in self._all(
                "SELECT outlet, count(*) AS n FROM articles WHERE outlet IS NOT NULL"
                " GROUP BY outlet ORDER BY n DESC, outlet LIMIT 20"
            )
        ]
        return lo, hi, by_quad, countries, outlets
