"""`kg serve` (the analyst web UI) and `kg demo` (a populated UI with one command)."""

from __future__ import annotations

import contextlib
import secrets
import shutil
import signal
import sys
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import replace
from importlib import resources
from pathlib import Path

import click

from cli._common import load_settings
from kg.config import Settings
from kg.stores import EmbeddedStore, Store, StoreError, open_store

WSGI_THREADS = 8


def demo_corpus() -> Path:
    """The demo articles shipped with the web package (written by us; see its README)."""
    return Path(str(resources.files("web").joinpath("demo_corpus", "demo.jsonl")))


@contextlib.contextmanager
def _sigterm_exits() -> Iterator[None]:
    """SIGTERM (kill, docker stop, systemd) exits through `finally` blocks as Ctrl-C does, so
    the store is closed and the demo's temporary store removed. Signals reach the main thread
    only; elsewhere (a test's server thread) nothing changes."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, lambda signum, _frame: sys.exit(128 + signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _serve(settings: Settings, store: Store, host: str, port: int) -> None:
    from web import create_app

    app = create_app(settings, store)
    app.extensions["kg"]["analytics"].snapshot()  # start the network analytics now, in background
    click.echo(f"Serving the {store.backend} store on http://{host}:{port}/  (Ctrl-C stops)")
    if host not in ("127.0.0.1", "localhost", "::1") and not settings.read_token:
        click.echo("warning: listening beyond loopback with open reads (set KG_READ_TOKEN)")
    # waitress, not Flask's development server: about twice the throughput with 32 clients
    # and a bounded thread pool (scripts/load_test.py, docs/benchmarks.md "Web load").
    import waitress

    waitress.serve(app, host=host, port=port, threads=WSGI_THREADS, ident="kg")


@click.command()
@click.option(
    "--host", default=None, help="Interface to listen on [default: KG_HOST or 127.0.0.1]."
)
@click.option("--port", type=int, default=None, help="Port [default: KG_PORT or 5000].")
def serve(host: str | None, port: int | None) -> None:
    """Serve the analyst web UI over the configured store."""
    settings = load_settings()
    try:
        store = open_store(settings)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    try:
        with _sigterm_exits():
            _serve(settings, store, host or settings.host, port or settings.port)
    finally:
        store.close()


def build_demo(data_dir: Path, progress: bool = False) -> tuple[EmbeddedStore, object]:
    """A fresh embedded store in `data_dir` with the demo corpus ingested."""
    from ingest.pipeline import ingest_paths

    if data_dir.exists():
        shutil.rmtree(data_dir)
    store = EmbeddedStore(data_dir)
    summary = ingest_paths([demo_corpus()], store, progress=progress)
    return store, summary


@click.command()
@click.option("--port", type=int, default=None, help="Port [default: KG_PORT or 5000].")
@click.option("--host", default=None, help="Interface [default: KG_HOST or 127.0.0.1].")
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where the demo store goes (replaced) [default: KG_DATA_DIR/demo, else a temp dir].",
)
@click.option("--no-serve", is_flag=True, help="Build the demo store, print its counts, stop.")
def demo(port: int | None, host: str | None, data_dir: Path | None, no_serve: bool) -> None:
    """Ingest the bundled demo articles into a fresh embedded store and serve the UI."""
    settings = load_settings()
    with _sigterm_exits():
        temp = None
        if data_dir is None:
            import os

            if os.environ.get("KG_DATA_DIR"):
                data_dir = settings.data_dir / "demo"
            else:
                temp = Path(tempfile.mkdtemp(prefix="kg-demo-"))
                data_dir = temp / "store"
        try:
            _demo(settings, data_dir, host, port, no_serve)
        finally:
            if temp is not None:
                shutil.rmtree(temp, ignore_errors=True)


def _demo(
    settings: Settings, data_dir: Path, host: str | None, port: int | None, no_serve: bool
) -> None:
    click.echo(f"Building the demo store in {data_dir} (the language model loads first) ...")
    try:
        store, summary = build_demo(data_dir, progress=not no_serve)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    counts = store.counts()["nodes"]
    click.echo(
        f"Demo store: {counts['Article']} articles, {counts['Event']} events, "
        f"{counts['Actor']} actors."
    )
    for error in getattr(summary, "errors", []):
        click.echo(f"  skipped: {error}", err=True)
    try:
        if no_serve:
            return
        token = settings.write_token or secrets.token_urlsafe(12)
        if not settings.write_token:
            click.echo(f"Write token for the /ingest page (this run only): {token}")
        demo_settings = replace(settings, store="embedded", data_dir=data_dir, write_token=token)
        click.echo("Try: /relationship/USA/MEX, /actors/IRN, /timeline?actor=USA&with=CHN")
        _serve(demo_settings, store, host or settings.host, port or settings.port)
    finally:
        store.close()


COMMANDS = [serve, demo]
