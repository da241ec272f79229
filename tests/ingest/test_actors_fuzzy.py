"""Misspelled names of known actors (ingest/actors/_fuzzy.py). Every mention here was written
for these tests; each resolved to nothing (or to a wrong actor) before the rule."""

from __future__ import annotations

import datetime as dt

import pytest

from ingest.actors import ActorResolver, ResolvedActor
from ingest.actors._fuzzy import _one_edit, correction

RESOLVER_DATE = dt.date(2004, 6, 1)


def pair(actor: ResolvedActor | None) -> tuple[str | None, str | None]:
    return (actor.country, actor.kind) if actor else (None, None)


@pytest.mark.parametrize(
    "mention",
    [
        "Gbago",  # short and alone
        "Bouteflicka",  # a surname one letter off without a title may be another person
        "Baghdad University Medical School",  # not Dick Schoof
    ],
)
def test_no_person_without_context(r: ActorResolver, mention: str) -> None:
    got = r.resolve(mention)
    assert got is None or got.kind != "government", mention


@pytest.mark.parametrize(
    ("word", "capitalized", "before"),
    [
        ("franco", True, "general"),  # an ending, not a typo: Franco is not France
        ("emirates", True, None),
        ("helicopter", True, None),  # capitalized words become names only, not nouns
        ("guzman", True, "leader"),  # a name near a noun ("gunman") stays a name
        ("ethiopia", True, None),  # known words are never corrected
        ("qatarr", False, None),  # lower case never becomes a name
    ],
)
def test_words_that_are_not_corrected(word: str, capitalized: bool, before: str | None) -> None:
    assert correction(word, capitalized, before) is None


def test_an_exact_alias_inside_a_longer_name_wins(r: ActorResolver) -> None:
    # "al-Golani" inside a known full alias is not respelled as "Jolani" first
    got = r.resolve("Abu Mohammad al-Golani")
    assert got is not None and got.name == "Ahmed al-Sharaa"


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("ethopia", "ethiopia", True),
        ("qatra", "qatar", True),  # swapped neighbours
        ("qutar", "qatar", True),
        ("qtaar", "qatar", True),
        ("qatar", "qatar", False),
        ("qtr", "qatar", False),
        ("ethiopa", "ethiopian", False),
    ],
)
def test_one_edit(a: str, b: str, expected: bool) -> None:
    assert _one_edit(a, b) is expected


@pytest.mark.parametrize(
    ("word", "capitalized"),
    [
        ("mortar", True),  # English, one letter from Mostar: "Mortar fire" must blame no one
        ("surname", True),  # English, one letter from Suriname
        ("storing", True),  # English, one letter from the Storting
        ("inland", True),  # a first-letter edit ("Finland")
        ("reported", False),  # an ending: "reporter"
        ("attacked", False),
        ("apposition", False),  # a first-letter edit ("opposition")
    ],
)
def test_english_words_are_never_corrected(word: str, capitalized: bool) -> None:
    assert correction(word, capitalized, None) is None


def test_an_english_word_does_not_become_an_attacker(r: ActorResolver) -> None:
    # before the English-word guard "Mortar" was read as Mostar (a Bosnian city)
    assert r.resolve_instrument("Mortar fire") is None
    assert r.resolve("Surname") is None
