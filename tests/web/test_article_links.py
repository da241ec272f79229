"""A javascript: (or any non-http) article URL is refused at the ingest form, and one already in
a store (written before the check, or by another tool) is never rendered as a link."""

from __future__ import annotations

import re

from web_support import WRITE_TOKEN, make_app

from kg.model import Actor, Article, Event, GraphBatch, Report
from kg.stores import EmbeddedStore

TEXT = "Chile praised Peru for the new border agreement on Monday, officials in Santiago said."


def _form_post(client, **fields):
    html = client.get("/ingest").get_data(as_text=True)
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
    return client.post(
        "/ingest", data={"text": TEXT, "token": WRITE_TOKEN, "csrf_token": csrf, **fields}
    )


def test_ingest_form_refuses_a_javascript_url(tmp_path):
    store = EmbeddedStore(tmp_path / "kg")
    try:
        client = make_app(store, tmp_path, write_token=WRITE_TOKEN).test_client()
        refused = _form_post(client, url="javascript:alert(document.domain)")
        assert refused.status_code == 400
        assert "article URL must be an http:// or https:// address" in refused.get_data(
            as_text=True
        )
        api = client.post(
            "/ingest.json",
            data={"text": TEXT, "url": "data:text/html,x"},
            headers={"Authorization": f"Bearer {WRITE_TOKEN}"},
        )
        assert api.status_code == 400 and "article URL must be" in api.get_json()["error"]
        assert store.counts()["nodes"]["Article"] == 0
        # the same form with a web address is accepted
        assert _form_post(client, url="https://news.example.org/chile-peru").status_code == 303
    finally:
        store.close()


def _stored(store, url: str, name: str) -> Event:
    a = Actor.create(f"{name} Chile", "CHL", "government", ())
    b = Actor.create(f"{name} Peru", "PER", "government", ())
    article = Article(Article.make_id(url, name), url, f"{name} title", "Desk", None, name)
    sentence = f"{name} Chile praised {name} Peru."
    event = Event.coded(
        a.id,
        b.id,
        "051",
        "2025-03-03",
        action_text="praised",
        confidence=0.9,
        reports=(Report(article.id, sentence, 0, len(sentence)),),
    )
    store.upsert(GraphBatch(articles=[article], actors=[a, b], events=[event]))
    return event


def test_a_stored_non_web_url_is_not_a_link(tmp_path):
    store = EmbeddedStore(tmp_path / "kg")
    try:
        bad = _stored(store, "javascript:alert(1)", "Bad")
        good = _stored(store, "https://news.example.org/good", "Good")
        client = make_app(store, tmp_path).test_client()
        for url in ("/", "/events", f"/events/{bad.id}", "/relationship/CHL/PER"):
            html = client.get(url).get_data(as_text=True)
            assert "Bad title" in html, url  # the article is still named
            assert 'href="javascript:' not in html.lower(), url
        page = client.get(f"/events/{good.id}").get_data(as_text=True)
        assert 'href="https://news.example.org/good"' in page  # web URLs stay links
    finally:
        store.close()
