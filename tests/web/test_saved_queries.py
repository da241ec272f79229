"""The query consoles on the demo corpus (what `kg demo` serves): every saved SPARQL query
returns rows on both stores and every saved Cypher query on Neo4j, whatever today's date; the
SPARQL form draws answers as a table; the menu offers Cypher only where it can run."""

from __future__ import annotations

import re
from html import unescape

import pytest
from web_support import load_demo, make_app

from queries import EXAMPLES as CYPHER_EXAMPLES
from web.sparql import EXAMPLES as SPARQL_EXAMPLES

BROWSER = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}


@pytest.fixture
def demo_client(store, tmp_path):
    load_demo(store)
    return make_app(store, tmp_path).test_client()


def test_saved_sparql_queries_return_rows_on_the_demo_corpus(demo_client):
    assert len(SPARQL_EXAMPLES) >= 6
    for example in SPARQL_EXAMPLES:
        resp = demo_client.get("/sparql.json", query_string={"query": example["query"]})
        data = resp.get_json()
        assert resp.status_code == 200, (example["title"], data["error"])
        assert len(data["result"]["rows"]) > 0, example["title"]
    # the form lists them, each a link that runs it
    page = demo_client.get("/sparql", headers=BROWSER).get_data(as_text=True)
    links = re.findall(r'<li><a href="(/sparql\?query=[^"]+)">', page)
    assert len(links) == len(SPARQL_EXAMPLES)
    answer = demo_client.get(unescape(links[0]), headers=BROWSER).get_data(as_text=True)
    assert 'id="sparql-result"' in answer and "Claudia Sheinbaum" in answer


def test_sparql_form_draws_a_table_and_links_this_sites_pages(demo_client):
    describe = next(e for e in SPARQL_EXAMPLES if "DESCRIBE" in e["query"])
    html = demo_client.post("/sparql", data={"query": describe["query"]}, headers=BROWSER).get_data(
        as_text=True
    )
    table = html.split('id="sparql-result"', 1)[1].split("</table>", 1)[0]
    assert '<th scope="col">subject</th>' in table
    assert 'href="/actors/mex-government-claudia-sheinbaum"' in table
    assert ">kg:countryCode<" in table  # prefixed names, not bare IRIs
    bad = demo_client.get("/sparql", query_string={"query": "SELEC nothing"}, headers=BROWSER)
    assert bad.status_code == 400 and 'id="sparql-error"' in bad.get_data(as_text=True)
    # protocol clients still get SPARQL results, not the page
    for accept in ("*/*", "application/sparql-results+json", None):
        headers = {"Accept": accept} if accept else {}
        resp = demo_client.get(
            "/sparql", query_string={"query": describe["query"]}, headers=headers
        )
        assert resp.mimetype in ("text/turtle", "application/sparql-results+json"), accept


@pytest.mark.neo4j
def test_saved_cypher_queries_return_rows_on_the_demo_corpus(neo4j_store_session, tmp_path):
    store = neo4j_store_session
    store.clear()
    try:
        client = make_app(load_demo(store), tmp_path).test_client()
        assert len(CYPHER_EXAMPLES) >= 6
        for example in CYPHER_EXAMPLES:
            assert "date()" not in example["query"], example["title"]  # no 'today'
            resp = client.get("/cypher.json", query_string={"q": example["query"]})
            data = resp.get_json()
            assert resp.status_code == 200, (example["title"], data["error"])
            assert len(data["result"]["rows"]) > 0, example["title"]
    finally:
        store.clear()


def test_menu_offers_cypher_only_on_neo4j(store, tmp_path):
    client = make_app(store, tmp_path).test_client()
    nav = client.get("/").get_data(as_text=True).split("<nav", 1)[1].split("</nav>", 1)[0]
    assert 'href="/sparql"' in nav and 'href="/api"' in nav
    assert ('href="/cypher"' in nav) == (store.backend == "neo4j")
    if store.backend == "embedded":  # the page, reached by URL, says why and where to go
        page = client.get("/cypher").get_data(as_text=True)
        assert "needs the Neo4j backend" in page and 'href="/sparql"' in page
