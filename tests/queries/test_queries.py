"""Conformance suite: every query on both backends answers the same, from synthetic_graph."""

from __future__ import annotations

import json

import pytest
import synthetic_graph as g

from queries import Filters, NotFound, QueryError, for_store


@pytest.fixture
def q(store):
    g.build(store)
    return for_store(store)


def test_resolve_country_and_actor(q):
    usa = q.resolve("usa")
    assert (usa.kind, usa.id, usa.name) == ("country", "USA", "United States")
    trump = q.resolve(g.TRUMP.id)
    assert (trump.kind, trump.name, trump.country) == ("actor", "Donald Trump", "USA")
    assert q.resolve("IGO").name == "International organizations"
    with pytest.raises(NotFound, match="XYZ"):
        q.resolve("XYZ")
    with pytest.raises(NotFound, match="no actor"):
        q.resolve("usa-person-nobody")
    with pytest.raises(QueryError):
        q.resolve("  ")


def test_relationship_country_level_both_directions(q):
    rel = q.relationship("USA", "MEX")
    ab, ba = rel.a_to_b, rel.b_to_a
    assert (ab.total, ba.total) == (3, 2)
    assert ab.by_quad == {"1": 3, "2": 0, "3": 0, "4": 0}
    assert ba.by_quad == {"1": 0, "2": 0, "3": 2, "4": 0}
    assert [(r["root"], r["events"]) for r in ab.by_root] == [("03", 1), ("04", 1), ("05", 1)]
    assert ab.goldstein_total == pytest.approx(15.1)
    assert ab.goldstein_mean == pytest.approx(5.033)
    assert ba.goldstein_mean == pytest.approx(-3.5)
    assert (ab.first_date, ab.last_date) == ("2025-04-10", "2025-05-20")
    assert (ba.first_date, ba.last_date) == ("2025-05-03", "2025-06-01")
    assert [e.id for e in ba.recent] == [g.ACCUSE.id, g.REJECT.id]
    assert {a["cameo"] for a in ab.top_actions} == {"0331", "042", "057"}
    reject = ba.recent[1]
    assert reject.n_sources == 2
    assert {r.sentence for r in reject.reports} >= {g.REJECT_SENTENCE}
    assert reject.source.name == "Claudia Sheinbaum" and reject.target.name == "Donald Trump"
    assert rel.total == 5
    json.dumps(rel.to_dict())  # plain data all the way down


def test_relationship_actor_level_and_mixed(q):
    rel = q.relationship(g.TRUMP.id, g.SHEINBAUM.id)
    assert (rel.a_to_b.total, rel.b_to_a.total) == (1, 1)
    assert rel.a_to_b.recent[0].reports[0].sentence == g.OFFER_SENTENCE
    mixed = q.relationship(g.TRUMP.id, "MEX")
    assert (mixed.a_to_b.total, mixed.b_to_a.total) == (1, 1)
    empty = q.relationship("CHN", g.SHEINBAUM.id)
    assert empty.total == 0 and empty.a_to_b.goldstein_mean is None
    assert empty.a_to_b.recent == [] and empty.a_to_b.first_date is None


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(), (3, 2)),
        (Filters(include_modes=True), (4, 2)),
        (Filters(min_confidence=0.6), (2, 2)),
        (Filters(date_from="2025-05-01"), (2, 2)),
        (Filters(date_to="2025-05-03"), (2, 1)),
        (Filters(roots=("04",)), (1, 0)),
        (Filters(roots=("04", "12")), (1, 1)),
        (Filters(quad_classes=(3,)), (0, 2)),
        (Filters(quad_classes=(4,), include_modes=True), (1, 0)),
        (Filters(outlet="Example News"), (1, 1)),
        (Filters(outlet="Example Wire"), (2, 2)),
    ],
)
def test_relationship_filters(q, filters, expected):
    rel = q.relationship("USA", "MEX", filters)
    assert (rel.a_to_b.total, rel.b_to_a.total) == expected


def test_timeline_dyad_month(q):
    tl = q.timeline("USA", with_="MEX", bucket="month")
    assert [b.start for b in tl.buckets] == ["2025-04-01", "2025-05-01", "2025-06-01"]
    may = tl.buckets[1]
    assert may.by_quad == {"1": 2, "2": 0, "3": 1, "4": 0}
    assert (may.total, may.cooperation, may.conflict) == (3, 2, 1)
    assert may.goldstein_mean == pytest.approx((5.2 - 5.0 + 1.9) / 3, abs=1e-3)
    assert tl.to_dict()["with"]["id"] == "MEX"


def test_timeline_week_and_day_fill_gaps(q):
    weeks = q.timeline("USA", with_="MEX", bucket="week")
    assert weeks.buckets[0].start == "2025-04-07"  # Monday of 2025-04-10
    assert weeks.buckets[-1].start == "2025-05-26"  # Monday of Sunday 2025-06-01
    assert len(weeks.buckets) == 8
    assert sum(b.total for b in weeks.buckets) == 5
    days = q.timeline("USA", with_="MEX", bucket="day")
    assert len(days.buckets) == 53 and days.buckets[0].start == "2025-04-10"
    assert sum(b.total for b in days.buckets) == 5


def test_timeline_actor_and_filters(q):
    assert sum(b.total for b in q.timeline("USA").buckets) == 6
    assert sum(b.total for b in q.timeline("USA", filters=Filters(include_modes=True)).buckets) == 7
    only = q.timeline(g.TRUMP.id, bucket="day")
    assert [(b.start, b.total) for b in only.buckets] == [("2025-05-03", 2)]
    assert q.timeline("CHN", with_=g.SHEINBAUM.id).buckets == []
    with pytest.raises(QueryError, match="bucket"):
        q.timeline("USA", bucket="year")


def test_actor_profile_actor(q):
    p = q.actor_profile(g.TRUMP.id)
    assert p.ref.kind == "actor" and "Trump" in p.aliases
    assert (p.events_as_source, p.events_as_target) == (1, 1)
    assert [(x.actor.id, x.events) for x in p.partners_out] == [(g.SHEINBAUM.id, 1)]
    assert [(x.actor.id, x.events) for x in p.partners_in] == [(g.SHEINBAUM.id, 1)]
    assert [e.date for e in p.recent] == ["2025-05-03", "2025-05-03"]
    assert p.by_quad == {"1": 1, "2": 0, "3": 1, "4": 0}


def test_actor_profile_country(q):
    p = q.actor_profile("MEX")
    assert p.ref.kind == "country"
    assert {m.id for m in p.members} == {g.MEX_GOV.id, g.SHEINBAUM.id, g.AMLO.id}
    assert p.members[0].id == g.MEX_GOV.id  # the busiest first
    assert (p.events_as_source, p.events_as_target) == (4, 5)
    assert p.by_quad == {"1": 5, "2": 0, "3": 2, "4": 1}
    # a country's partners are countries (all their actors, as on the relationship page)
    assert [(x.actor.id, x.events) for x in p.partners_out] == [("USA", 2), (g.CARTEL.id, 1)]
    assert p.partners_out[0].events == q.relationship("MEX", "USA").a_to_b.total
    assert len(p.recent) == 8


def test_event_detail_with_highlights(q):
    ev = q.event_detail(g.REJECT.id)
    assert ev.n_sources == 2 and ev.label.startswith("Reject")
    main = next(r for r in ev.reports if r.sentence == g.REJECT_SENTENCE)
    assert main.url == g.ART1.url and main.outlet == "Example News"
    marked = {h["role"]: g.REJECT_SENTENCE[h["start"] : h["end"]] for h in main.highlights}
    assert marked == {"source": "Claudia Sheinbaum", "action": "rejected", "target": "Trump"}
    offer = q.event_detail(g.OFFER.id)
    roles = {h["role"] for h in offer.reports[0].highlights}
    assert roles == {"source", "action"}  # Sheinbaum is not named in that sentence
    with pytest.raises(NotFound):
        q.event_detail("e-missing")


@pytest.mark.parametrize(
    ("query", "first_id", "matched"),
    [
        ("lopez obrador", g.AMLO.id, "Andrés Manuel López Obrador"),
        ("LÓPEZ", g.AMLO.id, "Andrés Manuel López Obrador"),
        ("obrador andres", g.AMLO.id, "Andrés Manuel López Obrador"),
        ("amlo", g.AMLO.id, "AMLO"),
        ("sheinb", g.SHEINBAUM.id, "Sheinbaum"),
        ("trump", g.TRUMP.id, "Trump"),
        ("washington", g.US_GOV.id, "Washington"),
        ("MEX", "MEX", "MEX"),
        ("mexico", "MEX", "Mexico"),
    ],
)
def test_search(q, query, first_id, matched):
    hits = q.search_actors(query)
    assert hits[0].id == first_id and hits[0].matched == matched


def test_search_misses_and_code(q):
    assert q.search_actors("zzzz") == []
    assert q.search_actors("   ") == []
    assert q.search_actors("pez") == []  # word prefixes only, not the middle of words
    ids = [h.id for h in q.search_actors("mex")]
    assert ids[0] == "MEX" and {g.SHEINBAUM.id, g.AMLO.id, g.MEX_GOV.id} <= set(ids)
    assert len(q.search_actors("mex", limit=2)) == 2


def test_top_dyads(q):
    top = q.top_dyads(10)
    assert (top[0].a.id, top[0].b.id) == ("MEX", "USA")
    assert (top[0].a_to_b, top[0].b_to_a, top[0].total) == (2, 3, 5)
    assert top[0].a.name == "Mexico" and top[0].a.kind == "country"
    ids = {(d.a.id, d.b.id) for d in top}
    assert ("MEX", g.CARTEL.id) in ids and ("CHN", "USA") in ids  # countryless actor kept
    assert all(d.a.id != d.b.id for d in top)
    actors = q.top_dyads(2, level="actor")
    assert {actors[0].a.id, actors[0].b.id} == {g.US_GOV.id, g.MEX_GOV.id}
    assert actors[0].total == 3 and len(actors) == 2
    assert q.top_dyads(5, Filters(quad_classes=(3,)))[0].total == 2


def test_recent_events(q):
    assert [e.id for e in q.recent_events(3)] == [g.ACCUSE.id, g.CARTEL_EV.id, g.VISIT.id]
    modes = q.recent_events(20, Filters(include_modes=True))
    assert g.THREAT.id in [e.id for e in modes] and len(modes) == 10
    assert len(q.recent_events(20)) == 9


def test_shortest_connection(q):
    c = q.shortest_connection(g.CHINA.id, g.CARTEL.id)
    assert c.found and c.hops == 2
    assert [a.id for a in c.actors] == [g.CHINA.id, g.MEX_GOV.id, g.CARTEL.id]
    assert [e.id for e in c.events] == [g.XSS.id, g.CARTEL_EV.id]
    assert not q.shortest_connection(g.CHINA.id, g.SHEINBAUM.id).found
    direct = q.shortest_connection("USA", "MEX")
    assert direct.found and direct.hops == 1
    assert q.shortest_connection(g.TRUMP.id, g.TRUMP.id).hops == 0


def test_overview(q):
    o = q.overview()
    assert o.nodes == {"Actor": 8, "Event": 10, "Article": 3}
    assert (o.first_date, o.last_date) == ("2024-12-01", "2025-06-01")
    assert o.by_quad == {"1": 6, "2": 0, "3": 2, "4": 1}
    assert o.countries == 3
    assert [x["outlet"] for x in o.outlets] == ["Example News", "Example Wire", "Other"]
    assert q.counts() == o  # the same answer under its other name


def test_neighbourhood(q):
    n = q.neighbourhood("MEX")
    ids = {node["id"] for node in n["nodes"]}
    # a country's neighbours are countries; an actor without a country stays itself
    assert ids == {"MEX", "USA", "CHN", g.CARTEL.id}
    edge = next(e for e in n["edges"] if e["source"] == "MEX" and e["target"] == "USA")
    assert edge["events"] == 2  # REJECT and ACCUSE, as the relationship page counts them
    assert edge["events"] == q.relationship("MEX", "USA").a_to_b.total
    into = next(e for e in n["edges"] if e["source"] == "USA" and e["target"] == "MEX")
    assert into["events"] == 3  # the hypothetical strike is out
    actor = q.neighbourhood(g.SHEINBAUM.id)  # an actor's neighbours stay actors
    assert {node["id"] for node in actor["nodes"]} == {g.SHEINBAUM.id, g.TRUMP.id}


def test_empty_store(store):
    q = for_store(store)
    assert q.recent_events() == [] and q.top_dyads() == []
    assert q.overview().first_date is None
    assert q.relationship("USA", "MEX").total == 0


def test_filters_from_args():
    f = Filters.from_args(
        {"from": "2025-01-01", "to": "2025-02-01", "root": "4,12", "quad": "1", "outlet": "X"}
    )
    assert f == Filters("2025-01-01", "2025-02-01", ("04", "12"), (1,), None, "X", False)
    assert Filters.from_args(f.to_args()) == f
    assert Filters.from_args({"include_modes": "1", "min_confidence": "0.5"}).include_modes
    for bad in (
        {"from": "2025-13-01"},
        {"from": "yesterday"},
        {"root": "21"},
        {"quad": "5"},
        {"quad": "x"},
        {"min_confidence": "2"},
        {"min_confidence": "high"},
    ):
        with pytest.raises(QueryError):
            Filters.from_args(bad)


def test_relationship_with_timeline_matches_timeline(q):
    rel = q.relationship("USA", "MEX", bucket="month")
    assert rel.bucket == "month"
    assert rel.timeline == q.timeline("USA", with_="MEX", bucket="month").buckets
    auto = q.relationship("USA", "MEX", bucket="auto")
    assert auto.bucket == "week"  # 2025-04-10 .. 2025-06-01 is 52 days
    assert auto.timeline == q.timeline("USA", with_="MEX", bucket="week").buckets
    assert q.timeline("USA", with_="MEX", bucket="auto").bucket == "week"
    filtered = q.relationship("USA", "MEX", Filters(quad_classes=(3,)), bucket="day")
    assert [(b.start, b.total) for b in filtered.timeline if b.total] == [
        ("2025-05-03", 1),
        ("2025-06-01", 1),
    ]
    assert q.relationship("USA", "MEX").timeline == []  # not asked for
    assert q.relationship("CHN", g.SHEINBAUM.id, bucket="auto").timeline == []
    with pytest.raises(QueryError, match="bucket"):
        q.relationship("USA", "MEX", bucket="year")


@pytest.mark.parametrize(
    "published",
    ["2025-05-05T06:42:00+05:30", "2025-05-04T23:59:59+00:00", "2025-05-05T00:10:00-04:00"],
)
def test_published_reads_back_as_written_from_either_store(store, published):
    """The embedded store keeps the text, Neo4j a DateTime: the JSON twin shows one format."""
    from kg.model import Article, GraphBatch

    article = Article(Article.make_id(None, published), None, "t", "Outlet", published, published)
    visit = g.event(g.US_GOV, g.MEX_GOV, "042", "2025-05-04", "met", "They met.", article)
    store.upsert(GraphBatch(articles=[article], actors=[g.US_GOV, g.MEX_GOV], events=[visit]))
    (report,) = for_store(store).event_detail(visit.id).reports
    assert report.published == published
    assert store.get_article(article.id).published == published
