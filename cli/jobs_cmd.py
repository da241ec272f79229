"""`kg jobs`: the ingest job log (ingest/jobs.py), newest first, from the CLI and the web."""

from __future__ import annotations

import json

import click

from cli._common import load_settings


@click.command("jobs")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@click.option("--limit", type=click.IntRange(1, 10_000), default=20, show_default=True)
@click.argument("job_id", required=False)
def jobs_cmd(fmt: str, limit: int, job_id: str | None) -> None:
    """List recent ingest jobs, or show JOB_ID in full (inputs, counts, errors)."""
    from ingest.jobs import JobLog

    settings = load_settings()
    try:
        log = JobLog(settings.data_dir)
    except RuntimeError as exc:
        raise click.ClickException(str(exc)) from None
    if job_id:
        record = log.get(job_id)
        if record is None:
            raise click.ClickException(f"no ingest job {job_id!r} in {log.path}")
        records = [record]
    else:
        records = log.recent(limit)
    if fmt == "json":
        data = [r.to_dict() for r in records]
        click.echo(json.dumps(data[0] if job_id else data, ensure_ascii=False, indent=2))
        return
    if not records:
        click.echo(f"no ingest jobs yet ({log.path})")
        return
    click.echo(
        f"{'id':<16}  {'status':<11} {'origin':<6} {'started':<25} {'articles':>8} "
        f"{'events':>7} {'errors':>6}  inputs"
    )
    for r in records:
        inputs = ", ".join(r.inputs)
        click.echo(
            f"{r.id:<16}  {r.status:<11} {r.origin:<6} {r.started or '-':<25} {r.articles:>8} "
            f"{r.events:>7} {len(r.errors):>6}  {inputs[:60]}"
        )
    if job_id:
        for err in records[0].errors:
            click.echo(f"error: {err}")


COMMANDS: list[click.Command] = [jobs_cmd]
