"""Event detail (every report, highlighted) and the filtered list of latest events."""

from __future__ import annotations

from flask import Blueprint, request
from flask.typing import ResponseReturnValue

from queries import Filters
from web._app import get_queries
from web._format import EVENT_COLUMNS, add_routes, event_rows, respond
from web.views._args import int_arg

bp = Blueprint("events", __name__)
REPORT_COLUMNS = ["article_id", "sentence", "start", "end", "url", "title", "outlet", "published"]


def event(event_id: str, fmt: str | None = None) -> ResponseReturnValue:
    ev = get_queries().event_detail(event_id)
    rows = [r.to_dict() for r in ev.reports]
    return respond(fmt, "event.html", ev.to_dict(), (rows, REPORT_COLUMNS, event_id), ev=ev)


def events(fmt: str | None = None) -> ResponseReturnValue:
    f = Filters.from_args(request.args)
    limit = int_arg("limit", 50, 1, 1000)
    found = get_queries().recent_events(limit, f)
    data = {"filters": f.to_dict(), "limit": limit, "events": [e.to_dict() for e in found]}
    return respond(
        fmt,
        "events.html",
        data,
        (event_rows(found), EVENT_COLUMNS, "events"),
        events=found,
        filters=f,
        limit=limit,
    )


add_routes(bp, "/events/<ref:event_id>", event)
add_routes(bp, "/events", events)
