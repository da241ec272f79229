"""RDF downloads: the whole graph, an actor's (or country's) events, a dyad's events.

The export is kg.rdf's streaming writer, run in a worker thread that writes into a bounded
queue; the response body is read from that queue, so a large graph is sent as it is written and
never held in memory. A download that the client abandons stops the writer at its next chunk.
"""

from __future__ import annotations

import io
import logging
import queue
import re
import threading
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO, cast

from flask import Blueprint, Response, request

from kg.model import Event
from kg.rdf import EXTENSIONS, FORMATS, MEDIA_TYPES, export_rdf
from kg.stores import Store
from queries import QueryError
from web._analytics import close_thread_connection
from web._app import get_queries, get_settings, get_store

bp = Blueprint("rdf", __name__)
log = logging.getLogger(__name__)

BY_EXTENSION = {ext: fmt for fmt, ext in EXTENSIONS.items()}  # ttl -> turtle, rdf -> xml
EXT_RULE = "<any(" + ", ".join(sorted(BY_EXTENSION)) + "):ext>"
CHUNK = 64 * 1024
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DONE = object()


class _Cancelled(Exception):
    """The client went away; the writer thread stops."""


class _QueueWriter(io.BufferedIOBase):
    """A write-only binary file that hands CHUNK-sized pieces to a bounded queue."""

    def __init__(self, q: queue.Queue[object], cancelled: threading.Event):
        super().__init__()
        self._q, self._cancelled, self._buf = q, cancelled, bytearray()

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        data = bytes(data)
        self._buf += data
        if len(self._buf) >= CHUNK:
            self.send()
        return len(data)

    def send(self) -> None:
        if not self._buf:
            return
        piece, self._buf = bytes(self._buf), bytearray()
        while True:
            if self._cancelled.is_set():
                raise _Cancelled
            try:
                self._q.put(piece, timeout=0.5)
                return
            except queue.Full:
                continue


def _stream(store: Store, write: Callable[[BinaryIO], Any]) -> Iterator[bytes]:
    """Run `write(file)` in a thread; yield what it writes. The first chunk is fetched before
    the response starts, so a writer that fails at once still gives an error status; a failure
    later ends the body early (the server drops the connection, the client sees it cut)."""
    q: queue.Queue[object] = queue.Queue(maxsize=8)
    cancelled = threading.Event()

    def run() -> None:
        out = _QueueWriter(q, cancelled)
        try:
            write(cast(BinaryIO, out))  # a write-only binary file
            out.send()
            q.put(_DONE)
        except _Cancelled:
            pass
        except Exception as exc:  # noqa: BLE001 - handed to the response side
            q.put(exc)
        finally:
            close_thread_connection(store)

    threading.Thread(target=run, name="kg-rdf-download", daemon=True).start()
    first = q.get()
    if isinstance(first, BaseException):
        cancelled.set()
        raise first

    def body() -> Iterator[bytes]:
        item = first
        try:
            while item is not _DONE:
                if isinstance(item, BaseException):
                    log.error("RDF download failed part way: %s", item)
                    raise item
                assert isinstance(item, bytes)
                yield item
                item = q.get()
        finally:
            cancelled.set()

    return body()


class _DyadStore:
    """The store seen through a dyad: only events from one side to the other (both ways)."""

    def __init__(self, store: Store, a_ids: frozenset[str], b_ids: frozenset[str]):
        self._store, self._a, self._b = store, a_ids, b_ids

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    def iter_events(
        self,
        batch_size: int = 1000,
        since: str | None = None,
        until: str | None = None,
        actor_ids: frozenset[str] | None = None,
    ) -> Iterator[list[Event]]:
        a, b = self._a, self._b
        for batch in self._store.iter_events(batch_size, since, until, a | b):
            kept = [
                e
                for e in batch
                if (e.source_id in a and e.target_id in b)
                or (e.source_id in b and e.target_id in a)
            ]
            if kept:
                yield kept


def _format(ext: str | None) -> str:
    if ext is not None:
        return BY_EXTENSION[ext]
    raw = (request.args.get("format") or "turtle").strip().lower()
    fmt = BY_EXTENSION.get(raw, raw)
    if fmt not in FORMATS:
        raise QueryError(
            f"format must be one of {', '.join(FORMATS)} (or {', '.join(BY_EXTENSION)}), "
            f"got {raw!r}"
        )
    return fmt


def _dates() -> tuple[str | None, str | None]:
    out = []
    for names in (("from", "since"), ("to", "until")):
        value = next((request.args[n] for n in names if request.args.get(n)), None)
        if value is not None and not _DATE.match(value):
            raise QueryError(f"{names[0]} must be a date YYYY-MM-DD, got {value!r}")
        out.append(value)
    return out[0], out[1]


def _actor_ids(ref: str) -> tuple[str, frozenset[str]]:
    """A reference's actor ids: the actor, or every actor of the country."""
    r = get_queries().resolve(ref)
    if r.kind == "actor":
        return r.id, frozenset({r.id})
    ids = {a.id for batch in get_store().iter_actors(2000) for a in batch if a.country == r.id}
    return r.id, frozenset(ids)


def _download(
    name: str,
    fmt: str,
    store: Any,
    actor_ids: frozenset[str] | None = None,
) -> Response:
    since, until = _dates()
    base = get_settings().rdf_base
    # The header (vocabulary, CAMEO/PLOVER schemes) is sent before the store is read, so check
    # the store now: one that is down gives a 503, not a 200 with a truncated file.
    ping = getattr(get_store(), "ping", None)
    if callable(ping):
        ping()
    else:
        get_store().counts()

    def write(out: BinaryIO) -> None:
        export_rdf(store, out, fmt, base=base, since=since, until=until, actor_ids=actor_ids)

    resp = Response(_stream(get_store(), write), mimetype=MEDIA_TYPES[fmt])
    if MEDIA_TYPES[fmt].startswith("text/"):
        resp.headers["Content-Type"] = f"{MEDIA_TYPES[fmt]}; charset=utf-8"
    resp.headers["Content-Disposition"] = f'attachment; filename="{name}.{EXTENSIONS[fmt]}"'
    return resp


@bp.route("/export")
@bp.route(f"/export.{EXT_RULE}")
def export_all(ext: str | None = None) -> Response:
    return _download("diplomacy-kg", _format(ext), get_store())


@bp.route(f"/actors/<ref:ref>.{EXT_RULE}")
def export_actor(ref: str, ext: str) -> Response:
    rid, ids = _actor_ids(ref)
    return _download(f"actor-{rid}", _format(ext), get_store(), ids)


@bp.route(f"/relationship/<ref:a>/<ref:b>.{EXT_RULE}")
def export_dyad(a: str, b: str, ext: str) -> Response:
    aid, a_ids = _actor_ids(a)
    bid, b_ids = _actor_ids(b)
    view = _DyadStore(get_store(), a_ids, b_ids)
    return _download(f"relationship-{aid}-{bid}", _format(ext), view, a_ids | b_ids)
