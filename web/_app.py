"""The Flask application factory: settings, store, tokens, CSRF, error pages, blueprints."""

from __future__ import annotations

import hmac
import os
import secrets
from typing import Any
from urllib.parse import urlencode

from flask import (
    Flask,
    current_app,
    g,
    jsonify,
    make_response,
    render_template,
    request,
    session,
    url_for,
)
from markupsafe import Markup
from werkzeug.exceptions import HTTPException
from werkzeug.routing import BaseConverter

from ingest._documents import is_web_url
from kg.config import Settings
from kg.stores import Store, StoreError, open_store
from queries import QUAD_LABELS, NotFound, Queries, QueryError, for_store, segments
from web._analytics import AnalyticsCache
from web._format import wanted_format
from web._limits import QuerySlots, TokenBackoff, TooBusy


class RefConverter(BaseConverter):
    """Actor ids, ISO3 codes, names ("United States", "U.S."), event and job ids: anything but
    a slash, and no dot before a format suffix, so `.json` (and RDF) twins parse cleanly."""

    regex = r"(?:[^/.]|\.(?!(?:json|csv|ttl|nt|jsonld|rdf|trig)$))+"


# Paths that never need the read token (the page that asks for it, and static assets).
_OPEN_ENDPOINTS = {"static", "auth.login", "api.health"}


def tokens_match(given: str | None, expected: str) -> bool:
    """Constant-time comparison; an unset expected token never matches."""
    if not expected or not given:
        return False
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def bearer_token() -> str | None:
    header = request.headers.get("Authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip()
    return None


def get_queries() -> Queries:
    queries: Queries = current_app.extensions["kg"]["queries"]
    return queries


def get_store() -> Store:
    store: Store = current_app.extensions["kg"]["store"]
    return store


def get_analytics() -> AnalyticsCache:
    analytics: AnalyticsCache = current_app.extensions["kg"]["analytics"]
    return analytics


def get_settings() -> Settings:
    settings: Settings = current_app.extensions["kg"]["settings"]
    return settings


def query_slot(kind: str, time_limit_s: float) -> Any:
    """Context manager holding one of the app's query slots; raises TooBusy (429) when all
    are taken."""
    return current_app.extensions["kg"]["query_slots"].slot(kind, time_limit_s)


def token_attempt(given: str | None, *expected: str) -> bool:
    """Whether `given` matches one of `expected`, under the per-client back-off: raises
    TooBusy while this client is locked out, and a wrong token counts against it."""
    backoff: TokenBackoff = current_app.extensions["kg"]["token_backoff"]
    client = request.remote_addr or "unknown"
    backoff.check(client)
    if any(tokens_match(given, e) for e in expected):
        backoff.succeeded(client)
        return True
    backoff.failed(client)
    return False


def csrf_token() -> str:
    """The session's CSRF token, created on first use (forms embed it as a hidden field)."""
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(32)
    token: str = session["csrf"]
    return token


def check_csrf() -> bool:
    expected = session.get("csrf")
    return isinstance(expected, str) and tokens_match(request.form.get("csrf_token"), expected)


def create_app(settings: Settings | None = None, store: Store | None = None) -> Flask:
    """Build the app. Without `store`, the one the settings name is opened (and closed with
    the app's process); tests pass their own store and settings."""
    settings = settings or Settings.load()
    app = Flask(__name__)
    app.config.update(
        SECRET_KEY=os.environ.get("KG_SECRET_KEY") or secrets.token_hex(32),
        MAX_CONTENT_LENGTH=settings.max_input_bytes,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        JSON_SORT_KEYS=False,
    )
    app.json.sort_keys = False  # type: ignore[attr-defined]
    owns_store = store is None
    if store is None:
        try:
            store = open_store(settings)
        except StoreError as exc:
            raise RuntimeError(f"web: cannot open the store: {exc}") from exc
    analytics = AnalyticsCache(store)
    app.extensions["kg"] = {
        "settings": settings,
        "store": store,
        "queries": for_store(store),
        "jobs": {},
        "analytics": analytics,
        "query_slots": QuerySlots(settings.max_concurrent_queries),
        "token_backoff": TokenBackoff(),
    }
    if owns_store:  # a server, not a test: start computing before the first page asks
        analytics.snapshot()

    app.url_map.converters["ref"] = RefConverter
    from web.views import BLUEPRINTS

    for bp in BLUEPRINTS:
        app.register_blueprint(bp)

    @app.before_request
    def _read_guard() -> Any:
        expected = settings.read_token
        if not expected or request.endpoint in _OPEN_ENDPOINTS:
            return None
        given = bearer_token() or request.args.get("token")
        if given:
            # the write token also reads, but only from the header (never in a URL)
            accepted = (expected, settings.write_token) if bearer_token() else (expected,)
            if token_attempt(given, *accepted):
                if tokens_match(given, expected):
                    session["reader"] = True
                return None
        if session.get("reader"):
            return None
        return _error(
            401,
            "this server needs the read token (KG_READ_TOKEN): send "
            "'Authorization: Bearer <token>' or sign in at /login",
        )

    @app.after_request
    def _headers(resp: Any) -> Any:
        resp.headers.setdefault("X-Content-Type-Options", "nosniff")
        resp.headers.setdefault("X-Frame-Options", "DENY")
        resp.headers.setdefault("Referrer-Policy", "same-origin")
        resp.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
            " object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
        )
        return resp

    @app.errorhandler(NotFound)
    def _not_found(exc: NotFound) -> Any:
        return _error(404, str(exc), _did_you_mean(exc))

    @app.errorhandler(QueryError)
    def _bad_query(exc: QueryError) -> Any:
        return _error(400, str(exc))

    @app.errorhandler(TooBusy)
    def _too_busy(exc: TooBusy) -> Any:
        resp = make_response(_error(429, str(exc)))
        resp.headers["Retry-After"] = str(exc.retry_after)
        return resp

    @app.errorhandler(StoreError)
    def _store_error(exc: StoreError) -> Any:
        return _error(503, f"the graph store is unavailable: {exc}")

    @app.errorhandler(HTTPException)
    def _http(exc: HTTPException) -> Any:
        return _error(exc.code or 500, exc.description or exc.name)

    app.jinja_env.globals.update(
        QUAD_LABELS=QUAD_LABELS,
        csrf_token=csrf_token,
        segments=segments,
        backend=lambda: get_queries().backend,
        with_args=_with_args,
    )
    app.jinja_env.tests["web_url"] = is_web_url  # only these become links (never javascript:)
    app.jinja_env.filters["quad_class"] = lambda q: f"q{q}"
    app.jinja_env.filters["signed"] = lambda x: "–" if x is None else f"{x:+.2f}"
    app.jinja_env.filters["svg"] = lambda s: Markup(s)  # our own markup, values escaped inside
    return app


def _with_args(**changes: Any) -> str:
    """The current URL's query string with some arguments changed (for filter/format links)."""
    args = {k: v for k, v in request.args.items()}
    for key, value in changes.items():
        if value is None:
            args.pop(key, None)
        else:
            args[key] = value
    return ("?" + urlencode(args)) if args else ""


def _did_you_mean(exc: NotFound) -> list[dict[str, Any]] | None:
    """For a name that is not (only) one actor: each close match with the URL of this same
    page for it (the name swapped for the match's id in the path or the query)."""
    if exc.ref is None:
        return None
    view_args = dict(request.view_args or {})
    args = request.args.to_dict(flat=False)
    path_key = next((k for k, v in view_args.items() if v == exc.ref), None)
    arg_key = next((k for k, v in args.items() if v == [exc.ref]), None)
    out = []
    for hit in exc.suggestions:
        if path_key is not None:
            url = url_for(request.endpoint, **{**view_args, path_key: hit.id}, **args)  # type: ignore[arg-type]
        elif arg_key is not None:
            url = url_for(request.endpoint, **view_args, **{**args, arg_key: [hit.id]})  # type: ignore[arg-type]
        else:
            url = url_for("actors.actor", ref=hit.id)
        out.append({**hit.to_dict(), "url": url})
    return out


def _error(code: int, message: str, suggestions: list[dict[str, Any]] | None = None) -> Any:
    fmt = request.view_args.get("fmt") if request.view_args else None
    # RDF downloads answer errors in JSON too (a client asked for data, not a page).
    as_json = request.path.endswith(".json") or request.blueprint == "rdf"
    kind = "json" if as_json else wanted_format(fmt)
    if kind in ("json", "csv"):
        body: dict[str, Any] = {"error": message, "status": code}
        if suggestions is not None:
            body["suggestions"] = suggestions
        resp = jsonify(body)
        resp.status_code = code
        return resp
    g.error = message
    return (
        render_template("error.html", code=code, message=message, suggestions=suggestions),
        code,
    )
