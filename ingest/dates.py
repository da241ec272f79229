"""Publication datelines and event dates, written for real news pages.

Two jobs:

* `parse_published` reads the publication datetime from a page's header lines: `Updated:
  05-05-2025 06:42 IST`, `March 3, 2024`, `Mon, 05 May 2025 06:42:00 +0530`, ISO timestamps,
  wire datelines (`WASHINGTON, Nov 12 (Reuters) -`, year from context).
* `resolve_relative` turns what a sentence says about *when* (`on Sunday`, `last week`,
  `2 days ago`, `on May 2`) into a calendar day, counted from the publication datetime in
  its own time zone.

We do not hand these to dateparser/dateutil: dateparser reads `IST` as Israel time and
`05-04-2025` month-first unless told, its `PREFER_DATES_FROM='past'` moves the base date's own
weekday a week back, and dateutil's fuzzy parse sends `on Sunday` forward. The rules here are
small, explicit and tested against datelines stamped just after midnight in IST, KST and AST.
See docs/ingest-loading.md for the full rule set.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from typing import Literal
from zoneinfo import ZoneInfo

__all__ = [
    "TIMEZONES",
    "WireDateline",
    "context_year",
    "date_mentions",
    "parse_published",
    "parse_timezone",
    "parse_wire_dateline",
    "resolve_relative",
]


def _fixed(hours: int, minutes: int = 0) -> timezone:
    sign = -1 if hours < 0 else 1
    return timezone(sign * timedelta(hours=abs(hours), minutes=minutes))


# Time-zone abbreviations seen in news datelines. Abbreviations are ambiguous world-wide; each
# entry is the reading most likely on an English-language news page, and the ambiguous ones are
# noted. Zones that switch with the season (ET, PT, ...) use the IANA zone so the offset follows
# the date; explicit standard/daylight names (EST, EDT) are fixed offsets.
TIMEZONES: dict[str, tzinfo] = {
    "UTC": UTC,
    "GMT": UTC,
    "Z": UTC,
    "WET": _fixed(0),
    "BST": _fixed(1),  # British Summer Time (not Bangladesh Standard Time, +06:00)
    "IST": _fixed(5, 30),  # India Standard Time (not Israel +02:00, not Irish Summer Time)
    "PKT": _fixed(5),
    "NPT": _fixed(5, 45),
    "BDT": _fixed(6),  # Bangladesh (BST is taken by British Summer Time)
    "ICT": _fixed(7),
    "WIB": _fixed(7),
    "HKT": _fixed(8),
    "SGT": _fixed(8),
    "PHT": _fixed(8),
    "MYT": _fixed(8),
    "AWST": _fixed(8),
    "KST": _fixed(9),
    "JST": _fixed(9),
    "AEST": _fixed(10),
    "AEDT": _fixed(11),
    "NZST": _fixed(12),
    "NZDT": _fixed(13),
    "CET": _fixed(1),
    "CEST": _fixed(2),
    "WAT": _fixed(1),
    "EET": _fixed(2),
    "EEST": _fixed(3),
    "CAT": _fixed(2),
    "SAST": _fixed(2),
    "EAT": _fixed(3),
    "MSK": _fixed(3),
    "TRT": _fixed(3),
    "AST": _fixed(3),  # Arabia Standard Time (Gulf/Saudi news); NOT Atlantic Standard -04:00
    "GST": _fixed(4),  # Gulf Standard Time (UAE, Oman)
    "IRST": _fixed(3, 30),
    "AFT": _fixed(4, 30),
    "EST": _fixed(-5),
    "EDT": _fixed(-4),
    "CST": _fixed(-6),  # US Central (not China Standard Time +08:00)
    "CDT": _fixed(-5),
    "MST": _fixed(-7),
    "MDT": _fixed(-6),
    "PST": _fixed(-8),  # US Pacific (not Philippine; that is PHT)
    "PDT": _fixed(-7),
    "AKST": _fixed(-9),
    "AKDT": _fixed(-8),
    "HST": _fixed(-10),
    "BRT": _fixed(-3),
    "ART": _fixed(-3),
    "ET": ZoneInfo("America/New_York"),
    "CT": ZoneInfo("America/Chicago"),
    "MT": ZoneInfo("America/Denver"),
    "PT": ZoneInfo("America/Los_Angeles"),
}

# Zones whose pages write numeric dates month-first (05/04/2025 = May 4).
_MONTH_FIRST_ZONES = {
    "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "AKST", "AKDT", "HST",
    "ET", "CT", "MT", "PT",
}  # fmt: skip

MONTHS: dict[str, int] = {}
for _i in range(1, 13):
    MONTHS[calendar.month_name[_i].lower()] = _i
    MONTHS[calendar.month_abbr[_i].lower()] = _i
MONTHS["sept"] = 9

WEEKDAYS: dict[str, int] = {}
for _i in range(7):
    WEEKDAYS[calendar.day_name[_i].lower()] = _i
    WEEKDAYS[calendar.day_abbr[_i].lower()] = _i
WEEKDAYS.update({"tues": 1, "weds": 2, "thur": 3, "thurs": 3})

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_WEEKDAY = (
    r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|weds|thu(?:r(?:s(?:day)?)?)?|"
    r"fri(?:day)?|sat(?:urday)?|sun(?:day)?)"
)
_TZ_TOKEN = r"(?:(?:UTC|GMT)\s?[+-]\s?\d{1,2}(?::?\d{2})?|[A-Z]{1,5}|[+-]\d{2}:?\d{2})"
_TIME = (
    r"(?:\s*(?:,|\bat\b|@|-|–|—|\||/|•|·)?\s*"
    r"(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.\d+)?)?"
    r"\s*(?P<ampm>[aApP]\.?\s?[mM]\.?)?"
    r"(?:\s*\(?(?P<tz>" + _TZ_TOKEN + r")\)?(?![A-Za-z]))?)?"
)

_ISO_RE = re.compile(
    r"(?<![\d-])(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"
    r"(?:[T ](?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:[.,]\d+)?)?"
    r"\s*(?P<tz>Z|[+-]\d{2}(?::?\d{2})?|(?:UTC|GMT)\s?[+-]\s?\d{1,2}(?::?\d{2})?|[A-Z]{2,5})?"
    r")?(?![\dA-Za-z])"
)
_NUMERIC_RE = re.compile(
    r"(?<![\d/.-])(?P<a>\d{1,2})(?P<sep>[-/.])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4})(?![\d])"
    + _TIME,
)
_YMD_RE = re.compile(
    r"(?<![\d/.-])(?P<year>\d{4})(?P<sep>[/.])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})(?![\d])"
    + _TIME,
)
# A header's year: four digits, or two where nothing but a time or a separator follows
# (`Thu - 7 Dec 23`, `28 July 25 | 11:30`), never `May 5, 20 people`.
_YEAR4 = r"(?P<year>\d{4})\b"
_YEAR2 = r"'?(?P<year>\d{2})\b(?![:.]\d)(?=\s*(?:$|[|•·,;(–—-]|\d{1,2}[:.]\d{2}))"
_TIME_FIRST = (
    r"\b(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?::(?P<second>\d{2}))?\s*(?P<ampm>[aApP]\.?\s?[mM]\.?)?"
    r"(?:\s*\(?(?P<tz>" + _TZ_TOKEN + r")\)?(?![A-Za-z]))?\s*(?:,|on|\||-|–|—|•|·)?\s*"
    r"(?:" + _WEEKDAY + r"\.?\s*(?:,|-|–|—|•|·)?\s*)?"
)
_ORD = r"(?:st|nd|rd|th)?"


def _month_name_dates(year: str) -> tuple[re.Pattern[str], ...]:
    """Dates with a month name, most specific first: time before the date, `29th Monday, July
    2024`, `March 3, 2024`, `3 March 2024`."""
    mdy = r"(?P<monthname>" + _MONTH + r")\.?\s+(?P<day>\d{1,2})" + _ORD + r",?\s+" + year
    dmy = r"(?P<day>\d{1,2})" + _ORD + r"\s+(?:of\s+)?(?P<monthname>" + _MONTH + r")\.?,?\s+" + year
    dwmy = (
        r"(?P<day>\d{1,2})" + _ORD + r"\s+" + _WEEKDAY + r",?\s+(?P<monthname>" + _MONTH + r")"
        r"\.?,?\s+" + year
    )
    shapes: tuple[str, ...] = (_TIME_FIRST + mdy, _TIME_FIRST + dmy, r"\b" + dwmy + _TIME)
    shapes += (r"\b" + mdy + _TIME, r"\b" + dmy + _TIME)
    return tuple(re.compile(x, re.IGNORECASE) for x in shapes)


_MONTH_NAME_DATES = _month_name_dates(_YEAR4)
# Two-digit years only in page headers (parse_published), never in sentences.
_MONTH_NAME_DATES_SHORT = _MONTH_NAME_DATES + _month_name_dates(_YEAR2)
_LABEL_RE = re.compile(
    r"(?P<pub>published|posted|created|first\s+published|release[d]?|date|filed)|"
    r"(?P<upd>updated|modified|last\s+updated|edited)",
    re.IGNORECASE,
)
_YEAR_CONTEXT_RE = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:[^\n\d©]{0,40}?)(?P<year>(?:19|20)\d{2})"
    r"(?:\s*[-–]\s*(?P<end>(?:19|20)\d{2}))?",
    re.I,
)
# A header word run into a month or weekday name by a lost space: `PUBLISHED ONJuly 16, 2024`.
_GLUED_RE = re.compile(
    r"(?<=[A-Z]{2})(?=(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|"
    r"Sat|Sun)[a-z])"
)


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    value: datetime
    label: str  # "published", "updated" or ""


def parse_timezone(token: str | None) -> tzinfo | None:
    """`IST`, `UTC+8`, `GMT-03:00`, `+0530` -> tzinfo; unknown abbreviations -> None."""
    if not token:
        return None
    token = token.strip().strip("()")
    upper = token.upper()
    if upper in TIMEZONES:
        return TIMEZONES[upper]
    m = re.fullmatch(r"(?:UTC|GMT)?\s?([+-])\s?(\d{1,2})(?::?(\d{2}))?", upper)
    if not m:
        return None
    hours, minutes = int(m.group(2)), int(m.group(3) or 0)
    if hours > 14 or minutes > 59:
        return None
    offset = timedelta(hours=hours, minutes=minutes)
    return timezone(-offset if m.group(1) == "-" else offset)


def _build(
    year: int,
    month: int,
    day: int,
    groups: dict[str, str | None],
) -> datetime | None:
    """A tz-aware datetime from regex groups, or None when the numbers are not a real date."""
    if year < 100:  # a header's two-digit year: news pages of this century
        year += 2000
    if not 1900 <= year <= 2100:
        return None
    hour = int(groups.get("hour") or 0)
    minute = int(groups.get("minute") or 0)
    second = int(groups.get("second") or 0)
    ampm = (groups.get("ampm") or "").lower().replace(".", "").replace(" ", "")
    if ampm and 1 <= hour <= 12:  # "00:10 AM" and "18:05 PM" occur; the 24-hour digits win
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    tz = parse_timezone(groups.get("tz")) or UTC
    try:
        naive = datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None
    return naive.replace(tzinfo=tz)


def _label_before(text: str, start: int) -> str:
    window = text[max(0, start - 30) : start]
    labels = [m for m in _LABEL_RE.finditer(window)]
    if not labels:
        return ""
    return "published" if labels[-1].group("pub") else "updated"


def _find_dates(text: str, date_order: str | None, short_years: bool = False) -> list[_Found]:
    found: list[_Found] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match[str], value: datetime | None) -> None:
        if value is None:
            return
        if any(m.start() < e and s < m.end() for s, e in taken):
            return
        taken.append((m.start(), m.end()))
        found.append(_Found(m.start(), m.end(), value, _label_before(text, m.start())))

    for regex in (_ISO_RE, _YMD_RE):
        for m in regex.finditer(text):
            g = m.groupdict()
            add(m, _build(int(g["year"]), int(g["month"]), int(g["day"]), g))
    for regex in _MONTH_NAME_DATES_SHORT if short_years else _MONTH_NAME_DATES:
        for m in regex.finditer(text):
            g = m.groupdict()
            month = MONTHS.get(g["monthname"].lower().rstrip("."))
            if month:
                add(m, _build(int(g["year"]), month, int(g["day"]), g))
    for m in _NUMERIC_RE.finditer(text):
        g = m.groupdict()
        a, b = int(g["a"]), int(g["b"])
        order = date_order
        if a > 12:
            order = "DMY"
        elif b > 12:
            order = "MDY"
        elif order is None:
            order = "MDY" if (g.get("tz") or "").upper() in _MONTH_FIRST_ZONES else "DMY"
        day, month = (a, b) if order == "DMY" else (b, a)
        add(m, _build(int(g["year"]), month, day, g))
    found.sort(key=lambda f: f.start)
    return found


def context_year(text: str) -> int | None:
    """The year the page itself states on its copyright line (`© 2024 Reuters`, `(c) Example
    Wire 2025`, the end of `© 2019-2025`), for datelines that omit it (`WASHINGTON, Nov 12
    (Reuters) -`). Full dates in the body are not used: they name earlier events."""
    m = _YEAR_CONTEXT_RE.search(text)
    if m:
        return int(m.group("end") or m.group("year"))
    return None


@dataclass(frozen=True)
class WireDateline:
    """`WASHINGTON, Nov 12 (Reuters) -` at the start of a body paragraph."""

    text: str  # the matched prefix, dash included
    place: str
    agency: str | None
    month: int | None
    day: int | None
    year: int | None = None
    stamp: datetime | None = None  # a full ISO datetime stated in the dateline

    def date(self, year: int | None) -> datetime | None:
        """The stated ISO stamp, else midnight UTC of the stated day; `year` fills in a
        dateline that omits it."""
        if self.stamp is not None:
            return self.stamp
        year = self.year or year
        if year is None or self.month is None or self.day is None:
            return None
        return _build(year, self.month, self.day, {})


_WIRE_RE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z.'’\-]*(?:\s[A-Z][A-Z.'’\-]*){0,3}"
    # a joint dateline: `BEIJING/TOKYO, Nov 14 (Wire) -`
    r"(?:\s?/\s?[A-Z][A-Z.'’\-]*(?:\s[A-Z][A-Z.'’\-]*){0,3}){0,2}"
    r"(?:,\s+[A-Z][A-Za-z.'’\-]*(?:\s[A-Z][A-Za-z.'’\-]*){0,2})?)"
    r"\s*,?\s*(?:(?P<monthname>" + _MONTH + r")\.?\s+(?P<day>\d{1,2})(?:,\s+(?P<year>\d{4}))?"
    # or a machine stamp: `NEW DELHI, 2025-05-08T09:15:00+05:30 -`
    r"|(?P<iso>\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?"
    r"(?:Z|[+-]\d{2}(?::?\d{2})?)?)?))?"
    r"\s*(?:\((?P<agency>[A-Za-z][A-Za-z .&/\-]{0,30})\))?"
    r"\s*(?P<sep>--|-|–|—|:|$)\s*",
    re.IGNORECASE,
)


# Capitalized paragraph openers that are labels, not places.
_NOT_PLACES = frozenset(
    {"UPDATE", "UPDATED", "NOTE", "EDITOR'S NOTE", "BREAKING", "EXCLUSIVE", "ANALYSIS", "WATCH",
     "LIVE", "CORRECTION", "FACTBOX", "EXPLAINER", "OPINION", "VIDEO", "PHOTOS", "READ", "SEE"}
)  # fmt: skip


def parse_wire_dateline(paragraph: str) -> WireDateline | None:
    """Recognize a wire dateline prefix (`WASHINGTON, Nov 12 (Reuters) -`, `KYIV (AP) —`,
    `RIYADH:`, `New Delhi, May 5 (PTI) -`, a line `New York, May 20`).

    A place in capitals is enough with an agency, a date or a dash; a place in title case
    needs a month and day, so ordinary sentences are not cut.
    """
    m = _WIRE_RE.match(paragraph)
    if not m or (m.group("sep") == "" and m.end() < len(paragraph)):
        return None
    place = m.group("place").strip()
    first = place.split(",")[0]
    letters = first.replace(".", "").replace(" ", "")
    stamp = None
    if m.group("iso"):
        iso = _ISO_RE.match(m.group("iso"))
        g = iso.groupdict() if iso else {}
        stamp = _build(int(g["year"]), int(g["month"]), int(g["day"]), g) if iso else None
        if stamp is None:
            return None
    has_date = bool(m.group("day")) or stamp is not None
    if first.isupper():
        if len(letters) < 2:
            return None
        if not (has_date or m.group("agency")) and (
            len(letters) < 3 or first.rstrip(".") in _NOT_PLACES or m.group("sep") == ""
        ):
            return None
    elif not (has_date and all(w[:1].isupper() for w in first.split()) and len(first) <= 30):
        return None
    if m.group("sep") == "" and not has_date:
        return None
    if stamp is not None:
        return WireDateline(
            text=m.group(0),
            place=place,
            agency=(m.group("agency") or "").strip() or None,
            month=stamp.month,
            day=stamp.day,
            year=stamp.year,
            stamp=stamp,
        )
    month = MONTHS.get((m.group("monthname") or "").lower().rstrip(".")) if has_date else None
    return WireDateline(
        text=m.group(0),
        place=place,
        agency=(m.group("agency") or "").strip() or None,
        month=month,
        day=int(m.group("day")) if has_date else None,
        year=int(m.group("year")) if m.group("year") else None,
    )


def parse_published(
    text: str | Iterable[str],
    *,
    year: int | None = None,
    date_order: Literal["DMY", "MDY"] | None = None,
) -> datetime | None:
    """The publication datetime stated in header text, tz-aware; None when there is none.

    Lines labelled `Published`/`Created`/`Posted` win over `Updated`; otherwise the first date.
    Numeric dates are day-first unless the day cannot be (`05/13/2025`), `date_order` says so,
    or the time zone is a North American one. A stated time zone is kept; a dateline without
    one is read as UTC (date-only datelines become midnight UTC, keeping the stated day).
    `year` fills in wire datelines that omit it (else the page's own copyright/date year).
    """
    if not isinstance(text, str):
        text = "\n".join(text)
    text = _GLUED_RE.sub(" ", text)
    found = _find_dates(text, date_order, short_years=True)
    if found:
        for f in found:
            if f.label == "published":
                return f.value
        for f in found:
            if f.label != "updated":
                return f.value
        return found[0].value
    for line in text.splitlines():
        wire = parse_wire_dateline(line)
        if wire:
            return wire.date(year if year is not None else context_year(text))
    return None


# --------------------------------------------------------------------------- event dates

_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "a couple of": 2, "couple of": 2,
}  # fmt: skip

_TIME_OF_DAY = (
    r"(?:night|morning|afternoon|evening|midday|noon|midnight|overnight|"
    r"at\s+\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?|\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?m\.?)"
)
_PREFIX_RE = re.compile(
    r"^(?:on|since|from|as of|by|until|till|at|in|during|over|for|of)\s+", re.IGNORECASE
)
_MODIFIER_RE = re.compile(r"^(?:late|early|earlier|later|(?:in\s+)?the\s+early\s+hours\s+of)\s+")
_NUM = r"(?P<n>\d{1,3}|a couple of|couple of|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"  # noqa: E501
# "two days earlier" counts from another event in the story, not from publication: not here.
_AGO_RE = re.compile(_NUM + r"\s+(?P<unit>day|week|month|year)s?\s+(?:ago|back)$")
_AHEAD_RE = re.compile(
    r"(?:in\s+)?" + _NUM + r"\s+(?P<unit>day|week|month|year)s?\s*(?:from now|time|later)?$"
)  # noqa: E501
_MD_RE = re.compile(
    r"^(?P<monthname>"
    + _MONTH
    + r")\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?$"
)
_DM_RE = re.compile(
    r"^(?:the\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<monthname>" + _MONTH + r")\.?"
    r"(?:,?\s+(?P<year>\d{4}))?$"
)
_MONTH_ONLY_RE = re.compile(
    r"^(?:(?P<mod>early|mid|late|last|this|earlier this|past)[\s-]+)?(?P<monthname>" + _MONTH + r")"
    r"(?:\s+(?P<year>\d{4}))?$"
)
_WEEKDAY_RE = re.compile(
    r"^(?:(?P<mod>last|this past|past|this|next|previous|this coming|coming)\s+)?"
    r"(?P<weekday>" + _WEEKDAY + r")\.?$"
)


def _add_months(d: date, months: int) -> date:
    index = d.year * 12 + (d.month - 1) + months
    year, month = divmod(index, 12)
    day = min(d.day, calendar.monthrange(year, month + 1)[1])
    return date(year, month + 1, day)


def _shift(d: date, n: int, unit: str) -> date:
    if unit == "day":
        return d + timedelta(days=n)
    if unit == "week":
        return d + timedelta(weeks=n)
    if unit == "month":
        return _add_months(d, n)
    return _add_months(d, 12 * n)


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS[word]


def _yearless(month: int, day: int, base: date, prefer: str) -> date | None:
    """The nearest (month, day) on or before the base day (after it when prefer='future')."""
    if month == 2 and day == 29:
        return _yearless_leap(month, day, base, prefer)
    try:
        candidate = date(base.year, month, day)
    except ValueError:
        return None
    if prefer == "past" and candidate > base:
        candidate = date(base.year - 1, month, day)
    elif prefer == "future" and candidate < base:
        candidate = date(base.year + 1, month, day)
    return candidate


def _yearless_leap(month: int, day: int, base: date, prefer: str) -> date | None:
    """Feb 29 without a year: the nearest leap year in the preferred direction."""
    step = -1 if prefer == "past" else 1
    year = base.year
    for _ in range(9):
        try:
            candidate = date(year, month, day)
        except ValueError:
            year += step
            continue
        if (prefer == "past" and candidate <= base) or (prefer == "future" and candidate >= base):
            return candidate
        year += step
    return None


def _normalize(expression: str) -> str:
    s = expression.strip().lower().replace("’", "'")
    s = re.sub(r"[\s\u00a0]+", " ", s)
    s = s.strip(" .,;:!?()[]\"'")
    s = re.sub(r"'s$", "", s)
    return s


def resolve_relative(
    expression: str,
    published: datetime | date,
    *,
    prefer: Literal["past", "future"] = "past",
) -> date | None:
    """The calendar day a date expression refers to, or None when it names no day.

    Counted from the publication day in the publication's own time zone (an aware datetime's
    own `.date()`, never converted to UTC). A bare weekday is the most recent such day before
    the publication day, and the publication day itself when it is that weekday (wire style:
    "said on Monday" in a Monday story); `last <weekday>` is always before the publication day.
    Periods (`last week`, `last month`, `earlier this year`) resolve to their first day.
    `prefer="future"` resolves bare weekdays and yearless dates forward (for future-mode clauses).
    """
    base = published.date() if isinstance(published, datetime) else published
    try:
        return _resolve(expression, base, prefer)
    except (ValueError, OverflowError):  # arithmetic past year 1 or 9999
        return None


def _resolve(expression: str, base: date, prefer: str) -> date | None:
    s = _normalize(expression)
    if not s:
        return None
    result = _resolve_period(s, base)
    if result is not None:
        return result
    if re.match(r"(?:later|the\s+rest\s+of|the\s+end\s+of)\s+(?:in\s+)?(?:this|the)\s+"
                r"(?:week|month|year)\b", s):  # fmt: skip
        return None  # some day still to come in the period: not its first day
    for _ in range(3):  # strip "on", "late", "in the early hours of" ... in any order
        stripped = _MODIFIER_RE.sub("", _PREFIX_RE.sub("", s))
        if stripped == s:
            break
        s = stripped
    s = re.sub(r",?\s+\(?local time\)?$", "", s)
    s = re.sub(r"\s+" + _TIME_OF_DAY + r"$", "", s)
    s = re.sub(r"^" + _TIME_OF_DAY + r"\s+(?:on\s+)?", "", s)
    s = s.strip(" ,")
    # "Monday, May 5" / "Friday 2 May": the date decides, the weekday only decorates it.
    s = re.sub(r"^" + _WEEKDAY + r"\.?,?\s+(?=(?:the\s+)?\d|" + _MONTH + r"\b)", "", s)
    result = _resolve_period(s, base)
    if result is not None:
        return result
    return _resolve_day(s, base, prefer, expression)


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _weekend(base: date) -> date:
    """The Saturday of the weekend in progress, else of the one just before."""
    if base.weekday() >= 5:
        return base - timedelta(days=base.weekday() - 5)
    return _monday(base) - timedelta(days=2)


def _phrases(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in text.split(";"))


# Fixed phrases -> the day they name. Periods resolve to their first day.
_PERIODS: tuple[tuple[tuple[str, ...], Callable[[date], date]], ...] = (
    (
        _phrases(
            "today; tonight; this morning; this afternoon; this evening; earlier today; "
            "later today; now; currently; overnight; the same day"
        ),
        lambda d: d,
    ),
    (
        _phrases("yesterday; last night; last evening; the previous day; the day before"),
        lambda d: d - timedelta(days=1),
    ),
    (("the day before yesterday",), lambda d: d - timedelta(days=2)),
    (_phrases("tomorrow; the next day; the following day"), lambda d: d + timedelta(days=1)),
    (("the day after tomorrow",), lambda d: d + timedelta(days=2)),
    (_phrases("this week; earlier this week; earlier in the week; this past week"), _monday),
    (
        _phrases(
            "last week; the previous week; the past week; late last week; early last week; "
            "earlier last week"
        ),
        lambda d: _monday(d) - timedelta(days=7),
    ),
    (("next week",), lambda d: _monday(d) + timedelta(days=7)),
    (
        _phrases("the weekend; this weekend; over the weekend; at the weekend; weekend"),
        _weekend,
    ),
    (_phrases("last weekend; this past weekend"), lambda d: _monday(d) - timedelta(days=2)),
    (_phrases("this month; earlier this month; earlier in the month"), lambda d: d.replace(day=1)),
    (
        _phrases(
            "last month; the previous month; the past month; late last month; "
            "earlier last month; early last month"
        ),
        lambda d: _add_months(d.replace(day=1), -1),
    ),
    (("next month",), lambda d: _add_months(d.replace(day=1), 1)),
    (_phrases("this year; earlier this year; earlier in the year"), lambda d: date(d.year, 1, 1)),
    (
        _phrases(
            "last year; the previous year; the past year; late last year; earlier last year; "
            "early last year"
        ),
        lambda d: date(d.year - 1, 1, 1),
    ),
    (("next year",), lambda d: date(d.year + 1, 1, 1)),
)
_PERIOD_LOOKUP: dict[str, Callable[[date], date]] = {
    phrase: rule for phrases, rule in _PERIODS for phrase in phrases
}


def _resolve_period(s: str, base: date) -> date | None:
    rule = _PERIOD_LOOKUP.get(s)
    return rule(base) if rule else None


def _resolve_day(s: str, base: date, prefer: str, original: str) -> date | None:
    m = _AGO_RE.fullmatch(s)
    if m:
        return _shift(base, -_count(m.group("n")), m.group("unit"))
    m = _AHEAD_RE.fullmatch(s)
    if m and (s.startswith("in ") or s.endswith(("from now", "time"))):
        return _shift(base, _count(m.group("n")), m.group("unit"))
    m = _WEEKDAY_RE.fullmatch(s)
    if m:
        return _weekday(WEEKDAYS[m.group("weekday").rstrip(".")], m.group("mod"), base, prefer)
    for regex in (_MD_RE, _DM_RE):
        m = regex.fullmatch(s)
        if m:
            month = MONTHS[m.group("monthname")]
            day = int(m.group("day"))
            if m.group("year"):
                try:
                    return date(int(m.group("year")), month, day)
                except ValueError:
                    return None
            return _yearless(month, day, base, prefer)
    m = _MONTH_ONLY_RE.fullmatch(s)
    if m and not (m.group("monthname") == "may" and "May" not in original):
        month = MONTHS[m.group("monthname")]
        if m.group("year"):
            return date(int(m.group("year")), month, 1)
        year = base.year
        if m.group("mod") == "last" or (prefer == "past" and month > base.month):
            year -= 1
        elif prefer == "future" and month < base.month:
            year += 1
        return date(year, month, 1)
    found = _find_dates(s, None)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(s):
        return found[0].value.date()
    m = re.fullmatch(r"(?:the\s+year\s+)?((?:19|20)\d{2})", s)
    if m:  # a bare year is a period too: its first day
        return date(int(m.group(1)), 1, 1)
    return None


def _weekday(target: int, mod: str | None, base: date, prefer: str) -> date:
    back = (base.weekday() - target) % 7
    ahead = (target - base.weekday()) % 7
    if mod in ("last", "previous"):
        return base - timedelta(days=back or 7)
    if mod in ("next", "this coming", "coming"):
        return base + timedelta(days=ahead or 7)
    if mod in ("this past", "past"):
        return base - timedelta(days=back or 7)
    if prefer == "future":
        return base + timedelta(days=ahead)
    return base - timedelta(days=back)


_MENTION_RE = re.compile(
    r"\b(?:"
    r"(?:on\s+|late\s+|early\s+|last\s+|this\s+past\s+|next\s+)?" + _WEEKDAY + r"(?:day)?"
    r"(?:\s+(?:night|morning|afternoon|evening))?"
    r"|(?:the\s+day\s+before\s+)?yesterday|today|tonight|tomorrow|last\s+night"
    r"|(?:earlier|later)\s+(?:this|in\s+the)\s+(?:week|month|year)"
    r"|(?:last|this|next|the\s+previous|the\s+past)\s+(?:week|month|year|weekend)"
    r"|(?:over|at)\s+the\s+weekend"
    r"|" + _NUM + r"\s+(?:day|week|month|year)s?\s+ago"
    r"|(?:on\s+)?" + _MONTH + r"\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?"
    r"|(?:on\s+)?\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH + r"(?:,?\s+\d{4})?"
    r")\b",
    re.IGNORECASE,
)


def date_mentions(sentence: str) -> list[tuple[int, int, str]]:
    """Date expressions in a sentence that `resolve_relative` understands: (start, end, text).

    Case matters for weekdays and months (capitalized, as in edited prose) so that the modal
    `may` and words like `sun` or `march` (the verb) are not taken for dates.
    """
    out: list[tuple[int, int, str]] = []
    for m in _MENTION_RE.finditer(sentence):
        text = m.group(0)
        words = [w for w in re.split(r"\s+", text) if w]
        names = [w for w in words if w.lower().rstrip(".,") in MONTHS or w.lower() in WEEKDAYS]
        if any(not w[0].isupper() for w in names):
            continue
        if not names and not re.search(r"(?i)yesterday|today|tonight|tomorrow|night|week|month|"
                                       r"year|weekend|ago", text):  # fmt: skip
            continue
        out.append((m.start(), m.end(), text))
    return out
