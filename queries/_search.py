"""Name matching for actor search: accent- and case-folded, every query word a word prefix."""

from __future__ import annotations

import re

from kg.fold import ascii_fold

_WORD = re.compile(r"[a-z0-9]+")


def fold(text: str) -> str:
    """ASCII lower-case with punctuation as spaces: 'López-Obrador' -> 'lopez obrador'."""
    return " ".join(_WORD.findall(ascii_fold(text or "").lower()))


def tokens(q: str) -> list[str]:
    return fold(q).split()


def match_name(words: list[str], folded_name: str) -> int | None:
    """Rank (lower is better) when every word starts some word of the name, else None.

    0 exact name, 1 the name starts with the query, 2 the words match in order, 3 any order.
    """
    if not words:
        return None
    query = " ".join(words)
    if folded_name == query:
        return 0
    if folded_name.startswith(query):
        return 1
    name_words = folded_name.split()
    if not all(any(n.startswith(w) for n in name_words) for w in words):
        return None
    return 2 if f" {query}" in f" {folded_name}" else 3
