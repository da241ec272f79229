"""Article URLs are shown as links, so ingest takes only http(s) addresses: any other URL is
refused with an error naming the input, and the other inputs of the batch still load."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.loaders import LoadError, load_documents, load_text

BODY = (
    "Harbour talks\n\nLISBON, March 3 - Portugal and Morocco signed a fisheries agreement on "
    "Monday after two days of talks in the capital, officials from both sides said."
)
BAD_URLS = [
    "javascript:alert(document.cookie)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "data:text/html,<b>x</b>",
    "file:///etc/passwd",
    "vbscript:msgbox(1)",
    "ftp://files.example.org/a.txt",
    "//example.org/no-scheme",
    "https://",
    "example.org/article",
]
GOOD_URLS = ["https://news.example.org/a/1", "http://news.example.org/b?x=1", "HTTPS://X.ORG/c"]


@pytest.mark.parametrize("url", BAD_URLS)
def test_pasted_text_with_a_non_web_url_is_refused(url):
    with pytest.raises(LoadError) as info:
        load_text(BODY, source="pasted", url=url)
    assert info.value.source == "pasted"
    assert "article URL must be an http:// or https:// address" in info.value.problem


@pytest.mark.parametrize("url", GOOD_URLS)
def test_web_urls_are_kept(url):
    assert load_text(BODY, source="pasted", url=url).url == url


def _load(path: Path) -> tuple[list, list[LoadError]]:
    items = list(load_documents([path], max_bytes=10_000_000))
    return [d for d in items if not isinstance(d, LoadError)], [
        e for e in items if isinstance(e, LoadError)
    ]


def test_batch_row_with_a_bad_url_is_an_error_and_the_other_rows_load(tmp_path):
    path = tmp_path / "rows.jsonl"
    rows = [
        {"url": "https://news.example.org/ok", "text": BODY},
        {"url": "javascript:alert(1)", "text": BODY.replace("Monday", "Tuesday")},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    docs, errors = _load(path)
    assert [d.url for d in docs] == ["https://news.example.org/ok"]
    (err,) = errors
    assert err.source == f"{path}:2"
    assert "'javascript:alert(1)'" in err.problem


def test_csv_row_with_a_bad_url_is_an_error(tmp_path):
    path = tmp_path / "rows.csv"
    body = BODY.replace("\n", " ")
    path.write_text(f'url,text\nhttps://a.example.org/1,"{body}"\ndata:x,"{body} Again."\n')
    docs, errors = _load(path)
    assert [d.url for d in docs] == ["https://a.example.org/1"]
    assert len(errors) == 1 and "article URL must be" in errors[0].problem


def test_feed_entry_with_a_bad_link_is_an_error_and_the_other_entries_load(tmp_path):
    item = (
        "<item><title>{title}</title><link>{link}</link><description>{body}</description>"
        "<pubDate>Mon, 03 Mar 2025 10:00:00 GMT</pubDate></item>"
    )
    body = BODY.split("\n\n", 1)[1]
    path = tmp_path / "feed.rss"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>'
        + item.format(title="Good", link="https://desk.example.org/1", body=body)
        + item.format(title="Bad", link="javascript:alert(1)", body=body + " More talks.")
        + "</channel></rss>"
    )
    docs, errors = _load(path)
    assert [d.url for d in docs] == ["https://desk.example.org/1"]
    (err,) = errors
    assert err.source == f"{path}#2" and "javascript:alert(1)" in err.problem


def test_html_canonical_link_that_is_not_a_web_url_is_ignored():
    """A page's own canonical/og:url is metadata, not the caller's choice: a bad one falls
    back to the URL the page was loaded from rather than failing the page."""
    html = (
        '<html><head><title>Harbour talks</title><link rel="canonical" href="javascript:x()">'
        "</head><body><article><p>" + BODY.split("\n\n", 1)[1] + "</p></article></body></html>"
    )
    doc = load_text(html, source="page", url="https://desk.example.org/page")
    assert doc.url == "https://desk.example.org/page"
