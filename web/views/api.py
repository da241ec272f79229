"""The OpenAPI document of the JSON API, and a health check."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, jsonify
from flask.typing import ResponseReturnValue
from markupsafe import Markup, escape

from kg import __version__
from web._app import get_queries
from web._format import add_routes, respond

bp = Blueprint("api", __name__)

_FILTERS = [
    ("from", "string", "date", "Earliest event date, inclusive (YYYY-MM-DD)."),
    ("to", "string", "date", "Latest event date, inclusive (YYYY-MM-DD)."),
    ("root", "string", None, "CAMEO root code(s), comma-separated, e.g. 04,12."),
    ("cameo", "string", None, "CAMEO code(s) or roots, each with its sub-codes: 111, 0871, 04."),
    ("quad", "string", None, "QuadClass(es) 1-4, comma-separated."),
    ("min_confidence", "number", None, "Minimum extraction confidence, 0..1."),
    ("outlet", "string", None, "Only events reported by this outlet (any case)."),
    ("include_modes", "string", None, "1 to include negated/hypothetical/future/question events."),
]


def _param(
    name: str, where: str, kind: str, fmt: str | None, text: str, required: bool = False
) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": kind}
    if fmt:
        schema["format"] = fmt
    return {"name": name, "in": where, "required": required, "description": text, "schema": schema}


# What the server accepts, stated in the document (schemathesis checks the two agree).
_CODES = r"(0?[1-9]|1[0-9]|20)"
_CAMEO = r"(0[1-9]|1[0-9]|20)[0-9]{0,2}"  # a root and up to two more digits
_FILTER_LIMITS: dict[str, dict[str, Any]] = {
    "root": {"pattern": rf"^{_CODES}(,{_CODES})*$"},
    "cameo": {"pattern": rf"^{_CAMEO}(,{_CAMEO})*$"},
    "quad": {"pattern": r"^[1-4](,[1-4])*$"},
    "min_confidence": {"minimum": 0, "maximum": 1},
}


def _filters() -> list[dict[str, Any]]:
    params = [_param(n, "query", k, f, t) for n, k, f, t in _FILTERS]
    for p in params:
        p["schema"].update(_FILTER_LIMITS.get(p["name"], {}))
    return params


def _bounded(p: dict[str, Any], lo: int, hi: int) -> dict[str, Any]:
    p["schema"].update(minimum=lo, maximum=hi)
    return p


EVENT_ID_TEXT = (
    "Event id: 'e-' and 16 hex digits, as in /events.json, an actor's or relationship's events and"
    " `kg extract` output. It hashes source, target, CAMEO code and date, so every report of the"
    " same event has the same id."
)
ARTICLE_ID_TEXT = (
    "Article id: 'a-' and 16 hex digits, as in an event's reports. It hashes the article's URL"
    " (or its text when it has none), so the same page ingested twice is one article."
)
JOB_ID_TEXT = (
    "Ingest job id: 16 hex digits, from the Location header POST /ingest answers with, the jobs"
    " listed by /ingest.json, or `kg jobs`."
)


def _id_param(name: str, pattern: str, text: str) -> dict[str, Any]:
    p = _param(name, "path", "string", None, text, True)
    p["schema"]["pattern"] = pattern
    return p


def _ref(name: str) -> dict[str, Any]:
    text = (
        "Actor id, a country's ISO3 code (all its actors), or a name or alias (404 with "
        "`suggestions` when it names no one actor or country)."
    )
    p = _param(name, "path", "string", None, text, True)
    p["schema"]["pattern"] = "^[A-Za-z0-9_-]+$"
    return p


def _op(summary: str, params: list[dict[str, Any]], schema: str, tag: str) -> dict[str, Any]:
    return {
        "get": {
            "summary": summary,
            "tags": [tag],
            "parameters": params,
            "responses": {
                "200": {
                    "description": "OK",
                    "content": {
                        "application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}
                    },
                },
                "400": {"$ref": "#/components/responses/Error"},
                "404": {"$ref": "#/components/responses/Error"},
            },
        }
    }


def _obj(*required: str, **props: Any) -> dict[str, Any]:
    return {"type": "object", "required": list(required), "properties": props}


STR, INT, NUM = {"type": "string"}, {"type": "integer"}, {"type": "number"}
NS = {"type": ["string", "null"]}
NN = {"type": ["number", "null"]}


def document() -> dict[str, Any]:
    actor_brief = _obj("id", "name", "kind", id=STR, name=STR, country=NS, kind=STR)
    report = _obj(
        "article_id",
        "sentence",
        article_id=STR,
        sentence=STR,
        start=INT,
        end=INT,
        url=NS,
        title=NS,
        outlet=NS,
        published=NS,
        source_text=NS,
        target_text=NS,
        highlights={
            "type": "array",
            "items": _obj(start=INT, end=INT, role=STR, resolved_to=NS),
        },
    )
    event = _obj(
        "id",
        "date",
        "source",
        "cameo",
        "quad_class",
        "goldstein",
        "reports",
        id=STR,
        date={"type": "string", "format": "date"},
        source={"$ref": "#/components/schemas/ActorBrief"},
        target={"oneOf": [{"$ref": "#/components/schemas/ActorBrief"}, {"type": "null"}]},
        cameo=STR,
        root=STR,
        label=STR,
        quad_class=INT,
        goldstein=NUM,
        plover=NS,
        action_text=STR,
        confidence=NUM,
        mode=NS,
        n_sources=INT,
        reports={"type": "array", "items": {"$ref": "#/components/schemas/Report"}},
    )
    events = {"type": "array", "items": {"$ref": "#/components/schemas/Event"}}
    ref = _obj(
        "kind",
        "id",
        "name",
        kind={"type": "string", "enum": ["actor", "country"]},
        id=STR,
        name=STR,
        country=NS,
        actor_kind=NS,
    )
    by_quad = {"type": "object", "additionalProperties": INT}
    direction = _obj(
        "total",
        "by_quad",
        source={"$ref": "#/components/schemas/ActorRef"},
        target={"$ref": "#/components/schemas/ActorRef"},
        total=INT,
        by_quad=by_quad,
        by_root={"type": "array", "items": _obj(root=STR, label=STR, events=INT)},
        goldstein_total=NUM,
        goldstein_mean=NN,
        top_actions={"type": "array", "items": _obj(cameo=STR, label=STR, events=INT)},
        first_date=NS,
        last_date=NS,
        recent=events,
    )
    bucket = _obj(
        "start",
        "total",
        "by_quad",
        start=STR,
        total=INT,
        by_quad=by_quad,
        goldstein_mean=NN,
        cooperation=INT,
        conflict=INT,
    )
    schemas = {
        "ActorBrief": actor_brief,
        "ActorRef": ref,
        "Report": report,
        "Event": event,
        "Direction": direction,
        "Relationship": _obj(
            "a",
            "b",
            "a_to_b",
            "b_to_a",
            a={"$ref": "#/components/schemas/ActorRef"},
            b={"$ref": "#/components/schemas/ActorRef"},
            a_to_b={"$ref": "#/components/schemas/Direction"},
            b_to_a={"$ref": "#/components/schemas/Direction"},
            total=INT,
            timeline={"type": "array", "items": bucket},
        ),
        "Timeline": _obj(
            "bucket", "buckets", bucket=STR, buckets={"type": "array", "items": bucket}
        ),
        "ActorProfile": _obj(
            "ref",
            "members",
            ref={"$ref": "#/components/schemas/ActorRef"},
            aliases={"type": "array", "items": STR},
            members={"type": "array", "items": {"$ref": "#/components/schemas/ActorBrief"}},
            events_as_source=INT,
            events_as_target=INT,
            by_quad=by_quad,
            recent=events,
            analytics=_analytics_schema(
                level={"type": "string", "enum": ["actor", "country"]},
                node={
                    "oneOf": [
                        {"type": "null"},
                        {
                            **_node(),
                            "properties": {
                                **_node()["properties"],
                                "dyads": {"type": "array", "items": _dyad()},
                            },
                        },
                    ]
                },
            ),
        ),
        "Search": _obj(
            "q",
            "results",
            q=STR,
            results={
                "type": "array",
                "items": _obj(
                    "kind",
                    "id",
                    "name",
                    kind=STR,
                    id=STR,
                    name=STR,
                    country=NS,
                    actor_kind=NS,
                    aliases={"type": "array", "items": STR},
                    matched=STR,
                ),
            },
        ),
        "Home": _obj(
            "overview",
            "top_dyads",
            "recent_events",
            "analytics",
            overview={"type": "object"},
            top_dyads={"type": "array", "items": {"type": "object"}},
            recent_events=events,
            analytics=_analytics_schema(actor=_level_overview(), country=_level_overview()),
        ),
        "Events": _obj(
            "events",
            "total",
            events=events,
            total=INT,
            offset=INT,
            limit=INT,
            page=INT,
            pages=INT,
            filters={"type": "object"},
        ),
        "Article": _obj(
            "id",
            "has_text",
            "passages",
            "events",
            id=STR,
            url=NS,
            title=NS,
            outlet=NS,
            published=NS,
            has_text={"type": "boolean"},
            passages={
                "type": "array",
                "items": _obj(
                    "start",
                    "end",
                    "text",
                    "event_ids",
                    start=INT,
                    end=INT,
                    text=STR,
                    event_ids={"type": "array", "items": STR},
                ),
            },
            events=events,
        ),
        "Graph": _obj(
            "centre",
            "nodes",
            "edges",
            centre={"$ref": "#/components/schemas/ActorRef"},
            nodes={"type": "array", "items": {"type": "object"}},
            edges={
                "type": "array",
                "items": _obj(source=STR, target=STR, events=INT, goldstein_mean=NN),
            },
        ),
        "Connection": _obj(
            "found",
            "actors",
            "events",
            found={"type": "boolean"},
            hops=INT,
            actors={"type": "array", "items": {"$ref": "#/components/schemas/ActorBrief"}},
            events=events,
        ),
        "Cypher": _obj(
            "backend",
            "q",
            backend=STR,
            q=STR,
            error=NS,
            result={
                "oneOf": [
                    {"type": "null"},
                    _obj(
                        "columns",
                        "rows",
                        columns={"type": "array", "items": STR},
                        rows={"type": "array", "items": {"type": "array"}},
                        truncated={"type": "boolean"},
                        row_cap=INT,
                        elapsed_ms=NUM,
                    ),
                ]
            },
        ),
        "Job": _obj(
            "id",
            "status",
            id=STR,
            status=STR,
            inputs={"type": "array", "items": STR},
            articles=INT,
            events=INT,
            errors={"type": "array", "items": STR},
        ),
        "Error": _obj("error", "status", error=STR, status=INT),
    }
    bucket_param = _param("bucket", "query", "string", None, "day, week or month.")
    bucket_param["schema"]["enum"] = ["day", "week", "month"]
    limit = _bounded(_param("limit", "query", "integer", None, "How many rows."), 1, 100)
    paths = {
        "/index.json": _op("Counts, busiest dyads, latest events", _filters(), "Home", "overview"),
        "/search.json": _op(
            "Actors and countries by name, alias or code (accent-insensitive, word prefixes)",
            [_param("q", "query", "string", None, "Search text."), limit],
            "Search",
            "actors",
        ),
        "/actors/{ref}.json": _op(
            "Actor or country profile", [_ref("ref"), limit, *_filters()], "ActorProfile", "actors"
        ),
        "/relationship/{a}/{b}.json": _op(
            "Both directions of a dyad: counts by root and QuadClass, Goldstein, top actions, "
            "first/last, latest events with evidence, timeline",
            [
                _ref("a"),
                _ref("b"),
                bucket_param,
                _bounded(
                    _param("recent", "query", "integer", None, "Latest events per direction."),
                    1,
                    500,
                ),
                *_filters(),
            ],
            "Relationship",
            "relationships",
        ),
        "/timeline.json": _op(
            "Events per QuadClass and mean Goldstein per bucket: every event, an actor or a dyad",
            [
                _param(
                    "actor", "query", "string", None, "Actor id, ISO3 or name; none: every event."
                ),
                _param("with", "query", "string", None, "Second actor or country (dyad)."),
                bucket_param,
                *_filters(),
            ],
            "Timeline",
            "relationships",
        ),
        "/events.json": _op(
            "Events, newest first, a page at a time, with the count of all that match",
            [
                _bounded(_param("limit", "query", "integer", None, "Events per page."), 1, 500),
                _bounded(_param("page", "query", "integer", None, "Page, from 1."), 1, 10**7),
                *[
                    _param(n, "query", "string", None, t)
                    for n, t in (
                        ("actor", "Events touching this actor or country (id, ISO3 or name)."),
                        ("with", "With actor: the events between the two, both ways."),
                        ("source", "Events from this actor or country (all given apply)."),
                        ("target", "Events to this actor or country."),
                    )
                ],
                *_filters(),
            ],
            "Events",
            "events",
        ),
        "/events/{id}.json": _op(
            "One event with every report (sentence, spans, article)",
            [_id_param("id", "^e-[0-9a-f]{16}$", EVENT_ID_TEXT)],
            "Event",
            "events",
        ),
        "/articles/{id}.json": _op(
            "An article's clean text cut into passages (each reporting sentence with its "
            "events) and the events it reports",
            [_id_param("id", "^a-[0-9a-f]{16}$", ARTICLE_ID_TEXT)],
            "Article",
            "events",
        ),
        "/graph/{ref}.json": _op(
            "Neighbourhood of an actor or country",
            [_ref("ref"), limit, *_filters()],
            "Graph",
            "relationships",
        ),
        "/connection/{a}/{b}.json": _op(
            "Shortest chain of events linking two actors",
            [_ref("a"), _ref("b"), *_filters()],
            "Connection",
            "relationships",
        ),
        "/cypher.json": _busy(
            _op(
                "Read-only Cypher (Neo4j backend; refused clauses give 400)",
                [
                    _param("q", "query", "string", None, "One read-only statement."),
                    _param(
                        "internal",
                        "query",
                        "string",
                        None,
                        "1 to keep internal labels and properties (tally nodes, search_text).",
                    ),
                ],
                "Cypher",
                "cypher",
            )
        ),
        "/sparql": _sparql_op(),
        "/ingest/jobs/{id}.json": _op(
            "An ingest job's status",
            [_id_param("id", "^[0-9a-f]{16}$", JOB_ID_TEXT)],
            "Job",
            "ingest",
        ),
        **_rdf_paths(),
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Diplomacy knowledge graph API",
            "version": __version__,
            "description": "Every page of the web UI has this JSON twin (and tables a CSV twin "
            "at .csv). Reads need `Authorization: Bearer <KG_READ_TOKEN>` when that is set; "
            "POST /ingest needs the write token.",
        },
        "paths": paths,
        "components": {
            "schemas": schemas,
            "responses": {
                "Error": {
                    "description": "The request cannot be answered; `error` says why.",
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}
                    },
                }
            },
            "securitySchemes": {"token": {"type": "http", "scheme": "bearer"}},
        },
    }


def _busy(op: dict[str, Any]) -> dict[str, Any]:
    """A query console: too many queries at once is a 429 with Retry-After."""
    op["get"]["responses"]["429"] = {
        "description": "KG_MAX_CONCURRENT_QUERIES queries are already running; retry after "
        "the Retry-After seconds",
        "headers": {"Retry-After": {"schema": INT}},
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }
    return op


def _sparql_op() -> dict[str, Any]:
    text = {"text/plain": {"schema": STR}}
    query = _param(
        "query",
        "query",
        "string",
        None,
        "A SPARQL 1.1 SELECT, ASK, CONSTRUCT or "
        "DESCRIBE query (POST: form field or application/sparql-query body).",
        True,
    )
    return {
        "get": {
            "summary": "SPARQL 1.1 Protocol over the RDF view of the graph (read-only); the "
            "answer follows Accept. A browser gets the query form (/sparql.json is its twin)",
            "tags": ["rdf"],
            "parameters": [query],
            "responses": {
                "200": {
                    "description": "SELECT/ASK: SPARQL results (JSON by default, XML, CSV, TSV); "
                    "CONSTRUCT/DESCRIBE: RDF (Turtle by default, N-Triples, JSON-LD, RDF/XML)",
                    "content": {
                        "application/sparql-results+json": {"schema": {"type": "object"}},
                        "text/turtle": {"schema": STR},
                    },
                },
                "400": {
                    "description": "Syntax error, update, SERVICE, dataset parameters, or an "
                    "answer larger than KG_MAX_RESULT_BYTES",
                    "content": text,
                },
                "429": {
                    "description": "KG_MAX_CONCURRENT_QUERIES queries are already running",
                    "headers": {"Retry-After": {"schema": INT}},
                    "content": text,
                },
                "503": {"description": "Time limit passed, or the store is down", "content": text},
            },
        }
    }


def _analytics_schema(**props: Any) -> dict[str, Any]:
    """`analytics` on home and actor pages: computed in the background, so `status` says
    whether the numbers are there yet (computing, ready, error)."""
    return _obj(
        "status",
        status={"type": "string", "enum": ["computing", "ready", "error"]},
        computed_at=NS,
        seconds=NN,
        refreshing={"type": "boolean"},
        error=STR,
        **props,
    )


def _node() -> dict[str, Any]:
    return _obj(
        "id",
        "pagerank",
        "weighted_degree",
        "pagerank_rank",
        "degree_rank",
        id=STR,
        label=STR,
        country=NS,
        kind=NS,
        pagerank=NUM,
        weighted_degree=NUM,
        in_events=NUM,
        out_events=NUM,
        betweenness=NUM,
        community={"type": ["integer", "null"]},
        pagerank_rank=INT,
        degree_rank=INT,
    )


def _dyad() -> dict[str, Any]:
    return _obj(
        "source",
        "target",
        "events",
        "balance",
        source=STR,
        target=STR,
        source_label=STR,
        target_label=STR,
        events=INT,
        balance=NUM,
        mean_goldstein=NUM,
    )


def _level_overview() -> dict[str, Any]:
    rows = {"type": "array", "items": _node()}
    return _obj(
        "node_count",
        "top_pagerank",
        "top_degree",
        "communities",
        "most_cooperative",
        "most_conflictual",
        node_count=INT,
        dyad_count=INT,
        event_edges=INT,
        top_pagerank=rows,
        top_degree=rows,
        community_count=INT,
        communities={"type": "array", "items": _obj("size", index=INT, size=INT, members=rows)},
        most_cooperative={"type": "array", "items": _dyad()},
        most_conflictual={"type": "array", "items": _dyad()},
    )


# JSON-LD is JSON (an expanded document: a list of node objects); the rest are text.
_RDF_SCHEMAS: dict[str, Any] = {"application/ld+json": {"type": ["array", "object"]}}
_RDF_EXTS = {"ttl": "turtle", "nt": "nt", "jsonld": "jsonld", "rdf": "xml", "trig": "trig"}


def _rdf_op(summary: str, params: list[dict[str, Any]], media: list[str]) -> dict[str, Any]:
    dates = [p for p in _filters() if p["name"] in ("from", "to")]
    return {
        "get": {
            "summary": summary,
            "tags": ["rdf"],
            "parameters": params + dates,
            "responses": {
                "200": {
                    "description": "The RDF document (streamed; Content-Disposition names it)",
                    "content": {m: {"schema": _RDF_SCHEMAS.get(m, STR)} for m in media},
                },
                "400": {"$ref": "#/components/responses/Error"},
                "404": {"$ref": "#/components/responses/Error"},
            },
        }
    }


def _rdf_paths() -> dict[str, Any]:
    """RDF downloads (web/views/rdf.py): whole graph, an actor or country, a dyad."""
    from kg.rdf import MEDIA_TYPES

    fmt = _param("format", "query", "string", None, "RDF format (default turtle).")
    fmt["schema"]["enum"] = [*MEDIA_TYPES, *_RDF_EXTS]
    paths: dict[str, Any] = {
        "/export": _rdf_op("The whole graph as RDF", [fmt], sorted(set(MEDIA_TYPES.values())))
    }
    for ext, name in _RDF_EXTS.items():
        media = [MEDIA_TYPES[name]]
        paths[f"/export.{ext}"] = _rdf_op(f"The whole graph as {name} RDF", [], media)
        paths[f"/actors/{{ref}}.{ext}"] = _rdf_op(
            f"Events touching an actor (a country: any of its actors), {name} RDF",
            [_ref("ref")],
            media,
        )
        paths[f"/relationship/{{a}}/{{b}}.{ext}"] = _rdf_op(
            f"A dyad's events, both directions, {name} RDF", [_ref("a"), _ref("b")], media
        )
    return paths


@bp.route("/openapi.json")
def openapi() -> ResponseReturnValue:
    return jsonify(document())


def docs(fmt: str | None = None) -> ResponseReturnValue:
    """The same document for people: every path with its parameters and responses."""
    doc = document()
    ops = operations(doc)
    rows = [
        {
            "method": o["method"].upper(),
            "path": o["path"],
            "summary": o["summary"],
            "tags": o["tags"],
            "parameters": [p["name"] for p in o["parameters"]],
            "responses": [r["status"] for r in o["responses"]],
        }
        for o in ops
    ]
    table = (rows, ["method", "path", "summary", "tags", "parameters", "responses"], "api")
    schemas = _schema_rows(doc)
    names = {s["name"] for s in schemas}
    intro = _code_spans(doc["info"]["description"])
    return respond(
        fmt, "api.html", doc, table, ops=ops, schemas=schemas, schema_names=names, intro=intro
    )


def _code_spans(text: str) -> Markup:
    """The document's `code` spans as <code> (the text itself escaped)."""
    parts = str(escape(text)).split("`")
    return Markup("".join(f"<code>{p}</code>" if i % 2 else p for i, p in enumerate(parts)))


add_routes(bp, "/api", docs)


def _resolve(doc: dict[str, Any], item: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in item:
        node: Any = doc
        for part in item["$ref"].lstrip("#/").split("/"):
            node = node[part]
        item = node
    return item


def type_text(schema: dict[str, Any]) -> str:
    """A schema as a short phrase: 'string (date)', 'array of Event', 'Event or null'."""
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    if "oneOf" in schema:
        return " or ".join(type_text(s) for s in schema["oneOf"])
    kind = schema.get("type", "any")
    kinds = kind if isinstance(kind, list) else [kind]
    if "array" in kinds and "items" in schema:
        return "array of " + type_text(schema["items"])
    text = " or ".join(kinds)
    return f"{text} ({schema['format']})" if "format" in schema else text


def _limits_text(schema: dict[str, Any]) -> str:
    parts = []
    if "enum" in schema:
        parts.append("one of " + ", ".join(str(v) for v in schema["enum"]))
    if "minimum" in schema or "maximum" in schema:
        parts.append(f"{schema.get('minimum', '…')}–{schema.get('maximum', '…')}")
    if "pattern" in schema:
        parts.append(f"matches {schema['pattern']}")
    return "; ".join(parts)


def operations(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """Every (path, method) of the document, references resolved, in document order."""
    out = []
    for path, methods in doc["paths"].items():
        for method, op in methods.items():
            params = [_resolve(doc, p) for p in op.get("parameters", [])]
            responses = []
            for status, response in op.get("responses", {}).items():
                resolved = _resolve(doc, response)
                content = resolved.get("content", {})
                responses.append(
                    {
                        "status": status,
                        "description": resolved.get("description", ""),
                        "media": [
                            {"type": media, "schema": type_text(spec.get("schema", {}))}
                            for media, spec in content.items()
                        ],
                        "headers": sorted(resolved.get("headers", {})),
                    }
                )
            out.append(
                {
                    "anchor": f"{method}-{path}".replace("/", "-")
                    .replace("{", "")
                    .replace("}", ""),
                    "path": path,
                    "method": method,
                    "summary": op.get("summary", ""),
                    "tags": op.get("tags", []),
                    "parameters": [
                        {
                            "name": p["name"],
                            "in": p["in"],
                            "required": p.get("required", False),
                            "type": type_text(p.get("schema", {})),
                            "limits": _limits_text(p.get("schema", {})),
                            "description": p.get("description", ""),
                        }
                        for p in params
                    ],
                    "responses": responses,
                }
            )
    return out


def _schema_rows(doc: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for name, schema in doc["components"]["schemas"].items():
        required = set(schema.get("required", []))
        props = [
            {"name": p, "type": type_text(s), "required": p in required}
            for p, s in schema.get("properties", {}).items()
        ]
        rows.append({"name": name, "type": type_text(schema), "properties": props})
    return rows


@bp.route("/healthz")
def health() -> ResponseReturnValue:
    q = get_queries()
    return jsonify({"status": "ok", "backend": q.backend})
