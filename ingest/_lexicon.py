"""The verb-phrase lexicon: verb and event-noun lemmas to CAMEO codes.

The table lives in `ingest/data/verbs.tsv` (format documented at its top and in
docs/extraction.md). A verb often has several codes (`agree` can be 019, 036, 057 or 0871);
the complements decide: the entry whose cue words occur in the verb's object or complement
clause wins over a bare entry, and a longer (more specific) code wins a tie.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

from kg.codebook import codebook

TABLE = "verbs.tsv"


class LexiconError(ValueError):
    """A malformed lexicon row; the message names the file and line."""


@dataclass(frozen=True)
class Entry:
    pos: str  # "V" or "N"
    lemma: str
    particle: str | None
    cues: frozenset[str]
    code: str
    target: str | None  # "dobj", "prep:to", "none" or None (generic search)
    line: int

    @property
    def specificity(self) -> tuple[int, int, int]:
        # a code ending in 0 is CAMEO's "not specified below": any sibling is more specific
        unspecified = len(self.code) == 3 and self.code.endswith("0")
        return (1 if self.cues else 0, 1 if self.particle else 0, len(self.code) - unspecified)


@dataclass(frozen=True)
class Match:
    entry: Entry
    cue: str | None  # the cue word that matched, if any

    @property
    def code(self) -> str:
        return self.entry.code


class Lexicon:
    def __init__(self, entries: Iterable[Entry]) -> None:
        self._by_key: dict[tuple[str, str], list[Entry]] = defaultdict(list)
        for e in entries:
            self._by_key[(e.pos, e.lemma)].append(e)

    def __contains__(self, key: tuple[str, str]) -> bool:
        return key in self._by_key

    def entries_for(self, pos: str, lemma: str) -> list[Entry]:
        """The entries of one head word (empty when it has none)."""
        return list(self._by_key.get((pos, lemma), ()))

    def entries(self) -> list[Entry]:
        return [e for group in self._by_key.values() for e in group]

    def lookup(
        self, pos: str, lemma: str, particles: set[str], bag: dict[str, int]
    ) -> Match | None:
        """Best entry for a head word given its particles and its complement lemmas.

        `bag` maps complement lemmas to their distance from the head (nearer cues win).
        """
        best: tuple[tuple[int, int, int, int], Match] | None = None
        for e in self._by_key.get((pos, lemma), ()):
            if e.particle and e.particle not in particles:
                continue
            cue = None
            if e.cues:
                hits = [(bag[c], c) for c in e.cues if c in bag]
                if not hits:
                    continue
                cue = min(hits)[1]
                distance = -min(hits)[0]
            else:
                distance = 0
            key = (*e.specificity, distance)
            if best is None or key > best[0]:
                best = (key, Match(e, cue))
        return best[1] if best else None

    def roots(self) -> set[str]:
        return {e.code[:2] for e in self.entries()}


def table_rows(text: str) -> Iterator[tuple[int, list[str]]]:
    """(line number, stripped tab-separated columns) of a data table's rows: blank lines and
    `#` comments skipped. Each table's loader checks its own columns and names file and line."""
    for n, raw in enumerate(text.splitlines(), 1):
        if raw.strip() and not raw.startswith("#"):
            yield n, [c.strip() for c in raw.split("\t")]


def parse_table(text: str, name: str = TABLE) -> list[Entry]:
    book = codebook()
    entries = []
    for n, cols in table_rows(text):
        if len(cols) not in (5, 6):
            raise LexiconError(
                f"{name}:{n}: expected 5 or 6 tab-separated columns, got {len(cols)}"
            )
        pos, lemma, particle, cues, code = cols[:5]
        target = cols[5] if len(cols) == 6 else None
        if pos not in ("V", "N"):
            raise LexiconError(f"{name}:{n}: pos must be V or N, got {pos!r}")
        if code not in book:
            raise LexiconError(f"{name}:{n}: unknown CAMEO code {code!r}")
        if target and not (target in ("dobj", "none") or target.startswith("prep:")):
            raise LexiconError(f"{name}:{n}: bad target {target!r}")
        entries.append(
            Entry(
                pos,
                lemma.lower(),
                None if particle == "-" else particle.lower(),
                frozenset() if cues == "-" else frozenset(c.lower() for c in cues.split("|")),
                code,
                target,
                n,
            )
        )
    return entries


@cache
def lexicon() -> Lexicon:
    text = resources.files("ingest.data").joinpath(TABLE).read_text(encoding="utf-8")
    return Lexicon(parse_table(text))
