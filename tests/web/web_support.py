"""Helpers the web tests share (a module, not conftest, so test directories never clash)."""

from __future__ import annotations

import threading
from contextlib import contextmanager

from kg.config import Settings
from web import create_app

WRITE_TOKEN = "write-secret-token"
READ_TOKEN = "read-secret-token"


def make_app(store, tmp_path, **settings):
    app = create_app(Settings(data_dir=tmp_path, **settings), store)
    app.config["TESTING"] = True
    return app


def load_demo(store):
    """The demo corpus `kg demo` serves, ingested into `store` (a few seconds)."""
    from cli.web_cmd import demo_corpus
    from ingest.pipeline import ingest_paths

    summary = ingest_paths([demo_corpus()], store, progress=False)
    assert summary.events > 20, summary  # the corpus must be there for the tests to mean much
    return store


@contextmanager
def served(app):
    """`app` on 127.0.0.1 under waitress with the thread count `kg serve` uses; yields the base
    URL and stops the server afterwards."""
    import waitress

    from cli.web_cmd import WSGI_THREADS

    server = waitress.create_server(app, host="127.0.0.1", port=0, threads=WSGI_THREADS)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.effective_port}"
    finally:
        server.close()
        thread.join(timeout=30)
