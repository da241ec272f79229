#!/usr/bin/env python
"""Per-sentence error analysis of the extractor on the public gold sets (see score_gold.py).

For every gold sentence: the gold tuples, the predicted (asserted) tuples, the moded ones, and a
class for each miss, so the actor side (ingest/actors) and the grammar side (ingest/_extract.py)
can each see what is theirs. A missed gold tuple is paired with the most similar unmatched
prediction (same type first, then same source, then same target) and classified:

* ``source_unresolved`` / ``source_wrong`` (``target_...`` likewise): the event type is right,
  the actor is missing (None) or another country; suffixed ``:actor`` when the resolver cannot
  give the gold country from the gold actor text (PLOVER) or from any noun phrase of the sentence
  (PETR2), i.e. the resolver lacks it; ``:grammar`` when it can, i.e. the extractor picked or
  passed the wrong phrase.
* ``both_actors``: right type, both actors differ.
* ``wrong_type``: same (source, target), another root/type.
* ``moded_dropped``: the tuple was predicted but negated/hypothetical/future/question.
* ``no_event``: nothing was predicted that pairs with it (``no_event:nothing_coded`` when the
  sentence gave no event at all; ``no_event:actor_text_unresolved`` when the resolver also fails
  on one of the sentence's gold actor texts, PLOVER only).
* ``extra_event``: a prediction left unpaired (a false positive).

    python scripts/gold_errors.py [--eventdata DIR] [--set petr2|plover|both] [--out FILE]
                                  [--only CLASS] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import score_gold as sg  # noqa: E402

Tuple3 = tuple[Any, Any, Any]


@dataclass
class Miss:
    cls: str
    gold: Tuple3 | None
    pred: Tuple3 | None
    note: str = ""


@dataclass
class SentenceReport:
    set: str
    id: str
    text: str
    gold: set[Tuple3]
    pred: set[Tuple3]
    moded: set[Tuple3]
    events: list[str]
    gold_actors: list[str] = field(default_factory=list)
    misses: list[Miss] = field(default_factory=list)


def _similarity(g: Tuple3, p: Tuple3) -> tuple[int, int, int]:
    return (int(g[2] == p[2]), int(g[0] == p[0]), int(g[1] == p[1]))


def classify(
    gold: set[Tuple3],
    pred: set[Tuple3],
    moded: set[Tuple3],
    resolvable: set[str | None],
) -> list[Miss]:
    """Pair each missed gold tuple with its most similar unmatched prediction and name the
    difference; `resolvable` holds the countries the resolver can give for this sentence."""
    missed = sorted(gold - pred, key=str)
    extra = sorted(pred - gold, key=str)
    out: list[Miss] = []
    for g in missed:
        if g in moded:
            out.append(Miss("moded_dropped", g, None))
            continue
        best = max(extra, key=lambda p: _similarity(g, p), default=None)
        sim = _similarity(g, best) if best is not None else (0, 0, 0)
        if best is None or (not sim[0] and sim[1:] != (1, 1)):
            moded_same_type = [m for m in moded if m[2] == g[2]]
            cls = "moded_dropped" if moded_same_type else "no_event"
            if not moded_same_type and not pred and not moded:
                cls = "no_event:nothing_coded"  # the sentence produced no event at all
            out.append(Miss(cls, g, None, f"moded {moded_same_type}" if moded_same_type else ""))
            continue
        extra.remove(best)
        if not sim[0]:
            out.append(Miss("wrong_type", g, best))
            continue
        if sim[1] and not sim[2]:
            out.append(Miss(_actor_class("target", g[1], best[1], resolvable), g, best))
        elif sim[2] and not sim[1]:
            out.append(Miss(_actor_class("source", g[0], best[0], resolvable), g, best))
        else:
            out.append(Miss("both_actors", g, best))
    out.extend(Miss("extra_event", None, p) for p in extra)
    return out


def _actor_class(role: str, want: Any, got: Any, resolvable: set[str | None]) -> str:
    base = f"{role}_unresolved" if got is None else f"{role}_wrong"
    if want is None:
        return f"{role}_should_be_none"
    return f"{base}:{'grammar' if want in resolvable else 'actor'}"


def _tuples(recs: Iterable[dict[str, Any]], key: str) -> set[Tuple3]:
    out = set()
    for r in recs:
        value = r["action"][key]
        if key == "plover" and not value:
            continue
        out.add((sg._country(r["source"]), sg._country(r["target"]), value))
    return out


def _plover_actor_texts(path: Path) -> dict[str, list[tuple[str, str, str | None]]]:
    """Gold actor texts per sentence text: (role, text, gold country)."""
    found: dict[str, list[tuple[str, str, str | None]]] = {}
    for r in json.loads(path.read_text(encoding="utf-8")):
        if not r.get("text") or r.get("event") in (None, "DOCUMENT"):
            continue
        for role in ("source", "target"):
            for a in sg._actors(r.get(role)):
                if a.get("actorText"):
                    item = (role, a["actorText"], sg.country_of(a.get("code")))
                    found.setdefault(r["text"], []).append(item)
    return found


def analyse(eventdata: Path, which: str = "both") -> list[SentenceReport]:
    from ingest._nlp import get_nlp
    from ingest.actors import ActorResolver
    from ingest.pipeline import extract_parsed

    nlp = get_nlp()
    sets: list[tuple[str, list[sg.GoldSentence], str]] = []
    if which in ("petr2", "both"):
        sets.append(("petr2", sg.load_petr2(eventdata / "PETR2_GSR_validation.xml"), "root"))
    if which in ("plover", "both"):
        sets.append(("plover", sg.load_plover(eventdata / "PLOVER_GSR_CAMEO.json"), "plover"))
    actor_texts = _plover_actor_texts(eventdata / "PLOVER_GSR_CAMEO.json")
    reports: list[SentenceReport] = []
    for name, gold, key in sets:
        factory = sg._undated_resolver if name == "plover" else None
        docs = [
            sg._Doc(g.text, g.id, datetime.fromisoformat(g.date + "T12:00:00+00:00")) for g in gold
        ]
        parsed_docs = nlp.pipe([d.text for d in docs], batch_size=64)
        for g, d, parsed in zip(gold, docs, parsed_docs, strict=True):
            result = extract_parsed(d, parsed, None, factory)
            asserted = [r for r in result.records if r["mode"] is None]
            moded_recs = [r for r in result.records if r["mode"] is not None]
            resolver = ActorResolver(on=None) if name == "plover" else ActorResolver(on=g.date)
            gold_actors: list[str] = []
            if name == "plover":
                resolvable: set[str | None] = set()
                for role, text, want in actor_texts.get(g.text, []):
                    got = [a.country for a in resolver.resolve_many(text)]
                    resolvable.update(got)
                    mark = "ok" if want in got or (want is None and not got) else "MISS"
                    gold_actors.append(f"{role} {text!r} gold={want} resolver={got} {mark}")
            else:
                phrases = {c.text for c in parsed.noun_chunks} | {e.text for e in parsed.ents}
                resolvable = {
                    a.country for p in phrases for a in resolver.resolve_many(p) if a is not None
                }
            rep = SentenceReport(
                name,
                g.id,
                g.text,
                set(g.tuples),
                _tuples(asserted, key),
                _tuples(moded_recs, key),
                [
                    f"{r['source'] and r['source']['name']} --{r['action']['text']}/"
                    f"{r['action']['cameo']}/{r['action']['plover']}"
                    f"{'/' + r['mode'] if r['mode'] else ''}--> "
                    f"{r['target'] and r['target']['name']}"
                    for r in result.records
                ],
                gold_actors,
            )
            rep.misses = classify(rep.gold, rep.pred, rep.moded, resolvable)
            if any(a.endswith("MISS") for a in gold_actors):
                # the resolver fails on a gold actor text: the event may be lost for that
                for m in rep.misses:
                    if m.cls.startswith("no_event"):
                        m.cls = "no_event:actor_text_unresolved"
            reports.append(rep)
    return reports


def render(reports: list[SentenceReport], only: str | None = None) -> str:
    lines: list[str] = []
    for rep in reports:
        if not rep.misses or (only and not any(m.cls.startswith(only) for m in rep.misses)):
            continue
        lines.append(f"[{rep.set}] {rep.id}: {rep.text}")
        lines.append(f"   gold  {sorted(map(str, rep.gold))}")
        lines.append(f"   pred  {sorted(map(str, rep.pred))}")
        if rep.moded:
            lines.append(f"   moded {sorted(map(str, rep.moded))}")
        lines.extend(f"   event {e}" for e in rep.events)
        lines.extend(f"   actor {a}" for a in rep.gold_actors)
        for m in rep.misses:
            lines.append(f"   -> {m.cls}: gold={m.gold} pred={m.pred} {m.note}".rstrip())
    return "\n".join(lines)


def summary(reports: list[SentenceReport]) -> str:
    lines = []
    for name in sorted({r.set for r in reports}):
        counts = Counter(m.cls for r in reports if r.set == name for m in r.misses)
        total = sum(len(r.gold) for r in reports if r.set == name)
        matched = sum(len(r.gold & r.pred) for r in reports if r.set == name)
        lines.append(f"{name}: {matched}/{total} gold tuples matched")
        lines.extend(f"   {n:4d} {cls}" for cls, n in counts.most_common())
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--eventdata", type=Path, default=sg.DEFAULT_EVENTDATA)
    ap.add_argument("--set", choices=("petr2", "plover", "both"), default="both")
    ap.add_argument("--out", type=Path, help="write the per-sentence listing here")
    ap.add_argument("--only", help="list only sentences with a miss of this class (prefix)")
    ap.add_argument("--json", type=Path, help="write the classified misses as JSON")
    args = ap.parse_args(argv)
    reports = analyse(args.eventdata, args.set)
    text = render(reports, args.only)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    else:
        print(text)
    if args.json:
        data = [
            {
                "set": r.set,
                "id": r.id,
                "text": r.text,
                "gold": sorted(map(list, r.gold), key=str),
                "pred": sorted(map(list, r.pred), key=str),
                "misses": [{"class": m.cls, "gold": m.gold, "pred": m.pred} for m in r.misses],
            }
            for r in reports
        ]
        args.json.write_text(json.dumps(data, indent=1), encoding="utf-8")
    print(summary(reports))
    return 0


if __name__ == "__main__":
    sys.exit(main())
