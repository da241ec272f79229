"""Extraction cases as data: one YAML file per phenomenon under tests/ingest/cases/.

Each case is a short text we wrote, its publication date, and the dyadic events it must give:

    - id: joint-subjects-agree-both-ways
      text: "Ruritania and Freedonia agreed on Tuesday to restore diplomatic ties."
      published: 2025-05-05     # optional; ISO date or datetime (default 2025-05-05T09:00Z)
      events:                   # "SOURCE TARGET CODE[@DATE]"; SOURCE/TARGET are ISO3 or IGO;
        - XXX YYY 0311@2025-05-04  # a two-digit CODE matches the root, a longer one the code
      extra_ok: false           # optional; true allows events beyond the listed ones
      control: some-other-id    # required when events is empty: a positive case, same file

Only asserted events count (no mode such as negated or hypothetical), which is what the graph's
relationship counts see; the pipeline writes only dyadic ones (a target, both countries known).
A case with no events must name a positive control in the same file, so an extractor that codes
nothing fails that file.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

CASES_DIR = Path(__file__).parent / "cases"
DEFAULT_PUBLISHED = dt.datetime(2025, 5, 5, 9, 0, tzinfo=dt.UTC)
_EVENT = re.compile(
    r"^(?P<src>[A-Z]{3})\s+(?P<tgt>[A-Z]{3})\s+(?P<code>\d{2,4})(?:@(?P<date>\S+))?$"
)


@dataclass(frozen=True)
class Expected:
    source: str
    target: str
    code: str
    date: str | None = None

    def matches(self, got: tuple[str, str, str, str]) -> bool:
        src, tgt, code, date = got
        if (src, tgt) != (self.source, self.target):
            return False
        if len(self.code) == 2 and code[:2] != self.code:
            return False
        if len(self.code) > 2 and code != self.code:
            return False
        return self.date is None or date == self.date

    def __str__(self) -> str:
        return f"{self.source} {self.target} {self.code}" + (f"@{self.date}" if self.date else "")


@dataclass(frozen=True)
class Case:
    file: str
    id: str
    text: str
    published: dt.datetime | dt.date | None
    events: tuple[Expected, ...]
    extra_ok: bool = False
    control: str | None = None
    notes: dict[str, Any] = field(default_factory=dict, compare=False)


@dataclass
class _Doc:
    text: str
    published: dt.datetime | dt.date | None
    source: str = "case"
    url: str | None = None
    title: str | None = None
    outlet: str | None = None


def _published(value: Any) -> dt.datetime | dt.date | None:
    if value is None or isinstance(value, dt.datetime | dt.date):
        return value
    if value == "none":
        return None
    return dt.datetime.fromisoformat(str(value))


def _expected(line: str, where: str) -> Expected:
    m = _EVENT.match(line.strip())
    if not m:
        raise ValueError(f"{where}: event {line!r} is not 'SRC TGT CODE[@YYYY-MM-DD]'")
    return Expected(m["src"], m["tgt"], m["code"], m["date"])


def load_cases(directory: Path = CASES_DIR) -> list[Case]:
    """Every case of every phenomenon file, checked for shape (ids unique per file)."""
    cases: list[Case] = []
    for path in sorted(directory.glob("*.yaml")):
        rows = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        seen: set[str] = set()
        for row in rows:
            where = f"{path.name}:{row.get('id')}"
            if row.get("id") in seen:
                raise ValueError(f"{where}: duplicate id")
            seen.add(row["id"])
            cases.append(
                Case(
                    file=path.stem,
                    id=row["id"],
                    text=row["text"],
                    published=_published(row.get("published", DEFAULT_PUBLISHED)),
                    events=tuple(_expected(e, where) for e in row.get("events") or []),
                    extra_ok=bool(row.get("extra_ok", False)),
                    control=row.get("control"),
                )
            )
    return cases


def dyadic(records: Iterable[dict]) -> list[tuple[str, str, str, str]]:
    """(source country, target country, CAMEO code, date) of the asserted events.

    A record with no target or no country ("" in its place) can match no expected event: the
    pipeline writes dyadic events only, so one showing up here fails the case.
    """
    out = []
    for r in records:
        if r.get("mode") is not None:
            continue
        out.append(
            (
                r["source"].get("country") or "",
                (r.get("target") or {}).get("country") or "",
                r["action"]["cameo"],
                r.get("date") or "",
            )
        )
    return out


Extractor = Callable[[_Doc], list[dict]]


def real_extractor(doc: _Doc) -> list[dict]:
    from ingest.actors import ActorResolver
    from ingest.pipeline import extract_document

    return extract_document(doc, resolver_factory=lambda on: ActorResolver(on=on)).records


def problems(case: Case, extract: Extractor = real_extractor) -> list[str]:
    """What is wrong with the extractor's answer for one case; empty when it is right."""
    got = dyadic(extract(_Doc(case.text, case.published)))
    wrong: list[str] = []
    left = list(got)
    for exp in case.events:
        hit = next((g for g in left if exp.matches(g)), None)
        if hit is None:
            wrong.append(f"missing {exp}")
        else:
            left.remove(hit)
    if not case.extra_ok:
        wrong += [f"unexpected {s} {t} {c}@{d}" for s, t, c, d in left]
    if wrong:
        wrong.append(f"got {sorted(got)}")
    return wrong
