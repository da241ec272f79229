"""Turn a noun-phrase mention into a normalized actor, on a given date.

A mention is segmented once (cached, date-free) into the longest phrases the lexicon knows:
countries and demonyms, capitals and seats of government, IGOs, named bodies, registry persons,
sector nouns ("army", "foreign ministry"), group nouns ("cartels") and titles ("President").
The last segment is the head and decides what the mention is; the segments before it are
modifiers that give the country, the sector or the title. The date only matters afterwards:
who held an office then, and whether a registry person acted for a state then.
See docs/actors.md for the rules.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import re
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from kg.model import Actor

from ._data import (
    CONJUNCTIONS,
    DETERMINERS,
    IGO,
    NAME_PARTICLES,
    OFFICES,
    PRONOUNS,
    Affiliation,
    Entry,
    Fixed,
    Lexicon,
    Person,
    Term,
    casing,
    institution_names,
    lexicon,
    words,
)
from ._fuzzy import correction
from ._text import POSSESSIVE, Token, tokenize

# Case rules from data/casing.tsv. Registry and place names that are also ordinary words:
# lower-case, they are the word. Names of bodies that are also ordinary phrases: only
# capitalized, they are the name.
_COMMON_WORDS = casing()["word"]
_CASED_NAMES = casing()["name"]
_COORDINATION = re.compile(r",|;|&|\b(?:and|or|as well as|plus)\b", re.IGNORECASE)
_PARENS = re.compile(r"\([^()]*\)")
# Lower-case forms of these words are ordinary English, never the acronym (data/casing.tsv).
_CASE_SENSITIVE = casing()["acronym"]
# Country names that mean something else as often as the state: resolved only with a hint.
_AMBIGUOUS_NAMES = frozenset({"georgia"})
# Institution names for a kind when the country calls it something specific (data/institutions.tsv).
_INSTITUTIONS = institution_names()
_KIND_DISPLAY = {
    "government": "Government",
    "military": "Military",
    "ministry": "Ministry",
    "legislature": "Parliament",
    "judiciary": "Judiciary",
    "police": "Police",
}
# Registry offices, most senior first: a person holding several is shown by the first.
_OFFICE_ORDER = {office: i for i, office in enumerate(OFFICES)}
_OFFICE_KIND = {"army_chief": "military"}
# Where "Chief Executive" is the head of government, not a company's CEO.
_CHIEF_EXECUTIVE_STATES = frozenset({"HKG", "MAC"})
# Titles of go-betweens: "the mediators" in an article about Israel are not Israeli.
_THIRD_PARTY_TITLES = frozenset({"Mediator"})
# Titles that name their state: "the pope".
_IMPLIED_ORG = {"Pope": "VAT", "Taoiseach": "IRL"}
# "to Mexico" in "U.S. Ambassador to Mexico": a place after these is not the actor's country.
_PREPOSITIONS = frozenset({"to", "in", "at", "for", "from", "on", "with", "against", "over"})
# "Iran-backed militias" are not Iranian.
_PATRONAGE = frozenset(
    {
        "backed",
        "supported",
        "funded",
        "sponsored",
        "allied",
        "aligned",
        "led",
        "run",
        "owned",
        "linked",
        "affiliated",
        "inspired",
    }
)
# "Mexican Americans", "Pakistani Britons": citizens of these states, not a people of another.
_DIASPORA_STATES = frozenset({"USA", "CAN", "AUS", "NZL", "GBR"})
# "US-led coalition": CAMEO codes a led force by its leading state (unlike "Iran-backed").
_LEADING = frozenset({"led", "commanded"})
# "Albanians in south Serbia": compass words before the place of a preposition.
_COMPASS = words(
    "north south east west northern southern eastern western central northeast northwest "
    "southeast southwest northeastern northwestern southeastern southwestern"
)
# Before a title: not the office holder himself.
_DEPUTY = frozenset({"deputy", "vice", "assistant", "under", "junior", "former", "ex", "late"})
# Title-case modifiers that are not names: "Senior Officials", "Acting President".
_IGNORABLE = words(
    "senior acting interim top caretaker special federal national regional provincial local "
    "joint ousted exiled embattled longtime veteran newly elected sitting current incumbent "
    "de facto self proclaimed ruling civilian transitional hardline moderate conservative "
    "liberal leftist rightist far right left populist nationalist socialist communist chief "
    "powerful influential prominent key main leading first second third armed radical "
    "beleaguered defiant defeated victorious opposition breakaway separatist rebel "
    "over nearly about around almost roughly approximately more than less fewer least some "
    "up dozens hundreds thousands scores two three four five six seven eight nine ten "
    "eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty "
    "forty fifty sixty seventy eighty ninety hundred thousand million dozen strong suspected "
    "alleged captive angry "
    "ethnic based muslim christian jewish catholic buddhist hindu sunni shia shiite islamic "
    "evangelical orthodox heavily armed masked unidentified unknown"
)


@dataclass(frozen=True)
class ResolvedActor:
    """A normalized actor plus what the mention said about the person's role.

    `kind` is the sector the actor acted for on the resolver's date: a registry person in office
    is "government" (or "igo"), out of office "person"; an unknown named person with a title gets
    the title's sector ("government" for a minister, "military" for a general).
    """

    name: str
    country: str | None
    kind: str
    aliases: tuple[str, ...] = ()
    role: str | None = None
    gender: str | None = None

    def to_actor(self) -> Actor:
        return Actor.create(self.name, self.country, self.kind, self.aliases)

    @property
    def is_person(self) -> bool:
        return self.role is not None or self.kind == "person" or self.gender is not None


_UNATTRIBUTED = ResolvedActor(
    "Unidentified Perpetrators", None, "group", ("unknown attackers", "unidentified attackers")
)
_MULTINATIONAL_FORCE = ResolvedActor(
    "Multinational Peacekeeping Force", IGO, "igo", ("multinational peacekeepers",)
)
_ResultCache = dict[tuple[str, str | None], "ResolvedActor | None"]
_RESULTS: OrderedDict[tuple[dt.date, bool], _ResultCache] = OrderedDict()


def _results_for(on: tuple[dt.date, bool]) -> _ResultCache:
    """Results are shared by every resolver of the same date (the pipeline makes one resolver
    per article); the 32 most recently used dates are kept."""
    cache = _RESULTS.get(on)
    if cache is None:
        cache = _RESULTS[on] = {}
        while len(_RESULTS) > 32:
            _RESULTS.popitem(last=False)
    else:
        # another thread may have evicted it meanwhile; the dict itself stays valid
        with contextlib.suppress(KeyError):
            _RESULTS.move_to_end(on)
    return cache


class _Seg:
    """A run of tokens and every meaning the lexicon gives it (none: an unknown word)."""

    __slots__ = ("entries", "tokens", "types")

    def __init__(
        self,
        entries: tuple[Entry, ...],
        tokens: tuple[Token, ...],
        types: frozenset[str] | None = None,
    ) -> None:
        self.entries = entries
        self.tokens = tokens
        self.types = frozenset(e.type for e in entries) if types is None else types

    @property
    def unknown(self) -> bool:
        return not self.entries

    def first(self, typ: str) -> Entry | None:
        for entry in reversed(self.entries):
            if entry.type == typ:
                return entry
        return None

    def has(self, *types: str) -> bool:
        return not self.types.isdisjoint(types)


class _Parsed(NamedTuple):
    text: str
    segs: tuple[_Seg, ...]
    pronoun: bool
    coordinated: bool


@lru_cache(maxsize=65536)
def _parse(mention: str) -> _Parsed:
    """Segment a mention into known phrases (longest first); date-free, so cached globally."""
    lex = lexicon()
    # "(APEC)", "(Party of God)": asides; blanked to keep the word spans of the rest
    tokens = tokenize(_PARENS.sub(lambda m: " " * len(m.group()), mention))
    if len(tokens) == 1 and tokens[0].norm in PRONOUNS and not tokens[0].upper:
        return _Parsed(mention, (), True, False)
    segs: list[_Seg] = []
    coordinated = False
    cased = any(t.raw != t.raw.lower() for t in tokens)
    i = 0
    n = len(tokens)
    while i < n:
        tok = tokens[i]
        match = _longest(lex, tokens, i, cased)
        if match is not None and tok.norm in DETERMINERS and i + 1 < n:
            # "the UN refugee agency": the phrase after the article may reach further
            after = _longest(lex, tokens, i + 1, cased)
            if after is not None and len(after.tokens) >= len(match.tokens):
                match = None
        if match is None:
            fixed = _corrected(tokens, i)
            if fixed is not None:
                match = _longest(lex, fixed, i, cased)
                tokens = fixed if match is not None else tokens
        if match is None:
            if tok.norm in CONJUNCTIONS:
                coordinated = True
            entry = _word_entry(tok, at_start=not segs)
            match = _Seg((entry,) if entry else (), (tok,))
        segs.append(match)
        i += len(match.tokens)
    return _Parsed(mention, tuple(segs), False, coordinated)


def _corrected(tokens: tuple[Token, ...], i: int) -> tuple[Token, ...] | None:
    """The tokens with word i read as the known name it misspells ("Ethopia", "Laurent
    Gbago"), or None; asked only for a word no known phrase covers (see _fuzzy)."""
    tok = tokens[i]
    if len(tok.norm) < 5 or tok.norm in _COMMON_WORDS:
        return None
    fixed = correction(tok.norm, tok.capitalized, tokens[i - 1].norm if i else None)
    if fixed is None:
        return None
    return (*tokens[:i], tok._replace(norm=fixed), *tokens[i + 1 :])


def _proper(entry: Entry) -> bool:
    return entry.type in ("person", "fixed") or (entry.type == "loc" and entry.form == "name")


def _longest(lex: Lexicon, tokens: tuple[Token, ...], i: int, cased: bool) -> _Seg | None:
    """The longest known phrase starting at token i (grown word by word along known prefixes)."""
    if tokens[i].norm in _CASE_SENSITIVE and not tokens[i].upper:
        return None
    del cased
    best: _Seg | None = None
    phrase = ""
    for j in range(i, len(tokens)):
        phrase = f"{phrase} {tokens[j].norm}" if phrase else tokens[j].norm
        frozen = lex.frozen.get(phrase)
        if frozen is not None:
            entries, types = frozen
            if j == i and tokens[i].norm in _COMMON_WORDS and not tokens[i].capitalized:
                # "the hunt", "a turkey", "a car bomb": lower-case, these words are not names
                entries = tuple(e for e in entries if not _proper(e) and e.type != "loc")
                types = frozenset(e.type for e in entries)
            elif phrase in _CASED_NAMES and not all(t.capitalized for t in tokens[i : j + 1]):
                # "a strict Islamic state" is a kind of state, not the Islamic State group
                entries = tuple(e for e in entries if not _proper(e))
                types = frozenset(e.type for e in entries)
            if entries:
                best = _Seg(entries, tokens[i : j + 1], types)
        if phrase not in lex.prefixes:
            break
    return best


def _word_entry(tok: Token, at_start: bool) -> Entry | None:
    if tok.norm == POSSESSIVE:
        return Entry("possessive")
    if tok.norm in DETERMINERS and (at_start or not tok.capitalized):
        return Entry("det")
    return None


class ActorResolver:
    """Resolve mentions to actors as of one date (the event or publication date).

    Thread-safe for reads; one resolver per date. Results are cached per (mention, hint).
    """

    def __init__(self, on: dt.date | dt.datetime | str | None = None) -> None:
        self.on = _as_date(on)
        # No date (an undated text): offices still answer as of today, but a registry person
        # out of office acts in the office they are known for, not as a private person
        self.undated = on is None
        self._lex: Lexicon = lexicon()
        self._cache = _results_for((self.on, self.undated))

    # ----------------------------------------------------------------- public API

    def resolve(self, mention: str) -> ResolvedActor | None:
        """The actor a mention names, or None (pronoun, generic, unknown, not an actor)."""
        return self.resolve_with_context(mention, None)

    def resolve_with_context(self, mention: str, country_hint: str | None) -> ResolvedActor | None:
        """Like `resolve`, but state nouns and titles without a country ("the ministry",
        "the army", "the president", "the junta", "police") take `country_hint` (ISO3)."""
        cache_key = (mention, country_hint)
        try:
            return self._cache[cache_key]
        except KeyError:
            pass
        result = self._appositive(mention, country_hint) if "," in mention else None
        if result is None:
            result = self._resolve(_parse(mention), country_hint)
        result = self._before_secession(result)
        if len(self._cache) > 50_000:
            self._cache.clear()
        self._cache[cache_key] = result
        return result

    def resolve_many(
        self, mention: str, country_hint: str | None = None
    ) -> tuple[ResolvedActor, ...]:
        """Every actor of a coordinated mention, in order, without repeats.

        "Senior Hungarian and Romanian officials" -> Hungarian Government, Romanian Government
        (the last part's head noun is shared); "Trump and Sheinbaum" -> both; a mention without
        a coordination gives at most one actor. Names with "and" inside ("Bosnia and
        Herzegovina", "Food and Agriculture Organization") are not split.
        """
        parsed = _parse(mention)
        if not parsed.coordinated:
            one = self.resolve_with_context(mention, country_hint)
            return (one,) if one else ()
        parts = [p.strip() for p in _COORDINATION.split(mention) if p and p.strip()]
        if not parts:
            return ()  # "and", "&": a coordination of nothing
        last = parts[-1]
        last_segs = _strip(_parse(last).segs)
        k = 0
        while k < len(last_segs) and last_segs[k].types <= {"loc"} and last_segs[k].entries:
            k += 1
        shared = last[last_segs[k].tokens[0].start :] if 0 < k < len(last_segs) else ""
        found: list[ResolvedActor] = []
        last_words = last.split()
        for part in parts:
            actor = None
            if (
                part is not last
                and part.lower() in _COMPASS
                and len(last_words) > 1
                and last_words[0].lower() in _COMPASS
            ):
                # "North and South Korean officials": North Korean officials too
                actor = self.resolve_with_context(" ".join([part, *last_words[1:]]), country_hint)
            if actor is None and shared and part is not last:
                segs = _strip(_parse(part).segs)
                if segs and all(s.has("loc") or s.unknown for s in segs):
                    actor = self.resolve_with_context(f"{part} {shared}", country_hint)
            actor = actor or self.resolve_with_context(part, country_hint)
            if actor is None:
                # "Greek sides": the place alone
                segs = _strip(_parse(part).segs)
                if segs and segs[0].has("loc") and not segs[0].has("title", "sector", "group"):
                    actor = self.resolve_with_context(part[: segs[0].tokens[-1].end], None)
            if actor is not None and actor not in found:
                found.append(actor)
        return tuple(found)

    def resolve_instrument(self, mention: str) -> ResolvedActor | None:
        """Who wielded an attack named by its weapon (see `_instrument`), as of the date."""
        return self._before_secession(self._instrument(mention))

    def _instrument(self, mention: str) -> ResolvedActor | None:
        """Who wielded an attack named by a noun: "Israeli tank shelling", "a Russian air
        strike", "Hamas rocket fire", "US Predator attacks" -> that state's military or that body.

        For agentless reports ("were killed in Israeli shelling"). Only a state or body written
        in the phrase counts; a place or the article's country never does ("a car bomb in
        Baghdad" -> None), so nobody is blamed on a guess.
        """
        segs = _drop_quantity(_strip(_parse(mention).segs))
        if not segs or not segs[-1].unknown or segs[-1].tokens[0].norm not in _ATTACK_NOUNS:
            if segs and segs[-1].has("sector") and not segs[-1].has("title"):
                actor = self._resolve(_Parsed(mention, segs, False, False), None)
                return actor if actor is not None and actor.kind == "military" else None
            return None
        # the words before the attack noun: "Israeli tank", "US Predator", "Hamas rocket"
        mods = tuple(s for s in segs[:-1] if not (s.unknown and s.tokens[0].norm in _ATTACK_NOUNS))
        ctx = _Context(mods, self._lex)
        if ctx.disowned:
            return None
        if ctx.fixed is not None:
            return self._fixed_actor_obj(ctx.fixed)
        region = any(e.type == "loc" and e.form == "region" for s in mods for e in s.entries)
        if ctx.loc is None or region:
            return None  # "Basra bombing": a place, not an attacker
        return self._institution(ctx.loc, "military")

    def resolve_place(self, mention: str, country_hint: str | None = None) -> str | None:
        """The state a place phrase lies in (ISO3), for where an event happened: "Alaska",
        "northern Nigeria", "Kenya's capital", "the Bosnian town of Gorazde", "East Timor's
        capital Dili", "Basra" -> USA, NGA, KEN, BIH, TLS, IRQ. None for anything else.

        A place is not an actor (`resolve("Alaska")` is None); this lets the extractor say
        whose territory an act was aimed at ("military exercises in Alaska") when it decides
        the place is the target. An unknown name is accepted only after a place noun ("the
        town of Gorazde"), so a person's name ("Jim Jordan") is never read as a place.
        """
        seg = _place_seg(_strip(_parse(mention).segs), country_hint)
        if seg is None:
            return None
        loc = seg.first("loc")
        if loc is not None and len(seg.types - {"loc"}) == 0:
            return self._state_on(loc.iso3)
        fixed = seg.first("fixed")
        return self._state_on(fixed.fixed.org) if fixed is not None and fixed.fixed else None

    def _state_on(self, iso3: str | None) -> str | None:
        """The state a place or actor of `iso3` belonged to on the date: South Sudan's before
        2011-07-09 is Sudan's (data/successions.tsv). Undated texts are read as of today."""
        if iso3 is None or self.undated:
            return iso3
        succession = self._lex.successions.get(iso3)
        if succession is None or self.on >= succession[1]:
            return iso3
        return succession[0]

    def _before_secession(self, actor: ResolvedActor | None) -> ResolvedActor | None:
        """An actor of a state that did not exist yet is placed in the state it was part of,
        under its own name: "Juba" or "SPLM/A" in 2005 are Sudan's, "Eritrean troops" in 1990
        fight inside Ethiopia (never renamed as the older state's own institutions)."""
        if actor is None or actor.country is None:
            return actor
        state = self._state_on(actor.country)
        if state is None or state == actor.country:
            return actor
        return dataclasses.replace(actor, country=state)

    def unattributed(self) -> ResolvedActor:
        """The actor of a violent act the text attributes to nobody ("three civilians were
        killed in a suicide bombing"): no country, so no state is blamed."""
        return _UNATTRIBUTED

    def counterpart(self, role: str, iso3: str) -> ResolvedActor | None:
        """Who holds, in state `iso3`, the office `role` names ("his Saudi counterpart" of a
        foreign minister): the registry holder on the date ("Foreign Minister", "SAU" -> the
        Saudi foreign minister), else an office actor of that state; None for an unknown
        state or a role that is no title ("Former President" is read as "President")."""
        if iso3 not in self._lex.countries or not role.strip():
            return None
        words = role.split()
        while words and words[0].lower().strip(".-") in ("former", "ex", "late"):
            words = words[1:]  # "Former President": the office, not the former holder
        if not words:
            return None
        head = _strip(_parse(" ".join(words)).segs)
        if not head or not head[-1].has("title"):
            return None
        return self.resolve(f"{self._lex.adjective(iso3)} {' '.join(words)}")

    def is_person_name(self, mention: str) -> bool:
        """A registry person, or two to four capitalized unknown words that look like a name."""
        parsed = _parse(mention)
        segs = _strip(parsed.segs)
        if not segs:
            return False
        if len(segs) == 1 and segs[0].has("person"):
            return True
        words = [t for s in segs for t in s.tokens]
        names = [t for t in words if t.norm not in NAME_PARTICLES and not t.joined]
        return (
            2 <= len(names) <= 4
            and all(t.capitalized for t in names)
            and segs[0].unknown
            and not any(s.has("fixed", "sector", "group", "title") for s in segs)
        )

    def person(self, name: str) -> ResolvedActor | None:
        """A registry person by canonical name, as of the resolver's date."""
        found = self._lex.people.get(name)
        return self._person_actor(found) if found else None

    def office_holder(self, org: str, office: str) -> ResolvedActor | None:
        """Who held `office` ("president", "foreign_minister", "leader") for `org` on the date."""
        return self._office(org, office)

    def country(self, iso3: str) -> ResolvedActor | None:
        """The state itself (kind "country")."""
        info = self._lex.countries.get(iso3)
        if info is None:
            return None
        aliases = tuple(a for a in info.aliases if a != info.name)
        return ResolvedActor(info.name, iso3, "country", aliases)

    def institution(self, iso3: str, kind: str, display: str | None = None) -> ResolvedActor | None:
        """A state's institution of one kind: ("MEX", "government") -> "Mexican Government"."""
        return self._institution(iso3, kind, display)

    # ----------------------------------------------------------------- rules

    def _resolve(self, parsed: _Parsed, hint: str | None) -> ResolvedActor | None:
        if parsed.pronoun or parsed.coordinated:
            return None
        segs = _cut_preposition(_invert_of(_drop_quantity(_strip(parsed.segs))))
        if not segs:
            return None
        if len(segs) > 1 and segs[-2].unknown and segs[-2].tokens[0].norm == "non":
            return None  # "non-Muslims", "non-Arabs": everyone but a group, nobody in particular
        school = _school_of_place(segs)
        if school is not None:
            # "Baghdad University Medical School", "the University of Tehran": a body named
            # after its city or state is of that state
            written = _strip(parsed.segs)
            name = _span_text(parsed.text, [t for seg in written for t in seg.tokens])
            return ResolvedActor(name, school, "organization")
        name_run = _name_run(segs)
        if _acronym_after_description(segs, name_run):
            # "state broadcaster IRIB": an unknown acronym naming the body just described
            segs, name_run = segs[:-1], 0
        if name_run:
            if len(segs) > name_run:
                described = self._described_body(parsed.text, segs, name_run)
                if described is not None:
                    return described
            joined = self._person_across(segs, name_run)
            if joined is None:
                return self._named_person(parsed.text, segs, name_run, hint)
            segs = joined
        return self._resolve_head(parsed.text, segs, hint)

    def _resolve_head(
        self, text: str, segs: tuple[_Seg, ...], hint: str | None
    ) -> ResolvedActor | None:
        """The head decides what the mention is; the modifiers before it, read once into a
        context, give its country, title or sector."""
        head, mods = segs[-1], segs[:-1]
        minority = " ".join(t.norm for t in head.tokens) in _MINORITY
        ctx = _Context(mods, self._lex, minority)
        if minority and not ctx.ethnic:
            return None  # "a minority of lawmakers", "the minority": no people named
        if _stray_name(head, ctx):
            return None  # "Jim Jordan", "Michael Jordan": an unknown name, not the country
        if head.has("person"):
            office = ctx.title.office if ctx.title is not None else None
            person = self._pick_person(head, ctx.loc or hint, office)
            if person is None:
                return None
            return self._titled_person(person, ctx)
        fixed = head.first("fixed")
        if fixed is not None and fixed.fixed is not None:
            found = self._fixed_head(text, head, fixed.fixed, ctx)
            if found is not None:
                return found
        loc = head.first("loc")
        if loc is not None and not head.has("title", "sector", "group"):
            return self._loc_head(head, loc, ctx, hint)
        title = head.first("title")
        if title is not None:
            return self._title_head(title, ctx, hint)
        entry = head.first("sector") or head.first("group")
        if entry is not None:
            return self._sector_head(entry, ctx, hint, " ".join(t.norm for t in head.tokens))
        return None

    def _fixed_head(
        self, text: str, head: _Seg, body: Fixed, ctx: _Context
    ) -> ResolvedActor | None:
        """A named body as the head. "The Defense Department" is the Pentagon, but "Chile's
        Defense Department" is not: another state's body of a known name is that state's
        institution. None when the head is read as a noun instead ("Russian army")."""
        foreign = ctx.loc and ctx.loc not in (body.country, body.org)
        kind = body.kind_on(self.on)
        state_body = (
            body.kind in _STATE_KINDS
            and not body.changes  # not the Taliban
            and not head.has("sector", "group", "title")  # those read as the noun below
        )
        if foreign and body.name and body.country not in (None, IGO) and state_body:
            # "South Korea's Joint Chiefs of Staff", "Russia's Security Council": another
            # state's body of the same name, not the U.S. one the tables know
            assert ctx.loc is not None
            display = _span_text(text, list(head.tokens))
            named = self._institution(ctx.loc, kind, display[:1].upper() + display[1:])
            if named is not None:
                return named
        if not (foreign and head.has("sector", "group", "title")):
            return self._fixed_actor_obj(body)
        return None

    def _appositive(self, mention: str, hint: str | None) -> ResolvedActor | None:
        """A title and a name on two sides of a comma are one person ("Harry Tseng, Taiwan's
        deputy foreign minister"; "The US commander in Iraq, General David Petraeus"); else
        the first side that resolves ("FSB, Russia's security service")."""
        first, _, rest = mention.partition(",")
        second = rest.split(",")[0].strip()
        first = first.strip()
        if not first or not second or _parse(mention).coordinated:
            return None
        for title_side, name_side in ((second, first), (first, second)):
            head = _cut_preposition(_invert_of(_strip(_parse(title_side).segs)))[-1:]
            name_segs = _strip(_parse(name_side).segs)
            named = (
                self.is_person_name(name_side)
                or _name_run(name_segs)
                or bool(name_segs and name_segs[-1].has("person"))
            )
            if head and head[0].has("title") and named:
                joined = self._resolve(_parse(f"{title_side} {name_side}"), hint)
                if joined is not None:
                    return joined
        one = self._resolve(_parse(first), hint)
        if one is None or one.country is None:
            # "The main Hutu rebel group, Forces for Defence of Democracy (FDD)": the side that
            # says where the actor is from wins over a generic one
            two = self._resolve(_parse(second), hint)
            if two is not None and (one is None or two.country is not None):
                return two
        return one

    def _person_across(self, segs: tuple[_Seg, ...], run: int) -> tuple[_Seg, ...] | None:
        """ "President Xi" + "Jinping", "Queen Elizabeth" + "II": a registry name that starts
        inside an earlier phrase and ends at the mention's end."""
        first = len(segs) - run
        if first > 0 and segs[first - 1].has("person", "title", "courtesy"):
            first -= 1
        tokens = tuple(t for s in segs[first:] for t in s.tokens)
        for k in range(len(tokens) - 1):
            entries = self._lex.phrases.get(" ".join(t.norm for t in tokens[k:]))
            people = tuple(e for e in entries or () if e.type == "person")
            if people:
                rest = segs[:first]
                if k:
                    rest = rest + _parse(" ".join(t.raw for t in tokens[:k])).segs
                return (*rest, _Seg(people, tokens[k:]))
        return None

    def _titled_person(self, person: Person, ctx: _Context) -> ResolvedActor:
        """A registry person; out of office, a title the registry does not track decides the
        sector ("Kremlin spokesman Dmitry Peskov", "Hamas chief Ismail Haniyeh")."""
        office = ctx.title.office if ctx.title is not None else None
        tracked = (office or "") in OFFICES
        # undated: a tracked title picks that office ("U.N. Secretary-General Kofi Annan");
        # an untracked one ("General David Petraeus") speaks for itself, as out of office
        actor = self._person_actor(
            person, office if tracked else None, principal=ctx.title is None or tracked
        )
        if (
            ctx.former
            and actor.kind != "person"
            and not any(t.active(self.on) for t in person.terms)
        ):
            # "former president Carlos Menem" in an undated text: the text says out of office
            role = f"Former {actor.role}" if actor.role else None
            return ResolvedActor(
                person.name, person.country, "person", person.aliases, role, person.gender
            )
        if actor.kind != "person" or ctx.title is None:
            return actor
        if ctx.former:
            return actor  # "former dictator Idi Amin": a private person now
        if (ctx.title.office or "") in OFFICES:
            return actor  # the registry knows this office; the date decides
        kind, role = self._title_kind(ctx)
        country = ctx.loc or (ctx.fixed.country if ctx.fixed else None) or person.country
        return ResolvedActor(person.name, country, kind, person.aliases, role, person.gender)

    def _title_kind(self, ctx: _Context) -> tuple[str, str | None]:
        """The sector and role a title gives, refined by the body it is attached to."""
        assert ctx.title is not None
        kind = ctx.title.kind or "government"
        role = ctx.title.display
        if role == "CEO" and ctx.loc in _CHIEF_EXECUTIVE_STATES and ctx.fixed is None:
            return "government", "Chief Executive"  # Hong Kong's and Macau's head of government
        if ctx.fixed is not None:
            fixed_kind = ctx.fixed.kind_on(self.on)
            kind = "igo" if ctx.fixed.country == IGO else fixed_kind
            if kind in ("ministry", "military", "police", "legislature", "judiciary"):
                role = f"{ctx.fixed.name} {role}"
        elif ctx.sector is not None and ctx.title.office in (None, "", "chief", "leader"):
            kind = ctx.sector.kind or kind
            role = f"{ctx.sector.display} {role}" if ctx.sector.type == "sector" else role
        return kind, role

    def _loc_head(
        self, head: _Seg, loc: Entry, ctx: _Context, hint: str | None
    ) -> ResolvedActor | None:
        assert loc.iso3 is not None
        named_state = any(e.type == "loc" and e.form == "name" for e in head.entries)
        if ctx.fixed and named_state and not (ctx.title or ctx.person):
            # "NATO-member Norway", "Taliban-ruled Afghanistan": the state, described
            return self.country(loc.iso3)
        if ctx.title or ctx.person or ctx.fixed:
            return None
        if " ".join(t.norm for t in head.tokens) in _AMBIGUOUS_NAMES and hint != loc.iso3:
            return None
        if loc.form == "region":
            return None  # a place: "Darfur", "Basra"
        named = [e for e in head.entries if e.type == "loc" and e.form == "name"]
        if named:
            return self.country(named[-1].iso3 or loc.iso3)
        if ctx.ethnic_tail and not ctx.loc and loc.form in ("people", "adj"):
            # "ethnic Albanians", "ethnic Turks": a people wherever they live, not the state's
            # citizens; only the text's place (or the article's country) says where
            words = " ".join(t.raw for t in head.tokens)
            return ResolvedActor(f"Ethnic {words}", None if ctx.disowned else hint, "group")
        if loc.form == "people":
            words = " ".join(t.raw for t in head.tokens)
            if ctx.loc and ctx.loc != loc.iso3 and loc.iso3 not in _DIASPORA_STATES:
                # "Bosnian Serbs", "Iraqi Kurds": a people of the state the modifier names
                words = f"{self._lex.adjective(ctx.loc)} {words}"
                return ResolvedActor(words[:1].upper() + words[1:], ctx.loc, "group")
            return ResolvedActor(words[:1].upper() + words[1:], loc.iso3, "group")
        return self.country(loc.iso3)  # a bare adjective, e.g. split from "Hungarian and ..."

    def _title_head(self, title: Entry, ctx: _Context, hint: str | None) -> ResolvedActor | None:
        office = title.office or ""
        if ctx.fixed is not None and ctx.fixed.country == IGO and ctx.fixed.org:
            igo_office = _igo_office(office)
            holder = self._office(ctx.fixed.org, igo_office) if igo_office else None
            if ctx.qualified:
                # "the UN refugee chief", "the UN human rights chief": the head of a part of
                # the body, not its Secretary-General; the body is all the tables can say
                holder = None
            return holder or self._fixed_actor_obj(ctx.fixed)
        if ctx.fixed is not None:
            return self._fixed_actor_obj(ctx.fixed)  # "Hamas leader", "Pentagon spokesman"
        if ctx.sector is not None and ctx.sector.type == "group":
            return self._sector_head(ctx.sector, ctx, hint)  # "cartel leaders", "rebel commander"
        org = ctx.loc or (ctx.person_country if ctx.person else None)
        third_party = (title.display or "") in _THIRD_PARTY_TITLES
        org = (
            org
            or _IMPLIED_ORG.get(title.display or "")
            or (None if ctx.disowned or third_party else hint)
        )
        if org is None:
            return None
        if ctx.former:
            return None  # "the former president": someone, but the registry cannot say who
        if ctx.ethnic and office and office != "one":
            return None  # "the Turkish Cypriot leader" is not Turkey's president
        if ctx.deputy:
            return self._institution(org, title.kind or "government")  # "the vice minister"
        if office in ("leader", "chief") and ctx.sector is not None and ctx.sector.type == "sector":
            # "Egypt's intelligence chief" heads that body, not the state
            return self._sector_head(ctx.sector, ctx, hint)
        if office and ctx.proper_iso == org and not ctx.person:
            # "Quebec's premier", "the Ontario premier": a province's office, not the state's
            return self._institution(org, title.kind or "government")
        if office and office != "one":
            holder = self._office(org, office)
            if holder is not None:
                return holder
        if office == "one" and title.display:
            holder = self._office_by_role(org, title.display)
            if holder is not None:
                return holder  # "the U.S. treasury secretary" -> the registry's holder
        if ctx.sector is not None:
            return self._sector_head(ctx.sector, ctx, hint)
        if office and office not in ("leader", "chief"):
            adj = self._lex.adjective(org)
            return ResolvedActor(
                f"{adj} {title.display}", org, title.kind or "government", (), title.display
            )
        if title.display == "CEO" and org in _CHIEF_EXECUTIVE_STATES:
            return self._office(org, "leader") or self._institution(org, "government")
        if title.kind in ("group", "organization", "igo"):
            # "a Mexican activist", "a U.S. CEO": people of that kind from that country
            adj = self._lex.adjective(org)
            return ResolvedActor(f"{adj} {title.display}s", org, title.kind or "group")
        return self._institution(org, title.kind or "government")

    def _sector_head(
        self, entry: Entry, ctx: _Context, hint: str | None, head_norm: str = ""
    ) -> ResolvedActor | None:
        if ctx.fixed is not None:
            return self._fixed_actor_obj(ctx.fixed)  # "EU ministers", "Hamas fighters"
        link = self._affiliation(ctx.person) if ctx.person and not ctx.loc else None
        if link is not None:
            return self._fixed_actor_obj(link.body)  # "Haftar's forces" are the LNA
        org = ctx.loc or ctx.person_country or (ctx.fixed.org if ctx.fixed else None)
        if entry.display == "Group":
            return None  # "the group": only a named body ("Hamas group") says which
        if entry.type == "group":
            # refugees and migrants are, by the word, from somewhere else than where they are:
            # the article's country is no guess for them ("Syria will not accept refugees")
            elsewhere = head_norm in _FROM_ELSEWHERE
            org = org or (None if ctx.disowned or elsewhere else hint)
            display = entry.display or ""
            if ctx.proper_words:
                name = f"{' '.join(ctx.proper_words)} {display}"
                adj = self._lex.adjective(org) if org and org != ctx.proper_iso else ""
                return ResolvedActor(f"{adj} {name}".strip(), org, entry.kind or "group")
            if org is None:
                return ResolvedActor(display, None, entry.kind or "group")
            return ResolvedActor(
                f"{self._lex.adjective(org)} {display}", org, entry.kind or "group"
            )
        peacekeeping = head_norm in _PEACEKEEPING
        if peacekeeping and ctx.multinational and org is None and not ctx.person:
            # "a regional peacekeeping force", "multinational peacekeepers": no one state's
            return _MULTINATIONAL_FORCE
        # "coalition forces" and peacekeepers are sent from elsewhere: never the hint's
        foreign_force = (ctx.coalition and entry.kind == "military") or peacekeeping
        if org is None and not ctx.disowned and not foreign_force and not _plural_state(head_norm):
            org = hint
        if org is None:
            return None
        return self._institution(org, entry.kind or "government", entry.display)

    def _described_body(self, text: str, segs: tuple[_Seg, ...], run: int) -> ResolvedActor | None:
        """ "Czechoslovak news agency Ceteka", "the Nigerian newspaper Vanguard": an unknown
        name right after a media or company noun names that body, of the country before it."""
        desc = segs[len(segs) - run - 1]
        entry = desc.first("group") or desc.first("sector")
        if (
            entry is None
            or entry.kind != "organization"
            or desc.has("title", "loc", "fixed", "person", "courtesy")
            or run > 3
        ):
            return None
        tokens = [t for seg in segs[len(segs) - run :] for t in seg.tokens]
        ctx = _Context(segs[: len(segs) - run - 1], self._lex)
        return ResolvedActor(_span_text(text, tokens), ctx.loc, "organization")

    def _named_person(
        self, text: str, segs: tuple[_Seg, ...], run: int, hint: str | None
    ) -> ResolvedActor | None:
        """An unregistered name after a title or Mr./Ms.: "Interior Minister Rosa Rodríguez"."""
        name_segs = segs[len(segs) - run :]
        mods = segs[: len(segs) - run]
        ctx = _Context(mods, self._lex)
        if not ctx.title and not ctx.courtesy:
            return None
        tokens = [t for s in name_segs for t in s.tokens]
        mention_name = _span_text(text, tokens)
        fixed_country = ctx.fixed.country if ctx.fixed else None
        country = ctx.loc or ctx.person_country or fixed_country or hint
        if ctx.title is None:
            return ResolvedActor(mention_name, country, "person")
        kind, role = self._title_kind(ctx)
        office = ctx.title.office or ""
        if len(tokens) == 1 and office in OFFICES and not (ctx.former or ctx.deputy):
            # "Crown Prince Mohammed", "King Mohammed": the one holder of that office on the
            # date whose first name it is
            holder = self._holder_by_first_name(office, tokens[0].norm, ctx.loc or hint)
            if holder is not None:
                return holder
        if ctx.former:
            return ResolvedActor(mention_name, country, "person", (), f"Former {role}")
        if ctx.deputy and role:
            role = f"{ctx.deputy_word.title()} {role}"
        if kind == "organization" and country == IGO:
            kind = "igo"
        return ResolvedActor(mention_name, country, kind, (), role)

    def _holder_by_first_name(
        self, office: str, first: str, org: str | None
    ) -> ResolvedActor | None:
        """The single holder of `office` on the date (of `org` if given) whose name starts with
        the word `first`; None when nobody or several do."""
        holders = {
            t.person
            for t in _first_name_index(self._lex).get((office, first), ())
            if t.active(self.on) and (org is None or t.org == org)
        }
        if len(holders) != 1:
            return None
        return self._person_actor(self._lex.people[holders.pop()])

    # ----------------------------------------------------------------- builders

    def _institution(self, org: str, kind: str, display: str | None = None) -> ResolvedActor | None:
        lex = self._lex
        if org in lex.igos:
            return self._fixed_actor_obj(lex.igos[org])
        if org not in lex.countries:
            return None
        generic = display is None or display == _KIND_DISPLAY.get(kind)
        if generic and (org, kind) in _INSTITUTIONS:
            display_name = _INSTITUTIONS[(org, kind)]
        else:
            noun = display or _KIND_DISPLAY.get(kind, "Government")
            display_name = f"{lex.adjective(org)} {noun}"
        named = self._named_fixed(display_name, org)
        if named is not None:
            return self._fixed_actor_obj(named)
        aliases = lex.metonyms.get((org, kind), ()) if generic else ()
        return ResolvedActor(display_name, org, kind, aliases)

    def _named_fixed(self, name: str, org: str) -> Fixed | None:
        from ._text import key

        for entry in self._lex.phrases.get(key(name), ()):
            fixed = entry.fixed
            if fixed is not None and fixed.name == name and org in (fixed.org, fixed.country):
                return fixed
        return None

    def _fixed_actor_obj(self, fixed: Fixed) -> ResolvedActor:
        kind = fixed.kind_on(self.on)
        if not fixed.name:  # a metonym: "Washington" -> the U.S. Government
            assert fixed.org is not None
            inst = self._institution(fixed.org, kind)
            assert inst is not None
            return inst
        return ResolvedActor(fixed.name, fixed.country, kind, fixed.aliases)

    def _person_actor(
        self, person: Person, office: str | None = None, principal: bool = True
    ) -> ResolvedActor:
        active = [t for t in person.terms if t.active(self.on)]
        if not active and principal:
            link = self._affiliation(person)
            if link is not None:
                return ResolvedActor(
                    person.name,
                    link.body.country,
                    link.body.kind_on(self.on),
                    person.aliases,
                    link.role,
                    person.gender,
                )
        if not active and self.undated and principal and person.terms:
            # "Kofi Annan" in an undated text: the U.N. Secretary-General, the most senior
            # office first (or the one the text names), the latest such term
            terms = [t for t in person.terms if t.office == office] or list(person.terms)
            active = [min(terms, key=lambda t: (*_seniority(t), -t.start.toordinal()))]
        if active:
            term = min(active, key=_seniority)
            country = self._lex.country_of(term.org)
            kind = "igo" if country == IGO else _OFFICE_KIND.get(term.office, "government")
            if term.office == "minister" and "Ministry" in term.role:
                kind = "ministry"  # "Foreign Ministry Spokeswoman"
            return ResolvedActor(
                person.name, country, kind, person.aliases, term.role, person.gender
            )
        past = [t for t in person.terms if t.end is not None and t.end <= self.on]
        role = f"Former {max(past, key=lambda t: t.end or t.start).role}" if past else None
        return ResolvedActor(
            person.name, person.country, "person", person.aliases, role, person.gender
        )

    def _affiliation(self, person: Person) -> Affiliation | None:
        """The non-state body a person acts for on the date ("Hassan Nasrallah" in 2020:
        Hezbollah); undated, the latest one, if the registry has no office for the person."""
        if any(t.active(self.on) for t in person.terms):
            return None
        now = [a for a in person.affiliations if a.active(self.on)]
        if not now and self.undated and not person.terms and person.affiliations:
            now = [person.affiliations[-1]]
        return now[-1] if now else None

    def _pick_person(
        self, seg: _Seg, country: str | None, office: str | None = None
    ) -> Person | None:
        """Several registry persons may share an alias ("Sharif"): prefer the one in office."""
        names = [e.person for e in seg.entries if e.type == "person" and e.person]
        people = [self._lex.people[n] for n in dict.fromkeys(names)]
        if len(people) <= 1:
            return people[0] if people else None
        if country:
            local = [p for p in people if p.country == country]
            people = local or people
        if office in OFFICES:
            # "Defense Secretary Carter" is the one who held that office (Ash, not Jimmy)
            holders = [p for p in people if any(t.office == office for t in p.terms)]
            people = holders or people
            if len(people) == 1:
                return people[0]
        active = [p for p in people if any(t.active(self.on) for t in p.terms)]
        if len(active) == 1:
            return active[0]
        if len(people) == 1:
            return people[0]
        if not active and len({p.country for p in people}) == 1:
            # "President Bush" in 2025: both are American; the most senior office first
            # ("Carter" is the president, not the defense secretary), then the most recent
            past = {p: [t for t in p.terms if t.end and t.end <= self.on] for p in people}
            ranked = sorted(
                (
                    min(_seniority(t) for t in terms),
                    -max(t.end or t.start for t in terms).toordinal(),
                    p.name,
                )
                for p, terms in past.items()
                if terms
            )
            if ranked and (len(ranked) == 1 or ranked[0][:2] != ranked[1][:2]):
                return self._lex.people[ranked[0][2]]
        return None

    def _office_by_role(self, org: str, role: str) -> ResolvedActor | None:
        """Other cabinet posts are registry "minister" terms matched by their role."""
        want = _role_key(role)
        for term in self._lex.terms_by_org.get((org, "minister"), ()):
            if term.active(self.on) and _role_key(term.role) == want:
                return self._person_actor(self._lex.people[term.person])
        return None

    def _office(self, org: str, office: str) -> ResolvedActor | None:
        lex = self._lex
        if office in ("leader", "chief"):
            terms = lex.leaders_by_org.get(org, [])
        else:
            terms = lex.terms_by_org.get((org, office), [])
        active = [t for t in terms if t.active(self.on)]
        if not active:
            return None
        term = max(active, key=lambda t: t.start)
        return self._person_actor(lex.people[term.person])


_FIRST_NAMES: dict[int, tuple[Lexicon, dict[tuple[str, str], tuple[Term, ...]]]] = {}


def _first_name_index(lex: Lexicon) -> dict[tuple[str, str], tuple[Term, ...]]:
    """(office, first word of the holder's name) -> terms; built once per lexicon."""
    cached = _FIRST_NAMES.get(id(lex))
    if cached is not None and cached[0] is lex:
        return cached[1]
    index: dict[tuple[str, str], list[Term]] = {}
    for (_, office), terms in lex.terms_by_org.items():
        for term in terms:
            words = tokenize(term.person)
            if words:
                index.setdefault((office, words[0].norm), []).append(term)
    frozen = {k: tuple(v) for k, v in index.items()}
    _FIRST_NAMES[id(lex)] = (lex, frozen)
    return frozen


def _as_date(on: dt.date | dt.datetime | str | None) -> dt.date:
    """The resolver's day: a date, a datetime (its own calendar day), an ISO string, or today."""
    if on is None:
        return dt.date.today()
    if isinstance(on, dt.datetime):
        return on.date()
    if isinstance(on, dt.date):
        return on
    try:
        return dt.datetime.fromisoformat(str(on).replace("Z", "+00:00")).date()
    except ValueError as exc:
        raise ValueError(f"ActorResolver: cannot read the date {on!r} (want YYYY-MM-DD)") from exc


class _Context:
    """What the modifiers before the head say: country, body, title, sector, person."""

    __slots__ = (
        "loc",
        "fixed",
        "title",
        "courtesy",
        "sector",
        "person",
        "person_country",
        "stray_proper",
        "proper_words",
        "proper_iso",
        "deputy",
        "former",
        "deputy_word",
        "ethnic",
        "ethnic_tail",
        "disowned",
        "coalition",
        "qualified",
        "multinational",
    )

    def __init__(self, mods: tuple[_Seg, ...], lex: Lexicon, minority: bool = False) -> None:
        self.loc: str | None = None
        self.fixed: Fixed | None = None
        self.title: Entry | None = None
        self.courtesy = False
        self.sector: Entry | None = None
        self.person: Person | None = None
        self.person_country: str | None = None
        self.stray_proper = False
        self.proper_words: list[str] = []
        self.proper_iso: str | None = None
        self.deputy = False
        self.former = False
        self.deputy_word = ""
        self.ethnic = False  # two demonyms: "Bosnian Serb", "Turkish Cypriot"
        # "ethnic Albanians": the word says a people, as opposed to the state's citizens, so the
        # demonym after it is no country (the head itself when the mention ends there)
        self.ethnic_tail = bool(mods) and _is_word(mods[-1], "ethnic")
        # "pro-Russia rebels", "Iran-backed militias": the text names a side, not the actor's
        # country, so a guessed country (the hint) must not be put in its place
        self.disowned = False
        self.coalition = False
        self.multinational = False  # "a regional peacekeeping force": several states'
        self.qualified = False  # words between a named body and the title: "UN refugee chief"
        scan = _Scan()
        for index, seg in enumerate(mods):
            if index and mods[index - 1].unknown and mods[index - 1].tokens[0].norm == "non":
                continue  # "non-Arab militias": not Arab, and nothing else said
            if self._read_kin(mods, index, minority, scan):
                continue
            self._read_scope(seg, index, scan)
            if seg.unknown or (seg.has("det") and seg.tokens[0].norm in _DEPUTY):
                self._read_word(mods, index, scan)
                continue
            if scan.after_preposition:
                continue
            if index and mods[index - 1].tokens[-1].norm in ("pro", "anti"):
                self.disowned = True
                continue  # "pro-Iranian Hezbollah" is not Iranian
            self._read_anchor(mods, index, lex, scan)
            self._read_role(seg)

    def _read_kin(self, mods: tuple[_Seg, ...], index: int, minority: bool, scan: _Scan) -> bool:
        """Descent is not citizenship: a people named by a demonym must never become the
        actor's state, so it is read before anything else. True when the segment was read so."""
        seg = mods[index]
        ethnic_word = bool(index) and _is_word(mods[index - 1], "ethnic")
        kin = seg.first("loc") if ethnic_word or minority else None
        if minority and not ethnic_word and not _demonym(seg):
            kin = None  # "Kosovo's Serb minority": Kosovo is where they live
        if kin is None or kin.form == "region" or scan.after_preposition:
            return False
        # "ethnic Albanian guerrillas": Albanians by descent, living anywhere; not
        # Albania's, and no state office ("the ethnic Albanian leader"); a "Hungarian
        # minority" likewise lives in another state than Hungary
        self.ethnic = True
        lead = ["Ethnic"] if ethnic_word else []
        self.proper_words.extend([*lead, *(t.raw for t in seg.tokens)])
        scan.last_loc_seg = index
        return True

    def _read_scope(self, seg: _Seg, index: int, scan: _Scan) -> None:
        """Words that say the actor is not simply one state's: qualified below a named body,
        multinational, a coalition's, or from elsewhere than the hint's state."""
        if (
            scan.last_fixed_seg >= 0
            and index > scan.last_fixed_seg
            and (seg.unknown or seg.has("sector", "group"))
            and seg.tokens[0].norm not in _IGNORABLE
            and not seg.has("title")
        ):
            self.qualified = True
        if seg.unknown and seg.tokens[0].norm in _MULTINATIONAL and not scan.after_preposition:
            self.multinational = True
        if seg.tokens[0].norm == "coalition" and not scan.after_preposition:
            self.coalition = True  # "coalition forces" are foreign; "coalition government"
        if seg.tokens[0].norm in _ELSEWHERE and not scan.after_preposition:
            # "Western troops", "foreign diplomats", "coalition forces": from somewhere
            # the text names or implies, never the hint's own state
            self.disowned = True

    def _read_word(self, mods: tuple[_Seg, ...], index: int, scan: _Scan) -> None:
        """A word the lexicon does not know (or a rank word): a rank ("deputy", "former"), a
        preposition that ends the modifiers, a patron ("Iran-backed") that is not the actor's
        country, or a capitalized name the actor is not."""
        seg = mods[index]
        word = seg.tokens[0].norm
        if word.isdigit() or (word == "to" and index and mods[index - 1].tokens[0].norm == "up"):
            pass  # "800 strong", "up to 13,000"
        elif word in _DEPUTY:
            self.deputy = True
            self.deputy_word = word
            self.former = self.former or word in ("former", "ex", "late")
        elif word in _IGNORABLE:
            pass
        elif word in _PREPOSITIONS:
            scan.after_preposition = True
        elif word in _LEADING and scan.last_loc_seg == index - 1:
            pass  # "Vietnamese-led forces", "US-led coalition": coded as the leader's
        elif word in _PATRONAGE and scan.last_loc_seg == index - 1:
            # "Iran-backed": the patron, not the actor's country; a place written
            # before it ("militias in Iraq" read as "Iraq Iran-backed militias") stays
            self.loc, self.ethnic = scan.before_patron
            self.disowned = True
        elif word in _PATRONAGE and word not in _LEADING and scan.last_fixed_seg == index - 1:
            # "Al Qaeda-linked Somali militants", "Hamas-backed": the patron body
            # is not the actor
            self.fixed = None
            self.disowned = self.loc is None or self.loc == scan.fixed_loc
            if self.loc == scan.fixed_loc:
                self.loc = None
        elif word in _PATRONAGE and self.proper_words and mods[index - 1].unknown:
            # "Kurdish-led": the leader's people, not a name
            del self.proper_words[-len(mods[index - 1].tokens) :]
            self.stray_proper = bool(self.proper_words)
        elif all(t.capitalized for t in seg.tokens):
            self.stray_proper = True
            self.proper_words.extend(t.raw for t in seg.tokens)

    def _read_anchor(self, mods: tuple[_Seg, ...], index: int, lex: Lexicon, scan: _Scan) -> None:
        """What ties the actor to a state: a place or demonym, a named body, or a registry
        person written before the head."""
        seg = mods[index]
        loc = seg.first("loc")
        if loc is not None and " ".join(t.norm for t in seg.tokens) not in _AMBIGUOUS_NAMES:
            scan.before_patron = (self.loc, self.ethnic)
            ethnic = (
                scan.last_loc_seg == index - 1
                and self.loc is not None
                and loc.form != "region"
                and mods[index - 1].first("loc") is not None
                and mods[index - 1].first("loc").form != "region"  # type: ignore[union-attr]
            )
            if ethnic:
                self.ethnic = True
            else:
                # "Bosnian Serb forces", "Iraqi Kurdish fighters": the second demonym is
                # the people, the first the state
                self.loc = loc.iso3
            scan.last_loc_seg = index
            if loc.form == "region":
                self.proper_words.extend(t.raw for t in seg.tokens)
                self.proper_iso = loc.iso3
        elif seg.has("fixed") and (
            not seg.has("title", "sector", "group") or _named_state_body(seg, self.loc)
        ):
            fixed = seg.first("fixed")
            assert fixed is not None and fixed.fixed is not None
            self.fixed = fixed.fixed
            scan.last_fixed_seg = index
            if fixed.fixed.country not in (None, IGO) and not fixed.fixed.name:
                self.loc = scan.fixed_loc = fixed.fixed.org  # "Kremlin spokesman" -> RUS
                self.fixed = None
        elif seg.has("person"):
            names = [e.person for e in seg.entries if e.type == "person" and e.person]
            self.person = lex.people[names[0]]
            self.person_country = self.person.country

    def _read_role(self, seg: _Seg) -> None:
        """The title, courtesy word or sector noun a modifier gives the head ("Defense
        Minister", "Mr", "army")."""
        if seg.has("title"):
            self.title = seg.first("title")
        elif seg.has("courtesy"):
            self.courtesy = True
        elif (
            seg.has("sector", "group")
            and not seg.has("loc", "person")
            and (not seg.has("fixed") or _other_states_body(seg, self.loc))
        ):
            self.sector = seg.first("sector") or seg.first("group")


@dataclass
class _Scan:
    """How far the walk over the modifiers has come: a word's reading depends on what came
    just before it ("Iran-backed" after a place, "led" after a demonym, words after "in")."""

    after_preposition: bool = False
    before_patron: tuple[str | None, bool] = (None, False)
    last_loc_seg: int = -2
    last_fixed_seg: int = -2
    fixed_loc: str | None = None


def _acronym_after_description(segs: tuple[_Seg, ...], name_run: int) -> bool:
    """An unknown upper-case word right after a media or group noun ("state broadcaster
    IRIB") names the body just described, so it is no person's name."""
    return (
        name_run == 1
        and len(segs) > 1
        and segs[-1].tokens[0].upper
        and segs[-2].has("sector", "group")
        and not segs[-2].has("title")
    )


def _stray_name(head: _Seg, ctx: _Context) -> bool:
    """Capitalized words the lexicon does not know before the head are most likely a name
    ("Jim Jordan"), so the head word is not the country; unless they are part of a title
    ("Planning and Investment Minister Tran Xuan Gia", "United Nations Emergency Relief
    Coordinator") or describe a named body ("Human rights organization Amnesty
    International")."""
    titled_person = head.has("person") and ctx.title is not None
    igo_title = head.has("title") and ctx.fixed is not None and ctx.fixed.country == IGO
    described_body = head.has("fixed") and ctx.sector is not None
    return (
        ctx.stray_proper
        and not head.has("group", "sector")
        and not (titled_person or igo_title or described_body)
    )


_QUANTITY = words(
    "a an the team teams group groups number numbers band unit units member members dozens "
    "hundreds thousands scores some many most several one two three four five all none each "
    "majority crowd crowds largest biggest top of"
)


def _drop_quantity(segs: tuple[_Seg, ...]) -> tuple[_Seg, ...]:
    """ "a team of heavily armed police", "members of SANDF" -> what the quantity counts."""
    for k, seg in enumerate(segs):
        if seg.tokens[0].norm == "of" and len(seg.tokens) == 1 and 0 < k < len(segs) - 1:
            before = [t.norm for s in segs[:k] for t in s.tokens]
            if all(w in _QUANTITY or w.isdigit() for w in before):
                return _strip(segs[k + 1 :])
            return segs
    return segs


# Nouns of attacks and weapons: "Israeli shelling", "a Russian air strike", "Hamas rockets".
_ATTACK_NOUNS = words(
    "shelling shells shell fire gunfire airstrike airstrikes strike strikes raid raids "
    "bombardment bombardments bombing bombings missile missiles rocket rockets artillery "
    "mortar mortars attack attacks offensive assault assaults tank tanks warplane warplanes jet "
    "jets helicopter helicopters gunship gunships sniper snipers drone drones torpedo barrage"
)
# Kinds of a state's own institutions (a named one belongs to one state only).
_STATE_KINDS = frozenset(
    {"government", "military", "ministry", "legislature", "judiciary", "police"}
)
# Words of a place phrase around a place name: "the Bosnian town of Gorazde".
_PLACE_WORDS = words(
    "of city town village villages province region district capital enclave county area "
    "border frontier coast island islands port suburb suburbs outskirts territory state "
    "in near outside site sites facility facilities plant camp base airport prison hospital "
    "refinery school university mall market embassy consulate"
)
_CONNECTORS = words("of in near outside")
# Words that describe a place by its people or state: "mostly Christian east Beirut".
_PLACE_DESCRIPTORS = words(
    "mostly predominantly largely mainly overwhelmingly heavily christian muslim moslem sunni "
    "shia shiite druze alawite jewish catholic protestant orthodox hindu buddhist majority "
    "populated inhabited residential rural urban remote restive volatile impoverished"
)
# "rebel-held", "Israeli-occupied": the word before names who holds the place.
_CONTROLLED = words("held controlled occupied dominated ruled run administered")
# Modifiers that place an actor outside any one state the hint could name.
_ELSEWHERE = words(
    "western european arab african asian gulf nordic balkan foreign international "
    "multinational overseas allied"
)
# People named for having come from elsewhere: the hint (where the story is) is not their state.
_FLEEING = frozenset({"fleeing", "escaping"})
_MINORITY = frozenset({"minority", "minorities"})
_SCHOOL_WORDS = frozenset({"university", "school", "college", "hospital", "institute", "academy"})
_MULTINATIONAL = frozenset({"regional", "multinational", "international"})
_PEACEKEEPING = frozenset(
    {
        "peacekeepers",
        "peacekeeper",
        "peacekeeping force",
        "peacekeeping forces",
        "peacekeeping troops",
    }
)
_FROM_ELSEWHERE = frozenset(
    {
        "refugees",
        "refugee",
        "refugee camps",
        "migrants",
        "migrant",
        "immigrants",
        "immigrant",
        "asylum seekers",
        "asylum seeker",
        "asylum-seekers",
        "foreigners",
        "expatriates",
    }
)
# Plural state nouns: several states, never the hint's one government ("other governments").
_PLURAL_STATE_NOUNS = words("governments militaries armies ministries parliaments regimes")
# "a group based in X": participles that only say where the actor is.
_LOCATED = words("based operating stationed active headquartered")
_PLACE_NOUNS = words("province region district city county governorate oblast territory")


def _invert_of(segs: tuple[_Seg, ...]) -> tuple[_Seg, ...]:
    """ "the Government of Mexico" -> "Mexico Government"; "President of Mexico" likewise."""
    for k, seg in enumerate(segs):
        if seg.unknown and seg.tokens[0].norm == "of" and 0 < k < len(segs) - 1:
            tail = _strip(segs[k + 1 :])
            if len(tail) == 2 and tail[0].has("loc") and tail[1].tokens[0].norm in _PLACE_NOUNS:
                tail = tail[:1]  # "the government of Sindh province"
            before = segs[k - 1]
            if (
                len(tail) == 1
                and tail[0].has("loc", "fixed")
                and (
                    before.has("title", "sector", "group", "person")
                    or (before.unknown and before.tokens[0].capitalized)
                )
            ):
                return (*tail, *segs[:k])
            if before.has("group") and not before.has("title", "sector"):
                # "Opponents of Rwanda's government": opponents, from Rwanda
                place = next((t for t in tail if t.has("loc") and not t.has("sector")), None)
                return (place, *segs[:k]) if place is not None else segs[:k]
            if before.has("sector") and not before.has("title"):
                return segs[:k]  # "Chile's Ministry of Mines" -> "Chile's Ministry"
            return segs
    return segs


def _cut_preposition(segs: tuple[_Seg, ...]) -> tuple[_Seg, ...]:  # noqa: C901
    """Cut "the Russian ambassador to the United States" at "to"; a trailing name survives:
    "U.S. Ambassador to Mexico Ronald Johnson" -> "U.S. Ambassador Ronald Johnson"."""
    for k, seg in enumerate(segs):
        if k and seg.unknown and seg.tokens[0].norm in _FLEEING:
            # "refugees fleeing Liberia", "refugees fleeing the civil war in Liberia": where they
            # come from, as for "Liberian refugees"; never the place they fled to
            # ("soldiers fleeing Liberia" are soldiers, not Liberia)
            head = " ".join(t.norm for t in segs[k - 1].tokens)
            if head in _FROM_ELSEWHERE and not any(s.has("loc") for s in segs[:k]):
                origin = _fled_place(segs[k + 1 :])
                return (origin, *segs[:k]) if origin is not None else segs[:k]
            if segs[k - 1].has("group", "sector"):
                return segs[:k]
        if k and seg.unknown and seg.tokens[0].norm in _PREPOSITIONS:
            if segs[k - 1].tokens[-1].norm == "up":
                continue  # "up to 13,000 Turkish Kurd refugees"
            if k > 1 and segs[k - 1].unknown and segs[k - 1].tokens[0].norm in _LOCATED:
                # "a terror group based in Trinidad", "the Red Cross operating in Iraq": where
                # the actor is, as in "rebels in Trinidad"
                return _cut_preposition((*segs[: k - 1], *segs[k:]))
            tail = _strip(segs[k + 1 :])
            while len(tail) > 1 and tail[0].unknown and tail[0].tokens[0].norm in _COMPASS:
                tail = tail[1:]  # "in south Serbia"
            before = segs[k - 1]
            people = any(e.type == "loc" and e.form == "people" for e in before.entries)
            place = tail[0] if len(tail) == 1 and tail[0].has("loc") else _place_seg(tail)
            foreign = any(s.unknown and s.tokens[0].norm in _ELSEWHERE for s in segs[:k])
            # a state written as a patron or side ("Iran-backed", "pro-Russian") is not the
            # actor's own: the place still says where the actor is
            # "the Serb minority in Kosovo": the demonym names the people, not where they live
            minority = " ".join(t.norm for t in before.tokens) in _MINORITY
            own_locs = [
                s
                for j, s in enumerate(segs[: k - 1 if people else k])
                if s.has("loc") and not _patron_or_side(segs, j) and not (minority and _demonym(s))
            ]
            if (
                seg.tokens[0].norm == "in"
                and (before.has("group", "sector") or people)
                and not before.has("title")
                and place is not None
                and not own_locs
                and not foreign  # "Western troops in Iraq", "foreign diplomats in Kabul"
            ):
                # "trade unions in Denmark": Danish unions; "security forces in Guinea",
                # "Albanians in south Serbia" (a people where it lives), "prisoners in East
                # Timor's capital Dili"
                return (place, *segs[:k])
            origin = next(
                (t for t in tail if t.has("loc", "fixed") and not t.has("sector", "group")), None
            )
            if (
                seg.tokens[0].norm == "from"
                and before.has("group", "sector")
                and not before.has("title")
                and origin is not None
                and not any(s.has("loc") for s in segs[:k])
            ):
                # "dissidents from Egypt", "doctors from two American aid groups": their origin;
                # "activists from the Fatah party" are Fatah's, as "Fatah activists" are
                return (origin, *segs[:k])
            run = _name_run(segs)
            if run and len(segs) - run > k + 1:
                return (*segs[:k], *segs[len(segs) - run :])
            last = segs[-1]
            if len(segs) > k + 2 and last.has("person") and not last.has("title", "sector"):
                # "Federal Minister for Interior Aftab Sherpao": a registry name survives too
                return (*segs[:k], last)
            return segs[:k]
    return segs


def _school_of_place(segs: tuple[_Seg, ...]) -> str | None:
    """The state of a capitalized university, school or hospital named after a place ("Cairo
    University", "Kabul Medical University"), else None. Other known words in the name
    ("American University of Beirut") leave it unresolved."""
    if len(segs) < 2 or not segs[-1].unknown or segs[-1].tokens[-1].norm not in _SCHOOL_WORDS:
        return None
    if not all(t.capitalized for seg in segs for t in seg.tokens):
        return None
    if not all(seg.unknown for seg in segs[1:]):
        return None
    first = segs[0]
    if " ".join(t.norm for t in first.tokens) in _AMBIGUOUS_NAMES:
        return None  # "Georgia Institute": the U.S. state as often as the country
    loc = first.first("loc")
    if loc is not None and loc.form == "name" and first.types == {"loc"}:
        return loc.iso3
    seat = first.first("fixed")
    if seat is not None and seat.fixed is not None and not seat.fixed.name:
        return seat.fixed.country if seat.fixed.country != IGO else None
    return None


def _demonym(seg: _Seg) -> bool:
    loc = seg.first("loc")
    return loc is not None and loc.form in ("adj", "people")


def _fled_place(tail: tuple[_Seg, ...]) -> _Seg | None:
    """The place a flight is from: the whole tail ("Liberia", "northern Mali"), else what
    follows its last "in"/"from" ("the civil war in Liberia", "fighting in eastern Congo")."""
    place = _place_seg(_strip(tail))
    if place is not None:
        return place
    cuts = [j for j, s in enumerate(tail) if s.unknown and s.tokens[0].norm in ("in", "from")]
    if not cuts:
        return None
    rest = _strip(tail[cuts[-1] + 1 :])
    while len(rest) > 1 and rest[0].unknown and rest[0].tokens[0].norm in _COMPASS:
        rest = rest[1:]
    return _place_seg(rest) if rest else None


def _place_seg(segs: tuple[_Seg, ...], hint: str | None = None) -> _Seg | None:
    """The first place name of a phrase that is only a place ("northern Nigeria", "East Timor's
    capital Dili", "the town of Gorazde"), else None. See `ActorResolver.resolve_place`."""
    found: _Seg | None = None
    after_place_noun = False
    # "the Natanz enrichment site", "Baghdad University Medical School": words before a final
    # place noun describe the place
    described = any(t.norm in _PLACE_WORDS - _CONNECTORS for seg in segs for t in seg.tokens)
    for k, seg in enumerate(segs):
        word = seg.tokens[0].norm
        loc = seg.first("loc")
        fixed = seg.first("fixed")
        if k + 1 < len(segs) and segs[k + 1].unknown and segs[k + 1].tokens[0].norm in _CONTROLLED:
            continue  # "Israeli-occupied", "rebel-held": who holds the place, not the place
        if seg.unknown and (word in _PLACE_DESCRIPTORS or word in _CONTROLLED):
            continue  # "mostly Christian east Beirut", "predominantly Muslim northern Nigeria"
        if loc is not None and len(seg.types - {"loc"}) == 0:
            name = " ".join(t.norm for t in seg.tokens)
            if name in _AMBIGUOUS_NAMES and hint != loc.iso3:
                return None
            found = found or seg
            after_place_noun = False
        elif fixed is not None and fixed.fixed is not None and not fixed.fixed.name:
            found = found or seg  # a capital or seat of government
            after_place_noun = False
        elif seg.has("det", "possessive") or (seg.unknown and word in _COMPASS):
            continue
        elif len(seg.tokens) == 1 and word in _PLACE_WORDS:
            after_place_noun = True  # "town" is also a noun of civilians: still a place
        elif seg.unknown and after_place_noun and all(t.capitalized for t in seg.tokens):
            continue  # "the town of Gorazde", "capital Dili"
        elif described and (seg.unknown or seg.has("group", "sector")):
            continue
        else:
            return None
    return found


def _named_state_body(seg: _Seg, loc: str | None) -> bool:
    """ "State Department" before a title: one state's named body (U.S.), also readable as a
    sector noun; the named body wins unless another state was written before it."""
    fixed = seg.first("fixed")
    body = fixed.fixed if fixed is not None else None
    return (
        body is not None
        and bool(body.name)
        and body.country not in (None, IGO)
        and loc in (None, body.country)
        and not seg.has("title", "group")
    )


def _other_states_body(seg: _Seg, loc: str | None) -> bool:
    """ "Russia's Security Council": a state's own body whose name the tables give to another
    (the UN's); read as the sector noun of the state written before it."""
    fixed = seg.first("fixed")
    body = fixed.fixed if fixed is not None else None
    return loc is not None and body is not None and loc not in (body.country, body.org)


def _patron_or_side(segs: tuple[_Seg, ...], j: int) -> bool:
    """segs[j] names a patron ("Iran-backed") or a side ("pro-Russian"), not the actor's state."""
    after = segs[j + 1].tokens[0].norm if j + 1 < len(segs) and segs[j + 1].unknown else ""
    before = segs[j - 1].tokens[-1].norm if j > 0 else ""
    return (after in _PATRONAGE and after not in _LEADING) or before in ("pro", "anti")


def _is_word(seg: _Seg, word: str) -> bool:
    """An unknown one-word segment that is `word`."""
    return seg.unknown and len(seg.tokens) == 1 and seg.tokens[0].norm == word


def _plural_state(head_norm: str) -> bool:
    """ "governments", "foreign armies": the head names several states."""
    return bool(head_norm) and head_norm.split()[-1] in _PLURAL_STATE_NOUNS


def _strip(segs: tuple[_Seg, ...]) -> tuple[_Seg, ...]:
    """Drop leading determiners and a trailing possessive ("Trump's" -> "Trump")."""
    start, end = 0, len(segs)
    while start < end and segs[start].has("det") and len(segs[start].tokens) == 1:
        start += 1
    while end > start and segs[end - 1].has("possessive"):
        end -= 1
    return segs[start:end]


def _name_run(segs: tuple[_Seg, ...]) -> int:
    """How many trailing segments form an unknown name ("Rosa Icela Rodríguez")."""
    run = 0
    for seg in reversed(segs):
        tok = seg.tokens[0]
        if (
            seg.unknown
            and len(seg.tokens) == 1
            and (tok.capitalized or tok.norm in NAME_PARTICLES or (run and tok.joined))
        ) or (run and seg.unknown and tok.joined):
            run += 1
            continue
        if run and seg.has("person") and not seg.has("title", "sector", "group"):
            # a known first name or surname inside a longer unknown name: "Mark Harris"
            run += 1
            continue
        surname_like = (
            seg.has("person")
            or any(e.type == "loc" and e.form != "people" for e in seg.entries)
            or (seg.has("title") and tok.capitalized and len(segs) >= 3 and segs[-3].has("title"))
        )
        if not run and surname_like and len(seg.tokens) == 1:
            # a registry surname or a demonym ("Volker Turk") after an unknown first name
            prev = segs[len(segs) - 2] if len(segs) >= 2 else None
            first = prev.tokens[0] if prev is not None else None
            if (
                prev is not None
                and prev.unknown
                and first is not None
                and first.raw[:1].isupper()
                and first.norm not in _IGNORABLE
            ):
                run += 1
                continue
        break
    while run and segs[len(segs) - run].tokens[0].norm in NAME_PARTICLES:
        run -= 1  # a name does not start with "de" or "al"
    if run and run < len(segs) and segs[len(segs) - run - 1].has("possessive"):
        return 0  # "the Prime Minister's Office": a thing someone has, not a name
    return run


def _span_text(text: str, tokens: list[Token]) -> str:
    """The name as written in the mention, accents and hyphens kept."""
    return " ".join(text[tokens[0].start : tokens[-1].end].split())


def _role_key(role: str) -> str:
    """ "Security Secretary" = "security minister"; "Defence" = "Defense"."""
    from ._text import key

    return key(role).replace("secretary", "minister").replace("defence", "defense")


def _seniority(term: Term) -> tuple[int, int]:
    return (0 if term.leader else 1, _OFFICE_ORDER.get(term.office, 99))


def _igo_office(office: str) -> str | None:
    """The registry office an IGO title asks for; None for titles many people hold."""
    if office in ("chief", "leader", "secretary_general", "president"):
        return "leader"
    return office if office in OFFICES else None
