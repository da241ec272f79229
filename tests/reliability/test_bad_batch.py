"""One `kg ingest` over a folder of bad inputs mixed with good ones: each bad file gets a clear
error naming it (and the line, for batch rows), the good ones are all ingested, and the job
record keeps the errors. (Per-loader detail: tests/ingest/test_loaders.py.)"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from reliability_helpers import CORPUS

from cli.main import kg
from ingest.jobs import JobLog


def test_bad_inputs_each_get_an_error_and_the_rest_is_ingested(tmp_path: Path, monkeypatch):
    for var in ("NEO4J_URI", "KG_STORE", "KG_MAX_INPUT_BYTES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("KG_DATA_DIR", str(tmp_path / "data"))
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good-1.txt").write_text((CORPUS / "03.txt").read_text())
    (folder / "good-2.txt").write_text((CORPUS / "10.txt").read_text())
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "wrong-encoding.txt").write_bytes(b"\xff\xfe\xfa" + b"\x81\x8d\x8f\x90" * 300)
    with open(folder / "huge.txt", "wb") as f:  # 50 MB, over the 20 MB default cap
        f.truncate(50 * 1024 * 1024)
    good_row = {"text": (CORPUS / "16.txt").read_text(), "url": "https://example.org/u1"}
    (folder / "rows.jsonl").write_text(
        json.dumps(good_row) + "\n" + '{"text": "unterminated\n' + "[1, 2]\n"
    )
    (folder / "rows.csv").write_text('url,text\nu:2,"never closed\n')
    (folder / "nested.html").write_text(
        "<html><body>" + "<div>" * 20000 + "Deep." + "</div>" * 20000 + "</body></html>"
    )
    (folder / "broken-feed.xml").write_text("<?xml version='1.0'?><rss><channel><item>")
    (folder / "no-dateline.txt").write_text(
        "Talks\n\nBrazil and Argentina held talks about trade, officials said.\n"
    )

    result = CliRunner().invoke(kg, ["ingest", "--no-progress", str(folder)])
    assert result.exit_code == 0, result.output
    out = result.output
    for name in ("empty.txt", "binary.txt", "wrong-encoding.txt", "huge.txt", "broken-feed.xml"):
        assert f"error: {folder / name}" in out, name
    assert "rows.jsonl" in out and "line 2" in out
    assert "rows.csv" in out

    (job,) = JobLog(tmp_path / "data").recent()
    assert job.status == "done"
    # good-1, good-2, the good JSONL row, the dateline-less article (nested.html may load)
    assert job.articles >= 4
    assert len(job.errors) >= 7
    assert all(str(folder) in e for e in job.errors)
