"""Timeline of an actor or a dyad: events per QuadClass and mean Goldstein per bucket."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, request
from flask.typing import ResponseReturnValue

from queries import Filters
from web._app import get_queries
from web._format import add_routes, respond
from web._svg import timeline_svg

bp = Blueprint("timeline", __name__)
COLUMNS = ["start", "total", "q1", "q2", "q3", "q4", "cooperation", "conflict", "goldstein_mean"]


def timeline(fmt: str | None = None) -> ResponseReturnValue:
    actor = (request.args.get("actor") or "").strip()
    other = (request.args.get("with") or "").strip() or None
    bucket = request.args.get("bucket") or ""
    f = Filters.from_args(request.args)
    if not actor:
        bucket = bucket or "month"
        data: dict[str, Any] = {"actor": None, "with": None, "bucket": bucket, "buckets": []}
        return respond(
            fmt,
            "timeline.html",
            data,
            ([], COLUMNS, "timeline"),
            tl=None,
            chart="",
            filters=f,
            bucket=bucket,
        )
    tl = get_queries().timeline(actor, with_=other, bucket=bucket or "auto", filters=f)
    bucket = tl.bucket
    data = tl.to_dict()
    rows = [{**b, **{f"q{k}": v for k, v in b["by_quad"].items()}} for b in data["buckets"]]
    return respond(
        fmt,
        "timeline.html",
        data,
        (rows, COLUMNS, "timeline"),
        tl=tl,
        chart=timeline_svg(data["buckets"], bucket),
        filters=f,
        bucket=bucket,
    )


add_routes(bp, "/timeline", timeline)
