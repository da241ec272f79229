"""Timeline of every event, an actor or a dyad: events per QuadClass and mean Goldstein per
bucket, with a one-line summary of the change."""

from __future__ import annotations

from flask import Blueprint, request
from flask.typing import ResponseReturnValue

from queries import Filters
from web._app import get_queries
from web._format import add_routes, respond
from web._svg import bar_links, timeline_svg
from web.views._args import canonical

bp = Blueprint("timeline", __name__)
COLUMNS = ["start", "total", "q1", "q2", "q3", "q4", "cooperation", "conflict", "goldstein_mean"]


def timeline(fmt: str | None = None) -> ResponseReturnValue:
    q = get_queries()
    actor = (request.args.get("actor") or "").strip() or None
    other = (request.args.get("with") or "").strip() or None
    bucket = request.args.get("bucket") or "auto"
    f = Filters.from_args(request.args)
    ra = q.resolve(actor) if actor else None
    rw = q.resolve(other) if other else None
    moved = canonical(fmt, actor=ra, **{"with": rw})
    if moved is not None:
        return moved
    tl = q.timeline(ra.id if ra else None, with_=rw.id if rw else None, bucket=bucket, filters=f)
    data = tl.to_dict()
    rows = [{**b, **{f"q{k}": v for k, v in b["by_quad"].items()}} for b in data["buckets"]]
    links = bar_links(f, tl.bucket, actor=ra.id if ra else None, **{"with": rw.id if rw else None})
    return respond(
        fmt,
        "timeline.html",
        data,
        (rows, COLUMNS, "timeline"),
        tl=tl,
        links=links,
        chart=timeline_svg(data["buckets"], tl.bucket, links),
        filters=f,
        bucket=tl.bucket,
    )


add_routes(bp, "/timeline", timeline)
