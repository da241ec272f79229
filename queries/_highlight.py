"""Where the source, the action and the target appear in a reporting sentence.

Reports carry the sentence and its offsets in the article, not role spans, so roles are found
by name: the longest name or alias of each actor and the action text (or its first word), matched
case- and accent-insensitively. A role that cannot be found is simply not highlighted.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from kg.fold import ascii_fold


@lru_cache(maxsize=4096)
def _folded(text: str) -> str:
    """Lower-case, accent-free, same length as `text` when possible (so offsets carry over)."""
    if text.isascii():
        return text.lower()
    out = []
    for ch in text:
        f = ascii_fold(ch).lower()
        out.append(f if len(f) == 1 else ch.lower())
    return "".join(out)


def _find(
    haystack: str, needles: list[str], taken: list[tuple[int, int]]
) -> tuple[int, int] | None:
    for needle in sorted({n for n in needles if n and len(n) >= 2}, key=len, reverse=True):
        probe = _folded(needle)
        start = 0
        while True:
            i = haystack.find(probe, start)
            if i < 0:
                break
            j = i + len(probe)
            boundary_ok = (i == 0 or not haystack[i - 1].isalnum()) and (
                j == len(haystack) or not haystack[j].isalnum() or len(probe) > 4
            )
            if boundary_ok and all(j <= s or i >= e for s, e in taken):
                return i, j
            start = i + 1
    return None


def highlight(
    sentence: str, source_names: list[str], target_names: list[str], action_text: str
) -> list[dict[str, Any]]:
    """[{start, end, role}] within the sentence, sorted, never overlapping."""
    hay = _folded(sentence)
    taken: list[tuple[int, int]] = []
    out: list[dict[str, Any]] = []
    action_words = action_text.split()
    action_needles = [action_text]
    if action_words:
        action_needles.append(action_words[0])
    for role, needles in (
        ("source", source_names),
        ("target", target_names),
        ("action", action_needles),
    ):
        span = _find(hay, needles, taken)
        if span:
            taken.append(span)
            out.append({"start": span[0], "end": span[1], "role": role})
    out.sort(key=lambda h: h["start"])
    return out


def segments(sentence: str, highlights: list[dict[str, Any]]) -> list[tuple[str, str | None]]:
    """The sentence cut into (text, role or None) pieces, for rendering with marks."""
    pieces: list[tuple[str, str | None]] = []
    pos = 0
    for h in sorted(highlights, key=lambda h: h["start"]):
        s, e = max(h["start"], pos), min(h["end"], len(sentence))
        if s >= e:
            continue
        if s > pos:
            pieces.append((sentence[pos:s], None))
        pieces.append((sentence[s:e], h["role"]))
        pos = e
    if pos < len(sentence):
        pieces.append((sentence[pos:], None))
    return pieces
