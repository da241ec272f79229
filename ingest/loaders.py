"""Load news articles from files, folders, batches, feeds and URLs into clean `Document`s.

    for item in load_documents(["page.txt", "folder/", "https://example.org/feed.xml"]):
        if isinstance(item, LoadError):
            print(item)              # "<source>: <problem>"; the other inputs still load
        else:
            use(item.text, item.published)

Everything that can go wrong with one input becomes a `LoadError` naming it; nothing raised
for one input stops the others. See docs/ingest-loading.md.
"""

from __future__ import annotations

import dataclasses
import re
import socket
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from ingest._batches import parse_csv, parse_jsonl
from ingest._documents import Document, LoadError
from ingest._feeds import parse_feed
from ingest._html import looks_like_feed, looks_like_html, parse_html
from ingest._pages import clean_page
from ingest._read import decode, read_bytes
from ingest.dates import parse_published

__all__ = ["Document", "LoadError", "load_documents", "load_text", "SUFFIXES"]

TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
FEED_SUFFIXES = (".xml", ".rss", ".atom")
BATCH_SUFFIXES = (".jsonl", ".ndjson", ".csv")
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + FEED_SUFFIXES + BATCH_SUFFIXES
FETCH_TIMEOUT = 15.0  # seconds, for connect and for each read
USER_AGENT = "diplomacy-kg/0.1 (news event coding; +https://github.com/)"

_URL_RE = re.compile(r"^https?://", re.IGNORECASE)


def _aware(value: datetime | date | None) -> datetime | None:
    """Caller overrides without a zone are read as UTC (a bare date as its midnight), so every
    published value is aware and keeps the calendar day the caller meant."""
    if value is None:
        return None
    if not isinstance(value, datetime):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    if value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


def _default_max_bytes() -> int:
    from kg.config import Settings

    return Settings.load().max_input_bytes


def load_documents(
    inputs: Iterable[str | Path] | str | Path,
    published: datetime | date | None = None,
    max_bytes: int | None = None,
    *,
    timeout: float = FETCH_TIMEOUT,
) -> Iterator[Document | LoadError]:
    """Documents from files, folders (recursive, sorted, hidden files skipped), batches, feeds
    and http(s) URLs, in input order. `published` overrides every page's own date."""
    if isinstance(inputs, str | Path):
        inputs = [inputs]
    limit = max_bytes if max_bytes is not None else _default_max_bytes()
    override = _aware(published)
    for item in inputs:
        source = str(item)
        if _URL_RE.match(source):
            yield from _guard(source, lambda s=source: _load_url(s, override, limit, timeout))
            continue
        path = Path(source).expanduser()
        if path.is_dir():
            try:
                files = _folder_files(path)
            except OSError as exc:
                yield LoadError(source, f"cannot list folder ({exc.strerror or exc})")
                continue
            if not files:
                yield LoadError(source, f"folder has no loadable files ({', '.join(SUFFIXES)})")
            for file in files:
                yield from _guard(str(file), lambda f=file: _load_file(f, str(f), override, limit))
        else:  # files, and paths that do not exist (reported by the loader)
            yield from _guard(source, lambda p=path, s=source: _load_file(p, s, override, limit))


def _guard(source: str, load: Any) -> Iterator[Document | LoadError]:
    """Run one input's loader; turn anything it raises into a LoadError for that input."""
    try:
        yield from load()
    except LoadError as exc:
        yield exc
    except RecursionError:
        yield LoadError(source, "document is nested too deeply to parse")
    except MemoryError:
        yield LoadError(source, "document is too large to parse in memory")
    except Exception as exc:  # noqa: BLE001 - one bad input must never stop the others
        yield LoadError(source, f"unexpected {type(exc).__name__} while loading: {exc}")


def _folder_files(folder: Path) -> list[Path]:
    files = []
    for path in folder.rglob("*"):
        rel = path.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if path.is_file() and path.suffix.lower() in SUFFIXES:
            files.append(path)
    return sorted(files, key=lambda p: p.relative_to(folder).as_posix())


def _load_file(
    path: Path, source: str, published: datetime | None, max_bytes: int
) -> Iterator[Document | LoadError]:
    if path.is_dir():
        raise LoadError(source, "is a folder")
    data = read_bytes(path, source, max_bytes)
    yield from _load_bytes(data, source, path.suffix.lower(), published, None, None)


def _load_bytes(
    data: bytes,
    source: str,
    suffix: str,
    published: datetime | None,
    url: str | None,
    content_type: str | None,
) -> Iterator[Document | LoadError]:
    text = decode(data, source)
    kind = _kind(suffix, content_type, text)
    if kind == "feed":
        yield from parse_feed(data, source, published)
    elif kind == "jsonl":
        yield from parse_jsonl(text, source, lambda where, f: _from_fields(where, f, published))
    elif kind == "csv":
        yield from parse_csv(text, source, lambda where, f: _from_fields(where, f, published))
    elif kind == "html":
        yield _from_html(text, source, published, url)
    else:
        yield _from_page(text, source, published, url=url)


def _kind(suffix: str, content_type: str | None, text: str) -> str:
    ctype = (content_type or "").lower()
    if suffix in (".jsonl", ".ndjson") or "ndjson" in ctype or "jsonl" in ctype:
        return "jsonl"
    if suffix == ".csv" or "text/csv" in ctype:
        return "csv"
    if looks_like_feed(text) or any(t in ctype for t in ("rss", "atom")):
        return "feed"
    if suffix in FEED_SUFFIXES or ctype.endswith("/xml"):
        return "html" if looks_like_html(text) else "feed"
    if suffix in HTML_SUFFIXES or "html" in ctype or looks_like_html(text):
        return "html"
    return "page"


def _from_page(
    text: str,
    source: str,
    published: datetime | None,
    *,
    url: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
) -> Document:
    page = clean_page(text, title=title)
    if not page.text:
        page = clean_page(text, title=title, body_only=True)
    if not page.text:
        raise LoadError(source, "no article text found (only menus, links or short lines)")
    return Document(
        source=source,
        url=url,
        title=title or page.title,
        outlet=outlet or page.outlet,
        published=published or page.published,
        text=page.text,
        summary=page.summary,
        dateline=page.dateline,
        place=page.place,
    )


def _from_html(
    html: str,
    source: str,
    published: datetime | None,
    url: str | None,
    *,
    title: str | None = None,
    outlet: str | None = None,
) -> Document:
    parsed = parse_html(html, url)
    if not parsed.page.text:
        raise LoadError(source, "no article text found in the HTML page")
    return Document(
        source=source,
        url=parsed.url or url,
        title=title or parsed.page.title,
        outlet=outlet or parsed.outlet,
        published=published or parsed.published,
        text=parsed.page.text,
        summary=parsed.page.summary,
        dateline=parsed.page.dateline,
        place=parsed.page.place,
    )


def _from_fields(source: str, fields: dict[str, str], published: datetime | None) -> Document:
    """One batch row: `text` or `html`, plus optional url/title/published/outlet."""
    row_published = published
    if row_published is None and fields.get("published"):
        row_published = parse_published(fields["published"])
        if row_published is None:
            raise LoadError(source, f"cannot read the published date {fields['published']!r}")
    url = fields.get("url") or None
    if fields.get("text", "").strip():
        doc = _from_page(
            fields["text"],
            source,
            row_published,
            url=url,
            title=fields.get("title"),
            outlet=fields.get("outlet"),
        )
    else:
        doc = _from_html(
            fields["html"],
            source,
            row_published,
            url,
            title=fields.get("title"),
            outlet=fields.get("outlet"),
        )
    if url and doc.url != url:  # the row's url is what the caller chose to key on
        doc = dataclasses.replace(doc, url=url)
    return doc


def _load_url(
    url: str, published: datetime | None, max_bytes: int, timeout: float
) -> Iterator[Document | LoadError]:
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml,application/rss+xml,"
            "application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            data = response.read(max_bytes + 1)
            final_url = response.geturl() or url
            content_type = response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as exc:
        raise LoadError(url, f"could not fetch URL: HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError | socket.timeout):
            raise LoadError(url, f"could not fetch URL: timed out after {timeout:g}s") from None
        raise LoadError(url, f"could not fetch URL: {reason}") from None
    except TimeoutError:
        raise LoadError(url, f"could not fetch URL: timed out after {timeout:g}s") from None
    except (OSError, ValueError) as exc:
        raise LoadError(url, f"could not fetch URL: {exc}") from None
    if len(data) > max_bytes:
        raise LoadError(url, f"response is above the {max_bytes:,}-byte input limit")
    suffix = Path(urllib.parse.urlparse(final_url).path).suffix.lower()
    yield from _load_bytes(data, url, suffix, published, final_url, content_type)


def load_text(
    text: str,
    source: str = "<text>",
    published: datetime | date | None = None,
    url: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
) -> Document:
    """A Document from pasted text (or pasted HTML), with the same cleaning and dateline
    detection as files. Raises LoadError when nothing article-like is left."""
    if not text or not text.strip():
        raise LoadError(source, "text is empty")
    override = _aware(published)
    try:
        if looks_like_html(text):
            return _from_html(text, source, override, url, title=title, outlet=outlet)
        return _from_page(text, source, override, url=url, title=title, outlet=outlet)
    except RecursionError:
        raise LoadError(source, "document is nested too deeply to parse") from None
