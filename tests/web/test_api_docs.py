"""The human-readable API page (/api), drawn from /openapi.json: every path with each of its
parameters and responses, linked from the menu; its JSON twin is the OpenAPI document."""

from __future__ import annotations

import csv
import io
import re
from html import unescape


def _sections(html: str) -> dict[str, str]:
    parts = re.split(r'<section class="card api-op" id="([^"]+)">', html)
    return {parts[i]: parts[i + 1].split("</section>", 1)[0] for i in range(1, len(parts), 2)}


def test_every_path_parameter_and_response_is_on_the_page(client):
    doc = client.get("/openapi.json").get_json()
    resp = client.get("/api")
    assert resp.status_code == 200 and resp.mimetype == "text/html"
    sections = _sections(resp.get_data(as_text=True))
    operations = [(p, m, op) for p, ms in doc["paths"].items() for m, op in ms.items()]
    assert len(operations) >= 20 and "/sparql" in doc["paths"]
    assert len(sections) == len(operations)
    for path, method, op in operations:
        (section,) = [s for s in sections.values() if f"<code>{path}</code>" in unescape(s)]
        assert f'<span class="badge">{method.upper()}</span>' in section, path
        for param in op.get("parameters", []):
            assert f"<code>{param['name']}</code>" in section, (path, param["name"])
        for status in op["responses"]:
            assert f"<td><b>{status}</b></td>" in section, (path, status)


def test_page_details_come_from_the_document(client):
    html = unescape(client.get("/api").get_data(as_text=True))
    sparql = _sections(html)["get--sparql"]
    assert "Retry-After" in sparql and "text/plain" in sparql  # the 429 and its header
    events = _sections(html)["get--events.json"]
    assert "1–100" in events  # limit's minimum and maximum
    assert "one of day, week, month" in html  # an enum
    assert 'href="#schema-Events"' in events and 'id="schema-Events"' in html


def test_menu_links_the_page_and_the_twins_agree(client):
    home = client.get("/").get_data(as_text=True)
    nav = home.split("<nav", 1)[1].split("</nav>", 1)[0]
    assert 'href="/api"' in nav
    assert client.get("/api.json").get_json() == client.get("/openapi.json").get_json()
    page = client.get("/api").get_data(as_text=True)
    assert 'href="/openapi.json" rel="alternate" type="application/json"' in page
    rows = list(csv.DictReader(io.StringIO(client.get("/api.csv").get_data(as_text=True))))
    doc = client.get("/openapi.json").get_json()
    assert len(rows) == sum(len(m) for m in doc["paths"].values())
    sparql = next(r for r in rows if r["path"] == "/sparql")
    assert sparql["method"] == "GET" and "query" in sparql["parameters"]
