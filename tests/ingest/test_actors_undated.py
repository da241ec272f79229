"""An undated resolver (`ActorResolver(None)`, for texts without a date): offices answer as of
today, a registry person out of office acts in the office they are known for."""

from __future__ import annotations

import datetime as dt

import pytest

from ingest.actors import ActorResolver


@pytest.fixture(scope="module")
def undated() -> ActorResolver:
    return ActorResolver(None)


def test_undated_keeps_today_as_its_day(undated: ActorResolver) -> None:
    assert undated.on == dt.date.today() and undated.undated
    assert not ActorResolver(dt.date.today()).undated


def test_out_of_office_person_takes_the_principal_office(undated: ActorResolver) -> None:
    annan = undated.resolve("Kofi Annan")
    assert annan is not None
    assert (annan.country, annan.kind, annan.role) == ("IGO", "igo", "UN Secretary-General")
    mubarak = undated.resolve("Hosni Mubarak")
    assert mubarak is not None and (mubarak.country, mubarak.kind) == ("EGY", "government")


def test_dated_resolver_is_unchanged() -> None:
    # the same name with today's date is a former office holder, a private person
    annan = ActorResolver(dt.date.today()).resolve("Kofi Annan")
    assert annan is not None and (annan.country, annan.kind) == ("GHA", "person")
    # and with a date inside the term, the office
    annan_2000 = ActorResolver(dt.date(2000, 6, 1)).resolve("Kofi Annan")
    assert annan_2000 is not None and annan_2000.country == "IGO"


def test_former_in_the_text_wins_without_a_date(undated: ActorResolver) -> None:
    menem = undated.resolve("former president Carlos Menem")
    assert menem is not None
    assert (menem.country, menem.kind, menem.role) == ("ARG", "person", "Former President")


def test_dated_and_undated_results_are_cached_apart() -> None:
    today = ActorResolver(dt.date.today()).resolve("Kofi Annan")
    undated = ActorResolver(None).resolve("Kofi Annan")
    assert today is not None and undated is not None and today.kind != undated.kind
