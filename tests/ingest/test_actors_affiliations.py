"""affiliations.tsv: a registry person who leads a non-state body acts for it on those dates
(Nasrallah for Hezbollah), as CAMEO codes such leaders. Mentions written for these tests."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from ingest.actors import ActorDataError, ActorResolver
from ingest.actors._data import DATA_DIR, load_lexicon


def test_leader_acts_for_the_body_during_the_affiliation() -> None:
    nasrallah = ActorResolver(dt.date(2020, 1, 1)).resolve("Nasrallah")
    assert nasrallah is not None
    assert (nasrallah.country, nasrallah.kind, nasrallah.role) == (
        "LBN",
        "group",
        "Hezbollah Secretary-General",
    )
    # after the affiliation ended, a private person again
    later = ActorResolver(dt.date(2025, 5, 4)).resolve("Hassan Nasrallah")
    assert later is not None and later.kind == "person"


def test_body_without_a_country_gives_none_not_the_home_country() -> None:
    # before: "Osama bin Laden's al-Qaeda" took Saudi Arabia from bin Laden's home country
    r = ActorResolver(dt.date(2001, 10, 1))
    leader = r.resolve("Osama bin Laden")
    assert leader is not None and (leader.country, leader.kind) == (None, "group")
    network = r.resolve("Osama bin Laden's al-Qaeda terror network")
    assert network is None or network.country is None


def test_a_state_office_wins_over_an_old_affiliation() -> None:
    sharaa_2020 = ActorResolver(dt.date(2020, 1, 1)).resolve("Abu Mohammad al-Julani")
    sharaa_2025 = ActorResolver(dt.date(2025, 5, 4)).resolve("Ahmed al-Sharaa")
    assert sharaa_2020 is not None and sharaa_2020.role == "HTS Leader"
    assert sharaa_2025 is not None and (sharaa_2025.kind, sharaa_2025.role) == (
        "government",
        "President",
    )


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("Nobody Known\tHezbollah\tLeader\t2000-01-01\t\n", "is not in people.tsv"),
        ("Hassan Nasrallah\tNo Such Body\tLeader\t2000-01-01\t\n", "is not a body"),
        ("Hassan Nasrallah\tHezbollah\tLeader\t2000-01-01\t1999-01-01\n", "ends"),
    ],
)
def test_malformed_affiliation_names_file_and_line(tmp_path: Path, line: str, problem: str) -> None:
    for path in DATA_DIR.iterdir():
        shutil.copy(path, tmp_path / path.name)
    table = tmp_path / "affiliations.tsv"
    table.write_text(table.read_text(encoding="utf-8") + line, encoding="utf-8")
    with pytest.raises(ActorDataError, match=rf"affiliations\.tsv:\d+: .*{problem}"):
        load_lexicon(tmp_path)


def test_a_leaders_forces_are_the_body() -> None:
    r = ActorResolver(dt.date(2020, 1, 1))
    # before: the Libyan state military (from Haftar's home country)
    forces = r.resolve("Haftar's forces")
    assert forces is not None and (forces.name, forces.kind) == ("Libyan National Army", "group")
    # a head of state's troops stay the state's military
    troops = r.resolve("Putin's troops")
    assert troops is not None and (troops.country, troops.kind) == ("RUS", "military")
