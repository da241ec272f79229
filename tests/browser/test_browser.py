"""The analyst's path through the UI in headless Chromium, on the seed page, both backends:
search an actor, open the US-Mexico relationship (offer and rejection with their sentences),
open the timeline chart, use the Cypher console (reads run; CREATE is refused)."""

from __future__ import annotations

import re

import pytest
from browser_support import shot

from ingest.pipeline import ingest_paths

pytestmark = pytest.mark.browser

SEED = __import__("pathlib").Path(__file__).resolve().parents[2].parent / "shared" / "seed"
SEED_PAGE = SEED / "devdiscourse-2025-05-05-trump-mexico-troops.txt"


@pytest.fixture
def seeded(store):
    summary = ingest_paths([SEED_PAGE], store, progress=False)
    assert summary.articles == 1 and summary.events > 0, summary
    return store


def test_analyst_path(seeded, live_server, page):
    backend = seeded.backend
    base = live_server(seeded, write_token="browser-write-token")
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

    # 1. search for an actor, with the autocomplete
    page.goto(base + "/")
    box = page.locator(".bigsearch input[name=q]")
    box.fill("sheinb")
    page.locator(".bigsearch .ac-list li").first.wait_for(state="visible", timeout=10_000)
    assert "Claudia Sheinbaum" in page.locator(".bigsearch .ac-list").inner_text()
    shot(page, f"{backend}-01-autocomplete")
    page.locator(".bigsearch button").click()
    page.wait_for_url(re.compile(r"/search\?q=sheinb$"))
    results = page.locator("table.results")
    assert results.get_by_role("link", name="Claudia Sheinbaum", exact=True).count() == 1
    shot(page, f"{backend}-02-search")

    # 2. the US-Mexico relationship: the offer and the rejection, with their sentences
    page.goto(base + "/relationship/USA/MEX")
    usa_to_mex = page.locator("section.direction").first
    assert "events" in usa_to_mex.inner_text()
    body = page.locator("main").inner_text()
    assert "Express intent to cooperate militarily" in body  # Trump's offer of troops
    assert "Reject military cooperation" in body  # Sheinbaum's rejection
    assert "proposal to deploy U.S. troops to Mexico" in body
    assert "rejected the offer" in body
    rejection = page.locator("li.event", has_text="Reject military cooperation").first
    assert rejection.locator("mark.role-action").inner_text() == "rejected"
    shot(page, f"{backend}-03-relationship")

    # the event detail behind the rejection
    rejection.locator("a.action").click()
    page.wait_for_url(re.compile(r"/events/e-[0-9a-f]+$"))
    assert "Reported by 1 article" in page.locator("main").inner_text()
    assert page.locator("blockquote mark.role-source").count() == 1
    shot(page, f"{backend}-04-event")

    # 3. the timeline chart
    page.goto(base + "/relationship/USA/MEX")
    page.get_by_role("link", name="Timeline", exact=True).last.click()
    page.wait_for_url(re.compile(r"/timeline\?actor=USA&with=MEX"))
    chart = page.locator("#chart svg.chart")
    assert chart.is_visible()
    assert chart.locator("rect.bar").count() >= 2
    shot(page, f"{backend}-05-timeline")

    # 4. the Cypher console
    page.goto(base + "/cypher")
    form = page.locator("#cypher-form textarea")
    if backend == "neo4j":
        form.fill(
            "MATCH (s:Actor {country: 'MEX'})-[:SOURCE_OF]->(e:Event)-[:TARGET]->(t:Actor)\n"
            "MATCH (e)-[r:REPORTED_IN]->(a:Article)\n"
            "RETURN e.date AS date, s.name AS source, e.label AS action, t.name AS target,"
            " r.sentence AS sentence ORDER BY date"
        )
        page.locator("#cypher-form button").click()
        table = page.locator("#cypher-result")
        table.wait_for()
        assert "Reject military cooperation" in table.inner_text()
        shot(page, f"{backend}-06-cypher-read")
    else:
        assert "needs the Neo4j backend" in page.locator("#cypher-backend").inner_text()
        shot(page, f"{backend}-06-cypher-embedded")
    page.goto(base + "/cypher?q=CREATE%20(n)%20RETURN%20n")
    message = page.locator("#cypher-error").inner_text()
    assert "CREATE is not allowed in the read-only console" in message
    shot(page, f"{backend}-07-cypher-refused")

    # 5. the graph view
    page.goto(base + "/graph/MEX")
    assert page.locator("svg.graph circle").count() >= 2
    shot(page, f"{backend}-08-graph")

    # the refused query's page is a 400 by design; nothing else may fail or throw
    assert [e for e in errors if "status of 400" not in e] == [], errors
