"""Neo4j unreachable, crashing mid-article, or restarting during an ingest.

Runs its own throw-away Neo4j (port KG_TEST_OUTAGE_BOLT_PORT, default 7696) so it can kill and
restart it without touching the suite's shared server. Guarantees proven here:
  * an unreachable server gives a clear StoreError after bounded retries, in seconds;
  * a server killed (SIGKILL) inside an article's transaction leaves no part of that article;
  * a server restarted during an ingest is waited for (retries with exponential back-off)
    and the ingest ends exactly as an uninterrupted one.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from reliability_helpers import CORPUS, canonical_dump

from ingest._merge import write_batch
from ingest.pipeline import extract_paths, ingest_paths
from kg.config import ConfigError, Settings
from kg.neo4jlocal import (
    Instance,
    default_home,
    is_installed,
    port_in_use,
    running_pid,
)
from kg.stores import StoreError, open_store
from kg.stores._neo4j import Neo4jStore

REPO = Path(__file__).resolve().parents[2]
FILES = sorted(CORPUS.glob("*.txt"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_unreachable_server_fails_fast_with_a_clear_error():
    uri = f"bolt://127.0.0.1:{_free_port()}"
    began = time.monotonic()
    with pytest.raises(StoreError) as caught:
        Neo4jStore(uri, attempts=3, backoff=0.2)
    elapsed = time.monotonic() - began
    assert elapsed < 15, elapsed
    message = str(caught.value)
    assert uri in message and "unreachable" in message and "3 attempts" in message


def test_retry_budget_comes_from_settings():
    uri = f"bolt://127.0.0.1:{_free_port()}"
    for retries in ("1", "2"):
        settings = Settings.load(env={"NEO4J_URI": uri, "KG_NEO4J_RETRIES": retries})
        with pytest.raises(StoreError, match=rf"\({retries} attempts\)"):
            open_store(settings)
    with pytest.raises(ConfigError, match="neo4j_retries must be at least 1"):
        Settings.load(env={"KG_NEO4J_RETRIES": "0"})


def test_kg_ingest_against_an_unreachable_server_exits_with_the_error(tmp_path: Path):
    uri = f"bolt://127.0.0.1:{_free_port()}"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KG_", "NEO4J_"))}
    env.update(KG_STORE="neo4j", NEO4J_URI=uri, KG_DATA_DIR=str(tmp_path))
    began = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-c", "from cli.main import main; main()", "ingest", "--no-progress"]
        + [str(FILES[0])],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert time.monotonic() - began < 60
    assert proc.returncode == 1
    assert f"Error: neo4j store {uri}: server unreachable" in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.fixture(scope="module")
def own_neo4j(tmp_path_factory):
    home = default_home(REPO)
    if not is_installed(home):
        pytest.fail(f"no Neo4j jars in {home}: run `kg neo4j install`", pytrace=False)
    bolt = int(os.environ.get("KG_TEST_OUTAGE_BOLT_PORT", "7696"))
    http = int(os.environ.get("KG_TEST_OUTAGE_HTTP_PORT", "7486"))
    inst = Instance(home, tmp_path_factory.mktemp("neo4j-outage"), bolt, http)
    _neo4j_cli(inst, "start")
    yield inst
    _neo4j_cli(inst, "stop")


def _neo4j_cli(inst: Instance, action: str) -> None:
    """`kg neo4j start|stop` in a child process (the server is not this process's child)."""
    args = ["--home", str(inst.home), "--data-dir", str(inst.data_dir)]
    args += ["--bolt-port", str(inst.bolt_port)]
    if action == "start":
        args += ["--http-port", str(inst.http_port), "--timeout", "300"]
    proc = subprocess.run(
        [sys.executable, "-c", "from cli.main import main; main()", "neo4j", action, *args],
        capture_output=True,
        text=True,
        timeout=360,
    )
    assert proc.returncode == 0, f"kg neo4j {action}: {proc.stdout}{proc.stderr}"


def _kill(inst: Instance) -> None:
    """SIGKILL the server: no shutdown, open transactions die with it."""
    pid = running_pid(inst)
    assert pid is not None
    os.kill(pid, signal.SIGKILL)
    for _ in range(200):
        if not port_in_use(inst.bolt_port):
            break
        time.sleep(0.05)
    inst.pid_file.unlink(missing_ok=True)


def _batch(path: Path):
    (result,) = list(extract_paths([path]))
    return result.to_batch()


@pytest.mark.neo4j
def test_server_killed_inside_an_article_transaction_leaves_nothing_of_it(own_neo4j):
    store = Neo4jStore(own_neo4j.bolt_uri, attempts=2, backoff=0.2)
    store.clear()
    ingest_paths(FILES[:5], store, progress=False)
    before = canonical_dump(store)
    batch = _batch(FILES[5])
    assert batch.events, "06.txt must yield events for this test to mean anything"

    killed = threading.Event()
    write = store._write

    def dying_write(what, work):
        def run(tx):
            result = work(tx)  # every row of the article sent, nothing committed yet
            if not killed.is_set():
                killed.set()
                _kill(own_neo4j)
            return result

        return write(what, run)

    store._write = dying_write
    began = time.monotonic()
    with pytest.raises(StoreError) as caught:
        write_batch(store, batch)
    assert killed.is_set()
    assert time.monotonic() - began < 60  # bounded retries, then the error
    assert "unreachable" in str(caught.value)
    store.close()

    _neo4j_cli(own_neo4j, "start")
    with Neo4jStore(own_neo4j.bolt_uri) as again:
        assert canonical_dump(again) == before  # not one node or relationship of 06.txt
        assert again.get_article(batch.articles[0].id) is None


@pytest.mark.neo4j
def test_ingest_waits_for_a_restarting_server_and_ends_as_uninterrupted(own_neo4j):
    with Neo4jStore(own_neo4j.bolt_uri) as store:
        store.clear()
        ingest_paths(FILES, store, progress=False)
        reference = canonical_dump(store)
        store.clear()
        ingest_paths(FILES[:8], store, progress=False)

    # A generous budget: 7 waits of 1, 2, 4 ... 64 s cover a restart (about a minute here).
    store = Neo4jStore(own_neo4j.bolt_uri, attempts=8, backoff=1.0)
    _kill(own_neo4j)
    restarter = threading.Thread(target=_neo4j_cli, args=(own_neo4j, "start"))
    restarter.start()
    try:
        summary = ingest_paths(FILES, store, progress=False)  # re-runs 1-8, then the rest
    finally:
        restarter.join()
    assert summary.articles == 20 and not summary.errors
    assert canonical_dump(store) == reference
    store.close()
