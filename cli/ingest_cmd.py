"""`kg extract` (print events, store nothing) and `kg ingest` (write them to the store)."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from cli._common import load_settings, store_from_context

_published_option = click.option(
    "--published",
    metavar="DATE",
    default=None,
    help="Publication date/time (ISO, e.g. 2025-05-04 or 2025-05-05T06:42+05:30); "
    "overrides the date found in the page.",
)


def _check_published(value: str | None) -> None:
    if value is None:
        return
    from ingest.pipeline import _coerce_published

    try:
        _coerce_published(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--published") from None


TABLE_HEADER = ("date", "source", "target", "CAMEO", "action")


def _actor_cell(actor: dict[str, Any] | None) -> str:
    if not actor:
        return "-"
    return f"{actor['name']} ({actor['country'] or '-'}, {actor['kind']})"


def table_lines(records: list[dict[str, Any]]) -> list[str]:
    """A header and one aligned line per event: the action as the sentence words it
    (`[mode]` after it for negated, hypothetical, future and question readings)."""
    rows = [TABLE_HEADER] + [
        (
            r["date"],
            _actor_cell(r["source"]),
            _actor_cell(r["target"]),
            r["action"]["cameo"],
            r["action"]["text"] + (f" [{r['mode']}]" if r["mode"] else ""),
        )
        for r in records
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(TABLE_HEADER) - 1)]
    return [
        "  ".join([*(cell.ljust(w) for cell, w in zip(row, widths, strict=False)), row[-1]])
        for row in rows
    ]


def _warn_undated(r, published: str | None) -> None:  # type: ignore[no-untyped-def]
    """Say when a page has no publication date and how many acts were left out undated."""
    left_out = f"{r.undated} event(s) left out for lack of a date"
    if r.article.published is None and published is None:
        click.echo(
            f"warning: {r.source}: no publication date found; only acts with a stated year are "
            f"dated, {left_out} (give --published)",
            err=True,
        )
    elif r.undated:
        click.echo(f"note: {r.source}: {left_out} (background periods with no day)", err=True)


@click.command("extract")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "json", "table"]),
    default="jsonl",
    show_default=True,
)
@click.option("--all-modes", is_flag=True, help="Also print negated/hypothetical/future/question.")
@_published_option
def extract_cmd(paths: tuple[str, ...], fmt: str, all_modes: bool, published: str | None) -> None:
    """Print the events found in PATHS (files, folders, URLs) without storing them."""
    from ingest.pipeline import extract_paths

    _check_published(published)
    loaded, failed, records = 0, 0, []
    for r in extract_paths(paths, published=published):
        if not hasattr(r, "records"):
            failed += 1
            click.echo(f"error: {r}", err=True)
            continue
        loaded += 1
        _warn_undated(r, published)
        for rec in r.records:
            if rec["mode"] is not None and not all_modes:
                continue
            if fmt == "jsonl":
                click.echo(json.dumps(rec, ensure_ascii=False))
            else:
                records.append(rec)
    if fmt == "json":
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
    elif fmt == "table":  # the columns are as wide as their widest cell, so it prints at the end
        click.echo("\n".join(table_lines(records)))
    if loaded == 0 and failed:
        sys.exit(1)


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@click.option("--no-progress", is_flag=True, help="No progress bar (for logs).")
@_published_option
def ingest_cmd(paths: tuple[str, ...], no_progress: bool, published: str | None) -> None:
    """Extract events from PATHS and write them to the configured store (idempotent)."""
    from ingest.pipeline import ingest_paths

    _check_published(published)
    settings = load_settings()
    from ingest.jobs import JobLog, TrackedStore  # reliability: every ingest has a job record

    try:
        log = JobLog(settings.data_dir)
    except RuntimeError as exc:
        raise click.ClickException(str(exc)) from None
    with (
        store_from_context(settings) as store,
        log.run("cli", list(paths), settings.backend) as job,
    ):
        before = store.counts()["nodes"]
        tracked = TrackedStore(store, log, job)  # progress saved after each article
        summary = ingest_paths(paths, tracked, published=published, progress=not no_progress)
        job.articles, job.sentences, job.events = (
            summary.articles,
            summary.sentences,
            summary.events,
        )
        job.errors.extend(summary.errors)
        job.added = {k: v - before.get(k, 0) for k, v in store.counts()["nodes"].items()}
    for err in summary.errors:
        click.echo(f"error: {err}", err=True)
    click.echo(
        f"articles: {summary.articles}  sentences: {summary.sentences}  "
        f"events: {summary.events}  errors: {len(summary.errors)}"
        + (f"  left out undated: {summary.undated}" if summary.undated else "")
    )
    if summary.articles == 0 and summary.errors:
        sys.exit(1)


COMMANDS: list[click.Command] = [extract_cmd, ingest_cmd]
