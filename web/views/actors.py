"""Actor (or country) profile."""

from __future__ import annotations

from flask import Blueprint, request
from flask.typing import ResponseReturnValue

from queries import Filters
from web._analytics import node_block
from web._app import get_analytics, get_queries
from web._format import EVENT_COLUMNS, add_routes, event_rows, respond
from web.views._args import canonical, int_arg

bp = Blueprint("actors", __name__)


def actor(ref: str, fmt: str | None = None) -> ResponseReturnValue:
    q = get_queries()
    r = q.resolve(ref)
    moved = canonical(fmt, ref=r)
    if moved is not None:
        return moved
    f = Filters.from_args(request.args)
    profile = q.actor_profile(r.id, f, int_arg("limit", 15, 1, 500))
    data = profile.to_dict()
    data["filters"] = f.to_dict()
    data["analytics"] = node_block(get_analytics(), profile.ref.kind, profile.ref.id)
    return respond(
        fmt,
        "actor.html",
        data,
        (event_rows(profile.recent), EVENT_COLUMNS, f"actor-{profile.ref.id}"),
        p=profile,
        filters=f,
        an=data["analytics"],
    )


add_routes(bp, "/actors/<ref:ref>", actor)
