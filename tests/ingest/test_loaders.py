"""Loading articles from files, folders, batches, feeds and URLs; every bad input is reported
by name and never stops the others."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest import Document, LoadError, load_documents, load_text, resolve_relative
from kg.model import Article
from tests.conftest import SEED_PAGE

FIXTURES = Path(__file__).parent / "fixtures"
IST = timezone(timedelta(hours=5, minutes=30))
BODY = (
    "Germany and France agreed on Monday to extend their joint fighter jet programme, "
    "officials in Berlin said."
)


def load(*inputs, **kwargs) -> list[Document | LoadError]:
    kwargs.setdefault("max_bytes", 1_000_000)
    return list(load_documents(list(inputs), **kwargs))


def only_doc(*inputs, **kwargs) -> Document:
    (item,) = load(*inputs, **kwargs)
    assert isinstance(item, Document), item
    return item


def only_error(*inputs, **kwargs) -> LoadError:
    (item,) = load(*inputs, **kwargs)
    assert isinstance(item, LoadError), item
    return item


# --------------------------------------------------------------------------- the seed


def test_seed_page_loads_clean_with_its_dateline() -> None:
    doc = only_doc(SEED_PAGE)
    assert doc.source == str(SEED_PAGE)
    assert doc.url is None
    assert doc.title == "Diplomatic Tensions: Trump's Offer to Combat Mexican Cartels"
    assert doc.outlet == "Devdiscourse"
    assert doc.published == datetime(2025, 5, 5, 6, 42, tzinfo=IST)
    assert doc.published.utcoffset() == timedelta(hours=5, minutes=30)
    assert resolve_relative("on Sunday", doc.published) == date(2025, 5, 4)
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0].startswith("In a bold move, U.S. President Donald Trump confirmed")
    assert paragraphs[-1] == (
        "Tensions remain as the leaders continue discussions on security, immigration, and trade."
    )
    assert len(paragraphs) == 8
    assert doc.title not in doc.text


def test_document_to_article() -> None:
    doc = only_doc(SEED_PAGE)
    article = doc.to_article()
    assert isinstance(article, Article)
    assert article.id == doc.id == Article.make_id(None, doc.text)
    assert article.published == "2025-05-05T06:42:00+05:30"
    assert article.title == doc.title and article.outlet == "Devdiscourse"
    assert article.text_hash and article.text_hash == doc.text_hash
    with_url = load_text(BODY, url="https://example.org/a")
    assert with_url.id == Article.make_id("https://example.org/a", BODY)


def test_published_override_wins_and_naive_means_utc() -> None:
    override = datetime(2025, 5, 6, 8, 0, tzinfo=IST)
    assert only_doc(SEED_PAGE, published=override).published == override
    naive = only_doc(SEED_PAGE, published=datetime(2025, 5, 6, 8, 0)).published
    bare = only_doc(SEED_PAGE, published=date(2025, 5, 6)).published
    assert bare == datetime(2025, 5, 6, tzinfo=UTC)
    assert naive == datetime(2025, 5, 6, 8, 0, tzinfo=UTC)


# --------------------------------------------------------------------------- inputs


def test_folder_is_recursive_sorted_and_skips_hidden_and_unknown(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "a.txt").write_text(BODY.replace("Monday", "Tuesday"), encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    items = load(tmp_path)
    assert [Path(i.source).relative_to(tmp_path).as_posix() for i in items] == ["a.txt", "b/2.txt"]
    assert all(isinstance(i, Document) for i in items)


def test_empty_folder_is_an_error(tmp_path: Path) -> None:
    err = only_error(tmp_path)
    assert str(tmp_path) in str(err) and "no loadable files" in str(err)


def test_html_page_metadata_and_body() -> None:
    doc = only_doc(FIXTURES / "article.html")
    assert doc.url == "https://hornledger.example/africa/2024/10/kenya-ethiopia-trade-pact"
    assert doc.title == "Kenya and Ethiopia sign border trade pact"
    assert doc.outlet == "Horn Ledger"
    assert doc.published == datetime(2024, 10, 8, 23, 50, tzinfo=timezone(timedelta(hours=3)))
    body = doc.text.split("\n\n")
    assert body[0].startswith("Kenya and Ethiopia signed an agreement on Tuesday")
    assert body[-1].startswith("Kenyan President William Ruto said")
    assert len(body) == 3
    for junk in ("NAIROBI", "cookie", "Home", "Photo", "Share", "Somalia", "Privacy", "©"):
        assert junk not in doc.text


def test_blog_template_with_widgets_comments_and_related_posts() -> None:
    doc = only_doc(FIXTURES / "blog-template.html")
    assert doc.url == "https://wamonitor.example/2024/07/22/ghana-togo-border-post/"
    assert doc.title == "Ghana and Togo open joint border post"
    assert doc.outlet == "West Africa Monitor"
    assert doc.published == datetime(2024, 7, 22, 0, 30, tzinfo=UTC)  # JSON-LD
    body = doc.text.split("\n\n")
    assert len(body) == 3
    assert body[0].startswith("Ghana and Togo opened a joint customs post at Aflao on Sunday")
    assert body[2].endswith("Togo’s foreign minister told journalists at the ceremony.")
    for junk in ("ACCRA", "Share", "Related", "Nigeria", "Great news", "Leave a Reply",
                 "Trending", "Senegal", "newsletter", "Copyright", "Posted", "Kofi"):  # fmt: skip
        assert junk not in doc.text
    assert resolve_relative("on Sunday", doc.published) == date(2024, 7, 21)


def test_html_dateline_outside_the_main_text_is_still_found() -> None:
    doc = only_doc(FIXTURES / "plain-dateline.html")
    assert doc.published == datetime(2025, 5, 5, 0, 10, tzinfo=IST)
    assert doc.outlet == "Subcontinent"
    assert "TRENDING" not in doc.text and "Cricket" not in doc.text
    assert resolve_relative("on Sunday", doc.published) == date(2025, 5, 4)


def test_visible_text_fallback_without_closing_head() -> None:
    from ingest._html import html_to_text

    html = f"<html><head><title>T</title><script>var x;</script><body><p>{BODY}</p><nav>Home"
    assert html_to_text(html) == BODY  # no title/script from the head, no nav


def test_deeply_nested_html_does_not_crash(tmp_path: Path) -> None:
    deep = tmp_path / "deep.html"
    deep.write_text(
        "<html><body>" + "<div>" * 5000 + f"<p>{BODY}</p>" + "</div>" * 5000 + "</body></html>",
        encoding="utf-8",
    )
    deeper = tmp_path / "deeper.html"
    deeper.write_text("<html><body>" + "<div><span>" * 50000 + "x", encoding="utf-8")
    items = load(deep, deeper)
    assert isinstance(items[0], Document) and items[0].text == BODY
    assert isinstance(items[1], LoadError) and str(deeper) in str(items[1])


def test_jsonl_batch_rows_and_bad_rows() -> None:
    path = FIXTURES / "batch.jsonl"
    items = load(path)
    by_line = {i.source.rsplit(":", 1)[1]: i for i in items}
    assert sorted(by_line, key=int) == ["1", "2", "3", "4", "6", "7"]
    first = by_line["1"]
    assert isinstance(first, Document)
    assert first.source == f"{path}:1"
    assert first.url == "https://andes.example/chile-peru-migration"
    assert first.title == "Chile and Peru to share border data"
    assert first.outlet == "Andes Post"
    assert first.published == datetime(2024, 4, 16, 1, 5, tzinfo=timezone(-timedelta(hours=4)))
    assert first.text.startswith("Chile and Peru agreed on Monday")
    for line, problem in (("2", "not valid JSON"), ("3", "no 'text' or 'html'"),
                          ("4", "not an object"), ("7", "published date")):  # fmt: skip
        err = by_line[line]
        assert isinstance(err, LoadError)
        assert f"line {line}" in str(err) and problem in str(err) and str(path) in str(err)
    html_row = by_line["6"]
    assert isinstance(html_row, Document)
    assert html_row.title == "Ecuador recalls ambassador"
    assert html_row.published == datetime(2024, 4, 12, tzinfo=UTC)  # day-first
    assert html_row.text.startswith("Ecuador recalled its ambassador")


def test_csv_batch_rows_and_bad_rows() -> None:
    path = FIXTURES / "batch.csv"
    items = load(path)
    assert [i.source for i in items] == [f"{path}:{n}" for n in (2, 3, 4, 6)]
    ok, wide, multiline, empty = items
    assert isinstance(ok, Document) and ok.title == "Serbia and Kosovo resume talks"
    assert ok.url == "https://balkan.example/1" and ok.outlet == "Balkan Brief"
    assert isinstance(wide, LoadError) and "line 3" in str(wide) and "6 fields" in str(wide)
    assert isinstance(multiline, Document)
    assert multiline.text.startswith("Albania and Greece agreed on Monday to redraw")
    assert isinstance(empty, LoadError) and "line 6" in str(empty)


def test_csv_with_semicolons_and_a_bom(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes(f"title;text\nBerlin talks;{BODY}\n".encode("utf-8-sig"))
    doc = only_doc(path)
    assert (doc.title, doc.text, doc.source) == ("Berlin talks", BODY, f"{path}:2")


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rows=st.lists(
        st.one_of(
            st.fixed_dictionaries({"text": st.sampled_from([BODY, "Mexico declined the offer."])}),
            st.fixed_dictionaries({"title": st.text(max_size=20)}),
            st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=30),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_jsonl_rows_each_give_one_item_with_their_line_number(tmp_path: Path, rows) -> None:
    import json

    path = tmp_path / "rows.jsonl"
    lines = [json.dumps(r) if isinstance(r, dict) else r for r in rows]
    path.write_text("\n".join(lines), encoding="utf-8")
    items = load(path)
    expected = [n for n, line in enumerate(lines, 1) if line.strip()]
    if not expected or not "".join(lines).strip():
        assert len(items) == 1 and isinstance(items[0], LoadError)
        return
    assert [i.source for i in items] == [f"{path}:{n}" for n in expected]
    for item, n in zip(items, expected, strict=True):
        is_good_row = isinstance(rows[n - 1], dict) and "text" in rows[n - 1]
        assert isinstance(item, Document) == is_good_row, item
        if isinstance(item, LoadError):
            assert f"line {n}" in str(item)


def test_jsonl_line_separator_inside_a_string(tmp_path: Path) -> None:
    path = tmp_path / "raw.jsonl"
    path.write_text('{"text": "' + BODY + '\u2028Second line."}\n', encoding="utf-8")
    assert only_doc(path).source == f"{path}:1"


def test_a_row_that_breaks_the_parser_does_not_end_the_batch(tmp_path: Path) -> None:
    import json

    deep = "<html><body>" + "<div><span>" * 50000 + "x"
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        "\n".join(json.dumps(r) for r in ({"html": deep}, {"text": BODY})), encoding="utf-8"
    )
    first, second = load(path)
    assert isinstance(first, LoadError) and "line 1" in str(first)
    assert isinstance(second, Document) and second.text == BODY


def test_unreadable_folder_is_an_error(tmp_path: Path, monkeypatch) -> None:
    # Permission bits do not stop root (CI), so the OS error is raised directly.
    import ingest.loaders

    def refuse(folder: Path) -> list[Path]:
        raise PermissionError(13, "Permission denied", str(folder))

    monkeypatch.setattr(ingest.loaders, "_folder_files", refuse)
    items = load(tmp_path, SEED_PAGE)
    assert isinstance(items[0], LoadError)
    assert str(items[0]) == f"{tmp_path}: cannot list folder (Permission denied)"
    assert isinstance(items[1], Document)


def test_csv_without_text_column(tmp_path: Path) -> None:
    path = tmp_path / "b.csv"
    path.write_text("url,title\nhttps://x.example,Nothing\n", encoding="utf-8")
    err = only_error(path)
    assert "'text' or 'html' column" in str(err) and str(path) in str(err)


def test_rss_and_atom_feeds() -> None:
    items = load(FIXTURES / "feed.rss", FIXTURES / "feed.atom")
    assert all(isinstance(i, Document) for i in items)
    fiji, tonga, nordic = items
    assert fiji.source == f"{FIXTURES / 'feed.rss'}#1"
    assert fiji.url == "https://pacificdesk.example/2024/11/fiji-australia-policing"
    assert fiji.title == "Fiji and Australia sign policing agreement"
    assert fiji.outlet == "Pacific Desk Wire"
    assert fiji.published == datetime(2024, 11, 11, 0, 20, tzinfo=timezone(timedelta(hours=12)))
    assert fiji.text.split("\n\n") == [
        "Fiji and Australia signed a policing agreement on Sunday that will fund a new training "
        "centre in Suva, the Fijian government said.",
        "Australia's foreign minister welcomed the deal.",
    ]
    assert resolve_relative("on Sunday", fiji.published) == date(2024, 11, 10)
    assert tonga.published is not None and tonga.published.utcoffset() == timedelta(hours=13)
    assert nordic.published == datetime(2024, 9, 2, 0, 15, tzinfo=timezone(timedelta(hours=2)))
    assert nordic.text.startswith("Norway and Sweden agreed on Sunday")  # wire prefix cut


def test_feed_that_does_not_parse() -> None:
    path = FIXTURES / "broken-feed.xml"
    err = only_error(path)
    assert str(path) in str(err) and "not a readable RSS/Atom feed" in str(err)


def test_feed_detected_without_feed_extension(tmp_path: Path) -> None:
    path = tmp_path / "news.txt"
    path.write_bytes((FIXTURES / "feed.rss").read_bytes())
    assert len([i for i in load(path) if isinstance(i, Document)]) == 2


# --------------------------------------------------------------------------- bad inputs


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_text("  \n\n \t\n", encoding="utf-8")
    for err in load(path, blank):
        assert isinstance(err, LoadError) and "empty" in str(err)
    assert err.source == str(blank)


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    err = only_error(path)
    assert "binary" in str(err) and str(path) in str(err)
    controls = tmp_path / "controls.txt"
    controls.write_bytes(bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15]) * 50)
    assert "binary" in str(only_error(controls))


def test_encodings(tmp_path: Path) -> None:
    text = "Le ministre français a rencontré son homologue à Genève, selon le ministère."
    cp1252 = tmp_path / "cp1252.txt"
    cp1252.write_bytes(text.encode("cp1252"))
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes(text.encode("utf-16"))
    sig = tmp_path / "sig.txt"
    sig.write_bytes(text.encode("utf-8-sig"))
    for item in load(cp1252, utf16, sig):
        assert isinstance(item, Document) and item.text == text


def test_html_declared_charset(tmp_path: Path) -> None:
    # Greek in ISO-8859-7: not UTF-8, and cp1252 would turn it into Latin mojibake.
    body = "Ο υπουργός Εξωτερικών συναντήθηκε με τον ομόλογό του στην Αθήνα, ανέφερε το υπουργείο."
    html = (
        '<html><head><meta charset="iso-8859-7"><title>Αθήνα</title></head>'
        f"<body><article><p>{body}</p></article></body></html>"
    )
    path = tmp_path / "greek.html"
    path.write_bytes(html.encode("iso-8859-7"))
    assert only_doc(path).text == body


def test_undecodable_text(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    # 0x81 and 0x8d are invalid UTF-8 starts here and unassigned in cp1252.
    path.write_bytes(b"Officials met in Geneva on Monday \x81\x8d and agreed to talk again.")
    err = only_error(path)
    assert "cannot decode" in str(err) and "0x81" in str(err) and str(path) in str(err)


def test_oversize_file(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(BODY * 20, encoding="utf-8")
    err = only_error(path, max_bytes=100)
    assert "above the 100-byte input limit" in str(err)


def test_default_limit_comes_from_settings(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("KG_MAX_INPUT_BYTES", "50")
    monkeypatch.chdir(tmp_path)  # no kg.toml here
    path = tmp_path / "a.txt"
    path.write_text(BODY, encoding="utf-8")
    (item,) = load_documents([path])
    assert isinstance(item, LoadError) and "50-byte" in str(item)


def test_page_with_no_article_text(tmp_path: Path) -> None:
    path = tmp_path / "menu.txt"
    path.write_text("Home\nWorld\nSport\n\nTRENDING\n1\n2\n", encoding="utf-8")
    assert "no article text" in str(only_error(path))


def test_article_without_dateline_has_no_published() -> None:
    doc = only_doc(FIXTURES / "body-only.txt")
    assert doc.published is None
    override = datetime(2025, 1, 2, tzinfo=UTC)
    assert only_doc(FIXTURES / "body-only.txt", published=override).published == override


def test_errors_never_stop_the_other_inputs(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    items = load(tmp_path / "missing.txt", empty, FIXTURES / "broken-feed.xml", SEED_PAGE)
    assert [type(i).__name__ for i in items] == ["LoadError"] * 3 + ["Document"]
    assert "not found" in str(items[0])


def test_documents_and_errors_pickle() -> None:
    import pickle

    err = pickle.loads(pickle.dumps(LoadError("a.txt", "file is empty")))
    assert (err.source, err.problem, str(err)) == ("a.txt", "file is empty", "a.txt: file is empty")
    doc = only_doc(SEED_PAGE)
    assert pickle.loads(pickle.dumps(doc)) == doc


def test_the_whole_fixture_folder() -> None:
    items = load(FIXTURES)
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, LoadError)]
    assert len(docs) == 18 and len(errors) == 7  # 8 txt, 3 html, 2+2 batch rows, 3 entries
    assert all(d.text.strip() for d in docs)
    assert len({d.id for d in docs}) == len(docs)


def test_a_single_path_is_accepted() -> None:
    assert isinstance(next(load_documents(SEED_PAGE, max_bytes=10**6)), Document)


# --------------------------------------------------------------------------- pasted text


def test_load_text_cleans_and_finds_the_dateline() -> None:
    doc = load_text(SEED_PAGE.read_text(encoding="utf-8"), source="pasted")
    assert doc.source == "pasted"
    assert doc.text == only_doc(SEED_PAGE).text
    assert doc.published == datetime(2025, 5, 5, 6, 42, tzinfo=IST)


def test_load_text_short_body_and_metadata() -> None:
    doc = load_text(
        "Mexico declined. Talks go on.",
        url="https://example.org/x",
        title="T",
        outlet="O",
        published=datetime(2025, 5, 5, 6, 42, tzinfo=IST),
    )
    assert doc.text == "Mexico declined. Talks go on."
    assert (doc.url, doc.title, doc.outlet) == ("https://example.org/x", "T", "O")
    assert doc.source == "<text>"


def test_load_text_html_and_errors() -> None:
    doc = load_text(f"<html><body><nav>Home</nav><p>{BODY}</p></body></html>")
    assert doc.text == BODY
    with pytest.raises(LoadError, match="<text>: text is empty"):
        load_text("   ")
    with pytest.raises(LoadError, match="no article text"):
        load_text("Home\nWorld\nTRENDING")


# --------------------------------------------------------------------------- URLs


class _Handler(http.server.BaseHTTPRequestHandler):
    pages = {
        "/article.html": ("text/html; charset=utf-8", (FIXTURES / "article.html").read_bytes()),
        "/feed": ("application/rss+xml", (FIXTURES / "feed.rss").read_bytes()),
        "/plain": ("text/plain; charset=utf-8", SEED_PAGE.read_bytes()),
    }

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        if self.path == "/slow":
            threading.Event().wait(2)  # the client gives up first; write nothing back
            return
        entry = self.pages.get(self.path)
        if entry is None:
            self.send_error(404, "Not Found")
            return
        ctype, body = entry
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def test_urls_html_feed_and_text(server: str) -> None:
    html, fiji, tonga, plain = load(f"{server}/article.html", f"{server}/feed", f"{server}/plain")
    assert isinstance(html, Document) and html.source == f"{server}/article.html"
    assert html.url == "https://hornledger.example/africa/2024/10/kenya-ethiopia-trade-pact"
    assert isinstance(fiji, Document) and fiji.title == "Fiji and Australia sign policing agreement"
    assert isinstance(tonga, Document)
    assert isinstance(plain, Document) and plain.url == f"{server}/plain"
    assert plain.published == datetime(2025, 5, 5, 6, 42, tzinfo=IST)


def test_url_errors(server: str) -> None:
    missing = only_error(f"{server}/nope")
    assert "HTTP 404" in str(missing) and f"{server}/nope" in str(missing)
    slow = only_error(f"{server}/slow", timeout=0.3)
    assert "timed out" in str(slow)
    refused = only_error("http://127.0.0.1:9/")
    assert "could not fetch URL" in str(refused)
    big = only_error(f"{server}/feed", max_bytes=100)
    assert "100-byte input limit" in str(big)


# --------------------------------------------------------------------------- properties


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.binary(max_size=2000),
    suffix=st.sampled_from([".txt", ".html", ".jsonl", ".csv", ".xml", ".rss", ".bin"]),
)
def test_any_bytes_give_only_documents_or_errors(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    for item in load_documents([path], max_bytes=10_000):
        assert isinstance(item, Document | LoadError)
        if isinstance(item, Document):
            assert item.text.strip()
            assert item.published is None or item.published.tzinfo is not None
        else:
            assert item.source.startswith(str(path))


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(max_size=200),
            st.sampled_from([BODY, "TRENDING", "Share", "Updated: 05-05-2025 06:42 IST", "<p>",
                             "<div>" * 50, "Related", "By Jane Roe", "© 2025"]),
        ),
        max_size=25,
    )
)  # fmt: skip
def test_load_text_returns_a_document_or_raises_load_error(lines: list[str]) -> None:
    try:
        doc = load_text("\n".join(lines))
    except LoadError as exc:
        assert exc.source == "<text>"
    else:
        assert doc.text.strip()
        assert doc.published is None or doc.published.tzinfo is not None
