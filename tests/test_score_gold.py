"""The gold-set loaders and code mapping of scripts/score_gold.py (no extraction: fast)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from tests.conftest import EVENTDATA, SHARED

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "score_gold.py"


@pytest.fixture(scope="module")
def sg():
    spec = importlib.util.spec_from_file_location("score_gold", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["score_gold"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("code", "iso3"),
    [
        ("USAGOV", "USA"),
        ("JAP", "JPN"),
        ("ITL", "ITA"),
        ("IGOUNOMIL", "IGO"),
        ("---LEG", None),
        ("IMGMUSISI", None),
        ("NGO", None),
        ("PSEREBHMSGOV", "PSE"),
        ("", None),
    ],
)
def test_country_of(sg, code, iso3):
    assert sg.country_of(code) == iso3


def test_petr2_record_with_empty_text_is_rebuilt_from_its_parse(sg):
    gold = {g.id: g for g in sg.load_petr2(EVENTDATA / "PETR2_GSR_validation.xml")}
    assert len(gold) == 78
    assert gold["abc12_3"].text.startswith("Boko Haram has launched many similar attacks")
    assert gold["abc12_3"].tuples == {("NGA", "NGA", "19")}
    assert all(g.text for g in gold.values())


def test_plover_sentences_are_distinct_and_compound_actors_pair_by_position(sg):
    gold = sg.load_plover(EVENTDATA / "PLOVER_GSR_CAMEO.json")
    assert len(gold) == 316 == len({g.text for g in gold})
    assert sum(len(g.tuples) for g in gold) == 355
    by_id = {g.id: g for g in gold}
    # the Sudanese government and SPLM/A, both SDN, act on each other
    assert by_id["PLOVER-GSR01-AGREE-0031"].tuples == {("SDN", "SDN", "AGREE")}
    # no source in the record: the event still counts, source unknown
    assert by_id["PLOVER-GSR01-ASSAULT-0009"].tuples == {(None, "IRQ", "ASSAULT")}
    # two records of one sentence: one sentence with both events
    benin = next(g for g in gold if g.text.startswith("Benin opened its borders"))
    assert {t[2] for t in benin.tuples} == {"AID", "REJECT"}


def test_dev_set_scoring_runs_the_sets_own_scorer_on_extracted_articles(sg, tmp_path):
    """A two-article dev set of our own: one event found and matched, one trap left alone."""
    devset = tmp_path / "devset"
    (devset / "articles").mkdir(parents=True)
    for script in ("score.py", "diagnose.py"):
        (devset / script).write_text((SHARED / "devset" / script).read_text())
    (devset / "articles" / "a1.txt").write_text(
        "OSLO, March 3, 2025 - Norway condemned Russia on Monday over the border incident.\n"
    )
    (devset / "articles" / "a2.txt").write_text(
        "HELSINKI, March 3, 2025 - Finland may consider talks with Sweden next year.\n"
    )
    gold = {
        "article": "a1",
        "source": "Norway",
        "source_country": "NOR",
        "target": "Russia",
        "target_country": "RUS",
        "cameo": "111",
        "cameo_root": "11",
        "date": "2025-03-03",
    }
    trap = {"article": "a2", "sentence": "Finland may consider talks with Sweden next year."}
    (devset / "gold.jsonl").write_text(json.dumps(gold) + "\n")
    (devset / "non_events.jsonl").write_text(json.dumps(trap) + "\n")

    dev = sg.score_devset(devset)

    assert dev.figures["gold"] == 1 and dev.figures["matched_root"] == 1, dev.diagnosis
    assert dev.figures["traps_coded"] == 0
    assert dev.figures["date_exact_of_matched"] == 1.0
    assert dev.after_publication == 0 and dev.on_run_date == 0
    assert "| 1 | " in dev.table()
