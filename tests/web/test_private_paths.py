"""Answers anyone may read name no absolute server path: the job list and job pages show CLI
inputs and errors by their last part, and a failed web job carries no traceback. `kg jobs`
on the server keeps the whole paths."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from web_support import WRITE_TOKEN, make_app

from ingest.jobs import JobLog
from kg.stores import EmbeddedStore

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def server_dirs(tmp_path):
    """A data dir under a distinctive absolute path, holding a CLI job with absolute paths."""
    data = tmp_path / "srv-private-dir"
    inbox = tmp_path / "operator-inbox"
    log = JobLog(data)
    with log.run("cli", [f"{inbox}/", f"{inbox}/wire.jsonl"], "embedded") as job:
        job.articles = 1
        job.errors = [
            f"{inbox}/empty.txt: file is empty",
            f"{inbox}/wire.jsonl:3: cannot read the published date 'soon'",
            "https://news.example.org/a/b.html: could not fetch URL: HTTP 404 Not Found",
        ]
    return data, inbox, job.id


def _answers(client, job_id: str) -> dict[str, str]:
    urls = ["/ingest", "/ingest.json", "/ingest.csv", f"/ingest/jobs/{job_id}"]
    urls.append(f"/ingest/jobs/{job_id}.json")
    out = {}
    for url in urls:
        resp = client.get(url)
        assert resp.status_code == 200, url
        out[url] = resp.get_data(as_text=True)
    return out


def test_job_answers_name_no_server_paths(server_dirs):
    data, inbox, job_id = server_dirs
    store = EmbeddedStore(data / "kg")
    try:
        client = make_app(store, data).test_client()
        for url, body in _answers(client, job_id).items():
            assert str(data.parent) not in body, url
            assert not re.search(r"(?<![\w.:/-])/(tmp|home|root|work|var)/", body), url
        shown = client.get(f"/ingest/jobs/{job_id}.json").get_json()
        assert shown["inputs"] == ["operator-inbox/", "wire.jsonl"]
        assert shown["errors"] == [
            "empty.txt: file is empty",
            "wire.jsonl:3: cannot read the published date 'soon'",
            "https://news.example.org/a/b.html: could not fetch URL: HTTP 404 Not Found",
        ]
    finally:
        store.close()
    # the operator's own tool still has the whole paths
    assert JobLog(data).get(job_id).inputs[0] == f"{inbox}/"


def test_a_failed_web_job_shows_the_error_but_no_traceback(tmp_path, monkeypatch):
    import ingest.pipeline

    def broken(doc, *args, **kwargs):
        raise RuntimeError(f"model file missing at {REPO}/ingest/data/model.bin")

    monkeypatch.setattr(ingest.pipeline, "extract_document", broken)
    store = EmbeddedStore(tmp_path / "kg")
    try:
        client = make_app(store, tmp_path, write_token=WRITE_TOKEN).test_client()
        resp = client.post(
            "/ingest",
            data={"text": "Chile praised Peru on Monday, officials said in Santiago today."},
            headers={"Authorization": f"Bearer {WRITE_TOKEN}"},
        )
        job_id = resp.get_json()["id"]
        for _ in range(200):
            job = client.get(f"/ingest/jobs/{job_id}.json").get_json()
            if job["status"] in ("done", "failed"):
                break
            time.sleep(0.05)
        assert job["status"] == "failed"
        assert job["errors"] == ["RuntimeError: model file missing at model.bin"]
        page = client.get(f"/ingest/jobs/{job_id}").get_data(as_text=True)
        assert "model file missing at model.bin" in page
        assert str(REPO) not in page and "Traceback" not in page
    finally:
        store.close()
