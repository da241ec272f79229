"""Mention normalization shared by the lookup tables and the resolver.

Both sides go through the same `tokenize`, so "U.S.", "US" and "u.s" meet on the key "us",
"López" meets "Lopez", and "Mexico's" splits into "mexico" + the possessive marker "'s".
Tokens keep their character span in the original mention, so a new person's name is taken
as written ("Rosa Icela Rodríguez", "Jean-Yves Le Drian"), accents and hyphens included.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from kg.fold import ascii_fold

POSSESSIVE = "'s"

_HYPHENS = "-\u2010\u2011\u2012\u2013\u2014\u2015"
_WORD = re.compile(r"[^\s\-\u2010-\u2015/]+")
_APOSTROPHES = "'\u2019\u2018\u02bc`\u00b4"
_POSSESSIVE_END = re.compile(r"(?<=\w)['\u2019\u02bc]s$|(?<=s)['\u2019\u02bc]$", re.IGNORECASE)
_EDGE_PUNCT = '"()[]{}<>,;:!?*\u201c\u201d\u00ab\u00bb' + _APOSTROPHES
_RIGHT_PUNCT = _EDGE_PUNCT.replace("'", "").replace("\u2019", "")
_INNER_DROP = re.compile(r"[.'\u2019\u2018\u02bc`\u00b4]")
_KEEP = re.compile(r"[^a-z0-9&+]")


class Token(NamedTuple):
    norm: str  # lower-case ASCII key: "us", "lopez", "'s"
    raw: str  # the word ASCII-folded, dots dropped, case kept: "US", "Lopez"
    start: int  # span of the word in the original mention (possessive excluded)
    end: int
    joined: bool = False  # written hyphen-joined to the word before: "Ho-jen"

    @property
    def capitalized(self) -> bool:
        return self.raw[:1].isupper() or self.raw[:1].isdigit()

    @property
    def upper(self) -> bool:
        return self.raw.isupper()


def tokenize(text: str) -> tuple[Token, ...]:
    """Split a mention into normalized tokens; possessives become their own token."""
    out: list[Token] = []
    for match in _WORD.finditer(text):
        offset, length, norm, raw, possessive = _word(match.group())
        start = match.start() + offset
        joined = match.start() > 0 and text[match.start() - 1] in _HYPHENS
        if norm:
            out.append(Token(norm, raw, start, start + length, joined))
        if possessive:
            out.append(Token(POSSESSIVE, POSSESSIVE, start + length, start + length))
    return tuple(out)


@lru_cache(maxsize=65536)
def _word(word: str) -> tuple[int, int, str, str, bool]:
    """(offset, length, norm, raw, possessive) of one whitespace-separated word; cached."""
    stripped = word.lstrip(_EDGE_PUNCT)
    offset = len(word) - len(stripped)
    word = stripped.rstrip(_RIGHT_PUNCT)
    possessive = False
    found = _POSSESSIVE_END.search(word)
    if found:
        word = word[: found.start()]
        possessive = True
    word = word.rstrip(_EDGE_PUNCT + ".")
    stripped = word.lstrip(".")
    offset += len(word) - len(stripped)
    word = stripped
    folded = ascii_fold(word)
    raw = _INNER_DROP.sub("", folded)
    norm = _KEEP.sub("", raw.lower())
    return offset, len(word), norm, raw, possessive


def key(text: str) -> str:
    """The lookup key of a phrase: its normalized tokens joined by single spaces."""
    return " ".join(t.norm for t in tokenize(text))
