"""The analyst's questions by name, on both backends: names in paths and arguments (or "did you
mean"), the events list (filters, count, paging, clean URLs), charts that do not mislead, and
one count per question on the country, relationship and graph pages."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from web_support import make_app

from kg.model import Actor, Event, GraphBatch, Report
from web._svg import timeline_svg

GULF = Actor.create("Gulf Cartel", "MEX", "group", ())
PACT = "China and Washington signed a trade pact on Monday."
SANCTION_TEXT = "Washington sanctioned the Gulf Cartel's leaders."


def _extra(g) -> GraphBatch:
    """A non-state group of Mexico, and one sentence coded both ways (a two-way event)."""

    def ev(src, tgt, code, day, text):
        return Event.coded(
            src.id, tgt.id, code, day, action_text="signed", confidence=0.9,
            reports=(Report(g.ART2.id, text, 0, len(text)),),
        )  # fmt: skip

    return GraphBatch(
        articles=[],
        actors=[GULF],
        events=[
            ev(g.CHINA, g.US_GOV, "057", "2025-06-09", PACT),
            ev(g.US_GOV, g.CHINA, "057", "2025-06-09", PACT),
            ev(g.US_GOV, GULF, "163", "2025-06-10", SANCTION_TEXT),
        ],
    )


@pytest.fixture
def client(graph_store, tmp_path, g):
    graph_store.upsert(_extra(g))
    return make_app(graph_store, tmp_path).test_client()


# ---------------------------------------------------------------- 1. names everywhere
@pytest.mark.parametrize(
    ("url", "to"),
    [
        ("/relationship/United States/Mexico", "/relationship/USA/MEX"),
        ("/relationship/united states/mexico?bucket=week", "/relationship/USA/MEX?bucket=week"),
        ("/actors/Mexico", "/actors/MEX"),
        ("/actors/Sheinbaum", "/actors/{SHEINBAUM}"),
        ("/actors/U.S.", "/actors/{US_GOV}"),  # an alias with dots
        ("/graph/Mexico", "/graph/MEX"),
        ("/connection/Beijing/Sheinbaum", "/connection/{CHINA}/{SHEINBAUM}"),
        ("/timeline?actor=Mexico&with=United+States", "/timeline?actor=MEX&with=USA"),
        ("/events?actor=Mexico", "/events?actor=MEX"),
        ("/events?source=Sheinbaum&target=united+states", "/events?source={SHEINBAUM}&target=USA"),
        ("/relationship?a=United+States&b=Mexico", "/relationship/USA/MEX"),
    ],
)
def test_names_redirect_to_the_id_page(client, g, url, to):
    resp = client.get(url)
    assert resp.status_code == 302, resp.get_data(as_text=True)[:300]
    ids = {"SHEINBAUM": g.SHEINBAUM.id, "US_GOV": g.US_GOV.id, "CHINA": g.CHINA.id}
    assert resp.headers["Location"] == to.format(**ids)
    assert client.get(resp.headers["Location"]).status_code == 200


def test_json_twins_answer_names_in_place(client):
    data = client.get("/relationship/United States/Mexico.json").get_json()
    assert (data["a"]["id"], data["b"]["id"], data["total"]) == ("USA", "MEX", 6)
    assert client.get("/actors/Mexico.json").get_json()["ref"]["kind"] == "country"
    assert client.get("/timeline.json?actor=Mexico").get_json()["actor"]["id"] == "MEX"


@pytest.mark.parametrize(
    ("url", "link"),
    [
        ("/actors/Claudia", "/actors/{SHEINBAUM}"),
        ("/relationship/USA/trum", "/relationship/USA/{TRUMP}"),
        ("/timeline?actor=Claudia", "/timeline?actor={SHEINBAUM}"),
    ],
)
def test_unknown_names_offer_did_you_mean(client, g, url, link):
    resp = client.get(url)
    html = resp.get_data(as_text=True)
    assert resp.status_code == 404 and "Did you mean" in html
    ids = {"SHEINBAUM": g.SHEINBAUM.id, "TRUMP": g.TRUMP.id}
    assert f'href="{link.format(**ids)}"' in html


def test_did_you_mean_in_json(client, g):
    body = client.get("/relationship/USA/trum.json").get_json()
    assert body["status"] == 404
    assert [(s["id"], s["url"]) for s in body["suggestions"]] == [
        (g.TRUMP.id, f"/relationship/USA/{g.TRUMP.id}.json")
    ]
    nothing = client.get("/actors/Atlantis.json").get_json()
    assert nothing["suggestions"] == [] and "Atlantis" in nothing["error"]


def test_search_lists_each_country_once_with_its_meaning(client, g):
    hits = client.get("/search.json?q=mexico").get_json()["results"]
    assert [(h["kind"], h["id"]) for h in hits if h["kind"] == "country"] == [("country", "MEX")]
    assert hits[0]["description"] == "country: all actors of Mexico"
    html = client.get("/search?q=mexico").get_data(as_text=True)
    assert html.count("country: all actors of Mexico") == 1


# ---------------------------------------------------------------- 2. the events list
@pytest.mark.parametrize(
    ("query", "total"),
    [
        ("", 12),
        ("actor=MEX", 9),
        ("with=MEX", 9),  # with alone: events touching it
        ("actor=MEX&source=USA", 4),  # every reference given applies
        ("actor=MEX&with=USA&source=MEX", 2),
        ("actor=MEX&with=USA", 6),
        ("source=USA&target=MEX", 4),
        ("target=Sheinbaum", 1),
        ("cameo=112", 1),
        ("cameo=0331", 1),
        ("cameo=04", 2),
        ("root=04", 2),
        ("outlet=example+wire", 9),
        ("outlet=EXAMPLE+NEWS", 2),
        ("actor=MEX&cameo=11", 1),
    ],
)
def test_events_filters_and_count(client, query, total):
    data = client.get(f"/events.json?{query}").get_json()
    assert data["total"] == total
    html = client.get(f"/events?{query}", follow_redirects=True).get_data(as_text=True)
    assert re.search(rf'id="event-count"><b>{total}</b> event', html)


def test_events_pages_reach_every_event(client):
    seen, page = [], 1
    while True:
        data = client.get(f"/events.json?limit=4&page={page}").get_json()
        seen += [e["id"] for e in data["events"]]
        if page == data["pages"]:
            break
        page += 1
    assert data["pages"] == 3 and len(seen) == len(set(seen)) == 11  # the pact once
    html = client.get("/events?limit=4&page=2").get_data(as_text=True)
    assert 'rel="next" href="?limit=4&amp;page=3"' in html
    assert 'rel="prev" href="?limit=4"' in html


def test_events_form_blanks_leave_the_url(client):
    resp = client.get("/events?actor=&with=&source=&target=&from=&to=&cameo=112&outlet=")
    assert resp.status_code == 302 and resp.headers["Location"] == "/events?cameo=112"


def test_events_bad_arguments_are_400(client):
    assert "CAMEO code" in client.get("/events.json?cameo=9x").get_json()["error"]
    assert "bucket" in client.get("/timeline.json?bucket=year").get_json()["error"]


# ---------------------------------------------------------------- 3. charts
def _bucket(start, coop, conflict, gold):
    quads = {"1": coop, "2": 0, "3": conflict, "4": 0}
    return {"start": start, "total": coop + conflict, "by_quad": quads, "goldstein_mean": gold}


def test_chart_ticks_have_years_whole_counts_and_signs(app):
    buckets = [_bucket("2025-05-05", 5, 1, 2.0), _bucket("2025-05-12", 0, 3, -4.0)]
    with app.test_request_context():
        svg = timeline_svg(buckets, "week")
    counts = re.findall(r'<text class="tick" x="[\d.]+" y="[\d.]+" text-anchor="end">([^<]+)', svg)
    assert counts and all(c.isdigit() for c in counts), counts  # no 2.5 events
    assert "5 May 2025" in svg and "12 May 2025" in svg  # dates carry their year
    gold = re.findall(r'class="tick tick-g"[^>]*>([^<]+)', svg)
    assert gold == ["−10", "−5", "0", "+5", "+10"]


def test_chart_line_stops_at_empty_buckets_and_bars_link_to_events(app):
    buckets = [
        _bucket("2025-03-01", 2, 0, 3.0),
        _bucket("2025-04-01", 1, 0, 1.0),
        _bucket("2025-05-01", 0, 0, None),
        _bucket("2025-06-01", 0, 2, -5.0),
        _bucket("2025-07-01", 0, 1, -2.0),
    ]
    from queries import Filters
    from web._svg import bar_links

    with app.test_request_context():
        svg = timeline_svg(buckets, "month", bar_links(Filters(), "month", actor="USA"))
    assert svg.count('<path class="goldstein-line"') == 2  # not bridged across May
    hrefs = re.findall(r'<a href="([^"]+)"><rect class="bar', svg)
    assert len(hrefs) == 4
    first = parse_qs(urlsplit(hrefs[0].replace("&amp;", "&")).query)
    assert first == {"actor": ["USA"], "from": ["2025-03-01"], "to": ["2025-03-31"], "quad": ["1"]}


def test_bar_link_leads_to_the_events_it_counts(client):
    html = client.get("/relationship/USA/MEX?bucket=month").get_data(as_text=True)
    hrefs = re.findall(r'<a href="([^"]+)"><rect class="bar q1"', html)
    may = next(h for h in hrefs if "from=2025-05-01" in h).replace("&amp;", "&")
    data = client.get(may.replace("/events?", "/events.json?")).get_json()
    assert data["total"] == 2  # Trump's offer and Washington's visit, both in May


def test_summary_line_and_timeline_of_every_event(client):
    html = client.get("/relationship/USA/MEX?bucket=month").get_data(as_text=True)
    assert re.search(r'id="change-summary">Conflict share \d+% → \d+% since ', html)
    data = client.get("/timeline.json?bucket=month").get_json()
    assert data["actor"] is None and sum(b["total"] for b in data["buckets"]) == 12
    assert data["summary"].startswith("Conflict share")
    assert '<svg class="chart"' in client.get("/timeline").get_data(as_text=True)


# ---------------------------------------------------------------- 4. one answer per question
def test_country_relationship_and_graph_count_the_same(client):
    rel = client.get("/relationship/USA/MEX.json").get_json()
    actor = client.get("/actors/USA.json").get_json()
    graph = client.get("/graph/USA.json").get_json()
    mex = next(p for p in actor["partners_out"] if p["actor"]["id"] == "MEX")
    edge = next(e for e in graph["edges"] if (e["source"], e["target"]) == ("USA", "MEX"))
    assert rel["a_to_b"]["total"] == mex["events"] == edge["events"] == 4
    # the group is counted with Mexico, and said to be non-state on every page
    assert rel["a_to_b"]["non_state"] == 1
    assert [x["actor"]["id"] for x in mex["non_state"]] == [GULF.id]
    assert [x["actor"]["id"] for x in edge["non_state"]] == [GULF.id]
    assert {n["id"] for n in graph["nodes"]} == {"USA", "MEX", "CHN"}  # actors grouped
    html = client.get("/relationship/USA/MEX").get_data(as_text=True)
    assert "<b>1</b> involve non-state groups" in html
    assert "Gulf Cartel" in client.get("/actors/USA").get_data(as_text=True)
    assert "Gulf Cartel" in client.get("/graph/USA").get_data(as_text=True)


def test_two_way_event_is_listed_once_as_mutual(client):
    html = client.get("/relationship/CHN/USA").get_data(as_text=True)
    latest = html[html.index('id="latest"') :]
    assert latest.count("trade pact") == 1 and latest.count("⇄ mutual") == 1
    data = client.get("/relationship/CHN/USA.json").get_json()
    assert (data["a_to_b"]["total"], data["b_to_a"]["total"]) == (2, 1)  # counted both ways
    assert [e["mutual"] for e in data["latest"]].count(True) == 1
