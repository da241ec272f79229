"""Where the source, the action and the target appear in a reporting sentence.

A report keeps the words that named each actor in its sentence ("She", "the leaders"); those
are looked for first, then the actor's longest name or alias, then the action text (or its
first word), case- and accent-insensitively. Spans always cover whole words: a name that
starts a longer word ("Russia" in "Russian") marks the whole word. When the words that named an
actor are not one of its names, the span says what they were resolved to. A role that cannot
be found is simply not highlighted.
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


def _word_end(haystack: str, j: int) -> int:
    while j < len(haystack) and haystack[j].isalnum():
        j += 1
    return j


def _find(
    haystack: str,
    needles: list[str],
    taken: list[tuple[int, int]],
    min_len: int = 2,
    prefix_ok: bool = True,
) -> tuple[int, int] | None:
    """The first free span where a needle starts a word; it ends at a word end (a needle of 5+
    letters may be the start of a longer word, whose end the span then takes, unless
    `prefix_ok` is false)."""
    for needle in sorted({n for n in needles if n and len(n) >= min_len}, key=len, reverse=True):
        probe = _folded(needle)
        start = 0
        while True:
            i = haystack.find(probe, start)
            if i < 0:
                break
            j = i + len(probe)
            starts_word = i == 0 or not haystack[i - 1].isalnum()
            ends_word = j == len(haystack) or not haystack[j].isalnum()
            if starts_word and (ends_word or (prefix_ok and len(probe) > 4)):
                j = _word_end(haystack, j)
                if all(j <= s or i >= e for s, e in taken):
                    return i, j
            start = i + 1
    return None


def _names_in(words: str, names: list[str]) -> bool:
    """Whether the words that named an actor hold one of its names as whole words (then
    there is nothing to explain; "Russian envoy" is not the name "Russia")."""
    return _find(_folded(words), names, [], prefix_ok=False) is not None


def highlight(
    sentence: str,
    source_names: list[str],
    target_names: list[str],
    action_text: str,
    source_words: str | None = None,
    target_words: str | None = None,
) -> list[dict[str, Any]]:
    """[{start, end, role, resolved_to}] within the sentence, sorted, never overlapping;
    `resolved_to` is the actor's name when the sentence names it otherwise ("She")."""
    hay = _folded(sentence)
    taken: list[tuple[int, int]] = []
    out: list[dict[str, Any]] = []
    action_words = action_text.split()
    action_needles = [action_text]
    if action_words:
        action_needles.append(action_words[0])
    for role, names, words in (
        ("source", source_names, source_words),
        ("target", target_names, target_words),
        ("action", action_needles, None),
    ):
        span, resolved_to = None, None
        if words:
            span = _find(hay, [words], taken, min_len=1)
            if span and names and not _names_in(words, names):
                resolved_to = names[0]
        if span is None:
            span = _find(hay, names, taken)
        if span:
            taken.append(span)
            out.append({"start": span[0], "end": span[1], "role": role, "resolved_to": resolved_to})
    out.sort(key=lambda h: h["start"])
    return out


def segments(
    sentence: str, highlights: list[dict[str, Any]]
) -> list[tuple[str, str | None, str | None]]:
    """The sentence cut into (text, role or None, resolved_to or None) pieces, for marks."""
    pieces: list[tuple[str, str | None, str | None]] = []
    pos = 0
    for h in sorted(highlights, key=lambda h: h["start"]):
        s, e = max(h["start"], pos), min(h["end"], len(sentence))
        if s >= e:
            continue
        if s > pos:
            pieces.append((sentence[pos:s], None, None))
        pieces.append((sentence[s:e], h["role"], h.get("resolved_to")))
        pos = e
    if pos < len(sentence):
        pieces.append((sentence[pos:], None, None))
    return pieces
