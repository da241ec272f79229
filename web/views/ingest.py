"""Ingest: paste text or upload files. Needs the write token; forms carry a CSRF token."""

from __future__ import annotations

import re
import tempfile
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from flask import Blueprint, abort, current_app, jsonify, redirect, request, url_for
from flask.typing import ResponseReturnValue
from werkzeug.utils import secure_filename

from ingest._documents import LoadError, check_article_url
from queries import QueryError
from web._app import bearer_token, check_csrf, get_settings, get_store, token_attempt
from web._format import add_routes, respond, wanted_format
from web._jobs import Job, JobRunner, PastedText

bp = Blueprint("ingest", __name__)
JOB_COLUMNS = ["id", "status", "created", "finished", "articles", "events", "inputs", "errors"]


def runner() -> JobRunner:
    ext = current_app.extensions["kg"]
    if "runner" not in ext:
        from ingest.jobs import JobLog  # the persistent job log shared with `kg ingest`

        ext["runner"] = JobRunner(get_store(), JobLog(get_settings().data_dir))
    jobs: JobRunner = ext["runner"]
    return jobs


def _authorise() -> None:
    """The write token (Bearer header, or the form's token field plus a valid CSRF token)."""
    expected = get_settings().write_token
    if not expected:
        abort(403, description="writes are disabled on this server: set KG_WRITE_TOKEN")
    header = bearer_token()
    if header is not None:
        if not token_attempt(header, expected):
            abort(403, description="the write token is wrong")
        return  # API clients: no cookies involved, so no CSRF to guard against
    if not check_csrf():
        abort(400, description="the form's CSRF token is missing or stale: reload the page")
    if not token_attempt(request.form.get("token"), expected):
        abort(403, description="the write token is wrong")


# An absolute server path (not the path part of a URL): what precedes it is not a host name,
# a scheme or another path segment.
_ABS_PATH = re.compile(r"(?<![\w.:/~-])/[^\s'\"]*")


def public_text(text: str) -> str:
    """Text for an answer anyone may read: absolute server paths cut to their last part, so
    the job list does not map the server's disks (`kg jobs` on the server shows them whole)."""

    def last_part(m: re.Match[str]) -> str:
        path = m.group(0)
        name = path.rstrip("/").rsplit("/", 1)[-1]
        return name + "/" if name and path.endswith("/") else name or "/"

    return _ABS_PATH.sub(last_part, text)


def _public(job: Job) -> Job:
    return replace(
        job,
        inputs=[public_text(i) for i in job.inputs],
        errors=[public_text(e) for e in job.errors],
    )


def ingest_page(fmt: str | None = None) -> ResponseReturnValue:
    if request.method == "POST":
        return _submit()
    jobs = [_public(j) for j in runner().recent()]
    rows = [j.to_dict() for j in jobs]
    data = {"writes_enabled": bool(get_settings().write_token), "jobs": rows}
    return respond(fmt, "ingest.html", data, (rows, JOB_COLUMNS, "jobs"), jobs=jobs)


def _submit() -> ResponseReturnValue:
    _authorise()
    form = request.form
    published = (form.get("published") or "").strip() or None
    if published:
        try:
            datetime.fromisoformat(published)
        except ValueError:
            raise QueryError(
                f"published must be an ISO date like 2025-05-04, got {published!r}"
            ) from None
    url = (form.get("url") or "").strip() or None
    try:
        check_article_url(url, "url")
    except LoadError as exc:
        raise QueryError(str(exc)) from None
    pasted = []
    text = form.get("text") or ""
    if text.strip():
        pasted.append(
            PastedText(
                text,
                url,
                (form.get("title") or "").strip() or None,
                (form.get("outlet") or "").strip() or None,
            )
        )
    files = [f for f in request.files.getlist("files") if f and f.filename]
    files_dir, names = None, []
    if files:
        files_dir = Path(tempfile.mkdtemp(prefix="kg-upload-"))
        for i, upload in enumerate(files):
            name = secure_filename(upload.filename or "") or f"upload-{i}.txt"
            target = files_dir / f"{i:03d}-{name}"
            upload.save(target)
            names.append(upload.filename or name)
    if not pasted and not files:
        raise QueryError("nothing to ingest: paste some text or choose files")
    job = runner().submit(pasted, files_dir, names, published)
    location = url_for("ingest.job", job_id=job.id)
    if wanted_format(None) == "json" or bearer_token() is not None:
        resp = jsonify(job.to_dict())
        resp.status_code = 202
        resp.headers["Location"] = location
        return resp
    return redirect(location, code=303)


def job(job_id: str, fmt: str | None = None) -> ResponseReturnValue:
    found = runner().get(job_id)
    if found is None:
        abort(404, description=f"no ingest job {job_id!r} (see `kg jobs`)")
    found = _public(found)
    return respond(fmt, "job.html", found.to_dict(), None, job=found)


add_routes(bp, "/ingest", ingest_page, methods=["GET", "POST"])
add_routes(bp, "/ingest/jobs/<ref:job_id>", job)
