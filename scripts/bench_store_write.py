"""Write N synthetic events to the stores in batches and print events/s (docs/benchmarks.md).

    python scripts/bench_store_write.py                       # 100,000 events, both backends
    python scripts/bench_store_write.py --backend neo4j --uri bolt://127.0.0.1:7687 --clear

Each batch is what an ingest of several articles produces: its articles, the actors its events
name (repeated across batches, so MERGE meets existing nodes as in real use) and its events,
each with one report. The Neo4j database must be empty or `--clear` given (it deletes all).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from kg.codebook import codebook
from kg.model import ACTOR_KINDS, Actor, Article, Event, GraphBatch, Report
from kg.stores import DEFAULT_NEO4J_URI, EmbeddedStore, Store

COUNTRIES = ("MEX", "USA", "CAN", "CHN", "RUS", "UKR", "FRA", "DEU", "IND", "BRA", "ZAF", "IGO")
EVENTS_PER_ARTICLE = 10


def synthetic_batches(n_events: int, batch_size: int, seed: int = 7) -> Iterator[GraphBatch]:
    rng = random.Random(seed)
    codes = [c for c in codebook().values() if len(c.code) >= 3]
    actors = [
        Actor.create(f"Actor {i}", COUNTRIES[i % len(COUNTRIES)], ACTOR_KINDS[i % len(ACTOR_KINDS)])
        for i in range(2000)
    ]
    written = 0
    while written < n_events:
        size = min(batch_size, n_events - written)
        batch = GraphBatch()
        used: dict[str, Actor] = {}
        article: Article | None = None
        for i in range(written, written + size):
            if i % EVENTS_PER_ARTICLE == 0 or article is None:
                url = f"https://news.example.org/{i // EVENTS_PER_ARTICLE}"
                article = Article(
                    Article.make_id(url, ""), url, f"Article {i}", "example.org",
                    f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}T12:00:00+00:00", f"h{i}",
                )  # fmt: skip
                batch.articles.append(article)
            src, tgt = rng.sample(actors, 2)
            used[src.id], used[tgt.id] = src, tgt
            code = rng.choice(codes)
            date = f"2025-{1 + rng.randrange(12):02d}-{1 + rng.randrange(28):02d}"
            sentence = f"{src.name} did {code.label.lower()} to {tgt.name} (#{i})."
            batch.events.append(
                Event(
                    id=Event.make_id(src.id, tgt.id, code.code, f"{date}#{i}"),
                    source_id=src.id,
                    target_id=tgt.id,
                    date=date,
                    cameo=code.code,
                    root=code.root,
                    label=code.label,
                    quad_class=code.quad_class,
                    goldstein=code.goldstein,
                    plover=code.plover,
                    action_text=code.label.lower(),
                    confidence=round(rng.uniform(0.5, 1.0), 3),
                    reports=(Report(article.id, sentence, 0, len(sentence)),),
                )
            )
        batch.actors = list(used.values())
        written += size
        yield batch


def bench(store: Store, n_events: int, batch_size: int) -> float:
    """Seconds to write all batches (building them is not timed)."""
    batches = list(synthetic_batches(n_events, batch_size))
    began = time.perf_counter()
    for batch in batches:
        store.upsert(batch)
    elapsed = time.perf_counter() - began
    counts = store.counts()
    if counts["nodes"]["Event"] != n_events or counts["relationships"]["REPORTED_IN"] != n_events:
        raise SystemExit(f"{store.backend}: expected {n_events} events and reports, got {counts}")
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=5_000, help="events per upsert")
    parser.add_argument("--backend", choices=["neo4j", "embedded", "both"], default="both")
    parser.add_argument("--uri", default=DEFAULT_NEO4J_URI)
    parser.add_argument("--user", default="neo4j")
    parser.add_argument("--password", default="")
    parser.add_argument("--clear", action="store_true", help="empty the Neo4j database first")
    args = parser.parse_args(argv)

    results: dict[str, float] = {}
    if args.backend in ("embedded", "both"):
        with tempfile.TemporaryDirectory() as tmp, EmbeddedStore(Path(tmp)) as store:
            results["embedded"] = bench(store, args.events, args.batch)
    if args.backend in ("neo4j", "both"):
        from kg.stores._neo4j import Neo4jStore

        with Neo4jStore(args.uri, user=args.user, password=args.password) as store:
            if args.clear:
                store.clear()
            elif sum(store.counts()["nodes"].values()):
                print(
                    f"{args.uri} is not empty; pass --clear to delete everything", file=sys.stderr
                )
                return 2
            results["neo4j"] = bench(store, args.events, args.batch)
            store.clear()
    for backend, seconds in results.items():
        print(
            f"{backend:9s} {args.events:,} events in batches of {args.batch:,}: "
            f"{seconds:.1f} s, {args.events / seconds:,.0f} events/s"
        )
    if len(results) == 2:
        print(f"neo4j/embedded speed ratio: {results['embedded'] / results['neo4j']:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
