"""Ingest jobs run in a background thread; their records are written through to the persistent
job log (ingest/jobs.py, shared with `kg ingest`), which the UI and API read."""

from __future__ import annotations

import logging
import secrets
import shutil
import threading
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

MAX_JOBS_KEPT = 200
log = logging.getLogger(__name__)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class PastedText:
    text: str
    url: str | None = None
    title: str | None = None
    outlet: str | None = None


@dataclass
class Job:
    id: str
    inputs: list[str]
    status: str = "queued"  # queued, running, done, failed
    created: str = field(default_factory=_now)
    started: str | None = None
    finished: str | None = None
    articles: int = 0
    events: int = 0
    errors: list[str] = field(default_factory=list)
    added: dict[str, int] = field(default_factory=dict)  # node counts after minus before

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class JobRunner:
    """Starts one thread per job; a lock keeps the records consistent for readers."""

    def __init__(self, store: Any, log: Any = None):
        self.store = store
        self.log = log  # ingest.jobs.JobLog: records outlive the process (and show CLI jobs)
        self.jobs: dict[str, Job] = {}
        self._lock = threading.Lock()

    def recent(self) -> list[Job]:
        if self.log is not None:
            with self._lock:
                live = dict(self.jobs)
            return [live.get(r.id) or _from_record(r) for r in self.log.recent(MAX_JOBS_KEPT)]
        with self._lock:
            return sorted(self.jobs.values(), key=lambda j: j.created, reverse=True)

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            live = self.jobs.get(job_id)
        if live is None and self.log is not None:
            record = self.log.get(job_id)
            return _from_record(record) if record else None
        return live

    def _persist(self, job: Job) -> None:
        if self.log is None:
            return
        from ingest.jobs import JobRecord

        data = job.to_dict()
        self.log.save(JobRecord(origin="web", backend=getattr(self.store, "backend", ""), **data))

    def submit(
        self,
        pasted: list[PastedText],
        files_dir: Path | None,
        file_names: list[str],
        published: str | None,
    ) -> Job:
        inputs = [f"pasted text ({len(p.text)} characters)" for p in pasted] + file_names
        job = Job(secrets.token_hex(8), inputs)
        with self._lock:
            self.jobs[job.id] = job
            for old in sorted(self.jobs.values(), key=lambda j: j.created)[:-MAX_JOBS_KEPT]:
                del self.jobs[old.id]
        self._persist(job)
        thread = threading.Thread(
            target=self._run,
            args=(job, pasted, files_dir, published),
            daemon=True,
            name=f"ingest-{job.id}",
        )
        thread.start()
        return job

    def _run(
        self, job: Job, pasted: list[PastedText], files_dir: Path | None, published: str | None
    ) -> None:
        job.status, job.started = "running", _now()
        self._persist(job)
        try:
            before = self.store.counts()["nodes"]
            self._ingest(job, pasted, files_dir, published)
            after = self.store.counts()["nodes"]
            job.added = {k: after.get(k, 0) - before.get(k, 0) for k in after}
            job.status = "done"
        except Exception as exc:  # noqa: BLE001 - a job reports every failure, never raises
            job.status = "failed"
            job.errors.append(f"{type(exc).__name__}: {exc}")
            # the traceback names server files: it goes to the server's log, not the job
            log.exception("ingest job %s failed", job.id)
        finally:
            job.finished = _now()
            self._persist(job)
            if files_dir is not None:
                shutil.rmtree(files_dir, ignore_errors=True)

    def _ingest(
        self, job: Job, pasted: list[PastedText], files_dir: Path | None, published: str | None
    ) -> None:
        from ingest._merge import write_batch
        from ingest.loaders import LoadError, load_text
        from ingest.pipeline import extract_document, ingest_paths

        when = datetime.fromisoformat(published) if published else None
        if when is not None and when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        for item in pasted:
            try:
                doc = load_text(
                    item.text,
                    source="pasted text",
                    published=when,
                    url=item.url,
                    title=item.title,
                    outlet=item.outlet,
                )
            except LoadError as exc:
                job.errors.append(str(exc))
                continue
            result = extract_document(doc)
            write_batch(self.store, result.to_batch())  # exactly-once rule, as in ingest_paths
            job.articles += 1
            job.events += len(result.events)
        if files_dir is not None:
            paths = sorted(p for p in files_dir.iterdir() if p.is_file())
            if paths:
                summary = ingest_paths(paths, self.store, published=published, progress=False)
                job.articles += summary.articles
                job.events += summary.events
                job.errors.extend(e.replace(str(files_dir) + "/", "") for e in summary.errors)


def _from_record(record: Any) -> Job:
    """A job log record (ingest.jobs.JobRecord) as the page's Job."""
    return Job(
        record.id,
        record.inputs,
        record.status,
        record.created,
        record.started,
        record.finished,
        record.articles,
        record.events,
        record.errors,
        record.added,
    )
