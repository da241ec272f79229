"""Shared fixtures. `store` runs a test once per backend: embedded and the real Neo4j server.

Neo4j tests never skip: when the server is unreachable they fail with how to start it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kg.stores import DEFAULT_NEO4J_URI, EmbeddedStore, Store

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED_PAGE = SHARED / "seed" / "devdiscourse-2025-05-05-trump-mexico-troops.txt"
EVENTDATA = SHARED / "eventdata"


def neo4j_uri() -> str:
    return os.environ.get("NEO4J_URI") or DEFAULT_NEO4J_URI


@pytest.fixture(scope="session")
def neo4j_store_session():
    from kg.stores._neo4j import Neo4jStore

    try:
        store = Neo4jStore(
            neo4j_uri(),
            user=os.environ.get("NEO4J_USER", "neo4j"),
            password=os.environ.get("NEO4J_PASSWORD", ""),
            database=os.environ.get("NEO4J_DATABASE", "neo4j"),
        )
        store.ping()
    except Exception as exc:  # noqa: BLE001 - any failure to reach it is the same failure
        pytest.fail(
            f"Neo4j is not reachable at {neo4j_uri()} ({exc}). Start it with `kg neo4j start` "
            "or run the whole suite with `scripts/test`; deselect with -m 'not neo4j'.",
            pytrace=False,
        )
    yield store
    store.close()


@pytest.fixture(params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def store(request, tmp_path) -> Store:
    if request.param == "embedded":
        s = EmbeddedStore(tmp_path / "kg")
        yield s
        s.close()
    else:
        s = request.getfixturevalue("neo4j_store_session")
        s.clear()
        yield s
        s.clear()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Name the Neo4j tests in the JUnit report, so .ci/run can check that all of them ran
    against the server and none was skipped (names alone miss many)."""
    for item in items:
        if item.get_closest_marker("neo4j"):
            item.user_properties.append(("neo4j", "true"))
