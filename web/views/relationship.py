"""The dyad page: both directions side by side, the timeline chart and the evidence."""

from __future__ import annotations

from flask import Blueprint, redirect, request, url_for
from flask.typing import ResponseReturnValue

from queries import Filters, QueryError
from web._app import get_queries
from web._format import EVENT_COLUMNS, add_routes, event_rows, respond
from web._svg import timeline_svg
from web.views._args import int_arg

bp = Blueprint("relationship", __name__)


def relationship(a: str, b: str, fmt: str | None = None) -> ResponseReturnValue:
    f = Filters.from_args(request.args)
    bucket = request.args.get("bucket") or "auto"
    rel = get_queries().relationship(a, b, f, int_arg("recent", 20, 1, 500), bucket=bucket)
    data = rel.to_dict()
    data["total"] = rel.total
    events = sorted(
        rel.a_to_b.recent + rel.b_to_a.recent, key=lambda e: (e.date, e.id), reverse=True
    )
    return respond(
        fmt,
        "relationship.html",
        data,
        (event_rows(events), EVENT_COLUMNS, f"relationship-{rel.a.id}-{rel.b.id}"),
        rel=rel,
        chart=timeline_svg(data["timeline"], rel.bucket or "month"),
        filters=f,
        bucket=rel.bucket,
    )


def pick() -> ResponseReturnValue:
    """The form on the home page: two references -> the dyad page."""
    a, b = (request.args.get("a") or "").strip(), (request.args.get("b") or "").strip()
    if not a or not b:
        raise QueryError("give two actors or countries: /relationship?a=USA&b=MEX")
    return redirect(url_for("relationship.relationship", a=a, b=b))


add_routes(bp, "/relationship/<ref:a>/<ref:b>", relationship)
bp.add_url_rule("/relationship", "pick", pick)
