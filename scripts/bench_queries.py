#!/usr/bin/env python3
"""Latency of the analyst queries and of the relationship page, on synthetic graphs.

    scripts/bench_queries.py --backend embedded --events 100000
    NEO4J_URI=bolt://127.0.0.1:7691 scripts/bench_queries.py --backend neo4j --events 1000000

A benchmark, not a test: it prints p50/p95 per workload (and, with --markdown, a table row
block for docs/benchmarks.md). The graph: 60 countries with Zipf-distributed activity, 10
actors each (government, military, ministers, ...), events between random actor pairs over
three years, one article per five events, one reporting sentence per event.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.codebook import codebook  # noqa: E402
from kg.config import Settings  # noqa: E402
from kg.model import Actor, Article, Event, GraphBatch, Report  # noqa: E402

COUNTRIES = [
    "USA",
    "MEX",
    "CHN",
    "RUS",
    "UKR",
    "ISR",
    "IRN",
    "GBR",
    "FRA",
    "DEU",
    "JPN",
    "IND",
    "BRA",
    "CAN",
    "TUR",
    "SAU",
    "EGY",
    "PAK",
    "KOR",
    "PRK",
    "ITA",
    "ESP",
    "POL",
    "SYR",
    "IRQ",
    "AFG",
    "QAT",
    "ARE",
    "NGA",
    "ZAF",
    "AUS",
    "IDN",
    "VNM",
    "PHL",
    "THA",
    "VEN",
    "COL",
    "ARG",
    "CHL",
    "PER",
    "CUB",
    "ETH",
    "KEN",
    "SDN",
    "LBY",
    "LBN",
    "JOR",
    "YEM",
    "OMN",
    "KWT",
    "BLR",
    "GEO",
    "ARM",
    "AZE",
    "KAZ",
    "SRB",
    "HUN",
    "GRC",
    "SWE",
    "NOR",
]
KINDS = (
    "government",
    "military",
    "ministry",
    "legislature",
    "person",
    "person",
    "police",
    "judiciary",
    "person",
    "organization",
)


def make_graph(n_events: int, seed: int = 7) -> tuple[list[Actor], list[GraphBatch]]:
    rng = random.Random(seed)
    codes = [c for c in codebook().values() if len(c.code) >= 3]
    actors: dict[str, list[Actor]] = {}
    for c in COUNTRIES:
        actors[c] = [
            Actor.create(f"{c} {kind} {i}", c, kind, (f"{c.lower()}-{kind}-{i}",))
            for i, kind in enumerate(KINDS)
        ]
    weights = [1 / (rank + 1) for rank in range(len(COUNTRIES))]
    actor_w = [1 / (rank + 1) for rank in range(len(KINDS))]
    all_actors = [a for group in actors.values() for a in group]
    batches: list[GraphBatch] = []
    per_batch = 5000
    start = 19_000  # days since epoch, ~2022-01-08
    seen: set[str] = set()
    made = 0
    art_no = 0
    while made < n_events:
        batch = GraphBatch(actors=all_actors if not batches else [])
        article = None
        for _ in range(min(per_batch, n_events - made)):
            if article is None or rng.random() < 0.2:
                art_no += 1
                url = f"https://bench.example/{art_no}"
                article = Article(
                    Article.make_id(url, ""),
                    url,
                    f"Article {art_no}",
                    f"Outlet {art_no % 40}",
                    None,
                    "",
                )
                batch.articles.append(article)
            sc, tc = rng.choices(COUNTRIES, weights, k=2)
            while tc == sc:
                tc = rng.choices(COUNTRIES, weights)[0]
            src = rng.choices(actors[sc], actor_w)[0]
            tgt = rng.choices(actors[tc], actor_w)[0]
            code = rng.choice(codes)
            day = time.strftime("%Y-%m-%d", time.gmtime((start + rng.randrange(1100)) * 86400))
            eid = Event.make_id(src.id, tgt.id, code.code, day)
            if eid in seen:
                continue
            seen.add(eid)
            sentence = f"{src.name} did {code.label.lower()} to {tgt.name}."
            batch.events.append(
                Event(
                    eid,
                    src.id,
                    tgt.id,
                    day,
                    code.code,
                    code.root,
                    code.label,
                    code.quad_class,
                    code.goldstein,
                    code.plover,
                    "acted",
                    round(0.5 + rng.random() / 2, 2),
                    "hypothetical" if rng.random() < 0.03 else None,
                    (Report(article.id, sentence, 0, len(sentence)),),
                )
            )
            made += 1
        batches.append(batch)
    return all_actors, batches


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p50 = statistics.median(ordered)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return p50, p95


def timed(fn: Callable[[], object], repeat: int, warmup: int = 5) -> tuple[float, float]:
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
    return percentiles(samples)


def open_backend(backend: str, data_dir: Path):
    if backend == "embedded":
        from kg.stores import EmbeddedStore

        return EmbeddedStore(data_dir)
    from kg.stores._neo4j import Neo4jStore

    return Neo4jStore(os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7691"))


def run(backend: str, n_events: int, repeat: int, reuse: bool) -> list[tuple[str, float, float]]:
    from queries import Filters, for_store
    from web import create_app

    data_dir = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    store = open_backend(backend, data_dir)
    actors, batches = make_graph(n_events)
    have = store.counts()["nodes"]["Event"]
    if not (reuse and have == n_events):
        store.clear()
        t0 = time.perf_counter()
        for b in batches:
            store.upsert(b)
        print(
            f"[{backend}] loaded {n_events} events in {time.perf_counter() - t0:.1f} s", flush=True
        )
    q = for_store(store)
    rng = random.Random(3)
    # actor pairs that actually interact: take them from the generated events
    pairs = [(e.source_id, e.target_id) for b in batches[:2] for e in b.events[:200]]
    busy = [a.id for a in actors if a.country in ("USA", "CHN", "RUS", "MEX")][:20]
    country_pairs = [("USA", "MEX"), ("CHN", "USA"), ("RUS", "UKR"), ("IRN", "ISR")]
    app = create_app(Settings(data_dir=data_dir), store)
    client = app.test_client()
    results = []

    def pick(xs):
        return xs[rng.randrange(len(xs))]

    workloads = [
        ("relationship, actor pair", lambda: q.relationship(*pick(pairs))),
        ("relationship, country pair", lambda: q.relationship(*pick(country_pairs))),
        ("timeline, actor (month)", lambda: q.timeline(pick(busy), bucket="month")),
        ("timeline, actor pair (week)", lambda: q.timeline(*pick(pairs), bucket="week")),
        (
            "timeline, country pair (month)",
            lambda: q.timeline(*pick(country_pairs), bucket="month"),
        ),
        ("actor profile, country", lambda: q.actor_profile(pick(country_pairs)[0])),
        (
            "events list, country pair, page 5",
            lambda: q.event_list(Filters(), *pick(country_pairs), offset=200),
        ),
        (
            "relationship page, actor pair",
            lambda: _page(client, "/relationship/{}/{}".format(*pick(pairs))),
        ),
        (
            "relationship page, country pair",
            lambda: _page(client, "/relationship/{}/{}".format(*pick(country_pairs))),
        ),
    ]
    for name, fn in workloads:
        p50, p95 = timed(fn, repeat)
        results.append((name, p50, p95))
        print(f"[{backend}] {name:34s} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms", flush=True)
    store.close()
    return results


def _page(client, url: str) -> None:
    resp = client.get(url)
    if resp.status_code != 200:
        raise RuntimeError(f"{url}: HTTP {resp.status_code}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--backend", choices=["embedded", "neo4j"], required=True)
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=200)
    ap.add_argument(
        "--reuse", action="store_true", help="neo4j: keep an already loaded graph of the same size"
    )
    args = ap.parse_args()
    rows = run(args.backend, args.events, args.repeat, args.reuse)
    print("\n| Backend | Events | Workload | p50 ms | p95 ms |\n|---|---:|---|---:|---:|")
    for name, p50, p95 in rows:
        print(f"| {args.backend} | {args.events:,} | {name} | {p50:.1f} | {p95:.1f} |")


if __name__ == "__main__":
    main()
