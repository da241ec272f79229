"""Within-article coreference on the spaCy parse: rules, no model.

An `ArticleMemory` remembers, in reading order, every actor the article has named and every
offer/demand-like event it has reported. Later mentions are resolved against it:

* pronouns: he/she/him/her -> the latest person; they/them -> the latest group or plural
  mention; it -> the latest country/organization; we/I/us inside reported speech -> the speaker;
* bare surnames (`Sheinbaum`) -> the person whose name ends with it;
* definite descriptions: `the Mexican leader`, `the president` -> the latest person (of that
  country when a demonym is given); `the ministry`, `the army`, `the junta` -> the latest actor
  of that kind; `the two leaders`, `both sides`, `the two countries` -> the last two distinct
  people / countries (sides: a state and its own opposition or a named group are two sides, a
  state and its president one, a UN official none, an international body only if it acted;
  never the speaker's state);
  `these groups`, `the cartels` -> the latest group;
* seat-of-government metonyms (`Washington`) come resolved from the actor resolver already;
* event anaphora: `the offer`, `the proposal`, `the demand` -> the source of the latest such event.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ingest._verb_classes import verb_class

PERSON_TITLES = frozenset(
    [
        "leader",
        "president",
        "premier",
        "minister",
        "chancellor",
        "king",
        "queen",
        "prince",
        "emir",
        "sultan",
        "envoy",
        "ambassador",
        "secretary",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "official",
        "diplomat",
        "general",
        "commander",
        "chief",
        "head",
        "counterpart",
        "prime",
        "senator",
        "governor",
        "mayor",
        "monarch",
        "ruler",
        "dictator",
        "strongman",
        "pope",
        "pontiff",
        "cleric",
        "ayatollah",
        "sheikh",
        "autocrat",
        "negotiator",
        "mediator",
        "billionaire",
        "tycoon",
        "princess",
    ]
)
# Pronouns that are never the subject of their own clause (reflexives and possessives may be).
OBJECT_PRONOUNS = frozenset({"him", "them"})
# Description head -> actor kinds it may refer to.
DESCRIPTION_KINDS: dict[str, tuple[str, ...]] = {
    "ministry": ("ministry",),
    "department": ("ministry",),
    "government": ("government",),
    "administration": ("government", "person"),
    "cabinet": ("government",),
    "regime": ("government",),
    "junta": ("government", "military"),
    # plural titles name the ruling body, not one person ("the military rulers", "the generals")
    "rulers": ("government", "military"),
    "generals": ("military", "government"),
    "authorities": ("government", "police"),
    "army": ("military",),
    "military": ("military",),
    "troops": ("military",),
    "forces": ("military",),
    "police": ("police",),
    "parliament": ("legislature",),
    "congress": ("legislature",),
    "lawmakers": ("legislature",),
    "court": ("judiciary",),
    "group": ("group",),
    "groups": ("group",),
    "cartel": ("group",),
    "cartels": ("group",),
    "rebels": ("group",),
    "militants": ("group",),
    "insurgents": ("group",),
    "militia": ("group",),
    "organization": ("organization", "igo"),
    "organisation": ("organization", "igo"),
    "alliance": ("igo",),
    "bloc": ("igo",),
    "body": ("igo", "organization"),
    "agency": ("igo", "organization", "ministry"),
    "council": ("igo", "government", "organization"),
    "country": ("country", "government"),
    "nation": ("country", "government"),
    "state": ("country", "government"),
    "kingdom": ("country", "government"),
    "republic": ("country", "government"),
    "emirate": ("country", "government"),
    "sultanate": ("country", "government"),
    "monarchy": ("country", "government"),
    "island": ("country", "government"),
}
# Current monarchies by the word news uses for them (general knowledge): "the kingdom" names
# one of these, "the republic" none of them.
KINGDOMS = frozenset(
    [
        "SAU",
        "JOR",
        "MAR",
        "BHR",
        "GBR",
        "THA",
        "ESP",
        "NLD",
        "BEL",
        "NOR",
        "SWE",
        "DNK",
        "KHM",
        "BTN",
        "SWZ",
        "LSO",
        "TON",
    ]
)
EMIRATES = frozenset(["QAT", "KWT", "ARE"])
SULTANATES = frozenset(["OMN", "BRN"])
MONARCHIES = (
    KINGDOMS | EMIRATES | SULTANATES | frozenset(["JPN", "MYS", "LUX", "LIE", "MCO", "VAT"])
)
# Description heads that name a form of state: the monarchies it fits (empty: a republic).
STATE_FORMS: dict[str, frozenset[str]] = {
    "kingdom": KINGDOMS,
    "emirate": EMIRATES,
    "sultanate": SULTANATES,
    "monarchy": MONARCHIES,
    "republic": frozenset(),
}
# How far back (distinct actors) a description or pronoun still prefers a grammatical subject
# over a more recent object: "Hamas freed two hostages. The group said ..." is Hamas.
SUBJECT_WINDOW = 4
PAIR_HEADS = {
    "leaders": "person",
    "presidents": "person",
    "ministers": "person",
    "sides": "any",
    "countries": "country",
    "nations": "country",
    "governments": "country",
    "neighbors": "country",
    "neighbours": "country",
    "parties": "any",
    "allies": "country",
    "rivals": "any",
}
# Event nouns that later sentences refer back to ("rejected the offer").
EVENT_ANAPHORA = {
    "offer": "offer",
    "proposal": "offer",
    "plan": "offer",
    "idea": "offer",
    "initiative": "offer",
    "proposition": "offer",
    "overture": "offer",
    "invitation": "offer",
    "invite": "offer",  # the verb: "X invited Y to visit" is what "the invitation" refers to
    "demand": "demand",
    "request": "demand",
    "call": "demand",
    "appeal": "demand",
    "ultimatum": "demand",
    "accusation": "accusation",
    "allegation": "accusation",
    "charge": "accusation",
    "criticism": "accusation",
    "claim": "accusation",
    "threat": "threat",
    "warning": "threat",
}
EVENT_ROOT_ANAPHORA = {"03": "offer", "02": "demand", "10": "demand", "11": "accusation"}
EVENT_ROOT_ANAPHORA["13"] = "threat"
# "condemned the strikes", "welcomed the sanctions": acts whose doers a later noun points back to
ATTACK_ANAPHORS = ("attack", "strike", "airstrike", "raid", "bombing", "shelling", "bombardment")
for _noun in ATTACK_ANAPHORS + ("assault", "incursion", "invasion", "storming", "offensive"):
    EVENT_ANAPHORA[_noun] = "attack"
for _noun in ("sanction", "embargo"):
    EVENT_ANAPHORA[_noun] = "sanction"
EVENT_ROOT_ANAPHORA.update({"18": "attack", "19": "attack", "20": "attack", "163": "sanction"})
# verbs that react to an act named just before ("Iran condemned them" = the strikes' doers)
REACTION_VERBS = verb_class("reaction_verbs")

RefKey = tuple[str, str | None, str]  # name, country, kind: one actor, however named


@dataclass(frozen=True)
class Ref:
    """A resolved actor as the extractor sees it."""

    name: str
    country: str | None
    kind: str
    aliases: tuple[str, ...] = ()
    role: str | None = None
    gender: str | None = None  # "m"/"f" when the resolver knows the person

    @property
    def is_person(self) -> bool:
        """People come back from the resolver with a role (kind is their sector)."""
        return (
            self.kind == "person"
            or self.gender is not None
            or (self.role is not None and self.kind in ("government", "military", "person"))
        )

    def kind_in(self, kinds: tuple[str, ...]) -> bool:
        if "person" in kinds and self.is_person:
            return True
        return self.kind in kinds and not (self.is_person and "person" not in kinds)

    @property
    def key(self) -> RefKey:
        return (self.name, self.country, self.kind)


@dataclass
class Mention:
    ref: Ref
    text: str
    via: str  # "named" (resolved from the words), "coref" (from earlier text), "guess"


@dataclass
class ArticleMemory:
    """Actors and event sources seen so far in one article, most recent last."""

    actors: list[Ref] = field(default_factory=list)
    subjects: list[Ref] = field(default_factory=list)  # actors seen as grammatical subjects
    event_sources: dict[str, list[Ref]] = field(default_factory=dict)
    event_bags: dict[str, list[str]] = field(default_factory=dict)  # an event's word bag
    # coordinated mentions in reading order, with whether they were a subject
    groups: list[tuple[list[Ref], bool]] = field(default_factory=list)
    # doers of the plural act last named as an object ("the US strikes"), with the doc and
    # token index where that sentence ends: "them" in the next sentence may be that act
    plural_act: tuple[int, int, list[Ref]] | None = None
    # people named only in apposition to a title ("the French ambassador, Stephane Romatet"),
    # for a later bare surname; and the state of the envoy last named (ingest/_envoy_names.py)
    introduced: list[Ref] = field(default_factory=list)
    envoy_country: str | None = None

    def remember(self, ref: Ref, subject: bool = False) -> None:
        if subject:
            self.subjects = [a for a in self.subjects if a.key != ref.key][-8:] + [ref]
        if self.actors and self.actors[-1].key == ref.key:
            return
        self.actors = [a for a in self.actors if a.key != ref.key]
        self.actors.append(ref)

    def remember_event(self, group: str, sources: list[Ref]) -> None:
        self.event_sources[group] = list(sources)

    def event_source(self, noun_lemma: str) -> list[Ref]:
        group = EVENT_ANAPHORA.get(noun_lemma)
        return list(self.event_sources.get(group, [])) if group else []

    # --- lookups -------------------------------------------------------------------------
    def latest(self, kinds: tuple[str, ...], country: str | None = None) -> Ref | None:
        for a in reversed(self.actors):
            if a.kind_in(kinds) and (country is None or a.country == country):
                return a
        return None

    def recent_subject(self, fits: Callable[[Ref], bool]) -> Ref | None:
        """The latest grammatical subject that fits, if it is among the last few actors."""
        recent = {a.key for a in self.actors[-SUBJECT_WINDOW:]}
        for a in reversed(self.subjects):
            if a.key in recent and fits(a):
                return a
        return None

    def surname(self, word: str) -> Ref | None:
        w = word.lower()
        for a in reversed(self.actors):
            if not a.is_person:
                continue
            names = [a.name, *a.aliases]
            for n in names:
                parts = n.lower().replace("-", " ").split()
                if parts and (parts[-1] == w or (len(parts) > 1 and w in parts[1:])):
                    return a
        for a in reversed(self.introduced):
            if a.name.lower().replace("-", " ").split()[-1] == w:
                return a
        for a in reversed(self.actors):
            # "Lin Jian" ... "Lin": where the family name comes first, it is the short form
            parts = a.name.lower().split()
            if (
                a.is_person
                and a.country in FAMILY_NAME_FIRST
                and parts[:1] == [w]
                and len(parts) == 2
            ):
                return a
        return None

    def last_distinct(self, n: int, kind: str, skip: frozenset = frozenset()) -> list[Ref]:
        """The last `n` actors of a kind on distinct sides (for "the two leaders"): two states,
        or a state and a body of its own country that it faces ("the junta" and "the rebels")."""
        out: list[Ref] = []
        skipped_states = _state_countries(skip)
        acted = {a.key for a in self.subjects}
        for a in reversed(self.actors):
            if a.key in skip or (_state_side(a) and a.country in skipped_states):
                continue
            if kind == "country":
                ok = a.kind in ("country", "government") and not a.is_person
            elif kind == "person":
                ok = a.is_person
            else:
                ok = a.is_person or a.kind in ("country", "government", "igo", "military")
                # a group only when it is a named body ("Hamas"), not a class ("the opposition")
                ok = ok or (a.kind == "group" and bool(a.aliases))
                # an international official (the UN chief) mediates; an international body is a
                # side only if it acted ("calls from ASEAN" do not make ASEAN a side)
                if a.kind == "igo":
                    ok = ok and not a.is_person and a.key in acted
            if not ok or any(o.country == a.country and o.kind == a.kind for o in out):
                continue
            if kind == "any" and any(_same_side(o, a) for o in out):
                continue
            out.append(a)
            if len(out) == n:
                break
        return list(reversed(out)) if len(out) == n else []

    def pronoun(self, word: str, subject: bool = False) -> Ref | None:
        """A subject pronoun continues the latest subject (centering); others the latest actor."""
        w = word.lower()
        gender = {"he": "m", "him": "m", "his": "m", "himself": "m"}.get(w)
        if w in ("she", "her", "hers", "herself"):
            gender = "f"
        if gender:

            def fits(a: Ref) -> bool:
                return a.is_person and a.gender in (None, gender)

            if subject:
                for a in reversed(self.subjects):
                    if fits(a):
                        return a
            return self._latest_fitting(fits, w)
        if w in ("it", "its", "itself"):
            # "the army said it ...", "parliament said its vote ...": institutions are "it" too
            kinds: tuple[str, ...] = (
                "country",
                "government",
                "igo",
                "organization",
                "ministry",
                "military",
                "police",
                "legislature",
                "judiciary",
            )
        elif w in ("they", "them", "their", "theirs", "themselves"):
            kinds = ("group", "military", "police", "government", "organization")
        else:
            return None
        if subject:
            # "China criticized Japan. It also warned ...": a subject pronoun continues the
            # recent subject, not the latest object
            preferred = self.recent_subject(lambda a: a.kind_in(kinds))
            if preferred is not None:
                return preferred
        return self._latest_fitting(lambda a: a.kind_in(kinds), w)

    def _latest_fitting(self, fits: Callable[[Ref], bool], word: str) -> Ref | None:
        """The latest actor that fits. An object pronoun ("him", "them") cannot be the subject
        of its own clause, which is the actor resolved just before it: "Putin met Xi. Xi
        praised him" is Putin."""
        skip = None
        if (
            word in OBJECT_PRONOUNS
            and self.actors
            and self.subjects
            and self.actors[-1].key == self.subjects[-1].key
        ):
            skip = self.actors[-1].key
        for a in reversed(self.actors):
            if a.key != skip and fits(a):
                return a
        return None

    def description(self, head: str, country: str | None) -> Ref | None:
        """`the Mexican leader`, `the ministry`, `the junta` -> the latest matching actor."""
        h = head.lower()
        kinds = ("person",) if h in PERSON_TITLES else DESCRIPTION_KINDS.get(h)
        if not kinds:
            return None
        form = STATE_FORMS.get(h)

        def fits(a: Ref) -> bool:
            if not a.kind_in(kinds) or (country is not None and a.country != country):
                return False
            if form is None:
                return True
            # "the kingdom" is Saudi Arabia, not Iran named after it; "the republic" the reverse
            in_form = a.country in form if form else a.country not in MONARCHIES
            return in_form and not a.is_person

        preferred = self.recent_subject(fits)
        if preferred is not None:
            return preferred
        for a in reversed(self.actors):
            if fits(a):
                return a
        return None

    def remember_group(self, refs: list[Ref], subject: bool = False) -> None:
        self.groups = [*self.groups[-7:], (list(refs), subject)]

    def pair(self, head: str, skip: frozenset = frozenset()) -> list[Ref]:
        """`the two countries`: the latest coordinated pair of that kind (`France and Germany`),
        else the last two distinct ones; never the actors of the pair's own clause."""
        kind = PAIR_HEADS.get(head.lower())
        if not kind:
            return []
        ordered = [g for g, subj in reversed(self.groups) if subj]
        ordered += [g for g, subj in reversed(self.groups) if not subj]  # subjects first
        skipped_states = _state_countries(skip)
        for group in ordered:
            if len(group) != 2 or any(r.key in skip for r in group):
                continue
            if any(_state_side(r) and r.country in skipped_states for r in group):
                continue  # "Thailand urged both sides": Thailand is not one of them
            if kind == "person" and not all(r.is_person for r in group):
                continue
            if kind == "country" and not _two_states(group):
                continue
            return list(group)
        return self.last_distinct(2, kind, skip)


# States whose people's names are written family name first ("Lin Jian", "Kim Hong-kyun").
FAMILY_NAME_FIRST = frozenset(["CHN", "TWN", "KOR", "PRK", "VNM"])

# Kinds that act for a state: a state's president, army and foreign ministry are one side.
STATE_KINDS = frozenset(
    {"country", "government", "ministry", "military", "police", "legislature", "judiciary"}
)


def _state_side(ref: Ref) -> bool:
    """The actor acts for its state (an office holder, an institution, the state itself)."""
    return ref.country is not None and ref.kind in STATE_KINDS


def _same_side(a: Ref, b: Ref) -> bool:
    """Two actors that cannot be "the two sides": one state twice ("Trump" and "the U.S."), or
    the same body twice. A state and a group or opposition figure of its own country can."""
    if a.key == b.key:
        return True
    if a.country is None or a.country != b.country:
        return False
    return _state_side(a) and _state_side(b)


def acts_for(ref: Ref, countries: set[str | None]) -> bool:
    """The actor acts for one of these states: the state, an institution or a person of it."""
    return ref.country in countries and (ref.kind in STATE_KINDS or ref.is_person)


def _two_states(group: list[Ref]) -> bool:
    """A pair that can be "the two countries": two states, or those who act for two states
    ("the foreign ministers of Rwanda and Kenya" ... "both governments")."""
    if any(not r.country or r.country == "IGO" for r in group):
        return False
    if len({r.country for r in group}) != len(group):
        return False
    return all(r.kind in ("country", "government") or _state_side(r) or r.is_person for r in group)


def _state_countries(keys: frozenset) -> frozenset[str]:
    """Countries of the state-side actors among `keys` (Ref.key tuples)."""
    return frozenset(
        k[1] for k in keys if isinstance(k, tuple) and len(k) == 3 and k[1] and k[2] in STATE_KINDS
    )
