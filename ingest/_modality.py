"""Modality decisions the clause coder asks about a verb: acts that are planned, not done.

The coder's own `mode()` reads negation, conditions, questions, modal and future auxiliaries.
This module adds what the auxiliaries do not show (docs/extraction.md, Modes):

* orders to another actor: `ordered Chile to withdraw its staff` is the order (a demand), the
  ordered act has not happened;
* scheduled items: `is due to visit`, `is scheduled/expected/set to sign`, `are to leave`: a
  calendar entry or someone else's expectation, not the actor's act nor its stated intent;
* agreement terms: `Under the accord, troops are to leave` / `each side is bound to defend`:
  what a text stipulates, unless the clause reports it done (`Under the deal, troops left`);
* denials whose only target is inside the denied act (`denied arming the militia`): a denial is
  coded (016) toward an accuser, and the denied act is never coded.
"""

from __future__ import annotations

from typing import Any

from ingest._verb_classes import verb_class

# Control verbs that put the act on a calendar (`scheduled/set/slated to meet`, also reduced:
# `talks set to resume`), and passives that make it someone's expectation or obligation.
SCHEDULING = verb_class("scheduling")
SCHEDULING_PASSIVES = verb_class("scheduling_passives")
# Joint meetings whose next round a report puts on the calendar, and the auxiliaries of one.
NEXT_ROUND_VERBS = verb_class("next_round_verbs")
FUTURE_AUXES = frozenset(["will", "would", "shall", "'ll"])
# Verbs that command an act of their object (`ordered X to leave`).
COMMANDING = verb_class("commanding")
# Entity types of a named actor as object (a country, a people, an organisation, a person).
NAMED_ACTORS = frozenset(["GPE", "NORP", "ORG", "PERSON"])
# Nouns for texts whose terms an `under` phrase introduces.
TERMS_NOUNS = frozenset(
    [
        "accord",
        "agreement",
        "arrangement",
        "article",
        "communique",
        "convention",
        "deal",
        "declaration",
        "framework",
        "law",
        "measure",
        "pact",
        "plan",
        "protocol",
        "resolution",
        "rule",
        "term",
        "treaty",
        "truce",
    ]
)
# Words for the accusation a denial answers: `denied Kyiv's accusations` has an accuser.
CLAIM_NOUNS = frozenset(
    ["accusation", "allegation", "charge", "claim", "report", "suggestion", "assertion"]
)


def _chain(v: Any) -> list[Any]:
    """v and the verbs it is the complement or conjunct of (`are [to leave]`)."""
    out = [v]
    t = v
    while t.dep_ in ("xcomp", "conj", "acomp") and t.head.i != t.i:
        t = t.head
        out.append(t)
    return out


def _scheduled(chain: list[Any]) -> bool:
    for t in chain:
        if t.dep_ != "xcomp":
            continue
        h = t.head
        if h.lemma_ == "be" or h.lower_ == "due":
            return True  # "are to leave", "is due to visit"
        if h.lemma_.lower() in SCHEDULING:
            return True  # "is scheduled to host"
        passive = any(c.dep_ == "auxpass" for c in h.children)
        if passive and h.lemma_.lower() in SCHEDULING_PASSIVES:
            return True  # "is expected to sign", "is bound to defend"
    return False


def _next_round(v: Any) -> bool:
    """`the leaders would meet again in four months`, `both sides will hold talks next week`: the
    next round of joint meetings, told with its time, is a calendar entry (GUIDELINES, Non-events),
    not an act nor one side's stated intent. A single actor's `I will meet him` stays an intent."""
    if v.lemma_.lower() not in NEXT_ROUND_VERBS:
        return False
    if not any(c.dep_ == "aux" and c.lower_ in FUTURE_AUXES for c in v.children):
        return False
    subjects = [c for c in v.children if c.dep_ == "nsubj"]
    if not any(
        s.tag_ in ("NNS", "NNPS")
        or s.lower_ in ("they", "we")
        or any(c.dep_ == "conj" for c in s.children)
        for s in subjects
    ):
        return False
    for c in v.children:
        if c.dep_ == "advmod" and c.lower_ == "again":
            return True
        if c.dep_ in ("prep", "npadvmod") and any(t.ent_type_ == "DATE" for t in c.subtree):
            return True
    return False


def _under_terms(chain: list[Any]) -> bool:
    if any(t.tag_ == "VBD" or any(c.lemma_ == "have" for c in t.children) for t in chain):
        return False  # "Under the deal, troops withdrew": the terms were carried out
    for t in chain:
        for prep in t.children:
            if (
                prep.dep_ == "prep"
                and prep.lower_ == "under"
                and any(o.dep_ == "pobj" and o.lemma_.lower() in TERMS_NOUNS for o in prep.children)
            ):
                return True
    return False


def _commanded(chain: list[Any]) -> bool:
    """`ordered Argentina and Chile to withdraw their staff`: the order is the event (a demand
    on them); the ordered act has not happened. Orders to one's own forces (`ordered troops to
    withdraw`, a common noun) report the act itself."""
    for t in chain:
        h = t.head
        if t.dep_ == "xcomp" and h.lemma_.lower() in COMMANDING:
            named = [o for o in h.children if o.dep_ == "dobj" and o.ent_type_ in NAMED_ACTORS]
            if named:
                return True
    return False


def planned(v: Any) -> bool:
    """Is the act on v a scheduled item, an agreement's term or an order given to another actor:
    not an act done or announced?"""
    chain = _chain(v)
    return _scheduled(chain) or _under_terms(chain) or _commanded(chain) or _next_round(v)


def denial_without_accuser(v: Any) -> bool:
    """`denied supplying the militia`, `denied that it had troops there`: no accuser is named, so
    whatever target the coder found lies inside the denied act."""
    if v.lemma_.lower() != "deny":
        return False
    for c in v.children:
        if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in CLAIM_NOUNS:
            return False
        if c.dep_ in ("dative",) or (c.dep_ == "prep" and c.lower_ in ("to", "by")):
            return False
    return any(c.dep_ in ("xcomp", "ccomp", "pcomp") for c in v.children) or any(
        c.dep_ == "dobj" and c.tag_ == "VBG" for c in v.children
    )
