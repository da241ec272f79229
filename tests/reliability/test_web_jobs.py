"""Web ingest jobs are written to the persistent job log that `kg jobs` reads, and the web
job list shows CLI jobs too (one log for both)."""

from __future__ import annotations

import json
import time
from pathlib import Path

from click.testing import CliRunner
from reliability_helpers import CORPUS

from cli.main import kg
from ingest.jobs import JobLog
from kg.config import Settings
from kg.stores import EmbeddedStore
from web import create_app

TOKEN = "reliability-write-token"


def _app(tmp_path: Path):
    store = EmbeddedStore(tmp_path / "graph")
    app = create_app(Settings(data_dir=tmp_path, write_token=TOKEN), store)
    app.config["TESTING"] = True
    return app, store


def _wait(client, job_id: str) -> dict:
    for _ in range(600):
        data = client.get(f"/ingest/jobs/{job_id}.json").get_json()
        if data["status"] in ("done", "failed"):
            return data
        time.sleep(0.05)
    raise AssertionError(f"job {job_id} did not finish")


def _logged(data_dir: Path, job_id: str):
    """The job's final record in the log (written just after the in-memory status flips)."""
    for _ in range(200):
        record = JobLog(data_dir).get(job_id)
        if record is not None and record.finished:
            return record
        time.sleep(0.05)
    raise AssertionError(f"job {job_id} never reached the log as finished")


def test_web_job_is_persisted_and_listed_by_kg_jobs(tmp_path: Path, monkeypatch):
    app, store = _app(tmp_path)
    client = app.test_client()
    text = (CORPUS / "07.txt").read_text()
    resp = client.post(
        "/ingest",
        data={"text": text, "url": "https://example.org/france"},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert resp.status_code == 202, resp.get_data(as_text=True)
    job_id = resp.get_json()["id"]
    done = _wait(client, job_id)
    assert done["status"] == "done" and done["articles"] == 1

    record = _logged(tmp_path, job_id)
    assert record.origin == "web" and record.status == "done"
    assert record.articles == 1 and record.events == done["events"]

    # Posting the same story again adds nothing (exactly-once also on the web path).
    before = store.counts()
    again = client.post(
        "/ingest", data={"text": text}, headers={"Authorization": f"Bearer {TOKEN}"}
    ).get_json()["id"]
    _wait(client, again)
    _logged(tmp_path, again)
    assert store.counts() == before

    monkeypatch.setenv("KG_DATA_DIR", str(tmp_path))
    out = CliRunner().invoke(kg, ["jobs", "--format", "json"])
    assert {j["id"] for j in json.loads(out.output)} == {job_id, again}

    # A fresh app (a restarted server) still lists the jobs, from the log.
    app2, store2 = _app(tmp_path)
    listed = app2.test_client().get("/ingest.json").get_json()["jobs"]
    assert {j["id"] for j in listed} == {job_id, again}
    assert app2.test_client().get(f"/ingest/jobs/{job_id}.json").get_json()["articles"] == 1
    store.close()
    store2.close()


def test_web_job_list_shows_cli_jobs(tmp_path: Path):
    log = JobLog(tmp_path)
    with log.run("cli", ["folder/"], "embedded") as job:
        job.articles = 5
    app, store = _app(tmp_path)
    page = app.test_client().get("/ingest")
    assert job.id in page.get_data(as_text=True)
    store.close()
