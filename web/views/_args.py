"""Query-string helpers that turn bad values into 400s with a message, not 500s."""

from __future__ import annotations

from typing import Any

from flask import redirect, request, url_for
from werkzeug.wrappers import Response

from queries import ActorRef, QueryError
from web._format import wanted_format


def int_arg(name: str, default: int, lo: int, hi: int) -> int:
    raw = request.args.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise QueryError(f"{name} must be a whole number, got {raw!r}") from None
    if not lo <= value <= hi:
        raise QueryError(f"{name} must be between {lo} and {hi}, got {value}")
    return value


def canonical(fmt: str | None, **refs: ActorRef | None) -> Response | None:
    """A page named by a name or alias (/relationship/United States/Mexico, ?actor=Mexico)
    redirects to its id URL, without blank form fields, so each page has one address; None
    when it already has it.
    JSON and CSV twins answer in place (API clients get the resolved refs in the body)."""
    if wanted_format(fmt) != "html":
        return None
    view_args = dict(request.view_args or {})
    args = request.args.to_dict(flat=False)
    empty = [k for k, v in args.items() if not any(x.strip() for x in v)]
    for key in empty:  # a submitted form's blank fields: not part of the address
        del args[key]
    changed = bool(empty)
    for key, ref in refs.items():
        if ref is None:
            continue
        if key in view_args and view_args[key] != ref.id:
            view_args[key], changed = ref.id, True
        elif key in args and args[key] != [ref.id]:
            args[key], changed = [ref.id], True
    if not changed:
        return None
    values: dict[str, Any] = {**view_args, **args}
    return redirect(url_for(request.endpoint or "home.index", **values), code=302)
