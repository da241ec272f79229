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
            members, stack = [], list(objs)
            while stack:
                t = stack.pop()
                members.append(t)
                stack.extend(d for d in t.children if d.dep_ == "conj" and d.pos_ == "PROPN")
            return sorted(members, key=lambda t: t.i)
    return []


def _singular_office(tok: Any) -> str:
    """`foreign ministers` -> `foreign minister`: the office as one holder is named."""
    mods = [c.text for c in tok.lefts if c.dep_ in ("amod", "compound")]
    return " ".join([*mods, tok.lemma_.lower()])


def office_holders_of_states(coder: Any, tok: Any) -> list[Mention]:
    """One mention per state for a plural office noun (`the leaders of France and Germany`);
    empty unless every state resolves to a country-level actor of its own."""
    if tok.tag_ != "NNS" or tok.pos_ != "NOUN":
        return []
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
