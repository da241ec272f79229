"""Evidence a reader can check, on both backends: highlights on whole words, mentions marked
with what they were resolved to, the article page (clean text, every reporting sentence
marked and linked both ways) and CSV twins that name the article. Sentences written here."""

from __future__ import annotations

import csv
import io

import pytest
from web_support import make_app

from kg.model import Actor, Article, Event, GraphBatch, Report

POLAND = Actor.create("Poland", "POL", "government", ("Warsaw",))
RUSSIA = Actor.create("Russia", "RUS", "government", ("Moscow",))
NOWAK = Actor.create("Anna Nowak", "POL", "person", ("Nowak",))

S1 = "Poland and Russia met in Geneva on Monday."
S2 = "Polish officials criticized the Russian delegation over the talks."
S3 = "She rejected the offer from the Russian envoy."
TEXT = f"{S1} {S2}\n\n{S3} The talks ended without a deal."
AT2, AT3 = TEXT.index(S2), TEXT.index(S3)
ARTICLE = Article(
    Article.make_id("https://news.example/geneva", TEXT),
    "https://news.example/geneva",
    "Talks in Geneva end without a deal",
    "Example Wire",
    "2025-03-04T08:00:00+00:00",
    "hg",
    TEXT,
)
OLD = Article(  # written before article texts were kept
    Article.make_id("https://old.example/x", ""), "https://old.example/x", "Older", None, None, "ho"
)
CRITICIZE = Event.coded(
    POLAND.id, RUSSIA.id, "111", "2025-03-03", action_text="criticized", confidence=0.8,
    reports=(Report(ARTICLE.id, S2, AT2, AT2 + len(S2)),),
)  # fmt: skip
REJECT = Event.coded(
    NOWAK.id, RUSSIA.id, "125", "2025-03-03", action_text="rejected the offer", confidence=0.8,
    reports=(
        Report(ARTICLE.id, S3, AT3, AT3 + len(S3), "She", "Russian envoy"),
        Report(OLD.id, "Nowak rejected it.", 40, 58, "Nowak", None),
    ),
)  # fmt: skip


@pytest.fixture
def client(store, tmp_path):
    store.upsert(
        GraphBatch(
            articles=[ARTICLE, OLD], actors=[POLAND, RUSSIA, NOWAK], events=[CRITICIZE, REJECT]
        )
    )
    return make_app(store, tmp_path).test_client()


def marked(report: dict) -> dict:
    return {
        h["role"]: (report["sentence"][h["start"] : h["end"]], h["resolved_to"])
        for h in report["highlights"]
    }


def test_highlights_cover_whole_words(client):
    rep = client.get(f"/events/{CRITICIZE.id}.json").get_json()["reports"][0]
    assert marked(rep)["target"] == ("Russian", None)
    page = client.get(f"/events/{CRITICIZE.id}").get_data(as_text=True)
    assert 'title="target">Russian</mark>' in page


def test_resolved_mentions_say_what_they_were_resolved_to(client):
    reps = client.get(f"/events/{REJECT.id}.json").get_json()["reports"]
    here = next(r for r in reps if r["article_id"] == ARTICLE.id)
    assert (here["source_text"], here["target_text"]) == ("She", "Russian envoy")
    assert marked(here)["source"] == ("She", "Anna Nowak")
    assert marked(here)["target"] == ("Russian envoy", "Russia")
    older = next(r for r in reps if r["article_id"] == OLD.id)
    assert marked(older)["source"] == ("Nowak", None)  # its own name: nothing to explain
    page = client.get(f"/events/{REJECT.id}").get_data(as_text=True)
    assert (
        '<mark class="role-source resolved" title="source: “She” resolved to Anna Nowak">'
        'She<span class="resolved-to"> = Anna Nowak</span></mark>'
    ) in page


def test_article_page_shows_the_text_with_every_reporting_sentence_linked(client):
    resp = client.get(f"/articles/{ARTICLE.id}")
    assert resp.status_code == 200
    page = resp.get_data(as_text=True)
    assert "The talks ended without a deal." in page and S1 in page
    for ev, at, sentence, n in ((CRITICIZE, AT2, S2, 1), (REJECT, AT3, S3, 2)):
        assert f'<mark class="reported" id="s-{at}">{sentence}</mark>' in page
        assert f'<a class="evref" href="#ev-{ev.id}" aria-label="event {n}">{n}</a>' in page
        assert f'<li id="ev-{ev.id}"' in page and f'href="/events/{ev.id}"' in page
        event_page = client.get(f"/events/{ev.id}").get_data(as_text=True)
        assert f'href="/articles/{ARTICLE.id}#s-{at}"' in event_page
    data = client.get(f"/articles/{ARTICLE.id}.json").get_json()
    assert "".join(p["text"] for p in data["passages"]) == TEXT
    assert [(p["start"], p["event_ids"]) for p in data["passages"] if p["event_ids"]] == [
        (AT2, [CRITICIZE.id]),
        (AT3, [REJECT.id]),
    ]
    assert [e["id"] for e in data["events"]] == [CRITICIZE.id, REJECT.id]
    # each event on the page carries only this article's report
    assert [len(e["reports"]) for e in data["events"]] == [1, 1]


def test_article_without_kept_text_lists_its_sentences(client):
    page = client.get(f"/articles/{OLD.id}").get_data(as_text=True)
    assert "clean text was not kept" in page
    assert '<mark class="reported" id="s-40">Nowak rejected it.</mark>' in page
    assert "clean text was not kept" not in client.get(f"/articles/{ARTICLE.id}").get_data(
        as_text=True
    )


def test_unknown_article_is_a_404(client):
    resp = client.get("/articles/a-0000.json")
    assert resp.status_code == 404 and "no article" in resp.get_json()["error"]


@pytest.mark.parametrize("path", ["/events.csv", f"/articles/{ARTICLE.id}.csv"])
def test_csv_twins_name_the_article(client, path):
    rows = list(csv.DictReader(io.StringIO(client.get(path).get_data(as_text=True))))
    row = next(r for r in rows if r["id"] == CRITICIZE.id)
    assert (row["url"], row["title"], row["outlet"], row["published"]) == (
        ARTICLE.url,
        ARTICLE.title,
        ARTICLE.outlet,
        "2025-03-04T08:00:00+00:00",
    )
