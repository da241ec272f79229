"""GET/POST /sparql: the read-only SPARQL 1.1 Protocol endpoint over the current graph.

The engine is kg.rdf's (pyoxigraph in a worker process with a time limit); this module only
speaks HTTP: the query comes as the `query` parameter (GET or form POST) or as an
application/sparql-query body; results follow Accept (SPARQL JSON by default, Turtle for
CONSTRUCT/DESCRIBE). Errors are 400 (bad request/query, updates) or 503 (time limit, store).
Register with `app.register_blueprint(web.sparql.bp)`; the app must carry
app.extensions["kg"] = {"store": ..., "settings": ...} as web/_app.py sets up.
"""

from __future__ import annotations

from flask import Blueprint, Response, current_app, request

from kg.rdf import SparqlError, SparqlTimeout, run_query
from kg.stores import StoreError

bp = Blueprint("sparql", __name__)

DEFAULT_TIMEOUT_S = 10.0


def _plain(status: int, message: str) -> Response:
    return Response(message + "\n", status=status, mimetype="text/plain")


@bp.route("/sparql", methods=["GET", "POST"])
def sparql() -> Response:
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
    kg = current_app.extensions.get("kg", {})
    store = kg.get("store")
    if store is None:
        return _plain(503, "no graph store is configured for this app")
    settings = kg.get("settings")
    timeout = float(current_app.config.get("KG_SPARQL_TIMEOUT", DEFAULT_TIMEOUT_S))
    try:
        content_type, body = run_query(
            store,
            query or "",
            timeout,
            accept=request.headers.get("Accept"),
            base=settings.rdf_base if settings is not None else None,
        )
    except SparqlError as exc:
        return _plain(400, str(exc))
    except SparqlTimeout as exc:
        return _plain(503, str(exc))
    except StoreError as exc:
        return _plain(503, f"the graph store is unavailable: {exc}")
    resp = Response(body, status=200, content_type=content_type)
    resp.headers["Vary"] = "Accept"
    return resp
