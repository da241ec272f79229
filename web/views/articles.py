"""The article page: the clean text with every reporting sentence marked and linked to its
events, so a reader can check each claim in its context."""

from __future__ import annotations

from flask import Blueprint
from flask.typing import ResponseReturnValue

from web._app import get_queries
from web._format import EVENT_COLUMNS, add_routes, event_rows, respond

bp = Blueprint("articles", __name__)


def article(article_id: str, fmt: str | None = None) -> ResponseReturnValue:
    view = get_queries().article(article_id)
    number = {ev.id: i for i, ev in enumerate(view.events, 1)}
    return respond(
        fmt,
        "article.html",
        view.to_dict(),
        (event_rows(view.events), EVENT_COLUMNS, article_id),
        art=view,
        number=number,
    )


add_routes(bp, "/articles/<ref:article_id>", article)
