"""`kg export rdf|graphml|gexf|json` and `kg import rdf`: the graph for other tools and back."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import BinaryIO

import click

from cli._common import load_settings, store_from_context


def _check_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"expected a date like 2025-05-04, got {value!r}") from None
    return value


@contextlib.contextmanager
def _output(path: str | None) -> Iterator[BinaryIO]:
    """stdout for None/'-'; else a temporary file renamed into place only when writing succeeds."""
    if path is None or path == "-":
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    target = Path(path)
    if target.parent and not target.parent.is_dir():
        raise click.ClickException(f"{target}: directory {target.parent} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or ".")
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


_since = click.option("--since", callback=_check_date, help="Only events on or after DATE.")
_until = click.option("--until", callback=_check_date, help="Only events on or before DATE.")
_out = click.option("-o", "--output", help="Output file (default: standard output).")


@click.group(name="export")
def export() -> None:
    """Export the graph for other tools: RDF (docs/rdf.md) or GraphML/GEXF/JSON networks."""


@export.command("rdf")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["turtle", "nt", "jsonld", "xml", "trig"]),
    default="turtle",
    show_default=True,
)
@_since
@_until
@click.option("--actor", "actors", multiple=True, help="Only events touching this actor id.")
@_out
@click.option("--base", help="IRI base for this export (default: KG_RDF_BASE).")
@click.option("--batch-size", type=click.IntRange(1), default=2000, show_default=True)
def export_rdf_cmd(
    fmt: str,
    since: str | None,
    until: str | None,
    actors: tuple[str, ...],
    output: str | None,
    base: str | None,
    batch_size: int,
) -> None:
    """Write the graph (or the filtered events and what they touch) as RDF, streaming."""
    from kg.rdf import export_rdf

    settings = load_settings()
    started = time.perf_counter()
    with store_from_context(settings) as store, _output(output) as out:
        try:
            stats = export_rdf(
                store,
                out,
                fmt,
                base=base or settings.rdf_base,
                since=since,
                until=until,
                actor_ids=frozenset(actors) if actors else None,
                batch_size=batch_size,
            )
        except ValueError as exc:
            raise click.ClickException(str(exc)) from None
    click.echo(
        f"{stats.triples} triples ({stats.events} events, {stats.actors} actors,"
        f" {stats.articles} articles) in {time.perf_counter() - started:.1f} s",
        err=True,
    )


_NAMES = {"graphml": "GraphML", "gexf": "GEXF", "json": "node-link JSON"}


def _network_command(fmt: str) -> click.Command:
    @click.option("--level", type=click.Choice(["actor", "country"]), default="actor")
    @_since
    @_until
    @click.option("--root", "roots", multiple=True, help="Only this CAMEO root (repeatable).")
    @click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0)
    @click.option("--include-moded", is_flag=True, help="Keep negated/hypothetical/... events.")
    @click.option("--metrics/--no-metrics", default=True, help="Add PageRank etc. to nodes.")
    @_out
    def command(
        level: str,
        since: str | None,
        until: str | None,
        roots: tuple[str, ...],
        min_confidence: float,
        include_moded: bool,
        metrics: bool,
        output: str | None,
    ) -> None:
        from kg.analytics import GraphFilter, annotate, project, write_graph

        filters = GraphFilter(
            since=since,
            until=until,
            roots=frozenset(r.zfill(2) for r in roots) if roots else None,
            min_confidence=min_confidence,
            include_moded=include_moded,
        )
        with store_from_context() as store:
            graph = project(store, level, filters)
        if metrics:
            graph = annotate(graph)
        with _output(output) as out:
            write_graph(graph, out, fmt)
        click.echo(
            f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges ({level} level)",
            err=True,
        )

    command.__doc__ = (
        f"Write the event network as {_NAMES[fmt]} (one edge per event; see docs/analytics.md)."
    )
    return click.command(fmt)(command)


for _fmt in ("graphml", "gexf", "json"):
    export.add_command(_network_command(_fmt))


@click.group(name="import")
def import_() -> None:
    """Read data written by `kg export` back into the configured store."""


@import_.command("rdf")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["turtle", "nt", "jsonld", "xml", "trig"]),
    help="Default: from the file extension.",
)
@click.option("--replace", is_flag=True, help="Delete everything in the store first.")
@click.option("--batch-size", type=click.IntRange(1), default=1000, show_default=True)
def import_rdf_cmd(file: Path, fmt: str | None, replace: bool, batch_size: int) -> None:
    """Load an RDF export (actors, articles, events with their sentences) into the store."""
    from kg.rdf import RdfImportError, import_rdf

    with store_from_context() as store:
        if replace:
            store.clear()
        try:
            stats = import_rdf(file, store, fmt, batch_size=batch_size)
        except RdfImportError as exc:
            raise click.ClickException(str(exc)) from None
    click.echo(f"imported {stats.actors} actors, {stats.articles} articles, {stats.events} events")


COMMANDS = [export, import_]
