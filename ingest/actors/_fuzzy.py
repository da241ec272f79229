"""Misspelled names of known actors ("Ethopia", "Afganistan", "Bouteflicka", "peackeepers").

Wire copy and transcribed archives misspell names; an exact-match lexicon then loses the actor.
A word the lexicon does not know is read as a known one-word key only when the two are one edit
apart (insert, delete, substitute or swap two neighbours) and no other key is as close. Only long
words qualify, and lower-case words may only become actor nouns ("peackeepers"), never names, so
ordinary English is not turned into a state. A word the English model has seen (the string
table of the pinned spaCy model: "Mortar", "Surname", "reported") is never corrected, nor is an
edit at the first letter or in the last two ("Inland", "attacked"/"attacker"). Candidates come
from a deletion index built once (every key and its one-letter deletions), so a look-up touches a
handful of keys, not the registry.
"""

from __future__ import annotations

import importlib.util
import json
from functools import lru_cache
from pathlib import Path

from .._nlp import MODEL_PACKAGE
from ._data import Entry, Lexicon, lexicon

# A capitalized unknown word this long (or a lower-case one for actor nouns) may be a misspelling.
_MIN_NAME = 6
_MIN_NOUN = 8
# A shorter name ("Gbago") qualifies only when the word before it completes a known phrase with
# the correction ("Laurent Gbagbo"); a surname always needs a title or first name before it.
_MIN_SHORT = 5
_NAME_TYPES = frozenset({"loc", "person", "fixed"})
_NOUN_TYPES = frozenset({"sector", "group"})  # "group": generic nouns ("gunmen")


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _one_edit(a: str, b: str) -> bool:
    """True when a and b differ by exactly one insertion, deletion, substitution or swap."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) < len(b):
        return a[i:] == b[i + 1 :]
    if a[i + 1 :] == b[i + 1 :]:
        return True
    return i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]


class _Index:
    """Deletion index of the lexicon's one-word keys that name actors."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.by_variant: dict[str, set[str]] = {}
        for k, (entries, types) in lex.frozen.items():
            if " " in k or len(k) < _MIN_SHORT or not k.isalpha():
                continue
            if types.isdisjoint(_NAME_TYPES | _NOUN_TYPES) or not _usable(entries):
                continue
            for variant in _deletions(k) | {k}:
                self.by_variant.setdefault(variant, set()).add(k)

    def candidates(self, word: str) -> set[str]:
        found: set[str] = set()
        for variant in _deletions(word) | {word}:
            found |= self.by_variant.get(variant, set())
        return {k for k in found if _one_edit(word, k)}


def _usable(entries: tuple[Entry, ...]) -> bool:
    # a country name only hinted at ("Georgia"-like ambiguity) is not a safe target
    return not any(e.type == "ambiguous_loc" for e in entries)


@lru_cache(maxsize=1)
def _english() -> frozenset[str] | None:
    """Lower-case words of the spaCy model's string table (~59,000, read once); None when the
    model is not installed, which turns corrections off rather than risk English words."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    for base in spec.submodule_search_locations:
        for path in Path(base).glob("*/vocab/strings.json"):
            strings = json.loads(path.read_text(encoding="utf-8"))
            return frozenset(w.lower() for w in strings if isinstance(w, str) and w.isalpha())
    return None


@lru_cache(maxsize=1)
def _index() -> _Index:
    return _Index(lexicon())


@lru_cache(maxsize=16384)
def correction(norm: str, capitalized: bool, before: str | None) -> str | None:
    """The known key a misspelled word stands for, or None (known, short, ambiguous, or not
    an actor word). `before` is the previous word's key, needed for short names."""
    index = _index()
    lex = index.lex
    if not norm.isalpha() or norm in lex.frozen or norm in lex.prefixes:
        return None
    english = _english()
    if english is None or norm in english:
        return None
    if capitalized:
        if len(norm) < _MIN_SHORT:
            return None
        wanted = _NAME_TYPES
    elif len(norm) >= _MIN_NOUN:
        wanted = _NOUN_TYPES
    else:
        return None
    found = [k for k in index.candidates(norm) if not lex.frozen[k][1].isdisjoint(wanted)]
    if len(found) != 1:
        return None
    fixed = found[0]
    types = lex.frozen[fixed][1]
    if norm[0] != fixed[0]:
        return None  # "Inland" is not Finland: typos rarely hit the first letter
    if "person" not in types and _edit_at_end(norm, fixed):
        return None  # an ending, not a typo: "Franco" is not France, "attacked" not "attacker"
    if not capitalized:
        # a lower-case word is never corrected into a name
        return fixed if types <= _NOUN_TYPES | {"title"} else None
    if "person" in types:
        # a surname one letter off is often another person ("Medical School" is not Schoof):
        # only after a title or the person's own first name
        if before is None:
            return None
        known = f"{before} {fixed}" in lex.frozen
        titled = before in lex.frozen and "title" in lex.frozen[before][1]
        return fixed if known or (titled and len(norm) >= _MIN_NAME) else None
    return fixed if len(norm) >= _MIN_NAME else None


def _edit_at_end(a: str, b: str) -> bool:
    """The two words differ only in their last two letters (an ending, not a typo)."""
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    return i >= min(len(a), len(b)) - 2
