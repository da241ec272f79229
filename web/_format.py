"""Datasette-style twins: every page as HTML, JSON (`.json` or `Accept: application/json`) and,
where the page is a table, CSV (`.csv`)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from typing import Any

from flask import Blueprint, Response, abort, jsonify, render_template, request

FORMATS = ("json", "csv")


def add_routes(bp: Blueprint, rule: str, view: Callable[..., Any], **options: Any) -> None:
    """Register `rule` and its `.json` / `.csv` twins (`/` becomes `/index.json`)."""
    endpoint = options.pop("endpoint", view.__name__)
    bp.add_url_rule(rule, endpoint, view, **options)
    twin = "/index" if rule == "/" else rule
    bp.add_url_rule(f"{twin}.<any(json, csv):fmt>", endpoint, view, **options)


def wanted_format(fmt: str | None = None) -> str:
    """The format asked for: the URL suffix wins, then the Accept header, else HTML."""
    if fmt in FORMATS:
        return fmt
    best = request.accept_mimetypes.best_match(["text/html", "application/json", "text/csv"])
    if (
        best == "application/json"
        and request.accept_mimetypes[best] > request.accept_mimetypes["text/html"]
    ):
        return "json"
    if (
        best == "text/csv"
        and request.accept_mimetypes[best] > request.accept_mimetypes["text/html"]
    ):
        return "csv"
    return "html"


def _cell(value: Any) -> Any:
    """Spreadsheet-safe cell: text starting with = + - @ is prefixed with ' (CSV injection)."""
    if isinstance(value, list | tuple):
        value = "; ".join(str(v) for v in value)
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def csv_response(rows: Iterable[dict[str, Any]], columns: list[str], name: str) -> Response:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({c: _cell(row.get(c)) for c in columns})
    resp = Response(buf.getvalue(), mimetype="text/csv")
    resp.headers["Content-Disposition"] = f'inline; filename="{name}.csv"'
    return resp


def respond(
    fmt: str | None,
    template: str,
    data: dict[str, Any],
    csv_table: tuple[list[dict[str, Any]], list[str], str] | None = None,
    **context: Any,
) -> Response | str:
    """Render the page in the wanted format. `data` is the JSON twin; the template gets `data`
    plus `context` (objects that are easier to use in Jinja than their dict form)."""
    kind = wanted_format(fmt)
    if kind == "json":
        return jsonify(data)
    if kind == "csv":
        if csv_table is None:
            abort(404, description="this page has no table, so no CSV twin; try .json")
        rows, columns, name = csv_table
        return csv_response(rows, columns, name)
    return render_template(template, data=data, **context)


EVENT_COLUMNS = [
    "id",
    "date",
    "source_id",
    "source_name",
    "source_country",
    "cameo",
    "root",
    "label",
    "quad_class",
    "goldstein",
    "target_id",
    "target_name",
    "target_country",
    "confidence",
    "mode",
    "action_text",
    "n_sources",
    "sentence",
    "url",
    "title",
    "outlet",
    "published",
]


def event_rows(events: Iterable[Any]) -> list[dict[str, Any]]:
    """Flat rows for event tables: the first report's sentence and its article (URL, title,
    outlet, published) as evidence."""
    rows = []
    for e in events:
        first = e.reports[0] if e.reports else None
        rows.append(
            {
                "id": e.id,
                "date": e.date,
                "source_id": e.source.id,
                "source_name": e.source.name,
                "source_country": e.source.country,
                "cameo": e.cameo,
                "root": e.root,
                "label": e.label,
                "quad_class": e.quad_class,
                "goldstein": e.goldstein,
                "target_id": e.target.id if e.target else None,
                "target_name": e.target.name if e.target else None,
                "target_country": e.target.country if e.target else None,
                "confidence": e.confidence,
                "mode": e.mode,
                "action_text": e.action_text,
                "n_sources": e.n_sources,
                "sentence": first.sentence if first else None,
                "url": first.url if first else None,
                "title": first.title if first else None,
                "outlet": first.outlet if first else None,
                "published": first.published if first else None,
            }
        )
    return rows
