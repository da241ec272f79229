"""Clause analysis on spaCy parses: who did what to whom, in which mode, on which day.

One `SentenceCoder` per article walks each sentence's verbs (and event nouns under light verbs),
finds the clause's source and target with the rules in docs/extraction.md, codes the action with
the lexicon, and decides the mode (negated, hypothetical, future, question). Actor mentions are
resolved through the actor resolver and the article's coreference memory (`_coref`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from ingest._clause import Clause
from ingest._coref import (
    DESCRIPTION_KINDS,
    EVENT_ANAPHORA,
    EVENT_ROOT_ANAPHORA,
    PAIR_HEADS,
    PERSON_TITLES,
    REACTION_VERBS,
    ArticleMemory,
    Mention,
    Ref,
    acts_for,
)
from ingest._dating import date_phrase
from ingest._envoy_names import named_envoys
from ingest._envoys import orders_envoys_out
from ingest._groups import (
    conjoined_prep_objects,
    listed_members,
    listed_state,
    office_holders_of_states,
)
from ingest._home import holds_home_office, is_local_force, local_force_country
from ingest._joint import (
    mediated_parties,
    mutual_complement,
    says_each_other,
    stranded_joint_subjects,
)
from ingest._lexicon import Lexicon, Match, lexicon
from ingest._modality import denial_without_accuser, planned
from ingest._named_bodies import not_the_government_before
from ingest._objects import authors_of, home_government
from ingest._phrase import Phrase
from ingest._speech import (
    called_object,
    framed_call,
    framed_what,
    framing_what,
    judged_actors,
    judged_clauses,
    judgement_in,
    posture,
    replied_to,
    warning_made,
)
from ingest._verb_classes import verb_class


class Resolver(Protocol):
    def resolve(self, mention: str) -> Any: ...

    def resolve_with_context(self, mention: str, country_hint: str | None) -> Any: ...


# Dependency labels -------------------------------------------------------------------------
SUBJ = {"nsubj"}
COMPLEMENT_DEPS = {"dobj", "xcomp", "ccomp", "prep", "attr", "oprd", "acomp", "dative", "pcomp"}
NP_LEFT_DEPS = {"compound", "amod", "nmod", "nummod", "det", "poss", "case", "punct", "quantmod"}
NON_ACTOR_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY", "EVENT"}
NAME_ENTS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}
TARGET_PREPS = ("to", "with", "against", "toward", "towards", "on", "at", "into", "over", "from")
INSTITUTION_HEADS = frozenset(
    [
        "ministry",
        "minister",
        "secretary",
        "president",
        "council",
        "department",
        "office",
        "republic",
        "bank",
        "court",
        "union",
        "league",
        "organization",
        "organisation",
        "states",
        "commission",
        "committee",
        "agency",
        "chief",
        "head",
        "house",
        "kingdom",
        "emirates",
        "federation",
        "party",
        "army",
        "forces",
    ]
)

# The verb classes (ABSORBING ... APPEAL_PASSIVES) are data: ingest/data/verb_classes.tsv says
# what each does to a verb and which stage reads it; the comments here are reminders.
# Verbs whose complement clause is part of their own event (the complement is not coded apart):
# "urged Mexico to act" is an appeal, "threatened to impose tariffs" a threat.
ABSORBING = verb_class("absorbing")
# "failed to reach agreement": the complement did not happen.
FAILING = verb_class("failing")
# "wants X to ...": an appeal to X.
WANTING = verb_class("wanting")
# "X received weapons from Y" reports Y's act of giving, with X as the target.
RECEIVING = verb_class("receiving")
# Intransitive verbs whose subject may be an event noun that is the event itself:
# "Palestinian riots against Israeli policies are continuing", "clashes erupted".
ONGOING = verb_class("ongoing")
# Commitments and threats: their complement's act, coded as intent (03) or threat (13).
COMMISSIVE = verb_class("commissive")
THREATENING = verb_class("threatening")
DASHES = frozenset(["—", "–", "-", "--"])
# Responses whose act is named by a participle: "retaliated, expelling 20 diplomats".
RETALIATING = verb_class("retaliating")
BACK_VERBS = verb_class("back_verbs")
# Verbs whose object the parser often makes the subject of a small clause: "declared two
# diplomats persona non grata" (diplomats <- nsubj of "persona", a ccomp of "declared").
SMALL_CLAUSE = verb_class("small_clause")
# Words that make an arriving force a peacekeeping deployment (074), not a visit.
PEACEKEEPING = frozenset(["peacekeeping", "peacekeeper", "peacekeepers"])
# Verbs that code a handing-back only with an object; without one they are travel.
INTRANSITIVE_TRAVEL = verb_class("intransitive_travel")
# Verbs whose complement is a plan, coded as the planned act in future mode (-> intent/threat).
FUTURE_CONTROL = verb_class("future_control")
# Control verbs that report an act under way rather than state a wish: "the army prepared to
# resume shelling" is a military preparation (15), not a threat (13); "prepared to attend" is the
# visit. (A scheduled act, "is scheduled to meet", is no event: ingest/_modality.py.)
CALENDAR = verb_class("calendar")
# Prepositions whose gerund does not share the governing verb's subject ("jailed for helping").
NO_SHARE_PREPS = frozenset(["for", "of", "against", "despite", "without", "over", "about"])
# Nouns for people and bodies: with a demonym they are that country's actors ("Nigerian student").
HUMAN_NOUNS = frozenset(
    [
        # "the Turkish and Greek sides agreed": a country's party to talks
        "side",
        "sides",
        "delegation",
        "delegations",
        "student",
        "man",
        "woman",
        "men",
        "women",
        "citizen",
        "citizens",
        "national",
        "nationals",
        "worker",
        "workers",
        "soldier",
        "soldiers",
        "journalist",
        "journalists",
        "activist",
        "activists",
        "protester",
        "protesters",
        "protestor",
        "protestors",
        "demonstrators",
        "official",
        "officials",
        "diplomat",
        "diplomats",
        "doctor",
        "doctors",
        "civilian",
        "civilians",
        "refugee",
        "refugees",
        "prisoner",
        "prisoners",
        "people",
        "militant",
        "militants",
        "rebel",
        "rebels",
        "tourist",
        "tourists",
        "businessman",
        "missionary",
        "missionaries",
        "member",
        "members",
        "opposition",
        "party",
        "parties",
        "group",
        "groups",
        "leader",
        "leaders",
        "negotiators",
        "delegation",
        "troops",
        "forces",
        "police",
        "army",
        "navy",
        "authorities",
        "government",
        "warships",
        "warplanes",
        "jets",
        "aircraft",
        "helicopters",
        "fighters",
        "gunmen",
        "guerillas",
        "counterpart",
        "counterparts",
        "insurgents",
        "guerrillas",
        "villagers",
        "residents",
        "settlers",
        "farmers",
        "hackers",
        "peacekeepers",
        "observers",
        "inspectors",
        "envoy",
        "envoys",
        "militiamen",
        "militia",
        "bombers",
        "agents",
        "guards",
        "officers",
        "commanders",
        "youths",
        "students",
        "landowners",
        "supporters",
        "fundamentalists",
        "extremists",
        "separatists",
        "nationalists",
        "demonstrator",
        "kurds",
        "separatist",
        "dissidents",
        "exiles",
        "judge",
        "court",
        "ministry",
        "minister",
        "spokesman",
        "parliament",
        "lawmakers",
        "legislators",
        "senate",
        "cabinet",
        "regime",
        "junta",
        "administration",
        "bulldozers",
        "tanks",
        "artillery",
        "planes",
        "ships",
        "vessels",
    ]
)
# "Thousands of Iraqi Kurds", "a member of the Syrian parliament": the actor is in the of-phrase.
PARTITIVE_NOUNS = frozenset(
    [
        "thousands",
        "deployment",
        "hundreds",
        "dozens",
        "tens",
        "millions",
        "scores",
        "number",
        "numbers",
        "group",
        "groups",
        "member",
        "members",
        "some",
        "many",
        "most",
        "majority",
        "part",
        "delegation",
        "team",
        "contingent",
        "unit",
        "units",
        "batch",
        "patch",
    ]
)
# Codes that are mutual by nature ("held talks with", "signed a deal with", "cooperate with").
SYMMETRIC_CODES = ("040", "041", "044", "046", "057", "060", "061", "062")
SYMMETRIC_VERBS = verb_class("symmetric_verbs")
# "X met (with) Y", "X held a meeting with Y", "X spoke with / telephoned Y": the subject's
# initiative, coded one way only (GUIDELINES Direction; PLOVER codes a call both ways);
# talks, deals, clashes and "held calls" are mutual.
ONE_WAY_WORDS = verb_class("one_way_words")
MUTUAL_WORDS = verb_class("mutual_words")
# "shelled the city, killing eight people": the toll of the attack, not a second event.
TOLL_VERBS = verb_class("toll_verbs")
# "allowed Israeli planes to land": whom the permission is for is the target.
PERMITTING = verb_class("permitting")
# Participles that state the subject's stance ("is committed to", "is opposed to").
STATIVE_PASSIVES = verb_class("stative_passives")
# Institutions named by a possessive pronoun ("their forces", "its army").
OWNED_FORCES = frozenset(["force", "army", "troop", "military", "police", "government", "navy"])
# Prepositions of the place an act was aimed at ("protested in Beijing").
PLACE_TARGET_PREPS = frozenset(["in", "at", "to", "into", "near", "outside", "inside"])
# Participles that place a body: "a newspaper based in Beirut", "troops stationed in Kosovo".
BASED_WORDS = frozenset(["based", "stationed", "operating", "headquartered", "deployed"])
# People of whoever a possessive pronoun names ("its citizens", "her supporters").
OWNED_PEOPLE = frozenset(
    ["citizen", "national", "supporter", "people", "population", "civilian", "soldier", "official"]
)
# Words that make an act noun a new act, not a reference to one named before.
NEW_ACT_WORDS = frozenset(
    ["matching", "similar", "reciprocal", "retaliatory", "new", "further", "additional", "fresh"]
)
# "Albanians in/of/from southern Serbia": the place can say whose the people are.
PLACE_PREPS = frozenset(["in", "of", "from"])
SIDE_CLAUSES = frozenset(["advcl", "relcl"])
# Generic nouns for a body that a name before them identifies ("the APEC forum").
BODY_HEADS = frozenset(
    ["forum", "network", "organization", "organisation", "movement", "alliance", "bloc",
     "coalition", "faction", "body", "group", "grouping", "outfit"]
)  # fmt: skip
# "sent a team to help/assist": the purpose makes the sending aid.
HELPING = verb_class("helping")
# "sent officials to investigate": the purpose is the act; "opened the bridge to allow aid in".
SENDING = verb_class("sending")
OPENING = verb_class("opening")
# "in defiance of X", "in protest against X": whom a protest is aimed at.
PROTEST_AIMS = frozenset(["defiance", "protest", "opposition"])
# Subordinate clauses that give the background or cause of the reported act.
BACKGROUND_MARKS = frozenset(["after", "since", "because", "before", "until"])
ATTACK_NOUNS = frozenset(
    [
        "attack",
        "attacks",
        "shelling",
        "airstrike",
        "airstrikes",
        "strike",
        "strikes",
        "raid",
        "raids",
        "bombing",
        "bombings",
        "fire",
        "offensive",
        "assault",
        "incursion",
        "invasion",
    ]
)
# Courtesy titles before a surname ("Mr. Austin" is the Austin named before).
COURTESY = frozenset(["mr", "mrs", "ms", "miss", "dr", "mister", "madam"])
# Determiners that point back to something already named.
DEFINITE = frozenset(["the", "this", "that", "these", "those"])
# What kills without an agent: attacks and weapons ("killed in a suicide car bombing", "killed by
# an improvised explosive device"); such a cause names nobody unless it names a state or body.
WEAPON_NOUNS = ATTACK_NOUNS | frozenset(
    [
        "bomb",
        "bombs",
        "device",
        "devices",
        "explosion",
        "explosions",
        "blast",
        "blasts",
        "mine",
        "mines",
        "landmine",
        "grenade",
        "grenades",
        "rocket",
        "rockets",
        "missile",
        "missiles",
        "mortar",
        "mortars",
        "shell",
        "shells",
        "gunfire",
        "barrage",
        "bombardment",
        "ambush",
    ]
)
# Roots of violent acts that may be reported without an attacker (18 assault, 19 fight).
AGENTLESS_ROOTS = ("18", "19", "20")
# A refused future cooperative act is a rejection (CAMEO 12): "will not meet" -> 125.
REFUSAL = {"03": "120", "04": "125", "05": "120", "06": "121", "07": "122", "08": "124"}
REFUSABLE = frozenset(REFUSAL)
# Acts only a state performs: a passive without agent has the local authorities as source.
STATE_ACTS = ("173", "174", "1722", "116", "1711", "090", "091")
# People defined by whom they back or oppose: of that country, not that actor.
SIDE_NOUNS = frozenset(["opponents", "critics", "supporters", "backers", "loyalists", "followers"])
# Verbs that take two: coordinated subjects act on each other ("A and B agreed / clashed").
RECIPROCAL_VERBS = verb_class("reciprocal_verbs")
# Institutions and groups named without a country ("the parliament", "drug cartels") take the
# country of the nearest actor before them in the sentence.
CONTEXT_KINDS = frozenset(
    ["group", "police", "military", "legislature", "judiciary", "government", "ministry"]
)
# Fourth grammar round (see docs/extraction.md): word classes its rules read.
# refugees and exiles are not of the state around them
DISPLACED = frozenset(["refugee", "refugees", "exile", "exiles", "asylum-seeker", "migrant"])
# protests a group can call off (080 yields to its own authorities)
PROTEST_NOUNS = frozenset(["strike", "protest", "demonstration", "march", "boycott", "sit-in"])
# a state's own authorities, whose defiance makes an unnamed crowd that state's people
STATE_KINDS = frozenset(["government", "legislature", "judiciary", "ministry", "police"])
# bodies a bare name leaves to the sentence's country ("outside Parliament")
STATE_BODIES = frozenset(["parliament", "senate", "legislature", "cabinet", "judiciary"])
REFLEXIVES = frozenset(["himself", "herself", "itself", "themselves", "ourselves", "myself"])
# words that make a group a following of someone ("militants loyal to X")
AFFILIATION = frozenset(["loyal", "affiliated", "belonging", "faithful", "allegiant"])
# unsigned documents speak for whoever issued them ("a report released in Kigali alleged ...")
DOCUMENT_NOUNS = frozenset(["report", "statement", "communique", "communiqué", "dossier", "study"])
ISSUING = verb_class("issuing")
# Prepositions after which a demonym-owned thing points at that country ("restrictions against
# German goods"); after on/about/of it is usually a topic ("data on North Korean launches").
OWNER_PREPS = frozenset(["against", "to", "toward", "towards", "at", "into", "with"])
# Measures aimed "on" something: "tariffs on Chinese steel" points at China.
MEASURE_NOUNS = frozenset(
    ["sanction", "tariff", "restriction", "ban", "embargo", "duty", "curb", "limit", "attack",
     "strike", "raid", "levy", "sanctions", "tariffs", "restrictions", "duties", "curbs",
     "blockade", "siege"]
)  # fmt: skip


def _measure_on(prep: Any) -> bool:
    """Is this `on` aimed by a measure? `tariffs on Chinese steel`, also when the parser hangs
    the `on` on the verb (`to suspend tariffs on Chinese steel`)."""
    head = prep.head
    if head.lemma_.lower() in MEASURE_NOUNS:
        return True
    return head.pos_ == "VERB" and any(
        d.dep_ == "dobj" and d.lemma_.lower() in MEASURE_NOUNS for d in head.children
    )


# Roots where a place ("protested in Beijing") stands in for a missing target.
LOCATION_TARGET_ROOTS = frozenset(
    ["04", "07", "08", "09", "14", "15", "16", "17", "18", "19", "20"]
)
# Acts that are domestic by nature: with no target, the source's own country is the target.
HOME_CODES = ("081", "172", "1723", "1724", "14")
# Object-control verbs: the object is the subject of the complement ("urged Mexico to act").
OBJECT_CONTROL = verb_class("object_control")
# Light verbs: the event is in the noun ("expressed a willingness", "made an offer").
LIGHT = verb_class("light")
SPEECH = verb_class("speech")
HYPOTHETICAL_AUX = frozenset(["could", "might", "may", "can"])
OBLIGATION_AUX = frozenset(["must", "should", "ought"])
INTENT_ADJ = frozenset(["willing", "ready", "prepared", "determined", "committed", "eager"])
# Verbs that report a position; a "must" under them is the reporter's demand.
REPORTING = verb_class("reporting")
FUTURE_AUX = frozenset(["will", "shall", "'ll", "wo"])
CONDITIONAL_MARKS = frozenset(["if", "unless", "whether", "lest"])
WHEN_MARKS = frozenset(["when", "whenever", "once"])
# Appeals reported without their agent after a meeting ("and the other side was asked to ...")
APPEAL_PASSIVES = verb_class("appeal_passives")
MEETING_NOUNS = frozenset(["meeting", "talk", "talks", "consultation", "consultations"])
# Missions whose staff are their state's ("Russian embassy staff", "the French consulate's staff")
MISSION_NOUNS = frozenset(["embassy", "consulate", "mission", "legation", "delegation"])
RECIPROCAL_ROOTS = frozenset({"03", "04", "05", "06", "08", "19"})
NEEDS_TARGET = ("016",)  # denials without the accuser are not coded
STATE_ORGANS = frozenset(["country", "government", "ministry", "military"])
PRONOUNS_SPEAKER = frozenset(["we", "us", "our", "i", "me", "my"])
REL_PRONOUNS = frozenset(["who", "whom", "which", "that", "whose"])


@dataclass
class Found:
    """One coded event before it becomes a `kg.model.Event`."""

    source: Mention
    target: Mention | None
    code: str
    match: Match
    trigger: Any  # spaCy Token
    action_text: str
    mode: str | None
    date_expr: str | None
    sentence: Any  # spaCy Span
    confidence: float
    inherited_subject: bool = False
    target_how: str = "none"


RIOTERS = frozenset(
    ("protester", "protesters", "protestor", "protestors", "demonstrator", "demonstrators")
    + ("rioter", "rioters", "mob", "crowd", "crowds")
)


DEPARTURE_NOUNS = frozenset(
    ["withdrawal", "pullout", "retreat", "departure", "evacuation", "exit", "expulsion"]
)
PATRON_WORDS = frozenset(
    ("backed", "supported", "funded", "sponsored", "allied", "aligned", "armed", "trained")
)


def _patron_or_side(tok: Any) -> bool:
    """Whether a state is named only as a patron or a side ("Iran-backed", "pro-Iranian",
    "anti-American"): the group it modifies is not of that state."""
    i = tok.i
    hyphen = i + 2 < len(tok.doc) and tok.doc[i + 1].text == "-"
    if hyphen and tok.doc[i + 2].lower_ in PATRON_WORDS:
        return True  # "Iran-backed", "US-funded"

    return i >= 2 and tok.doc[i - 1].text == "-" and tok.doc[i - 2].lower_ in ("pro", "anti")


def _mistagged_conj_verb(v: Any) -> bool:
    """A past-tense verb the tagger made an adjective in a coordination ("kidnapped advisers
    and exploded bombs"): it takes a direct object, which no adjective does."""
    return (
        v.dep_ == "conj"
        and v.tag_ == "JJ"
        and v.lower_.endswith("ed")
        and v.head.pos_ == "VERB"
        and any(c.dep_ == "dobj" for c in v.children)
    )


def _rioters(text: str) -> bool:
    """Whether a mention's head word names a protesting crowd ("a Ukrainian protestor")."""
    words = text.lower().split()
    return bool(words) and words[-1] in RIOTERS


@dataclass
class SentenceCoder:
    """Codes the sentences of one article, keeping coreference memory between them."""

    resolver: Resolver
    lex: Lexicon = field(default_factory=lexicon)
    memory: ArticleMemory = field(default_factory=ArticleMemory)
    _cache: dict[int, list[Mention]] = field(default_factory=dict)
    _countries: dict[str, str | None] = field(default_factory=dict)
    _resolved: dict[tuple[str, str | None], Ref | None] = field(default_factory=dict)
    _own: set[str | None] = field(default_factory=set)  # the current source's countries
    _own_nonstate: bool = False  # the current sources are all non-state bodies
    home: str | None = None  # the dateline's state (ingest/_home.py)

    # ---- actor mentions ---------------------------------------------------------------------
    def _resolve(self, text: str, hint: str | None = None) -> Ref | None:
        """The resolver's answer as a Ref, memoized per article (names repeat)."""
        if not text:
            return None
        key = (text, hint)
        if key in self._resolved:
            return self._resolved[key]
        ref = self._resolve_uncached(text, hint)
        self._resolved[key] = ref
        return ref

    def _resolve_uncached(self, text: str, hint: str | None) -> Ref | None:
        low = text.lower()
        for lead in ("at least ", "at most ", "up to "):
            if low.startswith(lead) and len(text) > len(lead):
                # "At least three Iraqi civilians": the resolver cuts at a leading preposition
                text = text[len(lead) :]
                break
        r = self.resolver.resolve_with_context(text, hint) if hint else self.resolver.resolve(text)
        if (
            r is not None
            and not r.country
            and r.role
            and not hint
            and self.home
            and holds_home_office(self.resolver, r.name, r.role, self.home)
        ):
            # "Foreign Minister Yván Gil" in a story datelined CARACAS (ingest/_home.py)
            local = self.resolver.resolve_with_context(text, self.home)
            r = local if local is not None and local.country == self.home else r
        return None if r is None else self._ref(r)

    def _np_tokens(self, tok: Any) -> list[Any]:
        toks = {tok.i: tok}

        def left(t: Any) -> None:
            for c in t.lefts:
                if c.dep_ in NP_LEFT_DEPS and not (c.dep_ == "poss" and c.pos_ == "PRON"):
                    if c.dep_ == "poss" and t.i == tok.i and c.pos_ != "PROPN":
                        continue
                    toks[c.i] = c
                    for d in c.subtree:
                        toks[d.i] = d

        left(tok)
        for c in tok.rights:
            if c.dep_ in ("compound", "flat", "nmod") and c.pos_ == "PROPN":
                for d in c.subtree:
                    toks[d.i] = d
            elif c.dep_ == "prep" and c.lower_ == "of" and tok.lemma_.lower() in INSTITUTION_HEADS:
                for d in c.subtree:
                    if d.dep_ not in ("relcl", "acl", "appos"):
                        toks[d.i] = d
        ordered = [toks[i] for i in sorted(toks)]
        # keep the contiguous run around the head
        run = [tok]
        by_i = {t.i: t for t in ordered}
        i = tok.i - 1
        while i in by_i:
            run.insert(0, by_i[i])
            i -= 1
        i = tok.i + 1
        while i in by_i:
            run.append(by_i[i])
            i += 1
        while run and (run[0].dep_ in ("det", "punct", "case") or run[0].pos_ == "PUNCT"):
            run = run[1:]
        while run and run[-1].pos_ == "PUNCT":
            run = run[:-1]
        return run

    def _country_near(self, tok: Any) -> str | None:
        """Country of the nearest actor mentioned earlier in the same sentence (for groups)."""
        best: tuple[int, str] | None = None
        for i in range(tok.sent.start, tok.i):
            ms = self._cache.get(i)
            if not ms or self._redescribes(tok.doc[i]) or _patron_or_side(tok.doc[i]):
                continue
            for m in ms:
                if m.ref.country and m.ref.country != "IGO":
                    d = tok.i - i
                    if best is None or d < best[0]:
                        best = (d, m.ref.country)
        return best[1] if best else None

    def _redescribes(self, tok: Any) -> bool:
        """Whether a word sits in an apposition to an actor already placed ("the Syrian
        Observatory, a UK-based group"): its country is no second actor's."""
        t = tok
        while t.head.i != t.i:
            if t.dep_ == "appos":
                return any(m.ref.country for m in self._cache.get(t.head.i, ()))
            t = t.head
        return False

    def _word_country(self, text: str) -> str | None:
        """Country of a place name or demonym ("Hungarian" -> HUN), via the resolver."""
        if text in self._countries:
            return self._countries[text]
        country = None
        for probe in (text, f"{text} officials"):
            ref = self._resolve(probe)
            if ref and ref.country and ref.kind in ("country", "government"):
                country = ref.country
                break
        self._countries[text] = country
        return country

    def _modifier_country(self, tok: Any) -> str | None:
        """Country named by a modifier (`Mexican leader`) or an `in/of X` phrase."""
        for c in tok.lefts:
            if _patron_or_side(c):
                continue  # "pro-Iranian fighters", "US-backed forces" are not that state's
            if c.dep_ in ("amod", "compound", "nmod", "poss") and (
                c.ent_type_ in ("NORP", "GPE") or c.pos_ == "PROPN"
            ):
                country = self._word_country(c.text)
                if country:
                    return country
        for c in tok.rights:
            if c.dep_ == "prep" and c.lower_ in (
                "in",
                "of",
                "from",
                "throughout",
                "across",
                "with",
            ):
                for p in c.children:
                    if p.dep_ != "pobj":
                        continue
                    if p.ent_type_ in ("GPE", "NORP"):
                        country = self._word_country(self._ent_text(p))
                        if country:
                            return country
                    elif p.ent_type_ == "ORG" or p.pos_ == "PROPN":
                        # "activists from the Fatah party": the organization's country
                        ref = self._resolve(" ".join(t.text for t in self._np_tokens(p)))
                        if ref and ref.country and ref.country != "IGO":
                            return ref.country
                    elif p.pos_ == "NOUN":  # "doctors from two American aid groups"
                        for m in p.lefts:
                            if m.ent_type_ in ("GPE", "NORP"):
                                country = self._word_country(m.text)
                                if country:
                                    return country
        return None

    def mentions(self, tok: Any) -> list[Mention]:
        """Actors a noun or pronoun refers to (several for `the two leaders`)."""
        if tok.i in self._cache:
            return self._cache[tok.i]
        self._cache[tok.i] = []  # guard against cycles
        out = named_envoys(self, tok, not_the_government_before(self, tok, self._mentions(tok)))
        self._cache[tok.i] = out
        subject = tok.dep_ in ("nsubj", "nsubjpass") or tok.head.dep_ in ("nsubj", "nsubjpass")
        for m in out:
            self.memory.remember(m.ref, subject=subject)
        return out

    def _mentions(self, tok: Any) -> list[Mention]:
        """Actors a noun or pronoun refers to, each stage in turn until one answers: lists and
        partitives, pronouns, marked nouns, actors remembered, the resolver and its fallbacks,
        descriptions of an earlier actor, guesses."""
        found = self._listed_or_partitive_mentions(tok)
        if found is not None:
            return found
        if tok.pos_ == "PRON" or tok.tag_ in ("WDT", "WP", "PRP", "PRP$"):
            return self._pronoun_mentions(tok)
        if tok.pos_ not in ("NOUN", "PROPN"):
            return []
        found = self._marked_noun_mentions(tok)
        if found is not None:
            return found
        ph = self._phrase(tok)
        found = self._remembered_mentions(ph)
        if found is not None:
            return found
        ref = self._resolve_phrase(ph)
        found = self._follower_or_named_class(ph, ref)
        if found is not None:
            return found
        ref = self._ref_of_people_or_owner(ph, ref)
        found = self._named_body_mentions(ph, ref)
        if found is not None:
            return found
        ref = self._ref_of_core_or_place(ph, ref)
        definite = any(c.dep_ == "det" and c.lower_ in DEFINITE for c in tok.lefts)
        found = self._known_actor_mentions(ph, ref, definite)
        if found is not None:
            return found
        country = self._modifier_country(tok)
        found = self._description_mentions(ph, country, definite)
        if found is not None:
            return found
        return self._guessed_mentions(ph, country)

    def _listed_or_partitive_mentions(self, tok: Any) -> list[Mention] | None:
        """Office holders of listed states, list members, the group a partitive ("some of the
        rebels") is of, the name a date entity hangs on; None to go on."""
        members = office_holders_of_states(self, tok) or listed_members(self, tok)
        if members:
            return members
        if tok.lower_ in PARTITIVE_NOUNS or tok.lemma_.lower() in PARTITIVE_NOUNS:
            for c in tok.rights:
                if c.dep_ == "prep" and c.lower_ == "of":
                    for p in c.children:
                        if p.dep_ == "pobj":
                            inner = self.group_mentions(p)
                            if inner:
                                return inner
        if tok.ent_type_ in NON_ACTOR_ENTS:
            # "met with President Bashar Assad Tuesday": the name hangs on the date
            names = [
                c
                for c in tok.lefts
                if c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ not in NON_ACTOR_ENTS
            ]
            return self._mentions(names[-1]) if names else []
        return None

    def _pronoun_mentions(self, tok: Any) -> list[Mention]:
        """Whom a pronoun stands for: a relative clause's head, the speaker, the subject of the
        reporting verb, the owner of an object, the doers of an act, else article memory."""
        low = tok.lower_
        if low in REL_PRONOUNS:
            head = tok.head
            while head.dep_ not in ("relcl",) and head.head.i != head.i and head.pos_ == "VERB":
                if head.dep_ in ("relcl",):
                    break
                head = head.head
            if head.dep_ == "relcl":
                return [Mention(m.ref, m.text, "coref") for m in self.mentions(head.head)]
            return []
        if low in PRONOUNS_SPEAKER:
            speaker = self._speaker(tok)
            return [Mention(m.ref, tok.text, "coref") for m in speaker]
        head = tok.head
        if (
            tok.dep_ in ("nsubj", "nsubjpass")
            and head.dep_ == "ccomp"
            and head.head.lemma_.lower() in SPEECH | REPORTING
        ):
            # "Germany said it would ...": the pronoun is the speaker when it fits
            for c in head.head.children:
                if c.dep_ == "nsubj" and c.i != tok.i and c.pos_ != "PRON":
                    speaker = self.group_mentions(c)
                    person = low in ("he", "she")
                    fits = all(m.ref.is_person == person for m in speaker) or (
                        low in ("they", "we") and len(speaker) > 1  # "A and B said they"
                    )
                    if speaker and fits:
                        return [Mention(m.ref, tok.text, "coref") for m in speaker]
        if low in ("its", "their") and tok.dep_ == "poss" and tok.head.dep_ == "dobj":
            # "Pakistan urged its citizens to ...": an object's owner is the clause's own
            # subject when that fits, not the last country named
            verb = tok.head.head
            owners, _, passive = (
                self.subjects(verb) if verb.pos_ == "VERB" and verb.i < tok.i else ([], 0, 1)
            )
            if (
                owners
                and not passive
                and not any(m.ref.is_person or m.text.lower() == low for m in owners)
                and (low == "their" or len(owners) == 1)
            ):
                return [Mention(m.ref, tok.text, "coref") for m in owners]
        # the possessor of a subject ("Its citizens protested") continues the subject too
        subj = tok.dep_ in ("nsubj", "nsubjpass") or (
            tok.dep_ == "poss" and tok.head.dep_ in ("nsubj", "nsubjpass")
        )
        act = self.memory.plural_act
        if (
            low == "them"
            and tok.dep_ == "dobj"
            and tok.head.lemma_.lower() in REACTION_VERBS
            and act is not None
            and act[0] == id(tok.doc)
            and act[1] in (tok.sent.start, tok.sent.end)
        ):
            # "Iran welcomed the US strikes. Russia condemned them": the strikes' doers
            return [Mention(r, tok.text, "coref") for r in act[2]]
        ref = self.memory.pronoun(low, subject=subj)
        return [Mention(ref, tok.text, "coref")] if ref else []

    def _marked_noun_mentions(self, tok: Any) -> list[Mention] | None:
        """Nouns whose marking says who they are: "non-Syrians", a counterpart, opponents of a
        state; None to go on."""
        if tok.i >= 2 and tok.nbor(-1).text == "-" and tok.nbor(-2).lower_ == "non":
            # "non-Muslims", "non-Syrians": everyone but that people, so no country of its own
            name = f"non-{tok.text}"
            return [Mention(Ref(name, None, "group"), name, "guess")]
        if tok.lower_ == "counterpart":
            found = self._counterpart(tok)
            if found:
                return found
        if tok.lower_ in SIDE_NOUNS:
            # "opponents of Rwanda's Senate": a group of that country, not the Senate itself
            for c in tok.rights:
                if c.dep_ == "prep" and c.lower_ == "of":
                    for p in c.children:
                        if p.dep_ == "pobj":
                            inner = self.group_mentions(p)
                            if inner and inner[0].ref.country:
                                name = f"{tok.text} of {inner[0].ref.name}"
                                return [
                                    Mention(Ref(name, inner[0].ref.country, "group"), name, "guess")
                                ]
        return None

    def _phrase(self, tok: Any) -> Phrase:
        """The noun's phrase and the words the later stages read it by."""
        np = self._np_tokens(tok)
        text = " ".join(t.text for t in np).replace(" 's", "'s").replace(" - ", "-")
        lemma = tok.lemma_.lower()
        low_text = tok.lower_
        named = tok.pos_ == "PROPN" or tok.ent_type_ in NAME_ENTS
        has_det = any(c.dep_ in ("det", "nummod", "predet") for c in tok.lefts)
        return Phrase(tok, np, text, lemma, low_text, named, has_det)

    def _remembered_mentions(self, ph: Phrase) -> list[Mention] | None:
        """Actors the article introduced before: a bare surname, "the two leaders"; None to go
        on."""
        tok, np, text, low_text = (ph.tok, ph.np, ph.text, ph.low_text)
        # a coordinated mention ("Japan and South Korea") gets its conjuncts from the caller
        # 1. bare surname of someone already introduced
        # ("Mr. Austin": a courtesy title before the surname changes nothing)
        proper = [t for t in np if t.pos_ == "PROPN" and t.lower_.rstrip(".") not in COURTESY]
        if tok.pos_ == "PROPN" and len(proper) == 1:
            ref = self.memory.surname(tok.text)
            if ref:
                return [Mention(ref, text, "coref")]
        # 2. "the two leaders", "both sides"
        pair_words = {c.lower_ for c in tok.lefts if c.dep_ in ("det", "nummod", "predet")}
        # ("the United Nations" is a name, no pair of nations)
        proper_name = any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.lefts)
        if (
            low_text in PAIR_HEADS
            and pair_words & {"the", "both", "two", "these", "those"}
            and not proper_name
        ):
            verb = self._clause_verb(tok)
            here = frozenset(
                m.ref.key
                for i in range(tok.sent.start, tok.sent.end)
                if i != tok.i and self._clause_verb(tok.doc[i]) == verb
                for m in self._cache.get(i, ())
                # ("China, a partner of both countries, urged the two neighbours": a pair
                # named the same way is no actor of its own)
                if m.via != "coref"
            )
            refs = self.memory.pair(low_text, here)
            if refs:
                return [Mention(r, text, "coref") for r in refs]
        return None

    def _resolve_phrase(self, ph: Phrase) -> Ref | None:
        """The actor resolver: the phrase with its place or base (which then widens the phrase's
        text), else the phrase alone."""
        tok, np, text, lemma = (ph.tok, ph.np, ph.text, ph.lemma)
        # 3. the actor resolver: the phrase with its place ("Ethnic Albanians in south Serbia"),
        # the phrase, then its proper-name core, then with a country hint
        ref = None
        # (an event noun is no actor: "French mediation in talks with Syria" is not Syria's)
        event_noun = tok.pos_ == "NOUN" and ("N", lemma) in self.lex
        for c in tok.rights:
            if event_noun:
                break
            if c.dep_ == "acl" and c.lower_ in BASED_WORDS and np and c.i == np[-1].i + 1:
                # "a newspaper based in east Beirut": the resolver reads where it is based
                tail = " ".join(t.text for t in c.subtree if t.dep_ not in ("relcl",))
                wide = self._resolve(f"{text} {tail}")
                if wide is not None and wide.country:
                    ref, text = wide, f"{text} {tail}"
                break
            if c.dep_ == "prep" and c.lower_ in PLACE_PREPS and np and c.i == np[-1].i + 1:
                cut = {
                    d.i
                    for p in c.subtree
                    if p.dep_ in ("relcl", "acl")
                    or (p.dep_ == "appos" and p.ent_type_ not in ("GPE", "LOC"))
                    for d in p.subtree
                }
                place = [p for p in c.subtree if p.i not in cut]
                # "the Liberation Tigers of Tamil Eelam": a name that goes on after "of"
                name_of = c.lower_ == "of" and tok.pos_ == "PROPN" and len(place) > 1
                name_of = name_of and all(p.pos_ in ("PROPN", "ADP", "DET", "CCONJ") for p in place)
                if name_of or any(p.ent_type_ in ("GPE", "LOC", "NORP") for p in place):
                    wide = self._resolve(f"{text} {' '.join(p.text for p in place)}")
                    if wide is not None and (wide.country or name_of):
                        ref = wide
                        text = f"{text} {' '.join(p.text for p in place)}"
                break
        ref = ref or self._resolve(text)
        ph.text = text
        return ref

    def _follower_or_named_class(self, ph: Phrase, ref: Ref | None) -> list[Mention] | None:
        """A following of a state ("militants loyal to X") or a class noun introduced by a name in
        apposition; None to go on."""
        tok, np, text, lemma, low_text = (ph.tok, ph.np, ph.text, ph.lemma, ph.low_text)
        if (
            tok.pos_ == "NOUN"
            and (ref is None or not (ref.country or ref.is_person))
            and (lemma in HUMAN_NOUNS or low_text in HUMAN_NOUNS)
        ):
            # "militants loyal to X", "workers affiliated with X": a following of X, so of X's
            # country (a sponsor, "backed by X", says nothing of the kind)
            for c in tok.rights:
                if c.lower_ not in AFFILIATION or c.dep_ not in ("amod", "acl"):
                    continue
                for prep in c.children:
                    if prep.dep_ != "prep" or prep.lower_ not in ("to", "with"):
                        continue
                    for p in prep.children:
                        if p.dep_ != "pobj":
                            continue
                        side = [m for m in self.group_mentions(p) if m.ref.country]
                        if side and side[0].ref.country != "IGO":
                            name = " ".join(t.text for t in np if t.dep_ != "det")
                            kind = ref.kind if ref is not None else "group"
                            return [Mention(Ref(name, side[0].ref.country, kind), text, "guess")]
        if tok.pos_ == "NOUN" and (ref is None or not (ref.country or ref.is_person)):
            # "the opposition newspaper La Prensa", "the rebel group X": the class noun is
            # introduced by the name in apposition right after it, which says who it is
            for c in tok.rights:
                if c.dep_ == "appos" and c.pos_ == "PROPN" and c.left_edge.i == np[-1].i + 1:
                    named_as = [m for m in self.mentions(c) if m.ref.country]
                    if named_as:
                        return named_as
        return None

    def _ref_of_people_or_owner(self, ph: Phrase, ref: Ref | None) -> Ref | None:
        """The people without an adjective ("Young Algerians"), or owned forces of whoever the
        pronoun is."""
        tok, np, text, lemma = (ph.tok, ph.np, ph.text, ph.lemma)
        if ref is None and tok.ent_type_ == "NORP" and tok.tag_ in ("NNPS", "NNS"):
            # "Young Algerians", "Angry Palestinians": the people without the adjective
            core = [t for t in np if t.i >= tok.i or t.ent_type_ in ("NORP", "GPE")]
            if 0 < len(core) < len(np):
                ref = self._resolve(" ".join(t.text for t in core))
        if (
            tok.pos_ == "NOUN"
            and (lemma in OWNED_FORCES or lemma in OWNED_PEOPLE)
            and (ref is None or (not ref.country and not ref.is_person))
        ):
            # "their forces", "its army": the forces of whoever the pronoun is
            for c in tok.children:
                if c.dep_ == "poss" and c.pos_ == "PRON":
                    owners = [m for m in self.mentions(c) if m.ref.country]
                    if owners:
                        ref = self._resolve(text, owners[0].ref.country)
        return ref

    def _named_body_mentions(self, ph: Phrase, ref: Ref | None) -> list[Mention] | None:
        """The named body a noun stands for ("the APEC forum"); None to go on."""
        tok, text, lemma = (ph.tok, ph.text, ph.lemma)
        if ref is None and tok.pos_ == "NOUN" and lemma in BODY_HEADS:
            # "the APEC forum", "al-Qaeda's terror network": the named body the noun stands for
            for c in tok.children:
                if c.dep_ in ("compound", "nmod", "poss") and c.pos_ == "PROPN" and c.i < tok.i:
                    named_body = self.mentions(c)
                    if named_body and not named_body[0].ref.is_person:
                        return [Mention(named_body[0].ref, text, "named")]
        return None

    def _ref_of_core_or_place(self, ph: Phrase, ref: Ref | None) -> Ref | None:
        """When the resolver knows nobody: the proper-name core, the modifiers' country, local
        police or a bare state body of the place."""
        tok, np, text = (ph.tok, ph.np, ph.text)
        if ref is None and len(np) > 1 and tok.pos_ == "PROPN":
            lo = (
                max(i for i, t in enumerate(np) if t.pos_ != "PROPN" and t.i < tok.i) + 1
                if any(t.pos_ != "PROPN" and t.i < tok.i for t in np)
                else 0
            )
            core = [t for t in np[lo:] if t.i <= tok.i]
            if core and len(core) < len(np):
                ref = self._resolve(" ".join(t.text for t in core))
        if ref is None:
            hint = self._modifier_country(tok)
            if hint:
                ref = self._resolve(text, hint)
        if ref is None and len(np) <= 2 and is_local_force(tok) and not self._modifier_country(tok):
            # "Riot police" with no nationality: the police of the place (ingest/_home.py)
            where = self._country_near(tok) or local_force_country(self, tok)
            local = self._resolve(text, where) if where else None
            ref = local if local is not None and local.country == where else None
        if ref is None and len(np) <= 2 and tok.lower_ in STATE_BODIES:
            # a bare "Parliament" or "the Senate": the legislature of the sentence's country,
            # as "the police" is that country's police
            near = self._country_near(tok)
            local = self._resolve(text, near) if near else None
            if local is not None and local.country == near:
                ref = local
        return ref

    def _known_actor_mentions(
        self, ph: Phrase, ref: Ref | None, definite: bool
    ) -> list[Mention] | None:
        """A resolved actor: the group or office holder named before when only described, else the
        actor placed by context; None when unresolved."""
        tok, text, lemma, low_text, named = (ph.tok, ph.text, ph.lemma, ph.low_text, ph.named)
        if ref is not None and ref.kind == "group" and not ref.country and definite and not named:
            # "the militant group", "the rebels": the group named before, not the class
            kinds = DESCRIPTION_KINDS.get(low_text) or DESCRIPTION_KINDS.get(lemma) or ()
            if "group" in kinds:
                prior = self.memory.description(
                    low_text if low_text in DESCRIPTION_KINDS else lemma, None
                )
                if prior is not None and prior.kind == "group" and self._same_class(prior, tok):
                    return [Mention(prior, text, "coref")]
        if ref is not None:
            if not named and lemma in PERSON_TITLES and not ref.is_person and tok.tag_ != "NNS":
                prior = self.memory.description(lemma, ref.country)
                if prior is not None:
                    return [Mention(prior, text, "coref")]
            # a registered group without a country ("ISIL", known by aliases) is transnational:
            # the sentence's other actors do not lend it theirs
            own_name = ref.kind == "group" and tok.pos_ == "PROPN" and bool(ref.aliases)
            # refugees and exiles are by definition not of the state around them
            displaced = lemma in DISPLACED or low_text in DISPLACED
            if ref.kind in CONTEXT_KINDS and not ref.country and not ref.is_person and not own_name:
                near = None if displaced else self._country_near(tok)
                hint = near or self._modifier_country(tok)
                if hint:
                    ref2 = self._resolve(text, hint)
                    ref = ref2 or ref
            return [Mention(ref, text, "named")]
        return None

    def _description_mentions(
        self, ph: Phrase, country: str | None, definite: bool
    ) -> list[Mention] | None:
        """Definite descriptions ("the Mexican leader", "the ministry", "these groups"): the body
        officials belong to, or the actor described before; None to go on."""
        tok, np, text, lemma, low_text, named, has_det = (
            ph.tok,
            ph.np,
            ph.text,
            ph.lemma,
            ph.low_text,
            ph.named,
            ph.has_det,
        )
        # 4. definite descriptions: "the Mexican leader", "the ministry", "these groups"
        country = self._modifier_country(tok)
        if tok.pos_ == "NOUN" and (lemma in PERSON_TITLES or low_text in HUMAN_NOUNS):
            # "European Community foreign ministers": officials of a named body are that body
            for ent in tok.sent.ents:
                if (
                    ent.label_ in ("ORG", "GPE", "NORP")
                    and np[0].i <= ent.start
                    and ent.end <= tok.i
                ):
                    body = self._resolve(ent.text)
                    if body is not None and body.kind in ("igo", "government", "organization"):
                        return [Mention(body, text, "named")]
        if lemma in PERSON_TITLES or lemma in DESCRIPTION_KINDS or low_text in DESCRIPTION_KINDS:
            plural_title = lemma in PERSON_TITLES and tok.tag_ in ("NNS", "NNPS")
            if plural_title and low_text in DESCRIPTION_KINDS:
                # "the generals" are the junta, never one general named before
                prior = self.memory.description(low_text, country)
                prior = None if prior is not None and prior.is_person else prior
            else:
                prior = self.memory.description(lemma, country) or self.memory.description(
                    low_text, country
                )
            if tok.tag_ in ("NNS", "NNPS") and not definite:
                prior = None  # "European governments" are not the government named before
            if prior is not None and (has_det or not named):
                return [Mention(prior, text, "coref")]
            kinds = DESCRIPTION_KINDS.get(low_text) or DESCRIPTION_KINDS.get(lemma) or ()
            if kinds and kinds[0] == "group":
                hint = country or self._country_near(tok)
                ref = self._resolve(text, hint) if hint else None
                name = " ".join(t.text for t in np if t.dep_ != "det") or tok.text
                return [Mention(ref or Ref(name, hint, "group"), text, "guess")]
        return None

    def _guessed_mentions(self, ph: Phrase, country: str | None) -> list[Mention]:
        """Guesses: a person or group of a country ("a Nigerian student"), or a named entity nobody
        knows, kept with its modifiers' country."""
        tok, np, text, lemma, low_text = (ph.tok, ph.np, ph.text, ph.lemma, ph.low_text)
        # 5. "a Nigerian student", "Syrian rebels": a person or group of that country
        religion = any(c.ent_type_ == "NORP" for c in tok.lefts) and tok.tag_ == "NNS"
        human = lemma in HUMAN_NOUNS or low_text in HUMAN_NOUNS
        if tok.pos_ == "NOUN" and human and (country or religion):
            if country is None:
                # "Egyptian police dispersed Moslem fundamentalist demonstrators": a creed names
                # no state; the group is taken to be local to the actor before it
                country = self._country_near(tok)
            kind = (DESCRIPTION_KINDS.get(low_text) or DESCRIPTION_KINDS.get(lemma) or ("",))[0]
            if not kind:
                kind = "group" if tok.tag_ == "NNS" else "person"
            name = " ".join(t.text for t in np if t.dep_ != "det")
            return [Mention(Ref(name, country, kind), text, "guess")]
        # 6. a named entity nobody knows: keep it, with the country of its modifiers if any
        if tok.ent_type_ in ("PERSON", "ORG") and tok.pos_ == "PROPN":
            kind = "person" if tok.ent_type_ == "PERSON" else "organization"
            if country is None:
                for t in np:
                    if t.ent_type_ in ("GPE", "NORP") and t.i != tok.i:
                        country = self._word_country(t.text)
                        if country:
                            break
            if kind == "person" and any(t.lower_ in PERSON_TITLES for t in np):
                kind = "government"  # "British Defence Secretary Tom King"
            if country is None and kind == "person":
                country = self._apposition_country(tok)
            if country:
                r = self._resolve(text, country)
                if r is not None:
                    return [Mention(r, text, "named")]
            return [Mention(Ref(text, country, kind), text, "guess")]
        return []

    def _apposition_country(self, tok: Any) -> str | None:
        """ "Ana Ruiz, a former Peruvian minister": an unknown person's apposition names a
        state's people or holds a place-name modifier; that is their country."""
        for a in tok.rights:
            if a.dep_ != "appos" or a.pos_ != "NOUN":
                continue
            for t in a.lefts:
                if t.ent_type_ in ("NORP", "GPE") and t.dep_ in ("amod", "compound", "nmod"):
                    return self._word_country(t.text)
        return None

    def _counterpart(self, tok: Any) -> list[Mention]:
        """`his Chinese counterpart`: the holder of the possessor's office in that state, via
        the resolver's `counterpart` (the possessor must be a known office holder)."""
        find = getattr(self.resolver, "counterpart", None)
        owners = [c for c in tok.children if c.dep_ == "poss"]
        states = [
            c
            for c in tok.lefts
            if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE")
        ]
        if not callable(find) or not owners or not states:
            return []
        iso3 = self._word_country(states[-1].text)
        roles = [m.ref.role for m in self.mentions(owners[0]) if m.ref.role and m.ref.country]
        r = find(roles[0], iso3) if iso3 and roles else None
        text = " ".join(t.text for t in tok.subtree if t.i <= tok.i)
        return [Mention(self._ref(r), text, "named")] if r is not None and r.country else []

    @staticmethod
    def _clause_verb(tok: Any) -> int:
        """Index of the verb whose clause holds a token (itself if it is one)."""
        t = tok
        while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
            t = t.head
        return t.i

    def _speaker(self, tok: Any) -> list[Mention]:
        """The subject of the sentence's speech verb, for `we`/`I` inside reported speech."""
        for t in tok.sent:
            if t.lemma_.lower() in SPEECH and t.pos_ == "VERB":
                for c in t.children:
                    if c.dep_ == "nsubj" and c.lower_ not in PRONOUNS_SPEAKER and c.i != tok.i:
                        if tok.i in [d.i for d in c.subtree]:
                            continue
                        return self.group_mentions(c)
        return []

    def _modifier_conjuncts(self, tok: Any) -> list[Mention]:
        """`Hungarian and Romanian officials`: one mention per coordinated modifier."""
        out: list[Mention] = []
        for mod in tok.lefts:
            if mod.dep_ not in ("amod", "compound", "nmod"):
                continue
            conjs = [c for c in mod.children if c.dep_ == "conj"]
            if not conjs:
                continue
            many = getattr(self.resolver, "resolve_many", None)
            if callable(many):
                # "Japanese and South Korean officials": the resolver keeps "South" with its
                # conjunct, which the parse's per-token conjuncts lose
                lo = min(t.i for t in mod.subtree)
                text = " ".join(t.text for t in tok.doc[lo : tok.i + 1])
                found = [r for r in many(text) or () if r is not None]
                if len(found) >= 2:
                    return [Mention(self._ref(r), text, "named") for r in found]
                if len(found) == 1 and tok.pos_ == "PROPN":
                    return []  # one name with "and" inside: "Economic and Monetary Union"
            for m in (mod, *conjs):
                text = f"{m.text} {tok.text}"
                ref = self._resolve(text)
                via = "named"
                if ref is None:
                    country = self._word_country(m.text)
                    ref = self._resolve(text, country) if country else None
                    if ref is None and country and tok.lower_ in HUMAN_NOUNS:
                        kind = "group" if tok.tag_ == "NNS" else "person"
                        ref, via = Ref(text, country, kind), "guess"
                if ref is not None:
                    out.append(Mention(ref, text, via))
        return out

    def group_mentions(self, tok: Any) -> list[Mention]:
        """A mention plus its coordinated conjuncts: `Japan and South Korea`."""
        out = self._modifier_conjuncts(tok) if tok.pos_ in ("NOUN", "PROPN") else []
        if len(out) < 2:
            out = list(self.mentions(tok))
        else:
            for m in out:
                self.memory.remember(m.ref)
        for c in tok.children:
            named = [a for a in c.children if a.dep_ == "appos" and a.pos_ == "PROPN"]
            if c.dep_ == "conj" and c.pos_ == "NOUN" and named:
                # "Sheinbaum and her predecessor, Lopez Obrador": the name, not the description
                out.extend(self.group_mentions(named[0]))
                continue
            if c.dep_ == "appos" and listed_state(self, tok, c, out):
                # "Argentina, Chile, the Dominican Republic and Uruguay": Chile parsed as an
                # apposition of Argentina
                out.extend(self.mentions(c))
                continue
            # "The US, Russia, and Switzerland": the parser often makes the list an apposition
            if c.dep_ == "conj" or (
                c.dep_ == "appos" and any(d.dep_ == "conj" for d in c.children)
            ):
                out.extend(self.group_mentions(c))
        seen, uniq = set(), []
        for m in out:
            if m.ref.key not in seen:
                seen.add(m.ref.key)
                uniq.append(m)
        if len(uniq) >= 2 and not all(m.via == "coref" for m in uniq):
            subject = tok.dep_ in ("nsubj", "nsubjpass")
            self.memory.remember_group([m.ref for m in uniq], subject)
        return uniq

    # ---- clause structure ---------------------------------------------------------------
    def subjects(self, v: Any, depth: int = 0) -> tuple[list[Mention], bool, bool]:
        """(source mentions, inherited?, passive?) for a verb: a passive verb's agent, else the
        verb's own subject, else the subject it shares with the clause it hangs on."""
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children)
        if passive:
            return self._passive_subjects(v, depth)
        own = self._own_subjects(v)
        if own is not None:
            return own
        return self._inherited_subjects(v, depth)

    def _passive_subjects(self, v: Any, depth: int) -> tuple[list[Mention], bool, bool]:
        """The agent of a passive verb, or the owner of the attack it happened in, or the side
        that held the meeting it is joined to; a stative passive ("is committed to") is its
        subject's state."""
        for c in v.children:
            if c.dep_ == "agent":
                for p in c.children:
                    if p.dep_ == "pobj":
                        ms = self.group_mentions(p)
                        return (ms or self._event_owner(p)), False, True
        # "killed in Israeli tank shelling": whose attack it was
        for c in v.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "during", "by"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        ms = self._event_owner(p)
                        if ms:
                            return ms, False, True
        host = _meeting_host(v)
        if host is not None:
            # "held a meeting with his Chinese counterpart, and the Chinese side was asked to
            # refrain": the side that held the meeting asked
            return self.subjects(host, depth + 1)[0], True, True
        if self.verb_lemma(v) in STATIVE_PASSIVES:
            # "Vietnam is committed to reform", "Israel is opposed to ...": a state of the
            # subject, not something done to it
            for c in v.children:
                if c.dep_ == "nsubjpass":
                    return self.group_mentions(c), False, False
        return [], False, True

    def _own_subjects(self, v: Any) -> tuple[list[Mention], bool, bool] | None:
        """The verb's own subject (joint subjects, past a dateline word, through a participle or an
        apposition, or the attack's owner); None when it has none."""
        joint = [m for c in stranded_joint_subjects(v) for m in self.group_mentions(c)]
        if joint:
            return joint, False, False
        for c in v.children:
            if c.dep_ in SUBJ and _dateline_word(c):
                # "BAMAKO — Leaders of ECOWAS slapped ...": the dateline is no subject; the
                # parser hangs the real one on it as an apposition, or makes it a second subject
                c = next((a for a in c.children if a.dep_ == "appos"), None)
                if c is None:
                    continue
            if c.dep_ in SUBJ or c.head.i != v.i:
                if c.tag_ == "VBG":
                    # "The Red Cross operating in Iraq said": a participle the parser made the
                    # subject; the noun it describes speaks
                    c = next((d for d in c.children if d.dep_ == "nsubj"), c)
                ms = self.group_mentions(c)
                if all(m.via == "guess" and not m.ref.country for m in ms):
                    # "Kenzo Oshima, the UN relief coordinator, demanded ...": an unknown name
                    # is who its apposition says
                    for a in c.children:
                        if a.dep_ == "appos":
                            known = [m for m in self.group_mentions(a) if m.ref.country]
                            if known:
                                return known, False, False
                # "US drone attacks killed ...": the attack's owner acts
                return (ms or self._event_owner(c) or self._document_author(c)), False, False
        return None

    def _inherited_subjects(self, v: Any, depth: int) -> tuple[list[Mention], bool, bool]:
        """A subjectless verb's subject from the clause it hangs on: the copula's, the object of a
        control verb, a raised subject, the noun a participle describes, a conjunct's."""
        if depth > 4 or v.head.i == v.i:
            return [], False, False
        head = v.head
        if v.dep_ == "acomp" and head.pos_ in ("AUX", "VERB"):
            # "Israel is opposed to the mediation": the copula's subject is the verb's own
            for c in head.children:
                if c.dep_ in SUBJ:
                    return self.group_mentions(c) or self._event_owner(c), False, False
        if v.dep_ == "xcomp" and head.lemma_.lower() in OBJECT_CONTROL:
            for c in head.children:
                if c.dep_ == "dobj":
                    return self.group_mentions(c), True, False
        if v.dep_ == "xcomp" and head.pos_ in ("VERB", "AUX"):
            raised = [c for c in head.children if c.dep_ == "nsubjpass"]
            if raised and not any(c.dep_ == "agent" for c in head.children):
                # "Obama is scheduled to attend", "X was expected to visit"
                return self.group_mentions(raised[0]), True, False
        if v.dep_ == "acl" and v.tag_ == "VBG" and head.dep_ == "appos":
            return [], False, False  # "Rutte, the Dutchman hosting his first summit,": a modifier
        if v.dep_ == "acl" and v.tag_ == "VBG":
            # "demonstrators protesting the results": the demonstrators protest
            own = self.group_mentions(head)
            if own or head.lower_ in HUMAN_NOUNS or head.pos_ == "PROPN":
                return own, True, False  # unknown protesters are nobody's protest
            if head.dep_ in ("dobj", "attr"):
                # "issued a declaration demanding that ...": the issuer demands
                return self.subjects(head.head, depth + 1)[0], True, False
        if v.dep_ == "pcomp" and head.lower_ in NO_SHARE_PREPS:
            return [], False, False
        if v.dep_ == "xcomp" and head.pos_ == "ADJ" and head.head.i != head.i:
            head = head.head  # "Norway is willing to send": the copula's subject
            subj = [c for c in head.children if c.dep_ in SUBJ]
            if subj:
                return self.group_mentions(subj[0]), True, False
        if v.dep_ == "conj" and v.tag_ != "VBN" and head.pos_ in ("VERB", "AUX"):
            # (a participle conjunct shares the passive: "were killed or wounded")
            shared = [c for c in head.children if c.dep_ == "nsubjpass"]
            if shared:
                # "X was indicted by the court and will resign": X resigns, not the court
                return self.group_mentions(shared[0]), True, False
        if v.dep_ == "conj" and v.tag_ == "VBD" and head.dep_ == "xcomp" and head.tag_ == "VB":
            # "ordered the envoy to leave and recalled its own": a past tense is no infinitive,
            # it is coordinated with the finite verb above, whose subject acts
            head = head.head
        if v.dep_ in ("xcomp", "advcl", "conj", "pcomp"):
            if v.dep_ == "pcomp":
                head = head.head
            if head.pos_ in ("VERB", "AUX"):
                subj, _, _ = self.subjects(head, depth + 1)
                return subj, True, False
        return [], False, False

    def clause_tokens(self, v: Any) -> Iterable[Any]:
        """Tokens of v's own clause (not entering clauses with their own subject)."""
        stack = [v]
        while stack:
            t = stack.pop()
            yield t
            for c in t.children:
                if c.pos_ in ("VERB", "AUX") and any(
                    d.dep_ in ("nsubj", "nsubjpass") for d in c.children
                ):
                    continue
                stack.append(c)

    def bag(self, head: Any, deps: set[str] | None = None) -> dict[str, int]:
        """Complement lemmas with their distance from the head word."""
        out: dict[str, int] = {}
        frontier = [(c, 1) for c in head.children if deps is None or c.dep_ in deps]
        while frontier:
            t, d = frontier.pop()
            for w in (t.lemma_.lower(), t.lower_):
                if w not in out or out[w] > d:
                    out[w] = d
            if d < 6:
                # adverbial and relative clauses are not complements: "will withdraw unless X
                # arranges a ceasefire" is no ceasefire announcement
                frontier.extend((c, d + 1) for c in t.children if c.dep_ not in SIDE_CLAUSES)
        return out

    def particles(self, v: Any) -> set[str]:
        out = set()
        for c in v.children:
            if c.dep_ == "prt" and _up_to_objects(v):
                continue  # "kidnapped up to 16 advisers": a quantity, no phrasal verb
            if (
                c.dep_ == "prt"
                or (c.dep_ == "advmod" and c.lower_ == "back")  # "hit back at", "shot back"
                or c.dep_ in ("prep", "agent")
                and not any(p.ent_type_ in ("DATE", "TIME") for p in c.children)
            ):
                out.add(c.lower_)
            elif _for_clause(c):
                out.add("for")  # "pushing hard for the US (to) support its plan"
        return out

    def _in_speech(self, v: Any) -> Any:
        """The speech verb whose reported clause holds v (`said it would ...`), if any."""
        t = v
        while t.head.i != t.i:
            if t.dep_ == "ccomp" and t.head.lemma_.lower() in SPEECH | REPORTING:
                return t.head
            if t.dep_ not in ("xcomp", "conj", "ccomp", "advcl"):
                return None
            t = t.head
        return None

    def _future(self, v: Any) -> bool:
        """will/shall/'ll on v (or `would` in reported speech, or `willing/ready to`):
        announced, not hypothetical."""
        t = v
        while True:
            auxes = {c.lower_ for c in t.children if c.dep_ in ("aux", "auxpass")}
            if auxes & FUTURE_AUX or ("would" in auxes and self._in_speech(t) is not None):
                return True
            if t.dep_ == "xcomp" and t.head.pos_ == "ADJ" and t.head.lower_ in INTENT_ADJ:
                return True  # "is willing to send material if it is attacked": an offer
            if t.dep_ not in ("xcomp", "conj") or t.head.i == t.i:
                return False
            t = t.head

    def mode(self, v: Any, sent: Any) -> str | None:
        """negated | hypothetical | question | future | obligation | None (asserted).

        `future` covers will/shall/going to, `would` reported after a speech verb, and
        `willing/ready/prepared to`; the caller turns those into intent or threat codes.
        `obligation` is must/should/has to: the speaker demands it (see `_obligation`).
        """
        chain = [v]
        t = v
        while t.dep_ in ("xcomp", "conj", "pcomp", "acomp") and t.head.i != t.i:
            t = t.head
            chain.append(t)
        for t in chain:
            for c in t.children:
                if c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in ("never", "not")):
                    return "negated"
            if t is not v and t.lemma_.lower() in FAILING:
                return "negated"  # "failed to reach agreement"
        for t in chain:
            for c in t.children:
                if c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS:
                    return "hypothetical"
                if c.dep_ == "advcl" and any(
                    m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children
                ):
                    return "hypothetical"
        t = v
        while t.head.i != t.i:
            if t.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in CONDITIONAL_MARKS for m in t.children
            ):
                return "hypothetical"
            if _future_when(t):
                return "hypothetical"
            t = t.head
        if sent.text.rstrip().rstrip("\"'”’) ").endswith("?"):
            return "question"
        for t in chain:
            # "the US must be ready to mediate": the obligation anywhere up the chain wins over
            # the willingness below it
            auxes = {c.lower_ for c in t.children if c.dep_ in ("aux", "auxpass")}
            if auxes & OBLIGATION_AUX or (
                "to" in auxes and t.dep_ == "xcomp" and t.head.lemma_ == "have"
            ):
                return "obligation"
        for t in chain:
            auxes = {c.lower_ for c in t.children if c.dep_ in ("aux", "auxpass")}
            if "would" in auxes:
                return "future" if self._in_speech(t) is not None else "hypothetical"
            if auxes & HYPOTHETICAL_AUX:
                return "hypothetical"
            if auxes & FUTURE_AUX:
                return "future"
            if t.dep_ == "xcomp" and t.head.lemma_ == "go" and t.head.tag_ == "VBG":
                return "future"
            if t.dep_ == "xcomp" and t.head.pos_ == "ADJ" and t.head.lower_ in INTENT_ADJ:
                return "future"
            if t.dep_ == "xcomp" and t.head.lemma_.lower() in FUTURE_CONTROL:
                return "future"
        return None

    @staticmethod
    def _calendar(v: Any) -> str | None:
        """The calendar verb (`scheduled to`, `prepared to`) whose xcomp chain holds v, if any.

        `is prepared to` (an adjective) is willingness, not a preparation, so it is not one.
        """
        t = v
        while t.dep_ in ("xcomp", "conj") and t.head.i != t.i:
            if t.dep_ == "xcomp" and t.head.pos_ == "VERB":
                lemma = t.head.lemma_.lower()
                if lemma in CALENDAR:
                    return lemma
            t = t.head
        return None

    def _claimed_act(self, v: Any) -> Any:
        """The conflictual act (root 11-20) a `claimed that ...` clause reports, if any."""
        for c in v.children:
            if c.dep_ == "ccomp" and any(d.dep_ in SUBJ for d in c.children):
                lemma = self.verb_lemma(c)
                if ("V", lemma) not in self.lex:
                    continue
                inner = self.lex.lookup("V", lemma, self.particles(c), self.bag(c, COMPLEMENT_DEPS))
                if inner is not None and "11" <= inner.code[:2] <= "20":
                    return c
        return None

    def _claims_own_act(self, v: Any, sources: list[Mention]) -> bool:
        """Is the act a `claimed that ...` clause reports the claimer's own?"""
        act = self._claimed_act(v)
        if act is None or not sources:
            return False
        keys = {m.ref.key for m in sources}
        for c in act.children:
            if c.dep_ in SUBJ:
                ms = self.group_mentions(c)
                return bool(ms) and all(m.ref.key in keys for m in ms)
        return False

    def _condition_subject(self, v: Any, exclude: set) -> list[Mention]:
        """Actors that an if/unless clause on v (or on its complements) is about."""
        stack = [v]
        while stack:
            t = stack.pop()
            for c in t.children:
                if c.dep_ == "advcl" and any(
                    m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children
                ):
                    for d in c.children:
                        if d.dep_ in ("nsubj", "nsubjpass"):
                            ms = [m for m in self.group_mentions(d) if m.ref.key not in exclude]
                            if ms:
                                return ms
                elif c.dep_ in ("xcomp", "ccomp", "conj") and c.pos_ == "VERB":
                    stack.append(c)
        return []

    def _condition(self, v: Any) -> str | None:
        """`if`/`unless` when a condition clause hangs on v (or its xcomp/conj heads) and no
        modal of possibility does: `will withdraw unless`, not `could withdraw if`."""
        chain = [v]
        t = v
        while t.dep_ in ("xcomp", "conj") and t.head.i != t.i:
            t = t.head
            chain.append(t)
        for t in chain:
            if any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX for c in t.children):
                return None
            for c in t.children:
                if c.dep_ == "advcl":
                    for m in c.children:
                        if m.dep_ == "mark" and m.lower_ in ("if", "unless"):
                            return m.lower_
        return None

    def absorbed(self, v: Any) -> bool:
        """Is v part of a larger event (complement of an appeal, a purpose clause, a noun)?"""
        if self._toll_of(v) is not None or self._protest_claim(v):
            return True
        if self._means_of_response(v) and self.code_verb(v.head) is not None:
            return True  # "struck back, slapping duties": coded once, on "struck back"
        t = v
        while t.head.i != t.i:
            h = t.head
            if _for_clause(t) and h.pos_ == "VERB":
                hl = self.verb_lemma(h)
                if any(e.particle == "for" for e in self.lex.entries_for("V", hl)):
                    return True  # "pushed for the US to support the plan": the demand's content
            if t.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
                # "took steps to enhance political freedoms": the steps are the purpose's act
                steps = h.lemma_.lower() == "take" and any(
                    o.dep_ == "dobj" and o.lemma_.lower() in ("step", "measure", "action")
                    for o in h.children
                )
                if not steps:
                    return True
            if t.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS for c in t.children
            ):
                return True  # "after rebels kidnapped peacekeepers": background, not the news
            if t.dep_ == "ccomp" and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
                # "demanded that Israel ease ..." is the demand; "said that X attacked" is X's act
                hl = h.lemma_.lower()
                if hl in ("claim", "charge") and self._claimed_act(h) is not None:
                    return True  # an alleged act is the allegation, not an established act
                if h.pos_ == "NOUN":  # "its demand that Israel ease ..."
                    return hl in EVENT_ANAPHORA or ("N", hl) in self.lex
                if any(m.dep_ == "mark" and m.lower_ == "that" for m in t.children) and any(
                    o.dep_ == "dobj" and o.pos_ == "NOUN" and ("N", o.lemma_.lower()) in self.lex
                    for o in h.children
                ):
                    return True  # "reiterated its demand today that Israel ease ...": the
                    # parser hangs the demand's content on the verb
                if hl in WANTING and self._wants_of_someone(h):
                    return True
                # "refused to allow UN planes to land and evacuate": the allowed act is the
                # permission's content
                return h.pos_ in ("VERB", "AUX") and hl in ABSORBING | PERMITTING
            if t.dep_ in ("xcomp", "pcomp", "dobj", "acl", "ccomp", "prep", "pobj"):
                hl = h.lemma_.lower()
                if h.pos_ in ("VERB", "AUX") and hl in ABSORBING:
                    return True
                if hl in WANTING and self._wants_of_someone(h):
                    return True
                if h.pos_ == "NOUN" and ("N", hl) in self.lex:
                    return True
            if t.dep_ == "relcl":
                # "the group that has seized parts of Iraq" describes the group (background);
                # a non-restrictive clause after a comma ("X, which shelled Y on Monday,") reports
                # and so does a contact clause without a relative word ("the assets they lost
                # when Amin expelled them")
                first = t.left_edge
                if first.i == 0 or first.nbor(-1).text == ",":
                    return False
                rel = any(c.tag_ in ("WDT", "WP", "WP$") or c.lower_ == "that" for c in t.children)
                return first.lower_ == "that" or not rel
            t = h
        return False

    def _toll_of(self, v: Any) -> Any:
        """The attack verb whose toll a participial adjunct gives (`shelled X, killing 8`)."""
        if v.dep_ == "conj" and v.tag_ == "VBG" and self.verb_lemma(v) in TOLL_VERBS:
            return self._toll_of(v.head)  # "killing or wounding 50"
        if v.dep_ != "advcl" or v.tag_ != "VBG" or self.verb_lemma(v) not in TOLL_VERBS:
            return None
        if any(c.dep_ in SUBJ for c in v.children):
            return None
        h = v.head
        if h.pos_ != "VERB" or ("V", self.verb_lemma(h)) not in self.lex:
            return None
        coded = self.code_verb(h)
        if coded is None or coded[0].code[:2] not in ("18", "19", "20"):
            return None
        return h

    def _protest_claim(self, v: Any) -> bool:
        """Is v a participial adjunct of a protest: its demand (`rallied, demanding X`) or how it
        went (`rioted, setting fire to mattresses`)? Either way it is part of the protest."""
        if v.dep_ == "conj" and v.tag_ == "VBG" and not any(c.dep_ in SUBJ for c in v.children):
            return self._protest_claim(v.head)  # "smashing windows and setting fire to ..."
        if v.dep_ != "advcl" or v.tag_ != "VBG":
            return False
        if any(c.dep_ in SUBJ for c in v.children):
            return False
        h = v.head
        if h.pos_ != "VERB" or not (
            ("V", self.verb_lemma(h)) in self.lex or self.verb_lemma(h) in LIGHT
        ):
            return False
        coded = self.code_verb(h)
        return coded is not None and coded[0].code[:2] == "14"

    def _peacekeepers_arrive(self, v: Any) -> bool:
        """Is v's subject a peacekeeping force (`peacekeeping troops arrived`)?"""
        for c in v.children:
            if c.dep_ == "nsubj":
                return any(t.lemma_.lower() in PEACEKEEPING for t in c.subtree)
        return False

    def _refuses_to_resign(self, v: Any) -> bool:
        """Is v's complement a leader's own resignation (`declined to resign`)?"""
        for c in v.children:
            if c.dep_ == "xcomp" and c.pos_ == "VERB":
                inner = self.code_verb(c, 3)
                return inner is not None and inner[0].code == "0831"
        return False

    # ---- targets ------------------------------------------------------------------------
    def _actors_under(self, tok: Any, exclude: set, max_depth: int = 4) -> list[Mention]:
        """Breadth-first search for an actor inside an object phrase or complement clause."""
        frontier = [tok]
        for _ in range(max_depth):
            nxt = []
            for t in frontier:
                for c in t.children:
                    if c.dep_ in ("nsubj", "nsubjpass", "relcl", "punct", "cc", "mark", "neg"):
                        continue
                    if c.dep_ == "prep" and c.lower_ in ("without", "despite"):
                        continue  # "agreed to resign without returning to X": not about X
                    if c.pos_ in ("VERB", "AUX") and any(
                        d.dep_ in ("nsubj", "nsubjpass") for d in c.children
                    ):
                        continue
                    if c.pos_ in ("NOUN", "PROPN", "PRON") and c.dep_ in (
                        "pobj",
                        "dobj",
                        "dative",
                        "attr",
                        "appos",
                        "conj",
                    ):
                        ms = [m for m in self.group_mentions(c) if m.ref.key not in exclude]
                        aimed = t.lower_ in OWNER_PREPS or (t.lower_ == "on" and _measure_on(t))
                        if not ms and c.pos_ == "NOUN" and aimed:
                            # "restrictions against German goods"; never the source's own
                            # things ("deploy U.S. troops")
                            ms = [
                                m for m in self._owner(c, exclude) if m.ref.country not in self._own
                            ]
                        if not ms and c.pos_ == "NOUN" and t.lower_ == "for":
                            ms = self._possessor(c, exclude)  # "support for Russia's war in X"
                        if ms:
                            return ms
                    nxt.append(c)
            frontier = nxt
            if not frontier:
                break
        return []

    def _possessor(self, tok: Any, exclude: set) -> list[Mention]:
        """The named owner of `X's war`, never the source's own state: whose act it is."""
        return [
            m
            for d in tok.children
            if d.dep_ == "poss"
            for m in self.group_mentions(d)
            if m.ref.key not in exclude and m.ref.country not in self._own
        ]

    def _object_actors(self, obj: Any, exclude: set) -> tuple[list[Mention], str]:
        """Actors an object stands for: itself, its owner (`Trump's offer`) or the antecedent
        event's source (`the offer` -> whoever made the offer)."""
        obj = called_object(obj)
        for author in authors_of(obj):  # "a resolution drafted by the US": the US
            ms = [m for m in self.group_mentions(author) if m.ref.key not in exclude]
            if ms:
                return ms, "owner"
        ms = [m for m in self.group_mentions(obj) if m.ref.key not in exclude]
        if ms:
            return ms, "direct"
        ms = home_government(self, obj)  # an opposition leader's "the government"
        if ms:
            return ms, "owner"
        lemma = obj.lemma_.lower()
        if obj.pos_ in ("NOUN", "PROPN"):
            # (a newspaper or a rebel group may well act on its own country's leaders' things:
            # "violated a ban by General Aoun")
            ms = [
                m
                for m in self._owner(obj, exclude)
                if m.ref.country not in self._own or self._own_nonstate
            ]
            if ms:
                return ms, "owner"
        if lemma in EVENT_ANAPHORA and not any(c.lower_ in NEW_ACT_WORDS for c in obj.lefts):
            # ("imposed matching sanctions": a new act of its own, not the one named before)
            # (an act by the reactor's own state is not what it reacts to: "Polish jets downed
            # the drones ... Warsaw called the incursion a provocation")
            refs = [
                r
                for r in self.memory.event_source(lemma)
                if r.key not in exclude and not acts_for(r, self._own)
            ]
            if refs:
                return [Mention(r, obj.text, "coref") for r in refs], "event"
        return [], "none"

    def _event_owner(self, tok: Any) -> list[Mention]:
        """Who carried out an event noun (`Israeli tank shelling`, `US drone attacks`)."""
        lemma = tok.lemma_.lower()
        if tok.pos_ != "NOUN" or (("N", lemma) not in self.lex and lemma not in ATTACK_NOUNS):
            return []
        return self._owner(tok, set())

    def _document_author(self, tok: Any) -> list[Mention]:
        """Who speaks through an unsigned document (`a report released in Kigali alleged ...`):
        its owner when named, else the state of the place it was issued in."""
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in DOCUMENT_NOUNS:
            return []
        owner = self._owner(tok, set())
        if owner:
            return owner
        issued = [a for a in tok.children if a.dep_ == "acl" and a.lemma_.lower() in ISSUING]
        for a in issued:
            # "a statement issued in Geneva by the Red Cross": the issuer, wherever it was
            for c in a.children:
                if c.dep_ == "agent":
                    ms = [m for p in c.children if p.dep_ == "pobj" for m in self.group_mentions(p)]
                    if ms:
                        return ms
        make = getattr(self.resolver, "country", None)
        for a in issued:
            for c in a.children:
                if c.dep_ != "prep" or c.lower_ != "in":
                    continue
                for p in c.children:
                    if p.dep_ != "pobj":
                        continue
                    if p.ent_type_ == "GPE":
                        # the state, not its government: the text names no office
                        name = self._ent_text(p)
                        country = self._word_country(name)
                        r = make(country) if country and callable(make) else None
                        if r is not None and country != "IGO":
                            return [Mention(self._ref(r), name, "guess")]
                    elif p.pos_ in ("NOUN", "PROPN"):
                        found = self._place_phrase(p, set())
                        if found:
                            return found
        return []

    def _owner(self, obj: Any, exclude: set) -> list[Mention]:
        """Whose thing it is: `Trump's offer`, `a U.S. request`, `calls by Belarus`,
        `an offer from Afghanistan`, `German goods`."""
        for c in obj.children:
            if c.dep_ == "poss":
                ms = [m for m in self.group_mentions(c) if m.ref.key not in exclude]
                if ms:
                    return ms
        # "the Russian withdrawal from Kherson": a departure's "from" is the place left
        leaving = obj.lemma_.lower() in DEPARTURE_NOUNS
        for c in obj.children:
            if c.dep_ == "prep" and (c.lower_ == "by" or (c.lower_ == "from" and not leaving)):
                for p in c.children:
                    if p.dep_ == "pobj":
                        ms = [m for m in self.group_mentions(p) if m.ref.key not in exclude]
                        if ms:
                            return ms
        for c in obj.lefts:
            if c.dep_ == "amod" and c.lemma_.lower() == "lead":
                # "the US-led war": whoever leads it owns it
                leaders = [d for d in c.children if d.dep_ in ("npadvmod", "compound", "nmod")]
                ms = [
                    m for d in leaders for m in self.group_mentions(d) if m.ref.key not in exclude
                ]
                if ms:
                    return ms
            if c.dep_ in ("compound", "amod", "nmod") and (
                c.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") or c.pos_ == "PROPN"
            ):
                whole = " ".join(t.text for t in c.subtree)
                ref = self._resolve(whole) or (self._resolve(c.text) if whole != c.text else None)
                if ref is None:
                    country = self._word_country(c.text)
                    make = getattr(self.resolver, "country", None)
                    r = make(country) if country and callable(make) else None
                    ref = self._resolve(r.name) if r is not None else None
                    if ref is None and country:
                        ref = Ref(c.text, country, "country")
                if ref is not None and ref.key not in exclude:
                    return [Mention(ref, c.text, "guess")]
        for c in obj.lefts:
            if c.dep_ == "compound" and c.pos_ == "NOUN" and c.lemma_.lower() in MISSION_NOUNS:
                return self._owner(c, exclude)  # "18 Russian embassy staff": the embassy's
        return []

    def targets(
        self, v: Any, match: Match, sources: list[Mention], passive: bool
    ) -> tuple[list[Mention], str]:
        """Whom the act is aimed at and how that was found, trying in turn: the passive subject or
        the lexicon's preposition, the objects and complement clauses, the target prepositions,
        then actors deeper under the objects and complements."""
        exclude = self._target_exclusions(sources)
        spec = match.entry.target
        if spec == "none":
            return [], "none"
        found = self._passive_or_prep_targets(v, spec, passive, exclude)
        if found is not None:
            return found
        objs = self._clause_objects(v)
        found = (
            self._object_or_complement_targets(v, match, objs, exclude)
            or self._prep_targets(v, exclude)
            or self._deep_targets(v, objs, exclude)
        )
        return found or ([], "none")

    def _target_exclusions(self, sources: list[Mention]) -> set:
        """Actors that cannot be targets: the sources and their own forces (which are their
        instrument); also notes the sources' countries for the target stages."""
        exclude = {m.ref.key for m in sources}
        # the source's own forces are its instrument ("deploy U.S. troops to Mexico"), not a target
        own: set[str | None] = {
            m.ref.country for m in sources if m.ref.country and m.ref.country != "IGO"
        }
        self._own = own
        self._own_nonstate = bool(sources) and all(
            m.ref.kind in ("group", "organization") for m in sources
        )
        for ms in list(self._cache.values()):
            for m in ms:
                if self._own_nonstate:
                    break  # a rebel group's or a newspaper's country's army is not its own
                if m.ref.country in own and m.ref.kind in ("military", "police"):
                    exclude.add(m.ref.key)
        return exclude

    def _passive_or_prep_targets(
        self, v: Any, spec: str | None, passive: bool, exclude: set
    ) -> tuple[list[Mention], str] | None:
        """The subject of a passive verb, or the object of the preposition the lexicon names for
        the verb; None to go on."""
        if passive:
            for c in v.children:
                if c.dep_ == "nsubjpass":
                    ms, how = self._object_actors(c, exclude)
                    if ms:
                        return ms, how
                    ms = self._actors_under(c, exclude, max_depth=3)
                    if ms:
                        return ms, "deep"
        if spec and spec.startswith("prep:"):
            word = spec.split(":", 1)[1]
            for c in v.children:
                if c.dep_ in ("prep", "prt") and c.lower_ == word:
                    for p in c.children:
                        if p.dep_ == "pobj":
                            ms = [m for m in self.group_mentions(p) if m.ref.key not in exclude]
                            ms += [  # "with A as well as with B": B too
                                m
                                for q in conjoined_prep_objects(c)
                                for m in self.group_mentions(q)
                                if m.ref.key not in exclude
                            ]
                            if ms:
                                return ms, "direct"
                    if c.dep_ == "prt":
                        break
        return None

    def _clause_objects(self, v: Any) -> list[Any]:
        """The verb's objects, including ones the parser hangs elsewhere ("up to 16 advisers", a
        late object on an "as" phrase)."""
        objs = [c for c in v.children if c.dep_ in ("dobj", "dative", "iobj")]
        if not objs:
            objs = _up_to_objects(v) or framed_what(v)  # "kidnapped up to 16 Russian advisers"
        if not objs:
            # "denounced as an ugly crime Serbia's suppression of ...": the object comes late
            # and the parser hangs it on the "as" phrase
            objs = [
                a
                for c in v.children
                if c.dep_ == "prep" and c.lower_ == "as"
                for p in c.children
                if p.dep_ == "pobj"
                for a in p.children
                if a.dep_ == "appos"
            ]
        return objs

    def _object_or_complement_targets(
        self, v: Any, match: Match, objs: list[Any], exclude: set
    ) -> tuple[list[Mention], str] | None:
        """Actors the objects name, the subject of a demanded or complained-of clause, or the
        accused of a complaint; None to go on."""
        for o in objs:
            ms, how = self._object_actors(o, exclude)
            if ms:
                return ms, how
        has_xcomp = any(c.dep_ == "xcomp" for c in v.children)
        # "reiterated its demand that Israel ease ...": the parser hangs the noun's clause here
        noun_event = match.code[:2] in ("02", "10", "11", "13") and any(
            c.dep_ == "dobj" and ("N", c.lemma_.lower()) in self.lex for c in v.children
        )
        if (
            v.lemma_.lower() in ABSORBING | WANTING | PERMITTING | SMALL_CLAUSE
            or match.code.startswith("11")  # "complained that X ...": X is accused
            or noun_event
        ) and not has_xcomp:
            # "demanded that the US cancel ..." -> the US ("threatened to shell X where 100
            # people were killed": the to-clause is the complement, the other clause is not)
            for c in v.children:
                if c.dep_ == "ccomp" or _for_clause(c):
                    for d in c.children:
                        if d.dep_ in ("nsubj", "nsubjpass"):
                            ms = [m for m in self.group_mentions(d) if m.ref.key not in exclude]
                            if ms:
                                return ms, "direct"
        if match.code.startswith("11"):
            # "complained to the UN over Israeli air raids": the accused, not the addressee
            for c in v.children:
                if c.dep_ == "prep" and c.lower_ in ("over", "about", "against"):
                    for p in c.children:
                        if p.dep_ == "pobj":
                            ms, how = self._object_actors(p, exclude)
                            if ms:
                                return ms, how
        return None

    def _prep_targets(self, v: Any, exclude: set) -> tuple[list[Mention], str] | None:
        """The object of a target preposition (TARGET_PREPS, in order), with its conjoined
        prepositions; None to go on."""
        for word in TARGET_PREPS:
            for c in v.children:
                if c.dep_ in ("prep", "dative") and c.lower_ == word:
                    for p in [*c.children, *_stranded_object(c)]:
                        if p.dep_ in ("pobj", "nsubj"):
                            ms, how = self._object_actors(p, exclude)
                            if ms:
                                # "with A as well as with B": B too
                                ms += [
                                    m
                                    for q in conjoined_prep_objects(c)
                                    for m in self._object_actors(q, exclude)[0]
                                ]
                                return ms, "direct" if how == "direct" else how
        return None

    def _deep_targets(
        self, v: Any, objs: list[Any], exclude: set
    ) -> tuple[list[Mention], str] | None:
        """Actors deeper under the objects, complements and aimed prepositions, including whom a
        refused permission is for; None when there are none."""
        for o in objs:
            ms = self._actors_under(o, exclude)
            if ms:
                return ms, "deep"
        for c in v.children:
            if c.dep_ in ("xcomp", "ccomp", "prep", "pcomp") or (
                c.dep_ == "advcl" and c.tag_ == "VBG"
            ):
                if c.dep_ == "advcl":
                    continue
                deep_prep = c.dep_ == "prep" and c.lower_ in (
                    "against",
                    "for",
                    "on",
                    "over",
                    "to",
                    "into",
                    "at",
                )
                ms = self._actors_under(c, exclude) if c.dep_ != "prep" or deep_prep else []
                if c.dep_ in ("xcomp", "pcomp"):
                    for d in c.children:
                        if d.dep_ in ("dobj", "dative"):
                            ms2, _ = self._object_actors(d, exclude)
                            if ms2:
                                return ms2, "deep"
                        if d.dep_ == "ccomp" and c.lemma_.lower() in PERMITTING:
                            # "refused to allow UN planes to land": whom it would permit
                            for e in d.children:
                                if e.dep_ in ("nsubj", "nsubjpass"):
                                    ms2, _ = self._object_actors(e, exclude)
                                    if ms2:
                                        return ms2, "deep"
                if ms:
                    return ms, "deep"
        return None

    # ---- events ---------------------------------------------------------------------------
    @staticmethod
    def _wants_of_someone(v: Any) -> bool:
        """`wants Putin to attack` (object + xcomp) or `wants Mexico to deploy` (to-clause)."""
        if any(c.dep_ == "dobj" for c in v.children) and any(
            c.dep_ in ("xcomp", "ccomp") for c in v.children
        ):
            return True
        return any(
            c.dep_ == "ccomp"
            and any(d.dep_ == "nsubj" for d in c.children)
            and any(d.dep_ == "aux" and d.lower_ == "to" for d in c.children)
            for c in v.children
        )

    def _attack_reading(self, v: Any, vm: Match | None, lemma: str, parts: set) -> Match | None:
        """An attack the plain verb reading misses: `Israel struck Gaza` (a labour strike takes
        no object: striking something attacks it), `shelling killed five soldiers` (194)."""
        if vm and vm.code == "143" and any(c.dep_ == "dobj" for c in v.children):
            return self.lex.lookup("V", lemma, parts, {"target": 1})
        return self._killed_by_weapon(v, vm)

    def _killed_by_weapon(self, v: Any, vm: Match | None) -> Match | None:
        """The military attack noun a killing is done by (`Syrian shelling killed soldiers`,
        `were killed in an air strike by ...`): its 19x code (GUIDELINES 194/195)."""
        if vm is None or not vm.code.startswith("18"):
            return None
        # (the parser may tag a bare "shelling" before the verb as an auxiliary or an adverb)
        nouns = [
            c
            for c in v.children
            if c.dep_ == "nsubj"
            or (c.i < v.i and c.dep_ in ("aux", "advmod") and not list(c.children))
        ]
        nouns += [
            p
            for c in v.children
            if c.dep_ == "prep" and c.lower_ in ("in", "by")
            for p in c.children
            if p.dep_ == "pobj"
        ]
        for n in nouns:
            lemma = n.lemma_.lower() if n.pos_ == "NOUN" else n.lower_
            if ("N", lemma) not in self.lex:
                continue
            m = self.lex.lookup("N", lemma, set(), self.bag(n))
            if m is not None and m.code.startswith("19") and m.code != "190":
                return m
        return None

    def verb_lemma(self, v: Any) -> str:
        """spaCy's lemma, repaired when it is not a word we know (`staged` -> `stag`)."""
        lemma = v.lemma_.lower()
        if ("V", lemma) in self.lex or lemma in LIGHT:
            return lemma
        w = v.lower_
        for cand in (
            w,
            w[:-1] if w.endswith(("ed", "es")) else "",
            w[:-2] if w.endswith(("ed", "es")) else "",
            w[:-3] if w.endswith("ing") else "",
            w[:-3] + "e" if w.endswith("ing") else "",
            w[:-3] + "y" if w.endswith("ied") else "",
            w[:-1] if w.endswith("s") else "",
        ):
            if cand and (("V", cand) in self.lex or cand in LIGHT):
                return cand
        return lemma

    def code_verb(self, v: Any, depth: int = 0) -> tuple[Match, Any] | None:
        """The lexicon match for a verb and the word that coded it, trying in turn: the act a
        sending or opening is for, recodings of the verb's own match (claims, protests, orders,
        wants), the intent a commissive or threat complement names, the event noun of a light verb,
        the verb's own match."""
        lemma = self.verb_lemma(v)
        parts = self.particles(v)
        bag = self._verb_bag(v, lemma)
        means = self._retaliation_means(v, lemma, parts, depth)
        if means is not None:
            # "struck back at Washington, slapping duties on ...": the participle names the act
            # (163, not a strike 143); it is absorbed here, aimed at whom the response is
            return means
        vm = self._verb_match(v, lemma, parts, bag)
        found = (
            self._purpose_of_sending(v, lemma, vm, depth)
            or self._recoded_verb(v, lemma, parts, vm, bag)
            or self._complement_intent(v, lemma, depth)
            or self._event_noun_match(v, lemma, vm)
        )
        if found is not None:
            return found
        if vm:
            return vm, v
        return None

    def _verb_bag(self, v: Any, lemma: str) -> dict[str, int]:
        """The words the lexicon matches a verb's cues against: its complements, what an anaphoric
        "the offer" was about, the office a named object holds."""
        bag = self.bag(v, COMPLEMENT_DEPS | {"nsubjpass"})
        # the antecedent of "the offer" brings its own complements ("rejected the offer" of troops)
        for c in v.children:
            if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in EVENT_ANAPHORA:
                group = EVENT_ANAPHORA[c.lemma_.lower()]
                if group not in ("offer", "demand"):
                    continue  # rejecting a charge is not rejecting what the charge was about
                for w in self.memory.event_bags.get(group, []):
                    bag.setdefault(str(w), 3)
        for c in v.children:
            if c.dep_ in ("dobj", "nsubjpass") and c.pos_ == "PROPN":
                # "summoned Romatet", named before as France's ambassador: the office he holds
                # is the object's head noun for the lexicon, as in "summoned the ambassador"
                for m in self.mentions(c):
                    if m.ref.role:
                        bag.setdefault(m.ref.role.split()[-1].lower(), 2)
        if lemma in COMMISSIVE:
            self._add_to_clause(v, bag)
        return bag

    def _verb_match(self, v: Any, lemma: str, parts: set[str], bag: dict[str, int]) -> Match | None:
        """The verb's own lexicon match (an intransitive travel verb with no object only
        travels)."""
        vm = self.lex.lookup("V", lemma, parts, bag)
        if (
            vm
            and lemma in INTRANSITIVE_TRAVEL
            and vm.entry.particle != "for"
            and not any(c.dep_ == "dobj" for c in v.children)
        ):
            # "the envoy returned to Geneva" travels; "returned the prisoners" is 084;
            # "returned to Geneva for talks" is the talks
            vm = None
        return vm

    def _purpose_of_sending(
        self, v: Any, lemma: str, vm: Match | None, depth: int
    ) -> tuple[Match, Any] | None:
        """ "sent officials to investigate", "opened the bridge to allow aid in": the purpose is the
        act; None to go on."""
        if lemma in SENDING and (vm is None or not vm.entry.cues) and depth < 3:
            # "sent officials to X to investigate the crash": the purpose is the act
            for c in v.children:
                if c.dep_ in ("advcl", "xcomp") and any(a.lower_ == "to" for a in c.children):
                    inner = self.code_verb(c, depth + 1)
                    if inner and inner[0].code.startswith("09"):
                        return inner[0], v
                    if c.lemma_.lower() in HELPING or any(
                        a.lower_ in HELPING for a in c.children if a.dep_ == "aux"
                    ):
                        # "will send a team to help identify victims": sending help is aid
                        helped = self.lex.lookup("V", lemma, set(), {"help": 1})
                        if helped is not None:
                            return helped, v
        if vm and vm.code.startswith("080") and lemma in OPENING and depth < 3:
            # "opened the bridge to allow the delivery of grain to X": allowing aid in (0863)
            for c in v.children:
                purpose = c.dep_ == "advcl" and any(a.lower_ == "to" for a in c.children)
                if purpose and self.verb_lemma(c) in PERMITTING:
                    inner = self.code_verb(c, depth + 1)
                    if inner and inner[0].code.startswith("086"):
                        return inner[0], v
        return None

    def _recoded_verb(
        self, v: Any, lemma: str, parts: set[str], vm: Match | None, bag: dict[str, int]
    ) -> tuple[Match, Any] | None:
        """The verb's match when cued, else what the verb amounts to: an attack the plain
        reading misses, peacekeepers arriving, a claim, a protest, an order, an insistence, a
        want of someone; None to go on."""
        attack = self._attack_reading(v, vm, lemma, parts)
        if attack is not None:
            return attack, v
        if vm and vm.code == "042" and self._peacekeepers_arrive(v):
            # "the first peacekeepers arrived in X": a deployment, not a visit
            return Match(replace(vm.entry, code="074"), vm.cue), v
        if vm and vm.entry.cues:
            return vm, v
        if lemma == "claim" and self._claimed_act(v) is not None:
            # "The US claimed that ISIL had attacked Iraq": an allegation against ISIL
            return self.lex.lookup("V", "allege", set(), bag) or vm, v  # type: ignore[return-value]
        if lemma == "protest" and any(
            c.dep_ == "ccomp" and any(d.dep_ in SUBJ for d in c.children) for c in v.children
        ):
            # "Iran protested that Israeli jets violated its airspace": a complaint, no rally
            return self.lex.lookup("V", "complain", set(), bag) or vm, v  # type: ignore[return-value]
        if (
            lemma == "order"
            and (vm is None or not vm.entry.cues)
            and any(c.dep_ == "dobj" for c in v.children)
            and any(c.dep_ == "xcomp" for c in v.children)
        ):
            # "a judge ordered Menem to appear for questioning": a demand on Menem (the caller
            # drops it when the object is nobody or the source's own forces)
            if orders_envoys_out(v, self.verb_lemma):  # envoys ordered out: an expulsion
                return self.lex.lookup("V", "expel", set(), {"diplomat": 1}) or vm, v  # type: ignore[return-value]
            return self.lex.lookup("V", "demand", set(), bag) or vm, v  # type: ignore[return-value]
        if lemma == "insist" and (vm is None or not vm.entry.cues) and _mandative(v):
            # "Putin insisted that Kyiv amend its constitution": a demand on Kyiv
            return self.lex.lookup("V", "demand", set(), bag) or vm, v  # type: ignore[return-value]
        if lemma in WANTING and self._wants_of_someone(v):
            # "Obama wants Putin to attack Switzerland": an appeal to Putin
            return self.lex.lookup("V", "urge", set(), bag) or vm, v  # type: ignore[return-value]
        return None

    def _complement_intent(self, v: Any, lemma: str, depth: int) -> tuple[Match, Any] | None:
        """A commissive or threatening verb's to-complement coded as intent, threat or refusal
        ("agreed to lift the embargo", "vowed not to return"); None to go on."""
        if lemma in COMMISSIVE | THREATENING and depth < 3:
            # "agreed to lift the embargo" = intent to ease sanctions (0354); "threatened to
            # cut off electricity" = threat to reduce aid (131): the complement's act, as intent
            for c in v.children:
                # (the parser sometimes makes the to-complement an advcl: "have sworn to fight")
                to_clause = c.dep_ == "advcl" and any(
                    a.dep_ == "aux" and a.lower_ == "to" for a in c.children
                )
                if (c.dep_ == "xcomp" or to_clause) and c.pos_ == "VERB":
                    inner = self.code_verb(c, depth + 1)
                    if inner and any(n.dep_ == "neg" for n in c.children):
                        # "vowed not to return the Golan Heights": a refusal, never an intent
                        root = inner[0].code[:2]
                        if lemma in COMMISSIVE and root in REFUSABLE:
                            return Match(replace(inner[0].entry, code=REFUSAL[root]), None), v
                        continue
                    code = intent_code(inner[0].code) if inner else None
                    if inner and code and (lemma in COMMISSIVE or code.startswith("13")):
                        return Match(replace(inner[0].entry, code=code), inner[0].cue), v
        return None

    def _event_noun_match(self, v: Any, lemma: str, vm: Match | None) -> tuple[Match, Any] | None:
        """The event noun a light or unknown verb carries ("held talks"), or the subject of an
        ongoing verb ("the talks continued"); None to go on."""
        if lemma in LIGHT or vm is None:
            for c in v.children:
                if c.dep_ in ("dobj", "attr") and c.pos_ == "NOUN":
                    nm = self.lex.lookup("N", c.lemma_.lower(), set(), self.bag(c))
                    if nm:
                        return nm, c
        if (
            lemma in ONGOING
            and (vm is None or lemma in LIGHT)
            and not any(c.dep_ == "dobj" for c in v.children)
        ):
            for c in v.children:
                if c.dep_ == "nsubj" and c.pos_ == "NOUN":
                    nm = self.lex.lookup("N", c.lemma_.lower(), set(), self.bag(c))
                    if nm:
                        return nm, c
        return None

    def _add_to_clause(self, v: Any, bag: dict[str, int]) -> None:
        """ "agreed at their meeting to implement a ceasefire": the parser makes the to-clause
        an advcl, but it is the complement that names what was agreed; add its words."""
        for c in v.children:
            if c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                # one step further than the verb's own complements, which win a tie
                for w, d in self.bag(c).items():
                    bag[w] = min(bag.get(w, d + 2), d + 2)
                bag.setdefault(c.lemma_.lower(), 2)

    def _retaliation_means(
        self, v: Any, lemma: str, parts: set[str], depth: int
    ) -> tuple[Match, Any] | None:
        """The act a participle names under a response verb ("retaliated, expelling ...")."""
        if depth >= 3 or not (lemma in RETALIATING or (lemma in BACK_VERBS and "back" in parts)):
            return None
        for c in v.children:
            if _participle_adjunct(c):
                inner = self.code_verb(c, depth + 1)
                if inner is not None:
                    return inner[0], c
        return None

    def _means_of_response(self, v: Any) -> bool:
        """Is v the participle that names a response's act (coded on the response verb)?"""
        if not _participle_adjunct(v):
            return False
        h = v.head
        lemma = self.verb_lemma(h)
        return lemma in RETALIATING or (lemma in BACK_VERBS and "back" in self.particles(h))

    def _received(self, v: Any) -> tuple[Match, list[Mention]] | None:
        """`X received weapons from Y` is Y providing X with weapons: (Y's code, Y)."""
        givers: list[Mention] = []
        objs = [c for c in v.children if c.dep_ == "dobj"]
        for c in [*v.children, *(c for o in objs for c in o.children)]:
            if c.dep_ == "prep" and c.lower_ == "from" and not givers:
                for p in c.children:
                    if p.dep_ == "pobj":
                        givers = self.group_mentions(p)
        if not givers or not any(c.dep_ == "dobj" for c in v.children):
            return None
        bag = self.bag(v, {"dobj"})
        if self.verb_lemma(v) == "face":
            # "Israel faces pressure/criticism/sanctions from the US": the US's act on Israel
            for o in objs:
                m = self.lex.lookup("N", o.lemma_.lower(), set(), self.bag(o))
                if m is not None:
                    return m, givers
            return None
        for giving in ("provide", "give", "offer"):
            m = self.lex.lookup("V", giving, set(), bag)
            if m and m.entry.cues:
                return m, givers
        return None

    def sentence(self, sent: Any) -> list[Found]:
        """Events of one sentence: each verb that codes to an act goes through the stages
        below in order (who acted, on whom, recoded by who they are, in what mode, as which
        pairs); a stage that finds no event for the verb drops it."""
        self._resolve_sentence_mentions(sent)
        found: list[Found] = []
        aimed_at: dict[int, list[Mention]] = {}  # verb index -> its targets, for adjuncts
        for v in sent:
            cl = self._coded_clause(v, sent)
            if cl is None or not self._clause_sources(cl):
                continue
            self._direct_targets(cl)
            self._recode_by_actors(cl)
            self._targets_from_toll_site_or_purpose(cl)
            self._place_borrowed_victims(cl)
            self._targets_from_adjuncts(cl)
            self._targets_from_place_or_home(cl)
            self._targets_of_head_act(cl, aimed_at)
            if self._lacks_needed_target(cl) or not self._clause_mode(cl):
                continue
            found.extend(self._clause_events(cl))
        return self._merge_sentence_events(sent, found)

    def _resolve_sentence_mentions(self, sent: Any) -> None:
        """Resolve the named mentions in reading order first, so that pronouns see this
        sentence's actors. (An event noun the parser hung on a welcoming verb as a clause is
        already its object: the parse_repairs component, ingest/_nlp.py.)"""
        # resolve named mentions in reading order first so pronouns see this sentence's actors
        for t in sent:
            if t.pos_ == "PRON" and t.dep_ in ("nsubj", "nsubjpass", "dobj", "poss", "pobj"):
                self.mentions(t)
            elif t.pos_ == "PROPN" or (
                t.pos_ == "NOUN"
                and t.dep_ in ("nsubj", "dobj", "pobj", "nsubjpass")
                and (t.ent_type_ in NAME_ENTS or t.lower_ in ACTORISH or t.lemma_ in ACTORISH)
            ):
                if t.dep_ in ("compound", "amod", "nmod") and t.head.pos_ in ("PROPN", "NOUN"):
                    continue
                self.mentions(t)

    def _coded_clause(self, v: Any, sent: Any) -> Clause | None:
        """The act a verb codes to (a known verb, not absorbed by another clause), or
        None; "received a visit from X" codes the giver's act."""
        if v.pos_ != "VERB" and not _mistagged_conj_verb(v):
            return None
        lemma = self.verb_lemma(v)
        known = ("V", lemma) in self.lex or lemma in LIGHT | RECEIVING | ONGOING
        if not known and not (lemma in WANTING and self._wants_of_someone(v)):
            return None
        if self.absorbed(v) or _reduced_relative(v):
            return None
        coded = self.code_verb(v)
        received = None
        if lemma in RECEIVING and (coded is None or not coded[0].entry.cues):
            received = self._received(v)
            if received is not None:
                coded = (received[0], v)
        if coded is None:
            return None
        match, trigger = coded
        return Clause(v, sent, lemma, match, trigger, received)

    def _clause_sources(self, cl: Clause) -> bool:
        """Who acted: the subjects, the giver of a received act, the state for a passive state act,
        the weapon's owner, the speaker ruling an act out; False when nobody did."""
        v, match, received = (cl.v, cl.match, cl.received)
        sources, inherited, passive = self.subjects(v)
        if received is not None and not passive:
            # the giver acts on the receiver
            sources, receivers = received[1], sources
            keys = {m.ref.key for m in sources}
            receivers = [m for m in receivers if m.ref.key not in keys]
        else:
            receivers = None
        if not sources and passive and match.code.startswith(STATE_ACTS):
            # "two journalists were arrested in Tehran": only the state arrests there
            sources = self._authorities(v)
            inherited = True
        agentless = False
        if not sources and match.code[:2] in AGENTLESS_ROOTS:
            # "were killed in Israeli tank shelling", "a roadside bomb killed ...": the
            # weapon's owner when the phrase names one, else explicitly nobody
            sources = self._agentless(v, passive)
            agentless = bool(sources) and sources[0].ref.country is None
            weapon = _weapon_code(sources[0].text) if sources else None
            if weapon and (match.code.startswith("182") or weapon[:2] == "19"):
                # killed *by shelling* is 194; blown up by a missile is 195
                match = replace(match, entry=replace(match.entry, code=weapon))
        ruled_out = False
        if not sources and v.dep_ == "csubj" and _rules_out(v.head):
            # "US officials said removing the sanctions is out of the question": the
            # speaker refuses the act
            h = v.head
            if h.dep_ == "ccomp" and h.head.lemma_.lower() in SPEECH | REPORTING:
                sources, inherited, _ = self.subjects(h.head)
                ruled_out = match.code[:2] in REFUSABLE
                if not ruled_out:
                    sources = []
        if not sources:
            return False
        if match.code == "190":
            match = _armed_attack(match, sources, v)
        if match.code[:2] == "14" and all(
            not m.ref.country and not m.ref.is_person and not m.ref.aliases for m in sources
        ):
            # "thousands of people blocked streets in Hong Kong": a crowd nobody names is
            # the people of the place it protests in
            here = self._place(v, [], own_ok=True)
            if here and here[0].ref.country:
                sources = [
                    Mention(replace(m.ref, country=here[0].ref.country), m.text, "guess")
                    for m in sources
                ]
        cl.sources, cl.inherited, cl.passive, cl.receivers, cl.agentless, cl.ruled_out, cl.match = (
            sources,
            inherited,
            passive,
            receivers,
            agentless,
            ruled_out,
            match,
        )
        return True

    def _direct_targets(self, cl: Clause) -> None:
        """On whom, as the clause says it: the receivers of a received act, the verb's own targets,
        else the actors under an event noun that coded it."""
        v, match, trigger, sources, passive, receivers = (
            cl.v,
            cl.match,
            cl.trigger,
            cl.sources,
            cl.passive,
            cl.receivers,
        )
        if receivers is not None:
            targets, how = receivers, ("direct" if receivers else "none")
        else:
            targets, how = self.targets(v, match, sources, passive)
        if trigger is not v and not targets:
            targets = self._actors_under(trigger, {m.ref.key for m in sources})
            how = "deep" if targets else "none"
            if not targets:
                owner, how2 = self._object_actors(trigger, {m.ref.key for m in sources})
                targets, how = (owner, how2) if how2 == "event" else ([], "none")
        cl.targets, cl.how = targets, how

    def _recode_by_actors(self, cl: Clause) -> None:
        """The code the actors make of the act: a claim of one's own act, a state protesting,
        rioters destroying, a UN body expelled, one's own forces trained, joint exercises."""
        v, match, lemma, trigger, sources, ruled_out, targets, how = (
            cl.v,
            cl.match,
            cl.lemma,
            cl.trigger,
            cl.sources,
            cl.ruled_out,
            cl.targets,
            cl.how,
        )
        code = REFUSAL[match.code[:2]] if ruled_out else match.code
        if lemma == "claim" and code.startswith("112") and self._claims_own_act(v, sources):
            code = "015"  # "the US claimed that they had attacked Iraq": responsibility
        if code == "140" and lemma == "protest" and all(m.ref.kind != "group" for m in sources):
            code = "114"  # a state or official protesting is a formal complaint (GUIDELINES)
        if code == "1712" and all(_rioters(m.text) for m in sources):
            # "the building was demolished by a protester": a crowd destroying property
            # is a violent protest (145), not a state's coercion
            code = "145"
        if code.startswith("174") and targets and all(t.ref.country == "IGO" for t in targets):
            # expelling a UN agency or mission is expelling international involvement
            code = "166"
        own = {m.ref.country for m in sources if m.ref.country}
        trained = (
            [m for c in v.children if c.dep_ == "dobj" for m in self.group_mentions(c)]
            if code.startswith("062") and lemma == "train"
            else []
        )
        if trained and own and all(m.ref.country in own for m in trained):
            # training one's own forces or hackers builds force (154), aimed at whoever
            # the trained are meant for ("capable of cyber warfare against the US")
            code = "154"
            keys = {m.ref.key for m in sources} | {m.ref.key for m in trained}
            objs = [c for c in v.children if c.dep_ == "dobj"]
            deeper = [m for o in objs for m in self._actors_under(o, keys, max_depth=7)]
            targets = [m for m in deeper if m.ref.country not in own][:1]
            how = "deep" if targets else "none"
        if code == "150" and len({m.ref.country for m in sources}) > 1:
            code = "062"  # exercises by two countries together are joint exercises
        if code[:2] == "04" and how == "deep":
            # talks *about* sanctions on X are not talks with X; a meeting with/between X is
            targets = self._partners(trigger if trigger is not v else v, sources)
            how = "direct" if targets else "none"
        cl.code, cl.own, cl.targets, cl.how = code, own, targets, how

    def _targets_from_toll_site_or_purpose(self, cl: Clause) -> None:
        """Targets a violent act's toll, an unknown site's country or a rally's purpose names."""
        v, code, sources, targets, how = (cl.v, cl.code, cl.sources, cl.targets, cl.how)
        if not targets and code[:2] in ("18", "19", "20"):
            # "bombarded part of the city, killing eight people": the toll names the victims
            for c in v.children:
                toll_of = self._toll_of(c)
                if toll_of is not None and toll_of.i == v.i:
                    for o in c.children:
                        if o.dep_ == "dobj":
                            targets, how = self._object_actors(o, {m.ref.key for m in sources})
                    if targets:
                        break
        if targets and all(
            t.via == "guess" and not t.ref.country and not t.ref.is_person for t in targets
        ):
            # "dispatched inspectors to Esfahan Uranium Conversion Facilities in central
            # Iran": an unknown site stands for the country it is in
            located = self._place(v, sources) or self._place_above(targets, v, sources)
            if located:
                targets, how = located, "place"
        if code == "053":
            # "mobilized lobby groups to help support the Palestinians": the groups are the
            # means; the rally is on behalf of whoever its purpose names
            keys = {m.ref.key for m in sources}
            for c in v.children:
                if c.dep_ == "advcl" and any(
                    a.dep_ == "aux" and a.lower_ == "to" for a in c.children
                ):
                    helped = self._actors_under(c, keys, max_depth=6)
                    if helped:
                        targets, how = helped[:1], "deep"
                        break
        cl.targets, cl.how = targets, how

    def _place_borrowed_victims(self, cl: Clause) -> None:
        """Victims who only borrowed the attacker's country are the people of the place they were
        hit in."""
        v, code, sources, own, targets = (cl.v, cl.code, cl.sources, cl.own, cl.targets)
        if targets and code[:2] in AGENTLESS_ROOTS and own:
            # "Russian troops attacked civilians at a market in Kyiv": victims who only
            # borrowed the attacker's country are the people of the place they were hit in
            # ("Israeli strikes killed 20 people in Rafah": victims with no country at all
            # are placed the same way)
            borrowed = [
                t
                for t in targets
                if not t.ref.is_person
                and (
                    (t.ref.country in own and not self._own_country(t))
                    or (not t.ref.country and not t.ref.aliases and t.ref.kind == "group")
                )
            ]
            located = self._place(v, sources) if borrowed else []
            for c in v.children if borrowed and not located else ():
                # "killed 23 people when they blew themselves up in Tel Aviv"
                if c.dep_ == "advcl" and any(
                    m.dep_ in ("advmod", "mark") and m.lower_ in ("when", "as", "while")
                    for m in c.children
                ):
                    located = located or self._place(c, sources)
            for c in v.children if borrowed and not located else ():
                # "Israeli strikes on Rafah killed 20 people": the weapon's aim places them
                if c.dep_ == "nsubj" and c.lower_ in WEAPON_NOUNS:
                    own_states = {m.ref.country for m in sources}
                    located = self._place_of(c, own_states, frozenset(("on", "in")))
            if located and located[0].ref.country:
                there = located[0].ref.country
                moved = []
                for t in targets:
                    if t in borrowed:
                        local = self._resolve(t.text, there)
                        ok = local is not None and local.country == there
                        t = Mention(
                            local if ok and local else replace(t.ref, country=there),
                            t.text,
                            "guess",
                        )
                    moved.append(t)
                targets = moved
        cl.targets = targets

    def _targets_from_adjuncts(self, cl: Clause) -> None:
        """Targets from the clause's adjuncts when it named none: whom aid may reach, a purpose,
        talks' partners, the mediated parties, a protest's aim."""
        v, sent, lemma, match, code, sources, targets, how = (
            cl.v,
            cl.sent,
            cl.lemma,
            cl.match,
            cl.code,
            cl.sources,
            cl.targets,
            cl.how,
        )
        if not targets and code.startswith("086") and lemma in OPENING:
            # "... to allow the delivery of grain to Afghanistan": whom the aid may reach
            for c in v.children:
                if c.dep_ == "advcl" and self.verb_lemma(c) in PERMITTING:
                    targets = self._actors_under(c, {m.ref.key for m in sources}, 6)
                    how = "deep" if targets else "none"
                    break
        if not targets and (code[:2] in ("07", "17", "18", "19") or code.startswith("033")):
            # "sent material to help defend Saudi Arabia": the purpose names the beneficiary;
            # "opened fire to disperse demonstrators": it names whom the force is used on
            targets = self._purpose_target(v, sources)
            how = "deep" if targets else "none"
        if not targets and code[:2] == "04" and match.entry.target in ("none", None):
            # "returned to Geneva for talks with X", "spoke by phone with X": the partner,
            # never the place
            targets = self._partners(v, sources)
            how = "direct" if targets else "none"
        if not targets and code.startswith("045"):
            # "the US brokered the agreement": the parties the article named before
            named = frozenset(
                m.ref.key for i in range(sent.start, sent.end) for m in self._cache.get(i, ())
            )
            targets = mediated_parties(self.memory, named, sources)
            how = "coref" if targets else "none"
        if code[:2] == "14" and how == "deep" and all(t.ref.kind == "country" for t in targets):
            # "blocked streets in Hong Kong in defiance of Chinese authorities": the place
            # a phrase names yields to the protest's declared aim
            aim = self._protest_aim(v, sources)
            if aim:
                targets = aim
        if not targets and code[:2] == "14":
            # "blocked a road to show their anger at X", "in defiance of X"
            targets = self._protest_aim(v, sources)
            how = "deep" if targets else "none"
        cl.targets, cl.how = targets, how

    def _targets_from_place_or_home(self, cl: Clause) -> None:
        """Targets by place when the clause named none: the place mourned or acted in, the actors'
        own authorities, whoever a threat's condition is about."""
        v, match, code, sources, targets, how = (
            cl.v,
            cl.match,
            cl.code,
            cl.sources,
            cl.targets,
            cl.how,
        )
        if not targets and code.startswith("018"):
            # "expressed sorrow for the shootings in Ohio": condolences go to the state
            # where the mourned event happened
            targets = [
                m
                for h in (v, *(o for o in v.children if o.dep_ == "dobj"))
                for c in h.children
                if c.dep_ == "prep" and c.lower_ in ("for", "over", "at", "after")
                for p in c.children
                if p.dep_ == "pobj" and p.pos_ == "NOUN"
                for m in self._place_of(p, set(), frozenset(["in", "at"]))
            ][:1]
            how = "place" if targets else "none"
        if not targets and code[:2] in LOCATION_TARGET_ROOTS:
            targets = self._place(v, sources, own_ok=code[:2] in ("08", "14", "17"))
            how = "place" if targets else "none"
        if not targets and code == "080" and match.cue in PROTEST_NOUNS:
            # "the union called off its strike": it yields to its own authorities, whom a
            # protest with no named target is against
            targets = self._home(sources)
            how = "place" if targets else "none"
        if not targets and code.startswith(HOME_CODES):
            # a protest with no named target is against the protesters' own authorities
            targets = self._home(sources)
            how = "place" if targets else "none"
        if not targets and code[:2] == "12" and self._refuses_to_resign(v):
            # "the minister refused to step down": a stand-off with his own country
            targets = self._home(sources)
            how = "place" if targets else "none"
        if not targets and code[:2] == "13":
            # "threatened to stop talks if the United States goes ahead": the threatened
            # party is whoever the condition is about
            targets = self._condition_subject(v, {m.ref.key for m in sources})
            how = "deep" if targets else how
        cl.targets, cl.how = targets, how

    def _targets_of_head_act(self, cl: Clause, aimed_at: dict[int, list[Mention]]) -> None:
        """An adjunct act falls on whom the act it hangs on fell on; an unnamed crowd defying a
        state is that state's people; remember this verb's targets for its adjuncts."""
        v, code, sources, targets, how = (cl.v, cl.code, cl.sources, cl.targets, cl.how)
        if (
            not targets
            and v.tag_ == "VBG"
            and v.dep_ in ("advcl", "conj")
            and not any(c.dep_ in SUBJ for c in v.children)
        ):
            # "opened fire to disperse X, killing one and arresting 12": the adjunct act
            # falls on whoever the act it hangs on fell on
            h = v.head
            while h.i not in aimed_at and h.tag_ == "VBG" and h.dep_ in ("advcl", "conj"):
                h = h.head  # "killing one and arresting 12": through the conjunct chain
            inherited_targets = aimed_at.get(h.i, [])
            if inherited_targets:
                targets, how = inherited_targets, "deep"
        if (
            code[:2] == "14"
            and targets
            and all(
                not m.ref.country and not m.ref.is_person and not m.ref.aliases for m in sources
            )
            and len({t.ref.country for t in targets}) == 1
            and all(t.ref.kind in STATE_KINDS or t.ref.is_person for t in targets)
            and targets[0].ref.country not in (None, "IGO")
        ):
            # "Islamic fundamentalists went on strike to demand the president's resignation":
            # an unnamed crowd defying a state's own authorities is that state's people
            sources = [
                Mention(replace(m.ref, country=targets[0].ref.country), m.text, "guess")
                for m in sources
            ]
        if targets:
            aimed_at[v.i] = targets
        cl.targets, cl.how, cl.sources = targets, how, sources

    def _lacks_needed_target(self, cl: Clause) -> bool:
        """True when the act needs a target it lacks, or is no interaction at all
        (attacking oneself, ordering one's own, a body in session, naming something)."""
        v, lemma, code, sources, targets = (cl.v, cl.lemma, cl.code, cl.sources, cl.targets)
        if (
            not targets
            and code[:2] in ("18", "19", "20")
            and any(c.dep_ == "dobj" and c.lower_ in REFLEXIVES for c in v.children)
        ):
            return True  # "had attacked themselves", "killed himself": no one else is hit
        if code.startswith(NEEDS_TARGET) and (not targets or self._denial_unanswered(v, targets)):
            return True
        if lemma == "order" and code[:2] == "10" and not targets:
            return True  # "ordered troops to withdraw": a command to one's own, no demand
        if (
            not targets
            and len(sources) == 1
            and code[:2] == "04"
            and lemma == "meet"
            and not any(c.dep_ == "dobj" for c in v.children)
        ):
            return True  # "the cabinet met on Sunday": a body in session, not an interaction
        # "what it called its involvement" names something, no phone call
        return code == "041" and lemma == "call" and any(c.dep_ == "oprd" for c in v.children)

    def _clause_mode(self, cl: Clause) -> bool:
        """The mode (negated, hypothetical, future) and what it makes of the code: conditional
        offers and threats, refusals, announced intents; False when no relation is left."""
        v, sent, code, trigger, agentless, targets = (
            cl.v,
            cl.sent,
            cl.code,
            cl.trigger,
            cl.agentless,
            cl.targets,
        )
        mode = self.mode(v, sent)
        if mode == "hypothetical" and code[:2] == "13" and trigger is v and warning_made(v):
            mode = None  # "warned X of penalties if they fail": the warning was made
        scheduled = mode in (None, "future") and planned(v)  # ingest/_modality.py
        if scheduled:
            mode = "future"  # a calendar entry or an agreement's term: no act, no intent
        cond = self._condition(v) if mode == "hypothetical" and self._future(v) else None
        if cond is not None:
            # "will withdraw its force unless ...", "said they would meet him if ...": a
            # conditional announcement is an offer (03) or a threat (13), asserted now
            intent = intent_code(code)
            if cond == "unless" and (intent is None or not intent.startswith("13")):
                intent = "130" if code[:2] not in ("01", "02", "10", "11", "12") else None
            if intent is not None:
                code, mode = intent, "future"
        if (
            mode == "negated"
            and code.startswith(("03", "057"))
            and v.dep_ == "xcomp"
            and v.head.lemma_.lower() in FAILING
        ):
            # "failed to reach agreement": CAMEO codes the failed agreement as a rejection
            code, mode = "120", None
        if mode == "negated" and self._future(v) and code[:2] in REFUSABLE:
            # "said he would not provide support to Israel": a refusal, asserted now
            code, mode = REFUSAL[code[:2]], None
        calendar = self._calendar(v) if mode == "future" and not scheduled else None
        if calendar and code[:2] == "04":
            mode = None  # a scheduled meeting is reported as the meeting
        elif calendar == "prepare" and code[:2] in ("18", "19", "20"):
            code, mode = "150", None  # preparing an attack shows military power
        announced = False
        if mode == "future" and not scheduled:
            # announced future acts are intents (03) or threats (13), asserted now
            intent = intent_code(code)
            if intent is not None:
                code, mode, announced = intent, None, True
        elif mode == "obligation":
            mode = "hypothetical"  # the obliged act has not happened; see _obligations
        # an intent is dated when it is expressed, not when the act is planned for
        if agentless:
            # the victims' country must be in their own words, not borrowed from the
            # reporter of the sentence ("a UK-based group said eight people were killed")
            targets = [t for t in targets if self._own_country(t)]
        if agentless and not any(t.ref.country for t in targets):
            return False  # nobody named did it to nobody placed: no relation to record
        cl.code, cl.mode, cl.scheduled, cl.announced, cl.targets = (
            code,
            mode,
            scheduled,
            announced,
            targets,
        )
        return True

    def _clause_events(self, cl: Clause) -> list[Found]:
        """The clause's events, one per (source, target) pair; remembers the act for
        later anaphora ("the attack") and named acts."""
        v, sent, match, trigger, sources, inherited, how, code, mode, announced = (
            cl.v,
            cl.sent,
            cl.match,
            cl.trigger,
            cl.sources,
            cl.inherited,
            cl.how,
            cl.code,
            cl.mode,
            cl.announced,
        )
        date_expr = None if announced else date_phrase(v)
        action = self.action_text(v, trigger)
        pairs, how = self._clause_pairs(cl, how)
        found: list[Found] = []
        for s, t in pairs:
            if t is not None and code[:2] in RECIPROCAL_ROOTS and s.ref.key == t.ref.key:
                continue
            if _placeless_guess(s) and (t is None or _placeless_guess(t)):
                continue  # "a protestor demolished the building": no actor for the graph
            found.append(
                Found(
                    s,
                    t,
                    code,
                    match,
                    trigger,
                    action,
                    mode,
                    date_expr,
                    sent,
                    self.confidence(s, t, how, match, inherited),
                    inherited,
                    how,
                )
            )
        group = (
            EVENT_ANAPHORA.get(trigger.lemma_.lower())
            or EVENT_ROOT_ANAPHORA.get(code[:3])
            or EVENT_ROOT_ANAPHORA.get(code[:2])
        )
        if group and mode is None:
            self.memory.remember_event(group, [m.ref for m in sources])
            self.memory.event_bags[group] = list(self.bag(trigger).keys())
        if trigger is v and mode is None:
            self._remember_named_act(v)
        return found

    def _clause_pairs(
        self, cl: Clause, how: str
    ) -> tuple[list[tuple[Mention, Mention | None]], str]:
        """(source, target) pairs: sources acting with each other on a mutual act, else
        each source on each target, both ways for talks, calls, deals and clashes."""
        v, lemma, match, trigger, sources, targets, code, mode = (
            cl.v,
            cl.lemma,
            cl.match,
            cl.trigger,
            cl.sources,
            cl.targets,
            cl.code,
            cl.mode,
        )
        pairs: list[tuple[Mention, Mention | None]] = []
        mutual = (
            lemma in RECIPROCAL_VERBS
            or trigger.lemma_.lower() in MUTUAL_WORDS
            or (code == "062" and match.code == "150")
            or mutual_complement(v, self.verb_lemma, RECIPROCAL_VERBS)
        )
        each_other = len(sources) > 1 and says_each_other(self.clause_tokens(v))
        # (a target of no country is no party: "the two leaders agreed that their envoys
        # would meet" is the leaders agreeing with each other)
        stateless = all(not t.ref.country for t in targets)
        if each_other or (
            (not targets or how in ("deep", "place") or stateless)
            and len(sources) > 1
            and (code[:2] in RECIPROCAL_ROOTS or match.code[:2] in RECIPROCAL_ROOTS)
            and mutual
        ):
            # "A and B signed a deal on Iran": A and B with each other, not with Iran
            pairs = [(a, b) for a in sources for b in sources if a.ref.key != b.ref.key]
            how = "reciprocal"
        else:
            pairs = [(s, t) for s in sources for t in (targets or (None,))]
            if (
                mode is None
                and how not in ("deep", "place", "none")
                and (
                    (
                        code.startswith(SYMMETRIC_CODES)
                        and trigger.lemma_.lower() in MUTUAL_WORDS - ONE_WAY_WORDS
                        # "held a meeting with" is one way like "met with"
                        and not any(
                            c.dep_ == "dobj" and c.lemma_.lower() in ONE_WAY_WORDS
                            for c in trigger.children
                        )
                    )
                    or lemma in SYMMETRIC_VERBS
                )
            ):
                # talks, calls, deals and clashes take two: "X held talks with Y" -> Y with X
                pairs += [(t, s) for s, t in pairs if t is not None]
        return pairs, how

    def _merge_sentence_events(self, sent: Any, found: list[Found]) -> list[Found]:
        """Add obligations and judgements, drop postures and framings, and merge one act
        coded with and without a target."""
        found.extend(self._obligations(sent))
        found.extend(self._judgements(sent, found))
        found = [f for f in found if not posture(self, f.trigger) and not framing_what(f, found)]

        # one act coded with and without a target ("summoned the envoy to complain") is one event
        def key(f: Found) -> tuple:
            return (f.source.ref.key, f.code[:2], f.mode, f.date_expr)

        aimed = {key(f) for f in found if f.target is not None}
        return [f for f in found if f.target is not None or key(f) not in aimed]

    def _denial_unanswered(self, v: Any, targets: list[Mention]) -> bool:
        """`denied arming the militia` answers no accuser, unless a target is the state whose
        organs made the latest accusation in the article (the denial is 016 toward it)."""
        accusers = {r.country for r in self.memory.event_sources.get("accusation", [])}
        return denial_without_accuser(v) and not any(
            t.ref.country in accusers and t.ref.kind in STATE_ORGANS for t in targets
        )

    def _remember_named_act(self, v: Any) -> None:
        """`welcomed the US strikes on Syria`: later "the strikes" or "them" are the US."""
        for c in v.children:
            group = EVENT_ANAPHORA.get(c.lemma_.lower())
            # (the parser may hang a plural noun object as a clause: "welcomed the US strikes")
            obj = c.dep_ == "dobj" or (c.dep_ == "ccomp" and c.tag_ in ("NN", "NNS"))
            if not obj or group not in ("attack", "sanction"):
                continue
            owners = [m.ref for m in self._event_owner(c)]
            if owners:
                self.memory.remember_event(group, owners)
            refs = owners or self.memory.event_source(c.lemma_.lower())
            if refs and c.tag_ == "NNS":
                self.memory.plural_act = (id(c.doc), c.sent.end, refs)

    def _protest_aim(self, v: Any, sources: list[Mention]) -> list[Mention]:
        """Whom a protest is aimed at when no object says so: the actor in its purpose clause
        (`to show their disapproval of X's policies`) or in `in defiance/protest of X`."""
        exclude = {m.ref.key for m in sources}
        own = {m.ref.country for m in sources}
        for c in v.children:
            aim = None
            if c.dep_ == "prep" and c.lower_ == "in":
                aims = [p for p in c.children if p.dep_ == "pobj"]
                aim = next((p for p in aims if p.lemma_.lower() in PROTEST_AIMS), None)
            elif c.dep_ == "advcl" and any(a.lower_ == "to" for a in c.children if a.dep_ == "aux"):
                aim = c  # a purpose clause
            if aim is None:
                continue
            ms = self._actors_under(aim, exclude)
            if ms:
                return ms
            for t in aim.subtree:  # "their disapproval of the United States' policies"
                if t.pos_ == "NOUN" and t.i != aim.i:
                    ms = [m for m in self._owner(t, exclude) if m.ref.country not in own]
                    if ms:
                        return ms
        return []

    def _purpose_target(self, v: Any, sources: list[Mention]) -> list[Mention]:
        """The object of a purpose clause (`to help defend X`) on v; only a direct object, not
        any place deeper in it (`to help identify victims of the crash in Ukraine`)."""
        exclude = {m.ref.key for m in sources}
        for c in v.children:
            if c.dep_ == "advcl" and any(a.lower_ == "to" for a in c.children if a.dep_ == "aux"):
                verbs = [c] + [x for x in c.children if x.dep_ == "xcomp"]
                for o in (o for x in verbs for o in x.children if o.dep_ in ("dobj", "dative")):
                    ms = [m for m in self.group_mentions(o) if m.ref.key not in exclude]
                    if ms:
                        return ms
        return []

    def _home(self, sources: list[Mention]) -> list[Mention]:
        make = getattr(self.resolver, "country", None)
        out = []
        for m in sources:
            if m.ref.country and m.ref.country != "IGO" and callable(make):
                r = make(m.ref.country)
                if r is not None:
                    ref = Ref(r.name, r.country, r.kind)
                    if ref.key != m.ref.key:
                        out.append(Mention(ref, r.name, "guess"))
        return out[:1]

    def _place(self, v: Any, sources: list[Mention], own_ok: bool = False) -> list[Mention]:
        """`protested in Beijing`: a foreign place as the target when nothing else is."""
        own = set() if own_ok else {m.ref.country for m in sources}
        heads = [v] + [c for c in v.children if c.dep_ in ("dobj", "nsubjpass")]
        for h in heads:
            # "mounted an invasion of South Lebanon": an attack noun's "of" names the place hit
            attack = h is not v and h.lower_ in WEAPON_NOUNS
            found = self._place_of(h, own, PLACE_TARGET_PREPS | ({"of"} if attack else set()))
            if found:
                return found
        return []

    def _place_above(self, targets: list[Mention], v: Any, sources: list[Mention]) -> list[Mention]:
        """The place named on the words between an unplaced target and its verb (`an attack
        targeting shoppers at a mall in Nairobi`): the target is that place's people."""
        own = {m.ref.country for m in sources}
        keys = {m.ref.key for m in targets}
        for i in range(v.sent.start, v.sent.end):
            if not any(m.ref.key in keys for m in self._cache.get(i, ())):
                continue
            t = v.doc[i]
            while t.head.i != t.i and t.head.i != v.i:
                t = t.head
                found = self._place_of(t, own, PLACE_TARGET_PREPS)
                if found:
                    return found
        return []

    def _place_of(self, h: Any, own: set[str | None], preps: frozenset[str]) -> list[Mention]:
        """The state of the place a word's own in/at/... phrase names (`a mall in Nairobi`)."""
        for c in h.children:
            if c.dep_ != "prep" or c.lower_ not in preps:
                continue
            pobjs = [p for p in c.children if p.dep_ == "pobj"]
            for p in list(pobjs):
                for of in p.children:
                    # "the town of X", "a jail in northern Israel", "the capital Kabul"
                    # ("in defiance of X", "in protest of X" name an aim, not a place)
                    if of.dep_ == "prep" and (
                        of.lower_ == "in" or (of.lower_ == "of" and p.lower_ not in PROTEST_AIMS)
                    ):
                        pobjs += [q for q in of.children if q.dep_ == "pobj"]
                    elif of.dep_ == "appos" and of.ent_type_ == "GPE":
                        pobjs.append(of)
            for p in pobjs:
                if p.ent_type_ == "GPE":  # not seas, rivers, regions (LOC)
                    name = self._ent_text(p)
                    country = self._word_country(name)
                    if country and country not in own:
                        ref = self._resolve(name)
                        if ref is not None and ref.country == country:
                            return [Mention(ref, name, "guess")]
                        make = getattr(self.resolver, "country", None)
                        r = make(country) if callable(make) else None
                        if r is not None:
                            return [Mention(Ref(r.name, r.country, r.kind), name, "guess")]
                    if country is None:
                        # a province or state the resolver's actor table does not hold
                        found = self._place_phrase(p, own)
                        if found:
                            return found
                elif p.pos_ in ("NOUN", "PROPN"):
                    # "an upscale mall in Kenya's capital", "the Croatian town of Vukovar"
                    found = self._place_phrase(p, own)
                    if found:
                        return found
        return []

    def _place_phrase(self, p: Any, own: set[str | None]) -> list[Mention]:
        """A place phrase the parse did not tag as a GPE, via `resolve_place`: its state."""
        locate = getattr(self.resolver, "resolve_place", None)
        if not callable(locate):
            return []
        words = [t for t in p.subtree if t.dep_ not in ("relcl", "acl") and t.i >= p.left_edge.i]
        cut = [t for t in p.subtree if t.dep_ in ("relcl", "acl", "appos")]
        if cut:
            words = [t for t in words if t.i < min(t2.left_edge.i for t2 in cut)]
        text = " ".join(t.text for t in words).replace(" 's", "'s")
        country = locate(text) if text else None
        make = getattr(self.resolver, "country", None)
        if not country or country in own or not callable(make):
            return []
        r = make(country)
        return [Mention(self._ref(r), text, "guess")] if r is not None else []

    def _agentless(self, v: Any, passive: bool) -> list[Mention]:
        """The attacker of a violent act reported without one: the state or body the weapon
        phrase names, else `unattributed()`. Never the place or the article's country."""
        if passive:
            causes = [
                p
                for c in v.children
                if (c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in ("in", "by", "during")))
                for p in c.children
                if p.dep_ == "pobj"
            ]
            if any(c.dep_ == "nsubjpass" and c.lower_ in WEAPON_NOUNS for c in v.children):
                return []  # "a mortar bomb was fired at X": the weapon is no victim
        else:
            causes = [c for c in v.children if c.dep_ in SUBJ]
        texts = []
        for p in causes:
            if p.pos_ not in ("NOUN", "PROPN"):
                continue
            words = [t.text for t in self._np_tokens(p)]
            nxt = p.doc[p.i + 1] if p.i + 1 < len(p.doc) else None
            if nxt is not None and nxt.lower_ in WEAPON_NOUNS and nxt.tag_ == "VBG":
                words.append(nxt.text)  # "in Israeli tank shelling" parsed as tank + advcl
            elif p.pos_ != "NOUN" or p.lower_ not in WEAPON_NOUNS:
                continue
            texts.append(" ".join(words))
        if not texts:
            return []
        instrument = getattr(self.resolver, "resolve_instrument", None)
        nobody = getattr(self.resolver, "unattributed", None)
        for text in texts:
            r = instrument(text) if callable(instrument) else None
            if r is not None:
                return [Mention(self._ref(r), text, "named")]
        r = nobody() if callable(nobody) else None
        return [Mention(self._ref(r), texts[0], "guess")] if r is not None else []

    @staticmethod
    def _same_class(prior: Ref, tok: Any) -> bool:
        """A definite group noun may name a body ("the rebels" = the Houthis) but not another
        kind of people ("the rebels" are not the protesters named before)."""
        last = prior.name.split()[-1].lower() if prior.name else ""
        if last not in HUMAN_NOUNS:
            return True  # a named body ("Houthis", "Hamas")
        return last in (tok.lower_, tok.lemma_.lower())

    def _own_country(self, m: Mention) -> bool:
        """Whether a mention's country is written in its own words ("three Iraqi civilians")."""
        if not m.ref.country:
            return False
        if m.via == "coref" or m.ref.is_person:
            return True
        return any(self._word_country(w) == m.ref.country for w in m.text.split())

    @staticmethod
    def _ref(r: Any) -> Ref:
        """A resolver answer as a Ref."""
        return Ref(
            r.name,
            r.country,
            r.kind,
            tuple(getattr(r, "aliases", ()) or ()),
            getattr(r, "role", None),
            getattr(r, "gender", None),
        )

    def _authorities(self, v: Any) -> list[Mention]:
        """The government of the place a passive state act happened in (`arrested in Tehran`,
        `put under investigation in Italy`)."""
        heads = [v] + [p for c in v.children if c.dep_ == "prep" for p in c.children]
        for c in (c for h in heads for c in h.children):
            if c.dep_ == "prep" and c.lower_ in ("in", "from"):
                for p in c.children:
                    if p.dep_ == "pobj" and p.ent_type_ == "GPE":
                        country = self._word_country(self._ent_text(p))
                        make = getattr(self.resolver, "institution", None)
                        r = make(country, "government") if country and callable(make) else None
                        if r is None and country:
                            make = getattr(self.resolver, "country", None)
                            r = make(country) if callable(make) else None
                        if r is not None:
                            ref = Ref(r.name, r.country, r.kind)
                            return [Mention(ref, p.text, "guess")]
        return []

    def _partners(self, node: Any, sources: list[Mention]) -> list[Mention]:
        """Actors after `with`/`between` inside a meeting phrase (`a meeting with Obama`)."""
        exclude = {m.ref.key for m in sources}
        for t in self.clause_tokens(node):
            if t.dep_ == "prep" and t.lower_ in ("with", "between"):
                for p in t.children:
                    if p.dep_ == "pobj":
                        ms, _ = self._object_actors(p, exclude)
                        if ms:
                            return ms
        return []

    @staticmethod
    def _ent_text(tok: Any) -> str:
        """The whole entity a token is part of (`the Ivory Coast` for `Coast`)."""
        for ent in tok.sent.ents:
            if ent.start <= tok.i < ent.end:
                return ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
        return tok.text

    def _obligations(self, sent: Any) -> list[Found]:
        """`X said Y must/should do Z`: X demands it of Y (CAMEO 10, refined by the clause)."""
        out: list[Found] = []
        if not any(t.lower_ in OBLIGATION_AUX or t.lower_ == "to" for t in sent):
            return out
        for v in sent:
            if v.pos_ not in ("VERB", "AUX") or not any(
                c.dep_ in ("aux", "auxpass") and (c.lower_ in OBLIGATION_AUX or c.lower_ == "to")
                for c in v.children
            ):
                continue
            if self.mode(v, sent) != "obligation":
                continue
            speaker = self._in_speech(v)
            if speaker is None or self._protest_claim(speaker):
                continue  # "rallied against X, saying he must resign": part of the protest
            sources, inherited, _ = self.subjects(speaker)
            subj = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not sources or not subj:
                continue
            keys = {m.ref.key for m in sources}
            targets = [m for m in self.group_mentions(subj[0]) if m.ref.key not in keys]
            match = self.lex.lookup("V", "demand", set(), {v.lemma_.lower(): 0, **self.bag(v)})
            if match is None:
                continue
            date_expr = date_phrase(speaker)
            for src in sources:
                for tgt in targets or (None,):
                    out.append(
                        Found(
                            src,
                            tgt,
                            match.code,
                            match,
                            v,
                            f"{speaker.text} ... {v.text}",
                            self.mode(speaker, sent),
                            date_expr,
                            sent,
                            self.confidence(src, tgt, "direct", match, inherited) - 0.05,
                            inherited,
                            "direct",
                        )
                    )
        return out

    def _judgements(self, sent: Any, found: list[Found]) -> list[Found]:
        """`X said Y was responsible for the attack`, `X called the incursion a provocation`:
        the speaker accuses or condemns (see ingest/_speech.py); not coded without a target."""
        out: list[Found] = []
        seen = {(f.source.ref.key, f.target.ref.key, f.code[:2]) for f in found if f.target}
        for judge, judged, pred in judged_clauses(self, sent):
            judgement = judgement_in(pred, judged, self.lex)
            if judgement is None or self._protest_claim(judge):
                continue
            match, words = judgement
            framed_call(found, judge)
            sources, inherited, _ = self.subjects(judge)
            keys = {m.ref.key for m in sources}
            self._own = {m.ref.country for m in sources}
            self._own_nonstate = False
            targets = judged_actors(self, judged, words, keys)
            if all(t.ref.country in self._own for t in targets):
                targets = replied_to(self, judge, sources, judged) or targets
            mode = self.mode(judge, sent)
            for src in sources:
                for tgt in targets:
                    if (src.ref.key, tgt.ref.key, match.code[:2]) in seen:
                        continue
                    seen.add((src.ref.key, tgt.ref.key, match.code[:2]))
                    out.append(
                        Found(
                            src,
                            tgt,
                            match.code,
                            match,
                            pred,
                            f"{judge.text} ... {pred.text}",
                            mode,
                            date_phrase(judge),
                            sent,
                            self.confidence(src, tgt, "event", match, inherited) - 0.05,
                            inherited,
                            "event",
                        )
                    )
        return out

    def action_text(self, v: Any, trigger: Any) -> str:
        words = [v]
        for c in v.children:
            if c.dep_ in ("prt", "neg") or (c.dep_ == "aux" and c.lower_ != "to"):
                words.append(c)
        if trigger is not v:
            words.append(trigger)
            words.extend(c for c in trigger.lefts if c.dep_ in ("det", "amod", "poss"))
        else:
            for c in v.children:
                if c.dep_ in ("xcomp",):
                    words.append(c)
                if c.dep_ == "dobj":
                    words.append(c)
        # Only words: symbols the parser hung on the verb ("= =" from "<==>") are not actions.
        words = sorted(
            (
                w
                for w in set(words)
                if w.tag_ not in ("WDT", "WP") and any(ch.isalnum() for ch in w.text)
            ),
            key=lambda w: w.i,
        )
        if not words:
            return v.text
        # The phrase as written when it is short ("urged Israel not to drop"), so it reads and
        # can be found in the sentence, without a date inside it ("agreed [on Monday] to
        # slash"); else the words themselves.
        span = [t for t in v.doc[words[0].i : words[-1].i + 1] if not t.is_space]
        dated = {t.i for t in span if t.ent_type_ == "DATE" and t not in words}
        dated |= {t.i for t in span if t.pos_ == "ADP" and t.i + 1 in dated}
        span = [t for t in span if t.i not in dated]
        if len(span) <= len(words) + 3 and all(any(ch.isalnum() for ch in t.text) for t in span):
            words = span
        return " ".join(w.text for w in words)

    @staticmethod
    def confidence(s: Mention, t: Mention | None, how: str, match: Match, inherited: bool) -> float:
        score = 0.3
        score += {"named": 0.3, "coref": 0.2}.get(s.via, 0.1)
        if t is None:
            score += 0.08
        else:
            score += {"named": 0.2, "coref": 0.13}.get(t.via, 0.06)
            score -= {"deep": 0.05, "event": 0.03, "owner": 0.02, "place": 0.08}.get(how, 0.0)
        score += 0.15 if match.cue else (0.1 if match.entry.particle else 0.05)
        if inherited:
            score -= 0.05
        return round(max(0.05, min(0.99, score)), 3)


def _participle_adjunct(c: Any) -> bool:
    """A subjectless participle clause: ", slapping duties on ..." under its verb."""
    return (
        c.dep_ == "advcl"
        and c.tag_ == "VBG"
        and not any(d.dep_ in ("nsubj", "mark") for d in c.children)
    )


def _dateline_word(tok: Any) -> bool:
    """A dateline place opening the sentence: "BAMAKO —", "PUERTO PRINCESA CITY —"."""
    start = tok.sent.start
    if tok.left_edge.i != start or tok.i + 1 >= len(tok.doc):
        return False
    words = tok.doc[start : tok.i + 1]
    return (
        tok.doc[tok.i + 1].text in DASHES
        and len(words) <= 4
        and all(w.is_upper and w.is_alpha and len(w) > 1 for w in words)
    )


def _mandative(v: Any) -> bool:
    """A that-clause in the subjunctive under v: "insisted that Kyiv amend" (no aux, bare verb)."""
    return any(
        c.dep_ == "ccomp"
        and c.tag_ == "VB"
        and any(d.dep_ == "nsubj" for d in c.children)
        and not any(d.dep_ in ("aux", "auxpass", "neg") for d in c.children)
        for c in v.children
    )


def _for_clause(c: Any) -> bool:
    """A `for X to do Y` clause with its own subject (the parser's advcl with mark `for`)."""
    return (
        c.dep_ in ("advcl", "ccomp")
        and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
        and any(d.dep_ in ("nsubj", "nsubjpass") for d in c.children)
    )


def _up_to_objects(v: Any) -> list[Any]:
    """The counted object of `up to N` parsed as a particle (`kidnapped up to 16 advisers`)."""
    return [
        p
        for c in v.children
        if c.dep_ == "prt" and c.lower_ == "up"
        for t in c.children
        if t.dep_ == "prep" and t.lower_ == "to"
        for p in t.children
        if p.dep_ == "pobj" and any(n.dep_ == "nummod" for n in p.children)
    ]


def _stranded_object(prep: Any) -> list[Any]:
    """The object the parser took from a preposition (`granted asylum to five officers holed
    up in X`: `officers` made the subject of `holed`): the subject that starts right after it."""
    if any(c.dep_ == "pobj" for c in prep.children) or prep.i + 1 >= len(prep.doc):
        return []
    nxt = prep.doc[prep.i + 1]
    for t in nxt.sent[max(0, nxt.i - nxt.sent.start) :]:
        if t.dep_ == "nsubj" and t.left_edge.i == nxt.i and t.head.dep_ in ("advcl", "acl"):
            return [t]
        if t.i - nxt.i > 6:
            break
    return []


def _meeting_host(v: Any) -> Any:
    """The meeting verb an agentless passive appeal is coordinated with (`X met Y, and Y was
    asked to refrain`), if any."""
    if v.dep_ != "conj" or v.lemma_.lower() not in APPEAL_PASSIVES:
        return None
    h = v.head
    meeting = h.lemma_.lower() == "meet" or (
        h.lemma_.lower() == "hold"
        and any(c.dep_ == "dobj" and c.lemma_.lower() in MEETING_NOUNS for c in h.children)
    )
    return h if meeting and h.pos_ == "VERB" else None


def _reduced_relative(v: Any) -> bool:
    """Is v a participle the parser took for the main verb (`The men jailed for X were freed`)?
    The sign: a passive conjunct with no subject and no coordinator, which is the real predicate,
    while v itself has no object: the subject was jailed, it jailed nobody."""
    if v.tag_ not in ("VBD", "VBN") or not any(c.dep_ == "nsubj" for c in v.children):
        return False
    if any(c.dep_ in ("dobj", "cc") for c in v.children):
        return False
    return any(
        c.dep_ == "conj"
        and any(a.dep_ == "auxpass" for a in c.children)
        and not any(a.dep_ in ("nsubj", "nsubjpass", "cc") for a in c.children)
        for c in v.children
    )


def _rules_out(copula: Any) -> bool:
    """Does this copula say its subject clause is excluded (`is out of the question`)?"""
    for c in copula.children:
        if c.dep_ == "acomp" and c.lower_ in ("unacceptable", "unthinkable", "impossible"):
            return True
        out = c.dep_ == "prep" and c.lower_ == "out"
        if out and any(q.lower_ == "question" for q in c.subtree):
            return True
    return False


def _weapon_code(text: str) -> str | None:
    """CAMEO codes the means of a killing: artillery and tanks 194, aerial weapons 195, bombs
    183 (suicide 1831, car 1832, roadside 1833); None when the phrase names no means."""
    words = set(text.lower().replace("-", " ").split())
    if words & {"air", "airstrike", "airstrikes", "warplane", "warplanes", "drone", "drones"}:
        return "195"
    if words & {"helicopter", "helicopters", "gunship", "gunships", "jet", "jets", "aerial"}:
        return "195"
    if words & {"missile", "missiles"}:
        return "195"
    if words & {"shelling", "artillery", "tank", "tanks", "mortar", "mortars", "shells"}:
        return "194"
    if words & {"bomb", "bombs", "bombing", "bombings", "device", "explosive", "explosion"}:
        for cue, code in (("suicide", "1831"), ("car", "1832"), ("roadside", "1833")):
            if cue in words:
                return code
        return "183"
    return None


def _armed_attack(match: Match, sources: list[Mention], v: Any) -> Match:
    """An unspecified attack made with a named weapon takes that weapon's code: "jets struck"
    and "attacked the port with drones" are air strikes (195), "tanks shelled" artillery (194).
    """
    means = [m.text for m in sources]
    means += [
        " ".join(t.text for t in o.subtree)
        for p in v.children
        if p.dep_ == "prep" and p.lower_ in ("with", "using")
        for o in p.children
        if o.dep_ == "pobj"
    ]
    for text in means:
        weapon = _weapon_code(text)
        if weapon and weapon[:2] == "19":
            return replace(match, entry=replace(match.entry, code=weapon))
    return match


def _placeless_guess(m: Mention) -> bool:
    """A common-noun mention with no country (`a protestor`): not an actor on its own."""
    if m.ref.country or m.ref.is_person or m.via == "coref":
        return False
    words = [w for w in m.text.split() if w.lower() not in ("a", "an", "the", "some")]
    # (a sentence-initial "Prisoners rioted" is capitalized but still a common noun)
    return bool(words) and all(
        w.islower() or not w[:1].isalpha() or w.lower() in ACTORISH for w in words
    )


_INTENT = {
    "04": "036",
    "05": "032",
    "06": "031",
    "07": "033",
    "08": "035",
    "061": "0311",
    "062": "0312",
    "063": "0313",
    "064": "0314",
    "071": "0331",
    "072": "0332",
    "073": "0333",
    "074": "0334",
    "081": "0351",
    "082": "0352",
    "083": "034",
    "084": "0353",
    "085": "0354",
    "086": "0355",
    "087": "0356",
    "14": "133",
    "15": "138",
    "16": "131",
    "17": "130",
    "18": "138",
    "19": "138",
    "20": "138",
    "161": "1313",
    "162": "1311",
    "163": "1312",
    "164": "134",
    "172": "132",
    "175": "137",
    "191": "1381",
    "192": "1382",
}


def _future_when(t: Any) -> bool:
    """`when Canada puts a tariff on us, our tariff will increase`: a present-tense `when/once`
    clause under a future one is the condition of a threat or promise, not an act done."""
    return (
        t.dep_ == "advcl"
        and t.tag_ in ("VBZ", "VBP")
        and any(c.dep_ in ("advmod", "mark") and c.lower_ in WHEN_MARKS for c in t.children)
        and any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in t.head.children)
    )


def intent_code(code: str) -> str | None:
    """The intent (03) or threat (13) code for an announced future act, None for verbal acts."""
    if code[:2] in ("03", "13"):
        return code
    return _INTENT.get(code[:3]) or _INTENT.get(code[:2])


ACTORISH = (
    HUMAN_NOUNS
    | PARTITIVE_NOUNS
    | PERSON_TITLES
    | frozenset(DESCRIPTION_KINDS)
    | frozenset(PAIR_HEADS)
    | frozenset(["cartel", "cartels", "side", "sides"])
)
