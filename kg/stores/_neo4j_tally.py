"""Monthly tallies of a Neo4j store's events, kept in step with every write (docs/schema.md,
"Tallies").

A country dyad or a busy actor has tens of thousands of events at a million; counting them
means reading every one (microseconds each in the Community runtime). A tally cell holds one
key's asserted (mode-less) events of one month as sparse arrays: per (day, QuadClass) and per
(root, QuadClass, CAMEO code) the count and Goldstein sum, so those answers read a few dozen
cells instead. Keys:

- ``c:USA``          events touching the country (either end; an event is counted once)
- ``a:<actor id>``   events touching the actor
- ``c:USA>c:MEX``    events from an actor of the first country to one of the second

Additions are merged into the cells (under the cell's write lock, so concurrent writers do not
lose counts); a deletion or a moved date recomputes the cells it touches from the events.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import neo4j

LABEL = "Tally"
CHUNK = 5000

SCHEMA_STATEMENTS = (
    "CREATE CONSTRAINT tally_id IF NOT EXISTS FOR (t:Tally) REQUIRE t.id IS UNIQUE",
    "CREATE INDEX tally_key_month IF NOT EXISTS FOR (t:Tally) ON (t.key, t.month)",
)

# The properties a tally needs from an event (the Event node's own names).
EVENT_FIELDS = (
    "e.id AS id, e.date AS date, e.mode AS mode, e.root AS root, e.quad_class AS quad_class,"
    " e.cameo AS cameo, e.goldstein AS goldstein, e.source_id AS source_id,"
    " e.target_id AS target_id, e.source_country AS source_country,"
    " e.target_country AS target_country"
)

_LOCK_AND_READ = """
UNWIND $ids AS id
MERGE (t:Tally {id: id})
ON CREATE SET t.version = 0
SET t.version = t.version + 1
RETURN t {.*} AS t
"""

_WRITE = """
UNWIND $rows AS row
MATCH (t:Tally {id: row.id})
SET t += row.props
"""

_DELETE = "UNWIND $ids AS id MATCH (t:Tally {id: id}) DELETE t"

# One cell's events, by key kind; `$lo`/`$hi` bound the month. The touching branch mirrors the
# queries' own: the second half leaves out what the first found.
_CELL_EVENTS = {
    "pair": "MATCH (e:Event) WHERE e.source_country = $a AND e.target_country = $b"
    " AND date($lo) <= e.date < date($hi) AND e.mode IS NULL RETURN " + EVENT_FIELDS,
    "country": "MATCH (e:Event) WHERE e.source_country = $a AND date($lo) <= e.date < date($hi)"
    " AND e.mode IS NULL RETURN " + EVENT_FIELDS + " UNION ALL MATCH (e:Event)"
    " WHERE e.target_country = $a AND date($lo) <= e.date < date($hi) AND e.mode IS NULL"
    " AND NOT coalesce(e.source_country = $a, false) RETURN " + EVENT_FIELDS,
    "actor": "MATCH (e:Event) WHERE e.source_id = $a AND date($lo) <= e.date < date($hi)"
    " AND e.mode IS NULL RETURN " + EVENT_FIELDS + " UNION ALL MATCH (e:Event)"
    " WHERE e.target_id = $a AND date($lo) <= e.date < date($hi) AND e.mode IS NULL"
    " AND NOT coalesce(e.source_id = $a, false) RETURN " + EVENT_FIELDS,
}


def country_key(code: str) -> str:
    return f"c:{code}"


def actor_key(actor_id: str) -> str:
    return f"a:{actor_id}"


def pair_key(source_country: str, target_country: str) -> str:
    return f"c:{source_country}>c:{target_country}"


def event_keys(row: dict[str, Any]) -> set[str]:
    """The keys an event counts under (a set: an event inside one country counts once)."""
    keys = {actor_key(row["source_id"])}
    if row.get("target_id"):
        keys.add(actor_key(row["target_id"]))
    sc, tc = row.get("source_country"), row.get("target_country")
    if sc:
        keys.add(country_key(sc))
    if tc:
        keys.add(country_key(tc))
    if sc and tc:
        keys.add(pair_key(sc, tc))
    return keys


def cell_id(key: str, month: str) -> str:
    return f"{key}|{month}"


def _iso(value: Any) -> str:
    iso = getattr(value, "iso_format", None)
    return iso() if iso else str(value)


@dataclass
class Cell:
    """One key's asserted events of one month."""

    days: dict[tuple[int, int], list[float]] = field(default_factory=dict)  # (day, quad) -> n, g
    # (root, quad, cameo) -> [n, Goldstein sum, first day, last day]
    groups: dict[tuple[str, int, str], list[float]] = field(default_factory=dict)

    def add(self, day: int, root: str, quad: int, cameo: str, goldstein: float) -> None:
        slot = self.days.setdefault((day, quad), [0, 0.0])
        slot[0] += 1
        slot[1] += goldstein
        group = self.groups.get((root, quad, cameo))
        if group is None:
            self.groups[(root, quad, cameo)] = [1, goldstein, day, day]
        else:
            group[0] += 1
            group[1] += goldstein
            group[2] = min(group[2], day)
            group[3] = max(group[3], day)

    def merge(self, other: Cell) -> None:
        for k, (n, g) in other.days.items():
            slot = self.days.setdefault(k, [0, 0.0])
            slot[0] += n
            slot[1] += g
        for k, (n, g, lo, hi) in other.groups.items():
            group = self.groups.get(k)
            if group is None:
                self.groups[k] = [n, g, lo, hi]
            else:
                group[0] += n
                group[1] += g
                group[2] = min(group[2], lo)
                group[3] = max(group[3], hi)

    def props(self) -> dict[str, Any]:
        days = sorted(self.days.items())
        groups = sorted(self.groups.items())
        return {
            "dq": [d * 4 + q - 1 for (d, q), _ in days],
            "dq_n": [int(v[0]) for _, v in days],
            "dq_g": [float(v[1]) for _, v in days],
            "cg": [f"{r}|{q}|{c}" for (r, q, c), _ in groups],
            "cg_n": [int(v[0]) for _, v in groups],
            "cg_g": [float(v[1]) for _, v in groups],
            "cg_lo": [int(v[2]) for _, v in groups],
            "cg_hi": [int(v[3]) for _, v in groups],
            "events": sum(int(v[0]) for _, v in days),
        }

    @classmethod
    def from_props(cls, p: dict[str, Any]) -> Cell:
        cell = cls()
        for dq, n, g in zip(
            p.get("dq") or (), p.get("dq_n") or (), p.get("dq_g") or (), strict=True
        ):
            cell.days[(dq // 4, dq % 4 + 1)] = [n, g]
        rows = zip(
            p.get("cg") or (),
            p.get("cg_n") or (),
            p.get("cg_g") or (),
            p.get("cg_lo") or (),
            p.get("cg_hi") or (),
            strict=True,
        )
        for code, n, g, lo, hi in rows:
            root, quad, cameo = code.split("|")
            cell.groups[(root, int(quad), cameo)] = [n, g, lo, hi]
        return cell


def tally(rows: Iterable[dict[str, Any]]) -> dict[tuple[str, str], Cell]:
    """Cells (key, month) for event rows (EVENT_FIELDS names); moded events are not tallied."""
    cells: dict[tuple[str, str], Cell] = {}
    for row in rows:
        if row.get("mode") is not None:
            continue
        day = _iso(row["date"])
        month, dom = day[:7], int(day[8:10])
        for key in event_keys(row):
            cell = cells.get((key, month))
            if cell is None:
                cell = cells[(key, month)] = Cell()
            cell.add(dom, row["root"], int(row["quad_class"]), row["cameo"], row["goldstein"])
    return cells


def _chunks(rows: list[Any]) -> Iterator[list[Any]]:
    for i in range(0, len(rows), CHUNK):
        yield rows[i : i + CHUNK]


def add(tx: neo4j.ManagedTransaction, cells: dict[tuple[str, str], Cell]) -> None:
    """Merge `cells` into the stored ones (creating missing ones), each under its write lock."""
    if not cells:
        return
    by_id = {cell_id(k, m): (k, m, c) for (k, m), c in cells.items()}
    ids = sorted(by_id)
    rows = []
    for chunk in _chunks(ids):
        for rec in tx.run(_LOCK_AND_READ, ids=chunk):
            stored = rec["t"]
            key, month, delta = by_id[stored["id"]]
            cell = Cell.from_props(stored)
            cell.merge(delta)
            rows.append({"id": stored["id"], "props": {"key": key, "month": month, **cell.props()}})
    for chunk in _chunks(rows):
        tx.run(_WRITE, rows=chunk).consume()


def recompute(tx: neo4j.ManagedTransaction, cells: Iterable[tuple[str, str]]) -> None:
    """Rebuild the named cells from the events (after a deletion or a moved date)."""
    wanted = sorted(set(cells))
    if not wanted:
        return
    fresh: dict[tuple[str, str], Cell] = {}
    for key, month in wanted:
        query, params = _cell_query(key, month)
        got = tally(rec.data() for rec in tx.run(query, params))
        if (key, month) in got:
            fresh[(key, month)] = got[(key, month)]
    # Lock every named cell (creating the ones about to be filled), then overwrite or delete.
    ids = [cell_id(k, m) for k, m in wanted]
    for chunk in _chunks(ids):
        tx.run(_LOCK_AND_READ, ids=chunk).consume()
    rows = [
        {"id": cell_id(k, m), "props": {"key": k, "month": m, **c.props()}}
        for (k, m), c in fresh.items()
    ]
    for chunk in _chunks(rows):
        tx.run(_WRITE, rows=chunk).consume()
    empty = [cell_id(k, m) for k, m in wanted if (k, m) not in fresh]
    for chunk in _chunks(empty):
        tx.run(_DELETE, ids=chunk).consume()


def _cell_query(key: str, month: str) -> tuple[str, dict[str, Any]]:
    year, mon = int(month[:4]), int(month[5:7])
    nxt = f"{year + (mon == 12):04d}-{mon % 12 + 1:02d}-01"
    params: dict[str, Any] = {"lo": f"{month}-01", "hi": nxt}
    if ">" in key:
        a, b = key.split(">")
        params.update(a=a[2:], b=b[2:])
        return _CELL_EVENTS["pair"], params
    params["a"] = key[2:]
    return _CELL_EVENTS["country" if key.startswith("c:") else "actor"], params


def cells_of(rows: Iterable[dict[str, Any]]) -> set[tuple[str, str]]:
    """The (key, month) cells these event rows count in (moded rows included: harmless)."""
    out: set[tuple[str, str]] = set()
    for row in rows:
        month = _iso(row["date"])[:7]
        out.update((key, month) for key in event_keys(row))
    return out


def rebuild(session: neo4j.Session, page: int = 50_000) -> int:
    """Drop every cell and tally all events again (a store written before tallies existed).
    Returns the number of cells written."""
    session.run("MATCH (t:Tally) CALL (t) { DELETE t } IN TRANSACTIONS OF 10000 ROWS").consume()
    cells: dict[tuple[str, str], Cell] = {}
    last = ""
    while True:
        recs = session.run(
            "MATCH (e:Event) WHERE e.id > $last WITH e ORDER BY e.id LIMIT $page RETURN "
            + EVENT_FIELDS,
            last=last,
            page=page,
        ).data()
        if not recs:
            break
        last = recs[-1]["id"]
        for k, c in tally(recs).items():
            if k in cells:
                cells[k].merge(c)
            else:
                cells[k] = c
    rows = [
        {"id": cell_id(k, m), "props": {"key": k, "month": m, "version": 1, **c.props()}}
        for (k, m), c in cells.items()
    ]
    for chunk in _chunks(rows):
        session.run(
            "UNWIND $rows AS row CREATE (t:Tally {id: row.id}) SET t += row.props", rows=chunk
        ).consume()
    return len(rows)
