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


def test_analyst_path_by_name(seeded, live_server, page):
    """The same questions asked by name, never by id: the compare form, a chart bar down to
    its events, the events list filtered by name and code, the country page agreeing with
    the relationship page, the graph of countries, and "did you mean" for a partial name."""
    backend = seeded.backend
    base = live_server(seeded)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    # the autocomplete lists the country once and says what choosing it means
    page.goto(base + "/")
    page.locator(".bigsearch input[name=q]").fill("mexic")
    first = page.locator(".bigsearch .ac-list li").first
    first.wait_for(state="visible", timeout=10_000)
    listed = page.locator(".bigsearch .ac-list").inner_text()
    assert listed.count("country: all actors of Mexico") == 1, listed
    shot(page, f"{backend}-by-name-01-autocomplete")

    # compare by name: the relationship page at its id address
    page.locator(".dyadpick input[name=a]").fill("United States")
    page.locator(".dyadpick input[name=b]").fill("Mexico")
    page.locator(".dyadpick button").click()
    page.wait_for_url(re.compile(r"/relationship/USA/MEX$"))
    usa_to_mex = page.locator("section.direction").first
    assert "involve non-state groups" in usa_to_mex.inner_text()  # the cartels, apart
    assert "Mexican Drug Cartels" in usa_to_mex.locator("table.pairs").inner_text()
    latest = page.locator("#latest")
    assert latest.locator(".badge.mutual").count() == 1  # the talks, coded both ways
    total = int(re.search(r"(\d+) events", page.locator(".pagehead").inner_text()).group(1))
    shot(page, f"{backend}-by-name-02-relationship")

    # a bar of the chart opens the events behind it
    bar = page.locator("#chart svg a").first
    bar.click()
    page.wait_for_url(re.compile(r"/events\?actor=USA&with=MEX&from=2025-05-04"))
    shown = int(page.locator("#event-count b").inner_text())
    assert 0 < shown <= total
    shot(page, f"{backend}-by-name-03-bar-events")

    # the events list by name and full CAMEO code
    page.goto(base + "/events?actor=Mexico&cameo=1212")
    page.wait_for_url(re.compile(r"/events\?actor=MEX&cameo=1212$"))
    assert page.locator("#event-count b").inner_text() == "1"
    assert "Reject military cooperation" in page.locator("ol.events").inner_text()

    # the country page counts Mexico -> United States as the relationship page does
    page.goto(base + "/actors/Mexico")
    page.wait_for_url(re.compile(r"/actors/MEX$"))
    row = page.locator("section.card", has_text="Acts towards").locator("tr", has_text="United")
    country_count = int(row.locator("td.num").first.inner_text())
    page.goto(base + "/relationship/Mexico/United States.json")
    assert country_count == page.evaluate("JSON.parse(document.body.innerText).a_to_b.total")

    # the graph of a country groups the partner's actors into one node
    page.goto(base + "/graph/Mexico")
    page.wait_for_url(re.compile(r"/graph/MEX$"))
    codes = page.locator("svg.graph text.node-code").all_text_contents()
    assert sorted(codes) == ["MEX", "USA"]
    edges = page.locator("table").inner_text()
    assert "incl. Mexican Drug Cartels" in edges  # Mexico's own group, on the US line
    shot(page, f"{backend}-by-name-04-graph")

    # every event over time, no actor needed
    page.goto(base + "/timeline")
    assert page.locator("#chart svg.chart rect.bar").count() >= 2

    # a partial name: did you mean
    page.goto(base + "/actors/Claudia")
    page.get_by_role("link", name="Claudia Sheinbaum").click()
    page.wait_for_url(re.compile(r"/actors/mex-government-claudia-sheinbaum$"))
    assert errors == [], errors
