"""Mention normalization shared by the lookup tables and the resolver.

Both sides go through the same `tokenize`, so "U.S.", "US" and "u.s" meet on the key "us",
"López" meets "Lopez", and "Mexico's" splits into "mexico" + the possessive marker "'s".
Tokens keep their character span in the original mention, so a new person's name is taken
as written ("Rosa Icela Rodríguez", "Jean-Yves Le Drian"), accents and hyphens included.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from unidecode import unidecode

POSSESSIVE = "'s"

_WORD = re.compile(r"[^\s\-\u2010-\u2015/]+")
_APOSTROPHES = "'\u2019\u2018\u02bc`\u00b4"
_POSSESSIVE_END = re.compile(r"(?<=\w)['\u2019\u02bc]s$|(?<=s)['\u2019\u02bc]$", re.IGNORECASE)
_EDGE_PUNCT = '"()[]{}<>,;:!?*\u201c\u201d\u00ab\u00bb' + _APOSTROPHES
_INNER_DROP = re.compile(r"[.'\u2019\u2018\u02bc`\u00b4]")
_KEEP = re.compile(r"[^a-z0-9&+]")


class Token(NamedTuple):
    norm: str  # lower-case ASCII key: "us", "lopez", "'s"
    raw: str  # the word ASCII-folded, dots dropped, case kept: "US", "Lopez"
    start: int  # span of the word in the original mention (possessive excluded)
    end: int

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
        word, start = match.group(), match.start()
        stripped = word.lstrip(_EDGE_PUNCT)
        start += len(word) - len(stripped)
        word = stripped.rstrip(_EDGE_PUNCT.replace("'", "").replace("\u2019", ""))
        possessive = False
        found = _POSSESSIVE_END.search(word)
        if found:
            word = word[: found.start()]
            possessive = True
        word = word.rstrip(_EDGE_PUNCT + ".")
        stripped = word.lstrip(".")
        start += len(word) - len(stripped)
        word = stripped
        raw = _INNER_DROP.sub("", unidecode(word))
        norm = _KEEP.sub("", raw.lower())
        if norm:
            out.append(Token(norm, raw, start, start + len(word)))
        if possessive:
            out.append(Token(POSSESSIVE, POSSESSIVE, start + len(word), start + len(word)))
    return tuple(out)


def key(text: str) -> str:
    """The lookup key of a phrase: its normalized tokens joined by single spaces."""
    return " ".join(t.norm for t in tokenize(text))
