"""Event detail (every report, highlighted) and the filtered, paged list of events."""

from __future__ import annotations

from flask import Blueprint, request
from flask.typing import ResponseReturnValue

from queries import Filters
from web._app import get_queries
from web._format import EVENT_COLUMNS, add_routes, event_rows, respond
from web.views._args import canonical, int_arg

bp = Blueprint("events", __name__)
REPORT_COLUMNS = ["article_id", "sentence", "start", "end", "url", "title", "outlet", "published"]
# The references the list takes (ids, ISO3 codes or names; a country means all its actors):
# actor (touching; with `with`, the dyad both ways), source, target. All given apply.
REF_ARGS = ("actor", "with", "source", "target")


def event(event_id: str, fmt: str | None = None) -> ResponseReturnValue:
    ev = get_queries().event_detail(event_id)
    rows = [r.to_dict() for r in ev.reports]
    return respond(fmt, "event.html", ev.to_dict(), (rows, REPORT_COLUMNS, event_id), ev=ev)


def events(fmt: str | None = None) -> ResponseReturnValue:
    q = get_queries()
    f = Filters.from_args(request.args)
    limit = int_arg("limit", 50, 1, 500)
    page = int_arg("page", 1, 1, 10**7)
    given = {k: (request.args.get(k) or "").strip() or None for k in REF_ARGS}
    refs = {k: q.resolve(v) if v else None for k, v in given.items()}
    redirect = canonical(fmt, **refs)
    if redirect is not None:
        return redirect
    found = q.event_list(
        f,
        actor=refs["actor"].id if refs["actor"] else None,
        with_=refs["with"].id if refs["with"] else None,
        source=refs["source"].id if refs["source"] else None,
        target=refs["target"].id if refs["target"] else None,
        limit=limit,
        offset=(page - 1) * limit,
    )
    pages = max(1, -(-found.total // limit))
    data = {**found.to_dict(), "page": page, "pages": pages}
    return respond(
        fmt,
        "events.html",
        data,
        (event_rows(found.events), EVENT_COLUMNS, "events"),
        found=found,
        events=found.events,
        filters=f,
        limit=limit,
        page=page,
        pages=pages,
        given={k: r.id for k, r in refs.items() if r is not None},
    )


add_routes(bp, "/events/<ref:event_id>", event)
add_routes(bp, "/events", events)
