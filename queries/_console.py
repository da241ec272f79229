"""The read-only Cypher console: a guard that refuses anything but reading, then a READ-mode
transaction with a server-side timeout and a row cap (defence in depth: either alone suffices
for writes, the guard also stops admin commands, procedures and multi-statement scripts)."""

from __future__ import annotations

import json
import re
import time
from dataclasses import asdict, dataclass, field
from typing import Any

from kg.config import Settings

DEFAULT_TIMEOUT_S = 5.0
DEFAULT_ROW_CAP = 500
MAX_QUERY_CHARS = 10_000
DEFAULT_MAX_BYTES = Settings.max_result_bytes  # the setting's default (KG_MAX_RESULT_BYTES)
FETCH_SIZE = 100  # rows pulled from the server at a time, so the byte cap is checked early

# Store bookkeeping an analyst did not ask about: tally cells, the search column, copies of
# the endpoints on events (they exist for indexes). Hidden from results unless the query names
# them or the caller asks for internals.
INTERNAL_LABELS = frozenset({"Tally"})
INTERNAL_PROPERTIES = frozenset(
    {
        "search_text",
        "tallied",
        "text_hash",
        "source_id",
        "target_id",
        "source_country",
        "target_country",
    }
)

# Procedures an analyst may CALL: schema introspection only.
ALLOWED_PROCEDURES = frozenset(
    {
        "db.labels",
        "db.relationshiptypes",
        "db.propertykeys",
        "db.schema.visualization",
        "db.schema.nodetypeproperties",
        "db.schema.reltypeproperties",
    }
)
_ALLOWED_SHOW = ("INDEX", "INDEXES", "CONSTRAINT", "CONSTRAINTS", "FUNCTIONS", "PROCEDURES")

# (pattern over the cleaned query, what the analyst is told)
_REFUSED: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p, re.IGNORECASE), why)
    for p, why in [
        (r"\bLOAD\s+CSV\b", "LOAD CSV reads files and URLs from the server"),
        (r"\bCREATE\b", "CREATE writes to the graph or the schema"),
        (r"\bMERGE\b", "MERGE writes to the graph"),
        (r"\bSET\b", "SET writes properties or labels"),
        (r"\bDETACH\b", "DETACH DELETE removes nodes"),
        (r"\bDELETE\b", "DELETE removes nodes or relationships"),
        (r"\bREMOVE\b", "REMOVE deletes properties or labels"),
        (r"\bDROP\b", "DROP changes the schema or databases"),
        (r"\bFOREACH\b", "FOREACH only exists to write"),
        (r"\bIN\s+TRANSACTIONS\b", "CALL { } IN TRANSACTIONS is for batched writes"),
        (r"\bPERIODIC\s+COMMIT\b", "PERIODIC COMMIT is for batched writes"),
        (r"\bUSE\b", "USE switches database (the console reads the graph database only)"),
        (r"\b(GRANT|REVOKE|DENY)\b", "privilege commands are administration"),
        (r"\bALTER\b", "ALTER is administration"),
        (r"\bRENAME\b", "RENAME is administration"),
        (r"\b(START|STOP)\s+DATABASE\b", "starting or stopping databases is administration"),
        (r"\bTERMINATE\b", "TERMINATE is administration"),
        (r"\b(ENABLE|DEALLOCATE|REALLOCATE)\s+SERVERS?\b", "server commands are administration"),
        (r"\bDRYRUN\b", "DRYRUN is administration"),
    ]
]
_CALL = re.compile(r"\bCALL\s*([A-Za-z_][\w.]*|\{|\()", re.IGNORECASE)
_SHOW = re.compile(
    r"\bSHOW\s+(?:ALL\s+|BTREE\s+|RANGE\s+|TEXT\s+|POINT\s+|LOOKUP\s+|FULLTEXT\s+|"
    r"VECTOR\s+|UNIQUE\s+|EXISTENCE\s+|KEY\s+|NODE\s+|RELATIONSHIP\s+|"
    r"BUILT\s+IN\s+|USER\s+DEFINED\s+|PROPERTY\s+)*(\w+)",
    re.IGNORECASE,
)


class CypherRefused(ValueError):
    """The console will not run this statement; the message says which clause and why."""


def _clean(query: str) -> str:
    """The query with comments removed and string literals / quoted names blanked, so that
    keywords inside 'text' or `names` are not mistaken for clauses."""
    out: list[str] = []
    i, n = 0, len(query)
    while i < n:
        ch = query[i]
        if query.startswith("//", i):
            j = query.find("\n", i)
            i = n if j < 0 else j
            continue
        if query.startswith("/*", i):
            j = query.find("*/", i + 2)
            if j < 0:
                raise CypherRefused("unterminated /* comment")
            out.append(" ")
            i = j + 2
            continue
        if ch in "'\"`":
            j = i + 1
            while j < n and query[j] != ch:
                j += 2 if query[j] == "\\" and ch != "`" else 1
            if j >= n:
                raise CypherRefused(f"unterminated quote {ch} in the query")
            out.append(" '' " if ch != "`" else " _q_ ")
            i = j + 1
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def check_read_only(query: str) -> str:
    """Return the statement (without a trailing semicolon) or raise CypherRefused."""
    if not query or not query.strip():
        raise CypherRefused("the query is empty")
    if len(query) > MAX_QUERY_CHARS:
        raise CypherRefused(f"the query is longer than {MAX_QUERY_CHARS} characters")
    cleaned = _clean(query).strip()
    body = cleaned.rstrip().rstrip(";").rstrip()
    if ";" in body:
        raise CypherRefused("multiple statements are not allowed: send one query at a time")
    # A keyword right after '.' is a property name (n.set), not a clause.
    probe = re.sub(r"\.\s*\w+", ".p", body)
    for pattern, why in _REFUSED:
        m = pattern.search(probe)
        if m:
            raise CypherRefused(
                f"refused: {m.group(0).upper()} is not allowed in the read-only console ({why})"
            )
    for m in _CALL.finditer(body):
        target = m.group(1)
        if target in ("{", "("):
            continue  # a subquery; its clauses were checked above
        if target.lower() not in ALLOWED_PROCEDURES:
            raise CypherRefused(
                f"refused: CALL {target} is not allowed in the read-only console (only "
                f"{', '.join(sorted(ALLOWED_PROCEDURES))} may be called; dbms.*, apoc.* and other "
                "procedures can change data or the server)"
            )
    for m in _SHOW.finditer(probe):
        if m.group(1).upper() not in _ALLOWED_SHOW:
            raise CypherRefused(
                f"refused: SHOW {m.group(1).upper()} is administration; the console allows "
                "SHOW INDEXES, CONSTRAINTS, FUNCTIONS and PROCEDURES"
            )
    stripped = query.strip()
    return stripped[:-1].rstrip() if stripped.endswith(";") else stripped


@dataclass
class ConsoleResult:
    columns: list[str]
    rows: list[list[Any]]
    truncated: bool
    row_cap: int
    elapsed_ms: float
    graph: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    truncated_by: str | None = None  # "rows" (row_cap) or "bytes" (max_bytes)
    max_bytes: int | None = None
    hidden: list[str] = field(default_factory=list)  # internal labels/properties left out

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class _Hide:
    """What to leave out of one query's results; `seen` records what actually was."""

    labels: frozenset[str]
    properties: frozenset[str]
    seen: set[str] = field(default_factory=set)

    @classmethod
    def for_query(cls, query: str, show_internal: bool) -> _Hide:
        if show_internal:
            return cls(frozenset(), frozenset())

        def named(word: str) -> bool:  # the query asks for it by name
            return re.search(rf"\b{re.escape(word)}\b", query, re.IGNORECASE) is not None

        return cls(
            frozenset(w for w in INTERNAL_LABELS if not named(w)),
            frozenset(w for w in INTERNAL_PROPERTIES if not named(w)),
        )

    def props(self, items: Any) -> dict[str, Any]:
        out = {}
        for k, v in items:
            if k in self.properties:
                self.seen.add(k)
            else:
                out[k] = v
        return out


def _plain(value: Any, graph: dict[str, dict[str, Any]], hide: _Hide) -> Any:
    """Driver values as JSON-ready data; nodes and relationships are also gathered for the graph."""
    from neo4j.graph import Node, Path, Relationship

    item: dict[str, Any]
    if isinstance(value, Node):
        internal = sorted(value.labels & hide.labels)
        if internal:  # a bookkeeping node: say what it is, show nothing of it, draw nothing
            hide.seen.update(internal)
            return {
                "_type": "node",
                "element_id": value.element_id,
                "labels": sorted(value.labels),
                "properties": {},
                "internal": True,
            }
        item = {
            "_type": "node",
            "element_id": value.element_id,
            "labels": sorted(value.labels),
            "properties": {k: _plain(v, graph, hide) for k, v in hide.props(value.items()).items()},
        }
        graph["nodes"][value.element_id] = item
        return item
    if isinstance(value, Relationship):
        item = {
            "_type": "relationship",
            "element_id": value.element_id,
            "type": value.type,
            "start": value.start_node.element_id if value.start_node else None,
            "end": value.end_node.element_id if value.end_node else None,
            "properties": {k: _plain(v, graph, hide) for k, v in hide.props(value.items()).items()},
        }
        for end in (value.start_node, value.end_node):
            if end is not None:
                _plain(end, graph, hide)
        graph["relationships"][value.element_id] = item
        return item
    if isinstance(value, Path):
        return {
            "_type": "path",
            "nodes": [_plain(n, graph, hide) for n in value.nodes],
            "relationships": [_plain(r, graph, hide) for r in value.relationships],
        }
    if isinstance(value, dict):
        return {k: _plain(v, graph, hide) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v, graph, hide) for v in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    iso = getattr(value, "iso_format", None)
    return iso() if iso else str(value)


def run_read_query(
    store: Any,
    query: str,
    params: dict[str, Any] | None = None,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    row_cap: int = DEFAULT_ROW_CAP,
    max_bytes: int = DEFAULT_MAX_BYTES,
    show_internal: bool = False,
) -> ConsoleResult:
    """Check, then run in a READ access-mode transaction with a server-side timeout; at most
    `row_cap` rows and `max_bytes` bytes (as JSON) come back (`truncated_by` says which cap
    stopped it). Internal labels and properties are left out unless the query names them or
    `show_internal` is set."""
    return execute_read(
        store, check_read_only(query), params, timeout_s, row_cap, max_bytes, show_internal
    )


def execute_read(
    store: Any,
    statement: str,
    params: dict[str, Any] | None = None,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    row_cap: int = DEFAULT_ROW_CAP,
    max_bytes: int = DEFAULT_MAX_BYTES,
    show_internal: bool = False,
) -> ConsoleResult:
    """The second line of defence on its own (no clause guard): READ access mode, server-side
    transaction timeout, row and byte caps. Tests call it directly to prove the server refuses
    writes."""
    from neo4j import READ_ACCESS

    driver = getattr(store, "driver", None)
    if driver is None:
        raise CypherRefused("the Cypher console needs the Neo4j backend (KG_STORE=neo4j)")
    hide = _Hide.for_query(statement, show_internal)
    graph: dict[str, dict[str, Any]] = {"nodes": {}, "relationships": {}}
    rows: list[list[Any]] = []
    size, truncated_by = 0, None
    started = time.perf_counter()
    with driver.session(
        database=getattr(store, "database", None),
        default_access_mode=READ_ACCESS,
        fetch_size=FETCH_SIZE,
    ) as session:
        tx = session.begin_transaction(timeout=timeout_s)
        try:
            result = tx.run(statement, params or {})
            columns = list(result.keys())
            for record in result:
                if len(rows) == row_cap:
                    truncated_by = "rows"
                    break
                found: dict[str, dict[str, Any]] = {"nodes": {}, "relationships": {}}
                row = [_plain(v, found, hide) for v in record.values()]
                size += len(json.dumps(row, ensure_ascii=False))
                if size > max_bytes:  # this row would pass the cap: stop before it
                    truncated_by = "bytes"
                    break
                rows.append(row)
                for kind, items in found.items():
                    graph[kind].update(items)
        finally:
            tx.rollback() if not tx.closed() else None
    elapsed = (time.perf_counter() - started) * 1000
    return ConsoleResult(
        columns,
        rows,
        truncated_by is not None,
        row_cap,
        round(elapsed, 1),
        {k: list(v.values()) for k, v in graph.items()},
        truncated_by,
        max_bytes,
        sorted(hide.seen),
    )


# Saved queries for the console; each returns rows on the demo corpus, whatever today's date
# is (tests/web/test_saved_queries.py runs them all).
EXAMPLES: list[dict[str, str]] = [
    {
        "title": "Mexico → United States, latest events with their sentences",
        "query": "MATCH (s:Actor {country: 'MEX'})-[:SOURCE_OF]->(e:Event)-[:TARGET]->"
        "(t:Actor {country: 'USA'})\nMATCH (e)-[r:REPORTED_IN]->(a:Article)\n"
        "RETURN e.date AS date, s.name AS source, e.label AS action, t.name AS target,"
        " r.sentence AS sentence\nORDER BY date DESC LIMIT 25",
    },
    {
        "title": "Busiest country pairs",
        "query": "MATCH (s:Actor)-[:SOURCE_OF]->(e:Event)-[:TARGET]->(t:Actor)\n"
        "WHERE e.mode IS NULL AND s.country <> t.country\n"
        "RETURN s.country AS source, t.country AS target, count(*) AS events,\n"
        "       round(avg(e.goldstein), 2) AS mean_goldstein\nORDER BY events DESC LIMIT 20",
    },
    {
        "title": "Latest material conflict (QuadClass 4)",
        "query": "MATCH (s:Actor)-[:SOURCE_OF]->(e:Event)-[:TARGET]->(t:Actor)\n"
        "WHERE e.quad_class = 4 AND e.mode IS NULL\n"
        "RETURN e.date AS date, s.name AS source, e.label AS action, t.name AS target\n"
        "ORDER BY date DESC LIMIT 50",
    },
    {
        "title": "Events and the articles reporting them, most reported first",
        "query": "MATCH (e:Event)-[:REPORTED_IN]->(a:Article)\n"
        "WITH e, count(DISTINCT a) AS sources, collect(a.outlet)[0] AS outlet\n"
        "RETURN e.id AS event, e.date AS date, e.label AS action, sources, outlet\n"
        "ORDER BY sources DESC, date DESC LIMIT 25",
    },
    {
        "title": "An actor's neighbourhood as a graph",
        "query": "MATCH (s:Actor {country: 'USA'})-[r1:SOURCE_OF]->(e:Event)"
        "-[r2:TARGET]->(t:Actor)\n"
        "RETURN s, r1, e, r2, t LIMIT 40",
    },
    {
        "title": "Nodes per label",
        "query": "MATCH (n) WHERE NOT n:Tally\n"
        "RETURN labels(n)[0] AS label, count(*) AS nodes ORDER BY nodes DESC",
    },
]
