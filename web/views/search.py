"""Actor and country search (also the autocomplete's JSON source)."""

from __future__ import annotations

from flask import Blueprint, request
from flask.typing import ResponseReturnValue

from web._app import get_queries
from web._format import add_routes, respond
from web.views._args import int_arg

bp = Blueprint("search", __name__)
COLUMNS = ["kind", "id", "name", "country", "actor_kind", "aliases", "matched"]


def search(fmt: str | None = None) -> ResponseReturnValue:
    text = (request.args.get("q") or "").strip()[:200]
    limit = int_arg("limit", 50, 1, 200)
    hits = get_queries().search_actors(text, limit) if text else []
    rows = [h.to_dict() for h in hits]
    data = {"q": text, "results": rows}
    return respond(fmt, "search.html", data, (rows, COLUMNS, "search"), hits=hits, q=text)


add_routes(bp, "/search", search)
