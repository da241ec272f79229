"""Read an RDF export back into a store (the inverse of the mapping in _mapping.py).

The file is parsed by pyoxigraph into an in-memory store (compact and fast for millions of
triples); nodes are then read one subject at a time and written with `store.upsert` in batches:
actors and articles first, then events with their reports.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS

from kg.model import Actor, Article, Event, GraphBatch, Report
from kg.rdf._vocab import KG, NIF, SCHEMA, SEM
from kg.stores import Store

_OX_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "xml": ox.RdfFormat.RDF_XML,
    "trig": ox.RdfFormat.TRIG,
}
_BY_EXTENSION = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".nt": "nt",
    ".jsonld": "jsonld",
    ".json": "jsonld",
    ".rdf": "xml",
    ".xml": "xml",
    ".owl": "xml",
    ".trig": "trig",
}


class RdfImportError(ValueError):
    """The file cannot be read as an export; the message names the file and the problem."""


@dataclass
class ImportStats:
    actors: int = 0
    articles: int = 0
    events: int = 0


def guess_format(path: Path) -> str:
    fmt = _BY_EXTENSION.get(path.suffix.lower())
    if fmt is None:
        raise RdfImportError(
            f"{path}: cannot tell the RDF format from the extension {path.suffix!r};"
            f" pass --format ({', '.join(_OX_FORMATS)})"
        )
    return fmt


def _n(term: str) -> ox.NamedNode:
    return ox.NamedNode(str(term))


_TYPE = _n(RDF.type)

_Subject = ox.NamedNode | ox.BlankNode | ox.Triple
_Term = _Subject | ox.Literal


def _name(term: _Term) -> str:
    return str(term) if isinstance(term, ox.Triple) else term.value


class _Reader:
    def __init__(self, graph: ox.Store, path: Path):
        self.graph = graph
        self.path = path

    def subjects(self, cls: str) -> Iterator[_Subject]:
        seen = set()
        for quad in self.graph.quads_for_pattern(None, _TYPE, _n(cls), None):
            if quad.subject not in seen:
                seen.add(quad.subject)
                yield quad.subject

    def props(self, subject: _Term) -> dict[str, list[_Term]]:
        out: dict[str, list[_Term]] = {}
        if isinstance(subject, ox.Literal):
            return out
        for quad in self.graph.quads_for_pattern(subject, None, None, None):
            out.setdefault(quad.predicate.value, []).append(quad.object)
        return out

    def maybe_one(self, props: dict[str, list[_Term]], prop: str) -> _Term | None:
        values = props.get(str(prop))
        return values[0] if values else None

    def one(self, props: dict[str, list[_Term]], prop: str, subject: _Term, what: str) -> _Term:
        value = self.maybe_one(props, prop)
        if value is None:
            raise RdfImportError(f"{self.path}: {what} {_name(subject)} has no <{prop}>")
        return value

    def maybe_text(self, props: dict[str, list[_Term]], prop: str) -> str | None:
        value = self.maybe_one(props, prop)
        return None if value is None else _name(value)

    def text(self, props: dict[str, list[_Term]], prop: str, subject: _Term, what: str) -> str:
        return _name(self.one(props, prop, subject, what))


def import_rdf(
    path: Path | str, store: Store, fmt: str | None = None, batch_size: int = 1000
) -> ImportStats:
    """Load the export at `path` into `store`; returns how many nodes of each kind were written."""
    path = Path(path)
    fmt = fmt or guess_format(path)
    if fmt not in _OX_FORMATS:
        raise RdfImportError(
            f"{path}: unknown RDF format {fmt!r}; expected {', '.join(_OX_FORMATS)}"
        )
    graph = ox.Store()
    try:
        with path.open("rb") as fh:
            graph.load(fh, format=_OX_FORMATS[fmt])
    except FileNotFoundError:
        raise RdfImportError(f"{path}: no such file") from None
    except (SyntaxError, ValueError, OSError) as exc:
        raise RdfImportError(f"{path}: not valid {fmt} RDF: {exc}") from None
    reader = _Reader(graph, path)
    stats = ImportStats()
    actor_ids = _import_actors(reader, store, batch_size, stats)
    article_ids = _import_articles(reader, store, batch_size, stats)
    _import_events(reader, store, batch_size, stats, actor_ids, article_ids)
    return stats


def _flush(store: Store, batch: GraphBatch, force: bool, size: int) -> GraphBatch:
    if len(batch) and (force or len(batch) >= size):
        store.upsert(batch)
        return GraphBatch()
    return batch


def _import_actors(reader: _Reader, store: Store, size: int, stats: ImportStats) -> dict[str, str]:
    ids: dict[str, str] = {}
    batch = GraphBatch()
    for s in reader.subjects(SEM.Actor):
        p = reader.props(s)
        actor_id = reader.text(p, DCTERMS.identifier, s, "actor")
        aliases = tuple(sorted(_name(a) for a in p.get(str(SKOS.altLabel), [])))
        batch.actors.append(
            Actor(
                id=actor_id,
                name=reader.text(p, RDFS.label, s, "actor"),
                country=reader.maybe_text(p, KG.countryCode),
                kind=reader.text(p, KG.kind, s, "actor"),
                aliases=aliases,
            )
        )
        ids[_name(s)] = actor_id
        stats.actors += 1
        batch = _flush(store, batch, False, size)
    _flush(store, batch, True, size)
    return ids


def _import_articles(
    reader: _Reader, store: Store, size: int, stats: ImportStats
) -> dict[str, str]:
    ids: dict[str, str] = {}
    batch = GraphBatch()
    for s in reader.subjects(SCHEMA.NewsArticle):
        p = reader.props(s)
        article_id = reader.text(p, DCTERMS.identifier, s, "article")
        batch.articles.append(
            Article(
                id=article_id,
                url=reader.maybe_text(p, SCHEMA.url),
                title=reader.maybe_text(p, DCTERMS.title),
                outlet=reader.maybe_text(p, KG.outlet),
                published=reader.maybe_text(p, SCHEMA.datePublished),
                text_hash=reader.maybe_text(p, KG.textHash) or "",
                text=reader.maybe_text(p, SCHEMA.articleBody),
            )
        )
        ids[_name(s)] = article_id
        stats.articles += 1
        batch = _flush(store, batch, False, size)
    _flush(store, batch, True, size)
    return ids


def _import_events(
    reader: _Reader,
    store: Store,
    size: int,
    stats: ImportStats,
    actor_ids: dict[str, str],
    article_ids: dict[str, str],
) -> None:
    notations: dict[str, str] = {}

    def notation(node: _Term) -> str:
        if _name(node) not in notations:
            notations[_name(node)] = reader.text(reader.props(node), SKOS.notation, node, "concept")
        return notations[_name(node)]

    def actor(node: _Term, subject: _Term) -> str:
        try:
            return actor_ids[_name(node)]
        except KeyError:
            raise RdfImportError(
                f"{reader.path}: event {_name(subject)} names actor {_name(node)},"
                " which the file does not describe"
            ) from None

    batch = GraphBatch()
    for s in reader.subjects(SEM.Event):
        p = reader.props(s)
        reports = []
        said: dict[str, tuple[str | None, str | None]] = {}
        for mention in p.get(str(PROV.qualifiedDerivation), []):
            mp = reader.props(mention)
            sentence = reader.one(mp, PROV.entity, mention, "mention")
            said[_name(sentence)] = (
                reader.maybe_text(mp, KG.sourceText),
                reader.maybe_text(mp, KG.targetText),
            )
        for sentence in p.get(str(PROV.wasDerivedFrom), []):
            sp = reader.props(sentence)
            article = reader.one(sp, DCTERMS.isPartOf, sentence, "sentence")
            if _name(article) not in article_ids:
                raise RdfImportError(
                    f"{reader.path}: sentence {_name(sentence)} is part of {_name(article)},"
                    " which the file does not describe"
                )
            reports.append(
                Report(
                    article_id=article_ids[_name(article)],
                    sentence=reader.text(sp, NIF.anchorOf, sentence, "sentence"),
                    start=int(reader.text(sp, NIF.beginIndex, sentence, "sentence")),
                    end=int(reader.text(sp, NIF.endIndex, sentence, "sentence")),
                    source_text=said.get(_name(sentence), (None, None))[0],
                    target_text=said.get(_name(sentence), (None, None))[1],
                )
            )
        target = reader.maybe_one(p, KG.target)
        plover = reader.maybe_one(p, KG.plover)
        try:
            event = Event(
                id=reader.text(p, DCTERMS.identifier, s, "event"),
                source_id=actor(reader.one(p, KG.source, s, "event"), s),
                target_id=actor(target, s) if target is not None else None,
                date=reader.text(p, SEM.hasTimeStamp, s, "event"),
                cameo=notation(reader.one(p, KG.cameo, s, "event")),
                root=notation(reader.one(p, KG.root, s, "event")),
                label=reader.text(p, RDFS.label, s, "event"),
                quad_class=int(reader.text(p, KG.quadClass, s, "event")),
                goldstein=float(reader.text(p, KG.goldstein, s, "event")),
                plover=notation(plover) if plover is not None else None,
                action_text=reader.text(p, KG.actionText, s, "event"),
                confidence=float(reader.text(p, KG.confidence, s, "event")),
                mode=reader.maybe_text(p, KG.mode),
                reports=tuple(sorted(reports, key=lambda r: (r.article_id, r.start, r.end))),
            )
        except ValueError as exc:
            if isinstance(exc, RdfImportError):
                raise
            raise RdfImportError(f"{reader.path}: event {_name(s)}: bad value: {exc}") from None
        batch.events.append(event)
        stats.events += 1
        batch = _flush(store, batch, False, size)
    _flush(store, batch, True, size)
