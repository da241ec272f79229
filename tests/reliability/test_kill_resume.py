"""An ingest killed with SIGKILL mid-run and re-run ends exactly as an uninterrupted run.

`kg ingest` runs as a real subprocess on the embedded store. To make the kill land inside an
article's transaction (the worst moment), a harness slows the commit: it sleeps after the
article's rows are written and before COMMIT. Nothing else about the ingest changes.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from reliability_helpers import CORPUS, canonical_dump

from ingest.jobs import JobLog
from kg.stores import EmbeddedStore

SLOW_COMMIT = """
import sys, time
import kg.stores._embedded as emb
_exit = emb._Transaction.__exit__
def slow_exit(self, exc_type, exc, tb):
    if exc_type is None:
        self.db.execute("SELECT count(*) FROM events").fetchone()
        time.sleep(0.25)  # inside the open transaction: the kill lands here
    return _exit(self, exc_type, exc, tb)
emb._Transaction.__exit__ = slow_exit
from cli.main import kg
sys.argv = ["kg", *sys.argv[1:]]
kg()
"""


def _env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KG_", "NEO4J_"))}
    env.update(KG_STORE="embedded", KG_DATA_DIR=str(data_dir))
    return env


def _kg(*args: str, data_dir: Path, slow: bool = False, **kw) -> subprocess.Popen:
    code = SLOW_COMMIT if slow else "from cli.main import main; main()"
    cmd = [sys.executable, "-c", code]
    return subprocess.Popen(
        [*cmd, *args],
        env=_env(data_dir),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kw,
    )


def _articles_in(data_dir: Path) -> int:
    """Committed articles, read without taking any lock (WAL readers never wait)."""
    path = data_dir / "graph.sqlite3"
    if not path.exists():
        return 0
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=0.1)
        try:
            return db.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            db.close()
    except sqlite3.OperationalError:  # schema not created yet
        return 0


def _run_to_end(data_dir: Path) -> None:
    proc = _kg("ingest", "--no-progress", str(CORPUS), data_dir=data_dir)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    assert "articles: 20" in out


def test_sigkill_mid_ingest_then_rerun_equals_uninterrupted(tmp_path: Path):
    reference_dir, killed_dir = tmp_path / "reference", tmp_path / "killed"
    _run_to_end(reference_dir)
    with EmbeddedStore(reference_dir) as store:
        reference = canonical_dump(store)
    assert reference["counts"]["nodes"]["Article"] == 20

    proc = _kg("ingest", "--no-progress", str(CORPUS), data_dir=killed_dir, slow=True)
    deadline = time.monotonic() + 240
    written = 0
    while time.monotonic() < deadline and proc.poll() is None:
        written = _articles_in(killed_dir)
        if written >= 4:
            break
        time.sleep(0.05)
    assert proc.poll() is None, f"ingest ended before the kill: {proc.communicate()}"
    time.sleep(0.1)  # into the next article's open transaction
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    with EmbeddedStore(killed_dir) as store:
        partial = canonical_dump(store)
    n = partial["counts"]["nodes"]["Article"]
    assert 4 <= n < 20, n
    # Every article present has all its evidence: each report's article exists, and every
    # article that is present brings exactly the reports it has in the reference run.
    present = {a["id"] for a in partial["articles"]}
    ref_reports = {
        (e["id"], tuple(sorted(r.items())))
        for e in reference["events"]
        for r in e["reports"]
        if r["article_id"] in present
    }
    got_reports = {
        (e["id"], tuple(sorted(r.items()))) for e in partial["events"] for r in e["reports"]
    }
    assert got_reports == ref_reports

    jobs = JobLog(killed_dir).recent()
    assert [j.status for j in jobs] == ["interrupted"]
    assert n - 1 <= jobs[0].articles <= n  # progress is saved after each committed article

    _run_to_end(killed_dir)
    with EmbeddedStore(killed_dir) as store:
        assert canonical_dump(store) == reference
    statuses = [j.status for j in JobLog(killed_dir).recent()]
    assert statuses == ["done", "interrupted"]
