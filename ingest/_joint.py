"""Joint acts: reciprocal clauses, and mediators whose parties were named earlier.

Called by the SentenceCoder (ingest/_extract.py) once a clause's sources and targets are known.
"""

from __future__ import annotations

from typing import Any

from ._coref import Mention, RefKey

# "each other", "one another": whatever the verb, joint subjects act on one another
RECIPROCAL_PRONOUNS = frozenset([("each", "other"), ("one", "another")])


def says_each_other(tokens: Any) -> bool:
    """The clause (its tokens, as SentenceCoder.clause_tokens gives them) has a reciprocal
    pronoun: "China and Japan summoned each other's envoys" is each summoning the other."""
    return any(t.i > 0 and (t.doc[t.i - 1].lower_, t.lower_) in RECIPROCAL_PRONOUNS for t in tokens)


def mutual_complement(v: Any, lemma_of: Any, mutual_lemmas: frozenset[str]) -> bool:
    """The verb's open complement is an act that takes two: "A and B pledged to expand
    cooperation", "vowed to restore ties" are joint acts of A and B toward each other."""
    return any(c.dep_ == "xcomp" and lemma_of(c) in mutual_lemmas for c in v.children)


def mediated_parties(
    memory: Any, sentence_keys: frozenset[RefKey], sources: list[Mention]
) -> list[Mention]:
    """The parties of "X brokered the agreement" when the clause names none: the sides the
    article last paired ("Israel and Lebanon agreed to a truce ... the US brokered it"), never
    an actor of this sentence ("with Qatar attending as observer") or the mediator's own side."""
    skip = sentence_keys | {m.ref.key for m in sources}
    return [Mention(r, r.name, "coref") for r in memory.pair("sides", frozenset(skip))]


def stranded_joint_subjects(v: Any) -> list[Any]:
    """Subjects the parser split ("Seoul's minister and U.S. Secretary of State Blinken spoke"
    parsed as two subjects, the first keeping a bare "and"): every one of them acts."""
    subjects = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < v.i]
    if len(subjects) < 2:
        return []
    for first in subjects[:-1]:
        kids = list(first.children)
        if not any(c.dep_ == "cc" for c in kids) or any(c.dep_ == "conj" for c in kids):
            return []
    return subjects
