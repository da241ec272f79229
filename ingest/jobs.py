"""The persistent ingest job log: one SQLite file under KG_DATA_DIR, whatever the graph store.

Every ingest, from `kg ingest` or the web ingest page, leaves a record: id, where it came
from, its inputs, counts, errors, start/end and status. `kg jobs` and /ingest read it. A job
still marked running whose process is gone (killed, machine restarted) reads as
"interrupted"; re-running the same inputs finishes it exactly once (docs/reliability.md).
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import socket
import sqlite3
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

__all__ = ["JOB_STATUSES", "JobLog", "JobRecord", "TrackedStore", "new_job_id"]

JOB_STATUSES = ("queued", "running", "done", "failed", "interrupted")
FILE_NAME = "jobs.sqlite3"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS jobs (
    id TEXT PRIMARY KEY,
    origin TEXT NOT NULL,
    backend TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    created TEXT NOT NULL,
    started TEXT,
    finished TEXT,
    host TEXT NOT NULL DEFAULT '',
    pid INTEGER,
    articles INTEGER NOT NULL DEFAULT 0,
    sentences INTEGER NOT NULL DEFAULT 0,
    events INTEGER NOT NULL DEFAULT 0,
    inputs TEXT NOT NULL DEFAULT '[]',
    errors TEXT NOT NULL DEFAULT '[]',
    added TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX IF NOT EXISTS jobs_created ON jobs(created);
"""
_JSON_FIELDS = ("inputs", "errors", "added")


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def new_job_id() -> str:
    return secrets.token_hex(8)


@dataclass
class JobRecord:
    id: str
    origin: str  # "cli" or "web"
    inputs: list[str]
    backend: str = ""
    status: str = "queued"
    created: str = field(default_factory=now)
    started: str | None = None
    finished: str | None = None
    host: str = field(default_factory=socket.gethostname)
    pid: int | None = field(default_factory=os.getpid)
    articles: int = 0
    sentences: int = 0
    events: int = 0
    errors: list[str] = field(default_factory=list)
    added: dict[str, int] = field(default_factory=dict)  # node counts after minus before

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


_COLUMNS = tuple(f.name for f in fields(JobRecord))


class JobLog:
    """Small and append-mostly: each write is its own short transaction (WAL, FULL sync)."""

    def __init__(self, data_dir: Path | str):
        self.path = Path(data_dir) / FILE_NAME
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self._connect() as db:
                db.executescript(_SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            raise RuntimeError(f"job log {self.path}: cannot open: {exc}") from None

    @contextlib.contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(self.path, timeout=10, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=FULL")
            db.row_factory = sqlite3.Row
            yield db
        finally:
            db.close()

    def save(self, record: JobRecord) -> None:
        """Insert or replace the whole record (the caller owns it while the job runs)."""
        data = record.to_dict()
        values = [json.dumps(data[c]) if c in _JSON_FIELDS else data[c] for c in _COLUMNS]
        marks = ",".join("?" * len(_COLUMNS))
        # Column names come from the JobRecord dataclass, never from input.
        sql = f"INSERT OR REPLACE INTO jobs({','.join(_COLUMNS)}) VALUES ({marks})"
        with self._connect() as db:
            db.execute(sql, values)

    def get(self, job_id: str) -> JobRecord | None:
        with self._connect() as db:
            row = db.execute("SELECT * FROM jobs WHERE id = ?", (job_id,)).fetchone()
        return self._record(row) if row else None

    def recent(self, limit: int = 50) -> list[JobRecord]:
        """Newest first."""
        with self._connect() as db:
            rows = db.execute(
                "SELECT * FROM jobs ORDER BY created DESC, rowid DESC LIMIT ?", (limit,)
            ).fetchall()
        return [self._record(r) for r in rows]

    def _record(self, row: sqlite3.Row) -> JobRecord:
        data = {c: (json.loads(row[c]) if c in _JSON_FIELDS else row[c]) for c in _COLUMNS}
        record = JobRecord(**data)
        if record.status in ("queued", "running") and not _alive(record.host, record.pid):
            record.status = "interrupted"
        return record

    @contextlib.contextmanager
    def run(self, origin: str, inputs: list[str], backend: str = "") -> Iterator[JobRecord]:
        """Record a job around a block: running on entry, done on exit, failed (with the
        error) if the block raises; the exception still propagates."""
        record = JobRecord(new_job_id(), origin, list(inputs), backend)
        record.status, record.started = "running", now()
        self.save(record)
        try:
            yield record
        except BaseException as exc:
            record.status = "failed"
            record.errors.append(f"{type(exc).__name__}: {exc}")
            raise
        else:
            record.status = "done"
        finally:
            record.finished = now()
            self.save(record)


class TrackedStore:
    """A store whose writes are counted into a running job record, saved after each article,
    so a job that is interrupted still shows how far it got. Everything else is the store's."""

    def __init__(self, store: Any, log: JobLog, record: JobRecord):
        self._store, self._log, self._record = store, log, record

    def upsert(self, batch: Any) -> None:
        self._store.upsert(batch)
        if batch.articles:
            self._record.articles += len(batch.articles)
            self._record.events += len(batch.events)
            self._log.save(self._record)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)


def _alive(host: str, pid: int | None) -> bool:
    """Whether the process that owns a running job still exists (only knowable on its host)."""
    if pid is None or host != socket.gethostname():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
