"""Image captions and photo credits: page furniture that is never coded as an event.

A caption reads like a sentence (`Putin meets Xi in Beijing, China, May 16, 2024.`), so the page
cleaner drops caption paragraphs (ingest/_pages.py) and the pipeline skips any that reach it in
text given directly (a JSONL field, a feed item, a pasted article).
"""

from __future__ import annotations

import re

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_CAPTION = re.compile(
    r"^(?:this\s+)?(?:image|photo(?:graph)?|picture|file\s+photo|representational\s+image|"
    r"representative\s+image|illustration|video)\b(?:\s+(?:is|was|shows|:|credit|courtesy))"
    r"|^image\s+(?:caption|source)\b"
    r"|ai-generated|for\s+illustrative\s+purposes|does\s+not\s+depict|"
    r"\((?:ap|afp|reuters|getty|epa|xinhua|ani|pti)[^)]*(?:photo|images?|pool)[^)]*\)\s*$|"
    r"\b(?:photo|image|picture)\s*(?:credit)?\s*:|\bcredit\s*:|\bgetty\s+images\b|"
    r"^(?:file\s+)?photo\b|/(?:reuters|ap|afp|epa)\s*$"
    # wire photo credits: "REUTERS/Jane Doe", "Pool via REUTERS"
    r"|\b(?:reuters|afp|epa)/\w|\bvia\s+(?:reuters|afp|ap|getty(?:\s+images)?)\s*$"
    # the wire caption's shape: a place, then the picture's full date, and a full stop
    # ("... in Beijing, China, May 16, 2024."; prose says "on Thursday, May 16, 2024", and a
    # dateline "Updated 10:24 PM EST, March 3, 2024" has no full stop)
    rf"|(?<!day),\s+{_MONTH}\s+\d{{1,2}},\s+(?:19|20)\d{{2}}\.\s*$",
    re.IGNORECASE,
)
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def is_caption(paragraph: str) -> bool:
    """Is this paragraph an image caption or a photo credit?"""
    return bool(_CAPTION.search(paragraph.strip()))


def caption_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the caption paragraphs of a text (paragraphs are split by blank lines)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = m.start() if m else len(text)
        if is_caption(text[start:end]):
            spans.append((start, end))
        start = m.end() if m else end
    return spans
