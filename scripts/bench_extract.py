#!/usr/bin/env python
"""Throughput: the full extraction vs the raw spaCy parse of the same text, in one run.

The corpus is >= 500 KB of article-like text built from the gold-set sentences and the seed
article body (../shared), shuffled into ~12-sentence articles, with each round a different
shuffle. Both passes use the same `nlp.pipe` settings; the ratio parse_time / extract_time says
how much of the extraction is the parse (1.0 = our rules cost nothing; target >= 0.8).

    python scripts/bench_extract.py [--kb 500] [--batch-size 32] [--n-process 1] [--write FILE]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))
from _benchdoc import write_section  # noqa: E402 (needs the path above)


@dataclass
class _Doc:
    text: str
    source: str
    published: datetime
    url: str | None = None
    title: str | None = None
    outlet: str | None = None


def sentences(eventdata: Path, seed: Path) -> list[str]:
    from score_gold import load_petr2, load_plover

    out = [g.text for g in load_petr2(eventdata / "PETR2_GSR_validation.xml")]
    out += [g.text for g in load_plover(eventdata / "PLOVER_GSR_CAMEO.json")]
    page = seed.read_text(encoding="utf-8")
    body = page[page.index("In a bold move") : page.index("(With inputs")]
    out += [s.strip() for s in re.split(r"\n\s*\n", body) if s.strip()]
    return out


def corpus(kb: int, eventdata: Path, seed: Path) -> list[_Doc]:
    sents = sentences(eventdata, seed)
    rng = random.Random(7)
    docs: list[_Doc] = []
    size = 0
    pub = datetime(2025, 5, 5, 6, 42, tzinfo=UTC)
    while size < kb * 1024:
        rng.shuffle(sents)
        for i in range(0, len(sents), 12):
            text = "\n\n".join(sents[i : i + 12])
            docs.append(_Doc(text, f"bench-{len(docs)}", pub))
            size += len(text.encode("utf-8"))
    return docs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kb", type=int, default=500)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--n-process", type=int, default=1)
    ap.add_argument("--chunk", type=int, default=40, help="articles per alternating pass")
    ap.add_argument("--eventdata", type=Path, default=REPO.parent / "shared" / "eventdata")
    ap.add_argument(
        "--seed",
        type=Path,
        default=REPO.parent / "shared" / "seed" / "devdiscourse-2025-05-05-trump-mexico-troops.txt",
    )
    ap.add_argument("--write", type=Path, help="update this benchmarks file")
    args = ap.parse_args(argv)

    from ingest._nlp import get_nlp
    from ingest.pipeline import extract_documents

    nlp = get_nlp()
    docs = corpus(args.kb, args.eventdata, args.seed)
    nbytes = sum(len(d.text.encode("utf-8")) for d in docs)
    words = sum(len(d.text.split()) for d in docs)
    # warm-up both paths (model, actor tables), then alternate raw and full passes chunk by
    # chunk so that the load other processes put on the shared machine hits both alike
    list(nlp.pipe([d.text for d in docs[:8]]))
    list(extract_documents(docs[:8], nlp=nlp))
    parse = full = 0.0
    events = 0
    chunks = [docs[i : i + args.chunk] for i in range(0, len(docs), args.chunk)]
    for chunk in chunks:
        t0 = time.perf_counter()
        for _ in nlp.pipe(
            (d.text for d in chunk), batch_size=args.batch_size, n_process=args.n_process
        ):
            pass
        parse += time.perf_counter() - t0
        t0 = time.perf_counter()
        for r in extract_documents(
            chunk, nlp=nlp, batch_size=args.batch_size, n_process=args.n_process
        ):
            events += len(r.records)
        full += time.perf_counter() - t0
    ratio = parse / full
    lines = [
        f"corpus: {len(docs)} articles, {nbytes / 1024:.0f} KB, {words} words",
        f"nlp.pipe (batch_size={args.batch_size}, n_process={args.n_process}): "
        f"{parse:.1f} s, {words / parse:.0f} words/s",
        f"extract_documents: {full:.1f} s, {words / full:.0f} words/s, {events} events",
        f"ratio parse/extract: {ratio:.2f} (target >= 0.8); passes alternate every "
        f"{args.chunk} articles",
    ]
    print("\n".join(lines))
    if args.write:
        write(args.write, lines, args)
    return 0


def write(path: Path, lines: list[str], args: argparse.Namespace) -> None:
    section = (
        "## Extraction throughput\n\n"
        f"Produced by `python scripts/bench_extract.py --kb {args.kb} --batch-size "
        f"{args.batch_size} --n-process {args.n_process} --write docs/benchmarks.md` "
        "(2 cores, shared machine).\nThe same text goes through the raw `nlp.pipe` and through "
        "`extract_documents` (parse + rules + actor resolution + coding) in one run.\n\n"
        + "\n".join(f"- {line}" for line in lines)
        + "\n"
    )
    write_section(path, section)


if __name__ == "__main__":
    sys.exit(main())
