"""Graph view of an actor's neighbourhood, and the shortest connection between two actors."""

from __future__ import annotations

from flask import Blueprint, request, url_for
from flask.typing import ResponseReturnValue

from queries import Filters
from web._app import get_queries
from web._format import EVENT_COLUMNS, add_routes, event_rows, respond
from web._svg import ego_svg
from web.views._args import canonical, int_arg

bp = Blueprint("graph", __name__)
EDGE_COLUMNS = ["source", "target", "events", "goldstein_mean"]


def neighbourhood(ref: str, fmt: str | None = None) -> ResponseReturnValue:
    q = get_queries()
    r = q.resolve(ref)
    moved = canonical(fmt, ref=r)
    if moved is not None:
        return moved
    f = Filters.from_args(request.args)
    data = q.neighbourhood(r.id, f, int_arg("limit", 24, 1, 100))
    ref = r.id
    svg = ego_svg(data, lambda n: url_for("graph.neighbourhood", ref=n["id"]))
    return respond(
        fmt, "graph.html", data, (data["edges"], EDGE_COLUMNS, f"graph-{ref}"), svg=svg, filters=f
    )


def connection(a: str, b: str, fmt: str | None = None) -> ResponseReturnValue:
    q = get_queries()
    ra, rb = q.resolve(a), q.resolve(b)
    moved = canonical(fmt, a=ra, b=rb)
    if moved is not None:
        return moved
    f = Filters.from_args(request.args)
    c = q.shortest_connection(ra.id, rb.id, f)
    a, b = ra.id, rb.id
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
