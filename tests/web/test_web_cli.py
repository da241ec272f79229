"""`kg demo` builds a populated store from the bundled corpus; `kg serve` answers over HTTP."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request

from click.testing import CliRunner

from cli.main import kg
from kg.stores import EmbeddedStore
from queries import for_store


def test_demo_builds_a_populated_store(tmp_path):
    target = tmp_path / "demo"
    result = CliRunner().invoke(kg, ["demo", "--no-serve", "--data-dir", str(target)])
    assert result.exit_code == 0, result.output
    assert "Demo store: 12 articles" in result.output
    store = EmbeddedStore(target)
    try:
        q = for_store(store)
        rel = q.relationship("MEX", "USA")
        assert rel.total >= 2
        roots = {r["root"] for r in rel.a_to_b.by_root}
        assert "12" in roots  # Sheinbaum's rejection of the troop offer
        assert {d.a.id for d in q.top_dyads(20)} >= {"CHN", "IRN", "MEX"}
    finally:
        store.close()
    again = CliRunner().invoke(kg, ["demo", "--no-serve", "--data-dir", str(target)])
    assert "Demo store: 12 articles" in again.output  # rebuilt fresh, not doubled


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_answers_on_loopback(tmp_path):
    port = _free_port()
    env = {**os.environ, "KG_STORE": "embedded", "KG_DATA_DIR": str(tmp_path)}
    env.pop("NEO4J_URI", None)
    proc = subprocess.Popen(
        [sys.executable, "-c", "from cli.main import main; main()", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.time() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as r:
                    assert json.load(r) == {"status": "ok", "backend": "embedded"}
                    break
            except OSError:
                if time.time() > deadline or proc.poll() is not None:
                    out = proc.stdout.read().decode() if proc.stdout else ""
                    raise AssertionError(out) from None
                time.sleep(0.3)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as r:
            assert "Busiest relationships" in r.read().decode()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        if proc.stdout:
            proc.stdout.close()


def test_demo_stopped_by_sigterm_removes_its_temporary_store(tmp_path):
    """A real process: build the demo in a temp dir, serve, SIGTERM, the temp dir is gone."""
    import signal

    port = _free_port()
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    env = {**os.environ, "TMPDIR": str(tmp), "KG_STORE": "embedded", "HOME": str(tmp_path)}
    for name in ("KG_DATA_DIR", "NEO4J_URI"):
        env.pop(name, None)
    proc = subprocess.Popen(
        [sys.executable, "-c", "from cli.main import main; main()", "demo", "--port", str(port)],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.time() + 240
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):
                    break
            except OSError:
                if time.time() > deadline or proc.poll() is not None:
                    out = proc.stdout.read().decode() if proc.stdout else ""
                    raise AssertionError(out) from None
                time.sleep(0.5)
        made = [p.name for p in tmp.iterdir()]
        assert len(made) == 1 and made[0].startswith("kg-demo-")  # the store is there
        assert (tmp / made[0] / "store").is_dir()
        proc.send_signal(signal.SIGTERM)
        # waitress ends its loop on the SystemExit the handler raises: a clean stop, status 0
        assert proc.wait(timeout=30) == 0
        assert list(tmp.iterdir()) == []
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)
        if proc.stdout:
            proc.stdout.close()
