"""Acceptance (issue 5): the Turtle export of the ingested seed page answers, via SPARQL, who
rejected whose offer and in which sentence; the seed export is SHACL-valid and round-trips."""

from __future__ import annotations

import io
from datetime import UTC, datetime

from pyshacl import validate
from rdflib import Graph
from rdflib.compare import isomorphic

from ingest.pipeline import ingest_paths
from kg.rdf import export_rdf, import_rdf, shapes_path
from tests.conftest import SEED_PAGE
from tests.rdf.conftest import BASE

WHEN = datetime(2026, 1, 1, tzinfo=UTC)
REJECTION = """
PREFIX kg: <https://diplomacy-kg.example.org/ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX schema: <https://schema.org/>
SELECT ?source ?target ?date ?sentence ?url WHERE {
  ?e a sem:Event ; kg:root/skos:notation "12" ; sem:hasTimeStamp ?date ;
     kg:source ?s ; kg:target ?t ; prov:wasDerivedFrom ?sent .
  FILTER NOT EXISTS { ?e kg:mode ?mode }
  ?s rdfs:label ?source ; kg:countryCode "MEX" .
  FILTER(CONTAINS(?source, "Sheinbaum"))
  ?t rdfs:label ?target .
  OPTIONAL { ?t kg:countryCode ?tc }
  FILTER(CONTAINS(?target, "Trump") || ?tc = "USA")
  ?sent nif:anchorOf ?sentence ; dcterms:isPartOf ?article .
  OPTIONAL { ?article schema:url ?url }
}
"""


def _turtle(store) -> bytes:
    buf = io.BytesIO()
    export_rdf(store, buf, "turtle", base=BASE, generated_at=WHEN)
    return buf.getvalue()


def test_seed_export_answers_the_rejection_query(store, tmp_path) -> None:
    summary = ingest_paths([SEED_PAGE], store, progress=False)
    assert summary.events > 0 and not summary.errors
    data = _turtle(store)
    graph = Graph().parse(data=data, format="turtle")
    rows = list(graph.query(REJECTION))
    assert rows, "no root-12 event from Sheinbaum against Trump/USA in the export"
    sentences = {str(r.sentence) for r in rows}
    assert any("Sheinbaum rejected the offer" in s for s in sentences), sentences
    assert {str(r.date) for r in rows} == {"2025-05-04"}

    shapes = Graph().parse(shapes_path(), format="turtle")
    conforms, _g, report = validate(graph, shacl_graph=shapes)
    assert conforms, report

    path = tmp_path / "seed.ttl"
    path.write_bytes(data)
    store.clear()
    import_rdf(path, store)
    assert isomorphic(Graph().parse(data=_turtle(store), format="turtle"), graph)
