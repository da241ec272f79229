"""Try the resolver from a shell, and measure it.

python -m ingest.actors "Mexican President Claudia Sheinbaum" "the Kremlin" --date 2025-05-04
python -m ingest.actors --hint MEX "the ministry"
python -m ingest.actors --bench
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import random
import time

from ._data import words
from ._resolver import ActorResolver, _parse

_BENCH_WORDS = sorted(
    words(
        "the powerful Mexican U.S. Chinese Israeli Russian president army ministry foreign "
        "minister "
        "Trump Sheinbaum Putin officials rebels cartels NATO Washington Kremlin troops government "
        "dollar Rosa Rodríguez police spokesman Hamas parliament of to Iran-backed"
    )
)


def bench(n: int = 20000, seed: int = 7) -> dict[str, float]:
    """Mentions per CPU second (process time, robust on a shared machine): distinct uncached
    mentions, and the same mentions again (cached)."""
    rng = random.Random(seed)
    mentions: set[str] = set()
    while len(mentions) < n:
        mentions.add(" ".join(rng.choice(_BENCH_WORDS) for _ in range(rng.randint(1, 5))))
    ordered = sorted(mentions)
    resolver = ActorResolver(dt.date(2025, 5, 4))
    _parse.cache_clear()
    start = time.process_time()
    for mention in ordered:
        resolver.resolve(mention)
    cold = len(ordered) / (time.process_time() - start)
    start = time.process_time()
    for mention in itertools.islice(itertools.cycle(ordered), 5 * n):
        resolver.resolve(mention)
    warm = 5 * n / (time.process_time() - start)
    return {"mentions": float(n), "uncached_per_s": round(cold), "cached_per_s": round(warm)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ingest.actors", description=__doc__)
    parser.add_argument("mentions", nargs="*")
    parser.add_argument("--date", type=dt.date.fromisoformat, default=dt.date.today())
    parser.add_argument("--hint", default=None, help="ISO3 country of the article")
    parser.add_argument("--bench", action="store_true", help="measure mentions per second")
    args = parser.parse_args(argv)
    if args.bench:
        print(json.dumps(bench()))
        return 0
    resolver = ActorResolver(args.date)
    for mention in args.mentions:
        actor = resolver.resolve_with_context(mention, args.hint)
        print(json.dumps({"mention": mention, "actor": actor and actor.__dict__}, default=list))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
