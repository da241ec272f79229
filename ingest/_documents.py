"""The loader's output: one clean article (`Document`) or one failure (`LoadError`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from kg.model import Article, normalize_text, short_hash

_WEB_URL = re.compile(r"https?://[^\s/?#]+", re.IGNORECASE)


def is_web_url(url: object) -> bool:
    """An http(s) address with a host: the only kind of article URL shown as a link."""
    return isinstance(url, str) and _WEB_URL.match(url) is not None


def check_article_url(url: str | None, source: str) -> None:
    """An article's URL is shown as a link, so only a web address is accepted: a
    `javascript:`, `data:` or `file:` URL (or a bare word) is refused, naming the input."""
    if url is not None and not is_web_url(url):
        shown = url if len(url) <= 80 else url[:77] + "..."
        raise LoadError(
            source, f"article URL must be an http:// or https:// address, got {shown!r}"
        )


class LoadError(Exception):
    """An input that could not be read; `source` names it so the caller can report and go on."""

    def __init__(self, source: str, problem: str) -> None:
        self.source = str(source)
        self.problem = problem
        super().__init__(f"{self.source}: {problem}")

    def __reduce__(self) -> tuple[type[LoadError], tuple[str, str]]:
        # Survives pickling (worker processes) with both fields.
        return (type(self), (self.source, self.problem))


@dataclass(frozen=True)
class Document:
    """One article's clean body and metadata, ready for event extraction.

    `text` holds only the article body (headline, bylines, datelines, captions and page chrome
    removed), paragraphs separated by a blank line. `summary` keeps a standfirst printed above
    the dateline (not part of the body, so its claims are not coded twice). `dateline` keeps the
    raw dateline text that was recognized, for provenance.
    """

    source: str
    url: str | None
    title: str | None
    outlet: str | None
    published: datetime | None
    text: str
    summary: str | None = None
    dateline: str | None = None
    place: str | None = None  # the wire dateline's place, if any ("CARACAS")

    def __post_init__(self) -> None:
        check_article_url(self.url, self.source)

    @property
    def id(self) -> str:
        return Article.make_id(self.url, self.text)

    @property
    def text_hash(self) -> str:
        return short_hash("text", normalize_text(self.text))

    def to_article(self) -> Article:
        return Article(
            id=self.id,
            url=self.url,
            title=self.title,
            outlet=self.outlet,
            published=self.published.isoformat() if self.published else None,
            text_hash=self.text_hash,
            text=self.text,
        )
