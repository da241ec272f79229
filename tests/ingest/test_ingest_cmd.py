"""`kg extract` and `kg ingest` end to end on the seed page (real loader, resolver and store)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from cli.main import kg
from kg.stores import EmbeddedStore
from tests.conftest import SEED_PAGE


def test_extract_jsonl_contract():
    result = CliRunner().invoke(kg, ["extract", str(SEED_PAGE), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records
    for r in records:
        assert r["article"] == str(SEED_PAGE)
        assert r["date"] == "2025-05-04"
        assert set(r["source"]) == {"name", "country", "kind"}
        assert set(r["action"]) >= {"text", "cameo", "root", "label", "quad_class", "goldstein"}
        assert (
            isinstance(r["action"]["cameo"], str)
            and r["action"]["cameo"][:2] == r["action"]["root"]
        )
        assert len(r["span"]) == 2 and 0 < r["confidence"] <= 1
        assert r["mode"] is None
    assert {r["action"]["root"] for r in records} >= {"02", "03", "04", "11", "12"}


def test_extract_table_and_published_override():
    result = CliRunner().invoke(
        kg, ["extract", str(SEED_PAGE), "--format", "table", "--published", "2025-06-10"]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].split() == ["date", "source", "target", "CAMEO", "action"]
    # "on Sunday" counted back from Tuesday 10 June 2025
    assert "2025-06-08" in result.stdout and "Sheinbaum" in result.stdout


def test_extract_bad_published_is_a_usage_error():
    result = CliRunner().invoke(kg, ["extract", str(SEED_PAGE), "--published", "someday"])
    assert result.exit_code != 0
    assert "--published" in result.output


def test_extract_missing_file_fails_only_when_nothing_loads(tmp_path):
    missing = tmp_path / "nope.txt"
    result = CliRunner().invoke(kg, ["extract", str(missing)])
    assert result.exit_code == 1
    assert "nope.txt" in result.stderr
    result = CliRunner().invoke(kg, ["extract", str(missing), str(SEED_PAGE)])
    assert result.exit_code == 0
    assert "nope.txt" in result.stderr and result.stdout.strip()


def test_ingest_writes_the_store_idempotently(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("KG_STORE", "embedded")
    monkeypatch.delenv("NEO4J_URI", raising=False)
    runner = CliRunner()
    first = runner.invoke(kg, ["ingest", str(SEED_PAGE), "--no-progress"])
    assert first.exit_code == 0, first.output
    assert "articles: 1" in first.stdout and "errors: 0" in first.stdout
    store = EmbeddedStore(tmp_path)
    counts = store.counts()
    store.close()
    assert counts["nodes"]["Event"] >= 7 and counts["nodes"]["Article"] == 1
    second = runner.invoke(kg, ["ingest", str(SEED_PAGE), "--no-progress"])
    assert second.exit_code == 0, second.output
    store = EmbeddedStore(tmp_path)
    try:
        assert store.counts() == counts
        events = [e for batch in store.iter_events(batch_size=100) for e in batch]
    finally:
        store.close()
    assert len(events) >= 7
    assert all(e.reports and e.date == "2025-05-04" for e in events if e.mode is None)


def test_extract_warns_when_the_page_has_no_date(tmp_path):
    page = tmp_path / "undated.txt"
    page.write_text(
        "Talks resume\n\nJapan and China held talks in Beijing on Monday, officials said.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(kg, ["extract", str(page)])
    assert result.exit_code == 0, result.output
    assert "no publication date" in result.stderr
    # "on Monday" of an unknown week: the act is left out and counted, never dated to today
    assert "left out for lack of a date" in result.stderr
    assert '"date"' not in result.stdout
    dated = CliRunner().invoke(kg, ["extract", str(page), "--published", "2025-05-07"])
    assert "no publication date" not in dated.stderr
    assert '"date": "2025-05-05"' in dated.stdout  # Monday before Wednesday 7 May
