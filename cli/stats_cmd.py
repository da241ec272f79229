"""`kg stats`: node counts per label and relationship counts per type of the configured store."""

from __future__ import annotations

import json

import click

from cli._common import store_from_context


@click.command()
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
def stats(fmt: str) -> None:
    """Count nodes per label and relationships per type in the configured store; labels the
    store derives for speed (Neo4j's Tally) are listed too, marked derived."""
    from kg.stores import DERIVED_LABELS

    with store_from_context() as store:
        counts = store.counts()
        derived = store.derived_counts()
        backend = store.backend
    if fmt == "json":
        click.echo(json.dumps({"backend": backend, **counts, "derived": derived}, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{backend} store")
    table.add_column("kind")
    table.add_column("name")
    table.add_column("count", justify="right")
    for label, n in counts["nodes"].items():
        table.add_row("node", label, str(n))
    for label, n in derived.items():
        kind = "node (derived)" if label in DERIVED_LABELS else "node (other)"
        table.add_row(kind, label, str(n))
    for rel, n in counts["relationships"].items():
        table.add_row("relationship", rel, str(n))
    Console().print(table)


COMMANDS = [stats]
