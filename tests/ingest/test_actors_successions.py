"""A state that seceded (data/successions.tsv): before its independence its places and actors
are the older state's. Every mention here was written for these tests; each failed before."""

from __future__ import annotations

import datetime as dt

import pytest

from ingest.actors import ActorResolver

BEFORE = ActorResolver(dt.date(2005, 3, 1))
AFTER = ActorResolver(dt.date(2012, 1, 1))


@pytest.mark.parametrize(
    ("mention", "before", "after"),
    [
        ("Juba", "SDN", "SSD"),
        ("SPLM/A", "SDN", "SSD"),
        ("the South Sudanese army", "SDN", "SSD"),
        ("Podgorica", "SRB", "MNE"),
        ("Pristina", "SRB", "XKX"),
    ],
)
def test_actor_country_before_and_after_independence(mention: str, before: str, after: str) -> None:
    then, now = BEFORE.resolve(mention), AFTER.resolve(mention)
    assert then is not None and now is not None
    assert (then.country, now.country) == (before, after)
    assert then.name == now.name  # the actor keeps its own name: never "Sudanese Government"


def test_eritrea_before_1993() -> None:
    early = ActorResolver(dt.date(1990, 6, 1))
    got = early.resolve("Eritrean troops")
    assert got is not None and (got.name, got.country) == ("Eritrean Military", "ETH")
    assert early.resolve_place("the town of Keren in Eritrea") == "ETH"
    assert AFTER.resolve_place("the town of Keren in Eritrea") == "ERI"


def test_places_and_instruments_follow_the_date() -> None:
    assert BEFORE.resolve_place("Juba") == "SDN"
    assert AFTER.resolve_place("Juba") == "SSD"
    shelling = ActorResolver(dt.date(1990, 6, 1)).resolve_instrument("Eritrean artillery fire")
    assert shelling is not None and shelling.country == "ETH"


def test_undated_text_reads_today_and_bad_rows_are_named(tmp_path) -> None:
    # an undated text is read as of today
    got = ActorResolver(None).resolve("Juba")
    assert got is not None and got.country == "SSD"
    import shutil

    from ingest.actors import ActorDataError
    from ingest.actors._data import DATA_DIR, load_lexicon

    for path in DATA_DIR.iterdir():
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "successions.tsv").write_text("SSD\tXXX\t2011-07-09\n", encoding="utf-8")
    with pytest.raises(ActorDataError, match=r"successions\.tsv:1: unknown country 'XXX'"):
        load_lexicon(tmp_path)
