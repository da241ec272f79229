"""The SPARQL endpoint: engine (pyoxigraph worker with a time limit) and the Flask blueprint."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from flask import Flask
from rdflib import Graph

from kg.config import Settings
from kg.rdf import SparqlError, run_query
from kg.rdf._sparql import negotiate
from tests.rdf.conftest import BASE, sample_batch
from web.sparql import bp

PREFIXES = f"""
PREFIX kg: <https://diplomacy-kg.example.org/ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX cameo: <{BASE}cameo/>
"""
REJECTIONS = (
    PREFIXES
    + """
SELECT ?source ?target ?sentence WHERE {
  ?e kg:root cameo:12 ; kg:source/rdfs:label ?source ; kg:target/rdfs:label ?target ;
     prov:wasDerivedFrom/nif:anchorOf ?sentence .
} ORDER BY ?sentence
"""
)


@pytest.fixture
def client(filled_store):
    app = Flask("sparql-test")
    app.extensions["kg"] = {"store": filled_store, "settings": Settings(rdf_base=BASE)}
    app.config["KG_SPARQL_TIMEOUT"] = 20
    app.register_blueprint(bp)
    return app.test_client()


def bindings(resp) -> list[dict[str, str]]:
    assert resp.status_code == 200, resp.get_data(as_text=True)
    assert resp.mimetype == "application/sparql-results+json"
    data = json.loads(resp.get_data())
    return [{k: v["value"] for k, v in row.items()} for row in data["results"]["bindings"]]


def test_select_over_get_post_form_and_body(client) -> None:
    expected = sorted(
        r.sentence for e in sample_batch().events if e.root == "12" for r in e.reports
    )
    for resp in (
        client.get("/sparql", query_string={"query": REJECTIONS}),
        client.post("/sparql", data={"query": REJECTIONS}),
        client.post("/sparql", data=REJECTIONS.encode(), content_type="application/sparql-query"),
    ):
        rows = bindings(resp)
        assert [r["sentence"] for r in rows] == expected
        assert {(r["source"], r["target"]) for r in rows} == {("Claudia Sheinbaum", "Donald Trump")}


def test_ask_construct_and_formats(client) -> None:
    resp = client.get("/sparql", query_string={"query": PREFIXES + "ASK { ?e kg:root cameo:12 }"})
    assert json.loads(resp.get_data()) == {"head": {}, "boolean": True}
    construct = PREFIXES + "CONSTRUCT { ?e kg:root ?r } WHERE { ?e kg:root ?r }"
    resp = client.get("/sparql", query_string={"query": construct})
    assert resp.status_code == 200 and resp.mimetype == "text/turtle"
    assert len(Graph().parse(data=resp.get_data(as_text=True), format="turtle")) == 5
    resp = client.get(
        "/sparql", query_string={"query": construct}, headers={"Accept": "application/n-triples"}
    )
    assert resp.mimetype == "application/n-triples"
    resp = client.get(
        "/sparql",
        query_string={"query": PREFIXES + "SELECT ?e WHERE { ?e kg:root cameo:12 }"},
        headers={"Accept": "text/csv"},
    )
    assert resp.mimetype == "text/csv" and resp.get_data(as_text=True).startswith("e\r\n")
    resp = client.get(
        "/sparql", query_string={"query": REJECTIONS}, headers={"Accept": "image/png"}
    )
    assert resp.status_code == 400 and "cannot answer" in resp.get_data(as_text=True)


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"query_string": {"query": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}}, "read-only"),
        ({"query_string": {"query": "PREFIX x: <urn:x>\nDROP ALL"}}, "read-only"),
        ({"data": {"update": "CLEAR ALL"}, "method": "POST"}, "read-only"),
        (
            {"data": b"CLEAR ALL", "content_type": "application/sparql-update", "method": "POST"},
            "read-only",
        ),
        ({"query_string": {"query": "SELECT * WHERE { ?s ?p }"}}, "syntax error"),
        ({"query_string": {}}, "no query"),
        (
            {"query_string": {"query": "SELECT * { SERVICE <http://x.test/s> { ?s ?p ?o } }"}},
            "SERVICE",
        ),
    ],
)
def test_bad_requests_are_400_with_a_message(client, kwargs, message) -> None:
    kwargs = dict(kwargs)  # parametrize shares the dict between backends
    method = kwargs.pop("method", "GET")
    resp = client.open("/sparql", method=method, **kwargs)
    assert resp.status_code == 400
    assert message in resp.get_data(as_text=True)


def test_time_limit_stops_a_runaway_query_and_recovers(filled_store) -> None:
    heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    app = Flask("sparql-timeout")
    app.extensions["kg"] = {"store": filled_store, "settings": Settings(rdf_base=BASE)}
    app.config["KG_SPARQL_TIMEOUT"] = 1
    app.register_blueprint(bp)
    client = app.test_client()
    resp = client.get("/sparql", query_string={"query": heavy})
    assert resp.status_code == 503
    assert "time limit" in resp.get_data(as_text=True)
    assert len(bindings(client.get("/sparql", query_string={"query": REJECTIONS}))) == 2


def test_snapshot_follows_the_store(filled_store) -> None:
    count = PREFIXES + "SELECT (COUNT(?e) AS ?n) WHERE { ?e a sem:Event }"
    _ctype, body = run_query(filled_store, count, 20, base=BASE)
    assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == "5"
    batch = sample_batch()
    first = batch.events[0]
    new_id = first.make_id(first.source_id, first.target_id, first.cameo, "2025-07-01")
    batch.events = [replace(first, id=new_id, date="2025-07-01")]
    filled_store.upsert(batch)
    _ctype, body = run_query(filled_store, count, 20, base=BASE)
    assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == "6"


def test_negotiation() -> None:
    assert negotiate(None) == ("JSON", "TURTLE")
    assert negotiate("text/csv;q=0.5, application/sparql-results+xml") == ("XML", "TURTLE")
    assert negotiate("application/rdf+xml, */*;q=0.1") == ("JSON", "RDF_XML")
    with pytest.raises(SparqlError):
        negotiate("image/png")
