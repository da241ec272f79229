"""Envoys named once and met again: "the French ambassador to Algeria, Stephane Romatet" makes
a later bare "Romatet" that ambassador (France's), and after "Seoul summoned Russia's
ambassador", "Ambassador Georgy Zinoviev" with no state of his own is Russia's envoy.

Called by SentenceCoder.mentions (ingest/_extract.py) on each noun's resolved mentions.
"""

from __future__ import annotations

from typing import Any

from ._coref import Mention, Ref

# head nouns of an envoy's title ("charge d'affaires" parses with "d'affaires" as its head)
ENVOY_NOUNS = frozenset(
    ["ambassador", "envoy", "chargé", "charge", "d'affaires", "affaires", "commissioner"]
)
# titles of a state's envoy abroad (not "Special Envoy" or "Ambassador-at-Large", who serve
# their own capital); a named holder without a state is the envoy named before
ENVOY_ROLES = frozenset(["Ambassador", "Envoy", "Charge d'Affaires", "High Commissioner"])
# kinds that speak for a state
STATE_SIDE = frozenset(["country", "government", "ministry"])


def _name_of(tok: Any) -> str:
    words = [t for t in tok.subtree if t.i <= tok.i and t.dep_ in ("compound", "flat")]
    return " ".join(t.text for t in [*words, tok])


def _unknown_name(coder: Any, name: str) -> bool:
    """A name the resolver does not place: a person the text introduces here."""
    ref = coder._resolve(name)
    return len(name.split()) >= 2 and (ref is None or not (ref.country or ref.is_person))


def _introduce(coder: Any, tok: Any, own: Ref, role: str) -> None:
    """Remember the unknown name in apposition to a title, to the title or to its post
    ("ambassador to Algeria, X"), as a person of the title's state."""
    posts = [p for c in tok.children if c.lower_ in ("to", "in") for p in c.children]
    for a in [c for h in (tok, *posts) for c in h.children]:
        if a.dep_ == "appos" and a.pos_ == "PROPN" and _unknown_name(coder, _name_of(a)):
            person = Ref(_name_of(a), own.country, own.kind, role=role)
            coder.memory.introduced = [*coder.memory.introduced[-7:], person]


def named_envoys(coder: Any, tok: Any, out: list[Mention]) -> list[Mention]:
    """Remember the envoy a title noun names (its state, and the person in apposition); give a
    named envoy without a state the state of the envoy named before. Returns the mentions."""
    memory = coder.memory
    if tok.lower_ in ENVOY_NOUNS and tok.pos_ in ("NOUN", "PROPN"):
        # the title's own words ("recalled the French ambassador" is coded as the recaller's)
        own = coder._resolve(" ".join(t.text for t in coder._np_tokens(tok)).replace(" 's", "'s"))
        if own is None or not own.country or own.country == "IGO" or own.is_person:
            return out
        memory.envoy_country = own.country
        role = "Charge d'Affaires" if tok.lower_ in ("d'affaires", "affaires") else None
        _introduce(coder, tok, own, role or tok.text.title())
        return out
    if tok.lower_ == "counterpart" and len(out) == 1 and out[0].ref.country:
        # "his Sudanese counterpart, Omer Siddiq": the counterpart's state and office
        _introduce(coder, tok, out[0].ref, out[0].ref.role or "Counterpart")
        return out
    if len(out) != 1:
        return out
    ref = out[0].ref
    if not ref.country:
        # the name itself, met in its apposition or again later: the envoy introduced
        same = [p for p in memory.introduced if p.name == ref.name]
        if same:
            return [Mention(same[-1], out[0].text, out[0].via)]
    if ref.is_person and not ref.country and ref.role in ENVOY_ROLES and memory.envoy_country:
        placed = coder._resolve(out[0].text, memory.envoy_country)
        if placed is not None and placed.country == memory.envoy_country:
            return [Mention(placed, out[0].text, out[0].via)]
    if ref.is_person and not ref.country and ref.role and ref.role not in ENVOY_ROLES:
        state = _state_of_joined_clause(coder, tok) or _fronted_capital(coder, tok)
        placed = coder._resolve(out[0].text, state) if state else None
        if placed is not None and placed.country == state:
            return [Mention(placed, out[0].text, out[0].via)]
    return out


def _state_of_joined_clause(coder: Any, tok: Any) -> str | None:
    """The state whose act a titled official's clause continues: "Iran's foreign ministry
    summoned ..., and spokesman X condemned ...", "Peru broke off relations, with Foreign
    Minister X accusing ..." (the official speaks for the state of the clause it joins)."""
    verb = tok.head
    if tok.dep_ != "nsubj" or verb.pos_ != "VERB":
        return None
    if verb.dep_ == "conj":
        parent = verb.head
    elif verb.dep_ == "pcomp" and verb.head.lower_ == "with":
        parent = verb.head.head
    else:
        return None
    subjects = [c for c in parent.children if c.dep_ == "nsubj" and c.i < tok.i]
    if parent.pos_ != "VERB" or len(subjects) != 1:
        return None
    refs = [m.ref for m in coder.mentions(subjects[0])]
    if len(refs) != 1 or refs[0].kind not in STATE_SIDE or refs[0].is_person:
        return None  # a state or its ministry, not a person of another office
    if refs[0].country in (None, "IGO"):
        return None
    return str(refs[0].country)


def _fronted_capital(coder: Any, tok: Any) -> str | None:
    """ "In Beijing, foreign ministry spokesman X said ...": a capital or state put before the
    clause says whose official speaks there."""
    verb = tok.head
    if tok.dep_ != "nsubj" or verb.pos_ != "VERB":
        return None
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "in" and c.i < tok.i and c.i == c.sent.start:
            places = [p for p in c.children if p.dep_ == "pobj" and p.pos_ == "PROPN"]
            ref = coder._resolve(places[0].text) if len(places) == 1 else None
            if ref is not None and ref.kind in STATE_SIDE and ref.country not in (None, "IGO"):
                return str(ref.country)
    return None
