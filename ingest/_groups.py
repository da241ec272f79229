"""Plural references to the office holders of several states, one actor per state.

"The foreign ministers of Rwanda and Kenya signed ..." is Rwanda's foreign minister and Kenya's,
each acting (and, for reciprocal acts, toward the other), not one actor of the first country.
Called by SentenceCoder._mentions (ingest/_extract.py).
"""

from __future__ import annotations

from typing import Any

from ._coref import Mention


def _states_after_of(tok: Any) -> list[Any]:
    """The coordinated proper names after `of` (`of Rwanda and Kenya`, `of A, B and C`)."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            # (the parser may hang a second state as another pobj: "of the Republic of Congo
            # and Rwanda")
            objs = [p for p in c.children if p.dep_ == "pobj"]
            if not objs or any(p.pos_ != "PROPN" for p in objs):
                return []
            return _name_chain(objs)
    return []


def _name_chain(heads: list[Any]) -> list[Any]:
    """The names and every proper-noun conjunct under them, in text order."""
    members, stack = [], list(heads)
    while stack:
        t = stack.pop()
        members.append(t)
        stack.extend(d for d in t.children if d.dep_ == "conj" and d.pos_ == "PROPN")
    return sorted(members, key=lambda t: t.i)


def _singular_office(tok: Any) -> str:
    """`foreign ministers` -> `foreign minister`: the office as one holder is named."""
    mods = [c.text for c in tok.lefts if c.dep_ in ("amod", "compound")]
    return " ".join([*mods, tok.lemma_.lower()])


# Plural nouns for the people who act for a body: "leaders of ECOWAS", "the bloc's heads of
# state", "foreign ministers of ASEAN" act as that body.
BODY_OFFICIALS = frozenset(
    ["leader", "head", "minister", "official", "representative", "envoy", "delegate", "chief"]
)


def officials_of_body(coder: Any, tok: Any) -> list[Mention]:
    """The international body a plural office noun belongs to, by its `of` object or its
    possessor (`Leaders of the Economic Community of West African States`, `the bloc's heads
    of state`); empty unless that resolves to one IGO."""
    if tok.tag_ != "NNS" or tok.pos_ != "NOUN" or tok.lemma_.lower() not in BODY_OFFICIALS:
        return []
    owners = [c for c in tok.children if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN")]
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            owners += [p for p in c.children if p.dep_ == "pobj" and p.pos_ == "PROPN"]
    if len(owners) != 1:
        return []
    refs = [m.ref for m in coder.mentions(owners[0])]
    if len(refs) != 1 or refs[0].kind != "igo":
        # "the Economic Community of West African States (ECOWAS)": the whole name, as written
        words = [t for t in owners[0].subtree if t.dep_ not in ("relcl", "acl")]
        whole = coder._resolve(" ".join(t.text for t in words))
        refs = [whole] if whole is not None else []
    if len(refs) != 1 or refs[0].kind != "igo":
        return []
    return [Mention(refs[0], tok.text, "named")]


def office_holders_of_states(coder: Any, tok: Any) -> list[Mention]:
    """One mention per state for a plural office noun (`the leaders of France and Germany`);
    empty unless every state resolves to a country-level actor of its own. Officials of one
    international body are that body (`officials_of_body`)."""
    if tok.tag_ != "NNS" or tok.pos_ != "NOUN":
        return []
    body = officials_of_body(coder, tok)
    if body:
        return body
    states = _states_after_of(tok)
    if len(states) < 2:
        return []
    office = _singular_office(tok)
    out: list[Mention] = []
    for s in states:
        name = coder._ent_text(s)
        place = coder._resolve(name)
        if place is None or not place.country or place.is_person:
            return []
        holder = coder._resolve(f"{name}'s {office}")
        if holder is None or holder.country != place.country:
            holder = place
        out.append(Mention(holder, f"{office} of {name}", "named"))
    if len({m.ref.country for m in out}) < len(out):
        return []
    return out


NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
LIST_DASHES = frozenset(["-", "–", "—", ":"])


def _listed_after(tok: Any) -> list[Any]:
    """The names a dash or colon lists right after a plural noun phrase, before any verb:
    "the three European parties to the deal - Britain, France and Germany -"."""
    sent = tok.sent
    for t in tok.doc[tok.i + 1 : sent.end]:
        if t.pos_ in ("VERB", "AUX") or (t.is_punct and t.text not in LIST_DASHES):
            return []
        if t.text in LIST_DASHES:
            first = t.nbor(1) if t.i + 1 < sent.end else None
            if first is None or first.pos_ != "PROPN":
                return []
            return _name_chain([first])
    return []


def listed_members(coder: Any, tok: Any) -> list[Mention]:
    """`the three European parties - Britain, France and Germany`: the listed states, when the
    list has as many names as the phrase counts (or two or more when it gives no number)."""
    if tok.tag_ != "NNS" or tok.pos_ != "NOUN":
        return []
    count = next((NUMBER_WORDS.get(c.lower_) for c in tok.children if c.dep_ == "nummod"), None)
    names = _listed_after(tok)
    if len(names) < 2 or (count is not None and len(names) != count):
        return []
    out = []
    for n in names:
        ref = coder._resolve(coder._ent_text(n))
        if ref is None or not ref.country:
            return []
        out.append(Mention(ref, n.text, "named"))
    return out


def conjoined_prep_objects(prep: Any) -> list[Any]:
    """The objects of the same preposition repeated in coordination: "spoke with Talon as well
    as with the presidents of Nigeria and Sierra Leone" (the second "with" is a conjunct of the
    first, or, when the first object keeps a bare "as well as", a sibling). Each is a target
    of its own."""
    repeats = [d for d in prep.children if d.dep_ == "conj" and d.lower_ == prep.lower_]
    objs = [p for p in prep.children if p.dep_ == "pobj"]
    dangling = any(
        any(c.dep_ == "cc" for c in o.children) and not any(c.dep_ == "conj" for c in o.children)
        for o in objs
    )
    if dangling and prep.dep_ == "prep":
        repeats += [
            s
            for s in prep.head.children
            if s.dep_ == "prep" and s.lower_ == prep.lower_ and s.i > prep.i
        ][:1]
    return [p for d in repeats for p in d.children if p.dep_ == "pobj"]


def listed_state(coder: Any, head: Any, appos: Any, head_mentions: list[Mention]) -> bool:
    """A state the parser hung as an apposition inside a list of states ("Argentina, Chile,
    the Dominican Republic and Uruguay"): a bare name of a state other than the head's, while
    the head, itself a state, goes on with conjuncts."""
    if appos.pos_ != "PROPN" or any(c.dep_ in ("conj", "appos") for c in appos.children):
        return False
    if not any(c.dep_ == "conj" for c in head.children):
        return False
    if not head_mentions or any(m.ref.kind != "country" for m in head_mentions):
        return False
    ms = coder.mentions(appos)
    return bool(ms) and all(
        m.ref.kind == "country" and m.ref.country not in {h.ref.country for h in head_mentions}
        for m in ms
    )
