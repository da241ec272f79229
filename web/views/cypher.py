"""Read-only Cypher console (Neo4j backend): guard, READ transaction, time limit, row cap."""

from __future__ import annotations

import json
from typing import Any

from flask import Blueprint, Response, request, url_for
from flask.typing import ResponseReturnValue

from queries import EXAMPLES, CypherRefused, check_read_only, run_read_query
from queries._console import DEFAULT_ROW_CAP, DEFAULT_TIMEOUT_S
from web._app import get_queries, get_settings, get_store, query_slot
from web._format import csv_response, respond, wanted_format
from web._limits import TooBusy
from web._svg import result_graph_svg

bp = Blueprint("cypher", __name__)
EMBEDDED_MESSAGE = (
    "The Cypher console needs the Neo4j backend. This server uses the embedded store; start "
    "Neo4j (`kg neo4j start`) and run with KG_STORE=neo4j and NEO4J_URI set. The SPARQL "
    "console (/sparql) queries the same graph on either store."
)


def _flag(name: str) -> bool:
    if request.method == "POST" and request.is_json:
        return bool((request.get_json(silent=True) or {}).get(name))
    return (request.form if request.method == "POST" else request.args).get(name) in ("1", "on")


def _query_text() -> str:
    if request.method == "POST":
        if request.is_json:
            body = request.get_json(silent=True) or {}
            return str(body.get("q") or body.get("query") or "")
        return request.form.get("q") or ""
    return request.args.get("q") or ""


def console(fmt: str | None = None) -> ResponseReturnValue:
    text = _query_text()
    neo4j = get_queries().backend == "neo4j"
    internal = _flag("internal")
    max_bytes = get_settings().max_result_bytes
    data: dict[str, Any] = {
        "backend": get_queries().backend,
        "q": text,
        "internal": internal,
        "result": None,
        "error": None,
        "examples": EXAMPLES,
        "timeout_s": DEFAULT_TIMEOUT_S,
        "row_cap": DEFAULT_ROW_CAP,
        "max_bytes": max_bytes,
    }
    status, headers = 200, {}
    result = None
    if text.strip():
        try:
            check_read_only(text)  # refusals read the same on both backends
            if not neo4j:
                data["error"], status = EMBEDDED_MESSAGE, 400
            else:
                with query_slot("Cypher", DEFAULT_TIMEOUT_S):
                    result = run_read_query(
                        get_store(), text, max_bytes=max_bytes, show_internal=internal
                    )
                data["result"] = result.to_dict()
        except CypherRefused as exc:
            data["error"], status = str(exc), 400
        except TooBusy as exc:
            data["error"], status = str(exc), 429
            headers["Retry-After"] = str(exc.retry_after)
        except Exception as exc:  # noqa: BLE001 - driver errors become a message
            data["error"], status = _driver_message(exc), 400
    kind = wanted_format(fmt)
    if kind == "csv":
        if result is None:
            return _json_error(data, status or 400, headers)
        rows = [
            {
                c: (v if v is None or isinstance(v, str | int | float) else json.dumps(v))
                for c, v in zip(result.columns, row, strict=False)
            }
            for row in result.rows
        ]
        return csv_response(rows, result.columns, "cypher")
    if kind == "json" and data["error"]:
        return _json_error(data, status, headers)
    svg = result_graph_svg(result.graph, _node_page) if result and result.graph.get("nodes") else ""
    page = respond(fmt, "cypher.html", data, None, result=result, neo4j=neo4j, graph_svg=svg)
    return page, status, headers


def _node_page(node: dict[str, Any]) -> str | None:
    """This site's page for a result node (actors and events have one)."""
    ident = node["properties"].get("id")
    if not isinstance(ident, str) or not ident:
        return None
    if "Actor" in node["labels"]:
        return url_for("actors.actor", ref=ident)
    if "Event" in node["labels"]:
        return url_for("events.event", event_id=ident)
    return None


def _json_error(data: dict[str, Any], status: int, headers: dict[str, str]) -> Response:
    from flask import jsonify

    resp = jsonify({**data, "status": status})
    resp.status_code = status
    resp.headers.update(headers)
    return resp


def _driver_message(exc: Exception) -> str:
    code = getattr(exc, "code", "") or ""
    message = getattr(exc, "message", None) or str(exc)
    if "TransactionTimedOut" in code or "timed out" in message.lower():
        return (
            f"stopped: the query ran longer than the console's {DEFAULT_TIMEOUT_S:g} s "
            "limit; add a LIMIT or narrow the MATCH"
        )
    if "AccessMode" in code or "read access mode" in message.lower():
        return f"refused by the server: the console runs read-only transactions ({message})"
    return f"Neo4j error {code}: {message}".strip()


bp.add_url_rule("/cypher", "console", console, methods=["GET", "POST"])
bp.add_url_rule("/cypher.<any(json, csv):fmt>", "console", console, methods=["GET", "POST"])
