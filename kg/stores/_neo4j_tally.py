"""Monthly tallies of a Neo4j store's events, kept in step with every write (docs/schema.md,
"Tallies").

A country dyad or a busy actor has tens of thousands of events at a million; counting them
means reading every one (microseconds each in the Community runtime). A tally cell holds one
key's asserted (mode-less) events of one month as sparse arrays: per (day, QuadClass) and per
(root, QuadClass, CAMEO code) the count and Goldstein sum, so those answers read a few dozen
cells instead. Keys:

- ``c:USA``          events touching the country (either end; an event is counted once)
- ``c:USA>c:MEX``    events from an actor of the first country to one of the second
- ``a:<actor id>``   events touching a busy actor (`Actor.tallied` is true)

A write adds one small node per cell it touches holding just its own events (no read, no
rewrite of a busy country's month: bulk loads touch every such cell in every batch); a cell
with more than COMPACT_AFTER nodes is merged into one. A deletion or a moved date recomputes
the cells it touches from the events.

Only busy actors are tallied: most actors have a few events, which their index seek reads in
a millisecond, and a cell per actor and month would add up to two nodes per event to every
write. An actor whose events pass BUSY_ACTOR_EVENTS is marked and counted from its events in
the write that takes it past (`promote`); from then on writes add its cells like a country's.
The mark is never taken back, so the cells stay right whatever the threshold is later.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import neo4j

CHUNK = 5000
COMPACT_AFTER = 4  # nodes per cell before they are merged into one
# Events an actor has (either end) before it gets cells of its own: below this, reading its
# events through the (actor, date) index answers in a few milliseconds (docs/benchmarks.md).
BUSY_ACTOR_EVENTS = 5000

SCHEMA_STATEMENTS = (
    "CREATE INDEX tally_key_month IF NOT EXISTS FOR (t:Tally) ON (t.key, t.month)",
)
# Made once every busy actor of the store has been marked (lists the marked ones, too); a store
# without it was written before actor tallies, or its marking was cut short.
ACTOR_MARK_INDEX = "CREATE INDEX actor_tallied IF NOT EXISTS FOR (a:Actor) ON (a.tallied)"

# The properties a tally needs from an event (the Event node's own names).
EVENT_FIELDS = (
    "e.id AS id, e.date AS date, e.mode AS mode, e.root AS root, e.quad_class AS quad_class,"
    " e.cameo AS cameo, e.goldstein AS goldstein, e.source_id AS source_id,"
    " e.target_id AS target_id, e.source_country AS source_country,"
    " e.target_country AS target_country"
)

_CREATE = "UNWIND $rows AS row CREATE (t:Tally) SET t = row"

_CROWDED = """
UNWIND $cells AS c
MATCH (t:Tally {key: c[0], month: c[1]})
WITH c, count(t) AS n WHERE n > $most
RETURN c AS cell
"""

# Read and delete a cell's nodes (the delete takes their write locks).
_TAKE = """
UNWIND $cells AS c
MATCH (t:Tally {key: c[0], month: c[1]})
WITH c, t, t {.*} AS props
DELETE t
RETURN c AS cell, props
"""

# One cell's events, by key kind; `$lo`/`$hi` bound the month. The touching branch mirrors the
# queries' own: the second half leaves out what the first found.
_ACTOR_EVENTS = (
    "MATCH (e:Event) WHERE e.source_id = $a AND {dates} AND e.mode IS NULL RETURN "
    + EVENT_FIELDS
    + " UNION ALL MATCH (e:Event) WHERE e.target_id = $a AND {dates} AND e.mode IS NULL"
    " AND NOT coalesce(e.source_id = $a, false) RETURN " + EVENT_FIELDS
)
_CELL_EVENTS = {
    "actor": _ACTOR_EVENTS.format(dates="date($lo) <= e.date < date($hi)"),
    "pair": "MATCH (e:Event) WHERE e.source_country = $a AND e.target_country = $b"
    " AND date($lo) <= e.date < date($hi) AND e.mode IS NULL RETURN " + EVENT_FIELDS,
    "country": "MATCH (e:Event) WHERE e.source_country = $a AND date($lo) <= e.date < date($hi)"
    " AND e.mode IS NULL RETURN " + EVENT_FIELDS + " UNION ALL MATCH (e:Event)"
    " WHERE e.target_country = $a AND date($lo) <= e.date < date($hi) AND e.mode IS NULL"
    " AND NOT coalesce(e.source_country = $a, false) RETURN " + EVENT_FIELDS,
}


# Untallied actors among `ids` (all actors when None) with more events than `$most`, marked in
# the same statement: the SET write-locks each before its events are counted. (Only events
# have SOURCE_OF and TARGET; leaving their label out lets the server read the stored degrees.)
_PROMOTE = """
{find}
WHERE a.tallied IS NULL
  AND COUNT {{ (a)-[:SOURCE_OF]->() }} + COUNT {{ (a)<-[:TARGET]-() }} > $most
SET a.tallied = true
RETURN a.id AS id
"""
_PROMOTE_SOME = _PROMOTE.format(find="UNWIND $ids AS id MATCH (a:Actor {id: id})")
_PROMOTE_ALL = _PROMOTE.format(find="MATCH (a:Actor)")


def actor_key(actor_id: str) -> str:
    return f"a:{actor_id}"


def country_key(code: str) -> str:
    return f"c:{code}"


def pair_key(source_country: str, target_country: str) -> str:
    return f"c:{source_country}>c:{target_country}"


def event_keys(row: dict[str, Any], busy: Collection[str] = ()) -> set[str]:
    """The keys an event counts under (a set: an event inside one country counts once);
    `busy` are the tallied actors' ids."""
    keys: set[str] = set()
    if busy:
        for end in (row.get("source_id"), row.get("target_id")):
            if end is not None and end in busy:
                keys.add(actor_key(end))
    sc, tc = row.get("source_country"), row.get("target_country")
    if sc:
        keys.add(country_key(sc))
    if tc:
        keys.add(country_key(tc))
    if sc and tc:
        keys.add(pair_key(sc, tc))
    return keys


def iso_text(value: Any) -> str | None:
    """A stored Neo4j date or datetime as the ISO text the embedded store keeps (Python's
    isoformat: '2025-05-05T06:42:00+05:30', not the driver's nanosecond form)."""
    if value is None:
        return None
    native = getattr(value, "to_native", None)
    return str(native().isoformat()) if native else str(value)


@dataclass
class Cell:
    """One key's asserted events of one month."""

    days: dict[tuple[int, int], list[float]] = field(default_factory=dict)  # (day, quad) -> n, g
    # (root, quad, cameo) -> [n, Goldstein sum, first day, last day]
    groups: dict[tuple[str, int, str], list[float]] = field(default_factory=dict)

    def merge(self, other: Cell) -> None:
        for day, (n, g) in other.days.items():
            slot = self.days.setdefault(day, [0, 0.0])
            slot[0] += n
            slot[1] += g
        for key, (n, g, lo, hi) in other.groups.items():
            group = self.groups.get(key)
            if group is None:
                self.groups[key] = [n, g, lo, hi]
            else:
                group[0] += n
                group[1] += g
                group[2] = min(group[2], lo)
                group[3] = max(group[3], hi)

    def props(self) -> dict[str, Any]:
        """Packed arrays (a few large properties are cheaper to write and read than many):
        `days` holds the (day, quad) codes then their counts, `groups` the (root, quad, CAMEO)
        codes, counts, first and last days; `*_g` their Goldstein sums. A timeline reads only
        the days, a dyad summary only the groups."""
        days = sorted(self.days.items())
        groups = sorted(self.groups.items())
        return {
            "days": [d * 4 + q - 1 for (d, q), _ in days] + [int(v[0]) for _, v in days],
            "days_g": [float(v[1]) for _, v in days],
            "groups": [
                *(_group_code(*k) for k, _ in groups),
                *(int(v[0]) for _, v in groups),
                *(int(v[2]) for _, v in groups),
                *(int(v[3]) for _, v in groups),
            ],
            "groups_g": [float(v[1]) for _, v in groups],
            "events": sum(int(v[0]) for _, v in days),
        }

    @classmethod
    def from_props(cls, p: dict[str, Any]) -> Cell:
        cell = cls()
        days, days_g, groups, groups_g = p["days"], p["days_g"], p["groups"], p["groups_g"]
        nd, ng = len(days_g), len(groups_g)
        for i in range(nd):
            dq = days[i]
            cell.days[(dq // 4, dq % 4 + 1)] = [days[nd + i], days_g[i]]
        for i in range(ng):
            cell.groups[group_key(groups[i])] = [
                groups[ng + i],
                groups_g[i],
                groups[2 * ng + i],
                groups[3 * ng + i],
            ]
        return cell


def _group_code(root: str, quad: int, cameo: str) -> int:
    """(root, QuadClass, CAMEO code) as one integer; the CAMEO code keeps its leading zeros
    behind a 1 ("042" -> 1042)."""
    return (int(root) * 10 + quad) * 100_000 + int("1" + cameo)


def group_key(code: int) -> tuple[str, int, str]:
    return f"{code // 1_000_000:02d}", code // 100_000 % 10, str(code % 100_000)[1:]


def tally(
    rows: Iterable[dict[str, Any]], busy: Collection[str] = ()
) -> dict[tuple[str, str], Cell]:
    """Cells (key, month) for event rows (EVENT_FIELDS names); moded events are not tallied.
    `busy`: the tallied actors' ids."""
    days: dict[tuple[str, str, int, int], list[float]] = {}
    groups: dict[tuple[str, str, str, int, str], list[float]] = {}
    keys_of: dict[tuple[str | None, ...], list[str]] = {}
    for row in rows:
        if row.get("mode") is not None:
            continue
        ends: tuple[str | None, ...] = (row.get("source_country"), row.get("target_country"))
        if busy:
            ends += tuple(a if a in busy else None for a in (row["source_id"], row["target_id"]))
        keys = keys_of.get(ends)
        if keys is None:
            keys = keys_of[ends] = sorted(event_keys(row, busy))
        if not keys:
            continue
        day = iso_text(row["date"]) or ""
        month, dom = day[:7], int(day[8:10])
        root, quad, cameo, g = row["root"], int(row["quad_class"]), row["cameo"], row["goldstein"]
        for key in keys:
            slot = days.get((key, month, dom, quad))
            if slot is None:
                days[(key, month, dom, quad)] = [1, g]
            else:
                slot[0] += 1
                slot[1] += g
            group = groups.get((key, month, root, quad, cameo))
            if group is None:
                groups[(key, month, root, quad, cameo)] = [1, g, dom, dom]
            else:
                group[0] += 1
                group[1] += g
                if dom < group[2]:
                    group[2] = dom
                elif dom > group[3]:
                    group[3] = dom
    cells: dict[tuple[str, str], Cell] = {}
    for (key, month, dom, quad), slot in days.items():
        cell = cells.get((key, month))
        if cell is None:
            cell = cells[(key, month)] = Cell()
        cell.days[(dom, quad)] = slot
    for (key, month, root, quad, cameo), group in groups.items():
        cells[(key, month)].groups[(root, quad, cameo)] = group
    return cells


def _chunks(rows: list[Any]) -> Iterator[list[Any]]:
    for i in range(0, len(rows), CHUNK):
        yield rows[i : i + CHUNK]


def _rows(cells: dict[tuple[str, str], Cell]) -> list[dict[str, Any]]:
    return [{"key": k, "month": m, **c.props()} for (k, m), c in cells.items()]


def add(tx: neo4j.ManagedTransaction, cells: dict[tuple[str, str], Cell]) -> None:
    """Add `cells` (new events' counts) as nodes of their own; merge crowded cells."""
    if not cells:
        return
    for chunk in _chunks(_rows(cells)):
        tx.run(_CREATE, rows=chunk).consume()
    crowded = [
        tuple(rec["cell"])
        for chunk in _chunks([[k, m] for k, m in cells])
        for rec in tx.run(_CROWDED, cells=chunk, most=COMPACT_AFTER)
    ]
    merged: dict[tuple[str, str], Cell] = {}
    for chunk in _chunks([list(c) for c in crowded]):
        for rec in tx.run(_TAKE, cells=chunk):
            cell = merged.setdefault((rec["cell"][0], rec["cell"][1]), Cell())
            cell.merge(Cell.from_props(rec["props"]))
    for chunk in _chunks(_rows(merged)):
        tx.run(_CREATE, rows=chunk).consume()


def recompute(tx: neo4j.ManagedTransaction, cells: Iterable[tuple[str, str]]) -> None:
    """Rebuild the named cells from the events (after a deletion or a moved date)."""
    wanted = sorted(set(cells))
    if not wanted:
        return
    for chunk in _chunks([[k, m] for k, m in wanted]):
        tx.run(_TAKE, cells=chunk).consume()
    fresh: dict[tuple[str, str], Cell] = {}
    for key, month in wanted:
        query, params = _cell_query(key, month)
        busy = (key[2:],) if key.startswith("a:") else ()
        got = tally((rec.data() for rec in tx.run(query, params)), busy)
        if (key, month) in got:
            fresh[(key, month)] = got[(key, month)]
    for chunk in _chunks(_rows(fresh)):
        tx.run(_CREATE, rows=chunk).consume()


def _cell_query(key: str, month: str) -> tuple[str, dict[str, Any]]:
    year, mon = int(month[:4]), int(month[5:7])
    nxt = f"{year + (mon == 12):04d}-{mon % 12 + 1:02d}-01"
    params: dict[str, Any] = {"lo": f"{month}-01", "hi": nxt}
    if key.startswith("a:"):
        params["a"] = key[2:]
        return _CELL_EVENTS["actor"], params
    if ">" in key:
        a, b = key.split(">")
        params.update(a=a[2:], b=b[2:])
        return _CELL_EVENTS["pair"], params
    params["a"] = key[2:]
    return _CELL_EVENTS["country"], params


def cells_of(rows: Iterable[dict[str, Any]], busy: Collection[str] = ()) -> set[tuple[str, str]]:
    """The (key, month) cells these event rows count in (moded rows included: harmless)."""
    out: set[tuple[str, str]] = set()
    for row in rows:
        month = (iso_text(row["date"]) or "")[:7]
        out.update((key, month) for key in event_keys(row, busy))
    return out


def busy_actors(tx: neo4j.ManagedTransaction, ids: Iterable[str]) -> set[str]:
    """Which of these actors are tallied."""
    return {
        rec["id"]
        for chunk in _chunks(sorted(set(ids)))
        for rec in tx.run(
            "UNWIND $ids AS id MATCH (a:Actor {id: id}) WHERE a.tallied RETURN a.id AS id",
            ids=chunk,
        )
    }


def promote(
    tx: neo4j.ManagedTransaction, ids: list[str] | None, most: int = BUSY_ACTOR_EVENTS
) -> list[str]:
    """Mark the actors (of `ids`, or all) that have more than `most` events and are not yet
    tallied, and write their cells from their events. Returns their ids."""
    if ids is None:
        promoted = [rec["id"] for rec in tx.run(_PROMOTE_ALL, most=most)]
    else:
        promoted = [
            rec["id"]
            for chunk in _chunks(ids)
            for rec in tx.run(_PROMOTE_SOME, ids=chunk, most=most)
        ]
    for actor_id in promoted:
        key = actor_key(actor_id)
        tx.run("MATCH (t:Tally) WHERE t.key = $key AND t.month IS NOT NULL DELETE t", key=key)
        rows = tx.run(_ACTOR_EVENTS.format(dates="e.date IS NOT NULL"), a=actor_id)
        cells = {
            k: c for k, c in tally((r.data() for r in rows), (actor_id,)).items() if k[0] == key
        }
        for chunk in _chunks(_rows(cells)):
            tx.run(_CREATE, rows=chunk).consume()
    return promoted


def rebuild(session: neo4j.Session, page: int = 50_000) -> int:
    """Drop every cell and tally all events again (a store written before tallies existed);
    busy actors are marked afresh by the next `promote`. Returns the number of cells written."""
    session.run("MATCH (t:Tally) CALL (t) { DELETE t } IN TRANSACTIONS OF 10000 ROWS").consume()
    session.run(
        "MATCH (a:Actor) WHERE a.tallied IS NOT NULL"
        " CALL (a) { REMOVE a.tallied } IN TRANSACTIONS OF 10000 ROWS"
    ).consume()
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
    rows = _rows(cells)
    for chunk in _chunks(rows):
        session.run(_CREATE, rows=chunk).consume()
    return len(rows)
