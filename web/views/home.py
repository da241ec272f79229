"""Home: search box, counts, busiest dyads, latest events."""

from __future__ import annotations

from flask import Blueprint, request
from flask.typing import ResponseReturnValue

from queries import Filters
from web._analytics import home_block
from web._app import get_analytics, get_queries
from web._format import EVENT_COLUMNS, add_routes, event_rows, respond

bp = Blueprint("home", __name__)


def index(fmt: str | None = None) -> ResponseReturnValue:
    q = get_queries()
    f = Filters.from_args(request.args)
    overview = q.overview()
    dyads = q.top_dyads(12, f)
    recent = q.recent_events(15, f)
    data = {
        "backend": q.backend,
        "overview": overview.to_dict(),
        "filters": f.to_dict(),
        "top_dyads": [d.to_dict() for d in dyads],
        "recent_events": [e.to_dict() for e in recent],
        "analytics": home_block(get_analytics()),
    }
    return respond(
        fmt,
        "home.html",
        data,
        (event_rows(recent), EVENT_COLUMNS, "recent-events"),
        overview=overview,
        dyads=dyads,
        recent=recent,
        filters=f,
        an=data["analytics"],
    )


add_routes(bp, "/", index)
