"""Small screens and the keyboard, in headless Chromium on the demo corpus, both backends:
every HTML page of the app fits 390 px without sideways scrolling, the menu collapses below
900 px, chart text stays readable, and the skip link, the autocomplete combobox and the
chart's bars work from the keyboard."""

from __future__ import annotations

import json
import re
import urllib.request

import pytest
from browser_support import shot

pytestmark = pytest.mark.browser

WRITE = "browser-write-token"
# Values for the path arguments of the app's routes; a new argument must be added here.
QUERIES = [
    "/search?q=mex",
    "/timeline?actor=USA&with=MEX",
    "/timeline?actor=MEX",
    "/cypher?q=MATCH%20(a:Actor)%20RETURN%20a.name%20LIMIT%205",
    "/events?include_modes=1",
    "/no-such-page",
]


def get_json(url: str, **headers) -> dict:
    req = urllib.request.Request(url, headers={"Accept": "application/json", **headers})
    with urllib.request.urlopen(req) as resp:
        return json.load(resp)


def every_page(app, base: str) -> list[str]:
    """Every GET route of the app without a format suffix, its arguments filled from the
    demo data (so a page added later is covered without editing this list)."""
    events = get_json(base + "/events.json?limit=50")["events"]
    resolved = next(
        e for e in events if any(h["resolved_to"] for r in e["reports"] for h in r["highlights"])
    )
    req = urllib.request.Request(
        base + "/ingest",
        data=b"text=Poland+criticized+Russia+on+Monday.",
        headers={"Authorization": f"Bearer {WRITE}", "Accept": "application/json"},
    )
    with urllib.request.urlopen(req) as resp:
        job = json.load(resp)["id"]
    values = {
        "ref": "MEX",
        "a": "USA",
        "b": "MEX",
        "event_id": resolved["id"],
        "article_id": resolved["reports"][0]["article_id"],
        "job_id": job,
    }
    pages = []
    for rule in app.url_map.iter_rules():
        args = set(rule.arguments)
        if "GET" not in rule.methods or rule.endpoint == "static" or args & {"fmt", "ext"}:
            continue
        missing = args - set(values)
        assert not missing, f"{rule.rule}: no sample value for {missing}; add one to the test"
        pages.append(rule.build({k: values[k] for k in args}, append_unknown=False)[1])
    return sorted(set(pages)) + QUERIES


def test_no_page_scrolls_sideways_at_390_px(demo_store, live_server, browser):
    base = live_server(demo_store, write_token=WRITE)
    app = live_server.apps[-1]
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    checked, too_wide = [], []
    for path in every_page(app, base):
        head = context.request.get(base + path)
        if "text/html" not in (head.headers.get("content-type") or ""):
            continue  # JSON documents and downloads are not pages
        page.goto(base + path)
        sizes = page.evaluate(
            "[document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]"
        )
        checked.append(path)
        if sizes[0] > sizes[1]:
            too_wide.append((path, sizes))
    context.close()
    assert len(checked) >= 15, checked
    assert {"/articles/", "/events/", "/relationship/USA/MEX", "/graph/MEX"} <= {
        re.sub(r"/(a|e)-[0-9a-f]+$", "/", p) for p in checked
    }
    assert too_wide == []


@pytest.mark.parametrize(("width", "collapsed"), [(390, True), (899, True), (1400, False)])
def test_menu_collapses_below_900_px(demo_store, live_server, browser, width, collapsed):
    base = live_server(demo_store)
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(base + "/events")
    toggle, events_link = (
        page.locator(".menu-toggle"),
        page.locator("#site-nav a", has_text="Events"),
    )
    if not collapsed:  # positive control: the desktop shows the links, no button
        assert events_link.is_visible() and not toggle.is_visible()
    else:
        assert toggle.is_visible() and not events_link.is_visible()
        assert toggle.get_attribute("aria-expanded") == "false"
        toggle.click()
        assert toggle.get_attribute("aria-expanded") == "true" and events_link.is_visible()
        shot(page, f"{demo_store.backend}-menu-{width}")
        events_link.click()
        page.wait_for_url(re.compile(r"/events$"))
        page.locator(".menu-toggle").click()
        page.keyboard.press("Escape")
        assert not page.locator("#site-nav a", has_text="Events").is_visible()
    context.close()


@pytest.mark.parametrize("path", ["/relationship/USA/MEX", "/timeline?actor=USA", "/graph/USA"])
def test_chart_text_is_readable_at_390_px(demo_store, live_server, browser, path):
    base = live_server(demo_store)
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(base + path)
    # the size text is drawn at on screen: its font size times the SVG's scale
    sizes = page.evaluate(
        """() => [...document.querySelectorAll(
              'svg.chart text.tick, svg.chart text.legend, svg.graph text.node-label')]
            .map(t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a)"""
    )
    context.close()
    assert sizes and min(sizes) >= 10, sizes


def test_keyboard_skip_link_combobox_and_chart(demo_store, live_server, page):
    base = live_server(demo_store)
    page.goto(base + "/relationship/USA/MEX")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert skip.is_visible() and skip.bounding_box()["y"] >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    # the chart: every bar and point is focusable and says what it shows
    bars = page.locator("svg.chart rect.bar[tabindex='0']")
    assert bars.count() >= 2
    labels = bars.evaluate_all("els => els.map(e => e.getAttribute('aria-label'))")
    said = r"\d{1,2} [A-Z][a-z]{2} \d{4}: \d+ (verbal|material) (cooperation|conflict)"
    assert all(re.match(said + r"( \(click for the events\))?$", x) for x in labels), labels
    bars.first.focus()
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == labels[0]
    page.keyboard.press("Shift+Tab")  # focus moves on through the page from a bar
    assert page.evaluate("document.activeElement.tagName") != "BODY"

    # the autocomplete is an ARIA combobox driven by arrow keys and Enter
    page.goto(base + "/")
    box = page.locator(".bigsearch input[name=q]")
    box.click()
    box.press_sequentially("sheinb", delay=30)
    listbox = page.locator(".bigsearch [role=listbox]")
    listbox.locator("[role=option]").first.wait_for(state="visible", timeout=10_000)
    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-expanded") == "true"
    assert box.get_attribute("aria-controls") == listbox.get_attribute("id")
    assert box.get_attribute("aria-activedescendant") is None
    box.press("ArrowDown")
    first = listbox.locator("[role=option]").first
    assert box.get_attribute("aria-activedescendant") == first.get_attribute("id")
    assert first.get_attribute("aria-selected") == "true"
    assert "Claudia Sheinbaum" in first.inner_text()
    box.press("Enter")
    page.wait_for_url(re.compile(r"/actors/mex-"))
    assert "Claudia Sheinbaum" in page.locator("h1").inner_text()
