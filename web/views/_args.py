"""Query-string helpers that turn bad values into 400s with a message, not 500s."""

from __future__ import annotations

from flask import request

from queries import QueryError


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
