"""Objects a clause names indirectly.

"Russia condemned what it called Ukraine's provocation": the parser makes "what" the object of
"called" and hangs the named thing on it (oprd, or "as" for "described as"), so the condemning
verb has no object of its own. The named thing is the object: its owner is the target.
Called by SentenceCoder.targets (ingest/_extract.py).
"""

from __future__ import annotations

from typing import Any

from ._coref import Mention

NAMING = frozenset(["call", "describe", "term", "label", "brand", "dub", "characterize"])
FREE_RELATIVES = frozenset(["what", "whatever"])


def called_objects(v: Any) -> list[Any]:
    """The thing named in `v what <someone> called <thing>` (empty when there is none)."""
    out: list[Any] = []
    for c in v.children:
        if c.dep_ != "ccomp" or c.lemma_.lower() not in NAMING:
            continue
        if not any(d.dep_ == "dobj" and d.lower_ in FREE_RELATIVES for d in c.children):
            continue
        for d in c.children:
            if d.dep_ == "oprd" and d.pos_ in ("NOUN", "PROPN"):
                out.append(d)
            elif d.dep_ == "prep" and d.lower_ == "as":
                out.extend(
                    p for p in d.children if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN")
                )
    return out


# the state's executive as a non-state actor of that state names it: "the government"
HOME_BODIES = frozenset(["government", "authorities", "regime"])


def _bare_definite(tok: Any) -> bool:
    """`the government`, `the authorities`: nothing but "the" before the head noun."""
    lefts = list(tok.lefts)
    return (
        (tok.lemma_.lower() in HOME_BODIES or (tok.lower_ == "authorities"))
        and tok.pos_ == "NOUN"
        and bool(lefts)
        and all(c.dep_ in ("det", "case", "punct") for c in lefts)
        and lefts[0].lower_ == "the"
    )


def home_government(coder: Any, tok: Any) -> list[Any]:
    """The government an opposition figure or a group of one country faces: "the government"
    (or "the government's decision") with no government of its own named before, said by a
    non-state actor of that country. Empty unless the sources are non-state and of one state."""
    own = [c for c in coder._own if c and c != "IGO"]
    if not coder._own_nonstate or len(own) != 1:
        return []
    for t in [tok, *(c for c in tok.children if c.dep_ == "poss")]:
        if _bare_definite(t):
            ref = coder._resolve("government", own[0])
            if ref is not None and ref.country == own[0] and not ref.is_person:
                return [Mention(ref, t.text, "guess")]
    return []


# participles that name a text's authors: "a resolution drafted by the US and Albania"
AUTHORING = frozenset(
    ["draft", "propose", "sponsor", "co-sponsor", "submit", "table", "present", "introduce"]
)


def authors_of(tok: Any) -> list[Any]:
    """The agents of an authoring participle on a noun ("a U.N. Security Council resolution
    drafted by the United States and Albania" -> United States): whoever's text is vetoed or
    rejected is its target, not the forum named in the noun's modifiers."""
    return [
        p
        for c in tok.children
        if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in AUTHORING
        for a in c.children
        if a.dep_ == "agent"
        for p in a.children
        if p.dep_ == "pobj"
    ]
