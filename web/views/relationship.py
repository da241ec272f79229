"""The dyad page: both directions side by side, the timeline chart and the evidence."""

from __future__ import annotations

from flask import Blueprint, redirect, request, url_for
from flask.typing import ResponseReturnValue

from queries import Filters, QueryError, fold_mutual
from web._app import get_queries
from web._format import EVENT_COLUMNS, add_routes, event_rows, respond
from web._svg import bar_links, timeline_svg
from web.views._args import canonical, int_arg

bp = Blueprint("relationship", __name__)


def relationship(a: str, b: str, fmt: str | None = None) -> ResponseReturnValue:
    q = get_queries()
    ra, rb = q.resolve(a), q.resolve(b)
    moved = canonical(fmt, a=ra, b=rb)
    if moved is not None:
        return moved
    f = Filters.from_args(request.args)
    bucket = request.args.get("bucket") or "auto"
    rel = q.relationship(ra.id, rb.id, f, int_arg("recent", 20, 1, 500), bucket=bucket)
    data = rel.to_dict()
    data["total"] = rel.total
    # both directions in one list, newest first; a two-way event once, marked mutual
    latest = fold_mutual(
        sorted(rel.a_to_b.recent + rel.b_to_a.recent, key=lambda e: (e.date, e.id), reverse=True)
    )
    data["latest"] = [e.to_dict() for e in latest]
    links = bar_links(f, rel.bucket or "month", actor=rel.a.id, **{"with": rel.b.id})
    return respond(
        fmt,
        "relationship.html",
        data,
        (event_rows(latest), EVENT_COLUMNS, f"relationship-{rel.a.id}-{rel.b.id}"),
        rel=rel,
        latest=latest,
        chart=timeline_svg(data["timeline"], rel.bucket or "month", links),
        filters=f,
        bucket=rel.bucket,
    )


def pick() -> ResponseReturnValue:
    """The form on the home page: two names or references -> the dyad page."""
    a, b = (request.args.get("a") or "").strip(), (request.args.get("b") or "").strip()
    if not a or not b:
        raise QueryError("give two actors or countries: /relationship?a=USA&b=MEX")
    q = get_queries()
    return redirect(url_for("relationship.relationship", a=q.resolve(a).id, b=q.resolve(b).id))


add_routes(bp, "/relationship/<ref:a>/<ref:b>", relationship)
bp.add_url_rule("/relationship", "pick", pick)
