"""Filters, actor references and the plain result records every backend returns.

Results are dataclasses of JSON-ready values (str, int, float, lists, dicts), so the web layer
can hand `to_dict()` straight to `jsonify` and both backends can be compared field by field.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

import pycountry

BUCKETS = ("day", "week", "month")
BUCKETS_OR_AUTO = (*BUCKETS, "auto")
QUAD_LABELS = {
    1: "Verbal cooperation",
    2: "Material cooperation",
    3: "Verbal conflict",
    4: "Material conflict",
}
_ISO3 = re.compile(r"^[A-Za-z]{3}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ROOT = re.compile(r"^(0[1-9]|1[0-9]|20)$")
_CAMEO = re.compile(r"^(0[1-9]|1[0-9]|20)[0-9]{0,2}$")
# Actor kinds that are not the state: listed under their country, shown on a line of their own.
NON_STATE_KINDS = frozenset({"group", "organization"})


class QueryError(ValueError):
    """The request cannot be answered as asked (bad filter, bad bucket); the message says why."""


class NotFound(QueryError):
    """The actor, country or event named does not exist in the graph. For an actor reference,
    `suggestions` holds the search hits the name comes closest to ("did you mean")."""

    def __init__(
        self, message: str, ref: str | None = None, suggestions: list[SearchHit] | None = None
    ):
        super().__init__(message)
        self.ref = ref
        self.suggestions = list(suggestions or [])


class _Record:
    def to_dict(self) -> dict[str, Any]:
        return asdict(cast("DataclassInstance", self))


# Names analysts use where the ISO short name reads oddly ("Iran, Islamic Republic of").
_COMMON_NAMES = {
    "BOL": "Bolivia",
    "COD": "DR Congo",
    "IGO": "International organizations",
    "IRN": "Iran",
    "KOR": "South Korea",
    "LAO": "Laos",
    "MDA": "Moldova",
    "PRK": "North Korea",
    "PSE": "Palestine",
    "RUS": "Russia",
    "SYR": "Syria",
    "TUR": "Turkey (Türkiye)",
    "TWN": "Taiwan",
    "TZA": "Tanzania",
    "VEN": "Venezuela",
    "VNM": "Vietnam",
}


@cache
def country_name(code: str) -> str | None:
    """English common name for an ISO3 code ('IGO' is ours: international organizations)."""
    code = code.upper()
    if code in _COMMON_NAMES:
        return _COMMON_NAMES[code]
    match = pycountry.countries.get(alpha_3=code)
    if match is None:
        return None
    return getattr(match, "common_name", None) or match.name


def looks_like_country(ref: str) -> bool:
    """A bare three-letter reference is a country code; actor ids always contain a hyphen."""
    return bool(_ISO3.match(ref))


@dataclass(frozen=True)
class Filters(_Record):
    """What every query can be narrowed by. Events with a mode (negated, hypothetical, future,
    question) are left out unless `include_modes` is set: they did not happen as stated."""

    date_from: str | None = None
    date_to: str | None = None
    roots: tuple[str, ...] = ()
    quad_classes: tuple[int, ...] = ()
    min_confidence: float | None = None
    outlet: str | None = None
    include_modes: bool = False
    cameos: tuple[str, ...] = ()  # CAMEO codes, each also matching its sub-codes (087: 0871)

    def __post_init__(self) -> None:
        for name in ("date_from", "date_to"):
            value = getattr(self, name)
            if value is not None:
                if not _DATE.match(value):
                    raise QueryError(f"{name} must be a date YYYY-MM-DD, got {value!r}")
                try:
                    date.fromisoformat(value)
                except ValueError:
                    raise QueryError(f"{name} is not a real date: {value!r}") from None
        for root in self.roots:
            if not _ROOT.match(root):
                raise QueryError(f"CAMEO root must be two digits 01..20, got {root!r}")
        for code in self.cameos:
            if not _CAMEO.match(code):
                raise QueryError(f"CAMEO code must be 2-4 digits (04, 111, 0871), got {code!r}")
        for quad in self.quad_classes:
            if quad not in QUAD_LABELS:
                raise QueryError(f"QuadClass must be 1, 2, 3 or 4, got {quad!r}")
        if self.min_confidence is not None and not 0.0 <= self.min_confidence <= 1.0:
            raise QueryError(f"min_confidence must be within 0..1, got {self.min_confidence}")

    @classmethod
    def from_args(cls, args: Mapping[str, Any]) -> Filters:
        """Build from URL query arguments (`from`, `to`, `root`, `cameo`, `quad`,
        `min_confidence`, `outlet`, `include_modes`); repeated or comma-separated values both
        work."""

        def many(key: str) -> list[str]:
            getlist = getattr(args, "getlist", None)
            raw = getlist(key) if getlist else ([args[key]] if key in args else [])
            return [p.strip() for v in raw for p in str(v).split(",") if p.strip()]

        def one(key: str) -> str | None:
            value = args.get(key)
            return str(value).strip() or None if value is not None else None

        try:
            quads = tuple(int(q) for q in many("quad"))
        except ValueError:
            raise QueryError(f"quad must be 1..4, got {many('quad')}") from None
        confidence = one("min_confidence")
        try:
            min_conf = float(confidence) if confidence is not None else None
        except ValueError:
            raise QueryError(f"min_confidence must be a number, got {confidence!r}") from None
        roots = tuple(r.zfill(2) if r.isdigit() else r for r in many("root"))
        cameos = tuple(c.zfill(2) if c.isdigit() and len(c) == 1 else c for c in many("cameo"))
        modes = (one("include_modes") or "").lower() in ("1", "true", "yes", "on")
        return cls(
            date_from=one("from"),
            date_to=one("to"),
            roots=roots,
            quad_classes=quads,
            min_confidence=min_conf,
            outlet=one("outlet"),
            include_modes=modes,
            cameos=cameos,
        )

    def to_args(self) -> dict[str, str]:
        """The inverse of `from_args`, for links that keep the current filters."""
        out: dict[str, str] = {}
        if self.date_from:
            out["from"] = self.date_from
        if self.date_to:
            out["to"] = self.date_to
        if self.roots:
            out["root"] = ",".join(self.roots)
        if self.quad_classes:
            out["quad"] = ",".join(str(q) for q in self.quad_classes)
        if self.min_confidence is not None:
            out["min_confidence"] = str(self.min_confidence)
        if self.outlet:
            out["outlet"] = self.outlet
        if self.include_modes:
            out["include_modes"] = "1"
        if self.cameos:
            out["cameo"] = ",".join(self.cameos)
        return out

    def is_empty(self) -> bool:
        return self == Filters()


NO_FILTERS = Filters()


@dataclass(frozen=True)
class ActorRef(_Record):
    """What an analyst named: one actor (`kind='actor'`) or a whole country (`kind='country'`,
    all its actors: government, military, persons, ...)."""

    kind: str  # "actor" or "country"
    id: str  # actor id, or the upper-case ISO3 code
    name: str
    country: str | None = None
    actor_kind: str | None = None  # the actor's kind for an actor ref


@dataclass(frozen=True)
class ActorBrief(_Record):
    id: str
    name: str
    country: str | None
    kind: str


@dataclass
class ReportView(_Record):
    """One sentence of one article that reports the event, with where the roles appear in it."""

    article_id: str
    sentence: str
    start: int
    end: int
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    source_text: str | None = None  # the words that named the source here ("She")
    target_text: str | None = None
    highlights: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class EventView(_Record):
    id: str
    date: str
    source: ActorBrief
    target: ActorBrief | None
    cameo: str
    root: str
    label: str
    quad_class: int
    goldstein: float
    plover: str | None
    action_text: str
    confidence: float
    mode: str | None
    reports: list[ReportView] = field(default_factory=list)
    mutual: bool = False  # shown once for both directions: its twin (B->A) was folded into it

    @property
    def n_sources(self) -> int:
        return len({r.article_id for r in self.reports})

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["n_sources"] = self.n_sources
        return data


@dataclass
class DirectionSummary(_Record):
    """Everything one actor (or country) did to another, one direction only."""

    source: ActorRef
    target: ActorRef
    total: int = 0
    by_quad: dict[str, int] = field(default_factory=dict)
    by_root: list[dict[str, Any]] = field(default_factory=list)
    goldstein_total: float = 0.0
    goldstein_mean: float | None = None
    top_actions: list[dict[str, Any]] = field(default_factory=list)
    first_date: str | None = None
    last_date: str | None = None
    recent: list[EventView] = field(default_factory=list)
    # Who acted on whom inside the direction (busiest actor pairs), and how many of its events
    # have a non-state actor (NON_STATE_KINDS) at either end: counted, but never as the state.
    pairs: list[dict[str, Any]] = field(default_factory=list)
    non_state: int = 0


@dataclass
class Relationship(_Record):
    a: ActorRef
    b: ActorRef
    filters: Filters
    a_to_b: DirectionSummary
    b_to_a: DirectionSummary
    bucket: str | None = None  # set when the timeline was asked for with the relationship
    timeline: list[TimelineBucket] = field(default_factory=list)
    summary: str | None = None  # the change over the timeline in one line (change_summary)

    @property
    def total(self) -> int:
        return self.a_to_b.total + self.b_to_a.total


@dataclass
class TimelineBucket(_Record):
    start: str  # first day of the bucket (Monday for weeks)
    total: int
    by_quad: dict[str, int]
    goldstein_mean: float | None
    cooperation: int  # QuadClass 1 + 2
    conflict: int  # QuadClass 3 + 4


@dataclass
class Timeline(_Record):
    actor: ActorRef | None  # None: every event in the graph
    with_: ActorRef | None
    bucket: str
    filters: Filters
    buckets: list[TimelineBucket]
    summary: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["with"] = data.pop("with_")
        return data


@dataclass
class Partner(_Record):
    actor: ActorBrief  # a country's partners are countries (a kind "country" brief)
    events: int
    goldstein_mean: float | None
    # Non-state actors (NON_STATE_KINDS) inside a country partner, each with its events
    # (part of `events`, listed so they are never silently counted as the state).
    non_state: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class ActorProfile(_Record):
    ref: ActorRef
    aliases: list[str]
    members: list[ActorBrief]  # a country's actors (busiest first); [the actor] for an actor
    events_as_source: int
    events_as_target: int
    by_quad: dict[str, int]
    by_root: list[dict[str, Any]]
    partners_out: list[Partner]
    partners_in: list[Partner]
    recent: list[EventView]


@dataclass
class SearchHit(_Record):
    kind: str  # "actor" or "country"
    id: str
    name: str
    country: str | None
    actor_kind: str | None
    aliases: list[str]
    matched: str  # the name or alias that matched
    description: str = ""  # what choosing it means ("country: all actors of Mexico")


@dataclass
class Dyad(_Record):
    a: ActorBrief
    b: ActorBrief
    a_to_b: int
    b_to_a: int
    total: int
    goldstein_mean: float | None


@dataclass
class EventPage(_Record):
    """One page of a filtered event list, newest first, with the count of all that match."""

    filters: Filters
    total: int
    offset: int
    limit: int
    events: list[EventView]
    actor: ActorRef | None = None  # events touching it (with `with_`: between the two)
    with_: ActorRef | None = None
    source: ActorRef | None = None
    target: ActorRef | None = None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["with"] = data.pop("with_")
        return data


@dataclass
class Connection(_Record):
    """A shortest chain actor -event- actor -event- ... linking two references."""

    a: ActorRef
    b: ActorRef
    found: bool
    actors: list[ActorBrief]
    events: list[EventView]  # events[i] links actors[i] and actors[i + 1]

    @property
    def hops(self) -> int:
        return len(self.events)


@dataclass
class ArticlePassage(_Record):
    """A stretch of an article's clean text: plain, or a sentence that reports `event_ids`."""

    start: int
    end: int
    text: str
    event_ids: list[str] = field(default_factory=list)


@dataclass
class ArticleView(_Record):
    """An article as evidence: its clean text cut into passages (each reporting sentence
    marked with its events) and the events it reports, in reading order."""

    id: str
    url: str | None
    title: str | None
    outlet: str | None
    published: str | None
    has_text: bool
    passages: list[ArticlePassage] = field(default_factory=list)
    events: list[EventView] = field(default_factory=list)


@dataclass
class Overview(_Record):
    nodes: dict[str, int]
    relationships: dict[str, int]
    first_date: str | None
    last_date: str | None
    by_quad: dict[str, int]
    countries: int
    outlets: list[dict[str, Any]]


def record_fields(cls: type) -> list[str]:
    """Field names of a record type (for CSV headers and the OpenAPI document)."""
    return [f.name for f in fields(cls)]
