"""Abuse limits on the query consoles: a cap on SPARQL/Cypher queries running at once (429 with
Retry-After for the rest, so slow queries cannot take every server thread), and a cap on the
bytes of an answer as well as its rows."""

from __future__ import annotations

import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from web_support import load_demo, make_app, served

from kg.stores import EmbeddedStore

# Runs until the time limit on any graph of a few thousand triples (a four-way cross product).
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
QUICK = "SELECT ?s WHERE { ?s ?p ?o } LIMIT 3"
# One row holding every literal of the graph: far more bytes than rows.
ONE_BIG_ROW = "SELECT (GROUP_CONCAT(STR(?o)) AS ?all) WHERE { ?s ?p ?o }"
TIME_LIMIT_S = 6


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    store = EmbeddedStore(tmp_path_factory.mktemp("demo") / "kg")
    load_demo(store)
    yield store
    store.close()


def _get(url: str, timeout: float = 60) -> tuple[int, dict, float]:
    """(status, headers, seconds); status 0 when no answer came within `timeout`."""
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:
            resp.read()
            status, headers = resp.status, dict(resp.headers)
    except urllib.error.HTTPError as exc:
        exc.read()
        status, headers = exc.code, dict(exc.headers)
    except TimeoutError:
        status, headers = 0, {}
    return status, headers, time.perf_counter() - started


def test_slow_sparql_queries_cannot_stall_the_home_page(demo_store, tmp_path):
    app = make_app(demo_store, tmp_path)
    app.config["KG_SPARQL_TIMEOUT"] = TIME_LIMIT_S
    slow = "/sparql?" + urllib.parse.urlencode({"query": SLOW})
    with served(app) as base:
        assert _get(base + "/")[0] == 200  # warm: templates compiled, store open
        assert _get(base + "/sparql?" + urllib.parse.urlencode({"query": QUICK}))[0] == 200
        with ThreadPoolExecutor(max_workers=10) as pool:
            queries = [pool.submit(_get, base + slow) for _ in range(10)]
            time.sleep(1.0)  # every query has reached the server
            status, _, home_s = _get(base + "/", timeout=3 * TIME_LIMIT_S)
            answers = [q.result() for q in queries]
    assert status == 200 and home_s < TIME_LIMIT_S / 2, (
        f"/ answered {status or 'nothing'} after {home_s:.1f} s under 10 slow queries"
    )
    refused = [a for a in answers if a[0] == 429]
    assert len(refused) == 10 - app.extensions["kg"]["settings"].max_concurrent_queries
    assert all(a[2] < 2.0 for a in refused), [round(a[2], 2) for a in refused]  # at once
    assert all(int(a[1]["Retry-After"]) >= 1 for a in refused)
    # the admitted ones ran and were stopped at the time limit, as before
    assert sorted(a[0] for a in answers if a[0] != 429) == [503, 503]


def test_a_free_slot_is_used_again(demo_store, tmp_path):
    """The positive side: with the slots all taken a query is refused; once they are given
    back the same query runs."""
    app = make_app(demo_store, tmp_path, max_concurrent_queries=1)
    client = app.test_client()
    slots = app.extensions["kg"]["query_slots"]
    with slots.slot("test", 1):
        busy = client.get("/sparql", query_string={"query": QUICK})
        page = client.get("/sparql.json", query_string={"query": QUICK})
    assert busy.status_code == 429 and "too many queries" in busy.get_data(as_text=True)
    assert busy.headers["Retry-After"] == "10"  # the SPARQL time limit
    assert page.status_code == 429 and "KG_MAX_CONCURRENT_QUERIES" in page.get_json()["error"]
    assert client.get("/sparql", query_string={"query": QUICK}).status_code == 200


@pytest.mark.neo4j
def test_cypher_console_shares_the_cap(neo4j_client):
    app = neo4j_client.application
    slots = app.extensions["kg"]["query_slots"]
    q = {"q": "MATCH (a:Actor) RETURN a.name LIMIT 2"}
    held = [slots.slot("test", 1) for _ in range(slots.size)]
    for h in held:
        h.__enter__()
    try:
        resp = neo4j_client.get("/cypher.json", query_string=q)
        page = neo4j_client.get("/cypher", query_string=q)
    finally:
        for h in held:
            h.__exit__(None, None, None)
    assert resp.status_code == 429 and resp.headers["Retry-After"] == "5"
    assert "too many queries" in resp.get_json()["error"]
    assert page.status_code == 429 and 'id="cypher-error"' in page.get_data(as_text=True)
    assert neo4j_client.get("/cypher.json", query_string=q).status_code == 200


def test_sparql_answer_is_capped_in_bytes_not_only_rows(demo_store, tmp_path):
    client = make_app(demo_store, tmp_path, max_result_bytes=20_000).test_client()
    big = client.get("/sparql", query_string={"query": ONE_BIG_ROW})
    assert big.status_code == 400
    text = big.get_data(as_text=True)
    assert "larger than 20,000 bytes" in text and "KG_MAX_RESULT_BYTES" in text
    page = client.get("/sparql.json", query_string={"query": ONE_BIG_ROW})
    assert page.status_code == 400 and "20,000 bytes" in page.get_json()["error"]
    # the same single row fits under the default cap; small answers are untouched
    roomy = make_app(demo_store, tmp_path).test_client()
    assert roomy.get("/sparql", query_string={"query": ONE_BIG_ROW}).status_code == 200
    assert client.get("/sparql", query_string={"query": QUICK}).status_code == 200


BIG_VALUE = "RETURN reduce(s = '', i IN range(1, 5000) | s + 'abcdefghij') AS big"


@pytest.mark.neo4j
def test_cypher_result_is_capped_in_bytes_not_only_rows(neo4j_graph, tmp_path):
    client = make_app(neo4j_graph, tmp_path, max_result_bytes=20_000).test_client()
    data = client.get("/cypher.json", query_string={"q": BIG_VALUE}).get_json()
    result = data["result"]
    assert result["rows"] == [] and result["truncated"] and result["truncated_by"] == "bytes"
    html = client.get("/cypher", query_string={"q": BIG_VALUE}).get_data(as_text=True)
    assert "would pass the 20,000-byte limit" in html
    # many small rows stop at the byte cap too, keeping the rows that fit
    many = "UNWIND range(1, 480) AS i RETURN i, 'text making each row some fifty bytes long' AS pad"
    capped = client.get("/cypher.json", query_string={"q": many}).get_json()["result"]
    assert 0 < len(capped["rows"]) < 480 and capped["truncated_by"] == "bytes"
    # under the default cap both come back whole
    roomy = make_app(neo4j_graph, tmp_path).test_client()
    whole = roomy.get("/cypher.json", query_string={"q": BIG_VALUE}).get_json()["result"]
    assert len(whole["rows"][0][0]) == 50_000 and not whole["truncated"]
    rows = roomy.get("/cypher.json", query_string={"q": many}).get_json()["result"]["rows"]
    assert len(rows) == 480
