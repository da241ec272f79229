"""The gold-set scorer (scripts/score_gold.py) and a regression floor on its figures."""

from __future__ import annotations

import importlib.util
import sys

import pytest

from tests.conftest import EVENTDATA, REPO

_spec = importlib.util.spec_from_file_location("score_gold", REPO / "scripts" / "score_gold.py")
score_gold = importlib.util.module_from_spec(_spec)
sys.modules["score_gold"] = score_gold
_spec.loader.exec_module(score_gold)

CURRENT_PLOVER = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip


@pytest.mark.parametrize(
    ("code", "iso"),
    [
        ("USAGOV", "USA"),
        ("JAP", "JPN"),
        ("IGOUNOMIL", "IGO"),
        ("---LEG", None),
        ("PSEGZA", "PSE"),
        ("IMG", None),
        ("", None),
    ],
)
def test_cameo_actor_codes_map_to_iso3(code, iso):
    assert score_gold.country_of(code) == iso


def test_gold_sets_load():
    petr = score_gold.load_petr2(EVENTDATA / "PETR2_GSR_validation.xml")
    assert len(petr) == 78 and all(g.text for g in petr)
    assert ("USA", "CHN", "04") in petr[0].tuples
    plover = score_gold.load_plover(EVENTDATA / "PLOVER_GSR_CAMEO.json")
    assert len(plover) >= 310
    types = {t[2] for g in plover for t in g.tuples}
    assert types <= CURRENT_PLOVER  # DEMAND, DISAPPROVE, FIGHT, INVESTIGATE renamed
    first = plover[0]  # "Senior Hungarian and Romanian officials agreed ..."
    assert first.tuples == {("HUN", "ROU", "AGREE"), ("ROU", "HUN", "AGREE")}


def test_score_arithmetic():
    s = score_gold.Score("x")
    s.add({(1, 2, "A"), (1, 3, "A")}, {(1, 2, "A"), (9, 9, "B"), (8, 8, "C")})
    assert (s.gold, s.predicted, s.matched) == (2, 3, 1)
    assert s.precision == pytest.approx(1 / 3) and s.recall == pytest.approx(0.5)
    assert s.f1 == pytest.approx(0.4)


def test_benchmark_section_is_replaced_not_duplicated(tmp_path):
    path = tmp_path / "benchmarks.md"
    path.write_text("# Benchmarks\n\n## Other\n\nkeep me\n", encoding="utf-8")
    s = score_gold.Score("set")
    s.add({(1, None, "A")}, {(1, None, "A")})
    score_gold.write_benchmarks(path, [s])
    score_gold.write_benchmarks(path, [s])
    text = path.read_text(encoding="utf-8")
    assert text.count("## Extraction accuracy") == 1 and "keep me" in text
    assert "| set | 1 | 1 | 1 | 1 | 1.000 | 1.000 | 1.000 |" in text


def test_extraction_accuracy_does_not_regress():
    """Floors a little under the figures in docs/benchmarks.md; raise them as rules improve.

    Gold tuples with no target or an unplaced actor (11 of 78 PETR2, 26 of 355 PLOVER) cannot be
    matched: the pipeline writes dyadic events only (ingest/_assembly.py). Scheduled items and
    agreement terms, which these sets code and the dev set's guidelines do not, are not asserted
    (ingest/_modality.py).
    """
    result = score_gold.run(EVENTDATA)
    petr_root, _petr_full, plover = result["scores"]
    assert petr_root.f1 >= 0.66, petr_root.row()
    assert petr_root.precision >= 0.77, petr_root.row()
    assert plover.f1 >= 0.75, plover.row()
    assert plover.precision >= 0.83, plover.row()
