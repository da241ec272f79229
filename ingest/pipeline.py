"""Documents in, coded events out: the extraction pipeline and the ingest job.

    extract_document(doc) -> ExtractionResult          # one article, nothing stored
    extract_paths(paths)  -> iterator of ExtractionResult | LoadError
    ingest_paths(paths, store) -> IngestSummary        # one GraphBatch per article, idempotent

Events carry the evidence (article id, sentence, character span of the sentence in the clean
text), a confidence from the evidence, and a mode; moded events (negated, hypothetical, future,
question) are kept for the record and excluded from queries by default. See docs/extraction.md.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from ingest._coref import Ref
from ingest._dating import EventDater, date_phrase
from ingest._extract import Found, SentenceCoder
from ingest._merge import write_batch
from ingest._nlp import get_nlp
from kg.model import ACTOR_KINDS, Actor, Article, Event, GraphBatch, Report

__all__ = [
    "ExtractionResult",
    "IngestSummary",
    "default_resolver_factory",
    "extract_document",
    "extract_documents",
    "extract_paths",
    "ingest_paths",
]

ResolverFactory = Callable[[date | None], Any]


@dataclass
class ExtractionResult:
    """What one article yields: its Article node, the actors and events, JSON-ready records."""

    article: Article
    source: str  # the input path or URL, as given
    actors: list[Actor]
    events: list[Event]
    records: list[dict[str, Any]]
    sentences: int
    undated: int = 0  # coded acts left out because no day could be given to them

    def to_batch(self) -> GraphBatch:
        return GraphBatch(articles=[self.article], actors=list(self.actors), events=self.events)


@dataclass
class IngestSummary:
    articles: int = 0
    sentences: int = 0
    events: int = 0
    errors: list[str] = field(default_factory=list)
    undated: int = 0  # acts left out because no day could be given to them


@lru_cache(maxsize=256)
def default_resolver_factory(on: date | None) -> Any:
    """The project's actor resolver (`ingest.actors`) for the article's date (one per day)."""
    from ingest.actors import ActorResolver

    return ActorResolver(on=on)


def _actor(ref: Ref) -> Actor:
    kind = ref.kind if ref.kind in ACTOR_KINDS else "organization"
    return Actor.create(ref.name, ref.country, kind, tuple(ref.aliases))


def _doc_attr(doc: Any, name: str, default: Any = None) -> Any:
    return getattr(doc, name, default)


def _code_found(
    found: list[Found],
    doc: Any,
    article: Article,
    records: list[dict[str, Any]],
    events: dict[str, Event],
    actors: dict[str, Actor],
    state: dict[str, Any],
) -> None:
    dater: EventDater = state["dater"]
    for f in found:
        day = dater.day(f.date_expr, f.mode)
        if day is None:
            state["undated"] += 1  # no day can be given to it: not written as a dated event
            continue
        src = _actor(f.source.ref)
        tgt = _actor(f.target.ref) if f.target else None
        actors.setdefault(src.id, src)
        if tgt:
            actors.setdefault(tgt.id, tgt)
        iso = day.isoformat()
        key_code = f.code if f.mode is None else f"{f.code}:{f.mode}"
        eid = Event.make_id(src.id, tgt.id if tgt else None, key_code, iso)
        sent = f.sentence
        raw = sent.text
        text = raw.strip()
        start = sent.start_char + (len(raw) - len(raw.lstrip()))
        end = start + len(text)
        report = Report(article.id, text, start, end)
        old = events.get(eid)
        if old is not None:
            reports = old.reports if report in old.reports else (*old.reports, report)
            events[eid] = replace(
                old, confidence=max(old.confidence, f.confidence), reports=reports
            )
        else:
            events[eid] = Event.coded(
                src.id,
                tgt.id if tgt else None,
                f.code,
                iso,
                action_text=f.action_text,
                confidence=f.confidence,
                mode=f.mode,
                reports=(report,),
                id=eid,
            )
        coded = events[eid]
        records.append(
            {
                "id": eid,
                # the input as given (a file is scored by its name); the page's own URL beside it
                "article": _doc_attr(doc, "source") or _doc_attr(doc, "url"),
                "url": _doc_attr(doc, "url"),
                "article_id": article.id,
                "date": iso,
                "source": {"name": src.name, "country": src.country, "kind": src.kind},
                "target": (
                    {"name": tgt.name, "country": tgt.country, "kind": tgt.kind} if tgt else None
                ),
                "action": {
                    "text": f.action_text,
                    "cameo": coded.cameo,
                    "root": coded.root,
                    "label": coded.label,
                    "quad_class": coded.quad_class,
                    "goldstein": coded.goldstein,
                    "plover": coded.plover,
                },
                "sentence": text,
                "span": [start, end],
                "confidence": f.confidence,
                "mode": f.mode,
            }
        )


def _published(doc: Any, override: datetime | date | None) -> datetime | date | None:
    return override if override is not None else _doc_attr(doc, "published")


def extract_parsed(
    doc: Any,
    parsed: Any,
    published: datetime | date | None = None,
    resolver_factory: ResolverFactory | None = None,
) -> ExtractionResult:
    """Code an already parsed document (`parsed` is the spaCy Doc of `doc.text`)."""
    pub = _published(doc, published)
    on = pub.date() if isinstance(pub, datetime) else pub
    resolver = (resolver_factory or default_resolver_factory)(on)
    coder = SentenceCoder(resolver)
    to_article = _doc_attr(doc, "to_article")
    article = (
        to_article()
        if callable(to_article)
        else Article(
            Article.make_id(_doc_attr(doc, "url"), doc.text),
            _doc_attr(doc, "url"),
            _doc_attr(doc, "title"),
            _doc_attr(doc, "outlet"),
            pub.isoformat() if pub else None,
        )
    )
    if published is not None and isinstance(published, datetime):
        article = Article(**{**article.__dict__, "published": published.isoformat()})
    records: list[dict[str, Any]] = []
    events: dict[str, Event] = {}
    actors: dict[str, Actor] = {}
    state: dict[str, Any] = {"dater": EventDater(pub), "undated": 0}
    n = 0
    for sent in parsed.sents:
        if not sent.text.strip():
            continue
        n += 1
        found = coder.sentence(sent)
        if found:
            _code_found(found, doc, article, records, events, actors, state)
        else:
            state["dater"].note(date_phrase(sent.root))
    return ExtractionResult(
        article,
        str(_doc_attr(doc, "source", "")),
        list(actors.values()),
        list(events.values()),
        records,
        n,
        state["undated"],
    )


def extract_document(
    doc: Any,
    nlp: Any = None,
    published: datetime | date | None = None,
    resolver_factory: ResolverFactory | None = None,
) -> ExtractionResult:
    """Events of one loaded `Document` (anything with .text, .source, .url, .published)."""
    nlp = nlp or get_nlp()
    return extract_parsed(doc, nlp(doc.text), published, resolver_factory)


def extract_documents(
    docs: Iterable[Any],
    nlp: Any = None,
    published: datetime | date | None = None,
    resolver_factory: ResolverFactory | None = None,
    batch_size: int = 32,
    n_process: int = 1,
) -> Iterator[ExtractionResult]:
    """Many documents through one `nlp.pipe` (the parse dominates the cost)."""
    nlp = nlp or get_nlp()
    pairs = ((d.text, d) for d in docs)
    for parsed, d in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=n_process):
        yield extract_parsed(d, parsed, published, resolver_factory)


def _coerce_published(published: datetime | date | str | None) -> datetime | date | None:
    if published is None or isinstance(published, datetime | date):
        return published
    try:
        return datetime.fromisoformat(published)
    except ValueError:
        raise ValueError(
            f"--published: {published!r} is not an ISO date or datetime (e.g. 2025-05-04)"
        ) from None


def extract_paths(
    paths: Iterable[str | Path],
    published: datetime | date | str | None = None,
    nlp: Any = None,
    resolver_factory: ResolverFactory | None = None,
) -> Iterator[ExtractionResult | Any]:
    """Load every input (files, folders, URLs) and yield its extraction or its LoadError."""
    from ingest.loaders import LoadError, load_documents

    pub = _coerce_published(published)
    load_pub = (
        pub
        if isinstance(pub, datetime) or pub is None
        else datetime(pub.year, pub.month, pub.day, 12)
    )
    docs: list[Any] = []
    for item in load_documents([str(p) for p in paths], published=load_pub):
        if isinstance(item, LoadError):
            yield item
        else:
            docs.append(item)
    # the loader already applied the override to each Document's `published`
    yield from extract_documents(docs, nlp=nlp, resolver_factory=resolver_factory)


def ingest_paths(
    paths: Iterable[str | Path],
    store: Any,
    published: datetime | date | str | None = None,
    progress: bool = True,
    nlp: Any = None,
    resolver_factory: ResolverFactory | None = None,
) -> IngestSummary:
    """Extract and write one GraphBatch per article (upserts: re-ingesting is idempotent)."""
    from ingest.loaders import LoadError

    summary = IngestSummary()
    results = extract_paths(paths, published, nlp=nlp, resolver_factory=resolver_factory)
    bar = _progress(progress)
    with bar as p:
        task = p.add_task("ingest", total=None) if p else None
        for r in results:
            if isinstance(r, LoadError):
                summary.errors.append(str(r))
                continue
            # reliability: same story/event seen before -> reuse its node (ingest/_merge.py)
            write_batch(store, r.to_batch())
            summary.articles += 1
            summary.sentences += r.sentences
            summary.events += len(r.events)
            summary.undated += r.undated
            if p is not None:
                p.update(task, advance=1, description=f"{summary.events} events")
    return summary


class _NoBar:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


def _progress(enabled: bool) -> Any:
    if not enabled:
        return _NoBar()
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(
        TextColumn("[bold]articles"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=Console(file=sys.stderr),
        transient=False,
    )
