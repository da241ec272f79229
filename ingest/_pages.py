"""Find the headline, dateline and article body in a saved news page; drop everything else.

A saved page is mostly not the article: menus, trending lists, share buttons, footers, cookie
notices, related-story teasers, captions. The heuristics here are about *shape*, not about one
site's strings:

* the body is a run of prose paragraphs (several words, ending like a sentence, not title-case);
* the dateline is a short line near the top carrying a date (`Updated: 05-05-2025 06:42 IST`,
  `By Jane Roe | March 3, 2024`) or a wire prefix (`WASHINGTON, Nov 12 (Reuters) -`);
* the headline is the last headline-like line (several words, no closing period) above the
  first prose paragraph or dateline;
* the body ends at a footer marker (`TRENDING`, `Related`, `ALSO READ`, `©`, `Give Feedback`,
  ...) or at a run of non-prose lines;
* inside the body, captions, credits, bylines and UI lines are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache, wraps
from typing import Any, TypeVar

from ingest._captions import is_caption
from ingest.dates import WireDateline, context_year, parse_published, parse_wire_dateline

_TERMINAL = re.compile(r"[.!?…][\"”’'»)\]]*$")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*|\d[\d,.:%]*")

# Section headings that come after an article: where the body ends.
_FOOTER_HEADINGS = (
    r"trending(?:\s+(?:now|news|stories|today))?",
    r"related(?:\s+(?:stories|articles|news|coverage|content|posts|topics|reading|links|videos))?",
    r"(?:also\s+read|read\s+(?:more|also|next))\b(?:\s*:.*)?",
    r"more\s+(?:from|stories|news|in|on|to\s+read)\b.*",
    r"recommended(?:\s+(?:for\s+you|stories|reading))?",
    r"you\s+(?:may|might)\s+also\s+(?:like|enjoy)",
    r"(?:most|top)\s+(?:read|popular|viewed|shared|stories)",
    r"popular(?:\s+(?:now|stories|news))?",
    r"latest(?:\s+(?:news|stories|videos|updates))?",
    r"editor'?s\s+picks?",
    r"give\s+feedback",
    r"leave\s+a\s+(?:comment|reply)",
    r"comments?(?:\s*\(\d+\))?",
    r"show\s+comments",
    r"join\s+the\s+conversation",
    r"share\s+this(?:\s+(?:article|story|page))?",
    r"tags?\s*:.*",
    r"topics?\s*:.*",
    r"filed\s+under\s*:?.*",
    r"about\s+us",
    r"contact\s+us",
    r"opinion\s*/.*",
    r"sponsored(?:\s+content)?",
    r"(?:©|\(c\)|copyright\b).*",
    r"all\s+rights\s+reserved.*",
)
_FOOTER_RE = re.compile(r"^(?:" + "|".join(_FOOTER_HEADINGS) + r")[\s:.]*$", re.IGNORECASE)
_UI_WORDS = (
    r"menu|left menu|main menu|navigation|skip to (?:main )?content|skip navigation|search|"
    r"sign in|sign up|log in|login|register|subscribe|subscribe now|newsletter|share|tweet|"
    r"facebook|twitter|x|whatsapp|linkedin|telegram|reddit|email|e-mail|print|copy link|"
    r"advertisement|advertisements?|ad|sponsored|close|home|listen|listen to this article|"
    r"play video|watch|loading\.*|back to top|next|previous|more|menu toggle|open menu|"
    r"accept|accept all|reject all|manage preferences|cookie settings|got it|ok|"
    r"\d+\s*(?:min|minute)s?\s+read|audio|video|photos?|gallery|live|updated|follow"
)
_UI_RE = re.compile(r"^(?:" + _UI_WORDS + r")[\s.:!]*$", re.IGNORECASE)
_SOCIAL = re.compile(
    r"\b(?:linkedin|quora|youtube|rss|facebook|twitter|instagram|whatsapp|telegram|tiktok|"
    r"pinterest|reddit|threads|bluesky)\b",
    re.IGNORECASE,
)
_CHROME_PROSE = re.compile(
    r"\b(?:cookies?|consent|privacy\s+policy|terms\s+(?:of|and)\s+(?:use|service|conditions)|"
    r"newsletter|subscri(?:be|ption)|sign\s+up|log\s+in|your\s+browser|javascript|ad\s*blocker|"
    r"notifications)\b",
    re.IGNORECASE,
)
_SECOND_PERSON = re.compile(
    r"\b(?:you|your|click|tap|we\s+use|our\s+(?:site|website|partners|use\s+of))\b", re.IGNORECASE
)
_EMBED = re.compile(
    r"pic\.twitter\.com/|\bt\.co/|(?:twitter|x|instagram|facebook|tiktok)\.com/|"
    r"—\s*[^()]{1,60}\(@\w+\)|^@\w+$|^(?:https?://|www\.)\S+$",
    re.IGNORECASE,
)
_CONTACT = re.compile(r"^(?:e-?mail|phone|tel|fax|whatsapp|address)\s*:", re.IGNORECASE)
_CREDIT = re.compile(
    r"^(?:\(.*\)|\[.*\])$|^(?:reporting|writing|editing|additional\s+reporting|compiled|edited|"
    r"written|produced)\s+by\b|contributed\s+(?:to\s+)?(?:this\s+)?(?:report|reporting)|"
    r"^(?:source|sources|via)\s*:",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^(?:By|BY|Written by|Words by)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
    r"(?:\s*(?:,|and|AND|&|\|)\s*.*)?$"
)
_COPYRIGHT_OUTLET = re.compile(
    r"^(?:(?:©|\(c\)|copyright)\s*)+(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?)?[\s,]*"
    r"(?P<name>[A-Za-z][^.|©]{1,60}?)\s*(?:[.|,]|all\s+rights|$)",
    re.IGNORECASE,
)
_DESK_RE = re.compile(
    r"^(?P<outlet>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3}?)\s+(?:News\s+)?"
    r"(?:Desk|Web\s+Desk|Bureau|Staff|Newsroom|Correspondent)\b"
)


_F = TypeVar("_F", bound=Any)


def _memo(func: _F) -> _F:
    """Memoize a paragraph test for short paragraphs only: they are tested several times per
    page and boilerplate repeats across pages, but a long-lived process must not pin big text."""
    cached = lru_cache(maxsize=8192)(func)

    @wraps(func)
    def wrapper(p: str, *args: Any) -> Any:
        return cached(p, *args) if len(p) <= 600 else func(p, *args)

    return wrapper  # type: ignore[return-value]


@dataclass(frozen=True)
class CleanPage:
    title: str | None
    text: str  # body paragraphs joined by a blank line
    summary: str | None
    dateline: str | None
    published: datetime | None
    outlet: str | None
    place: str | None = None  # the wire dateline's place ("CARACAS"), cut from the body


def _squash(line: str) -> str:
    return re.sub(r"[ \t\u00a0\u2009\u202f\u200b\ufeff]+", " ", line).strip()


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def paragraphs(raw: str) -> list[str]:
    """Split a page into paragraphs: blank lines separate blocks; a block is one paragraph when
    its lines look hard-wrapped (similar long lengths, sentence flowing on), else one per line."""
    out: list[str] = []
    block: list[str] = []

    def flush() -> None:
        if not block:
            return
        lines = list(block)
        block.clear()
        merged = [lines[0]]
        wrapped = _hard_wrapped(lines)
        for line in lines[1:]:
            prev = merged[-1]
            flows = (
                len(prev) >= 20
                and not _TERMINAL.search(prev)
                and not prev.endswith(":")
                and (line[:1].islower() or line[:1] in ",;)")
            )
            if wrapped or flows:
                merged[-1] = prev + " " + line
            else:
                merged.append(line)
        out.extend(merged)

    for raw_line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = _squash(raw_line)
        if line:
            block.append(line)
        else:
            flush()
    flush()
    return out


def _hard_wrapped(lines: list[str]) -> bool:
    if len(lines) < 2:
        return False
    body = lines[:-1]
    longest = max(len(x) for x in body)
    if longest < 50 or any(len(x) < 0.7 * longest for x in body):
        return False
    if any("|" in x for x in lines):
        return False
    open_ended = sum(1 for x in body if not _TERMINAL.search(x))
    # A wrapped paragraph ends a sentence; a block of same-length headlines does not.
    ends_sentence = bool(_TERMINAL.search(lines[-1]))
    return open_ended * 2 >= len(body) and len(lines[-1]) <= longest + 10 and ends_sentence


def _is_credit(p: str) -> bool:
    byline = _BYLINE.match(p) and len(_words(p)) <= 16 and not _TERMINAL.search(p)
    return bool(_CREDIT.search(p) or byline)


@_memo
def is_footer_marker(p: str) -> bool:
    if p.startswith(("©", "(c) ", "Copyright")):
        return True
    return len(_words(p)) <= 7 and bool(_FOOTER_RE.match(p))


@_memo
def is_junk(p: str) -> bool:
    """UI text, captions, credits, contact lines: never article prose."""
    words = _words(p)
    if not words:
        return True
    if _UI_RE.match(p) or _CONTACT.match(p) or is_caption(p) or _is_credit(p):
        return True
    if _EMBED.search(p) and len(words) < 60:
        return True
    if p.count("|") >= 2 and not _TERMINAL.search(p):
        return True
    social = len(_SOCIAL.findall(p))
    if social >= 2 and social * 2 >= len(words):
        return True
    return (
        bool(_CHROME_PROSE.search(p))
        and bool(_SECOND_PERSON.search(p))
        and (len(words) < 60 or p.lower().count("cookie") >= 2)
    )


@_memo
def is_prose(p: str, min_words: int = 6) -> bool:
    """Sentence-like text: enough words, ends like a sentence, not a title-case headline.

    A sentence ending in a full stop may be dense with names ("U.S. President Donald Trump
    and Mexican President Claudia Sheinbaum met in Washington.") as long as some lower-case
    words carry it; one ending in ? or ! must not be title case (headlines do that).
    """
    words = _words(p)
    if len(words) < min_words:
        return False
    if not _TERMINAL.search(p):
        return len(words) >= 25 and _mostly_lowercase(words)
    if _mostly_lowercase(words):
        return True
    stop = p.rstrip("\"”’'»)] ")[-1:]
    content = [w for w in words if w[:1].islower() and w.lower() not in _TITLE_CASE_SMALL]
    return stop in ".…" and len(content) >= 1


# Words that title-case headlines leave in lower case.
_SMALL_WORDS = "a an the and or but nor of to in on at for by with from as vs via per into over up"
_TITLE_CASE_SMALL = frozenset(_SMALL_WORDS.split())


def _mostly_lowercase(words: list[str]) -> bool:
    alpha = [w for w in words if w[:1].isalpha()]
    if not alpha:
        return False
    capitalized = sum(1 for w in alpha if w[:1].isupper())
    return capitalized / len(alpha) < 0.6 or len(alpha) < 4 and capitalized < len(alpha)


def _leads_in(p: str) -> bool:
    """A body sentence that introduces a quote or list: 'The minister told reporters:'."""
    words = _words(p)
    return p.endswith(":") and len(words) >= 4 and _mostly_lowercase(words)


@_memo
def is_headline(p: str) -> bool:
    words = _words(p)
    if not 3 <= len(words) <= 30 or len(p) > 250:
        return False
    if p.endswith(".") and not p.endswith("..."):
        return False
    if is_junk(p) or is_footer_marker(p):
        return False
    alpha = [w for w in words if w[:1].isalpha()]
    if len(alpha) < 2:
        return False
    return not (p.isupper() and len(words) <= 4)  # "OPINION / BLOG"-style section labels


def _dateline_in(p: str, year: int | None) -> datetime | None:
    if is_caption(p):
        return None  # a caption's date is the picture's, not the article's
    if len(p) > 240 or len(_words(p)) > 40 or is_prose(p, 12):
        return None
    return parse_published(p, year=year)


_STAMP_LABEL = re.compile(r"^(?:filed|first\s+published|published|posted|created)\b", re.I)


def _stamp_below(paras: list[str], start: int) -> datetime | None:
    """A labelled stamp printed under the article (`Filed 14 Nov 2025 09:48 GMT | (c) ...`)."""
    for p in paras[start:]:
        if len(p) <= 160 and _STAMP_LABEL.match(p):
            value = parse_published(p)
            if value is not None:
                return value
    return None


def _wire_published(
    wire: WireDateline | None, stamp: datetime | None, year: int | None
) -> datetime | None:
    """The wire dateline's day, with the year (and time) of a stamp on the same day below the
    article, else the year it states, else the copyright line's; a stamp alone when there is
    no wire dateline. No year anywhere: unknown."""
    if wire is None or wire.month is None:
        return stamp
    same_day = stamp is not None and (stamp.month, stamp.day) == (wire.month, wire.day)
    if stamp is not None and same_day and wire.year in (None, stamp.year):
        return stamp
    return wire.date(wire.year or (stamp.year if stamp else None) or year)


def _outlet_from(dateline: str) -> str | None:
    for part in re.split(r"\s*\|\s*", dateline):
        m = _DESK_RE.match(part)
        if m:
            return m.group("outlet")
    return None


def _copyright_holder(p: str) -> str | None:
    """`© 2024 Reuters. All rights reserved` -> Reuters; `© Copyright 2025` -> None."""
    m = _COPYRIGHT_OUTLET.match(p)
    if not m:
        return None
    name = m.group("name").strip()
    if re.match(r"(?i)(?:all\s+rights|copyright|reserved)", name) or not name[:1].isupper():
        return None
    return name


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


def clean_page(raw: str, *, title: str | None = None, body_only: bool = False) -> CleanPage:
    """Headline, dateline and body of a page's visible text (see the module docstring).

    `body_only` is for text that is already the article (extracted HTML, a JSONL `text`
    field): no headline search, and the body may start with a short paragraph.
    """
    paras = paragraphs(raw)
    year = context_year(raw)
    start_words = 3 if body_only else 6
    first_prose = next((i for i, p in enumerate(paras) if _body_like(p, start_words)), None)
    dateline_idx, published = _header_dateline(paras, year, start_words)
    body_from = _body_start(paras, first_prose, dateline_idx, start_words)

    found_title = title
    title_idx: int | None = None
    if not body_only:
        top = min(x for x in (first_prose, dateline_idx, body_from) if x is not None)
        title_idx = _headline_index(paras, top, year)
        if title_idx is not None:
            found_title = found_title or re.sub(r"^\d{1,2}[.)]\s+", "", paras[title_idx])
    summary_parts = _standfirst(paras, title_idx, dateline_idx, body_from, start_words)

    body, wire_text = _body(paras, body_from, found_title, dateline_idx)
    if published is None:
        wire = parse_wire_dateline(wire_text + " x") if wire_text else None
        published = _wire_published(wire, _stamp_below(paras, body_from), year)

    dateline = paras[dateline_idx] if dateline_idx is not None else wire_text
    return CleanPage(
        title=found_title,
        text="\n\n".join(body),
        summary="\n\n".join(summary_parts) or None,
        dateline=dateline,
        published=published,
        outlet=_page_outlet(paras, dateline_idx, wire_text),
        place=_wire_place(wire_text),
    )


def _wire_place(wire_text: str | None) -> str | None:
    """The place of a wire dateline cut from the body (`CARACAS —` -> CARACAS)."""
    wire = parse_wire_dateline(wire_text + " x") if wire_text else None
    return wire.place if wire is not None else None


def _body_like(p: str, start_words: int) -> bool:
    """A paragraph that can open or continue the article, as opposed to page furniture."""
    return is_prose(p, start_words) and not is_junk(p) and not is_footer_marker(p)


def _header_dateline(
    paras: list[str], year: int | None, start_words: int
) -> tuple[int | None, datetime | None]:
    """The article's own dateline: a short dated line above the body, or below a standfirst of
    a paragraph or two; a date found deep inside the article is not the publication's."""
    prose_seen = 0
    for i in range(min(len(paras), 80)):
        if _body_like(paras[i], start_words):
            prose_seen += 1
            if prose_seen > 3:
                break
            continue
        value = _dateline_in(paras[i], year)
        if value is not None:
            return i, value
    return None, None


def _body_start(
    paras: list[str], first_prose: int | None, dateline_idx: int | None, start_words: int
) -> int:
    """Where the body begins: after the dateline when there is one, so that a standfirst above
    it stays out of the text."""
    n = len(paras)
    body_from = n if first_prose is None else first_prose
    if dateline_idx is not None:
        after = next(
            (i for i in range(dateline_idx + 1, n) if _body_like(paras[i], start_words)), None
        )
        if after is not None:
            body_from = after
    return body_from


def _headline_index(paras: list[str], top: int, year: int | None) -> int | None:
    """The headline: the last headline-like line above `top`, unless one a little higher is
    printed again further down (image alt text, breadcrumb, share text): a repeated line is
    the page's own title, the nearest may be a deck or a label."""
    candidates = [
        i
        for i in range(top - 1, -1, -1)
        if is_headline(paras[i]) and _dateline_in(paras[i], year) is None
    ]
    if not candidates:
        return None
    keys = [_norm(p) for p in paras]
    for i in candidates[:3]:
        if keys[i] and keys.count(keys[i]) > 1 and i >= candidates[0] - 6:
            return i
    return candidates[0]


def _standfirst(
    paras: list[str],
    title_idx: int | None,
    dateline_idx: int | None,
    body_from: int,
    start_words: int,
) -> list[str]:
    """Prose between the headline and a dateline above the body: the page's summary, kept
    apart so it is not coded twice with the body that restates it."""
    if dateline_idx is None or body_from <= dateline_idx:
        return []
    return [
        paras[i]
        for i in range((title_idx if title_idx is not None else -1) + 1, dateline_idx)
        if _body_like(paras[i], start_words) and is_prose(paras[i], 6)
    ]


def _page_outlet(paras: list[str], dateline_idx: int | None, wire_text: str | None) -> str | None:
    """Who published the page: the desk in the dateline, else the copyright holder, else the
    wire agency, so that sources are credited even when the page names none up top."""
    outlet = _outlet_from(paras[dateline_idx]) if dateline_idx is not None else None
    if outlet is None:
        outlet = next((name for p in paras if (name := _copyright_holder(p)) is not None), None)
    if outlet is None and wire_text:
        wire = parse_wire_dateline(wire_text + " x")
        outlet = wire.agency if wire else None
    return outlet


def _body(
    paras: list[str], start: int, title: str | None, dateline_idx: int | None
) -> tuple[list[str], str | None]:
    """Prose paragraphs from `start` to the first footer marker (or a run of non-prose lines),
    with a leading wire dateline cut off and captions/credits/UI lines dropped."""
    body: list[str] = []
    wire_text: str | None = None
    unknown_run = 0
    title_key = _norm(title) if title else None
    for i in range(start, len(paras)):
        p = paras[i]
        if is_footer_marker(p):
            break
        if not body and wire_text is None:
            wire = parse_wire_dateline(p)
            if wire:
                wire_text = wire.text.strip()
                p = p[len(wire.text) :].strip()
                if not p:
                    continue
        if i == dateline_idx or is_junk(p) or (title_key and _norm(p) == title_key):
            continue
        if is_prose(p, 3) or (body and (len(_words(p)) >= 25 or _leads_in(p))):
            body.append(p)
            unknown_run = 0
        else:
            unknown_run += 1
            if body and unknown_run >= 3:
                break
    return body, wire_text
