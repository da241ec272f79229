"""The persistent job log (ingest/jobs.py) and `kg jobs`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from reliability_helpers import CORPUS

from cli.main import kg
from ingest.jobs import JobLog, JobRecord


def test_run_records_done_and_failed(tmp_path: Path):
    log = JobLog(tmp_path)
    with log.run("cli", ["a.txt"], "embedded") as job:
        job.articles, job.events = 3, 7
        job.errors.append("b.txt: empty file")
    with pytest.raises(ValueError), log.run("web", ["c.txt"]) as job2:
        raise ValueError("store went away")
    again = JobLog(tmp_path)  # persistent: a new process sees the same records
    done, failed = again.get(job.id), again.get(job2.id)
    assert done.status == "done" and done.articles == 3 and done.events == 7
    assert done.errors == ["b.txt: empty file"] and done.inputs == ["a.txt"]
    assert done.started <= done.finished
    assert failed.status == "failed" and failed.errors == ["ValueError: store went away"]
    assert [j.id for j in again.recent()] == [job2.id, job.id]


def test_running_job_of_a_dead_process_reads_as_interrupted(tmp_path: Path):
    proc = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    log = JobLog(tmp_path)
    log.save(JobRecord("dead", "cli", ["x"], status="running", pid=int(proc.stdout)))
    log.save(JobRecord("alive", "cli", ["y"], status="running"))  # this test's own pid
    assert log.get("dead").status == "interrupted"
    assert log.get("alive").status == "running"


def test_kg_ingest_writes_a_job_and_kg_jobs_shows_it(tmp_path: Path, monkeypatch):
    for var in ("NEO4J_URI", "KG_STORE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("KG_DATA_DIR", str(tmp_path))
    bad = tmp_path / "in" / "empty.txt"
    bad.parent.mkdir()
    bad.write_text("")
    (tmp_path / "in" / "01.txt").write_text((CORPUS / "01.txt").read_text())
    runner = CliRunner()
    result = runner.invoke(kg, ["ingest", "--no-progress", str(tmp_path / "in")])
    assert result.exit_code == 0, result.output
    shown = runner.invoke(kg, ["jobs", "--format", "json"])
    assert shown.exit_code == 0, shown.output
    jobs = json.loads(shown.output)
    assert len(jobs) == 1
    job = jobs[0]
    assert job["status"] == "done" and job["origin"] == "cli" and job["backend"] == "embedded"
    assert job["articles"] == 1 and job["events"] >= 1
    assert job["added"]["Article"] == 1
    assert len(job["errors"]) == 1 and "empty.txt" in job["errors"][0]
    assert job["inputs"] == [str(tmp_path / "in")]
    table = runner.invoke(kg, ["jobs"])
    assert job["id"] in table.output and "done" in table.output
    one = runner.invoke(kg, ["jobs", job["id"], "--format", "json"])
    assert json.loads(one.output)["id"] == job["id"]
    missing = runner.invoke(kg, ["jobs", "nope"])
    assert missing.exit_code != 0 and "no ingest job 'nope'" in missing.output
