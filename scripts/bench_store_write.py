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
                Event.coded(
                    src.id,
                    tgt.id,
                    code.code,
                    date,
                    action_text=code.label.lower(),
                    confidence=round(rng.uniform(0.5, 1.0), 3),
                    reports=(Report(article.id, sentence, 0, len(sentence)),),
                    id=Event.make_id(src.id, tgt.id, code.code, f"{date}#{i}"),
                )
            )
        batch.actors = list(used.values())
        written += size
        yield batch


def process_cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (Linux /proc), to see past a busy shared machine."""
    import os

    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def bench(store: Store, n_events: int, batch_size: int, server_pid: int | None = None) -> float:
    """Seconds to write all batches (building them is not timed)."""
    batches = list(synthetic_batches(n_events, batch_size))
    server_before = process_cpu_seconds(server_pid) if server_pid else 0.0
    client_before = time.process_time()
    began = time.perf_counter()
    for batch in batches:
        store.upsert(batch)
    elapsed = time.perf_counter() - began
    client = time.process_time() - client_before
    print(f"{store.backend:9s} client CPU {client:.1f} s", end="")
    if server_pid:
        server = process_cpu_seconds(server_pid) - server_before
        print(
            f", server CPU {server:.1f} s ({n_events / server:,.0f} events per server CPU-s)",
            end="",
        )
    print(flush=True)
    counts = store.counts()
    if counts["nodes"]["Event"] != n_events or counts["relationships"]["REPORTED_IN"] != n_events:
        raise SystemExit(f"{store.backend}: expected {n_events} events and reports, got {counts}")
    return elapsed


def small_ingest_cost(n_events: int, batch_size: int, repeats: int = 20) -> dict[str, float]:
    """Seconds for one small ingest (1 article, 5 events) into a store of n_events, against
    the alternative the embedded store rejected: re-dumping the whole graph as gzipped
    node-link JSON with networkx after each ingest."""
    import gzip
    import json
    import os
    import statistics

    import networkx as nx

    with tempfile.TemporaryDirectory() as tmp, EmbeddedStore(Path(tmp) / "kg") as store:
        for batch in synthetic_batches(n_events, batch_size):
            store.upsert(batch)
        small = list(synthetic_batches(5 * repeats, 5, seed=99))
        times = []
        for batch in small:
            began = time.perf_counter()
            store.upsert(batch)
            times.append(time.perf_counter() - began)
        graph = nx.MultiDiGraph()
        for page in store.iter_actors(10_000):
            graph.add_nodes_from((a.id, a.to_dict()) for a in page)
        for page in store.iter_events(10_000):
            graph.add_edges_from(
                (e.source_id, e.target_id or e.source_id, e.id, e.to_dict()) for e in page
            )
        target = Path(tmp) / "graph.json.gz"
        began = time.perf_counter()
        data = nx.node_link_data(graph, edges="edges")
        with gzip.open(target.with_suffix(".tmp"), "wt", encoding="utf-8") as fh:
            json.dump(data, fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(target.with_suffix(".tmp"), target)
        dump = time.perf_counter() - began
        return {
            "events": store.counts()["nodes"]["Event"],
            "sqlite_small_ingest_median_s": statistics.median(times),
            "sqlite_small_ingest_max_s": max(times),
            "networkx_json_dump_s": dump,
            "json_gz_bytes": target.stat().st_size,
            "sqlite_bytes": store.path.stat().st_size,
        }


def report(backend: str, seconds: float, args: argparse.Namespace) -> None:
    print(
        f"{backend:9s} {args.events:,} events in batches of {args.batch:,}: "
        f"{seconds:.1f} s, {args.events / seconds:,.0f} events/s",
        flush=True,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=5_000, help="events per upsert")
    parser.add_argument("--backend", choices=["neo4j", "embedded", "both"], default="both")
    parser.add_argument("--uri", default=DEFAULT_NEO4J_URI)
    parser.add_argument("--user", default="neo4j")
    parser.add_argument("--password", default="")
    parser.add_argument("--clear", action="store_true", help="empty the Neo4j database first")
    parser.add_argument(
        "--server-pid-file",
        type=Path,
        help="pid file of the Neo4j server (e.g. .neo4j/data-7687/neo4j.pid) to report its CPU",
    )
    parser.add_argument(
        "--small-ingest",
        action="store_true",
        help="instead: cost of one small ingest into a large embedded store vs a JSON dump",
    )
    args = parser.parse_args(argv)

    if args.small_ingest:
        for key, value in small_ingest_cost(args.events, args.batch).items():
            print(f"{key:30s} {value:,.4f}" if isinstance(value, float) else f"{key:30s} {value:,}")
        return 0

    results: dict[str, float] = {}
    if args.backend in ("embedded", "both"):
        with tempfile.TemporaryDirectory() as tmp, EmbeddedStore(Path(tmp)) as store:
            results["embedded"] = bench(store, args.events, args.batch)
            report("embedded", results["embedded"], args)
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
            pid = int(args.server_pid_file.read_text()) if args.server_pid_file else None
            results["neo4j"] = bench(store, args.events, args.batch, pid)
            report("neo4j", results["neo4j"], args)
            store.clear()
    if len(results) == 2:
        print(f"neo4j/embedded speed ratio: {results['embedded'] / results['neo4j']:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
