"""Abuse limits: a cap on heavy queries running at once, and a back-off on wrong tokens.

Both answer 429 with Retry-After rather than queueing: a waiting request would hold one of the
server's few worker threads (waitress runs 8), which is how ten slow SPARQL queries used to
stall the home page for half a minute.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager


class TooBusy(Exception):
    """A request was turned away (429); `retry_after` is whole seconds for the header."""

    def __init__(self, message: str, retry_after: float):
        super().__init__(message)
        self.retry_after = max(1, math.ceil(retry_after))


class QuerySlots:
    """At most `size` SPARQL/Cypher queries run at once in this process; the others are
    refused at once (never queued)."""

    def __init__(self, size: int):
        self.size = size
        self._sem = threading.BoundedSemaphore(size)

    @contextmanager
    def slot(self, kind: str, time_limit_s: float) -> Iterator[None]:
        if not self._sem.acquire(blocking=False):
            raise TooBusy(
                f"too many queries are running ({self.size} at once is this server's limit, "
                f"KG_MAX_CONCURRENT_QUERIES): try the {kind} query again in a few seconds",
                time_limit_s,  # by then every running query has finished or been stopped
            )
        try:
            yield
        finally:
            self._sem.release()


class TokenBackoff:
    """Per-client back-off on wrong tokens (sign-in form and bearer tokens): the first
    FREE_FAILURES wrong tries cost nothing, each later one locks the client out for twice as
    long as the one before (1 s, 2 s, 4 s ... up to MAX_DELAY_S). While locked out every try is
    refused unchecked, so the right token cannot be found by guessing faster. A right token
    clears the record; a client quiet for FORGET_AFTER_S is forgotten."""

    FREE_FAILURES = 3
    FIRST_DELAY_S = 1.0
    MAX_DELAY_S = 300.0
    FORGET_AFTER_S = 3600.0
    MAX_CLIENTS = 10_000

    def __init__(self, clock: Callable[[], float] = time.monotonic):
        self.clock = clock
        self._lock = threading.Lock()
        self._clients: dict[str, tuple[int, float, float]] = {}  # failures, last, locked until

    def check(self, client: str) -> None:
        """Raise TooBusy while `client` is locked out."""
        with self._lock:
            record = self._clients.get(client)
        if record is None:
            return
        wait = record[2] - self.clock()
        if wait > 0:
            raise TooBusy(
                f"too many wrong tokens from this address: wait {math.ceil(wait)} s before "
                "trying again",
                wait,
            )

    def failed(self, client: str) -> None:
        now = self.clock()
        with self._lock:
            failures, last, _ = self._clients.get(client, (0, now, now))
            if now - last > self.FORGET_AFTER_S:
                failures = 0
            failures += 1
            extra = failures - self.FREE_FAILURES
            delay = (
                0.0 if extra <= 0 else min(self.FIRST_DELAY_S * 2 ** (extra - 1), self.MAX_DELAY_S)
            )
            self._clients[client] = (failures, now, now + delay)
            if len(self._clients) > self.MAX_CLIENTS:
                self._prune(now)

    def succeeded(self, client: str) -> None:
        with self._lock:
            self._clients.pop(client, None)

    def _prune(self, now: float) -> None:
        quiet = [
            c
            for c, (_, last, until) in self._clients.items()
            if now - last > self.FORGET_AFTER_S and until <= now
        ]
        for c in quiet:
            del self._clients[c]
        if len(self._clients) > self.MAX_CLIENTS:  # still full: keep the most recent half
            by_age = sorted(self._clients, key=lambda c: self._clients[c][1])
            for c in by_age[: len(by_age) // 2]:
                del self._clients[c]
