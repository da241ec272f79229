"""RSS/Atom feeds: one Document per entry, from its full content or else its summary."""

from __future__ import annotations

import logging
import warnings
from collections.abc import Iterator
from datetime import datetime
from email.utils import parsedate_to_datetime

from ingest._documents import Document, LoadError
from ingest._html import html_to_text, looks_like_html
from ingest._pages import clean_page
from ingest.dates import parse_published


def _entry_published(entry: object) -> datetime | None:
    for key in ("published", "updated", "created", "dc_date"):
        raw = getattr(entry, "get", lambda _k: None)(key)
        if not raw:
            continue
        try:
            value = parsedate_to_datetime(str(raw))  # RFC 822, keeps the stated offset
        except (TypeError, ValueError, IndexError):
            value = None
        if value is not None and value.tzinfo is not None:
            return value
        value = parse_published(str(raw))
        if value is not None:
            return value
    return None


def parse_feed(
    data: bytes, source: str, published: datetime | None
) -> Iterator[Document | LoadError]:
    import feedparser

    logging.getLogger("feedparser").setLevel(logging.CRITICAL)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            feed = feedparser.parse(data)
        except Exception as exc:  # noqa: BLE001 - feedparser wraps many parser errors
            yield LoadError(source, f"not a readable RSS/Atom feed ({exc})")
            return
    entries = list(feed.get("entries") or [])
    if not entries:
        problem = feed.get("bozo_exception")
        if problem is not None:
            yield LoadError(source, f"not a readable RSS/Atom feed ({problem})")
        else:
            yield LoadError(source, "feed has no entries")
        return
    outlet = (feed.get("feed") or {}).get("title") or None
    for number, entry in enumerate(entries, 1):
        entry_source = f"{source}#{number}"
        body = ""
        for content in entry.get("content") or []:
            if content.get("value"):
                body = content["value"]
                break
        body = body or entry.get("summary") or entry.get("description") or ""
        text = html_to_text(body) if looks_like_html(body) or "<" in body else body
        title = (entry.get("title") or "").strip() or None
        page = clean_page(text, title=title, body_only=True)
        if not page.text:
            yield LoadError(entry_source, "feed entry has no article text")
            continue
        try:
            doc = Document(
                source=entry_source,
                url=entry.get("link") or None,
                title=title,
                outlet=outlet,
                published=published or _entry_published(entry) or page.published,
                text=page.text,
                dateline=page.dateline,
            )
        except LoadError as exc:  # a bad link spoils this entry only
            yield exc
            continue
        yield doc
