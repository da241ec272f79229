"""Export a store as RDF, streaming: every format is written batch by batch from the store.

N-Triples and Turtle use the text writers in _terms.py; JSON-LD, RDF/XML and TriG are fed to
pyoxigraph's serializers through a generator. Memory: one batch of blocks plus the sets of
country/outlet/concept IRIs already written (small); a filtered export also holds the ids of the
actors and articles its events touch.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import BinaryIO

import pyoxigraph as ox
from rdflib import Graph, URIRef

from kg.codebook import codebook
from kg.model import Actor, Article, Event
from kg.rdf import _mapping as m
from kg.rdf._terms import Block, Lit, TurtleWriter, to_rdflib, write_nt
from kg.rdf._vocab import Iris
from kg.stores import Store

FORMATS = ("turtle", "nt", "jsonld", "xml", "trig")
STREAMING_FORMATS = ("turtle", "nt")
MEDIA_TYPES = {
    "turtle": "text/turtle",
    "nt": "application/n-triples",
    "jsonld": "application/ld+json",
    "xml": "application/rdf+xml",
    "trig": "application/trig",
}
_OX_FORMATS = {
    "jsonld": ox.RdfFormat.JSON_LD,
    "xml": ox.RdfFormat.RDF_XML,
    "trig": ox.RdfFormat.TRIG,
}
EXTENSIONS = {"turtle": "ttl", "nt": "nt", "jsonld": "jsonld", "xml": "rdf", "trig": "trig"}


@dataclass
class ExportStats:
    triples: int = 0
    events: int = 0
    actors: int = 0
    articles: int = 0


@dataclass
class _Seen:
    """IRIs of shared nodes already written, so each is described once per export."""

    countries: set[str] = field(default_factory=set)
    outlets: set[str] = field(default_factory=set)
    concepts: set[str] = field(default_factory=set)


def iter_blocks(
    store: Store,
    iris: Iris,
    *,
    since: str | None = None,
    until: str | None = None,
    actor_ids: frozenset[str] | None = None,
    batch_size: int = 1000,
    generated_at: datetime | None = None,
    stats: ExportStats | None = None,
) -> Iterator[list[Block]]:
    """The export as batches of subject blocks, in a stable order (header, actors, articles,
    events for a full export; events first when filtered, then what they touch)."""
    stats = stats if stats is not None else ExportStats()
    seen = _Seen(concepts={f"cameo:{c}" for c in codebook()})
    seen.concepts |= {f"plover:{name}" for name, _ in m.plover_types()}
    filters = {k: v for k, v in (("since", since), ("until", until)) if v}
    if actor_ids is not None:
        filters["actors"] = ",".join(sorted(actor_ids))
    stamp = generated_at or datetime.now(UTC)
    yield (m.vocabulary_blocks() + m.run_blocks(iris, stamp, filters) + m.scheme_blocks(iris))
    if not filters:
        for actors in store.iter_actors(batch_size):
            stats.actors += len(actors)
            yield _actor_batch(iris, actors, seen)
        for articles in store.iter_articles(batch_size):
            stats.articles += len(articles)
            yield _article_batch(iris, articles, seen)
        for events in store.iter_events(batch_size):
            stats.events += len(events)
            yield _event_batch(iris, events, seen)
        return
    touched_actors: set[str] = set()
    touched_articles: set[str] = set()
    for events in store.iter_events(batch_size, since=since, until=until, actor_ids=actor_ids):
        stats.events += len(events)
        for e in events:
            touched_actors.add(e.source_id)
            if e.target_id:
                touched_actors.add(e.target_id)
            touched_articles.update(r.article_id for r in e.reports)
        yield _event_batch(iris, events, seen)
    for ids in _chunks(sorted(touched_actors), batch_size):
        actors = [a for a in map(store.get_actor, ids) if a is not None]
        stats.actors += len(actors)
        yield _actor_batch(iris, actors, seen)
    for ids in _chunks(sorted(touched_articles), batch_size):
        articles = [a for a in map(store.get_article, ids) if a is not None]
        stats.articles += len(articles)
        yield _article_batch(iris, articles, seen)


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _actor_batch(iris: Iris, actors: list[Actor], seen: _Seen) -> list[Block]:
    blocks = []
    for actor in actors:
        blocks.append(m.actor_block(iris, actor))
        if actor.country and actor.country not in seen.countries:
            seen.countries.add(actor.country)
            country = m.country_block(iris, actor.country)
            if country is not None:
                blocks.append(country)
    return blocks


def _article_batch(iris: Iris, articles: list[Article], seen: _Seen) -> list[Block]:
    blocks = []
    for article in articles:
        blocks.append(m.article_block(iris, article))
        if article.outlet and article.outlet not in seen.outlets:
            seen.outlets.add(article.outlet)
            blocks.append(m.outlet_block(iris, article.outlet))
    return blocks


def _event_batch(iris: Iris, events: list[Event], seen: _Seen) -> list[Block]:
    blocks: list[Block] = []
    for event in events:
        for scheme, code in (
            ("cameo", event.cameo),
            ("cameo", event.root),
            ("plover", event.plover),
        ):
            if code and f"{scheme}:{code}" not in seen.concepts:
                seen.concepts.add(f"{scheme}:{code}")
                blocks.append(m.extra_concept_block(iris, scheme, code))
        blocks.extend(m.event_blocks(iris, event))
    return blocks


def export_rdf(
    store: Store,
    out: BinaryIO,
    fmt: str = "turtle",
    *,
    base: str,
    since: str | None = None,
    until: str | None = None,
    actor_ids: frozenset[str] | None = None,
    batch_size: int = 1000,
    generated_at: datetime | None = None,
) -> ExportStats:
    """Write the store (or the filtered part) to `out` in `fmt`; returns what was written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown RDF format {fmt!r}; expected one of {', '.join(FORMATS)}")
    iris = Iris(base)
    stats = ExportStats()
    batches = iter_blocks(
        store,
        iris,
        since=since,
        until=until,
        actor_ids=actor_ids,
        batch_size=batch_size,
        generated_at=generated_at,
        stats=stats,
    )
    if fmt in STREAMING_FORMATS:
        text = io.TextIOWrapper(out, encoding="utf-8", newline="\n", write_through=True)
        try:
            if fmt == "nt":
                for blocks in batches:
                    stats.triples += write_nt(text, blocks)
            else:
                writer = TurtleWriter(iris.prefixes)
                text.write(writer.header())
                for blocks in batches:
                    stats.triples += writer.write(text, blocks)
            text.flush()
        finally:
            text.detach()
        return stats
    # The other formats go through pyoxigraph's serializers, fed lazily from the same batches
    # (rdflib 7.6's TriG/JSON-LD code paths raise DeprecationWarnings, and pyoxigraph streams).
    graph_name = ox.NamedNode(iris.base + "graph") if fmt == "trig" else None
    counter = [0]
    triples = _ox_triples(batches, counter)
    statements: Iterable[ox.Triple] | Iterable[ox.Quad] = (
        triples
        if graph_name is None
        else (ox.Quad(t.subject, t.predicate, t.object, graph_name) for t in triples)
    )
    ox.serialize(
        statements,
        out,
        format=_OX_FORMATS[fmt],
        prefixes=iris.prefixes,
    )
    stats.triples = counter[0]
    return stats


def _ox_triples(batches: Iterable[list[Block]], counter: list[int]) -> Iterator[ox.Triple]:
    """Blocks as pyoxigraph triples, one batch at a time."""
    nodes: dict[str, ox.NamedNode] = {}

    def node(iri: str) -> ox.NamedNode:
        found = nodes.get(iri)
        if found is None:
            found = ox.NamedNode(iri)
            if len(nodes) < 10_000:
                nodes[iri] = found
        return found

    for blocks in batches:
        for subject, pairs in blocks:
            s = ox.NamedNode(subject)
            for p, o in pairs:
                obj: ox.Literal | ox.NamedNode
                if isinstance(o, Lit):
                    obj = (
                        ox.Literal(o.lex, language=o.lang)
                        if o.lang
                        else ox.Literal(o.lex, datatype=node(o.dt) if o.dt else None)
                    )
                else:
                    obj = node(o)
                counter[0] += 1
                yield ox.Triple(s, node(p), obj)


def build_graph(batches: Iterable[list[Block]], iris: Iris) -> Graph:
    """All batches as one in-memory rdflib graph (tests compare the text writers against it)."""
    graph = Graph()
    for p, ns in iris.prefixes.items():
        graph.bind(p, ns, override=True)
    add = graph.add
    for blocks in batches:
        for subject, pairs in blocks:
            s = URIRef(subject)
            for p, o in pairs:
                add((s, URIRef(p), to_rdflib(o)))
    return graph
