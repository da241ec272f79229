"""The Cypher console on the real Neo4j server, through the web endpoint: every refused class
is answered 400 with the reason and leaves data, schema and users untouched; the server-side
time limit and the row cap hold; and the READ transaction refuses writes even if the guard
were bypassed."""

from __future__ import annotations

import time

import pytest
from reliability_helpers import CORPUS

from ingest.pipeline import ingest_paths
from kg.config import Settings
from queries._console import DEFAULT_ROW_CAP, DEFAULT_TIMEOUT_S, execute_read
from web import create_app

pytestmark = pytest.mark.neo4j

REFUSED = {
    "write clause CREATE": "CREATE (n:Intruder) RETURN n",
    "write clause MERGE": "MERGE (n:Actor {id: 'intruder'}) RETURN n",
    "write clause SET": "MATCH (a:Actor) SET a.name = 'pwned' RETURN count(a)",
    "write clause DELETE": "MATCH (e:Event) DETACH DELETE e",
    "write clause REMOVE": "MATCH (a:Actor) REMOVE a.name RETURN count(a)",
    "write in FOREACH": "MATCH (a:Actor) FOREACH (x IN [1] | SET a.kind = 'x')",
    "write in a subquery": "CALL { MATCH (e:Event) DETACH DELETE e } IN TRANSACTIONS",
    "schema command": "CREATE INDEX intruder FOR (n:Actor) ON (n.kind)",
    "schema drop": "DROP CONSTRAINT actor_id",
    "LOAD CSV": "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
    "CALL dbms.*": "CALL dbms.listConfig() YIELD name RETURN name",
    "CALL dbms.security": "CALL dbms.security.createUser('intruder', 'secret-pass', false)",
    "APOC write": "CALL apoc.create.node(['Intruder'], {}) YIELD node RETURN node",
    "APOC cypher": "CALL apoc.cypher.runWrite('CREATE (:Intruder)', {})",
    "USE system": "USE system SHOW USERS",
    "admin command": "CREATE USER intruder SET PASSWORD 'secret-pass'",
    "multiple statements": "MATCH (n) RETURN count(n); CREATE (:Intruder)",
    "statement hidden after a comment": "MATCH (n) RETURN n /* ; */ ; CREATE (:Intruder)",
}


@pytest.fixture(scope="module")
def graph(neo4j_store_session):
    store = neo4j_store_session
    store.clear()
    ingest_paths(sorted(CORPUS.glob("*.txt"))[:6], store, progress=False)
    yield store
    store.clear()


@pytest.fixture
def client(graph, tmp_path):
    app = create_app(Settings(data_dir=tmp_path, store="neo4j"), graph)
    app.config["TESTING"] = True
    return app.test_client()


def _state(store) -> tuple:
    nodes = store.run_read("MATCH (n) RETURN count(n) AS n")[0]["n"]
    rels = store.run_read("MATCH ()-[r]->() RETURN count(r) AS n")[0]["n"]
    names = store.run_read("MATCH (a:Actor) RETURN collect(a.name) AS n")[0]["n"]
    with store.driver.session(database="system") as s:
        users = [r["user"] for r in s.run("SHOW USERS YIELD user RETURN user")]
    with store.driver.session(database=store.database) as s:
        schema = sorted(r["name"] for r in s.run("SHOW INDEXES YIELD name RETURN name"))
    return nodes, rels, sorted(names), users, schema


@pytest.mark.parametrize("query", list(REFUSED.values()), ids=list(REFUSED))
def test_refused_through_the_web_and_nothing_changes(client, graph, query):
    before = _state(graph)
    resp = client.get("/cypher.json", query_string={"q": query})
    assert resp.status_code == 400
    assert "refused" in resp.get_json()["error"] or "not allowed" in resp.get_json()["error"]
    posted = client.post("/cypher.json", json={"q": query})
    assert posted.status_code == 400
    assert _state(graph) == before


@pytest.mark.parametrize(
    "query",
    [
        "CREATE (n:Intruder) RETURN n",
        "MATCH (a:Actor) SET a.name = 'pwned'",
        "MATCH (e:Event) DETACH DELETE e",
        "CREATE INDEX intruder FOR (n:Actor) ON (n.kind)",
    ],
)
def test_read_transaction_refuses_writes_even_without_the_guard(graph, query):
    before = _state(graph)
    with pytest.raises(Exception) as caught:  # the driver's own error type
        execute_read(graph, query)
    text = str(caught.value).lower()
    assert "write" in text or "access mode" in text or "read" in text
    assert _state(graph) == before


def test_row_cap_through_the_web(client):
    data = client.get("/cypher.json", query_string={"q": "UNWIND range(1, 100000) AS x RETURN x"})
    result = data.get_json()["result"]
    assert result["truncated"] is True and len(result["rows"]) == DEFAULT_ROW_CAP


def test_server_side_time_limit_through_the_web(client):
    slow = (
        "UNWIND range(1, 30000) AS a UNWIND range(1, 30000) AS b "
        "WITH a, b WHERE a * b = -1 RETURN count(*)"
    )
    began = time.monotonic()
    resp = client.get("/cypher.json", query_string={"q": slow})
    elapsed = time.monotonic() - began
    assert resp.status_code == 400
    assert "longer than" in resp.get_json()["error"]
    assert elapsed < DEFAULT_TIMEOUT_S + 10
