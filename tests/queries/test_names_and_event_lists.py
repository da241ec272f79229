"""Names everywhere ids work, one count per question, filtered and paged event lists, the
timeline of every event and the change summary: both backends, on synthetic_graph plus a few
extra actors and events (a country-kind actor, a non-state group, a two-way event)."""

from __future__ import annotations

import pytest
import synthetic_graph as g

from kg.model import Actor, Event, GraphBatch, Report
from queries import Filters, NotFound, QueryError, for_store
from queries._base import change_summary, fold_mutual
from queries._types import TimelineBucket

MEX_STATE = Actor.create("Mexico", "MEX", "country", ("United Mexican States",))
GULF = Actor.create("Gulf Cartel", "MEX", "group", ())
PACT = "China and Washington signed a trade pact on Monday."
# one sentence, coded both ways: a two-way event
PACT_AB = Event.coded(
    g.CHINA.id, g.US_GOV.id, "057", "2025-06-09", action_text="signed", confidence=0.9,
    reports=(Report(g.ART2.id, PACT, 0, len(PACT)),),
)  # fmt: skip
PACT_BA = Event.coded(
    g.US_GOV.id, g.CHINA.id, "057", "2025-06-09", action_text="signed", confidence=0.9,
    reports=(Report(g.ART2.id, PACT, 0, len(PACT)),),
)  # fmt: skip
RAID = "Washington sanctioned the Gulf Cartel's leaders."
SANCTION = Event.coded(
    g.US_GOV.id, GULF.id, "163", "2025-06-10", action_text="sanctioned", confidence=0.8,
    reports=(Report(g.ART2.id, RAID, 0, len(RAID)),),
)  # fmt: skip
ASSERTED = 9 + 3  # synthetic_graph's asserted events, plus the three above


@pytest.fixture
def q(store):
    g.build(store)
    store.upsert(
        GraphBatch(articles=[], actors=[MEX_STATE, GULF], events=[PACT_AB, PACT_BA, SANCTION])
    )
    return for_store(store)


@pytest.mark.parametrize(
    ("name", "kind", "ident"),
    [
        ("United States", "country", "USA"),  # a country's name
        ("mexico", "country", "MEX"),  # the country wins over the government named Mexico
        ("United Mexican States", "country", "MEX"),  # an alias of the country-kind actor
        ("usa", "country", "USA"),  # ISO3, any case
        ("Sheinbaum", "actor", g.SHEINBAUM.id),  # an alias
        ("andres manuel lopez obrador", "actor", g.AMLO.id),  # accents and case folded
        ("Washington", "actor", g.US_GOV.id),
        ("Sinaloa Cartel", "actor", g.CARTEL.id),
        (g.TRUMP.id, "actor", g.TRUMP.id),  # ids keep working
    ],
)
def test_resolve_by_name_alias_and_code(q, name, kind, ident):
    ref = q.resolve(name)
    assert (ref.kind, ref.id) == (kind, ident)


@pytest.mark.parametrize(
    ("name", "suggested"),
    [("Claudia", [g.SHEINBAUM.id]), ("trum", [g.TRUMP.id]), ("Atlantis", [])],
)
def test_unknown_name_raises_not_found_with_suggestions(q, name, suggested):
    with pytest.raises(NotFound) as caught:
        q.resolve(name)
    assert caught.value.ref == name
    assert [h.id for h in caught.value.suggestions] == suggested


def test_search_shows_each_country_once_and_says_what_it_means(q):
    hits = q.search_actors("mexico")
    countries = [h for h in hits if h.kind == "country"]
    assert [h.id for h in countries] == ["MEX"]  # the country-kind actor is folded in
    assert countries[0].description == "country: all actors of Mexico"
    assert MEX_STATE.id not in {h.id for h in hits}
    gov = next(h for h in hits if h.id == g.MEX_GOV.id)  # the government stays an actor
    assert gov.description == "government · Mexico"
    assert "United Mexican States" in countries[0].aliases
    group = q.search_actors("gulf")[0]
    assert (group.id, group.description) == (GULF.id, "non-state group · Mexico")


def test_event_list_pages_reach_every_event(q):
    pages = [q.event_list(limit=5, offset=o) for o in (0, 5, 10)]
    assert {p.total for p in pages} == {ASSERTED}
    ids = [e.id for p in pages for e in p.events]
    # the two-way pact is shown once (marked mutual), so one id fewer than the total
    assert len(ids) == len(set(ids)) == ASSERTED - 1
    newest = q.recent_events(ASSERTED)
    assert ids == [e.id for e in fold_mutual(newest)]


@pytest.mark.parametrize(
    ("args", "total"),
    [
        ({"actor": "Mexico"}, 9),  # by name: the country, all its actors (+ the sanction)
        ({"actor": "MEX", "with_": "United States"}, 6),  # the dyad, both ways
        ({"source": "USA", "target": "MEX"}, 4),
        ({"source": "USA"}, 5),
        ({"target": "Sheinbaum"}, 1),
        ({"filters": Filters(cameos=("112",))}, 1),  # a full code
        ({"filters": Filters(cameos=("0331",))}, 1),
        ({"filters": Filters(cameos=("033",))}, 1),  # a code matches its sub-codes
        ({"filters": Filters(cameos=("04",))}, 2),  # a root
        ({"filters": Filters(outlet="example wire")}, 9),  # outlets in any case
        ({"filters": Filters(outlet="EXAMPLE NEWS")}, 2),
    ],
)
def test_event_list_filters(q, args, total):
    page = q.event_list(limit=50, **args)
    assert page.total == total
    assert len({e.id for e in page.events}) + sum(e.mutual for e in page.events) == total


@pytest.mark.parametrize(
    ("args", "total"),
    [
        ({"with_": "MEX"}, 9),  # with alone: events touching it
        ({"actor": "MEX", "source": "USA"}, 4),  # every reference given applies
        ({"actor": "MEX", "target": "Sheinbaum"}, 1),
        ({"actor": "USA", "with_": "MEX", "source": "MEX"}, 2),
        ({"actor": "USA", "with_": "MEX", "target": "MEX"}, 4),
        ({"actor": "CHN", "source": "USA", "filters": Filters(cameos=("057",))}, 1),
    ],
)
def test_event_list_combines_references(q, args, total):
    page = q.event_list(limit=50, **args)
    assert page.total == total
    assert len(page.events) + sum(e.mutual for e in page.events) == total


def test_cameo_filter_arguments():
    with pytest.raises(QueryError, match="CAMEO code"):
        Filters.from_args({"cameo": "9x"})
    assert Filters.from_args({"cameo": "111,0871"}).cameos == ("111", "0871")


def test_country_counts_agree_on_every_page(q):
    """The country page, the relationship page and the graph give the same number for
    United States -> Mexico, and the non-state group is a line of its own in each."""
    rel = q.relationship("USA", "MEX")
    assert rel.a_to_b.total == 4 and rel.a_to_b.non_state == 1
    gulf = [p for p in rel.a_to_b.pairs if p["non_state"]]
    assert [(p["target"]["id"], p["events"]) for p in gulf] == [(GULF.id, 1)]
    profile = q.actor_profile("USA")
    mex = next(p for p in profile.partners_out if p.actor.id == "MEX")
    assert mex.events == rel.a_to_b.total
    assert [(x["actor"]["id"], x["events"]) for x in mex.non_state] == [(GULF.id, 1)]
    # from Mexico's side the group is its own actor, listed apart on the same line
    usa = next(p for p in q.actor_profile("MEX").partners_in if p.actor.id == "USA")
    assert usa.events == rel.a_to_b.total
    assert [(x["actor"]["id"], x["events"]) for x in usa.non_state] == [(GULF.id, 1)]
    graph = q.neighbourhood("USA")
    edge = next(e for e in graph["edges"] if (e["source"], e["target"]) == ("USA", "MEX"))
    assert edge["events"] == rel.a_to_b.total
    assert {n["id"] for n in graph["nodes"]} == {"USA", "MEX", "CHN"}  # actors grouped


def test_two_way_event_is_shown_once_and_marked_mutual(q):
    rel = q.relationship("CHN", "USA")
    both = sorted(rel.a_to_b.recent + rel.b_to_a.recent, key=lambda e: (e.date, e.id))[::-1]
    shown = fold_mutual(both)
    pact = [e for e in shown if e.cameo == "057"]
    assert len(pact) == 1 and pact[0].mutual
    assert [e.mutual for e in shown if e.cameo != "057"] == [False]  # Beijing's offer of talks


def test_timeline_of_every_event(q):
    tl = q.timeline(None, bucket="month")
    assert tl.actor is None
    assert sum(b.total for b in tl.buckets) == ASSERTED
    assert [b.start for b in tl.buckets][:2] == ["2024-12-01", "2025-01-01"]  # gaps filled
    assert tl.summary is not None and tl.summary.startswith("Conflict share")
    alone = q.timeline(None, with_="Mexico", bucket="month")  # one side named: its events
    assert alone.actor.id == "MEX" and alone.buckets == q.timeline("MEX", bucket="month").buckets


def _bucket(start: str, coop: int, conflict: int, gold: float | None) -> TimelineBucket:
    quads = {"1": coop, "2": 0, "3": conflict, "4": 0}
    return TimelineBucket(start, coop + conflict, quads, gold, coop, conflict)


@pytest.mark.parametrize(
    ("buckets", "expected"),
    [
        (
            [
                _bucket("2025-01-01", 4, 1, 2.0),
                _bucket("2025-02-01", 4, 1, 2.0),
                _bucket("2025-03-01", 1, 4, -4.0),
                _bucket("2025-04-01", 1, 4, -4.0),
            ],
            "Conflict share 20% → 80% since March 2025 (2 of 10 events before, 8 of 10 since);"
            " mean Goldstein +2.0 → −4.0",
        ),
        (  # the later half of the period is empty: split where the events are
            [
                _bucket("2025-01-01", 3, 0, 1.0),
                _bucket("2025-02-01", 0, 1, -2.0),
                _bucket("2025-03-01", 0, 0, None),
                _bucket("2025-04-01", 0, 0, None),
            ],
            "Conflict share 0% → 100% since February 2025 (0 of 3 events before, 1 of 1 since);"
            " mean Goldstein +1.0 → −2.0",
        ),
        ([_bucket("2025-01-01", 3, 0, 1.0), _bucket("2025-02-01", 0, 0, None)], None),
    ],
)
def test_change_summary(buckets, expected):
    assert change_summary(buckets, "month") == expected
