"""Write N synthetic events to the stores in batches and print events/s (docs/benchmarks.md).

    python scripts/bench_store_write.py                       # 100,000 events, both backends
    python scripts/bench_store_write.py --backend neo4j --uri bolt://127.0.0.1:7687 --clear
    python scripts/bench_store_write.py --floor indexed --uri bolt://127.0.0.1:7687 --clear

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


# The least any writer must do for the graph shape: the batch's articles, then each
# event node with its properties and its SOURCE_OF, TARGET and REPORTED_IN {sentence, span},
# the endpoints reached by element id. No merge rule, no reconcile read, no tallies.
_FLOOR_ARTICLES = """
UNWIND $rows AS r CREATE (a:Article {id: r.id, url: r.url, title: r.title, outlet: r.outlet})
RETURN r.id AS id, elementId(a) AS n
"""
_FLOOR_EVENTS = """
UNWIND $rows AS r
MATCH (s:Actor) WHERE elementId(s) = r.s
MATCH (t:Actor) WHERE elementId(t) = r.t
MATCH (a:Article) WHERE elementId(a) = r.a
CREATE (s)-[:SOURCE_OF]->(e:Event {id: r.id, date: date(r.date), cameo: r.cameo, root: r.root,
    label: r.label, quad_class: r.quad_class, goldstein: r.goldstein, plover: r.plover,
    action_text: r.action_text, confidence: r.confidence, source_id: r.source_id,
    target_id: r.target_id, source_country: r.source_country, target_country: r.target_country})
CREATE (e)-[:TARGET]->(t)
CREATE (e)-[:REPORTED_IN {sentence: r.sentence, start: r.start, end: r.end}]->(a)
"""
_UNIQUE_IDS = tuple(
    f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE"
    for label in ("Actor", "Event", "Article")
)


def floor(uri: str, n_events: int, batch_size: int, schema: str, server_pid: int | None) -> float:
    """Seconds for plain Cypher to write the same events (rows built before timing) into an
    empty database with only the id constraints ("bare") or the store's own indexes too
    ("indexed"): an upper bound for any writer of this shape on this machine and server."""
    import neo4j

    from kg.stores._neo4j import SCHEMA_STATEMENTS

    batches = list(synthetic_batches(n_events, batch_size))
    with neo4j.GraphDatabase.driver(uri, auth=None) as driver:
        if driver.execute_query("MATCH (n) RETURN count(n) > 0 AS used").records[0]["used"]:
            raise SystemExit(f"{uri} is not empty; the floor needs an empty database (--clear)")
        for row in driver.execute_query("SHOW INDEXES YIELD name, owningConstraint, type"
                                        " WHERE type <> 'LOOKUP' RETURN *").records:  # fmt: skip
            kind = "CONSTRAINT" if row["owningConstraint"] else "INDEX"
            driver.execute_query(f"DROP {kind} {row['owningConstraint'] or row['name']}")
        for statement in _UNIQUE_IDS + (SCHEMA_STATEMENTS if schema == "indexed" else ()):
            driver.execute_query(statement)
        driver.execute_query("CALL db.awaitIndexes(300)")
        actors = {a.id: a for b in batches for a in b.actors}
        nodes = {
            r["id"]: r["n"]
            for r in driver.execute_query(
                "UNWIND $rows AS r CREATE (a:Actor {id: r.id, name: r.name, country: r.country,"
                " kind: r.kind}) RETURN r.id AS id, elementId(a) AS n",
                rows=[{"id": a.id, "name": a.name, "country": a.country, "kind": a.kind}
                      for a in actors.values()],
            ).records
        }  # fmt: skip

        def write(tx: neo4j.ManagedTransaction, batch: GraphBatch) -> None:
            articles = {
                r["id"]: r["n"]
                for r in tx.run(
                    _FLOOR_ARTICLES,
                    rows=[{"id": a.id, "url": a.url, "title": a.title, "outlet": a.outlet}
                          for a in batch.articles],
                )
            }  # fmt: skip
            rows = [
                {
                    **{k: getattr(e, k) for k in ("id", "date", "cameo", "root", "label")},
                    **{k: getattr(e, k) for k in ("quad_class", "goldstein", "plover")},
                    "action_text": e.action_text,
                    "confidence": e.confidence,
                    "s": nodes[e.source_id],
                    "t": nodes[e.target_id],
                    "a": articles[e.reports[0].article_id],
                    "source_id": e.source_id,
                    "target_id": e.target_id,
                    "source_country": actors[e.source_id].country,
                    "target_country": actors[e.target_id].country,
                    "sentence": e.reports[0].sentence,
                    "start": e.reports[0].start,
                    "end": e.reports[0].end,
                }
                for e in batch.events
            ]
            for i in range(0, len(rows), 5000):
                tx.run(_FLOOR_EVENTS, rows=rows[i : i + 5000]).consume()

        server_before = process_cpu_seconds(server_pid) if server_pid else 0.0
        began = time.perf_counter()
        with driver.session() as session:
            for batch in batches:
                session.execute_write(write, batch)
        elapsed = time.perf_counter() - began
        if server_pid:
            server = process_cpu_seconds(server_pid) - server_before
            print(f"floor ({schema}) server CPU {server:.1f} s", flush=True)
        got = driver.execute_query("MATCH (e:Event) RETURN count(e) AS n").records[0]["n"]
        with driver.session() as session:  # empty again; the store recreates its own schema
            for what in ("()-[x]->()", "(x)"):
                session.run(f"MATCH {what} CALL (x) {{ DELETE x }} IN TRANSACTIONS").consume()
        if got != n_events:
            raise SystemExit(f"floor: expected {n_events} events, got {got}")
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
        "--floor",
        choices=["bare", "indexed"],
        help="instead: plain Cypher into an empty Neo4j (id constraints only, or the store's"
        " indexes too), to see how far any writer of this shape could go here",
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

    if args.floor:
        from kg.stores._neo4j import Neo4jStore

        if args.clear:
            with Neo4jStore(args.uri, user=args.user, password=args.password) as store:
                store.clear()
        pid = int(args.server_pid_file.read_text()) if args.server_pid_file else None
        seconds = floor(args.uri, args.events, args.batch, args.floor, pid)
        report(f"floor ({args.floor})", seconds, args)
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
