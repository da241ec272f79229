"""Tokens (constant-time), CSRF on forms, upload limits, escaping of article text, headers."""

from __future__ import annotations

import re
import time

import pytest
from web_support import READ_TOKEN, WRITE_TOKEN, make_app

from web._app import tokens_match


def _csrf(client, path="/ingest"):
    html = client.get(path).get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def test_tokens_match_is_strict():
    assert tokens_match("abc", "abc")
    assert not tokens_match("abd", "abc")
    assert not tokens_match("", "")  # an unset token never matches
    assert not tokens_match(None, "abc")
    assert not tokens_match("abc", "")


def test_article_text_is_escaped_everywhere(client, g):
    """The synthetic graph carries <script> in a sentence and in an article title."""
    for url in ("/", f"/events/{g.XSS.id}", "/actors/CHN", "/relationship/CHN/MEX", "/events"):
        html = client.get(url).get_data(as_text=True)
        assert "<script>alert" not in html, url
        assert "&lt;script&gt;alert(" in html, url
    event = client.get(f"/events/{g.XSS.id}").get_data(as_text=True)
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; headline" in event


def test_security_headers(client):
    resp = client.get("/")
    assert "script-src 'self'" in resp.headers["Content-Security-Policy"]
    assert resp.headers["X-Content-Type-Options"] == "nosniff"
    assert resp.headers["X-Frame-Options"] == "DENY"


def test_csv_cells_cannot_become_formulas(graph_store, tmp_path, g):
    from kg.model import GraphBatch

    evil = g.event(
        g.CHINA, g.MEX_GOV, "042", "2025-02-02", "=HYPERLINK(1)", "=1+1 sentence", g.ART3
    )
    graph_store.upsert(GraphBatch(articles=[], actors=[], events=[evil]))
    client = make_app(graph_store, tmp_path).test_client()
    text = client.get("/events.csv").get_data(as_text=True)
    assert "'=HYPERLINK(1)" in text and "'=1+1 sentence" in text


def test_read_token_guards_every_page(graph_store, tmp_path):
    client = make_app(graph_store, tmp_path, read_token=READ_TOKEN).test_client()
    assert client.get("/").status_code == 401
    assert client.get("/relationship/USA/MEX.json").get_json()["status"] == 401
    assert client.get("/", headers={"Authorization": "Bearer wrong"}).status_code == 401
    ok = client.get("/index.json", headers={"Authorization": f"Bearer {READ_TOKEN}"})
    assert ok.status_code == 200
    asset = client.get("/static/app.css")
    assert asset.status_code == 200  # assets stay reachable
    asset.close()
    assert client.get("/login").status_code == 200


def test_login_form_needs_csrf_and_the_right_token(graph_store, tmp_path):
    client = make_app(graph_store, tmp_path, read_token=READ_TOKEN).test_client()
    token = _csrf(client, "/login")
    assert client.post("/login", data={"token": READ_TOKEN}).status_code == 400  # no CSRF
    bad = client.post("/login", data={"token": "nope", "csrf_token": token})
    assert bad.status_code == 401
    good = client.post("/login", data={"token": READ_TOKEN, "csrf_token": token})
    assert good.status_code == 303
    assert client.get("/").status_code == 200  # the session now reads
    client.post("/logout", data={"csrf_token": token})
    assert client.get("/").status_code == 401


def test_open_reads_when_no_read_token(client):
    assert client.get("/").status_code == 200


def test_ingest_refused_without_write_token_configured(graph_store, tmp_path):
    client = make_app(graph_store, tmp_path).test_client()  # no KG_WRITE_TOKEN
    resp = client.post("/ingest", data={"text": "x"}, headers={"Authorization": "Bearer x"})
    assert resp.status_code == 403 and "KG_WRITE_TOKEN" in resp.get_data(as_text=True)
    assert "Writes are disabled" in client.get("/ingest").get_data(as_text=True)


@pytest.mark.parametrize(
    ("headers", "form", "with_csrf", "status"),
    [
        ({}, {"text": "Some text."}, False, 400),  # the form without its CSRF token
        ({}, {"text": "Some text.", "token": "wrong"}, True, 403),
        ({}, {"text": "Some text."}, True, 403),  # no token at all
        ({"Authorization": "Bearer wrong"}, {"text": "Some text."}, False, 403),
    ],
)
def test_ingest_refusals(client, headers, form, with_csrf, status):
    if with_csrf:
        form = {**form, "csrf_token": _csrf(client)}
    resp = client.post("/ingest", data=form, headers=headers)
    assert resp.status_code == status
    assert client.get("/ingest.json").get_json()["jobs"] == []


def test_ingest_with_nothing_is_a_clear_400(client):
    resp = client.post("/ingest", data={}, headers={"Authorization": f"Bearer {WRITE_TOKEN}"})
    assert resp.status_code == 400 and "nothing to ingest" in resp.get_data(as_text=True)


def test_upload_size_limit(graph_store, tmp_path):
    client = make_app(
        graph_store, tmp_path, write_token=WRITE_TOKEN, max_input_bytes=2000
    ).test_client()
    resp = client.post(
        "/ingest",
        data={"text": "x" * 5000},
        headers={"Authorization": f"Bearer {WRITE_TOKEN}", "Accept": "application/json"},
    )
    assert resp.status_code == 413


ARTICLE = (
    "MEXICO CITY, May 4 (Example) - Mexican President Claudia Sheinbaum rejected an offer "
    "from U.S. President Donald Trump to send troops to Mexico, she said on Saturday.\n\n"
    "Sheinbaum said Mexico would cooperate with the United States but would not accept "
    "foreign troops on its territory."
)


def _wait(client, location, seconds=240):
    deadline = time.time() + seconds
    while time.time() < deadline:
        job = client.get(location + ".json").get_json()
        if job["status"] in ("done", "failed"):
            return job
        time.sleep(0.5)
    raise AssertionError(f"job {location} did not finish in {seconds} s")


def test_ingest_form_runs_the_pipeline_in_the_background(client):
    form = {
        "text": ARTICLE,
        "url": "https://example.org/sheinbaum-rejects",
        "title": "Sheinbaum rejects troops",
        "outlet": "Example",
        "published": "2025-05-04",
        "token": WRITE_TOKEN,
        "csrf_token": _csrf(client),
    }
    resp = client.post("/ingest", data=form)
    assert resp.status_code == 303
    job = _wait(client, resp.headers["Location"])
    assert job["status"] == "done", job["errors"]
    assert job["articles"] == 1 and job["events"] >= 1
    assert job["added"]["Article"] == 1
    page = client.get(resp.headers["Location"]).get_data(as_text=True)
    assert "done" in page
    listing = client.get("/ingest.json").get_json()["jobs"]
    assert [j["id"] for j in listing] == [job["id"]]


def test_ingest_api_upload_reports_bad_files(client):
    import io

    resp = client.post(
        "/ingest",
        data={
            "files": [(io.BytesIO(ARTICLE.encode()), "article.txt"), (io.BytesIO(b""), "empty.txt")]
        },
        headers={"Authorization": f"Bearer {WRITE_TOKEN}"},
        content_type="multipart/form-data",
    )
    assert resp.status_code == 202
    job = _wait(client, resp.headers["Location"])
    assert job["status"] == "done" and job["articles"] == 1
    assert any("empty.txt" in e for e in job["errors"])
