"""Browser fixtures: the app on a live loopback server (a thread), headless Debian Chromium
driven by Playwright (never `playwright install`: the system browser is used)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from kg.config import Settings
from web import create_app

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium (.ci/run does)", False)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def live_server(tmp_path):
    """Start the app for a store on a free loopback port; returns a function(store) -> URL
    (its `apps` lists the apps started, for tests that read the routes)."""
    servers = []

    def start(store, **settings):
        app = create_app(Settings(data_dir=tmp_path, **settings), store)
        server = make_server("127.0.0.1", 0, app, threaded=True)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        servers.append((server, thread))
        start.apps.append(app)
        return f"http://127.0.0.1:{server.server_port}"

    start.apps = []
    yield start
    for server, thread in servers:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1360, "height": 900})
    pg = context.new_page()
    yield pg
    context.close()


@pytest.fixture
def demo_store(store):
    """The bundled demo corpus (12 articles) ingested into the store, as `kg demo` does."""
    from cli.web_cmd import demo_corpus
    from ingest.pipeline import ingest_paths

    summary = ingest_paths([demo_corpus()], store, progress=False)
    assert summary.articles == 12 and summary.events > 40, summary
    return store
