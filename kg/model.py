"""The graph's domain model: actors, events, articles and the evidence linking them.

Every node has a stable id derived from what it *is* (not from when it was seen), so writing
the same article twice, or the same event from two articles, lands on the same node.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any

ACTOR_KINDS = (
    "person",
    "government",
    "military",
    "ministry",
    "legislature",
    "judiciary",
    "police",
    "organization",
    "igo",
    "group",
    "country",
)

# Event modes that are kept for the record but excluded from queries by default.
EVENT_MODES = ("negated", "hypothetical", "future", "question")


def slugify(text: str) -> str:
    """ASCII, lower-case, hyphen-separated: safe in URLs, IRIs and Cypher ids."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


def short_hash(*parts: str, length: int = 16) -> str:
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:length]


def normalize_text(text: str) -> str:
    """Whitespace- and case-folded text, so the same article pasted twice hashes the same."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip().lower()


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    country: str | None  # ISO3, "IGO" for international organizations, or None
    kind: str
    aliases: tuple[str, ...] = ()

    @staticmethod
    def make_id(name: str, country: str | None, kind: str) -> str:
        return slugify(f"{country or 'x'}-{kind}-{name}")

    @classmethod
    def create(
        cls, name: str, country: str | None, kind: str, aliases: tuple[str, ...] = ()
    ) -> Actor:
        if kind not in ACTOR_KINDS:
            raise ValueError(f"unknown actor kind {kind!r}; expected one of {ACTOR_KINDS}")
        return cls(cls.make_id(name, country, kind), name, country, kind, tuple(aliases))

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["aliases"] = list(self.aliases)
        return data


@dataclass(frozen=True)
class Article:
    id: str
    url: str | None
    title: str | None
    outlet: str | None
    published: str | None  # ISO 8601 datetime with offset, e.g. 2025-05-05T06:42:00+05:30
    text_hash: str = ""
    # The clean body the reports' offsets point into (the article page shows it); None for
    # articles written before it was kept.
    text: str | None = None

    @staticmethod
    def make_id(url: str | None, text: str) -> str:
        """From the URL when there is one, else from the normalized text."""
        if url:
            return "a-" + short_hash("url", url.strip())
        return "a-" + short_hash("text", normalize_text(text))

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Report:
    """Evidence: one sentence of one article that reports an event."""

    article_id: str
    sentence: str
    start: int  # character offsets of the sentence in the article's clean text
    end: int
    # The words that named the source and the target in this sentence, as written ("She",
    # "the leaders"): the event's actors may have been resolved from earlier sentences.
    source_text: str | None = None
    target_text: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Event:
    id: str
    source_id: str
    target_id: str | None
    date: str  # YYYY-MM-DD, the day the event happened
    cameo: str  # full code as a string, leading zeros kept: "0311"
    root: str  # "03"
    label: str
    quad_class: int  # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    goldstein: float
    plover: str | None
    action_text: str
    confidence: float
    mode: str | None = None  # one of EVENT_MODES, or None for a plain asserted event
    reports: tuple[Report, ...] = ()

    @staticmethod
    def make_id(source_id: str, target_id: str | None, cameo: str, date: str) -> str:
        """Same who-did-what-to-whom on the same day is the same event, whoever reports it."""
        return "e-" + short_hash(source_id, target_id or "", cameo, date)

    @classmethod
    def coded(
        cls,
        source_id: str,
        target_id: str | None,
        cameo: str,
        date: str,
        *,
        action_text: str,
        confidence: float,
        mode: str | None = None,
        reports: tuple[Report, ...] = (),
        id: str | None = None,
    ) -> Event:
        """An event whose label, root, QuadClass, Goldstein and PLOVER come from the codebook,
        so they can never disagree with its CAMEO code."""
        from kg.codebook import lookup

        entry = lookup(cameo)
        return cls(
            id=id or cls.make_id(source_id, target_id, cameo, date),
            source_id=source_id,
            target_id=target_id,
            date=date,
            cameo=entry.code,
            root=entry.root,
            label=entry.label,
            quad_class=entry.quad_class,
            goldstein=entry.goldstein,
            plover=entry.plover,
            action_text=action_text,
            confidence=confidence,
            mode=mode,
            reports=tuple(reports),
        )

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["reports"] = [r.to_dict() for r in self.reports]
        return data


@dataclass
class GraphBatch:
    """What one article contributes to the graph; stores write a batch in one transaction."""

    articles: list[Article] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def extend(self, other: GraphBatch) -> None:
        self.articles.extend(other.articles)
        self.actors.extend(other.actors)
        self.events.extend(other.events)

    def __len__(self) -> int:
        return len(self.articles) + len(self.actors) + len(self.events)
