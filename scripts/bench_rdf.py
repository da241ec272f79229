#!/usr/bin/env python3
"""RDF export and SPARQL benchmarks (results recorded in docs/benchmarks.md, "## RDF export").

    scripts/bench_rdf.py generate --events 100000 --data-dir /tmp/bench-100k
    scripts/bench_rdf.py export --data-dir /tmp/bench-100k --format nt -o /tmp/b.nt
    scripts/bench_rdf.py sparql --file /tmp/b.nt
    scripts/bench_rdf.py all --events 100000 1000000     # the above, one fresh process each

Exports run in a fresh process so `ru_maxrss` is the export's own peak resident memory.
Synthetic data: 2,000 actors in 150 countries, one article per 5 events, one report per event,
CAMEO codes drawn from the codebook, dates over two years; seeded, so runs are comparable.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from kg.codebook import codebook
from kg.model import Actor, Article, Event, GraphBatch, Report, short_hash
from kg.stores import EmbeddedStore, Store

BASE = "https://diplomacy-kg.example.org/id/"
KINDS = ("person", "government", "military", "ministry", "organization", "group")


def _open(args) -> Store:
    if args.neo4j:
        from kg.stores._neo4j import Neo4jStore

        return Neo4jStore(args.neo4j, user="neo4j", password="", database="neo4j")
    return EmbeddedStore(args.data_dir)


def generate(args) -> dict:
    rng = random.Random(5)
    import pycountry

    countries = sorted(c.alpha_3 for c in pycountry.countries)[:150]
    actors = [
        Actor.create(f"Actor {i}", rng.choice(countries), rng.choice(KINDS)) for i in range(2000)
    ]
    codes = [c for c in codebook().values() if len(c.code) >= 3]
    start = date(2024, 1, 1)
    store = _open(args)
    store.clear()
    t0 = time.perf_counter()
    batch = GraphBatch(actors=list(actors))
    n_articles = max(1, args.events // 5)
    for i in range(args.events):
        if i % 5 == 0:
            url = f"https://news.example.com/{i // 5}"
            batch.articles.append(
                Article(
                    Article.make_id(url, ""),
                    url,
                    f"Story {i // 5}",
                    "Example News",
                    f"{start + timedelta(days=i % 730)}T08:00:00+00:00",
                    short_hash(url),
                )
            )
        article_id = Article.make_id(f"https://news.example.com/{i // 5}", "")
        src, tgt = rng.sample(actors, 2)
        code = rng.choice(codes)
        day = (start + timedelta(days=rng.randrange(730))).isoformat()
        sentence = f"{src.name} and {tgt.name}: {code.label} (synthetic sentence {i})."
        batch.events.append(
            Event.coded(
                src.id,
                tgt.id if rng.random() > 0.05 else None,
                code.code,
                day,
                action_text="acted",
                confidence=round(rng.uniform(0.5, 1.0), 2),
                reports=(
                    Report(article_id, sentence, (i % 5) * 200, (i % 5) * 200 + len(sentence)),
                ),
                id="e-" + short_hash("bench", str(i)),
            )
        )
        if len(batch.events) >= args.batch:
            store.upsert(batch)
            batch = GraphBatch()
    if len(batch):
        store.upsert(batch)
    counts = store.counts()
    store.close()
    return {
        "generated_events": args.events,
        "articles": n_articles,
        "seconds": round(time.perf_counter() - t0, 1),
        "counts": counts,
    }


def export(args) -> dict:
    from kg.rdf import export_rdf

    store = _open(args)
    t0 = time.perf_counter()
    cpu0 = time.process_time()
    if args.tracemalloc:
        import tracemalloc

        tracemalloc.start()
    with open(args.output, "wb") as fh:
        stats = export_rdf(store, fh, args.format, base=BASE, batch_size=args.batch)
    seconds = time.perf_counter() - t0
    result = {
        "format": args.format,
        "backend": store.backend,
        "events": stats.events,
        "triples": stats.triples,
        "seconds": round(seconds, 1),
        "cpu_s": round(time.process_time() - cpu0, 1),
        "triples_per_s": round(stats.triples / seconds),
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "file_mb": round(os.path.getsize(args.output) / 1e6, 1),
    }
    if args.tracemalloc:
        import tracemalloc

        result["tracemalloc_peak_mb"] = round(tracemalloc.get_traced_memory()[1] / 1e6, 1)
    store.close()
    return result


QUERIES = {
    "count events per root": """
        PREFIX kg: <https://diplomacy-kg.example.org/ns#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?root (COUNT(?e) AS ?n) WHERE { ?e kg:root/skos:notation ?root }
        GROUP BY ?root ORDER BY ?root""",
    "one actor's events with sentences": """
        PREFIX kg: <https://diplomacy-kg.example.org/ns#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
        PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
        SELECT ?e ?date ?s WHERE {
          ?e kg:source <https://diplomacy-kg.example.org/id/actor/ACTOR> ;
             sem:hasTimeStamp ?date ; prov:wasDerivedFrom/nif:anchorOf ?s }""",
    "two-event join (reply within a dyad)": """
        PREFIX kg: <https://diplomacy-kg.example.org/ns#>
        PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
        PREFIX id: <https://diplomacy-kg.example.org/id/>
        SELECT (COUNT(*) AS ?n) WHERE {
          ?a kg:root <https://diplomacy-kg.example.org/id/cameo/03> ; kg:source ?x ; kg:target ?y ;
             sem:hasTimeStamp ?d1 .
          ?b kg:root <https://diplomacy-kg.example.org/id/cameo/12> ; kg:source ?y ; kg:target ?x ;
             sem:hasTimeStamp ?d2 .
          FILTER(?d2 >= ?d1)
        }""",
}


def sparql(args) -> dict:
    import pyoxigraph as ox

    t0 = time.perf_counter()
    graph = ox.Store()
    with open(args.file, "rb") as fh:
        graph.load(fh, format=ox.RdfFormat.N_TRIPLES)
    load_s = time.perf_counter() - t0
    actor = next(
        iter(
            graph.quads_for_pattern(
                None, ox.NamedNode("https://diplomacy-kg.example.org/ns#source"), None
            )
        )
    )
    actor_local = actor.object.value.rsplit("/", 1)[1]
    result = {"triples": len(graph), "load_s": round(load_s, 1), "max_rss_mb": None, "queries": {}}
    for name, query in QUERIES.items():
        query = query.replace("ACTOR", actor_local)
        times = []
        for _ in range(3):
            t = time.perf_counter()
            rows = list(graph.query(query))
            times.append(time.perf_counter() - t)
        result["queries"][name] = {"best_ms": round(min(times) * 1000, 1), "rows": len(rows)}
    result["max_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return result


def endpoint(args) -> dict:
    """End to end through kg.rdf.run_query: cold (snapshot + worker start) and warm latency."""
    from kg.rdf import run_query
    from kg.rdf._sparql import engine

    store = _open(args)
    query = QUERIES["count events per root"]
    t = time.perf_counter()
    run_query(store, query, 600, base=BASE)
    cold = time.perf_counter() - t
    warm = []
    for _ in range(5):
        t = time.perf_counter()
        run_query(store, query, 60, base=BASE)
        warm.append(time.perf_counter() - t)
    engine().close()
    store.close()
    return {"cold_s": round(cold, 1), "warm_best_ms": round(min(warm) * 1000, 1)}


def analytics(args) -> dict:
    """Projection and the full summary (centralities, communities, dyads) at both levels."""
    from kg.analytics import collapse, project, summary

    store = _open(args)
    result = {}
    for level in ("actor", "country"):
        t = time.perf_counter()
        multi = project(store, level)
        projected = time.perf_counter() - t
        t = time.perf_counter()
        summary(store, level, top=20, multi=multi)
        result[level] = {
            "nodes": multi.number_of_nodes(),
            "event_edges": multi.number_of_edges(),
            "dyads": collapse(multi).number_of_edges(),
            "project_s": round(projected, 1),
            "summary_s": round(time.perf_counter() - t, 1),
        }
    result["max_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    store.close()
    return result


def run_all(args) -> None:
    me = [sys.executable, __file__]
    for n in args.events:
        data_dir = Path(args.work) / f"bench-{n}"
        common = ["--data-dir", str(data_dir)]
        if args.neo4j:
            common += ["--neo4j", args.neo4j]
        out = subprocess.run(
            me + ["generate", "--events", str(n), *common],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        print(json.dumps({"events": n, **json.loads(out)}), flush=True)
        for fmt in args.formats:
            target = data_dir / f"export.{fmt}"
            out = subprocess.run(
                me + ["export", "--format", fmt, "-o", str(target), *common],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            print(json.dumps({"events": n, **json.loads(out)}), flush=True)
        if "nt" in args.formats and not args.no_sparql:
            out = subprocess.run(
                me + ["sparql", "--file", str(data_dir / "export.nt")],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            print(json.dumps({"events": n, "sparql": json.loads(out)}), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    for name in ("generate", "export", "endpoint", "analytics"):
        p = sub.add_parser(name)
        p.add_argument("--data-dir", default="/tmp/bench-rdf")
        p.add_argument("--neo4j", help="bolt URI: use a Neo4j store instead of embedded")
        p.add_argument("--batch", type=int, default=5000)
        if name == "generate":
            p.add_argument("--events", type=int, required=True)
        if name == "export":
            p.add_argument("--format", default="nt")
            p.add_argument("-o", "--output", required=True)
            p.add_argument("--tracemalloc", action="store_true")
    p = sub.add_parser("sparql")
    p.add_argument("--file", required=True)
    p = sub.add_parser("all")
    p.add_argument("--events", type=int, nargs="+", default=[100_000])
    p.add_argument("--formats", nargs="+", default=["nt", "turtle"])
    p.add_argument("--work", default="/tmp")
    p.add_argument("--neo4j")
    p.add_argument("--no-sparql", action="store_true")
    args = parser.parse_args()
    if args.cmd == "all":
        run_all(args)
        return
    commands = {
        "generate": generate,
        "export": export,
        "sparql": sparql,
        "endpoint": endpoint,
        "analytics": analytics,
    }
    result = commands[args.cmd](args)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
