#!/usr/bin/env python
"""Score the extractor against the public gold sets in ../shared/eventdata.

* PETR2 GSR (78 sentences, CAMEO): (source country, target country, CAMEO root) and the full code.
* PLOVER GSR (322 records = 316 distinct sentences from the CAMEO manual): (source, target,
  PLOVER type), with the 0.5b1 type names mapped to the current ones.

Each sentence is extracted on its own (no article context). Only asserted events count (moded
ones are excluded, as queries exclude them). Matching is per sentence on sets of tuples;
precision = matches / predicted tuples, recall = matches / gold tuples, micro-averaged.

    python scripts/score_gold.py [--eventdata DIR] [--write docs/benchmarks.md] [--show-errors]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))
from _benchdoc import write_section  # noqa: E402 (needs the path above)

DEFAULT_EVENTDATA = REPO.parent / "shared" / "eventdata"

# CAMEO country codes whose first three letters are not the ISO 3166 alpha-3 code.
CAMEO_TO_ISO3 = {
    "JAP": "JPN",  # Japan
    "ITL": "ITA",  # Italy (as spelled in the PLOVER GSR)
    "VTN": "VNM",  # Vietnam (PLOVER GSR spelling)
    "ROM": "ROU",  # Romania (pre-2002 ISO / CAMEO)
    "ZAR": "COD",  # Zaire
    "TMP": "TLS",  # East Timor
    "WSB": "PSE",  # West Bank
    "GZS": "PSE",  # Gaza Strip
    "YUG": "SRB",
    "SER": "SRB",
    "KOS": "XKX",  # Kosovo (no ISO code; user-assigned XKX)
    "UK_": "GBR",
}
# Codes that name no country: international groups and NGOs (compared as "no country").
NON_COUNTRY = {"---", "IMG", "NGO", "ISM", "MNC", "UIS", "REB", "NGM", "CVL"}
# PLOVER 0.5b1 names -> current types (investigation is an ACCUSE mode in CAMEO2PLOVER-2021).
PLOVER_RENAMES = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "FIGHT": "ASSAULT",
    "INVESTIGATE": "ACCUSE",
}


def country_of(code: str | None) -> str | None:
    """ISO3 (or "IGO") for a CAMEO/PLOVER actor code such as USAGOV, IGOUNO, JAP, ---LEG."""
    if not code:
        return None
    code = code.strip().upper()
    if code.startswith("IGO"):
        return "IGO"
    head = code[:3]
    if head in NON_COUNTRY:
        return None
    return CAMEO_TO_ISO3.get(head, head)


@dataclass
class GoldSentence:
    id: str
    text: str
    date: str  # YYYY-MM-DD
    tuples: set[tuple[Any, ...]] = field(default_factory=set)
    full: set[tuple[Any, ...]] = field(default_factory=set)  # PETR2: with the full code


def load_petr2(path: Path) -> list[GoldSentence]:
    text = path.read_text(encoding="utf-8")
    out = []
    pattern = re.compile(r"<Sentence\b([^>]*)>(.*?)</Sentence>|<Sentence\b([^>]*)/>", re.S)
    # records are "<Sentence .../>" followed by codings and <Text>; split on Sentence tags
    starts = [m.start() for m in re.finditer(r"<Sentence\b", text)]
    starts.append(len(text))
    del pattern
    for a, b in zip(starts, starts[1:], strict=False):
        chunk = text[a:b]
        attrs = dict(re.findall(r'(\w+)="([^"]*)"', chunk.split(">", 1)[0]))
        body = re.search(r"<Text>(.*?)</Text>", chunk, re.S)
        if not body or attrs.get("evaluate", "true") == "false":
            continue
        sentence = " ".join(body.group(1).split()) or _text_from_parse(chunk)
        d = attrs.get("date", "")
        if len(d) == 6:  # one record has a YYMMDD date
            d = ("19" if int(d[:2]) > 50 else "20") + d
        if len(d) != 8 or not d.isdigit():
            d = "20000101"
        g = GoldSentence(attrs.get("id", str(a)), sentence, f"{d[:4]}-{d[4:6]}-{d[6:8]}")
        for ev in re.finditer(r"<EventCoding\b([^>]*)/?>", chunk):
            e = dict(re.findall(r'(\w+)="([^"]*)"', ev.group(1)))
            code = e.get("eventcode", "")
            if not code or code.startswith("-"):
                continue
            s, t = country_of(e.get("sourcecode")), country_of(e.get("targetcode"))
            g.tuples.add((s, t, code[:2]))
            g.full.add((s, t, code))
        out.append(g)
    return out


def _text_from_parse(chunk: str) -> str:
    """A record whose <Text> is empty (abc12_3) still has its CoNLL-U parse: rebuild the text."""
    parse = re.search(r"<Parse>(.*?)</Parse>", chunk, re.S)
    out = []
    for line in (parse.group(1) if parse else "").splitlines():
        cols = line.split("\t")
        if len(cols) >= 10 and cols[0].isdigit():
            out.append(cols[1] + ("" if "SpaceAfter=No" in cols[9] else " "))
    return "".join(out).strip()


def _actors(value: Any) -> list[dict[str, Any]]:
    return [a for a in value if isinstance(a, dict)] if isinstance(value, list) else []


def load_plover(path: Path) -> list[GoldSentence]:
    records = json.loads(path.read_text(encoding="utf-8"))
    out: list[GoldSentence] = []
    by_text: dict[str, GoldSentence] = {}
    for r in records:
        if r.get("event") in (None, "DOCUMENT") or not r.get("text"):
            continue
        etype = PLOVER_RENAMES.get(r["event"], r["event"])
        # a record without a source (ASSAULT-0009: "three Iraqi civilians have been killed")
        # still codes the event, with an unknown source
        sources = [country_of(a.get("code")) for a in _actors(r.get("source"))] or [None]
        targets = [country_of(a.get("code")) for a in _actors(r.get("target"))]
        info = r.get("textInfo")
        markup = info.get("markup", "") if isinstance(info, dict) else str(info or "")
        # six sentences carry two records (two events): one sentence, the union of its tuples
        g = by_text.get(r["text"])
        if g is None:
            g = by_text[r["text"]] = GoldSentence(r["id"], r["text"], r.get("date") or "2000-01-01")
            out.append(g)
        if "SRC/TAR" in markup and not targets:
            # each party acts on the other(s), by position: the Sudanese government and the
            # SPLM/A (both SDN) give (SDN, SDN)
            for i, s in enumerate(sources):
                for j, t in enumerate(sources):
                    if i != j:
                        g.tuples.add((s, t, etype))
            if len(sources) < 2:
                g.tuples.update((s, None, etype) for s in sources)
        else:
            for s in sources:
                for t in targets or [None]:
                    g.tuples.add((s, t, etype))
    return out


@dataclass
class Score:
    name: str
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    sentences: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, gold: set, predicted: set) -> None:
        self.sentences += 1
        self.gold += len(gold)
        self.predicted += len(predicted)
        self.matched += len(gold & predicted)

    def row(self) -> str:
        return (
            f"| {self.name} | {self.sentences} | {self.gold} | {self.predicted} | {self.matched} "
            f"| {self.precision:.3f} | {self.recall:.3f} | {self.f1:.3f} |"
        )


@dataclass
class _Doc:
    text: str
    source: str
    published: datetime
    url: str | None = None
    title: str | None = None
    outlet: str | None = None


def extract_sentences(
    gold: list[GoldSentence], resolver_factory: Callable[..., Any] | None = None
) -> list[list[dict[str, Any]]]:
    """Asserted event records for each gold sentence, each sentence its own document."""
    from ingest.pipeline import extract_documents

    docs = [_Doc(g.text, g.id, datetime.fromisoformat(g.date + "T12:00:00+00:00")) for g in gold]
    return [
        [rec for rec in r.records if rec["mode"] is None]
        for r in extract_documents(docs, resolver_factory=resolver_factory, batch_size=64)
    ]


def _undated_resolver(on: Any) -> Any:
    from ingest.actors import ActorResolver

    return ActorResolver(on=None)


def _country(actor: dict[str, Any] | None) -> str | None:
    return actor["country"] if actor else None


def score_petr2(
    gold: list[GoldSentence], predicted: list[list[dict[str, Any]]]
) -> tuple[Score, Score, list[tuple[GoldSentence, set, set]]]:
    root, full, errors = (
        Score("PETR2 GSR (src, tgt, root)"),
        Score("PETR2 GSR (src, tgt, code)"),
        [],
    )
    for g, recs in zip(gold, predicted, strict=True):
        p_root = {(_country(r["source"]), _country(r["target"]), r["action"]["root"]) for r in recs}
        p_full = {
            (_country(r["source"]), _country(r["target"]), r["action"]["cameo"]) for r in recs
        }
        root.add(g.tuples, p_root)
        full.add(g.full, p_full)
        if g.tuples != p_root:
            errors.append((g, g.tuples, p_root))
    return root, full, errors


def score_plover(
    gold: list[GoldSentence], predicted: list[list[dict[str, Any]]]
) -> tuple[Score, list[tuple[GoldSentence, set, set]]]:
    score, errors = Score("PLOVER GSR (src, tgt, type)"), []
    for g, recs in zip(gold, predicted, strict=True):
        p = {
            (_country(r["source"]), _country(r["target"]), r["action"]["plover"])
            for r in recs
            if r["action"]["plover"]
        }
        score.add(g.tuples, p)
        if g.tuples != p:
            errors.append((g, g.tuples, p))
    return score, errors


def run(eventdata: Path, resolver_factory: Callable[..., Any] | None = None) -> dict[str, Any]:
    petr = load_petr2(eventdata / "PETR2_GSR_validation.xml")
    plover = load_plover(eventdata / "PLOVER_GSR_CAMEO.json")
    p_recs = extract_sentences(petr, resolver_factory)
    # PLOVER GSR dates are all the placeholder 2000-01-01: resolve actors without a date
    v_recs = extract_sentences(plover, resolver_factory or _undated_resolver)
    root, full, e1 = score_petr2(petr, p_recs)
    pl, e2 = score_plover(plover, v_recs)
    return {"scores": [root, full, pl], "errors": e1 + e2}


TABLE_HEAD = (
    "| gold set (tuple) | sentences | gold tuples | predicted | matched "
    "| precision | recall | F1 |\n|---|---|---|---|---|---|---|---|"
)


def _target_line(scores: Iterable[Score]) -> str:
    targeted = [x for x in scores if "code)" not in x.name]  # the full code is reported only
    worst = min(targeted or list(scores), key=lambda x: x.f1)
    status = "met" if worst.f1 >= 0.70 else "NOT met"
    return (
        f"Target (F1 >= 0.70 on both sets): {status}; lowest is {worst.name} at {worst.f1:.3f}. "
        "See docs/extraction.md (Known limits) and `scripts/gold_errors.py` for the misses."
    )


def write_benchmarks(path: Path, scores: Iterable[Score]) -> None:
    section = (
        "## Extraction accuracy\n\n"
        "Produced by `python scripts/score_gold.py --write docs/benchmarks.md` (2 cores).\n"
        "Each gold sentence is extracted alone; only asserted (un-moded) events count;\n"
        "tuples are matched per sentence (micro-averaged). Actor codes map to ISO3\n"
        "(`USAGOV` -> USA, `JAP` -> JPN, IGOs -> IGO, non-state codes -> no country);\n"
        "PLOVER 0.5b1 types are renamed to current ones; PLOVER GSR dates are placeholders,\n"
        "so its actors are resolved without a date.\n\n"
        + TABLE_HEAD
        + "\n"
        + "\n".join(s.row() for s in scores)
        + "\n\n"
        + _target_line(scores)
        + "\n"
    )
    write_section(path, section)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--eventdata", type=Path, default=DEFAULT_EVENTDATA)
    ap.add_argument("--write", type=Path, help="update this benchmarks file")
    ap.add_argument("--show-errors", action="store_true")
    args = ap.parse_args(argv)
    result = run(args.eventdata)
    if args.show_errors:
        for g, gold, pred in result["errors"]:
            print(f"{g.id}: {g.text}")
            print(f"   gold {sorted(map(str, gold))}\n   pred {sorted(map(str, pred))}")
    print(TABLE_HEAD)
    for s in result["scores"]:
        print(s.row())
    if args.write:
        write_benchmarks(args.write, result["scores"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
