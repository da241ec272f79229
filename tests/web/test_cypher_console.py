"""The read-only Cypher console: every refused class, the allowed reads, and the server-side
defences (READ access mode, time limit, row cap) on the real Neo4j server."""

from __future__ import annotations

import pytest

from queries import CypherRefused, check_read_only
from queries._console import execute_read, run_read_query

REFUSED = [
    ("CREATE (n) RETURN n", "CREATE"),
    ("create (n:Actor {id: 'x'})", "CREATE"),
    ("MERGE (a:Actor {id: 'x'}) RETURN a", "MERGE"),
    ("MATCH (a:Actor) SET a.name = 'x'", "SET"),
    ("MATCH (a:Actor) SET a:Hacked", "SET"),
    ("MATCH (e:Event) DELETE e", "DELETE"),
    ("MATCH (e:Event) DETACH DELETE e", "DETACH"),
    ("MATCH (a:Actor) REMOVE a.name", "REMOVE"),
    ("DROP INDEX event_date", "DROP"),
    ("DROP CONSTRAINT actor_id", "DROP"),
    ("CREATE INDEX x FOR (n:Actor) ON (n.kind)", "CREATE"),
    ("LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row", "LOAD CSV"),
    ("load csv with headers from 'http://x' as r return r", "LOAD CSV"),
    ("CALL dbms.components()", "dbms.components"),
    ("CALL dbms.security.createUser('x', 'y', false)", "dbms.security.createUser"),
    ("CALL apoc.create.node(['X'], {}) YIELD node RETURN node", "apoc.create.node"),
    ("CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DELETE n', {})", "apoc.periodic"),
    ("CALL apoc.cypher.runWrite('MERGE (n)', {})", "apoc.cypher.runWrite"),
    ("CALL db.createLabel('X')", "db.createLabel"),
    ("CALL db.clearQueryCaches()", "db.clearQueryCaches"),
    ("USE system SHOW USERS", "USE"),
    ("USE neo4j MATCH (n) RETURN n", "USE"),
    ("MATCH (n) RETURN n; MATCH (m) RETURN m", "multiple statements"),
    ("MATCH (n) RETURN n;\nCREATE (m)", "multiple statements"),
    ("GRANT ROLE admin TO neo4j", "GRANT"),
    ("REVOKE ROLE admin FROM neo4j", "REVOKE"),
    ("DENY READ {*} ON GRAPH * TO reader", "DENY"),
    ("ALTER USER neo4j SET PASSWORD 'x'", "SET"),
    ("ALTER DATABASE neo4j SET ACCESS READ ONLY", "SET"),
    ("RENAME ROLE a TO b", "RENAME"),
    ("STOP DATABASE neo4j", "STOP DATABASE"),
    ("START DATABASE neo4j", "START DATABASE"),
    ("SHOW USERS", "SHOW USERS"),
    ("SHOW DATABASES", "SHOW DATABASES"),
    ("TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "TERMINATE"),
    ("UNWIND range(1, 3) AS i FOREACH (x IN [i] | CREATE (:X))", "CREATE"),
    ("MATCH (n) FOREACH (x IN [1] | SET n.a = 1)", "SET"),
    ("CALL { MATCH (n) DETACH DELETE n } IN TRANSACTIONS", "DETACH"),
    ("MATCH (n) /* hide */ CREATE (m)", "CREATE"),
    ("MATCH (n)\n// a comment\nMERGE (m)", "MERGE"),
    ("", "empty"),
    ("MATCH (n) WHERE n.name = 'unterminated RETURN n", "unterminated"),
]


@pytest.mark.parametrize(("query", "named"), REFUSED)
def test_guard_refuses_with_a_clear_message(query, named):
    with pytest.raises(CypherRefused) as info:
        check_read_only(query)
    assert named.lower() in str(info.value).lower()


@pytest.mark.parametrize(
    "query",
    [
        "MATCH (n:Actor) RETURN n.name LIMIT 5",
        "MATCH (a:Actor) WHERE a.name = 'CREATE (x)' RETURN a",  # keywords inside strings
        'MATCH (a:Actor) WHERE a.name CONTAINS "DELETE" RETURN a',
        "MATCH (a:Actor) RETURN a.set, a.`create`",  # property names, quoted names
        "MATCH (n) RETURN n // DELETE in a comment",
        "MATCH (n) RETURN count(n);",  # one trailing semicolon is fine
        "CALL db.labels() YIELD label RETURN label",
        "CALL { MATCH (n:Actor) RETURN n } RETURN count(n)",
        "SHOW INDEXES",
        "EXPLAIN MATCH (n) RETURN n",
    ],
)
def test_guard_allows_reads(query):
    assert check_read_only(query)


def test_web_refuses_writes_with_the_reason(client):
    resp = client.get("/cypher.json", query_string={"q": "CREATE (n) RETURN n"})
    assert resp.status_code == 400
    assert "CREATE is not allowed in the read-only console" in resp.get_json()["error"]
    page = client.post("/cypher", data={"q": "CREATE (n) RETURN n"})
    assert page.status_code == 400
    html = page.get_data(as_text=True)
    assert 'id="cypher-error"' in html and "CREATE is not allowed" in html


def test_embedded_says_cypher_needs_neo4j(embedded_client):
    client = embedded_client
    html = client.get("/cypher").get_data(as_text=True)
    assert "The Cypher console needs the Neo4j backend" in html
    resp = client.get("/cypher.json", query_string={"q": "MATCH (n) RETURN n"})
    assert resp.status_code == 400 and "needs the Neo4j backend" in resp.get_json()["error"]


@pytest.mark.neo4j
def test_console_runs_reads_as_table_and_graph(neo4j_client):
    client = neo4j_client
    q = (
        "MATCH (s:Actor {country: 'MEX'})-[r:SOURCE_OF]->(e:Event)-[:TARGET]->"
        "(t:Actor {country: 'USA'}) WHERE e.mode IS NULL "
        "RETURN s, r, e, e.date AS date ORDER BY date"
    )
    data = client.get("/cypher.json", query_string={"q": q}).get_json()
    result = data["result"]
    assert result["columns"] == ["s", "r", "e", "date"]
    assert [row[3] for row in result["rows"]] == ["2025-05-03", "2025-06-01"]
    assert result["rows"][0][0]["labels"] == ["Actor"]
    assert len(result["graph"]["nodes"]) == 4 and len(result["graph"]["relationships"]) == 2
    html = client.get("/cypher", query_string={"q": q}).get_data(as_text=True)
    assert 'id="cypher-result"' in html and '<svg class="graph"' in html
    csv_text = client.get("/cypher.csv", query_string={"q": "MATCH (a:Actor) RETURN a.id AS id"})
    assert csv_text.get_data(as_text=True).splitlines()[0] == "id"


@pytest.mark.neo4j
def test_server_refuses_writes_even_without_the_guard(neo4j_graph):
    store = neo4j_graph
    before = store.counts()
    with pytest.raises(Exception) as info:
        execute_read(store, "CREATE (n:Intruder) RETURN n")
    assert "write" in str(info.value).lower() or "access mode" in str(info.value).lower()
    assert store.counts() == before


@pytest.mark.neo4j
def test_time_limit_and_row_cap(neo4j_graph):
    store = neo4j_graph
    capped = run_read_query(store, "UNWIND range(1, 1000) AS x RETURN x", row_cap=10)
    assert capped.truncated and len(capped.rows) == 10
    whole = run_read_query(store, "UNWIND range(1, 5) AS x RETURN x", row_cap=10)
    assert not whole.truncated and [r[0] for r in whole.rows] == [1, 2, 3, 4, 5]
    slow = (
        "UNWIND range(1, 30000) AS a UNWIND range(1, 30000) AS b "
        "WITH a, b WHERE a * b = -1 RETURN count(*)"
    )
    with pytest.raises(Exception) as info:
        run_read_query(store, slow, timeout_s=0.5)
    assert "timed out" in str(info.value).lower() or "timeout" in str(info.value).lower()


@pytest.mark.neo4j
def test_web_reports_syntax_errors(neo4j_client):
    client = neo4j_client
    resp = client.get("/cypher.json", query_string={"q": "MATCH (n RETURN n"})
    assert resp.status_code == 400 and "Neo4j error" in resp.get_json()["error"]


@pytest.mark.neo4j
def test_internal_labels_and_properties_are_hidden_unless_asked_for(neo4j_client):
    client = neo4j_client

    def result(q, **extra):
        return client.get("/cypher.json", query_string={"q": q, **extra}).get_json()["result"]

    plain = result("MATCH (a:Actor {country: 'MEX'}) RETURN a ORDER BY a.name LIMIT 3")
    props = [row[0]["properties"] for row in plain["rows"]]
    assert props and all("name" in p and "search_text" not in p for p in props)
    assert "search_text" in plain["hidden"]
    asked = result("MATCH (a:Actor {country: 'MEX'}) RETURN a ORDER BY a.name LIMIT 3", internal=1)
    assert all("search_text" in row[0]["properties"] for row in asked["rows"])
    named = result("MATCH (a:Actor) WHERE a.search_text CONTAINS 'sheinbaum' RETURN a")
    assert "search_text" in named["rows"][0][0]["properties"]  # the query names it
    events = result("MATCH (e:Event) RETURN e LIMIT 2")
    assert all("source_country" not in r[0]["properties"] for r in events["rows"])
    assert all("cameo" in r[0]["properties"] for r in events["rows"])

    # tally cells: listed as internal nodes, drawn nowhere, unless the query names Tally
    everything = result("MATCH (n) RETURN n")
    tallies = [r[0] for r in everything["rows"] if "Tally" in r[0]["labels"]]
    assert tallies and all(t["internal"] and t["properties"] == {} for t in tallies)
    assert not any("Tally" in n["labels"] for n in everything["graph"]["nodes"])
    assert any("Actor" in n["labels"] for n in everything["graph"]["nodes"])
    cells = result("MATCH (t:Tally) RETURN t LIMIT 1")
    assert cells["rows"][0][0]["properties"]["key"] and "Tally" not in cells["hidden"]


@pytest.mark.neo4j
def test_console_page_draws_readable_cells_and_graph(neo4j_client):
    q = (
        "MATCH (s:Actor {country: 'MEX'})-[r:SOURCE_OF]->(e:Event)-[t:TARGET]->(o:Actor) "
        "WHERE e.mode IS NULL RETURN s, r, e, t, o, [1, 2] AS pair"
    )
    html = neo4j_client.get("/cypher", query_string={"q": q}).get_data(as_text=True)
    table = html.split('id="cypher-result"', 1)[1].split("</table>", 1)[0]
    assert "<b>Claudia Sheinbaum</b>" in table and ":SOURCE_OF" in table
    assert "<dt>cameo</dt>" in table and "1, 2" in table
    assert "search_text" not in table and "&#34;_type&#34;" not in table  # no raw JSON dumps
    assert "Internal search_text" in html  # the page says what it left out
    svg = html.split('<svg class="graph"', 1)[1].split("</svg>", 1)[0]
    assert 'marker-end="url(#result-arrow)"' in svg and ">SOURCE_OF</text>" in svg
    assert 'href="/actors/' in svg and 'href="/events/' in svg
    assert 'class="legend"' in svg
