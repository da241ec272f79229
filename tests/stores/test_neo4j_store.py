"""Only the Neo4j backend has these: schema objects, Cypher value types, errors, example query."""

from __future__ import annotations

import json
import re
import socket
from pathlib import Path

import pytest
from test_conformance import ART1, MEXGOV, REJECT, USGOV, seed_batch

from kg.model import GraphBatch
from kg.stores import StoreError
from kg.stores._neo4j import Neo4jStore


@pytest.fixture
def neo(neo4j_store_session):
    neo4j_store_session.clear()
    yield neo4j_store_session
    neo4j_store_session.clear()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_unreachable_server_is_a_clear_store_error():
    port = _free_port()  # bound then released: nothing listens there
    with pytest.raises(StoreError, match=r"(?s)unreachable.*2 attempts.*kg neo4j start"):
        Neo4jStore(f"bolt://127.0.0.1:{port}", attempts=2, backoff=0.01, connection_timeout=1)


def test_bad_uri_is_a_store_error():
    with pytest.raises(StoreError, match="cannot create a driver"):
        Neo4jStore("ftp://127.0.0.1:7687")


@pytest.mark.neo4j
def test_constraints_and_indexes_exist(neo):
    constraints = {
        (r["labels"][0], r["properties"][0], r["type"])
        for r in neo.run_read("SHOW CONSTRAINTS YIELD labelsOrTypes AS labels, properties, type")
    }
    assert {
        ("Actor", "id", "UNIQUENESS"),
        ("Event", "id", "UNIQUENESS"),
        ("Article", "id", "UNIQUENESS"),
    } <= constraints
    indexes = {
        (r["labels"][0], r["properties"][0])
        for r in neo.run_read(
            "SHOW INDEXES YIELD labelsOrTypes AS labels, properties, state"
            " WHERE labels IS NOT NULL AND state = 'ONLINE'"
        )
    }
    for wanted in [
        ("Event", "date"),
        ("Event", "root"),
        ("Actor", "country"),
        ("Actor", "name"),
        ("Actor", "search_text"),
    ]:
        assert wanted in indexes


@pytest.mark.neo4j
def test_schema_creation_is_idempotent(neo):
    before = neo.run_read("SHOW INDEXES YIELD name RETURN count(*) AS n")[0]["n"]
    again = Neo4jStore(neo.uri, database=neo.database)
    again.close()
    assert neo.run_read("SHOW INDEXES YIELD name RETURN count(*) AS n")[0]["n"] == before


@pytest.mark.neo4j
def test_cypher_value_types(neo):
    neo.upsert(seed_batch())
    row = neo.run_read(
        "MATCH (e:Event {id: $e})-[:REPORTED_IN]->(a:Article {id: $a})"
        " RETURN valueType(e.date) AS date, valueType(a.published) AS published,"
        " valueType(e.quad_class) AS quad, valueType(e.goldstein) AS goldstein,"
        " valueType(e.cameo) AS cameo",
        e=REJECT.id,
        a=ART1.id,
    )[0]
    assert row["date"].startswith("DATE")
    assert row["published"].startswith("ZONED DATETIME")
    assert row["quad"].startswith("INTEGER")
    assert row["goldstein"].startswith("FLOAT")
    assert row["cameo"].startswith("STRING")


def _documented_examples() -> list[str]:
    """The Cypher blocks of docs/schema.md's "Example queries" section, as written there."""
    text = (Path(__file__).resolve().parents[2] / "docs" / "schema.md").read_text(encoding="utf-8")
    section = text.split("\n## Example queries\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```cypher\n(.*?)```", section, re.S)


def test_docs_have_the_example_queries():
    examples = _documented_examples()
    assert len(examples) >= 4
    assert "country: 'MEX', kind: 'government'" in examples[0]


@pytest.mark.neo4j
def test_documented_example_query_runs(neo):
    """The first query in docs/schema.md: Mexico's government -> the US, May 2025."""
    neo.upsert(seed_batch())
    rows = neo.run_read(_documented_examples()[0])
    assert len(rows) == 1
    assert rows[0]["source"] == MEXGOV.name and rows[0]["target"] == USGOV.name
    assert rows[0]["sentence"] == REJECT.reports[0].sentence
    assert rows[0]["date"].iso_format() == "2025-05-04"


@pytest.mark.neo4j
def test_kg_stats_counts_every_label_and_marks_tallies_derived(neo, monkeypatch):
    from click.testing import CliRunner

    from cli.main import kg

    neo.upsert(seed_batch())
    monkeypatch.setenv("KG_STORE", "neo4j")
    monkeypatch.setenv("NEO4J_URI", neo.uri)
    tallies = neo.run_read("MATCH (t:Tally) RETURN count(t) AS n")[0]["n"]
    assert tallies > 0  # the seed's country events are tallied on write
    result = CliRunner().invoke(kg, ["stats", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["nodes"] == neo.counts()["nodes"] and data["nodes"]["Event"] == 3
    assert data["derived"] == {"Tally": tallies}
    labels = {r["label"] for r in neo.run_read("CALL db.labels() YIELD label RETURN label")}
    assert labels <= set(data["nodes"]) | set(data["derived"])
    table = CliRunner().invoke(kg, ["stats"])
    assert table.exit_code == 0 and re.search(r"node \(derived\).*Tally", table.output)


@pytest.mark.neo4j
def test_every_documented_example_query_runs(neo):
    neo.upsert(seed_batch())
    for query in _documented_examples():
        neo.run_read(query, event_id=REJECT.id)  # a syntax or schema slip raises StoreError
    reported = [q for q in _documented_examples() if "$event_id" in q]
    assert reported and neo.run_read(reported[0], event_id=REJECT.id)


@pytest.mark.neo4j
def test_invalid_date_is_a_store_error_and_writes_nothing(neo):
    batch = seed_batch()
    bad = REJECT.__class__(**{**REJECT.__dict__, "date": "May 4th"})
    batch.events[0] = bad
    with pytest.raises(StoreError, match="writing a batch failed"):
        neo.upsert(batch)
    assert neo.run_read("MATCH (n) RETURN count(n) AS n")[0]["n"] == 0


@pytest.mark.neo4j
def test_empty_batch_is_a_no_op(neo):
    neo.upsert(GraphBatch())
    assert neo.run_read("MATCH (n) RETURN count(n) AS n")[0]["n"] == 0


@pytest.mark.neo4j
def test_ping_reports_version(neo):
    assert neo.ping().startswith("5.")


@pytest.mark.neo4j
def test_event_endpoint_copies_agree_with_the_relationships(neo):
    """Queries seek events by the endpoint copies on Event (docs/schema.md); they must match
    the SOURCE_OF/TARGET relationships, through both the CREATE and the MERGE write paths."""
    batch = seed_batch()
    neo.upsert(batch)
    neo.upsert(batch)  # the second write goes through MERGE
    rows = neo.run_read(
        "MATCH (s:Actor)-[:SOURCE_OF]->(e:Event) OPTIONAL MATCH (e)-[:TARGET]->(t:Actor)"
        " RETURN [e.source_id, e.source_country, e.target_id, e.target_country] AS copies,"
        " [s.id, s.country, t.id, t.country] AS ends"
    )
    assert len(rows) == len(batch.events)
    assert any(r["ends"][2] is None for r in rows)  # the untargeted event is covered too
    for r in rows:
        assert r["copies"] == r["ends"]
