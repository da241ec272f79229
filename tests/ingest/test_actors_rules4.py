"""Actor resolution, fourth round: people fleeing a place. Every mention here was written for
these tests; each failed before the rule."""

from __future__ import annotations

import datetime as dt

import pytest

from ingest.actors import ActorResolver, ResolvedActor

RESOLVER_DATE = dt.date(2012, 6, 1)


def triple(actor: ResolvedActor | None) -> tuple[str | None, str | None, str | None]:
    return (actor.name, actor.country, actor.kind) if actor else (None, None, None)


@pytest.mark.parametrize(
    ("mention", "name", "country"),
    [
        # before: nothing, or the country itself ("refugees fleeing Liberia" -> Liberia)
        ("refugees fleeing Liberia", "Liberian Refugees", "LBR"),
        ("refugees fleeing the civil war in Liberia", "Liberian Refugees", "LBR"),
        ("migrants fleeing fighting in northern Mali", "Malian Migrants", "MLI"),
        ("asylum seekers escaping Eritrea", "Eritrean Asylum Seekers", "ERI"),
    ],
)
def test_people_fleeing_a_place_come_from_it(
    r: ActorResolver, mention: str, name: str, country: str
) -> None:
    assert triple(r.resolve(mention)) == (name, country, "group")


def test_the_place_fled_to_is_not_the_origin(r: ActorResolver) -> None:
    # a written origin wins; "to Ghana" is where they go
    assert triple(r.resolve("Liberian refugees fleeing to Ghana"))[1] == "LBR"
    assert r.resolve_with_context("refugees fleeing to Ghana", "GHA") is not None
    assert r.resolve_with_context("refugees fleeing to Ghana", "GHA").country is None


def test_a_flight_from_no_place_gives_no_country(r: ActorResolver) -> None:
    assert triple(r.resolve("refugees fleeing the drought")) == ("Refugees", None, "group")


def test_others_fleeing_a_place_are_not_that_state(r: ActorResolver) -> None:
    # "soldiers fleeing Liberia" was resolved as the state of Liberia
    got = r.resolve("soldiers fleeing Liberia")
    assert got is None or got.country != "LBR" or got.kind != "country"


@pytest.mark.parametrize(
    "mention",
    ["a regional peacekeeping force", "multinational peacekeepers", "International peacekeepers"],
)
def test_a_multinational_peacekeeping_force_is_no_states(r: ActorResolver, mention: str) -> None:
    # before: nothing, or with the article's country its own military
    got = r.resolve_with_context(mention, "CIV")
    assert triple(got) == ("Multinational Peacekeeping Force", "IGO", "igo")


@pytest.mark.parametrize("mention", ["the peacekeeping force", "peacekeepers"])
def test_peacekeepers_are_not_the_host_states(r: ActorResolver, mention: str) -> None:
    # peacekeepers are sent from elsewhere: the article's country (the host) is no guess
    assert r.resolve_with_context(mention, "CIV") is None


def test_named_peacekeepers_keep_their_state_or_body(r: ActorResolver) -> None:
    assert triple(r.resolve_with_context("Russian peacekeepers", "AZE"))[1] == "RUS"
    assert triple(r.resolve("UN peacekeepers")) == ("UN Peacekeepers", "IGO", "igo")
    assert triple(r.resolve_with_context("the army", "CIV"))[1] == "CIV"


@pytest.mark.parametrize(
    ("mention", "name", "country"),
    [
        ("Kabul Medical University", "Kabul Medical University", "AFG"),
        ("the University of Cairo", "University of Cairo", "EGY"),
        ("Nairobi Hospital", "Nairobi Hospital", "KEN"),
        ("Chile Technical Institute", "Chile Technical Institute", "CHL"),
    ],
)
def test_a_school_named_after_a_place_is_of_its_state(
    r: ActorResolver, mention: str, name: str, country: str
) -> None:
    # before: nothing (an unknown head noun)
    assert triple(r.resolve(mention)) == (name, country, "organization")


@pytest.mark.parametrize(
    "mention",
    [
        "American University of Beirut",  # another known word in the name: left alone
        "Georgia Institute",  # an ambiguous place name
        "kabul university",  # not written as a name
        "Harvard University",  # not a known place
    ],
)
def test_schools_not_placed(r: ActorResolver, mention: str) -> None:
    assert r.resolve(mention) is None


@pytest.mark.parametrize(
    ("mention", "hint", "name", "country"),
    [
        # a national minority lives in another state than its demonym's (before: nothing)
        ("the Hungarian minority", "SVK", "Slovak Hungarian Minority", "SVK"),
        ("the Hungarian minority", None, "Hungarian Minority", None),
        ("the Serb minority in Kosovo", None, "Kosovar Serb Minority", "XKX"),
        ("Bulgaria's Turkish minority", None, "Bulgarian Turkish Minority", "BGR"),
    ],
)
def test_a_minority_is_not_its_demonyms_state(
    r: ActorResolver, mention: str, hint: str | None, name: str, country: str | None
) -> None:
    assert triple(r.resolve_with_context(mention, hint)) == (name, country, "group")


@pytest.mark.parametrize("mention", ["a minority of lawmakers", "the minority"])
def test_a_minority_without_a_people_is_nobody(r: ActorResolver, mention: str) -> None:
    assert r.resolve_with_context(mention, "USA") is None


def test_troops_in_a_place_keep_their_state(r: ActorResolver) -> None:
    # the minority rule must not move a state's forces to where they are
    assert triple(r.resolve("Serb forces in Kosovo"))[1] == "SRB"
