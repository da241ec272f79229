"""How noun phrases resolve where a table row cannot say it: several answers that must agree,
places (`resolve_place`), counterparts, `resolve_many`, registry loading. Mentions written for
these tests; the table-like cases are rows of tests/ingest/cases/actors/*.yaml."""

from __future__ import annotations

import datetime as dt

import pytest

from ingest.actors import ActorResolver, ResolvedActor


def triple(actor: ResolvedActor | None) -> tuple[str | None, str | None, str | None]:
    return (actor.name, actor.country, actor.kind) if actor else (None, None, None)


def test_patron_body_is_not_the_actor(r: ActorResolver) -> None:
    # before: "Al Qaeda-linked militants" resolved to al-Qaeda itself
    actor = r.resolve("Al Qaeda-linked militants")
    assert actor is not None and actor.name != "al-Qaeda"
    assert triple(r.resolve("an Al Qaeda-linked Somali militant group")) == (
        "Somali Militants",
        "SOM",
        "group",
    )
    # "-led" keeps the leader, as CAMEO codes led forces
    assert triple(r.resolve("NATO-led forces"))[1] == "IGO"


def test_located_participle_keeps_a_named_body(r: ActorResolver) -> None:
    red_cross = r.resolve("the Red Cross operating in Gaza")
    assert red_cross is not None and red_cross.name == "International Committee of the Red Cross"


def test_description_before_named_body(r: ActorResolver) -> None:
    actor = r.resolve("Human rights organization Amnesty International")
    assert triple(actor) == ("Amnesty International", None, "organization")
    # a capitalized unknown word before a country is still not the country
    assert r.resolve("Jim Jordan") is None


def test_media_or_company_name_after_its_noun(r: ActorResolver) -> None:
    assert triple(r.resolve("the Kenyan newspaper Daily Nation")) == (
        "Daily Nation",
        "KEN",
        "organization",
    )
    assert triple(r.resolve("Czechoslovak news agency Ceteka")) == ("Ceteka", "CZE", "organization")
    # a title before a name stays a person
    minister = r.resolve("Kenyan Interior Minister John Kamau")
    assert minister is not None and minister.role and minister.country == "KEN"


def test_short_names(r: ActorResolver) -> None:
    assert triple(r.resolve("Trinidad"))[1] == "TTO"
    assert triple(r.resolve("the Fatah Party"))[:2] == ("Fatah", "PSE")


def test_a_side_named_in_the_text_blocks_the_hint(r: ActorResolver) -> None:
    # "pro-Russia rebels" in an article about the U.S. are not U.S. rebels
    assert triple(r.resolve_with_context("pro-Russia rebels", "USA"))[1] is None
    assert triple(r.resolve_with_context("Iran-backed militias", "IRQ"))[1] is None
    # without a stated side the hint still applies
    assert triple(r.resolve_with_context("the rebels", "COL"))[1] == "COL"


def test_names_that_are_also_common_phrases_need_capitals(r: ActorResolver) -> None:
    assert r.resolve("a strict Islamic state") is None
    assert triple(r.resolve("the Islamic State"))[0] == "Islamic State"
    assert triple(r.resolve("Lebanese Forces"))[:3] == ("Lebanese Forces", "LBN", "organization")
    assert triple(r.resolve("Lebanese forces"))[2] == "military"


def test_non_negates_a_group(r: ActorResolver) -> None:
    # before: "non-Muslims" resolved to Muslims (and took the hint: "Somali Muslims")
    assert r.resolve_with_context("non-Muslims", "SOM") is None
    militia = r.resolve("non-Arab militias")
    assert militia is not None and "Arab" not in militia.name


def test_igo_key_that_is_a_country_code_is_rejected(tmp_path) -> None:
    import shutil

    from ingest.actors import ActorDataError
    from ingest.actors._data import DATA_DIR, load_lexicon

    for path in DATA_DIR.iterdir():
        shutil.copy(path, tmp_path / path.name)
    igos = tmp_path / "igos.tsv"
    # "CAN" for the Andean Community would turn the Canadian government into that IGO
    igos.write_text(
        igos.read_text(encoding="utf-8") + "CAN\tAndean Community\tComunidad Andina\n",
        encoding="utf-8",
    )
    with pytest.raises(ActorDataError, match=r"igos\.tsv:\d+: key 'CAN' is already"):
        load_lexicon(tmp_path)


def test_mediators_are_never_the_hints_state(r: ActorResolver) -> None:
    # before: "the mediators" in an article about Israel became the Israeli government
    assert r.resolve_with_context("the mediators", "ISR") is None
    assert triple(r.resolve_with_context("Egyptian mediators", "ISR"))[1] == "EGY"


def test_named_parliament_and_generic_one_are_one_actor(r: ActorResolver) -> None:
    sejm = r.resolve("the Sejm")
    generic = r.resolve("the Polish parliament")
    assert sejm is not None and generic is not None
    assert sejm.to_actor().id == generic.to_actor().id
    kyiv_office = r.resolve("Bankova")
    assert kyiv_office is not None and kyiv_office.country == "UKR"


def test_coalition_government_keeps_the_hint_but_coalition_forces_do_not(r: ActorResolver) -> None:
    government = r.resolve_with_context("the coalition government", "ISR")
    assert government is not None and government.country == "ISR"
    assert r.resolve_with_context("coalition troops", "ISR") is None


def test_lower_case_islamic_republic_is_still_iran(r: ActorResolver) -> None:
    # wire style writes "the Islamic republic" for Iran
    assert triple(r.resolve("the Islamic republic"))[1] == "IRN"


def test_compass_conjunct_shares_the_rest_of_the_name(r: ActorResolver) -> None:
    # before: only the South Korean government was found
    found = r.resolve_many("North and South Korean officials")
    assert [a.country for a in found] == ["PRK", "KOR"]


def test_hong_kong_chief_executive_is_the_government() -> None:
    r2025 = ActorResolver(dt.date(2025, 5, 4))
    # before: "Hong Kong CEOs", an organization
    head = r2025.resolve("the Hong Kong chief executive")
    assert head is not None and (head.name, head.kind) == ("John Lee Ka-chiu", "government")
    named = r2025.resolve("Hong Kong Chief Executive John Lee")
    assert named is not None and (named.country, named.kind) == ("HKG", "government")
    ceo = r2025.resolve("a U.S. chief executive")
    assert ceo is not None and ceo.kind == "organization"


@pytest.mark.parametrize("mention", ["the UN refugee chief", "the U.N. human rights chief"])
def test_head_of_a_part_of_an_igo_is_not_its_secretary_general(mention: str) -> None:
    r2025 = ActorResolver(dt.date(2025, 5, 4))
    # before: Antonio Guterres
    actor = r2025.resolve(mention)
    assert actor is not None and actor.country == "IGO" and actor.name != "António Guterres"
    chief = r2025.resolve("the UN chief")
    assert chief is not None and chief.name == "António Guterres"


def test_an_ethnic_leader_is_no_state_office(r: ActorResolver) -> None:
    # "the ethnic Hungarian leader" leads a minority, not Hungary or the hinted state
    assert r.resolve("the ethnic Hungarian leader") is None
    assert r.resolve_with_context("the ethnic Hungarian leader", "SVK") is None


@pytest.mark.parametrize(
    ("phrase", "iso3"),
    [
        # a place described by its people or faith (before: None)
        ("mostly Christian east Beirut", "LBN"),
        ("predominantly Muslim northern Nigeria", "NGA"),
        ("the largely Sunni west of Iraq", "IRQ"),
        # "X-held": X holds the place; the place is what follows (before: None)
        ("rebel-held eastern Aleppo", "SYR"),
        ("the Israeli-occupied West Bank", "PSE"),
        ("government-controlled Damascus", "SYR"),
    ],
)
def test_described_places(r: ActorResolver, phrase: str, iso3: str) -> None:
    assert r.resolve_place(phrase) == iso3


def test_an_actor_based_in_a_described_place(r: ActorResolver) -> None:
    actor = r.resolve("a radio station based in mostly Christian east Beirut")
    assert actor is not None and actor.country == "LBN", actor


@pytest.mark.parametrize("phrase", ["Israeli-occupied", "mostly Christian", "rebel-held"])
def test_descriptions_alone_are_no_place(r: ActorResolver, phrase: str) -> None:
    assert r.resolve_place(phrase) is None


def test_another_states_department_is_not_the_us_one(r: ActorResolver) -> None:
    actor = r.resolve("Chile's State Department spokesman")
    assert actor is not None and actor.country == "CHL", actor


def test_the_party_alone_is_nobody(r: ActorResolver) -> None:
    assert r.resolve("the party") is None
    assert r.resolve_with_context("the party", "PAK") is None


def test_a_states_own_security_council_is_not_the_uns(r: ActorResolver) -> None:
    # before: the title's kind ("organization") for a Russian official
    actor = r.resolve("Russia's Security Council deputy chairman Dmitry Medvedev")
    assert actor is not None and (actor.country, actor.kind) == ("RUS", "government"), actor
    body = r.resolve("Russia's Security Council")
    assert body is not None and (body.country, body.kind) == ("RUS", "government"), body
    un = r.resolve("the UN Security Council")
    assert un is not None and un.country == "IGO", un


@pytest.mark.parametrize(
    ("role", "iso3", "name"),
    [
        # "his Saudi counterpart" of a foreign minister is the Saudi foreign minister
        ("Foreign Minister", "SAU", "Faisal bin Farhan"),
        ("Prime Minister", "JPN", "Fumio Kishida"),
        ("President", "USA", "Joe Biden"),
        ("Former President", "USA", "Joe Biden"),  # the office, as held on the date
        ("Interior Minister", "MEX", "Mexican Interior Minister"),  # an office actor
    ],
)
def test_counterpart_holds_the_same_office_in_the_other_state(
    r: ActorResolver, role: str, iso3: str, name: str
) -> None:
    actor = ActorResolver(dt.date(2024, 6, 3)).counterpart(role, iso3)
    assert actor is not None and (actor.name, actor.country) == (name, iso3), actor


@pytest.mark.parametrize(
    ("role", "iso3"), [("", "USA"), ("Foreign Minister", "XXX"), ("the", "FRA")]
)
def test_counterpart_needs_a_title_and_a_state(r: ActorResolver, role: str, iso3: str) -> None:
    assert r.counterpart(role, iso3) is None


@pytest.mark.parametrize("mention", ["and", "&", " , ", "or ;"])
def test_a_coordination_of_nothing_is_no_actor(r: ActorResolver, mention: str) -> None:
    # before: IndexError in resolve_many
    assert r.resolve_many(mention) == ()
    assert r.resolve_many(mention, "USA") == ()


def test_a_group_in_a_place_is_still_local_without_a_foreign_word(r: ActorResolver) -> None:
    actor = r.resolve("security forces in Guinea")
    assert actor is not None and actor.country == "GIN", actor


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


def test_named_peacekeepers_keep_their_state_or_body(r: ActorResolver) -> None:
    assert triple(r.resolve_with_context("Russian peacekeepers", "AZE"))[1] == "RUS"
    assert triple(r.resolve("UN peacekeepers")) == ("UN Peacekeepers", "IGO", "igo")
    assert triple(r.resolve_with_context("the army", "CIV"))[1] == "CIV"


def test_troops_in_a_place_keep_their_state(r: ActorResolver) -> None:
    # the minority rule must not move a state's forces to where they are
    assert triple(r.resolve("Serb forces in Kosovo"))[1] == "SRB"
