"""`kg export rdf` / `kg import rdf` through the CLI, on the embedded store named by KG_DATA_DIR."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from rdflib import Graph

from cli.main import kg
from kg.stores import EmbeddedStore
from tests.rdf.conftest import sample_batch


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_DATA_DIR", str(tmp_path / "kg"))
    monkeypatch.setenv("KG_RDF_BASE", "https://cli.test/id/")
    monkeypatch.delenv("NEO4J_URI", raising=False)
    monkeypatch.delenv("KG_STORE", raising=False)
    with EmbeddedStore(tmp_path / "kg") as s:
        s.upsert(sample_batch())
    return tmp_path


def test_export_then_import_replace(env) -> None:
    out = env / "g.nt"
    run = CliRunner().invoke(kg, ["export", "rdf", "--format", "nt", "-o", str(out)])
    assert run.exit_code == 0, run.output
    assert "5 events, 6 actors, 2 articles" in run.stderr
    graph = Graph().parse(out, format="nt")
    assert any(str(s).startswith("https://cli.test/id/event/") for s in graph.subjects())
    run = CliRunner().invoke(kg, ["import", "rdf", str(out), "--replace"])
    assert run.exit_code == 0, run.output
    assert "imported 6 actors, 2 articles, 5 events" in run.output
    with EmbeddedStore(env / "kg") as s:
        assert s.counts()["nodes"] == {"Actor": 6, "Event": 5, "Article": 2}


def test_filtered_export_to_stdout(env) -> None:
    run = CliRunner().invoke(kg, ["export", "rdf", "--since", "2025-06-01"])
    assert run.exit_code == 0, run.output
    graph = Graph().parse(data=run.stdout, format="turtle")
    sem_event = "http://semanticweb.cs.vu.nl/2009/11/sem/Event"
    events = [s for s, o in graph.subject_objects() if str(o) == sem_event]
    assert len(events) == 1


def test_cli_errors_are_one_line(env) -> None:
    bad = env / "bad.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    run = CliRunner().invoke(kg, ["import", "rdf", str(bad)])
    assert run.exit_code == 1
    assert "bad.ttl: not valid turtle" in run.output and "Traceback" not in run.output
    run = CliRunner().invoke(kg, ["export", "rdf", "--until", "yesterday"])
    assert run.exit_code == 2 and "expected a date" in run.output
    run = CliRunner().invoke(kg, ["export", "rdf", "-o", str(env / "nodir" / "x.ttl")])
    assert run.exit_code == 1 and "does not exist" in run.output
