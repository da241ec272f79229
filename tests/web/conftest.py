"""Web fixtures: the synthetic graph (tests/queries/synthetic_graph.py) behind a test client,
on both backends through the `store` fixture."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "queries"))

import synthetic_graph  # noqa: E402
from web_support import WRITE_TOKEN, make_app  # noqa: E402


@pytest.fixture
def g():
    return synthetic_graph


@pytest.fixture
def graph_store(store):
    synthetic_graph.build(store)
    return store


@pytest.fixture
def app(graph_store, tmp_path):
    return make_app(graph_store, tmp_path, write_token=WRITE_TOKEN)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def neo4j_graph(request):
    """The synthetic graph on the real Neo4j server only (for Neo4j-only features)."""
    s = request.getfixturevalue("neo4j_store_session")
    s.clear()
    synthetic_graph.build(s)
    yield s
    s.clear()


@pytest.fixture
def neo4j_client(neo4j_graph, tmp_path):
    return make_app(neo4j_graph, tmp_path, write_token=WRITE_TOKEN).test_client()


@pytest.fixture
def embedded_client(tmp_path):
    from kg.stores import EmbeddedStore

    s = EmbeddedStore(tmp_path / "kg")
    synthetic_graph.build(s)
    yield make_app(s, tmp_path, write_token=WRITE_TOKEN).test_client()
    s.close()
