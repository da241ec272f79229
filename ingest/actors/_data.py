"""Load the curated TSV tables in `data/` into one phrase lexicon and a date-aware registry.

Every table is read once per process (`lexicon()` is cached). A malformed line raises
`ActorDataError` naming the file, the line number and what is wrong, so a bad edit to the data
fails loudly at import time of the first resolver instead of silently dropping actors.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pycountry

from kg.model import ACTOR_KINDS

from ._text import key

DATA_DIR = Path(__file__).with_name("data")

IGO = "IGO"
OFFICES = (
    "president",
    "vice_president",
    "prime_minister",
    "foreign_minister",
    "defence_minister",
    "monarch",
    "crown_prince",
    "supreme_leader",
    "secretary_general",
    "commission_president",
    "high_representative",
    "army_chief",
    "minister",
)
# Title categories that are not registry offices but select registry terms.
TITLE_OFFICES = {*OFFICES, "leader", "chief", "one", ""}


def words(text: str) -> frozenset[str]:
    """A word set written as one string, for readable lists."""
    return frozenset(text.split())


DETERMINERS = words(
    "the a an its their his her our your my this that these those some several many both "
    "all any each another other then outgoing incoming new"
)
PRONOUNS = words(
    "he she it they him her them his hers its their theirs we us our i me my you your who whom "
    "which that this these those one himself herself itself themselves ourselves someone "
    "somebody anyone everyone nobody"
)
CONJUNCTIONS = frozenset({"and", "or", "&", "nor", "plus", "versus", "vs"})
NAME_PARTICLES = words(
    "de del la las los da das do dos di du van von der den ter bin ibn bint al el abu ben le"
)


class ActorDataError(ValueError):
    """A curated data file is malformed."""


@dataclass(frozen=True)
class Country:
    iso3: str
    name: str
    adjective: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Fixed:
    """An actor whose identity does not depend on the sentence: IGOs, named bodies, metonyms."""

    name: str
    country: str | None
    kind: str
    aliases: tuple[str, ...] = ()
    org: str | None = None  # IGO key ("UN") or ISO3 of the state the body belongs to
    changes: tuple[tuple[dt.date, str], ...] = ()  # (from date, kind) in date order

    def kind_on(self, on: dt.date) -> str:
        kind = self.kind
        for since, later in self.changes:
            if on >= since:
                kind = later
        return kind


@dataclass(frozen=True)
class Term:
    person: str
    org: str  # ISO3 or IGO key
    office: str
    role: str
    start: dt.date
    end: dt.date | None
    leader: bool

    def active(self, on: dt.date) -> bool:
        return self.start <= on and (self.end is None or on < self.end)


@dataclass(frozen=True)
class Affiliation:
    """A person leading or speaking for a non-state body (Hezbollah, the RSF) on some dates."""

    person: str
    body: Fixed
    role: str
    start: dt.date
    end: dt.date | None

    def active(self, on: dt.date) -> bool:
        return self.start <= on and (self.end is None or on < self.end)


@dataclass(frozen=True)
class Person:
    name: str
    country: str
    gender: str | None
    aliases: tuple[str, ...]
    terms: tuple[Term, ...] = ()
    affiliations: tuple[Affiliation, ...] = ()


@dataclass(frozen=True)
class Entry:
    """One meaning of a phrase. `type` says which payload fields are set."""

    type: str  # loc, ambiguous_loc, fixed, person, sector, group, title, courtesy
    iso3: str | None = None
    form: str | None = None  # for loc: name, adj, people
    fixed: Fixed | None = None
    person: str | None = None
    kind: str | None = None
    display: str | None = None
    office: str | None = None


@dataclass
class Lexicon:
    phrases: dict[str, list[Entry]] = field(default_factory=dict)
    countries: dict[str, Country] = field(default_factory=dict)
    igos: dict[str, Fixed] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    terms_by_org: dict[tuple[str, str], list[Term]] = field(default_factory=dict)
    leaders_by_org: dict[str, list[Term]] = field(default_factory=dict)
    metonyms: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    # new state -> (the state it seceded from, its first day): "Juba" in 2005 is Sudan
    successions: dict[str, tuple[str, dt.date]] = field(default_factory=dict)
    frozen: dict[str, tuple[tuple[Entry, ...], frozenset[str]]] = field(default_factory=dict)
    prefixes: set[str] = field(default_factory=set)  # proper word prefixes of phrase keys
    max_len: int = 1

    def add(self, phrase: str, entry: Entry) -> None:
        k = key(phrase)
        if not k:
            return
        bucket = self.phrases.setdefault(k, [])
        if entry not in bucket:
            bucket.append(entry)
        words = k.split(" ")
        self.max_len = max(self.max_len, len(words))
        for n in range(1, len(words)):
            self.prefixes.add(" ".join(words[:n]))

    def adjective(self, code: str | None) -> str:
        """The adjective used to name a state's institutions: "Mexican", "U.S."."""
        if code is None:
            return ""
        if code in self.countries:
            return self.countries[code].adjective
        if code in self.igos:
            return self.igos[code].name
        return code

    def country_of(self, org: str) -> str:
        return IGO if org in self.igos else org


def _rows(base: Path, name: str, min_cols: int, max_cols: int) -> Iterator[tuple[int, list[str]]]:
    path = base / name
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ActorDataError(f"{path}: cannot read actor data ({exc})") from exc
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        while len(cols) > min_cols and cols[-1] == "":
            cols.pop()
        if not min_cols <= len(cols) <= max_cols or not cols[0].strip():
            raise ActorDataError(
                f"{path}:{number}: expected {min_cols}-{max_cols} tab-separated columns, "
                f"got {len(cols)}: {line!r}"
            )
        yield number, [c.strip() for c in cols] + [""] * (max_cols - len(cols))


def _fail(name: str, number: int, problem: str) -> ActorDataError:
    return ActorDataError(f"{_BASE[0] / name}:{number}: {problem}")


def _split(cell: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in cell.split("|") if a.strip())


def _date(name: str, number: int, cell: str) -> dt.date:
    try:
        return dt.date.fromisoformat(cell)
    except ValueError as exc:
        raise _fail(name, number, f"bad date {cell!r} (want YYYY-MM-DD)") from exc


def _kind(name: str, number: int, cell: str) -> str:
    if cell not in ACTOR_KINDS:
        raise _fail(name, number, f"unknown kind {cell!r}; expected one of {ACTOR_KINDS}")
    return cell


def _load_countries(lex: Lexicon) -> None:
    name = "countries.tsv"
    for number, (iso3, display, adjective, names, _demonyms) in _rows(_BASE[0], name, 3, 5):
        if len(iso3) != 3 or not iso3.isupper():
            raise _fail(name, number, f"bad ISO3 code {iso3!r}")
        aliases = _split(names)
        lex.countries[iso3] = Country(iso3, display, adjective, aliases)
    # pycountry names first (lowest precedence), then the curated names: a later entry for the
    # same phrase wins in `Lexicon.phrases` lookups because the resolver takes the last `loc`.
    for country in pycountry.countries:
        iso3 = country.alpha_3
        if iso3 not in lex.countries:
            lex.countries[iso3] = Country(iso3, country.name, country.name, ())
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                lex.add(value, Entry("loc", iso3=iso3, form="name"))
    for number, (iso3, display, adjective, names, demonyms) in _rows(_BASE[0], name, 3, 5):
        del number
        for phrase in (display, *_split(names)):
            lex.add(phrase, Entry("loc", iso3=iso3, form="name"))
        adjectives = (adjective, *_split(demonyms))
        for adj in adjectives:
            lex.add(adj, Entry("loc", iso3=iso3, form="adj"))
            plural = _plural(adj)
            if plural:
                lex.add(plural, Entry("loc", iso3=iso3, form="people"))


def _plural(adjective: str) -> str | None:
    """Plural demonyms name a people ("Mexicans", "Serbs"); adjectives in -ese/-sh/-ch don't."""
    low = adjective.lower()
    if "." in adjective or " " in adjective or "-" in adjective:
        return None
    if low.endswith(("ese", "sh", "ch", "s", "x", "z", "ic", "ish")):
        return None
    return adjective + "s"


def _load_successions(lex: Lexicon) -> None:
    name = "successions.tsv"
    for number, (new, old, since) in _rows(_BASE[0], name, 3, 3):
        for code in (new, old):
            if code not in lex.countries:
                raise _fail(name, number, f"unknown country {code!r}")
        lex.successions[new] = (old, _date(name, number, since))


def _load_regions(lex: Lexicon) -> None:
    name = "regions.tsv"
    for number, (phrase, iso3) in _rows(_BASE[0], name, 2, 2):
        if iso3 not in lex.countries:
            raise _fail(name, number, f"unknown country {iso3!r}")
        lex.add(phrase, Entry("loc", iso3=iso3, form="region"))


def _load_fixed(lex: Lexicon) -> None:
    name = "igos.tsv"
    for number, (code, display, aliases) in _rows(_BASE[0], name, 2, 3):
        if code in lex.countries or code in lex.igos:
            # terms.tsv names an org by this key: it must mean one state or one IGO
            raise _fail(name, number, f"key {code!r} is already a country code or IGO key")
        fixed = Fixed(display, IGO, "igo", _split(aliases), org=code)
        lex.igos[code] = fixed
        for phrase in (display, *fixed.aliases):
            lex.add(phrase, Entry("fixed", fixed=fixed))
    name = "metonyms.tsv"
    groups: dict[tuple[str, str, str], list[str]] = {}
    for number, (phrase, iso3, kind, display) in _rows(_BASE[0], name, 3, 4):
        if iso3 not in lex.countries:
            raise _fail(name, number, f"unknown country {iso3!r}")
        groups.setdefault((display, iso3, _kind(name, number, kind)), []).append(phrase)
    for (display, iso3, kind), phrases in groups.items():
        # Unnamed metonyms stand for the state's standard institution ("U.S. Government");
        # all phrases of one institution become its aliases, so every mention yields one actor.
        fixed = Fixed(display, iso3, kind, tuple(phrases), org=iso3)
        if not display:
            lex.metonyms[(iso3, kind)] = tuple(phrases)
        for phrase in phrases:
            lex.add(phrase, Entry("fixed", fixed=fixed))
    name = "named.tsv"
    for number, (display, iso3, kind, aliases, changes) in _rows(_BASE[0], name, 3, 5):
        if iso3 and iso3 not in lex.countries:
            raise _fail(name, number, f"unknown country {iso3!r}")
        parsed: list[tuple[dt.date, str]] = []
        for change in _split(changes):
            when, _, later = change.partition(":")
            parsed.append((_date(name, number, when), _kind(name, number, later)))
        fixed = Fixed(
            display,
            iso3 or None,
            _kind(name, number, kind),
            _split(aliases),
            org=iso3 or None,
            changes=tuple(sorted(parsed)),
        )
        for phrase in (display, *fixed.aliases):
            lex.add(phrase, Entry("fixed", fixed=fixed))


def _load_sectors(lex: Lexicon) -> None:
    name = "sectors.tsv"
    groups: list[tuple[str, Entry]] = []
    for number, (phrase, typ, kind, display, office) in _rows(_BASE[0], name, 3, 5):
        if typ not in ("sector", "group", "title", "courtesy"):
            raise _fail(name, number, f"unknown type {typ!r}")
        kind = _kind(name, number, kind)
        if typ == "title" and office not in TITLE_OFFICES:
            raise _fail(name, number, f"unknown office {office!r}; expected one of {OFFICES}")
        entry = Entry(typ, kind=kind, display=display or None, office=office or None)
        lex.add(phrase, entry)
        if typ == "group":
            groups.append((phrase, entry))
    # "a militant", "a Palestinian prisoner", "gunman": the other number of a group noun, unless
    # a table already gives that form a meaning
    for phrase, entry in groups:
        other = _other_number(phrase)
        last = key(other or "").rpartition(" ")[2]
        titled = any(e.type == "title" for e in lex.phrases.get(last, ()))
        if other and key(other) not in lex.phrases and not titled and key(other) not in _ONE_SIDE:
            # not "opposition leader": "leader" is a title, the phrase a titled person
            lex.add(other, entry)


# Singulars of peoples and creeds are mostly adjectives ("Kurd refugees", "Muslim leaders").
_ADJ_LIKE = words(
    "kurd shiite sunni muslim christian tamil uyghur uighur tibetan islamist civilian "
    "jihadist separatist loyalist"
)


# "a NATO ally", "its EU partner": one member state, not the body ("NATO allies" are NATO).
_ONE_SIDE = _ADJ_LIKE | words("ally partner")


def _other_number(phrase: str) -> str | None:
    """Singular <-> plural of a group noun's last word (regular forms and -man/-men)."""
    head, _, last = phrase.rpartition(" ")
    low = last.lower()
    if low.endswith("men"):
        word = last[:-3] + "man"
    elif low.endswith("man"):
        word = last[:-3] + "men"
    elif low.endswith(("ss", "us", "is")) or len(low) < 5:
        return None
    elif low.endswith("ies"):
        word = last[:-3] + "y"
    elif low.endswith("s"):
        word = last[:-1]
    elif low.endswith(("y",)) and low[-2:-1] not in "aeiou":
        word = last[:-1] + "ies"
    elif low.endswith(("sh", "ch", "x")):
        word = last + "es"
    else:
        word = last + "s"
    return f"{head} {word}" if head else word


def _load_people(lex: Lexicon) -> None:
    name = "people.tsv"
    raw: dict[str, tuple[str, str | None, tuple[str, ...]]] = {}
    for number, (person, country, gender, aliases) in _rows(_BASE[0], name, 2, 4):
        if country not in lex.countries:
            raise _fail(name, number, f"unknown country {country!r}")
        if gender not in ("", "m", "f"):
            raise _fail(name, number, f"gender must be m, f or blank, not {gender!r}")
        if person in raw:
            raise _fail(name, number, f"duplicate person {person!r}")
        raw[person] = (country, gender or None, _split(aliases))
    terms: dict[str, list[Term]] = {p: [] for p in raw}
    name = "terms.tsv"
    for number, (person, org, office, role, start, end, leader) in _rows(_BASE[0], name, 5, 7):
        if person not in raw:
            raise _fail(name, number, f"{person!r} is not in people.tsv")
        if org not in lex.countries and org not in lex.igos:
            raise _fail(name, number, f"unknown org {org!r} (ISO3 or an igos.tsv key)")
        if office not in OFFICES:
            raise _fail(name, number, f"unknown office {office!r}; expected one of {OFFICES}")
        if leader not in ("", "0", "1"):
            raise _fail(name, number, f"leader must be 0 or 1, not {leader!r}")
        term = Term(
            person,
            org,
            office,
            role or office.replace("_", " ").title(),
            _date(name, number, start),
            _date(name, number, end) if end else None,
            leader == "1",
        )
        if term.end is not None and term.end <= term.start:
            raise _fail(name, number, f"term ends ({end}) before it starts ({start})")
        terms[person].append(term)
        lex.terms_by_org.setdefault((org, office), []).append(term)
        if term.leader:
            lex.leaders_by_org.setdefault(org, []).append(term)
    bodies = _affiliations(lex, raw)
    for person, (home, sex, names) in raw.items():
        lex.people[person] = Person(
            person,
            home,
            sex,
            names,
            tuple(sorted(terms[person], key=lambda t: t.start)),
            tuple(sorted(bodies.get(person, ()), key=lambda a: a.start)),
        )
        for phrase in (person, *names):
            lex.add(phrase, Entry("person", person=person))


def _affiliations(lex: Lexicon, people: Mapping[str, object]) -> dict[str, list[Affiliation]]:
    """affiliations.tsv: person, named body (a named.tsv name), role, start, end."""
    name = "affiliations.tsv"
    if not (_BASE[0] / name).exists():
        return {}
    found: dict[str, list[Affiliation]] = {}
    for number, (person, body, role, start, end) in _rows(_BASE[0], name, 4, 5):
        if person not in people:
            raise _fail(name, number, f"{person!r} is not in people.tsv")
        fixed = next(
            (
                e.fixed
                for e in lex.phrases.get(key(body), ())
                if e.fixed is not None and e.fixed.name == body
            ),
            None,
        )
        if fixed is None:
            raise _fail(name, number, f"{body!r} is not a body in named.tsv or igos.tsv")
        item = Affiliation(
            person,
            fixed,
            role,
            _date(name, number, start),
            _date(name, number, end) if end else None,
        )
        if item.end is not None and item.end <= item.start:
            raise _fail(name, number, f"affiliation ends ({end}) before it starts ({start})")
        found.setdefault(person, []).append(item)
    return found


_BASE = [DATA_DIR]  # the directory being loaded, for error messages


def load_lexicon(base: Path = DATA_DIR) -> Lexicon:
    """Read every table under `base`; raises ActorDataError on the first malformed line."""
    _BASE[0] = base
    try:
        lex = Lexicon()
        _load_countries(lex)
        _load_fixed(lex)
        _load_sectors(lex)
        _load_regions(lex)
        _load_people(lex)
        _load_successions(lex)
        lex.frozen = {k: (tuple(v), frozenset(e.type for e in v)) for k, v in lex.phrases.items()}
        return lex
    finally:
        _BASE[0] = DATA_DIR


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """All tables, loaded once per process."""
    return load_lexicon(DATA_DIR)


CASING_RULES = ("word", "acronym", "name")


@lru_cache(maxsize=1)
def casing() -> dict[str, frozenset[str]]:
    """casing.tsv, rule -> phrases: kept as data so that adding a registry name that is also an
    English word ("Lee", "Chad") comes with its casing rule, next to the other tables."""
    name = "casing.tsv"
    found: dict[str, set[str]] = {rule: set() for rule in CASING_RULES}
    seen: set[str] = set()
    for number, (phrase, rule) in _rows(DATA_DIR, name, 2, 2):
        if rule not in found:
            raise _fail(name, number, f"unknown rule {rule!r}; expected one of {CASING_RULES}")
        if key(phrase) != phrase:
            raise _fail(name, number, f"{phrase!r} is not a lookup key (want {key(phrase)!r})")
        if rule != "name" and " " in phrase:
            raise _fail(name, number, f"rule {rule!r} is for one word, not {phrase!r}")
        if phrase in seen:
            raise _fail(name, number, f"{phrase!r} is listed twice")
        seen.add(phrase)
        found[rule].add(phrase)
    return {rule: frozenset(phrases) for rule, phrases in found.items()}


@lru_cache(maxsize=1)
def institution_names() -> dict[tuple[str, str], str]:
    """institutions.tsv, (iso3, kind) -> the institution's own name: data, so that a state's
    parliament or army is named where its other bodies are."""
    name = "institutions.tsv"
    found: dict[tuple[str, str], str] = {}
    for number, (iso3, kind, display) in _rows(DATA_DIR, name, 3, 3):
        if len(iso3) != 3 or not iso3.isupper():
            raise _fail(name, number, f"bad ISO3 code {iso3!r}")
        if (iso3, _kind(name, number, kind)) in found:
            raise _fail(name, number, f"{iso3} {kind} is named twice")
        if not display:
            raise _fail(name, number, "no name")
        found[(iso3, kind)] = display
    return found
