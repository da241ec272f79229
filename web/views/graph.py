"""Graph view of an actor's neighbourhood, and the shortest connection between two actors."""

from __future__ import annotations

from flask import Blueprint, request, url_for
from flask.typing import ResponseReturnValue

from queries import Filters
from web._app import get_queries
from web._format import EVENT_COLUMNS, add_routes, event_rows, respond
from web._svg import ego_svg
from web.views._args import int_arg

bp = Blueprint("graph", __name__)
EDGE_COLUMNS = ["source", "target", "events", "goldstein_mean"]


def neighbourhood(ref: str, fmt: str | None = None) -> ResponseReturnValue:
    f = Filters.from_args(request.args)
    data = get_queries().neighbourhood(ref, f, int_arg("limit", 24, 1, 100))
    svg = ego_svg(data, lambda n: url_for("graph.neighbourhood", ref=n["id"]))
    return respond(
        fmt, "graph.html", data, (data["edges"], EDGE_COLUMNS, f"graph-{ref}"), svg=svg, filters=f
    )


def connection(a: str, b: str, fmt: str | None = None) -> ResponseReturnValue:
    f = Filters.from_args(request.args)
    c = get_queries().shortest_connection(a, b, f)
    data = c.to_dict()
    data["hops"] = c.hops
    return respond(
        fmt,
        "connection.html",
        data,
        (event_rows(c.events), EVENT_COLUMNS, f"connection-{a}-{b}"),
        c=c,
    )


add_routes(bp, "/graph/<ref:ref>", neighbourhood)
add_routes(bp, "/connection/<ref:a>/<ref:b>", connection)
