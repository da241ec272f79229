"""RDF downloads (whole graph, actor, country, dyad) and the network analytics on the pages,
on both backends."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import RDF, Graph, URIRef
from web_support import READ_TOKEN, make_app

from kg.config import Settings
from kg.rdf import SEM, Iris

BASE = Settings().rdf_base
PARSE = {"ttl": "turtle", "nt": "nt", "rdf": "xml"}


def _events(resp, ext: str) -> set[str]:
    """Event ids in a download (rdflib parses it, so a broken file fails here). JSON-LD and
    TriG go through pyoxigraph first (rdflib 7's parsers for them raise DeprecationWarnings)."""
    assert resp.status_code == 200, resp.data[:300]
    g = Graph()
    if ext in ("jsonld", "trig"):
        fmt = ox.RdfFormat.JSON_LD if ext == "jsonld" else ox.RdfFormat.TRIG
        quads = ox.parse(resp.data, format=fmt)
        nt = "".join(f"{q.subject} {q.predicate} {q.object} .\n" for q in quads)
        g.parse(data=nt, format="nt")
    else:
        g.parse(data=resp.data, format=PARSE[ext])
    assert len(g) > 100
    prefix = Iris(BASE).event("")
    return {str(s)[len(prefix) :] for s in g.subjects(RDF.type, SEM.Event) if isinstance(s, URIRef)}


def _ids(events) -> set[str]:
    return {e.id for e in events}


@pytest.mark.parametrize("ext", ["ttl", "nt", "jsonld", "rdf", "trig"])
def test_whole_graph_download(client, g, ext):
    resp = client.get(f"/export.{ext}")
    assert _events(resp, ext) == _ids(g.EVENTS)
    assert resp.headers["Content-Disposition"] == f'attachment; filename="diplomacy-kg.{ext}"'
    assert (
        resp.mimetype
        == {
            "ttl": "text/turtle",
            "nt": "application/n-triples",
            "jsonld": "application/ld+json",
            "rdf": "application/rdf+xml",
            "trig": "application/trig",
        }[ext]
    )


def test_export_format_and_dates(client, g):
    resp = client.get("/export?format=nt&from=2025-05-01&to=2025-05-31")
    may = {e.id for e in g.EVENTS if "2025-05-01" <= e.date <= "2025-05-31"}
    assert may and may != _ids(g.EVENTS)
    assert _events(resp, "nt") == may
    assert client.get("/export?format=pdf").status_code == 400
    bad = client.get("/export.ttl?from=May")
    assert bad.status_code == 400 and "from" in bad.get_json()["error"]


def test_actor_download_only_its_events(client, g):
    resp = client.get(f"/actors/{g.CHINA.id}.ttl")
    expected = {e.id for e in g.EVENTS if g.CHINA.id in (e.source_id, e.target_id)}
    assert _events(resp, "ttl") == expected == {g.CHINA_US.id, g.XSS.id}
    assert f'filename="actor-{g.CHINA.id}.ttl"' in resp.headers["Content-Disposition"]
    assert client.get("/actors/no-such-actor.ttl").status_code == 404


def test_country_download_covers_all_its_actors(client, g):
    usa = {g.TRUMP.id, g.US_GOV.id, g.PENTAGON.id}
    expected = {e.id for e in g.EVENTS if usa & {e.source_id, e.target_id}}
    assert _events(client.get("/actors/USA.nt"), "nt") == expected
    assert g.THREAT.id in expected and g.CARTEL_EV.id not in expected


def test_dyad_download_both_directions_only(client, g):
    resp = client.get(f"/relationship/{g.TRUMP.id}/{g.SHEINBAUM.id}.jsonld")
    assert _events(resp, "jsonld") == {g.OFFER.id, g.REJECT.id}
    country = _events(client.get("/relationship/USA/MEX.ttl"), "ttl")
    usa = {g.TRUMP.id, g.US_GOV.id, g.PENTAGON.id}
    mex = {g.SHEINBAUM.id, g.MEX_GOV.id, g.AMLO.id}
    expected = {
        e.id
        for e in g.EVENTS
        if (e.source_id in usa and e.target_id in mex)
        or (e.source_id in mex and e.target_id in usa)
    }
    assert country == expected
    assert g.CHINA_US.id not in country and g.CARTEL_EV.id not in country  # touch one side only


def test_pages_link_the_downloads(client, g):
    assert 'href="/export.ttl"' in client.get("/").text
    assert f'href="/actors/{g.CHINA.id}.nt"' in client.get(f"/actors/{g.CHINA.id}").text
    page = client.get("/relationship/USA/MEX").text
    assert 'href="/relationship/USA/MEX.jsonld"' in page and "Download RDF" in page
    # the page's date filters carry over to its download
    page = client.get("/relationship/USA/MEX?from=2025-05-01&to=2025-05-31").text
    assert 'href="/relationship/USA/MEX.ttl?from=2025-05-01&amp;to=2025-05-31"' in page


def test_downloads_need_the_read_token(graph_store, tmp_path, g):
    app = make_app(graph_store, tmp_path, read_token=READ_TOKEN)
    for path in ("/export.ttl", f"/actors/{g.CHINA.id}.nt", "/relationship/USA/MEX.ttl"):
        denied = app.test_client().get(path)
        assert denied.status_code == 401 and denied.get_json()["status"] == 401
        auth = {"Authorization": f"Bearer {READ_TOKEN}"}
        ok = app.test_client().get(path, headers=auth)
        assert ok.status_code == 200 and len(ok.data) > 1000


def test_openapi_describes_the_downloads(client):
    paths = client.get("/openapi.json").get_json()["paths"]
    assert "/export" in paths and "/actors/{ref}.ttl" in paths
    assert "/relationship/{a}/{b}.nt" in paths
    content = paths["/export.ttl"]["get"]["responses"]["200"]["content"]
    assert "text/turtle" in content


def _ready(app) -> None:
    assert app.extensions["kg"]["analytics"].wait(30)


def test_home_analytics_json_and_html(app, client, g):
    _ready(app)
    an = client.get("/index.json").get_json()["analytics"]
    assert an["status"] == "ready"
    actor = an["actor"]
    # targeted, unmoded events only; the hypothetical THREAT is not an edge
    assert actor["event_edges"] == sum(1 for e in g.EVENTS if e.target_id and not e.mode)
    top = actor["top_degree"][0]
    assert top["id"] == g.MEX_GOV.id and top["degree_rank"] == 1
    ranks = [n["pagerank"] for n in actor["top_pagerank"]]
    assert ranks == sorted(ranks, reverse=True)
    assert actor["community_count"] >= 1
    assert sum(c["size"] for c in actor["communities"]) == actor["node_count"]
    coop = actor["most_cooperative"]
    conflict = actor["most_conflictual"]
    assert all(d["balance"] > 0 for d in coop) and all(d["balance"] < 0 for d in conflict)
    assert {(d["source"], d["target"]) for d in conflict} == {
        (g.SHEINBAUM.id, g.TRUMP.id),
        (g.MEX_GOV.id, g.US_GOV.id),
        (g.MEX_GOV.id, g.CARTEL.id),
    }
    assert an["country"]["top_pagerank"]
    page = client.get("/").text
    assert "Most central (PageRank)" in page and "Most conflictual dyads" in page
    assert "computing" not in page


def test_actor_analytics_json_and_html(app, client, g):
    _ready(app)
    an = client.get(f"/actors/{g.MEX_GOV.id}.json").get_json()["analytics"]
    node = an["node"]
    assert an["level"] == "actor" and node["id"] == g.MEX_GOV.id
    assert node["degree_rank"] == 1 and node["weighted_degree"] == 6
    assert node["community"] is not None and node["community_size"] >= 1
    partners = {(d["source"], d["target"]) for d in node["dyads"]}
    assert (g.MEX_GOV.id, g.CARTEL.id) in partners and (g.US_GOV.id, g.MEX_GOV.id) in partners
    country = client.get("/actors/MEX.json").get_json()["analytics"]
    assert country["level"] == "country" and country["node"]["id"] == "MEX"
    page = client.get(f"/actors/{g.MEX_GOV.id}").text
    assert "Network position" in page and "Dyad balances" in page and "PageRank of" in page


def test_analytics_never_waits_and_follows_the_store(app, client, g):
    cache = app.extensions["kg"]["analytics"]
    first = client.get("/index.json").get_json()["analytics"]
    assert first["status"] in ("computing", "ready")
    _ready(app)
    before = client.get("/index.json").get_json()["analytics"]["actor"]["event_edges"]
    store = app.extensions["kg"]["store"]
    store.delete_article(g.ART3.id)  # drops AMLO_EV and XSS
    cache.invalidate()
    client.get("/index.json")  # starts the refresh
    for _ in range(300):
        cache.wait(1)
        an = client.get("/index.json").get_json()["analytics"]
        if an["actor"]["event_edges"] != before:
            break
        import time

        time.sleep(0.05)
    assert an["actor"]["event_edges"] == before - 2


def test_abandoned_download_stops_the_writer(graph_store):
    """A client that goes away part way stops the export thread instead of leaving it blocked."""
    import threading

    from web.views.rdf import _stream

    stopped = threading.Event()

    def endless(out) -> None:
        try:
            while True:
                out.write(b"<urn:x> <urn:y> <urn:z> .\n" * 1000)
        finally:
            stopped.set()

    body = _stream(graph_store, endless)
    assert next(body).startswith(b"<urn:x>")
    body.close()  # what the WSGI server does when the client disconnects
    assert stopped.wait(5)


def test_failing_store_is_an_error_status(app, client, monkeypatch):
    from kg.stores import StoreError

    def broken(*args, **kwargs):
        raise StoreError("down for the test")

    store = app.extensions["kg"]["store"]
    monkeypatch.setattr(store, "iter_actors", broken)
    # part way (after the header): the body ends with the error instead of a complete file
    with pytest.raises(StoreError):
        client.get("/export.nt").get_data()
    # unreachable when the download starts: a 503 with the reason
    monkeypatch.setattr(store, "ping" if hasattr(store, "ping") else "counts", broken)
    resp = client.get("/export.nt")
    assert resp.status_code == 503 and "down for the test" in resp.get_json()["error"]
