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

from ingest._assembly import Assembly, not_dyadic
from ingest._captions import caption_spans
from ingest._coref import Ref
from ingest._dating import EventDater, date_phrase
from ingest._extract import Found, SentenceCoder
from ingest._home import home_country
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
    records: list[dict[str, Any]]  # the events written, one per act at its first mention
    sentences: int
    undated: int = 0  # coded acts left out because no day could be given to them
    # clauses coded but not written, each with its reason in "set_aside" (no target, country
    # unknown, a self-loop, a restatement): what a reader checks when an event is missing
    set_aside: list[dict[str, Any]] = field(default_factory=list)

    @property
    def clauses(self) -> list[dict[str, Any]]:
        """Every coded clause, written or set aside, in the order the assembly saw them."""
        return sorted(self.records + self.set_aside, key=lambda r: r["span"][0])

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


def _with_report(event: Event, report: Report, confidence: float) -> Event:
    reports = event.reports if report in event.reports else (*event.reports, report)
    return replace(event, confidence=max(event.confidence, confidence), reports=reports)


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
        _assemble(f, day, doc, article, records, events, actors, state)


def _assemble(
    f: Found,
    day: date,
    doc: Any,
    article: Article,
    records: list[dict[str, Any]],
    events: dict[str, Event],
    actors: dict[str, Actor],
    state: dict[str, Any],
) -> None:
    """Write one dated clause as an event, as one more report of an earlier event, or set it
    aside with the reason (ingest/_assembly.py says which)."""
    assembly: Assembly = state["assembly"]
    src = _actor(f.source.ref)
    tgt = _actor(f.target.ref) if f.target else None
    sent = f.sentence
    text = sent.text.strip()
    start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
    report = Report(
        article.id,
        text,
        start,
        start + len(text),
        source_text=f.source.text or None,
        target_text=(f.target.text or None) if f.target else None,
    )
    key_code = f.code if f.mode is None else f"{f.code}:{f.mode}"
    eid = Event.make_id(src.id, tgt.id if tgt else None, key_code, day.isoformat())
    event = Event.coded(
        src.id,
        tgt.id if tgt else None,
        f.code,
        day.isoformat(),
        action_text=f.action_text,
        confidence=f.confidence,
        mode=f.mode,
        reports=(report,),
        id=eid,
    )
    why = not_dyadic(src, tgt, f.code[:2])
    if why is None and tgt is not None:
        first = assembly.first_mention(src, tgt, key_code, day, f.date_expr is not None, start)
        if first is None and eid not in events:
            assembly.add(src, tgt, key_code, day, eid, start)
            actors.setdefault(src.id, src)
            actors.setdefault(tgt.id, tgt)
            events[eid] = event
            records.append(_record(f, event, doc, article, src, tgt))
            return
        first = first or eid
        # a restatement: one more report of the act coded at its first mention
        events[first] = _with_report(events[first], report, f.confidence)
        why = f"restates {first}"
    state["set_aside"].append({**_record(f, event, doc, article, src, tgt), "set_aside": why})


def _actor_record(actor: Actor | None) -> dict[str, Any] | None:
    return (
        None
        if actor is None
        else {"name": actor.name, "country": actor.country, "kind": actor.kind}
    )


def _record(
    f: Found, event: Event, doc: Any, article: Article, src: Actor, tgt: Actor | None
) -> dict[str, Any]:
    report = event.reports[0]
    return {
        "id": event.id,
        # the input as given (a file is scored by its name); the page's own URL beside it
        "article": _doc_attr(doc, "source") or _doc_attr(doc, "url"),
        "url": _doc_attr(doc, "url"),
        "article_id": article.id,
        "date": event.date,
        "source": _actor_record(src),
        "target": _actor_record(tgt),
        "action": {
            "text": f.action_text,
            "cameo": event.cameo,
            "root": event.root,
            "label": event.label,
            "quad_class": event.quad_class,
            "goldstein": event.goldstein,
            "plover": event.plover,
        },
        "sentence": report.sentence,
        "span": [report.start, report.end],
        "confidence": f.confidence,
        "mode": f.mode,
    }


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
    coder.home = home_country(_doc_attr(doc, "place"), parsed.text, coder._word_country)
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
            text=doc.text,
        )
    )
    if published is not None and isinstance(published, datetime):
        article = Article(**{**article.__dict__, "published": published.isoformat()})
    records: list[dict[str, Any]] = []
    events: dict[str, Event] = {}
    actors: dict[str, Actor] = {}
    state: dict[str, Any] = {
        "dater": EventDater(pub),
        "undated": 0,
        "assembly": Assembly(),
        "set_aside": [],
    }
    n = 0
    captions = caption_spans(parsed.text)
    for sent in parsed.sents:
        if not sent.text.strip() or any(a <= sent.start_char < b for a, b in captions):
            continue  # blank, or an image caption or photo credit (ingest/_captions.py)
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
        state["set_aside"],
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
