"""Actor resolution as data: one YAML file per concern under tests/ingest/cases/actors/.

Each row is a mention (written for these tests) and what `ActorResolver` must make of it:

    - mention: "the Estonian prime minister"
      date: 2023-05-01    # optional; the resolver's date (default 2024-03-01)
      hint: EST           # optional; resolve_with_context(mention, hint) instead of resolve
      name: Kaja Kallas   # any of name, country, kind, role present is checked (null = None)
      not_country: EST    # optional; the actor, if any, is not of this country
      none: true          # optional; resolves to nothing (a file must also hold positive rows)
      or_none: true       # optional; nothing is also an acceptable answer

A row with none: true, or only not_country, is an absence: every file holds positive rows, so a
resolver that finds nobody fails it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from ingest.actors import ActorResolver

CASES_DIR = Path(__file__).parent / "cases" / "actors"
DEFAULT_ON = dt.date(2024, 3, 1)
_CHECKED = ("name", "country", "kind", "role")
_KEYS = {"mention", "date", "hint", "not_country", "none", "or_none", *_CHECKED}


def _rows() -> list[tuple[str, dict[str, Any]]]:
    rows = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        for i, row in enumerate(yaml.safe_load(path.read_text(encoding="utf-8")) or [], 1):
            if not isinstance(row, dict) or "mention" not in row or set(row) - _KEYS:
                raise ValueError(f"{path.name}: row {i} needs a mention and only {sorted(_KEYS)}")
            rows.append((path.stem, row))
    return rows


ROWS = _rows()
_RESOLVERS: dict[dt.date, ActorResolver] = {}


def _resolver(on: Any) -> ActorResolver:
    day = dt.date.fromisoformat(str(on)) if on else DEFAULT_ON
    if day not in _RESOLVERS:
        _RESOLVERS[day] = ActorResolver(day)
    return _RESOLVERS[day]


def wrong(row: dict[str, Any], actor: Any) -> str | None:
    """Why the answer does not fit the row; None when it does."""
    if actor is None:
        ok = (
            row.get("none")
            or row.get("or_none")
            or ("not_country" in row and not any(k in row for k in _CHECKED))
        )
        return None if ok else "resolved to nothing"
    if row.get("none"):
        return f"expected nothing, got {actor}"
    if "not_country" in row and actor.country == row["not_country"]:
        return f"country must not be {row['not_country']}: {actor}"
    bad = [k for k in _CHECKED if k in row and getattr(actor, k) != row[k]]
    return f"{bad} differ: {actor}" if bad else None


def resolve(row: dict[str, Any]) -> Any:
    r = _resolver(row.get("date"))
    return (
        r.resolve_with_context(row["mention"], row["hint"])
        if "hint" in row
        else r.resolve(row["mention"])
    )


@pytest.mark.parametrize(("concern", "row"), ROWS, ids=[f"{c}:{r['mention']}" for c, r in ROWS])
def test_actor_case(concern: str, row: dict[str, Any]) -> None:
    assert wrong(row, resolve(row)) is None, (row, wrong(row, resolve(row)))


def test_every_answer_has_a_valid_kind_and_country_code() -> None:
    from kg.model import ACTOR_KINDS

    for concern, row in ROWS:
        actor = resolve(row)
        if actor is not None:
            assert actor.kind in ACTOR_KINDS, (concern, row)
            assert actor.country is None or len(actor.country) == 3, (concern, row)


def test_a_resolver_that_finds_nobody_fails_every_concern_file() -> None:
    files = {c for c, _ in ROWS}
    failing = {c for c, row in ROWS if wrong(row, None)}
    assert files and failing == files, f"files that pass with nobody found: {files - failing}"
