"""HTML pages: trafilatura finds the main text; we add precise publication times from meta tags
and run the same body cleaning as for text pages."""

from __future__ import annotations

import html as html_lib
import logging
import re
from dataclasses import dataclass
from datetime import datetime
from html.parser import HTMLParser

from ingest._pages import CleanPage, clean_page
from ingest.dates import parse_published

_META_TAG = re.compile(r"<meta\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r"""([a-zA-Z_:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_JSONLD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
_TIME_TAG = re.compile(r"<time\b[^>]*\bdatetime\s*=\s*[\"']([^\"']+)[\"']", re.IGNORECASE)
_TITLE_TAG = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_LINK_CANONICAL = re.compile(r"<link\b[^>]*rel\s*=\s*[\"']canonical[\"'][^>]*>", re.IGNORECASE)
_PUBLISHED_KEYS = (
    "article:published_time", "og:article:published_time", "datepublished", "pubdate",
    "publishdate", "publish-date", "date", "dc.date", "dc.date.issued", "dcterms.created",
    "sailthru.date", "parsely-pub-date", "article.published", "og:published_time",
)  # fmt: skip
_UPDATED_KEYS = ("article:modified_time", "og:updated_time", "datemodified", "lastmod")


@dataclass(frozen=True)
class HtmlPage:
    page: CleanPage
    url: str | None
    outlet: str | None
    published: datetime | None


def _meta(html: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for tag in _META_TAG.findall(html[:200_000]):
        attrs = {
            m.group(1).lower(): html_lib.unescape(m.group(2) or m.group(3) or m.group(4) or "")
            for m in _ATTR.finditer(tag)
        }
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if key and "content" in attrs and key not in out:
            out[key] = attrs["content"].strip()
    for tag in _LINK_CANONICAL.findall(html[:200_000]):
        m = re.search(r"href\s*=\s*[\"']([^\"']+)[\"']", tag, re.IGNORECASE)
        if m:
            out.setdefault("canonical", html_lib.unescape(m.group(1)).strip())
    return out


def _published_from(html: str, meta: dict[str, str]) -> datetime | None:
    candidates = [meta[k] for k in _PUBLISHED_KEYS if meta.get(k)]
    candidates += _JSONLD_DATE.findall(html[:500_000])
    candidates += _TIME_TAG.findall(html[:500_000])[:1]
    candidates += [meta[k] for k in _UPDATED_KEYS if meta.get(k)]
    for raw in candidates:
        value = parse_published(raw)
        if value is not None:
            return value
    return None


_BLOCK_TAGS = (
    "p div br li h1 h2 h3 h4 h5 h6 tr section article header blockquote ul ol table title figure "
    "figcaption dd dt"
)


class _TextOnly(HTMLParser):
    """Fallback text extraction: visible text, block elements on their own lines."""

    _SKIP = {"script", "style", "noscript", "template", "svg", "nav", "footer", "aside", "head"}
    _BLOCK = frozenset(_BLOCK_TAGS.split())

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":  # HTML may omit </head>; the body is visible whatever came before
            self.skipping = 0
        elif tag in self._SKIP:
            self.skipping += 1
        elif tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Visible text of an HTML fragment or page, paragraphs separated by blank lines."""
    parser = _TextOnly()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t\u00a0]+", " ", text)
    return re.sub(r"\n\s*\n(\s*\n)*", "\n\n", text).strip()


def _trafilatura(html: str, url: str | None) -> tuple[str, dict[str, str | None]] | None:
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
            deduplicate=False,
        )
    except (RecursionError, ValueError, TypeError, AttributeError):
        return None
    if doc is None:
        return None
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = data.get("text") or ""
    if not text.strip():
        return None
    meta = {k: data.get(k) for k in ("title", "url", "sitename", "date", "hostname")}
    return text, meta


def parse_html(html: str, source_url: str | None = None) -> HtmlPage:
    """Main text and metadata of an HTML page. Never raises on malformed or absurdly deep HTML:
    when trafilatura gives up (or recurses too deep) we fall back to plain visible text."""
    meta = _meta(html)
    extracted = _trafilatura(html, source_url)
    title_tag = _TITLE_TAG.search(html[:200_000])
    title = meta.get("og:title") or (
        html_lib.unescape(re.sub(r"\s+", " ", title_tag.group(1))).strip() if title_tag else None
    )
    if extracted is not None:
        text, info = extracted
        title = info.get("title") or title
        page = clean_page(text.replace("\n", "\n\n"), title=title, body_only=True)
        if not page.text:
            page = clean_page(html_to_text(html), title=title)
    else:
        info = {}
        try:
            page = clean_page(html_to_text(html), title=title)
        except RecursionError:
            page = CleanPage(title, "", None, None, None, None)
    url = meta.get("og:url") or meta.get("canonical") or info.get("url") or source_url
    outlet = meta.get("og:site_name") or info.get("sitename") or page.outlet
    published = _published_from(html, meta) or page.published
    if published is None or outlet is None:
        # The dateline often sits in a "meta" div that the main-text extractor leaves out.
        visible = clean_page(html_to_text(html), title=title)
        published = published or visible.published
        outlet = outlet or visible.outlet
    if published is None and info.get("date"):
        published = parse_published(str(info["date"]))
    if url and not re.match(r"https?://", url):
        url = source_url
    return HtmlPage(page=page, url=url, outlet=outlet, published=published)


def looks_like_html(text: str) -> bool:
    head = text[:1024].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<head", "<body")) or (
        head.startswith("<") and bool(re.search(r"<(p|div|article|body|html)\b", text[:5000], re.I))
    )


def looks_like_feed(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    if head.startswith("<?xml"):
        head = head.split("?>", 1)[-1].lstrip()
    head = re.sub(r"^(<!--.*?-->\s*|<\?xml-stylesheet[^>]*>\s*)+", "", head, flags=re.S)
    return head.startswith(("<rss", "<feed", "<rdf:rdf"))
