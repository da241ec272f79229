"""ASCII folding for matching names across spellings: one rule for the extractor's phrase keys,
the stores' search text and the web search and highlighting.

anyascii (ISC) transliterates letters: accents go ("Erdoğan" -> "Erdogan"), the Turkish dotless
and dotted i become "i", "ß" becomes "ss", Cyrillic and Greek are romanized. Symbols such as
emoji fold to nothing rather than to anyascii's ":name:" spellings, which would read as words.
"""

from __future__ import annotations

import unicodedata

from anyascii import anyascii

__all__ = ["ascii_fold"]


def ascii_fold(text: str) -> str:
    """`text` in ASCII; ASCII text comes back unchanged (and fast)."""
    if text.isascii():
        return text
    return "".join(
        ch if ch.isascii() else "" if unicodedata.category(ch)[0] == "S" else anyascii(ch)
        for ch in text
    )
