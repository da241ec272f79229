"""Stage (f), dates: the day each coded act happened, or none (we never invent one).

An act takes the day its own date phrase names (`ingest.dates.resolve_relative`, counted from
the publication day in the dateline's calendar); `that day`, `the same day`, `the next day`
count from the story's anchor (the day of the last asserted act that named its own day); an
undated act takes the anchor, failing that the publication day; a day more than a week before
publication, once the story has a recent day, is background: it anchors only `that day`. A
period (`last week`, `in 2014`, `in March`) gives the story's day when that lies inside it, else
its own first day.
An asserted act is never dated after publication (a later day means the phrase belongs to
another clause); only acts in the future mode may be. With no publication date, only phrases
that state their own year give a day.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta
from typing import Any

from ingest.dates import resolve_relative

__all__ = ["EventDater", "date_phrase"]

_ANCHORED = re.compile(
    r"^(?:(?:later|earlier)\s+)?(?:on\s+)?(?:that|the\s+same)\s+day$"
    r"|^(?P<next>(?:on\s+)?the\s+(?:next|following)\s+day|a\s+day\s+later)$"
    r"|^(?:hours|minutes)\s+(?:later|earlier)$"
)
_PERIOD_WORD = re.compile(r"\b(?P<unit>week|weekend|month|year)s?\b")
_MONTH_ONLY = re.compile(
    r"^(?:(?:in|during|since|early|mid|late|last|this|earlier\s+this|past)[\s-]+)*"
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?:\s+(?:19|20)\d{2})?$"
)
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_BARE_YEAR = re.compile(r"^(?:(?:in|during|since|the\s+year)\s+)*(?:19|20)\d{2}$")
_WEEKDAY = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day", re.I)
_RECENT_DAYS = 7
_STATED_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def _normal(expression: str) -> str:
    return re.sub(r"\s+", " ", expression.strip().lower().replace("’", "'")).strip(" .,;:")


def _period_end(s: str, first: date) -> date | None:
    """The last day of the period a phrase names, or None when it names a day."""
    if "ago" in s.split():
        return None  # `two weeks ago` is counted to a day
    if _BARE_YEAR.match(s):
        return date(first.year, 12, 31)
    if _MONTH_ONLY.match(s):
        return first.replace(day=calendar.monthrange(first.year, first.month)[1])
    m = _PERIOD_WORD.search(s)
    if m is None:
        return None
    unit = m.group("unit")
    if unit == "weekend":
        return first + timedelta(days=1)
    if unit == "week":
        return first + timedelta(days=6)
    if unit == "month":
        return first.replace(day=calendar.monthrange(first.year, first.month)[1])
    return date(first.year, 12, 31)


class EventDater:
    """Dates the acts of one article in reading order (it keeps the story's anchor)."""

    def __init__(self, published: datetime | date | None) -> None:
        self.published = published.date() if isinstance(published, datetime) else published
        self.anchor: date | None = None  # the story's day, for undated acts
        self.last_day: date | None = None  # the last day named, for `that day`

    def day(self, expression: str | None, mode: str | None) -> date | None:
        """The act's day; None when no day can be given to it."""
        story = self.anchor or self.published
        if not expression:
            return story
        s = _normal(expression)
        m = _ANCHORED.match(s)
        if m:
            named = self.last_day or story
            if named is None:
                return None
            return named + timedelta(days=1) if m.group("next") else named
        own = self._resolve(s, mode)
        if own is None:
            return None if mode is None and self._earlier_month(s) else story
        first, last = own
        background = last is not None and story is not None and last < story
        if mode is None and background and _BARE_YEAR.match(s):
            return None  # "in 2019": background with no day given (GUIDELINES, Dates)
        if last is not None:  # a period: the story's day if it lies inside, else its first day
            if story is not None and first <= story <= last:
                return story
            if self.published is not None and first > self.published:
                return story if mode != "future" else first
            return first
        if mode != "future" and self.published is not None and first > self.published:
            return story  # an asserted act has happened: this phrase dates something else
        if mode is None:
            self._set_anchor(first)
        return first

    def _set_anchor(self, day: date) -> None:
        """A named day is the story's day unless it is background (more than a week before
        publication) told inside a current story (`On June 29, protesters broke in` after the
        July 20 acts of a July 20 story dates only itself)."""
        self.last_day = day
        if self.anchor is None or self._recent(day) or not self._recent(self.anchor):
            self.anchor = day

    def _recent(self, day: date) -> bool:
        return self.published is None or (self.published - day).days <= _RECENT_DAYS

    def _earlier_month(self, s: str) -> bool:
        """`in May` in a December story: a month before the publication's, no day given."""
        m = _MONTH_ONLY.match(s)
        if m is None or self.published is None:
            return False
        month = _MONTHS.index(m.group("month")[:3]) + 1
        return month < self.published.month

    def note(self, expression: str | None) -> None:
        """A sentence with no coded act still sets the story's day (`Poland said yesterday it
        had ...` when the act itself is not coded)."""
        if expression and not _ANCHORED.match(_normal(expression)):
            own = self._resolve(_normal(expression), None)
            known = own is not None and own[1] is None and self.published is not None
            known = known and not self._coming_day(_normal(expression))
            if known and own[0] <= self.published:  # type: ignore[index,operator]
                self._set_anchor(own[0])  # type: ignore[index]

    def _coming_day(self, s: str) -> bool:
        """`The levies take effect on March 10` in a March 4 story: a yearless calendar day
        still to come names no past day, so it does not anchor the story."""
        if self.published is None or _STATED_YEAR.search(s) or _WEEKDAY.search(s):
            return False
        ahead = resolve_relative(s, self.published, prefer="future")
        return ahead is not None and 0 < (ahead - self.published).days <= 183

    def _resolve(self, s: str, mode: str | None) -> tuple[date, date | None] | None:
        base = self.published
        if base is None:
            if not _STATED_YEAR.search(s):
                return None  # relative to a publication day we do not know
            base = date(2100, 1, 1)
        first = resolve_relative(s, base, prefer="future" if mode == "future" else "past")
        if first is None:
            return None
        return first, _period_end(s, first)


# Prepositions whose object bounds or measures an act rather than dating it (`by the end of
# December`, `before dawn`, `for two days`, `after months`).
_BOUNDING = frozenset(
    ["by", "until", "till", "before", "after", "for", "within", "ahead", "through"]
    + ["throughout", "between", "than", "despite"]
)
# Inside a noun phrase only place-like links carry the act's time (`at their meeting on
# Monday`, `in the early hours of Sunday`); `the first summit since 2016` dates nothing.
_NESTED = frozenset(["on", "in", "at", "during", "of"])
_WHEN_LABELS = frozenset(["DATE", "TIME"])
_ADJUNCTS = frozenset(["npadvmod", "tmod", "advmod", "obl", "nmod"])


def _entity(tok: Any) -> Any:
    return next((e for e in tok.sent.ents if e.start <= tok.i < e.end), None)


def _day_compound(c: Any, ent: Any) -> bool:
    return bool(c.dep_ == "compound" and c.ent_type_ == "DATE" and c.i < ent.start)


def _phrase(tok: Any, prep: Any) -> str | None:
    """The date phrase at `tok` (with its preposition), or None for a possessive or a phrase
    that names neither a day nor a period (`two-day`, `24 years`)."""
    if tok.dep_ == "poss" or any(c.dep_ == "case" for c in tok.children):
        return None  # `Sunday's dispute`: the day of another event
    ent = _entity(tok)
    if ent is None or ent.label_ not in _WHEN_LABELS:
        return None  # TIME too: `in the early hours of Wednesday`, `Tuesday evening`
    # `on Saturday evening`: the parser may split the day (DATE) from the part of it (TIME)
    start = min([ent.start] + [c.i for c in tok.children if _day_compound(c, ent)])
    words = tok.doc[start : ent.end].text
    text = f"{prep.text} {words}" if prep is not None else words
    if resolve_relative(text, date(2001, 1, 1)) is None and not _ANCHORED.match(_normal(text)):
        return None
    return text


def _own_phrases(v: Any) -> list[tuple[int, int, str]]:
    """(depth, position, phrase) of the dates modifying v's own clause."""
    out: list[tuple[int, int, str]] = []
    frontier: list[tuple[Any, int, Any]] = [(c, 1, None) for c in v.children]
    while frontier:
        tok, depth, prep = frontier.pop()
        if tok.ent_type_ in _WHEN_LABELS and (prep is not None or tok.dep_ in _ADJUNCTS):
            phrase = _phrase(tok, prep)
            if phrase is not None:
                out.append((depth, tok.i, phrase))
            continue
        if tok.dep_ == "prep" and depth <= 3:
            allowed = _NESTED if depth > 1 else _NESTED | {"since", "from", "over"}
            if tok.lower_ in allowed and tok.lower_ not in _BOUNDING:
                frontier.extend((c, depth, tok) for c in tok.children if c.dep_ == "pobj")
        elif prep is not None:  # the object of a preposition: its own links, its participles
            for c in tok.children:
                if c.dep_ == "compound" and c.ent_type_ == "DATE" and prep.lower_ in _NESTED:
                    phrase = _phrase(c, None)  # `in its Monday statement`: a day, not a period
                    if (
                        phrase is not None
                        and _period_end(_normal(phrase), date(2001, 1, 1)) is None
                    ):
                        out.append((depth + 1, c.i, phrase))
                elif c.dep_ == "prep":
                    frontier.append((c, depth + 1, None))
                elif c.dep_ == "acl" and c.tag_ == "VBN":
                    frontier.extend((g, depth + 1, None) for g in c.children if g.dep_ == "prep")
    return sorted(out)


def _on_day(v: Any) -> str | None:
    """`on <day>` anywhere in v's own clause, where the parser hung it on a noun (`summoned
    the envoy, Jan Novak, on Monday`)."""
    stack = list(v.children)
    while stack:
        t = stack.pop()
        if t.pos_ in ("VERB", "AUX"):
            continue  # another clause (`with the pact due to expire on December 31`)
        if t.dep_ == "prep" and t.lower_ == "on":
            for c in t.children:
                if c.dep_ == "pobj" and c.ent_type_ in _WHEN_LABELS:
                    phrase = _phrase(c, t)
                    if (
                        phrase is not None
                        and _period_end(_normal(phrase), date(2001, 1, 1)) is None
                    ):
                        return phrase
        stack.extend(t.children)
    return None


def _when_day(v: Any) -> str | None:
    """`began on Monday, when Algeria declared ...`: a when-clause on a day is dated by it."""
    day = v.head
    if v.dep_ != "relcl" or day.ent_type_ != "DATE" or day.i == v.i:
        return None
    if not any(c.lower_ == "when" for c in v.children):
        return None
    return _phrase(day, day.head if day.dep_ == "pobj" and day.head.dep_ == "prep" else None)


def date_phrase(v: Any) -> str | None:
    """The phrase that dates the act of verb v: its own nearest date adjunct, else that of the
    clause it depends on (`said on Monday that it had ...`), else an `on <day>` in its clause."""
    t = v
    for _ in range(4):
        found = _own_phrases(t)
        if found:
            return found[0][2]
        when = _when_day(t)
        if when is not None:
            return when
        if t.head.i == t.i or t.dep_ not in ("xcomp", "advcl", "conj", "ccomp", "pcomp"):
            break
        # `Peru responded by declaring ...`: through the preposition to the verb it hangs on
        t = t.head.head if t.dep_ == "pcomp" and t.head.dep_ == "prep" else t.head
    return _on_day(v)
