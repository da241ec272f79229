"""Extraction cases as data: one YAML file per phenomenon under tests/ingest/cases/.

Each case is a short text we wrote, its publication date, and the events it must give:

    - id: joint-subjects-agree-both-ways
      text: "Ruritania and Freedonia agreed on Tuesday to restore diplomatic ties."
      published: 2025-05-05     # optional; ISO date/datetime or none (default 2025-05-05T09:00Z)
      resolver: fake            # optional; real (default: the registry, dated by `published`),
                                # real-undated, or a fake of tests/ingest/fakes.py RESOLVERS
      events:                   # "SOURCE TARGET CODE[@DATE][ MODE]", each matched once
        - XXX YYY 0311@2025-05-04
      absent: ["* YYY 19"]      # optional; patterns no event may match
      extra_ok: false           # optional; true allows asserted written events beyond the listed
      dyads_only: true          # optional; false counts clauses set aside as unexpected too
      control: some-other-id    # required when events is empty: a positive case, same file

SOURCE and TARGET are an ISO3 code or IGO, `-` (no actor, or one with no country) or `*` (any),
optionally followed by [Actor Name] and/or {kind}. CODE is a CAMEO code: two digits match the
root, more match the code exactly, a trailing `*` makes it a prefix, and `*` alone matches any.
DATE is YYYY-MM-DD or none. MODE (negated, hypothetical, future, question, or `*`) matches a
moded event; without it only asserted events match, which is what the graph's counts see.
The pipeline writes dyadic events only (both countries known, not a self-loop) and sets the other
coded clauses aside: a pattern naming both countries matches written events only, one with `-` or
`*` on a side may also match a clause set aside.
A case with no events must name a positive control in the same file, so an extractor that codes
nothing fails that file.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

CASES_DIR = Path(__file__).parent / "cases"
DEFAULT_PUBLISHED = dt.datetime(2025, 5, 5, 9, 0, tzinfo=dt.UTC)
_ACTOR = r"(?:[A-Z]{3}|-|\*)(?:\[[^\]]+\])?(?:\{[a-z]+\})?"
_EVENT = re.compile(
    rf"^(?P<src>{_ACTOR})\s+(?P<tgt>{_ACTOR})\s+(?P<code>\d{{2,4}}\*?|\*)"
    r"(?:@(?P<date>[\d-]+|none))?(?:\s+(?P<mode>[a-z]+|\*))?$"
)
_ACTOR_PARTS = re.compile(
    r"^(?P<country>[A-Z]{3}|-|\*)(?:\[(?P<name>[^\]]+)\])?(?:\{(?P<kind>[a-z]+)\})?$"
)


@dataclass(frozen=True)
class Got:
    """One extracted event, as the patterns see it."""

    source: tuple[str, str, str]  # country ("-" if none), name, kind
    target: tuple[str, str, str]
    code: str
    date: str
    mode: str | None
    written: bool = True  # False: coded but set aside (no target, a country unknown, a self-loop)

    def __str__(self) -> str:
        tgt = self.target[0] if self.target[1] else "-"
        mode = f" {self.mode}" if self.mode else ""
        src = f"{self.source[0]}[{self.source[1]}]"
        aside = "" if self.written else " (set aside)"
        return f"{src} {tgt}[{self.target[1]}] {self.code}@{self.date or 'none'}{mode}{aside}"


def _actor_matches(pattern: str, actor: tuple[str, str, str]) -> bool:
    m = _ACTOR_PARTS.match(pattern)
    assert m is not None
    if m["country"] != "*" and m["country"] != actor[0]:
        return False
    return (m["name"] is None or m["name"] == actor[1]) and (
        m["kind"] is None or m["kind"] == actor[2]
    )


@dataclass(frozen=True)
class Expected:
    source: str
    target: str
    code: str
    date: str | None = None
    mode: str | None = None

    def matches(self, got: Got) -> bool:
        if self.mode != "*" and self.mode != got.mode:
            return False
        if not got.written and self.dyadic:
            return False  # an event naming both countries must reach the graph
        if not (
            _actor_matches(self.source, got.source) and _actor_matches(self.target, got.target)
        ):
            return False
        code = self.code
        if code.endswith("*"):
            ok = got.code.startswith(code[:-1])
        elif len(code) == 2:
            ok = got.code[:2] == code
        else:
            ok = got.code == code
        if not ok:
            return False
        return self.date is None or (got.date or "none") == self.date

    @property
    def dyadic(self) -> bool:
        return all(side[0] not in "-*" for side in (self.source, self.target))

    def __str__(self) -> str:
        date = f"@{self.date}" if self.date else ""
        mode = f" {self.mode}" if self.mode else ""
        return f"{self.source} {self.target} {self.code}{date}{mode}"


@dataclass(frozen=True)
class Case:
    file: str
    id: str
    text: str
    published: dt.datetime | dt.date | None
    events: tuple[Expected, ...]
    absent: tuple[Expected, ...] = ()
    resolver: str = "real"
    extra_ok: bool = False
    dyads_only: bool = True
    control: str | None = None


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
        raise ValueError(f"{where}: event {line!r} is not 'SRC TGT CODE[@YYYY-MM-DD][ MODE]'")
    return Expected(m["src"], m["tgt"], m["code"], m["date"], m["mode"])


_KEYS = {
    "id",
    "text",
    "published",
    "resolver",
    "events",
    "absent",
    "extra_ok",
    "dyads_only",
    "control",
}


def load_cases(directory: Path = CASES_DIR) -> list[Case]:
    """Every case of every phenomenon file, checked for shape (ids unique per file)."""
    from fakes import RESOLVERS

    cases: list[Case] = []
    for path in sorted(directory.glob("*.yaml")):
        rows = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        seen: set[str] = set()
        for row in rows:
            where = f"{path.name}:{row.get('id')}"
            if row.get("id") in seen:
                raise ValueError(f"{where}: duplicate id")
            if set(row) - _KEYS:
                raise ValueError(f"{where}: unknown keys {sorted(set(row) - _KEYS)}")
            resolver = row.get("resolver", "real")
            if resolver not in ("real", "real-undated", *RESOLVERS):
                raise ValueError(f"{where}: unknown resolver {resolver!r}")
            seen.add(row["id"])
            cases.append(
                Case(
                    file=path.stem,
                    id=row["id"],
                    text=row["text"],
                    published=_published(row.get("published", DEFAULT_PUBLISHED)),
                    events=tuple(_expected(e, where) for e in row.get("events") or []),
                    absent=tuple(_expected(e, where) for e in row.get("absent") or []),
                    resolver=resolver,
                    extra_ok=bool(row.get("extra_ok", False)),
                    dyads_only=bool(row.get("dyads_only", True)),
                    control=row.get("control"),
                )
            )
    return cases


def _actor(actor: dict | None) -> tuple[str, str, str]:
    if not actor:
        return ("-", "", "")
    return (actor.get("country") or "-", actor.get("name") or "", actor.get("kind") or "")


def events_of(records: Iterable[dict]) -> list[Got]:
    """Every coded clause (asserted or moded, written or set aside) as the patterns see it;
    restatements of an event already written are left out, being reports of that event."""
    return [
        Got(
            _actor(r["source"]),
            _actor(r["target"]),
            r["action"]["cameo"],
            r.get("date") or "",
            r.get("mode"),
            written="set_aside" not in r,
        )
        for r in records
        if not str(r.get("set_aside", "")).startswith("restates ")
    ]


Extractor = Callable[[_Doc, str], list[dict]]


def _resolver_factory(name: str) -> Callable[[dt.date | None], Any]:
    from fakes import RESOLVERS

    from ingest.actors import ActorResolver

    if name == "real":
        return lambda on: ActorResolver(on=on)
    if name == "real-undated":
        return lambda on: ActorResolver(on=None)
    return RESOLVERS[name]


def real_extractor(doc: _Doc, resolver: str = "real") -> list[dict]:
    from ingest.pipeline import extract_document

    return extract_document(doc, resolver_factory=_resolver_factory(resolver)).clauses


def problems(case: Case, extract: Extractor = real_extractor) -> list[str]:
    """What is wrong with the extractor's answer for one case; empty when it is right."""
    got = events_of(extract(_Doc(case.text, case.published), case.resolver))
    wrong: list[str] = []
    left = list(got)
    for exp in case.events:
        hit = next((g for g in left if exp.matches(g)), None)
        if hit is None:
            wrong.append(f"missing {exp}")
        else:
            left.remove(hit)
    for pattern in case.absent:
        wrong += [f"forbidden {g} (matches {pattern})" for g in got if pattern.matches(g)]
    if not case.extra_ok:
        unexpected = [g for g in left if g.mode is None and (g.written or not case.dyads_only)]
        wrong += [f"unexpected {g}" for g in unexpected]
    if wrong:
        wrong.append("got " + "; ".join(str(g) for g in got))
    return wrong
