"""Actor resolution: mentions -> (name, country, kind), date-aware, with traps."""

from __future__ import annotations

import datetime as dt

import pytest

from ingest.actors import ActorResolver, ResolvedActor
from kg.model import Actor

D2025 = dt.date(2025, 5, 4)


@pytest.fixture(scope="module")
def r2025() -> ActorResolver:
    return ActorResolver(D2025)


def expect(actor: ResolvedActor | None) -> tuple[str | None, str | None, str | None]:
    if actor is None:
        return (None, None, None)
    return (actor.name, actor.country, actor.kind)


def test_unknown_person_keeps_title_and_written_name(r2025):
    actor = r2025.resolve("the Mexican finance minister Édgar Amador Zamora")
    assert actor is not None
    assert (actor.name, actor.country, actor.kind) == ("Édgar Amador Zamora", "MEX", "government")
    assert actor.role == "Finance Minister"
    registered = r2025.resolve("the Mexican interior minister Rosa Icela Rodríguez")
    assert registered is not None
    assert (registered.country, registered.kind, registered.role) == (
        "MEX",
        "government",
        "Interior Secretary",
    )


def test_accents_do_not_change_the_actor_id(r2025):
    a = r2025.resolve("López Obrador")
    b = r2025.resolve("Lopez Obrador")
    assert a is not None and a == b
    assert a.to_actor().id == b.to_actor().id


def test_to_actor_builds_a_graph_actor(r2025):
    actor = r2025.resolve("U.S. President Donald Trump")
    assert actor is not None
    node = actor.to_actor()
    assert isinstance(node, Actor)
    assert node == Actor.create("Donald Trump", "USA", "government", actor.aliases)
    assert "Trump" in node.aliases


def test_metonyms_and_the_state_institution_are_one_actor(r2025):
    washington = r2025.resolve("Washington")
    white_house = r2025.resolve("the White House")
    admin = r2025.resolve("the U.S. administration")
    assert washington == white_house == admin
    assert washington is not None and "White House" in washington.aliases


def test_resolver_is_cached_and_consistent(r2025):
    assert r2025.resolve("Beijing") is r2025.resolve("Beijing")


def test_is_person_name(r2025):
    assert r2025.is_person_name("Sheinbaum")
    assert r2025.is_person_name("Rosa Icela Rodríguez")
    assert r2025.is_person_name("Jim Jordan")
    assert not r2025.is_person_name("Mexico")
    assert not r2025.is_person_name("the Mexican government")
    assert not r2025.is_person_name("Washington Post")


def test_out_of_office_title_the_registry_does_not_track():
    rubio = ActorResolver(dt.date(2020, 1, 1)).resolve("Sen. Marco Rubio")
    assert rubio is not None
    assert (rubio.kind, rubio.role) == ("legislature", "Senator")
    trump = ActorResolver(dt.date(2022, 1, 1)).resolve("President Trump")
    assert trump is not None
    assert (trump.kind, trump.role) == ("person", "Former President")


def test_registry_offices_never_overlap():
    from ingest.actors._data import lexicon

    for (org, office), terms in lexicon().terms_by_org.items():
        if office == "minister":
            continue  # the catch-all for other cabinet posts has many holders at once
        ordered = sorted(terms, key=lambda t: t.start)
        for before, after in zip(ordered, ordered[1:], strict=False):
            assert before.end is not None and before.end <= after.start, (org, office, after)


def test_malformed_data_names_the_file_and_line(tmp_path):
    import shutil

    from ingest.actors import ActorDataError
    from ingest.actors._data import DATA_DIR, load_lexicon

    for path in DATA_DIR.iterdir():
        shutil.copy(path, tmp_path / path.name)
    terms = tmp_path / "terms.tsv"
    terms.write_text(
        terms.read_text(encoding="utf-8") + "Donald Trump\tUSA\tpresident\tPresident\t2025-13-01\n",
        encoding="utf-8",
    )
    with pytest.raises(ActorDataError, match=r"terms\.tsv:\d+: bad date '2025-13-01'"):
        load_lexicon(tmp_path)
    people = tmp_path / "people.tsv"
    people.write_text("Nobody\tXXX\tm\t\n", encoding="utf-8")
    with pytest.raises(ActorDataError, match=r"people\.tsv:1: unknown country 'XXX'"):
        load_lexicon(tmp_path)


def test_loader_accepts_its_own_data_dir(tmp_path):
    from ingest.actors._data import DATA_DIR, load_lexicon

    lex = load_lexicon(DATA_DIR)
    assert len(lex.people) >= 300
    assert len(lex.countries) >= 195
    assert "Donald Trump" in lex.people


def test_hint_never_overrides_a_named_country(r2025):
    assert expect(r2025.resolve_with_context("Chinese troops", "USA")) == (
        "People's Liberation Army",
        "CHN",
        "military",
    )
    assert expect(r2025.resolve_with_context("NATO", "USA")) == ("NATO", "IGO", "igo")


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        (
            "Senior Hungarian and Romanian officials",
            [
                ("Hungarian Government", "HUN", "government"),
                ("Romanian Government", "ROU", "government"),
            ],
        ),
        ("Turkish and Greek sides", [("Turkey", "TUR", "country"), ("Greece", "GRC", "country")]),
        (
            "US and British forces",
            [("U.S. Military", "USA", "military"), ("British Military", "GBR", "military")],
        ),
        (
            "the U.S. and Mexico",
            [("United States", "USA", "country"), ("Mexico", "MEX", "country")],
        ),
        (
            "Trump and Sheinbaum",
            [("Donald Trump", "USA", "government"), ("Claudia Sheinbaum", "MEX", "government")],
        ),
        (
            "Mexico, Canada and the United States",
            [
                ("Mexico", "MEX", "country"),
                ("Canada", "CAN", "country"),
                ("United States", "USA", "country"),
            ],
        ),
        ("Bosnia and Herzegovina", [("Bosnia and Herzegovina", "BIH", "country")]),
        (
            "the Food and Agriculture Organization",
            [("Food and Agriculture Organization", "IGO", "igo")],
        ),
        ("Trump and Trump", [("Donald Trump", "USA", "government")]),
        ("the offer and the threat", []),
    ],
)
def test_resolve_many_splits_coordinations(r2025, mention, expected):
    assert [expect(a) for a in r2025.resolve_many(mention)] == expected


def test_resolver_accepts_datetimes_and_iso_strings():
    on_datetime = ActorResolver(dt.datetime(2024, 10, 1, 6, 42, tzinfo=dt.UTC))
    on_string = ActorResolver("2024-10-01T06:42:00+05:30")
    assert on_datetime.on == on_string.on == dt.date(2024, 10, 1)
    assert expect(on_string.resolve("Sheinbaum")) == ("Claudia Sheinbaum", "MEX", "government")
    with pytest.raises(ValueError, match="cannot read the date 'yesterday'"):
        ActorResolver("yesterday")
    assert ActorResolver().on == dt.date.today()


# Every registry row is echoed through the resolver: one test per data file, listing every row
# that does not come back (file, what was asked, what came back).


def _fail_rows(file: str, wrong: list[str]) -> str:
    shown = "\n  ".join(wrong[:40])
    more = f"\n  ... and {len(wrong) - 40} more" if len(wrong) > 40 else ""
    return f"ingest/actors/data/{file}: {len(wrong)} rows do not resolve back:\n  {shown}{more}"


# Shared demonyms go to the larger state; "Georgia" needs a hint (see docs/actors.md).
_SHARED = {("COG", "Congolese"), ("DMA", "Dominican")}


def test_every_curated_country_by_name_and_adjective(r2025):
    from ingest.actors._data import DATA_DIR

    wrong, rows = [], 0
    for line in (DATA_DIR / "countries.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        iso3, name, adjective = line.split("\t")[:3]
        rows += 1
        if name != "Georgia" and (got := expect(r2025.resolve(name))) != (name, iso3, "country"):
            wrong.append(f"{name!r} -> {got}, expected ({name!r}, {iso3!r}, 'country')")
        if (iso3, adjective) not in _SHARED:
            gov = r2025.resolve(f"the {adjective} government")
            if gov is None or (gov.country, gov.kind) != (iso3, "government"):
                wrong.append(f"'the {adjective} government' -> {expect(gov)}, expected {iso3}")
    assert rows > 150  # the file was read
    assert not wrong, _fail_rows("countries.tsv", wrong)


def test_every_registry_name_and_unshared_alias(r2025):
    from ingest.actors._data import lexicon
    from ingest.actors._text import key as phrase_key

    lex = lexicon()
    shared = {
        key
        for key, entries in lex.phrases.items()
        if len({e.person for e in entries if e.type == "person"}) > 1
    }
    wrong, asked = [], 0
    for name, person in lex.people.items():
        for alias in (name, *person.aliases):
            if phrase_key(alias) in shared:
                continue
            asked += 1
            actor = r2025.resolve(alias)
            if actor is None or actor.name != name:
                wrong.append(f"{alias!r} -> {expect(actor)}, expected {name!r}")
    assert asked > 2000  # every person and alias was asked
    assert not wrong, _fail_rows("people.tsv", wrong)


def test_every_igo_name_and_alias(r2025):
    from ingest.actors._data import lexicon

    wrong = []
    igos = lexicon().igos.values()
    for igo in igos:
        for phrase in (igo.name, *igo.aliases):
            if (got := expect(r2025.resolve(phrase))) != (igo.name, "IGO", "igo"):
                wrong.append(f"{phrase!r} -> {got}, expected ({igo.name!r}, 'IGO', 'igo')")
    assert len(igos) > 20
    assert not wrong, _fail_rows("igos.tsv", wrong)


def test_every_metonym(r2025):
    from ingest.actors._data import lexicon

    wrong = []
    metonyms = lexicon().metonyms.items()
    for (iso3, kind), phrases in metonyms:
        for phrase in phrases:
            actor = r2025.resolve(phrase)
            if actor is None or (actor.country, actor.kind) != (iso3, kind):
                wrong.append(f"{phrase!r} -> {expect(actor)}, expected ({iso3!r}, {kind!r})")
    assert len(metonyms) > 10
    assert not wrong, _fail_rows("metonyms.tsv", wrong)


def test_group_nouns_get_their_other_number_but_peoples_and_titles_do_not():
    from ingest.actors._data import _other_number, lexicon

    assert [_other_number(w) for w in ("militants", "gunmen", "militia", "pirates")] == [
        "militant",
        "gunman",
        "militias",
        "pirate",
    ]
    lex = lexicon()
    assert any(e.type == "group" for e in lex.phrases["prisoner"])
    assert not any(e.type == "group" for e in lex.phrases.get("kurd", ()))
    assert not any(e.type == "group" for e in lex.phrases.get("opposition leader", ()))
