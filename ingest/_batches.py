"""JSONL and CSV batches: one article per row; a bad row is reported with its line number and
the other rows still load."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from typing import Any

from ingest._documents import Document, LoadError

FIELDS = ("text", "html", "url", "title", "published", "outlet")

# (source, fields) -> Document; raises LoadError. Supplied by loaders.py.
RowBuilder = Callable[[str, dict[str, Any]], Document]


def parse_jsonl(text: str, source: str, build: RowBuilder) -> Iterator[Document | LoadError]:
    """One JSON object per line; blank lines are skipped, each row's source is `file:LINE`."""
    seen = False
    # Split on "\n" only: U+2028 and friends may sit raw inside JSON strings.
    for number, raw_line in enumerate(text.split("\n"), 1):
        line = raw_line.removesuffix("\r")
        if not line.strip():
            continue
        seen = True
        where = f"{source}:{number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield LoadError(
                where, f"line {number} is not valid JSON ({exc.msg} at column {exc.colno})"
            )
            continue
        if not isinstance(row, dict):
            yield LoadError(where, f"line {number} is a JSON {type(row).__name__}, not an object")
            continue
        yield from _row(where, number, row, build)
    if not seen:
        yield LoadError(source, "file is empty")


def parse_csv(text: str, source: str, build: RowBuilder) -> Iterator[Document | LoadError]:
    """Rows of a CSV with a header naming `text` or `html` (comma, semicolon or tab separated);
    each row's source is `file:LINE`, LINE being where the record starts."""
    csv.field_size_limit(max(len(text), 131072))
    first_line = text.split("\n", 1)[0]
    # Spreadsheet exports in many locales separate with ";" (or tabs): read the header's choice.
    delimiter = max((",", ";", "\t"), key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        yield LoadError(source, "file is empty")
        return
    except csv.Error as exc:
        yield LoadError(source, f"line 1: the CSV header is malformed ({exc})")
        return
    names = [h.strip().lstrip("\ufeff").lower() for h in header]
    if "text" not in names and "html" not in names:
        yield LoadError(
            source, f"line 1: the CSV header needs a 'text' or 'html' column, found {header}"
        )
        return
    line_end = reader.line_num
    while True:
        number = line_end + 1
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield LoadError(f"{source}:{number}", f"line {number}: malformed CSV row ({exc})")
            return
        line_end = reader.line_num
        where = f"{source}:{number}"
        if not any(v.strip() for v in values):
            continue
        if len(values) != len(names):
            yield LoadError(
                where, f"line {number}: row has {len(values)} fields, the header has {len(names)}"
            )
            continue
        yield from _row(where, number, dict(zip(names, values, strict=True)), build)


def _row(
    where: str, number: int, row: dict[str, Any], build: RowBuilder
) -> Iterator[Document | LoadError]:
    fields: dict[str, Any] = {}
    for key in FIELDS:
        value = row.get(key)
        if value is None or value == "":
            continue
        if not isinstance(value, str):
            yield LoadError(where, f"line {number}: field {key!r} must be a string")
            return
        fields[key] = value
    if not (fields.get("text", "").strip() or fields.get("html", "").strip()):
        yield LoadError(where, f"line {number}: no 'text' or 'html' field")
        return
    try:
        yield build(where, fields)
    except LoadError as exc:
        yield LoadError(where, f"line {number}: {exc.problem}")
    except RecursionError:
        yield LoadError(where, f"line {number}: document is nested too deeply to parse")
    except Exception as exc:  # noqa: BLE001 - one bad row must not end the batch
        yield LoadError(where, f"line {number}: unexpected {type(exc).__name__}: {exc}")
