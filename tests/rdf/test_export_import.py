"""RDF export/import: round trips in every format on both backends, writer correctness, SHACL."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import pyoxigraph as ox
import pytest
from pyshacl import validate
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, SKOS, XSD

from kg.codebook import lookup
from kg.rdf import (
    EXTENSIONS,
    FORMATS,
    KG,
    Iris,
    RdfImportError,
    build_graph,
    export_rdf,
    import_rdf,
    iter_blocks,
    shapes_path,
)
from tests.rdf.conftest import BASE, sample_batch

WHEN = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
RDFLIB_FORMAT = {"turtle": "turtle", "nt": "nt", "jsonld": "json-ld", "xml": "xml", "trig": "trig"}


def export_bytes(store, fmt: str = "turtle", **kw) -> bytes:
    buf = io.BytesIO()
    export_rdf(store, buf, fmt, base=kw.pop("base", BASE), generated_at=WHEN, **kw)
    return buf.getvalue()


def parse(data: bytes, fmt: str) -> Graph:
    """The triples of an export, whatever graph they sit in (TriG puts them in a named graph).

    rdflib 7.6's JSON-LD and TriG parsers raise DeprecationWarnings (ConjunctiveGraph), so those
    two are read by pyoxigraph (a second, independent parser) and handed to rdflib as N-Triples.
    """
    if fmt in ("jsonld", "trig"):
        oxfmt = ox.RdfFormat.JSON_LD if fmt == "jsonld" else ox.RdfFormat.TRIG
        triples = (ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(data, oxfmt))
        nt = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
        return Graph().parse(data=nt, format="nt")
    return Graph().parse(data=data, format=RDFLIB_FORMAT[fmt])


@pytest.mark.parametrize("fmt", FORMATS)
def test_round_trip_is_isomorphic(filled_store, tmp_path: Path, fmt: str) -> None:
    first = export_bytes(filled_store, fmt)
    path = tmp_path / f"export.{EXTENSIONS[fmt]}"
    path.write_bytes(first)
    filled_store.clear()
    assert filled_store.counts()["nodes"]["Event"] == 0
    stats = import_rdf(path, filled_store)
    assert (stats.actors, stats.articles, stats.events) == (6, 2, 5)
    second = export_bytes(filled_store, fmt)
    g1, g2 = parse(first, fmt), parse(second, fmt)
    assert len(g1) > 2000
    assert isomorphic(g1, g2)


def test_import_restores_the_same_events(filled_store, tmp_path: Path) -> None:
    original = {e.id: e for batch in filled_store.iter_events() for e in batch}
    path = tmp_path / "x.nt"
    path.write_bytes(export_bytes(filled_store, "nt"))
    filled_store.clear()
    import_rdf(path, filled_store)
    again = {e.id: e for batch in filled_store.iter_events() for e in batch}
    assert again == original


@pytest.mark.parametrize("fmt", ["turtle", "nt"])
def test_streaming_writers_match_rdflib_graph(filled_store, fmt: str) -> None:
    """The hand-written Turtle/N-Triples writers give exactly the graph rdflib builds."""
    iris = Iris(BASE)
    expected = build_graph(iter_blocks(filled_store, iris, generated_at=WHEN), iris)
    data = export_bytes(filled_store, fmt)
    assert isomorphic(parse(data, fmt), expected)
    # pyoxigraph (the SPARQL engine) reads it too, to the same number of triples.
    oxs = ox.Store()
    oxs.load(data, format=ox.RdfFormat.TURTLE if fmt == "turtle" else ox.RdfFormat.N_TRIPLES)
    assert len(oxs) == len(expected)


def test_export_conforms_to_shipped_shapes(filled_store) -> None:
    data = parse(export_bytes(filled_store, "turtle"), "turtle")
    shapes = Graph().parse(shapes_path(), format="turtle")
    conforms, _graph, report = validate(data, shacl_graph=shapes)
    assert conforms, report


def test_shapes_catch_a_broken_export(filled_store) -> None:
    data = parse(export_bytes(filled_store, "turtle"), "turtle")
    event = URIRef(BASE + "event/" + sample_batch().events[0].id)
    data.remove((event, KG.source, None))
    data.add((event, KG.quadClass, Literal(7)))
    shapes = Graph().parse(shapes_path(), format="turtle")
    conforms, _graph, report = validate(data, shacl_graph=shapes)
    assert not conforms
    assert "source" in report and "quadClass" in report


def test_vocabulary_of_one_event(filled_store) -> None:
    g = parse(export_bytes(filled_store, "turtle"), "turtle")
    sem = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
    schema = Namespace("https://schema.org/")
    prov = Namespace("http://www.w3.org/ns/prov#")
    rejection = next(e for e in sample_batch().events if e.cameo == "125")
    e = URIRef(BASE + "event/" + rejection.id)
    assert (e, URIRef(str(sem) + "hasTimeStamp"), Literal("2025-05-04", datatype=XSD.date)) in g
    types = set(g.objects(e, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")))
    assert types == {sem.Event, schema.Action}
    assert set(g.objects(e, sem.hasActor)) == set(g.objects(e, KG.source)) | set(
        g.objects(e, KG.target)
    )
    assert g.value(e, KG.goldstein) == Literal(repr(rejection.goldstein), datatype=XSD.double)
    assert g.value(e, KG.goldstein).toPython() == lookup("125").goldstein
    assert g.value(e, KG.quadClass) == Literal(3)
    cameo = g.value(e, KG.cameo)
    assert g.value(cameo, SKOS.notation) == Literal("125")
    assert g.value(cameo, SKOS.broader) == URIRef(BASE + "cameo/12")
    assert g.value(URIRef(BASE + "cameo/12"), SKOS.topConceptOf) == URIRef(BASE + "cameo")
    assert g.value(g.value(e, KG.plover), SKOS.notation) == Literal("REJECT")
    sentences = set(g.objects(e, prov.wasDerivedFrom))
    assert len(sentences) == 2
    nif = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
    assert {str(g.value(s, nif.anchorOf)) for s in sentences} == {
        r.sentence for r in rejection.reports
    }
    for s in sentences:
        article = g.value(s, DCTERMS.isPartOf)
        assert (article, DCTERMS.identifier, None) in g
    run = next(g.subjects(URIRef(str(prov) + "startedAtTime"), None))
    assert g.value(run, KG.softwareVersion) == Literal(__import__("kg").__version__)


def test_countries_link_to_iso_and_eu_authority(filled_store) -> None:
    g = parse(export_bytes(filled_store, "turtle"), "turtle")
    mex = URIRef(BASE + "country/MEX")
    assert g.value(mex, KG.iso3166Alpha2) == Literal("MX")
    assert g.value(mex, KG.iso3166Numeric) == Literal("484")
    assert g.value(mex, SKOS.exactMatch) == URIRef(
        "http://publications.europa.eu/resource/authority/country/MEX"
    )
    un = URIRef(BASE + "actor/igo-igo-united-nations")
    assert g.value(un, KG.countryCode) == Literal("IGO")
    assert g.value(un, KG.country) is None
    assert (URIRef(BASE + "country/IGO"), None, None) not in g


def test_base_is_configurable_and_iris_are_stable(filled_store) -> None:
    a = parse(export_bytes(filled_store, "nt", base="urn:x:"), "nt")
    b = parse(export_bytes(filled_store, "nt", base="urn:x:"), "nt")
    assert isomorphic(a, b)
    event_id = sample_batch().events[0].id
    assert (URIRef("urn:x:event/" + event_id), None, None) in a
    assert not any(str(s).startswith(BASE) for s in a.subjects())


def test_filters_select_events_and_what_they_touch(filled_store) -> None:
    batch = sample_batch()
    sheinbaum = next(a for a in batch.actors if a.name == "Claudia Sheinbaum")
    g = parse(
        export_bytes(
            filled_store, "turtle", since="2025-05-05", actor_ids=frozenset([sheinbaum.id])
        ),
        "turtle",
    )
    sem = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
    events = {str(g.value(e, DCTERMS.identifier)) for e in g.subjects(None, sem.Event)}
    expected = {
        e.id
        for e in batch.events
        if e.date >= "2025-05-05" and sheinbaum.id in (e.source_id, e.target_id)
    }
    assert events == expected and len(expected) == 1
    actors = {str(g.value(a, DCTERMS.identifier)) for a in g.subjects(None, sem.Actor)}
    (only,) = [e for e in batch.events if e.id in expected]
    assert actors == {only.source_id, only.target_id}
    shapes = Graph().parse(shapes_path(), format="turtle")
    assert validate(g, shacl_graph=shapes)[0]


def test_import_errors_name_the_file(tmp_path: Path, store) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .", encoding="utf-8")
    with pytest.raises(RdfImportError, match="bad.ttl: not valid turtle"):
        import_rdf(bad, store)
    with pytest.raises(RdfImportError, match="cannot tell the RDF format"):
        import_rdf(tmp_path / "x.csv", store)
    with pytest.raises(RdfImportError, match="no such file"):
        import_rdf(tmp_path / "missing.nt", store)
    broken = tmp_path / "broken.nt"
    broken.write_text(
        "<urn:e> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
        " <http://semanticweb.cs.vu.nl/2009/11/sem/Event> .\n",
        encoding="utf-8",
    )
    with pytest.raises(RdfImportError, match="broken.nt: event urn:e has no"):
        import_rdf(broken, store)


def test_surface_words_and_article_text_survive_the_round_trip(filled_store, tmp_path) -> None:
    """The words that named an event's actors are per event and sentence (a qualified
    derivation), and the article's clean text is its schema:articleBody."""
    batch = sample_batch()
    reject = next(e for e in batch.events if e.cameo == "125")
    g = parse(export_bytes(filled_store, "nt"), "nt")
    kg = Namespace("https://diplomacy-kg.example.org/ns#")
    assert {str(o) for o in g.objects(None, kg.sourceText)} == {"She", "The UN"}
    assert {str(o) for o in g.objects(None, kg.targetText)} == {"him"}
    body = {str(o) for o in g.objects(None, URIRef("https://schema.org/articleBody"))}
    assert body == {batch.articles[0].text}
    path = tmp_path / "x.ttl"
    path.write_bytes(export_bytes(filled_store, "turtle"))
    filled_store.clear()
    import_rdf(path, filled_store)
    got = filled_store.get_event(reject.id)
    assert [(r.source_text, r.target_text) for r in got.reports] == [
        (r.source_text, r.target_text) for r in reject.reports
    ] and got.reports[0].source_text == "She"
    assert filled_store.get_article(batch.articles[0].id).text == batch.articles[0].text
    assert filled_store.get_article(batch.articles[1].id).text is None
