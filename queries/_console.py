"""The read-only Cypher console: a guard that refuses anything but reading, then a READ-mode
transaction with a server-side timeout and a row cap (defence in depth: either alone suffices
for writes, the guard also stops admin commands, procedures and multi-statement scripts)."""

from __future__ import annotations

import re
import time
from dataclasses import asdict, dataclass, field
from typing import Any

DEFAULT_TIMEOUT_S = 5.0
DEFAULT_ROW_CAP = 500
MAX_QUERY_CHARS = 10_000

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

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _plain(value: Any, graph: dict[str, dict[str, Any]]) -> Any:
    """Driver values as JSON-ready data; nodes and relationships are also gathered for the graph."""
    from neo4j.graph import Node, Path, Relationship

    item: dict[str, Any]
    if isinstance(value, Node):
        item = {
            "_type": "node",
            "element_id": value.element_id,
            "labels": sorted(value.labels),
            "properties": {k: _plain(v, graph) for k, v in value.items()},
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
            "properties": {k: _plain(v, graph) for k, v in value.items()},
        }
        for end in (value.start_node, value.end_node):
            if end is not None:
                _plain(end, graph)
        graph["relationships"][value.element_id] = item
        return item
    if isinstance(value, Path):
        return {
            "_type": "path",
            "nodes": [_plain(n, graph) for n in value.nodes],
            "relationships": [_plain(r, graph) for r in value.relationships],
        }
    if isinstance(value, dict):
        return {k: _plain(v, graph) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v, graph) for v in value]
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
) -> ConsoleResult:
    """Check, then run in a READ access-mode transaction with a server-side timeout; at most
    `row_cap` rows come back (`truncated` says when there were more)."""
    return execute_read(store, check_read_only(query), params, timeout_s, row_cap)


def execute_read(
    store: Any,
    statement: str,
    params: dict[str, Any] | None = None,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    row_cap: int = DEFAULT_ROW_CAP,
) -> ConsoleResult:
    """The second line of defence on its own (no clause guard): READ access mode, server-side
    transaction timeout, row cap. Tests call it directly to prove the server refuses writes."""
    from neo4j import READ_ACCESS

    driver = getattr(store, "driver", None)
    if driver is None:
        raise CypherRefused("the Cypher console needs the Neo4j backend (KG_STORE=neo4j)")
    graph: dict[str, dict[str, Any]] = {"nodes": {}, "relationships": {}}
    started = time.perf_counter()
    with driver.session(
        database=getattr(store, "database", None), default_access_mode=READ_ACCESS
    ) as session:
        tx = session.begin_transaction(timeout=timeout_s)
        try:
            result = tx.run(statement, params or {})
            columns = list(result.keys())
            records = result.fetch(row_cap + 1)
            truncated = len(records) > row_cap
            rows = [[_plain(v, graph) for v in rec.values()] for rec in records[:row_cap]]
        finally:
            tx.rollback() if not tx.closed() else None
    elapsed = (time.perf_counter() - started) * 1000
    return ConsoleResult(
        columns,
        rows,
        truncated,
        row_cap,
        round(elapsed, 1),
        {k: list(v.values()) for k, v in graph.items()},
    )


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
        "title": "Material conflict (QuadClass 4) in the last 90 days",
        "query": "MATCH (s:Actor)-[:SOURCE_OF]->(e:Event)-[:TARGET]->(t:Actor)\n"
        "WHERE e.quad_class = 4 AND e.date >= date() - duration('P90D')\n"
        "RETURN e.date AS date, s.name AS source, e.label AS action, t.name AS target\n"
        "ORDER BY date DESC LIMIT 50",
    },
    {
        "title": "Events reported by two or more articles",
        "query": "MATCH (e:Event)-[:REPORTED_IN]->(a:Article)\n"
        "WITH e, count(DISTINCT a) AS sources WHERE sources >= 2\n"
        "RETURN e.id AS event, e.date AS date, e.label AS action, sources\n"
        "ORDER BY sources DESC, date DESC LIMIT 25",
    },
    {
        "title": "An actor's neighbourhood as a graph",
        "query": "MATCH (s:Actor {country: 'USA'})-[r1:SOURCE_OF]->(e:Event)"
        "-[r2:TARGET]->(t:Actor)\n"
        "RETURN s, r1, e, r2, t LIMIT 40",
    },
    {
        "title": "Node labels in the graph",
        "query": "CALL db.labels() YIELD label RETURN label",
    },
]
