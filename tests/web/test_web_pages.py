"""Every page, its JSON twin and (for tables) its CSV twin, on both backends."""

from __future__ import annotations

import csv
import io

import pytest


def _csv(resp):
    assert resp.status_code == 200 and resp.mimetype == "text/csv"
    return list(csv.DictReader(io.StringIO(resp.get_data(as_text=True))))


def test_home(client, g):
    html = client.get("/").get_data(as_text=True)
    assert "Busiest relationships" in html and "Mexico ⇄ United States" in html
    assert "/relationship/MEX/USA" in html
    data = client.get("/index.json").get_json()
    assert data["overview"]["nodes"]["Event"] == 10
    assert data["top_dyads"][0]["total"] == 5
    assert data["recent_events"][0]["id"] == g.ACCUSE.id
    by_accept = client.get("/", headers={"Accept": "application/json"}).get_json()
    # analytics are computed in the background, so their status may change between two calls
    assert by_accept.pop("analytics")["status"] in ("computing", "ready")
    data.pop("analytics")
    assert by_accept == data
    rows = _csv(client.get("/index.csv"))
    assert rows[0]["id"] == g.ACCUSE.id and rows[0]["source_name"] == "Mexico"


def test_relationship_page_shows_both_directions_with_evidence(client, g):
    resp = client.get("/relationship/USA/MEX")
    html = resp.get_data(as_text=True)
    assert resp.status_code == 200
    assert "United States" in html and "Mexico" in html
    assert "Express intent to provide economic aid" in html  # the offer (USA -> MEX)
    assert "Reject proposal to meet, discuss, or negotiate" in html  # the rejection (MEX -> USA)
    assert '<mark class="role-source" title="source">Claudia Sheinbaum</mark>' in html
    assert "to send U.S. troops to Mexico to fight the cartels." in html
    assert '<svg class="chart"' in html and 'class="bar q3"' in html
    data = client.get("/relationship/USA/MEX.json").get_json()
    assert (data["a_to_b"]["total"], data["b_to_a"]["total"], data["total"]) == (3, 2, 5)
    assert data["b_to_a"]["recent"][1]["reports"][0]["sentence"]
    assert data["bucket"] == "week"  # chosen for a 52-day span when the URL names none
    monthly = client.get("/relationship/USA/MEX.json?bucket=month").get_json()
    assert [b["start"] for b in monthly["timeline"]] == ["2025-04-01", "2025-05-01", "2025-06-01"]
    rows = _csv(client.get("/relationship/USA/MEX.csv"))
    assert len(rows) == 5 and rows[0]["date"] == "2025-06-01"
    assert {r["sentence"] for r in rows} >= {g.OFFER_SENTENCE, g.REJECT_SENTENCE}


def test_relationship_filters_and_actor_ids(client, g):
    conflict = client.get("/relationship/USA/MEX.json?quad=3,4").get_json()
    assert (conflict["a_to_b"]["total"], conflict["b_to_a"]["total"]) == (0, 2)
    modes = client.get("/relationship/USA/MEX.json?include_modes=1").get_json()
    assert modes["a_to_b"]["total"] == 4
    pair = client.get(f"/relationship/{g.TRUMP.id}/{g.SHEINBAUM.id}.json").get_json()
    assert pair["a"]["kind"] == "actor" and pair["a_to_b"]["total"] == 1
    weekly = client.get("/relationship/USA/MEX.json?bucket=week").get_json()
    assert weekly["bucket"] == "week" and len(weekly["timeline"]) == 8
    resp = client.get("/relationship?a=USA&b=MEX")
    assert resp.status_code == 302 and resp.headers["Location"].endswith("/relationship/USA/MEX")


def test_actor_pages(client, g):
    html = client.get(f"/actors/{g.AMLO.id}").get_data(as_text=True)
    assert "Andrés Manuel López Obrador" in html and "AMLO" in html
    country = client.get("/actors/MEX.json").get_json()
    assert country["ref"]["kind"] == "country" and country["events_as_target"] == 5
    assert {m["id"] for m in country["members"]} == {g.MEX_GOV.id, g.SHEINBAUM.id, g.AMLO.id}
    rows = _csv(client.get("/actors/MEX.csv"))
    assert len(rows) == 8
    assert client.get("/actors/mex.json").get_json()["ref"]["id"] == "MEX"


def test_timeline_page(client):
    html = client.get("/timeline?actor=USA&with=MEX&bucket=month").get_data(as_text=True)
    assert '<svg class="chart"' in html and "2025-05-01" in html
    data = client.get("/timeline.json?actor=USA&with=MEX&bucket=month").get_json()
    assert data["with"]["id"] == "MEX" and data["buckets"][1]["total"] == 3
    rows = _csv(client.get("/timeline.csv?actor=USA&with=MEX&bucket=month"))
    assert [(r["start"], r["q1"], r["q3"]) for r in rows][1] == ("2025-05-01", "2", "1")
    every = client.get("/timeline")  # no actor: every event in the graph
    assert every.status_code == 200 and "All events over time" in every.get_data(as_text=True)
    assert client.get("/timeline.json").get_json()["actor"] is None


def test_event_page_highlights_and_links(client, g):
    html = client.get(f"/events/{g.REJECT.id}").get_data(as_text=True)
    assert '<mark class="role-action" title="action">rejected</mark>' in html
    assert '<mark class="role-target" title="target">Trump</mark>' in html
    assert 'href="https://news.example/trump-offer"' in html
    assert "Reported by 2 articles" in html
    data = client.get(f"/events/{g.REJECT.id}.json").get_json()
    assert data["n_sources"] == 2 and data["cameo"] == "125"
    rows = _csv(client.get(f"/events/{g.REJECT.id}.csv"))
    assert {r["url"] for r in rows} == {g.ART1.url, g.ART2.url}


def test_events_list(client, g):
    data = client.get("/events.json?limit=3").get_json()
    assert [e["id"] for e in data["events"]] == [g.ACCUSE.id, g.CARTEL_EV.id, g.VISIT.id]
    assert len(_csv(client.get("/events.csv?include_modes=1"))) == 10
    assert "All events" in client.get("/events").get_data(as_text=True)


def test_search_page(client, g):
    html = client.get("/search?q=lopez+obrador").get_data(as_text=True)
    assert "Andrés Manuel López Obrador" in html
    data = client.get("/search.json?q=lopez obrador").get_json()
    assert data["results"][0]["id"] == g.AMLO.id
    rows = _csv(client.get("/search.csv?q=mex"))
    assert rows[0]["id"] == "MEX" and rows[0]["kind"] == "country"
    assert client.get("/search.json?q=").get_json()["results"] == []


def test_graph_and_connection(client, g):
    html = client.get("/graph/MEX").get_data(as_text=True)
    assert '<svg class="graph"' in html and "Sinaloa Cartel" in html
    data = client.get("/graph/MEX.json").get_json()
    assert data["centre"]["id"] == "MEX" and data["edges"]
    assert _csv(client.get("/graph/MEX.csv"))
    conn = client.get(f"/connection/{g.CHINA.id}/{g.CARTEL.id}.json").get_json()
    assert conn["found"] and conn["hops"] == 2
    html = client.get(f"/connection/{g.CHINA.id}/{g.SHEINBAUM.id}").get_data(as_text=True)
    assert "No chain" in html


def test_ingest_and_cypher_pages_render(client):
    assert "Add articles" in client.get("/ingest").get_data(as_text=True)
    assert client.get("/ingest.json").get_json()["writes_enabled"] is True
    page = client.get("/cypher")
    assert page.status_code == 200 and "Saved queries" in page.get_data(as_text=True)
    assert client.get("/cypher.json").get_json()["result"] is None


def test_openapi_document(client):
    doc = client.get("/openapi.json").get_json()
    assert doc["openapi"].startswith("3.")
    assert {"/relationship/{a}/{b}.json", "/timeline.json", "/events/{id}.json"} <= set(
        doc["paths"]
    )
    for item in doc["paths"].values():
        for param in item["get"]["parameters"]:
            assert param["in"] in ("path", "query") and "schema" in param
        content = item["get"]["responses"]["200"]["content"]
        if item["get"]["tags"] == ["rdf"]:  # RDF downloads: a document in an RDF media type
            assert "application/json" not in content and content
        else:
            assert "$ref" in content["application/json"]["schema"]


@pytest.mark.parametrize(
    ("url", "status", "needle"),
    [
        ("/actors/nobody-here.json", 404, "no actor"),
        ("/relationship/USA/nobody-here.json", 404, "no actor"),
        ("/events/e-missing.json", 404, "no event"),
        ("/timeline.json?actor=USA&bucket=year", 400, "bucket"),
        ("/relationship/USA/MEX.json?from=2025-13-40", 400, "date"),
        ("/events.json?limit=abc", 400, "limit"),
        ("/events.json?limit=0", 400, "limit"),
        ("/search.json?q=x&limit=5000", 400, "limit"),
        ("/actors/ZZZ.json", 404, "ZZZ"),
        ("/index.csv?quad=9", 400, "QuadClass"),
        ("/no-such-page.json", 404, ""),
    ],
)
def test_errors_are_clear_json(client, url, status, needle):
    resp = client.get(url)
    assert resp.status_code == status
    body = resp.get_json()
    assert body["status"] == status and needle in body["error"]


def test_error_pages_are_html(client):
    resp = client.get("/actors/nobody-here")
    assert resp.status_code == 404 and "no actor, country or alias" in resp.get_data(as_text=True)
    assert resp.mimetype == "text/html"


def test_pages_without_csv_twin(client, g):
    assert client.get("/ingest/jobs/nojob.json").status_code == 404
    assert client.get("/openapi.json").status_code == 200
    assert client.get("/healthz").get_json()["status"] == "ok"


def test_openapi_says_what_the_event_and_job_ids_are(client):
    import re

    from ingest.jobs import new_job_id

    paths = client.get("/openapi.json").get_json()["paths"]
    (event_id,) = paths["/events/{id}.json"]["get"]["parameters"]
    (job_id,) = paths["/ingest/jobs/{id}.json"]["get"]["parameters"]
    assert event_id["description"].startswith("Event id: 'e-' and 16 hex digits")
    assert job_id["description"].startswith("Ingest job id: 16 hex digits")
    # The patterns fit the ids the service hands out.
    events = client.get("/events.json?limit=3").get_json()["events"]
    assert events and all(re.fullmatch(event_id["schema"]["pattern"], e["id"]) for e in events)
    assert re.fullmatch(job_id["schema"]["pattern"], new_job_id())
