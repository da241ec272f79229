"""Objects a clause names indirectly: the authors of a text ("a resolution drafted by A and
B") and an opposition speaker's "the government" (its own state's). Called by
SentenceCoder._object_actors (ingest/_extract.py); "what X called Y" is ingest/_speech.py's
called_object.
"""

from __future__ import annotations

from typing import Any

from ._coref import Mention
from ._verb_classes import verb_class

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
AUTHORING = verb_class("authoring")


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
