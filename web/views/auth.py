"""Sign in with the read token (only needed when KG_READ_TOKEN is set)."""

from __future__ import annotations

from flask import Blueprint, abort, redirect, render_template, request, session, url_for
from flask.typing import ResponseReturnValue

from web._app import check_csrf, get_settings, token_attempt
from web._limits import TooBusy

bp = Blueprint("auth", __name__)


@bp.route("/login", methods=["GET", "POST"])
def login() -> ResponseReturnValue:
    error = None
    if request.method == "POST":
        if not check_csrf():
            abort(400, description="the form's CSRF token is missing or stale: reload the page")
        settings = get_settings()
        try:
            if token_attempt(request.form.get("token"), settings.read_token, settings.write_token):
                session["reader"] = True
                return redirect(url_for("home.index"), code=303)
        except TooBusy as exc:
            page = render_template("login.html", error=str(exc))
            return page, 429, {"Retry-After": str(exc.retry_after)}
        error = "That token is not valid."
    return render_template("login.html", error=error), (401 if error else 200)


@bp.route("/logout", methods=["POST"])
def logout() -> ResponseReturnValue:
    if not check_csrf():
        abort(400, description="the form's CSRF token is missing or stale: reload the page")
    session.clear()
    return redirect(url_for("auth.login"), code=303)
