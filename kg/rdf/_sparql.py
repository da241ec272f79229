"""Read-only SPARQL 1.1 over the current graph, answered by pyoxigraph in a worker process.

Why pyoxigraph and a process: rdflib took 62 s for a two-event join over 100k triples that
pyoxigraph answers in ~20 ms (issue 5); and a runaway query inside a native engine cannot be
interrupted from Python, so queries run in a child process (_sparql_worker.py) that is killed at
the time limit (the next query starts a fresh one). The child holds an N-Triples export of the
store, rebuilt when the store's counts change or the snapshot is older than `max_age_s`.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import re
import select
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.rdf._export import export_rdf
from kg.stores import Store

RESULT_TYPES = {
    "application/sparql-results+json": "JSON",
    "application/json": "JSON",
    "application/sparql-results+xml": "XML",
    "application/xml": "XML",
    "text/csv": "CSV",
    "text/tab-separated-values": "TSV",
}
GRAPH_TYPES = {
    "text/turtle": "TURTLE",
    "application/n-triples": "N_TRIPLES",
    "application/ld+json": "JSON_LD",
    "application/rdf+xml": "RDF_XML",
}
_CONTENT_TYPE = {
    "JSON": "application/sparql-results+json",
    "XML": "application/sparql-results+xml",
    "CSV": "text/csv; charset=utf-8",
    "TSV": "text/tab-separated-values; charset=utf-8",
    "TURTLE": "text/turtle; charset=utf-8",
    "N_TRIPLES": "application/n-triples",
    "JSON_LD": "application/ld+json",
    "RDF_XML": "application/rdf+xml",
}
_PROLOGUE = r"(?:\s|#[^\n]*\n|(?:PREFIX\s+[^\s:]*:\s*<[^>]*>)|(?:BASE\s*<[^>]*>))*"
_UPDATE = re.compile(
    _PROLOGUE + r"(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.IGNORECASE
)
_SERVICE = re.compile(r"\bSERVICE\b", re.IGNORECASE)
MAX_QUERY_CHARS = 100_000


class SparqlError(ValueError):
    """The request is wrong (syntax, update, unsupported format): HTTP 400 with this message."""


class SparqlTooLarge(SparqlError):
    """The answer would pass the byte limit (the worker stopped serializing it): HTTP 400."""


class SparqlTimeout(RuntimeError):
    """The query ran past its time limit and was stopped: HTTP 503."""


def negotiate(accept: str | None) -> tuple[str, str]:
    """(results format, graph format) names for an Accept header; defaults JSON and Turtle."""
    ranked: list[tuple[float, int, str]] = []
    for i, part in enumerate((accept or "").split(",")):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        ranked.append((-q, i, fields[0].lower()))
    ranked.sort()
    results = next((RESULT_TYPES[m] for _, _, m in ranked if m in RESULT_TYPES), None)
    graph = next((GRAPH_TYPES[m] for _, _, m in ranked if m in GRAPH_TYPES), None)
    if ranked and results is None and graph is None:
        wildcard = any(m in ("*/*", "application/*", "text/*") for _, _, m in ranked)
        if not wildcard:
            raise SparqlError(
                f"cannot answer in {accept!r}; results: {', '.join(RESULT_TYPES)};"
                f" graphs: {', '.join(GRAPH_TYPES)}"
            )
    return results or "JSON", graph or "TURTLE"


def check_query(query: str) -> None:
    """Refuse what a read-only endpoint must not run, before it reaches the engine."""
    if not query or not query.strip():
        raise SparqlError(
            "no query: send it as the 'query' parameter or an application/sparql-query body"
        )
    if len(query) > MAX_QUERY_CHARS:
        raise SparqlError(f"query longer than {MAX_QUERY_CHARS} characters")
    if _UPDATE.match(query):
        raise SparqlError("SPARQL Update is not allowed: this endpoint is read-only")
    if _SERVICE.search(query):
        raise SparqlError("SERVICE (federated query) is not allowed on this endpoint")


@dataclass
class _Snapshot:
    key: tuple[object, ...]
    path: Path
    made: float
    triples: int = 0


class SparqlEngine:
    """One worker process over one snapshot of the store; a lock serializes queries."""

    def __init__(self, max_age_s: float = 300.0, load_timeout_s: float = 600.0):
        self.max_age_s = max_age_s
        self.load_timeout_s = load_timeout_s
        self._lock = threading.Lock()
        self._snapshot: _Snapshot | None = None
        self._proc: subprocess.Popen[bytes] | None = None
        self._buf = b""
        self._dir = tempfile.mkdtemp(prefix="kg-sparql-")

    def _key(self, store: Store, base: str) -> tuple[object, ...]:
        counts = store.counts()
        flat = tuple(sorted((k, v) for part in counts.values() for k, v in part.items()))
        return (store.backend, repr(store), base, flat)

    def _fresh(self, key: tuple[object, ...]) -> bool:
        snap = self._snapshot
        return (
            snap is not None and snap.key == key and time.monotonic() - snap.made < self.max_age_s
        )

    def _rebuild(self, store: Store, base: str, key: tuple[object, ...]) -> None:
        self._stop()
        path = Path(self._dir) / f"snapshot-{time.monotonic_ns()}.nt"
        with path.open("wb") as fh:
            stats = export_rdf(store, fh, "nt", base=base, batch_size=5000)
        if self._snapshot is not None:
            self._snapshot.path.unlink(missing_ok=True)
        self._snapshot = _Snapshot(key, path, time.monotonic(), stats.triples)

    def _start(self) -> None:
        assert self._snapshot is not None
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "kg.rdf._sparql_worker", str(self._snapshot.path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self._buf = b""
        try:
            header, _body = self._read(self.load_timeout_s)
        except (EOFError, ValueError):
            self._stop()
            raise RuntimeError("the SPARQL worker exited while loading the graph") from None
        if header is None:
            self._stop()
            raise SparqlTimeout("the SPARQL engine did not load the graph in time")
        if header.get("status") != "ready":
            self._stop()
            raise RuntimeError(f"SPARQL engine: {header.get('message', header)}")

    def _read(self, timeout_s: float) -> tuple[dict[str, Any] | None, bytes]:
        """One reply (header, body), or (None, b"") when the time limit passes first."""
        assert self._proc is not None and self._proc.stdout is not None
        fd = self._proc.stdout.fileno()
        deadline = time.monotonic() + timeout_s

        def fill() -> bool:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([fd], [], [], remaining)[0]:
                return False
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                raise EOFError
            self._buf += chunk
            return True

        while b"\n" not in self._buf:
            if not fill():
                return None, b""
        line, self._buf = self._buf.split(b"\n", 1)
        header = json.loads(line)
        while len(self._buf) < header["length"]:
            if not fill():
                return None, b""
        body, self._buf = self._buf[: header["length"]], self._buf[header["length"] :]
        return header, body

    def _stop(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        proc.kill()
        proc.wait()
        for pipe in (proc.stdin, proc.stdout):
            if pipe is not None:
                with contextlib.suppress(OSError):
                    pipe.close()

    def run(
        self,
        store: Store,
        query: str,
        base: str,
        timeout_s: float,
        accept: str | None,
        max_bytes: int,
    ) -> tuple[str, bytes]:
        check_query(query)
        results_fmt, graph_fmt = negotiate(accept)
        with self._lock:
            key = self._key(store, base)
            if not self._fresh(key):
                self._rebuild(store, base, key)
            if self._proc is None or self._proc.poll() is not None:
                self._start()
            assert self._proc is not None and self._proc.stdin is not None
            request = {
                "query": query,
                "results": results_fmt,
                "graph": graph_fmt,
                "max_bytes": max_bytes,
            }
            try:
                self._proc.stdin.write(json.dumps(request).encode("utf-8") + b"\n")
                self._proc.stdin.flush()
                header, body = self._read(timeout_s)
            except (EOFError, OSError, ValueError):
                self._stop()
                raise RuntimeError("the SPARQL worker stopped unexpectedly") from None
            if header is None:
                self._stop()  # kill the runaway query; the next call starts a new worker
                raise SparqlTimeout(f"query stopped after the {timeout_s:g} s time limit")
        if header["status"] == "too_large":
            raise SparqlTooLarge(
                f"the answer is larger than {max_bytes:,} bytes, this server's limit "
                "(KG_MAX_RESULT_BYTES): add a LIMIT or select fewer or shorter values"
            )
        if header["status"] != "ok":
            raise SparqlError(header.get("message", "query failed"))
        return _CONTENT_TYPE[header["format"]], body

    def close(self) -> None:
        with self._lock:
            self._stop()
            if self._snapshot is not None:
                self._snapshot.path.unlink(missing_ok=True)
                self._snapshot = None
            with contextlib.suppress(OSError):
                os.rmdir(self._dir)


_ENGINE: SparqlEngine | None = None
_ENGINE_LOCK = threading.Lock()


def engine() -> SparqlEngine:
    """The process-wide engine (one snapshot and worker per server process)."""
    global _ENGINE
    with _ENGINE_LOCK:
        if _ENGINE is None:
            _ENGINE = SparqlEngine()
            atexit.register(_ENGINE.close)  # stop the worker, remove the snapshot
        return _ENGINE


def run_query(
    store: Store,
    query: str,
    timeout_s: float = 10.0,
    *,
    accept: str | None = None,
    base: str | None = None,
    max_bytes: int | None = None,
) -> tuple[str, bytes]:
    """Answer a SPARQL SELECT/ASK/CONSTRUCT/DESCRIBE over the store: (content type, body).

    Raises SparqlError (client's fault, 400; SparqlTooLarge when the answer passes
    `max_bytes`) or SparqlTimeout (time limit, 503). `base` and `max_bytes` default to the
    settings (KG_RDF_BASE, KG_MAX_RESULT_BYTES).
    """
    if base is None or max_bytes is None:
        from kg.config import Settings

        settings = Settings.load()
        base = settings.rdf_base if base is None else base
        max_bytes = settings.max_result_bytes if max_bytes is None else max_bytes
    return engine().run(store, query, base, timeout_s, accept, max_bytes)
