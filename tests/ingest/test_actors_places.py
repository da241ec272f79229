"""`ActorResolver.resolve_place`: the state a place phrase lies in, for where an act happened.
Places stay non-actors for `resolve`. Phrases written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from ingest.actors import ActorResolver

RESOLVER_DATE = dt.date(2024, 6, 3)  # the `r` fixture (conftest.py) resolves as of this day


@pytest.mark.parametrize(
    ("phrase", "iso3"),
    [
        ("Alaska", "USA"),
        ("northern Nigeria", "NGA"),
        ("Kenya's capital", "KEN"),
        ("the Croatian town of Vukovar", "HRV"),
        ("Haiti's capital Port-au-Prince", "HTI"),
        ("a village in southern Lebanon", "LBN"),
        ("Tehran", "IRN"),
        ("the Gaza Strip", "PSE"),
        ("Darfur", "SDN"),
        ("the state of Ohio", "USA"),
        ("near the town of Samarra", "IRQ"),
        ("the southern port of Tyre", "LBN"),
        # descriptive words before a place noun (before: None)
        ("the Natanz enrichment site", "IRN"),
        ("an upscale mall in Kenya's capital", "KEN"),
        ("a military base in Syria", "SYR"),
        ("the U.S. embassy in Baghdad", "USA"),
    ],
)
def test_place_phrases(r: ActorResolver, phrase: str, iso3: str) -> None:
    assert r.resolve_place(phrase) == iso3


@pytest.mark.parametrize(
    "phrase",
    [
        "Jim Jordan",  # a person, not Jordan
        "Mexican sovereignty",
        "the Syrian rebels",
        "the Red Sea",
        "Georgia",  # the U.S. state or the country: only with a hint
        "the town of Springfield",  # a place the tables do not know
        "Syrian rebels",  # actors, not places
        "Israeli troops",
    ],
)
def test_not_places_or_unknown(r: ActorResolver, phrase: str) -> None:
    assert r.resolve_place(phrase) is None


def test_ambiguous_place_with_hint(r: ActorResolver) -> None:
    assert r.resolve_place("Georgia", country_hint="GEO") == "GEO"


def test_places_are_still_not_actors(r: ActorResolver) -> None:
    assert r.resolve("Alaska") is None
    assert r.resolve("northern Nigeria") is not None  # a state name stays the state
    # a U.S. state names the country as a modifier, like "Basra police"
    police = r.resolve("New Jersey police")
    assert police is not None and (police.country, police.kind) == ("USA", "police")


def test_lower_case_tyre_is_a_word(r: ActorResolver) -> None:
    assert r.resolve_place("a burst tyre") is None
    assert r.resolve("Tyre fishermen") is not None  # the city as a modifier


def test_group_in_a_name_that_is_no_place(r: ActorResolver) -> None:
    actor = r.resolve("students in Jim Jordan")
    assert actor is None or actor.country is None
