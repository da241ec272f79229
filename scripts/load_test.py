#!/usr/bin/env python3
"""Bounded load on the relationship page of a running `kg serve`, from loopback only.

    scripts/load_test.py                         # builds the demo store, serves it, loads it
    scripts/load_test.py --url http://127.0.0.1:5000 --path /relationship/USA/MEX

N client threads (default 32), each with its own keep-alive HTTP/1.1 connection (http.client),
request the page back to back until the time budget or the request budget runs out, whichever
comes first. Prints p50/p95/p99 latency, throughput and errors (non-200 answers and failed
connections) as a Markdown table row for docs/benchmarks.md ("## Web load").
"""

from __future__ import annotations

import argparse
import http.client
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_ready(host: str, port: int, proc: subprocess.Popen, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"kg demo exited with {proc.returncode} before serving")
        try:
            conn = http.client.HTTPConnection(host, port, timeout=2)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"the server on {host}:{port} did not answer within {timeout:.0f} s")


class Counter:
    """The shared request budget and the results, behind one lock."""

    def __init__(self, budget: int, until: float):
        self.budget, self.until = budget, until
        self.lock = threading.Lock()
        self.latencies: list[float] = []
        self.errors: dict[str, int] = {}

    def take(self) -> bool:
        with self.lock:
            if self.budget <= 0 or time.monotonic() >= self.until:
                return False
            self.budget -= 1
            return True

    def record(self, seconds: float | None, error: str | None) -> None:
        with self.lock:
            if error is None and seconds is not None:
                self.latencies.append(seconds)
            else:
                key = error or "unknown"
                self.errors[key] = self.errors.get(key, 0) + 1


def client(host: str, port: int, path: str, counter: Counter, timeout: float) -> None:
    conn: http.client.HTTPConnection | None = None
    while counter.take():
        began = time.perf_counter()
        try:
            if conn is None:
                conn = http.client.HTTPConnection(host, port, timeout=timeout)
            conn.request("GET", path, headers={"Accept": "text/html"})
            resp = conn.getresponse()
            resp.read()
            elapsed = time.perf_counter() - began
            if resp.status == 200:
                counter.record(elapsed, None)
            else:
                counter.record(None, f"HTTP {resp.status}")
            if resp.getheader("Connection", "").lower() == "close":
                conn.close()
                conn = None
        except (OSError, http.client.HTTPException) as exc:
            counter.record(None, type(exc).__name__)
            if conn is not None:
                conn.close()
            conn = None
    if conn is not None:
        conn.close()


def percentile(sorted_values: list[float], q: float) -> float:
    if not sorted_values:
        return float("nan")
    index = min(len(sorted_values) - 1, max(0, round(q / 100 * len(sorted_values) + 0.5) - 1))
    return sorted_values[index]


def run(url: str, path: str, clients: int, seconds: float, requests: int, timeout: float) -> dict:
    parsed = urllib.parse.urlsplit(url)
    host, port = parsed.hostname or "", parsed.port or 80
    if host not in LOOPBACK:
        raise SystemExit(f"refusing to load {host}: this script only targets loopback")
    # One warm-up request: the first page render loads templates and caches.
    conn = http.client.HTTPConnection(host, port, timeout=timeout)
    conn.request("GET", path)
    warm = conn.getresponse()
    warm.read()
    conn.close()
    if warm.status != 200:
        raise SystemExit(f"GET {path} answered {warm.status}; pick a page that exists")
    counter = Counter(requests, time.monotonic() + seconds)
    threads = [
        threading.Thread(target=client, args=(host, port, path, counter, timeout), daemon=True)
        for _ in range(clients)
    ]
    began = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join(seconds + timeout + 5)
    wall = time.perf_counter() - began
    lat = sorted(counter.latencies)
    done = len(lat) + sum(counter.errors.values())
    return {
        "path": path,
        "clients": clients,
        "requests": done,
        "ok": len(lat),
        "errors": dict(counter.errors),
        "seconds": round(wall, 2),
        "rps": round(done / wall, 1) if wall else 0.0,
        "p50_ms": round(percentile(lat, 50) * 1000, 1),
        "p95_ms": round(percentile(lat, 95) * 1000, 1),
        "p99_ms": round(percentile(lat, 99) * 1000, 1),
        "mean_ms": round(statistics.fmean(lat) * 1000, 1) if lat else float("nan"),
        "max_ms": round(lat[-1] * 1000, 1) if lat else float("nan"),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--url", help="A running server (loopback). Default: start `kg demo`.")
    ap.add_argument("--path", default="/relationship/USA/MEX")
    ap.add_argument("--clients", type=int, default=32)
    ap.add_argument("--seconds", type=float, default=30.0, help="Time budget.")
    ap.add_argument("--requests", type=int, default=20_000, help="Request budget.")
    ap.add_argument("--timeout", type=float, default=30.0, help="Per-request timeout (s).")
    args = ap.parse_args()

    proc = None
    url = args.url
    if url is None:
        port = _free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith(("KG_", "NEO4J_"))}
        data = Path(tempfile.mkdtemp(prefix="kg-load-"))
        env["KG_DATA_DIR"] = str(data)
        kg = [sys.executable, "-c", "from cli.main import main; main()"]
        proc = subprocess.Popen(
            [*kg, "demo", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        url = f"http://127.0.0.1:{port}"
        _wait_ready("127.0.0.1", port, proc)
    try:
        result = run(url, args.path, args.clients, args.seconds, args.requests, args.timeout)
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(30)
    errors = sum(result["errors"].values())
    detail = ", ".join(f"{k}: {v}" for k, v in result["errors"].items()) or "none"
    print(
        "| page | clients | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | errors |\n"
        "|---|---|---|---|---|---|---|---|---|\n"
        f"| `{result['path']}` | {result['clients']} | {result['requests']} | {result['rps']} "
        f"| {result['p50_ms']} | {result['p95_ms']} | {result['p99_ms']} | {result['max_ms']} "
        f"| {errors} ({detail}) |"
    )
    print(
        f"\n{result['seconds']} s wall, Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, {platform.machine()}",
        file=sys.stderr,
    )
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
