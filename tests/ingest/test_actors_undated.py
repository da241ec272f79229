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


def test_untracked_title_speaks_for_itself_without_a_date(undated: ActorResolver) -> None:
    # Petraeus's registry office is CIA Director; "General" in the text makes him military
    petraeus = undated.resolve("General David Petraeus")
    assert petraeus is not None
    assert (petraeus.country, petraeus.kind, petraeus.role) == ("USA", "military", "General")


def test_former_with_an_untracked_title_stays_a_private_person() -> None:
    # before: "former dictator Idi Amin" became the Ugandan government ("Leader") in 2008
    amin = ActorResolver(dt.date(2008, 8, 1)).resolve("former dictator Idi Amin")
    assert amin is not None and (amin.country, amin.kind) == ("UGA", "person")


def test_added_office_holders_by_date() -> None:
    emir_2005 = ActorResolver(dt.date(2005, 1, 1)).resolve("Qatar's emir")
    emir_2020 = ActorResolver(dt.date(2020, 1, 1)).resolve("Qatar's emir")
    assert emir_2005 is not None and emir_2005.name == "Hamad bin Khalifa Al Thani"
    assert emir_2020 is not None and emir_2020.name == "Tamim bin Hamad Al Thani"
    carter = ActorResolver(dt.date(1979, 3, 1)).resolve("President Carter")
    assert carter is not None and (carter.name, carter.kind) == ("Jimmy Carter", "government")


def test_title_apposition_with_a_registry_name() -> None:
    r = ActorResolver(dt.date(2008, 8, 1))
    actor = r.resolve("The US commander in Iraq, General David Petraeus")
    assert actor is not None and (actor.name, actor.kind) == ("David Petraeus", "military")


def test_more_current_office_holders() -> None:
    r = ActorResolver(dt.date(2025, 5, 4))
    zambia = r.resolve("the Zambian president")
    nepal = r.resolve("Nepal's prime minister")
    hong_kong = r.resolve("the Hong Kong leader")
    assert zambia is not None and zambia.name == "Hakainde Hichilema"
    assert nepal is not None and nepal.name == "K. P. Sharma Oli"
    assert hong_kong is not None and hong_kong.name == "John Lee Ka-chiu"
    spokeswoman = r.resolve("Chinese foreign ministry spokeswoman Mao Ning")
    assert spokeswoman is not None and spokeswoman.gender == "f"
    assert spokeswoman.kind == "ministry"


def test_more_foreign_and_defence_ministers() -> None:
    r = ActorResolver(dt.date(2025, 5, 4))
    lebanon = r.resolve("the Lebanese foreign minister")
    saudi = r.resolve("the Saudi defence minister")
    assert lebanon is not None and lebanon.name == "Youssef Rajji"
    assert saudi is not None and saudi.name == "Khalid bin Salman"
    # the predecessor by date
    before = ActorResolver(dt.date(2023, 1, 1)).resolve("the Lebanese foreign minister")
    assert before is not None and before.name == "Abdallah Bou Habib"


def test_shared_surname_follows_the_title_then_seniority() -> None:
    # before: "Defense Secretary Carter" in 2016 was Jimmy Carter (a former president)
    r2016 = ActorResolver(dt.date(2016, 1, 1))
    defense = r2016.resolve("Defense Secretary Carter")
    assert defense is not None and (defense.name, defense.kind) == ("Ash Carter", "government")
    # out of office both: the more senior office wins over the more recent one
    r2025 = ActorResolver(dt.date(2025, 1, 1))
    carter = r2025.resolve("Carter")
    clinton = r2025.resolve("Clinton")
    assert carter is not None and carter.name == "Jimmy Carter"
    assert clinton is not None and clinton.name == "Bill Clinton"
    assert r2025.resolve("Secretary of State Clinton").name == "Hillary Clinton"  # type: ignore[union-attr]
