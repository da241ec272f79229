"""Attackers named only through their weapon ("killed in Israeli shelling") and the explicit
unattributed actor: nobody is blamed on a guess. Mentions written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from ingest.actors import ActorResolver

RESOLVER_DATE = dt.date(2024, 6, 3)  # the `r` fixture (conftest.py) resolves as of this day


@pytest.mark.parametrize(
    ("mention", "name", "country"),
    [
        ("Israeli tank shelling", "Israel Defense Forces", "ISR"),
        ("a Russian air strike", "Russian Military", "RUS"),
        ("U.S. drone strikes", "U.S. Military", "USA"),
        ("Hamas rocket fire", "Hamas", "PSE"),
        ("a Houthi missile attack", "Houthis", "YEM"),
        ("NATO air raids", "NATO", "IGO"),
        ("Turkish warplanes", "Turkish Military", "TUR"),
    ],
)
def test_weapon_phrase_names_its_wielder(
    r: ActorResolver, mention: str, name: str, country: str
) -> None:
    actor = r.resolve_instrument(mention)
    assert actor is not None and (actor.name, actor.country) == (name, country)


@pytest.mark.parametrize(
    "mention",
    [
        "a car bomb",
        "a suicide car bombing",  # "car" is not the Central African Republic
        "an improvised explosive device",
        "Basra bombing",  # a place is where, not who
        "pro-Russian rebel shelling",  # a side, not a state
        "government shelling",  # whose government the phrase does not say
        "the Syrian Foreign Ministry",  # not a weapon and not a military
    ],
)
def test_no_wielder_without_a_state_or_body(r: ActorResolver, mention: str) -> None:
    assert r.resolve_instrument(mention) is None


def test_unattributed_actor_blames_no_state(r: ActorResolver) -> None:
    who = r.unattributed()
    assert who.country is None and who.kind == "group"
    assert who.to_actor().country is None


@pytest.mark.parametrize("mention", ["a suicide car bombing", "a strict diet", "the meta debate"])
def test_lowercase_words_are_not_acronyms(r: ActorResolver, mention: str) -> None:
    # before: "car" was the Central African Republic, "diet" the Japanese parliament
    assert r.resolve(mention) is None


def test_capitalized_forms_still_resolve(r: ActorResolver) -> None:
    car = r.resolve("the CAR government")
    diet = r.resolve("Japan's Diet")
    assert car is not None and car.country == "CAF"
    assert diet is not None and diet.kind == "legislature"
