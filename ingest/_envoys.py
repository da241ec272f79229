"""Envoys ordered out: "X ordered the Swedish ambassador to leave", "X ordered A, B and C to
withdraw their diplomatic staff". The orderer expels the envoys (CAMEO 161, the dev set's
convention for expelling or withdrawing envoys), toward the ambassador's state or each state
told to pull its diplomats out; it is no demand (10x) on them.

Called by SentenceCoder.code_verb (ingest/_extract.py) for `order`-like verbs with an object.
"""

from __future__ import annotations

from typing import Any

from ingest._verb_classes import verb_class

# the complement that sends someone away
LEAVING = verb_class("leaving")
# nouns that are envoys by themselves, and nouns that are when "diplomatic", "consular" or
# "embassy" qualifies them ("their diplomatic staff", "embassy personnel")
ENVOYS = frozenset(
    ["ambassador", "envoy", "diplomat", "chargé", "charge", "consul", "attaché", "attache"]
)
STAFF = frozenset(["staff", "personnel", "corps", "mission", "representative", "official"])
QUALIFIERS = frozenset(["diplomatic", "consular", "embassy"])


def _is_envoy(tok: Any) -> bool:
    lemma = tok.lemma_.lower()
    if lemma in ENVOYS:
        return True
    return lemma in STAFF and any(
        c.dep_ in ("amod", "compound") and c.lower_ in QUALIFIERS for c in tok.lefts
    )


def orders_envoys_out(v: Any, lemma_of: Any) -> bool:
    """`v` orders envoys to leave: its object, or the object of its leaving complement, is an
    envoy ("ordered the ambassador to leave", "ordered Peru to withdraw its diplomats")."""
    leaving = [c for c in v.children if c.dep_ == "xcomp" and lemma_of(c) in LEAVING]
    if not leaving:
        return False
    objects = [c for c in v.children if c.dep_ == "dobj"]
    objects += [d for x in leaving for d in x.children if d.dep_ == "dobj"]
    return any(_is_envoy(o) for o in objects)
