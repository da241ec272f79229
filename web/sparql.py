"""GET/POST /sparql: the read-only SPARQL 1.1 Protocol endpoint over the current graph, and,
for a browser (Accept prefers text/html), a query form with saved examples and the answer as
a table; `/sparql.json` is that page's JSON twin.

The engine is kg.rdf's (pyoxigraph in a worker process with a time limit); this module only
speaks HTTP: the query comes as the `query` parameter (GET or form POST) or as an
application/sparql-query body; results follow Accept (SPARQL JSON by default, Turtle for
CONSTRUCT/DESCRIBE). Errors are 400 (bad request/query, updates, an answer past
KG_MAX_RESULT_BYTES), 429 (KG_MAX_CONCURRENT_QUERIES already running) or 503 (time limit,
store). Register with `app.register_blueprint(web.sparql.bp)`; the app must carry
app.extensions["kg"] = {"store": ..., "settings": ...} as web/_app.py sets up (plus its query
slots; an app without them runs queries unthrottled).
"""

from __future__ import annotations

import contextlib
import json
from typing import Any

from flask import Blueprint, Response, current_app, jsonify, render_template, request

from kg.rdf import SparqlError, SparqlTimeout, run_query
from kg.rdf._sparql import GRAPH_TYPES, RESULT_TYPES
from kg.stores import StoreError
from web._limits import TooBusy

bp = Blueprint("sparql", __name__)

DEFAULT_TIMEOUT_S = 10.0
PAGE_ROWS = 1000  # rows the HTML page shows (the JSON twin has all of them)
_PAGE_ACCEPT = "application/sparql-results+json, application/n-triples"

NAMESPACES = {
    "kg": "https://diplomacy-kg.example.org/ns#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    "sem": "http://semanticweb.cs.vu.nl/2009/11/sem/",
    "dcterms": "http://purl.org/dc/terms/",
    "schema": "https://schema.org/",
}
_USED = ("kg", "rdfs", "skos", "prov", "nif", "sem", "dcterms", "schema")
PREFIXES = "".join(f"PREFIX {p}: <{NAMESPACES[p]}>\n" for p in _USED)

# Saved queries for the form. They use only the fixed vocabulary (no instance IRIs, which
# depend on KG_RDF_BASE), and each returns rows on the demo corpus (tests/web/test_saved_queries).
EXAMPLES: list[dict[str, str]] = [
    {
        "title": "Rejections (CAMEO root 12): who, whom, and the sentence",
        "query": PREFIXES
        + """SELECT ?date ?source ?action ?target ?sentence WHERE {
  ?e kg:root/skos:notation "12" ; sem:hasTimeStamp ?date ; rdfs:label ?action ;
     kg:source/rdfs:label ?source ; kg:target/rdfs:label ?target ;
     prov:wasDerivedFrom/nif:anchorOf ?sentence .
  FILTER NOT EXISTS { ?e kg:mode ?m }
} ORDER BY DESC(?date)""",
    },
    {
        "title": "Mexico and the United States, both directions, by date",
        "query": PREFIXES
        + """SELECT ?date ?source ?action ?target WHERE {
  ?e kg:source ?s ; kg:target ?t ; sem:hasTimeStamp ?date ; rdfs:label ?action .
  ?s kg:countryCode ?sc ; rdfs:label ?source .
  ?t kg:countryCode ?tc ; rdfs:label ?target .
  FILTER ((?sc = "MEX" && ?tc = "USA") || (?sc = "USA" && ?tc = "MEX"))
  FILTER NOT EXISTS { ?e kg:mode ?m }
} ORDER BY ?date""",
    },
    {
        "title": "Busiest country pairs, with mean Goldstein",
        "query": PREFIXES
        + """SELECT ?source ?target (COUNT(?e) AS ?events)
       (ROUND(AVG(?g) * 100) / 100 AS ?mean_goldstein) WHERE {
  ?e kg:source/kg:countryCode ?source ; kg:target/kg:countryCode ?target ;
     kg:goldstein ?g .
  FILTER (?source != ?target)
  FILTER NOT EXISTS { ?e kg:mode ?m }
} GROUP BY ?source ?target ORDER BY DESC(?events) LIMIT 20""",
    },
    {
        "title": "Events per QuadClass (1 verbal cooperation … 4 material conflict)",
        "query": PREFIXES
        + """SELECT ?quad_class (COUNT(?e) AS ?events) WHERE {
  ?e a sem:Event ; kg:quadClass ?quad_class .
  FILTER NOT EXISTS { ?e kg:mode ?m }
} GROUP BY ?quad_class ORDER BY ?quad_class""",
    },
    {
        "title": "Articles and how many events each reports",
        "query": PREFIXES
        + """SELECT ?title ?outlet ?published (COUNT(DISTINCT ?e) AS ?events) WHERE {
  ?e prov:wasDerivedFrom/dcterms:isPartOf ?a .
  ?a dcterms:title ?title ; kg:outlet ?outlet ; schema:datePublished ?published .
} GROUP BY ?title ?outlet ?published ORDER BY DESC(?events) ?published""",
    },
    {
        "title": "CAMEO codes in use, with their SKOS labels",
        "query": PREFIXES
        + """SELECT ?code ?label (COUNT(?e) AS ?events) WHERE {
  ?e kg:cameo ?c . ?c skos:notation ?code ; skos:prefLabel ?label .
} GROUP BY ?code ?label ORDER BY DESC(?events) ?code LIMIT 25""",
    },
    {
        "title": "Everything said about an actor (DESCRIBE)",
        "query": PREFIXES + 'DESCRIBE ?a WHERE { ?a rdfs:label "Claudia Sheinbaum" }',
    },
]


def _plain(status: int, message: str) -> Response:
    return Response(message + "\n", status=status, mimetype="text/plain")


def _kg() -> dict[str, Any]:
    kg: dict[str, Any] = current_app.extensions.get("kg", {})
    return kg


def _limits() -> tuple[float, int | None]:
    settings = _kg().get("settings")
    timeout = float(current_app.config.get("KG_SPARQL_TIMEOUT", DEFAULT_TIMEOUT_S))
    return timeout, (settings.max_result_bytes if settings is not None else None)


def _run(query: str, accept: str | None) -> tuple[str, bytes]:
    """The query through the engine, holding one of the app's query slots (TooBusy if none)."""
    kg = _kg()
    store = kg.get("store")
    if store is None:
        raise StoreError("no graph store is configured for this app")
    settings = kg.get("settings")
    timeout, max_bytes = _limits()
    slots = kg.get("query_slots")
    with slots.slot("SPARQL", timeout) if slots is not None else contextlib.nullcontext():
        return run_query(
            store,
            query,
            timeout,
            accept=accept,
            base=settings.rdf_base if settings is not None else None,
            max_bytes=max_bytes,
        )


def _wants_page() -> bool:
    """A browser: text/html named in Accept, above every SPARQL result or graph type (a
    protocol client, or `*/*` alone, gets SPARQL results as before)."""
    accept = request.accept_mimetypes
    html = max((q for m, q in accept if m == "text/html"), default=0)
    sparql = max((q for m, q in accept if m in RESULT_TYPES or m in GRAPH_TYPES), default=0)
    return html > 0 and html > sparql


@bp.route("/sparql", methods=["GET", "POST"])
def sparql() -> Any:
    if _wants_page() and request.mimetype in ("", "application/x-www-form-urlencoded"):
        return page(None)
    if request.method == "GET":
        query = request.args.get("query")
    else:
        mimetype = request.mimetype
        if mimetype == "application/sparql-query":
            query = request.get_data(as_text=True)
        elif mimetype == "application/x-www-form-urlencoded":
            if "update" in request.form:
                return _plain(400, "SPARQL Update is not allowed: this endpoint is read-only")
            query = request.form.get("query")
        elif mimetype == "application/sparql-update":
            return _plain(400, "SPARQL Update is not allowed: this endpoint is read-only")
        else:
            return _plain(
                400,
                f"unsupported request body type {mimetype or '(none)'!r}: send"
                " application/sparql-query or a form with a 'query' field",
            )
    params = request.values if request.method == "POST" else request.args
    if any(params.getlist(p) for p in ("default-graph-uri", "named-graph-uri")):
        return _plain(
            400,
            "this endpoint has one graph: default-graph-uri and named-graph-uri are not supported",
        )
    try:
        content_type, body = _run(query or "", request.headers.get("Accept"))
    except TooBusy as exc:
        resp = _plain(429, str(exc))
        resp.headers["Retry-After"] = str(exc.retry_after)
        return resp
    except SparqlError as exc:
        return _plain(400, str(exc))
    except SparqlTimeout as exc:
        return _plain(503, str(exc))
    except StoreError as exc:
        return _plain(503, f"the graph store is unavailable: {exc}")
    resp = Response(body, status=200, content_type=content_type)
    resp.headers["Vary"] = "Accept"
    return resp


@bp.route("/sparql.json", methods=["GET", "POST"])
def page(fmt: str | None = "json") -> Any:
    """The query form: examples, limits and, for a query, its answer as a table."""
    query = (request.form if request.method == "POST" else request.args).get("query") or ""
    timeout, max_bytes = _limits()
    data: dict[str, Any] = {
        "query": query,
        "examples": EXAMPLES,
        "time_limit_s": timeout,
        "max_result_bytes": max_bytes,
        "result": None,
        "error": None,
    }
    status, headers = 200, {}
    if query.strip():
        try:
            data["result"] = _table(*_run(query, _PAGE_ACCEPT))
        except TooBusy as exc:
            data["error"], status = str(exc), 429
            headers["Retry-After"] = str(exc.retry_after)
        except SparqlError as exc:
            data["error"], status = str(exc), 400
        except SparqlTimeout as exc:
            data["error"], status = str(exc), 503
        except StoreError as exc:
            data["error"], status = f"the graph store is unavailable: {exc}", 503
    if fmt == "json":
        return jsonify(data), status, headers
    rows = data["result"]["rows"] if data["result"] else []
    settings = _kg().get("settings")
    base = settings.rdf_base if settings is not None else ""
    shown = [[_cell(term, base) for term in row] for row in rows[:PAGE_ROWS]]
    html = render_template("sparql.html", data=data, rows=shown, page_rows=PAGE_ROWS)
    return html, status, headers


def _table(content_type: str, body: bytes) -> dict[str, Any]:
    """Any answer as {kind, columns, rows}: rows of SPARQL JSON terms ({type, value, ...};
    None where a variable is unbound). Graphs come back as subject/predicate/object rows."""
    if content_type.startswith("application/sparql-results+json"):
        answer = json.loads(body)
        if "boolean" in answer:
            term = {"type": "literal", "value": str(answer["boolean"]).lower()}
            return {"kind": "ask", "columns": ["answer"], "rows": [[term]]}
        columns = answer["head"].get("vars", [])
        rows = [[b.get(c) for c in columns] for b in answer["results"]["bindings"]]
        return {"kind": "select", "columns": columns, "rows": rows}
    import pyoxigraph as ox

    triples = ox.parse(body, format=ox.RdfFormat.N_TRIPLES)
    rows = [[_term(t.subject), _term(t.predicate), _term(t.object)] for t in triples]
    return {"kind": "graph", "columns": ["subject", "predicate", "object"], "rows": rows}


def _term(term: Any) -> dict[str, str]:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != NAMESPACES["xsd"] + "string":
        out["datatype"] = term.datatype.value
    return out


# Instance IRIs under KG_RDF_BASE that have a page of their own here.
_PAGES = {"actor/": "/actors/", "country/": "/actors/", "event/": "/events/"}


def _cell(term: dict[str, str] | None, base: str) -> dict[str, str | None]:
    """A term for the table: short text (prefixed names), the full IRI as a tooltip, and a
    link only to this site's own pages (never to an IRI or URL taken from the data)."""
    if term is None:
        return {"text": "", "title": "unbound", "href": None}
    value = term["value"]
    if term["type"] != "uri":
        return {"text": value, "title": term.get("datatype") or term.get("xml:lang"), "href": None}
    if base and value.startswith(base):
        rest = value[len(base) :]
        for kind, path in _PAGES.items():
            ident = rest[len(kind) :]
            if rest.startswith(kind) and ident and "/" not in ident:
                return {"text": rest, "title": value, "href": path + ident}
        return {"text": rest, "title": value, "href": None}
    for prefix, ns in NAMESPACES.items():
        if value.startswith(ns) and value != ns:
            return {"text": f"{prefix}:{value[len(ns) :]}", "title": value, "href": None}
    return {"text": value, "title": None, "href": None}
