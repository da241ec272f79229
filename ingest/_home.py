"""The article's home state: the country of its wire dateline's place ("CARACAS —").

Wire copy names the home state's office holders by title alone ("Foreign Minister Yván Gil" in
a story datelined CARACAS is Venezuela's): such a person, unknown to the registry and given no
nationality by the text, takes the home state when the resolver finds that title in that state
(a "Foreign Minister" is never the United States'). A dateline with two places
("PARIS/ALGIERS") names no single home, nor does one outside a state ("UNITED NATIONS").
Set by ingest/pipeline.py; read by SentenceCoder._resolve_uncached (ingest/_extract.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ingest.dates import parse_wire_dateline


def home_country(
    place: str | None, text: str, word_country: Callable[[str], str | None]
) -> str | None:
    """ISO3 of the dateline's place (the loader's, or a wire prefix left at the start of
    `text`), or None."""
    if not place:
        wire = parse_wire_dateline(text[:300])
        place = wire.place if wire is not None else None
    if not place or any(s in place for s in "/&") or " and " in place.lower():
        return None
    country = word_country(place.title())
    return country if country and country != "IGO" else None


def holds_home_office(resolver: Any, name: str, role: str, home: str) -> bool:
    """An unknown person titled `role` may be the home state's holder of it: the state has that
    office under that name ("Foreign Minister", not the US "Secretary of State"), and the
    registry knows no one else holding it then (WASHINGTON's "Foreign Minister X" is not
    Blinken, so X is a visitor)."""
    find = getattr(resolver, "counterpart", None)
    holder = find(role, home) if callable(find) else None
    if holder is None or holder.country != home or (holder.role or "").lower() != role.lower():
        return False
    known = holder.gender is not None or bool(holder.aliases)
    return not known or holder.name == name


# forces that act at home: a bare "police" is the police of the place the sentence is in
LOCAL_FORCES = frozenset(["police"])
PLACE_PREPS = frozenset(["in", "outside", "near", "across", "at"])


def is_local_force(tok: Any) -> bool:
    return bool(tok.lower_ in LOCAL_FORCES)


def local_force_country(coder: Any, tok: Any) -> str | None:
    """The state of a bare "police" ("Riot police", "Police"): a place the sentence puts it in
    ("in Stockholm"), else the article's dateline state. None when neither is known."""
    if tok.lower_ not in LOCAL_FORCES:
        return None
    for ent in tok.sent.ents:
        if ent.label_ == "GPE" and ent.root.dep_ == "pobj" and ent.root.head.lower_ in PLACE_PREPS:
            country = coder._word_country(ent.text)
            if country and country != "IGO":
                return str(country)
    return coder.home if isinstance(coder.home, str) else None
