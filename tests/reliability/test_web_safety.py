"""Web safety, checked over the whole URL map (so a new endpoint is covered the day it lands):
writes need the write token (constant-time check, CSRF on forms), reads follow the read-token
setting, article text from a real ingest is escaped, and query text is never built from values.
"""

from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path

import pytest

from ingest._merge import write_batch
from ingest.jobs import JobLog
from ingest.loaders import load_text
from ingest.pipeline import extract_document
from kg.config import Settings
from kg.stores import EmbeddedStore
from web import create_app
from web._app import tokens_match

REPO = Path(__file__).resolve().parents[2]
WRITE, READ = "w-token-for-tests", "r-token-for-tests"
# POST endpoints that only read (the consoles run read-only; login/logout touch the session).
READ_ONLY_POSTS = {"cypher.console", "sparql.sparql", "sparql.page", "auth.login", "auth.logout"}
OPEN_GETS = {"static", "auth.login", "api.health"}


def _url(rule) -> str:
    url = re.sub(r"<any\([^)]*\):\w+>", "json", rule.rule)
    return re.sub(r"<[^>]+>", "x", url)


@pytest.fixture
def store(tmp_path):
    s = EmbeddedStore(tmp_path / "graph")
    yield s
    s.close()


def _app(store, tmp_path, **settings):
    app = create_app(Settings(data_dir=tmp_path, **settings), store)
    app.config["TESTING"] = True
    return app


def _writes(app):
    return [
        r
        for r in app.url_map.iter_rules()
        if r.methods & {"POST", "PUT", "PATCH", "DELETE"} and r.endpoint not in READ_ONLY_POSTS
    ]


@pytest.mark.parametrize("configured", [True, False])
def test_every_state_changing_endpoint_refuses_without_the_write_token(store, tmp_path, configured):
    app = _app(store, tmp_path, write_token=WRITE if configured else "")
    writes = _writes(app)
    assert {r.endpoint for r in writes} >= {"ingest.ingest_page"}  # the test must bite
    client = app.test_client()
    text = "Mexico's government rejected an offer from the United States on Monday."
    attempts = [
        {},  # nothing
        {"headers": {"Authorization": "Bearer wrong-token"}},
        {"headers": {"Authorization": f"Bearer {WRITE}x"}},
        {"data": {"text": text, "token": WRITE}},  # right token, but no CSRF token
        {"data": {"text": text, "token": WRITE, "csrf_token": "forged"}},
    ]
    for rule in writes:
        for method in sorted(rule.methods & {"POST", "PUT", "PATCH", "DELETE"}):
            for kw in attempts:
                data = dict(kw.get("data") or {"text": text})
                resp = client.open(
                    _url(rule),
                    method=method,
                    data=data,
                    **{k: v for k, v in kw.items() if k != "data"},
                )
                # 429: the back-off on wrong tokens has locked this client out for a while
                assert resp.status_code in (400, 401, 403, 429), (rule.rule, method, kw)
    assert store.counts()["nodes"] == {"Actor": 0, "Event": 0, "Article": 0}
    assert JobLog(tmp_path).recent() == []


def test_the_write_token_with_csrf_is_accepted(store, tmp_path):
    """The other side of the refusals above: the proper form post is accepted."""
    app = _app(store, tmp_path, write_token=WRITE)
    client = app.test_client()
    html = client.get("/ingest").get_data(as_text=True)
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
    resp = client.post(
        "/ingest",
        data={"text": "Brazil praised Argentina on Monday.", "token": WRITE, "csrf_token": csrf},
    )
    assert resp.status_code == 303


def test_every_read_needs_the_read_token_when_configured(store, tmp_path):
    app = _app(store, tmp_path, read_token=READ, write_token=WRITE)
    gets = [r for r in app.url_map.iter_rules() if "GET" in r.methods]
    assert len(gets) > 20
    for rule in gets:
        url = _url(rule)
        if rule.endpoint in OPEN_GETS:
            continue
        # a fresh client each time: a good token signs the session in (by design)
        assert app.test_client().get(url).status_code == 401, url
        wrong = app.test_client().get(url, headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401, url
        ok = app.test_client().get(url, headers={"Authorization": f"Bearer {READ}"})
        assert ok.status_code != 401, url
    open_app = _app(store, tmp_path).test_client()  # no read token: reads are open
    assert open_app.get("/events.json").status_code == 200


def test_token_checks_are_constant_time():
    assert "hmac.compare_digest" in inspect.getsource(tokens_match)
    # No token, password or CSRF value is compared with == / != anywhere in web/.
    for path in (REPO / "web").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Compare) and any(
                isinstance(op, ast.Eq | ast.NotEq) for op in node.ops
            ):
                names = ast.unparse(node).lower()
                if re.search(r"token|csrf|password|secret", names) and "none" not in names:
                    raise AssertionError(f"{path}:{node.lineno}: {ast.unparse(node)}")


def test_script_in_an_ingested_article_is_escaped(store, tmp_path):
    payload = "<script>alert('kg')</script>"
    text = (
        "Japan protests to China\n\nTOKYO, April 14, 2025 — Japan lodged a formal protest "
        f"with China on Monday {payload} after ships entered disputed waters."
    )
    doc = load_text(text, source="xss", url="https://example.org/xss", title=f"Title {payload}")
    result = extract_document(doc)
    assert result.events, "the article must yield events for this test to mean anything"
    write_batch(store, result.to_batch())
    stored = [r.sentence for page in store.iter_events() for e in page for r in e.reports]
    assert any(payload in s for s in stored) or payload in store.get_article(doc.id).title
    client = _app(store, tmp_path).test_client()
    event = result.events[0]
    pages = [
        "/",
        "/events",
        f"/events/{event.id}",
        f"/actors/{event.source_id}",
        "/relationship/JPN/CHN",
        "/timeline?a=JPN",
        "/search?q=" + payload,
    ]
    for url in pages:
        html = client.get(url).get_data(as_text=True)
        assert "<script>alert" not in html, url
    assert "&lt;script&gt;alert(" in client.get(f"/events/{event.id}").get_data(as_text=True)


# Query text may interpolate only fixed fragments: column lists, placeholders ("?, ?"),
# labels from NODE_LABELS, WHERE/MATCH fragments built from constants. Values are parameters.
ALLOWED_INTERPOLATIONS = {
    "kg/stores/_embedded.py": {"' AND '.join(where)", "_EVENT_COLUMNS", "marks", "table"},
    # derived_counts: a label the database listed (db.labels()), backtick-quoted with inner
    # backticks doubled, since labels cannot be parameters; reviewed 2026-12-05.
    "kg/stores/_neo4j.py": {"label", "quoted"},
    "ingest/jobs.py": {"','.join(_COLUMNS)", "marks"},
    "queries/_embedded.py": {
        "','.join('?' * len(ids))",
        "column",
        "extra",
        "group",
        "theirs",
        "w1[7:]",
        "w2[7:]",
        "where",
        "marks",
        "','.join('?' * len(f.roots))",
        "','.join('?' * len(f.quad_classes))",
    },
    "queries/_neo4j.py": {
        "cond",
        "daily",
        "extra",
        "keys",
        "m1",
        "m2",
        "match",
        "pattern",
        "tail",
        # Endpoint property names from _key(): "e.{source|target}_{id|country}", and the
        # fixed filter fragments of _filters() joined by AND; reviewed 2026-11-24.
        "src",
        "tgt",
        "prop",
        "rest",
        "other",
        "_key(mine, ref)",
        # _recent_ids: ORDER BY over _key() names, and the same fixed match fragment with a
        # fixed extra condition; reviewed 2026-11-24.
        "order",
        "from_floor",
    },
    "web/views/cypher.py": {"DEFAULT_TIMEOUT_S"},
}
_QUERY = re.compile(r"\b(MATCH|SELECT|INSERT|DELETE|UPDATE|WHERE|RETURN|FROM)\b")


def test_no_value_is_interpolated_into_query_text():
    """Every f-string that looks like SQL or Cypher interpolates only reviewed fragments."""
    unexpected = []
    for package in ("kg", "ingest", "queries", "web", "cli"):
        for path in sorted((REPO / package).rglob("*.py")):
            rel = path.relative_to(REPO).as_posix()
            allowed = ALLOWED_INTERPOLATIONS.get(rel, set())
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not isinstance(node, ast.JoinedStr):
                    continue
                text = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
                if not _QUERY.search(text):
                    continue
                for v in node.values:
                    if isinstance(v, ast.FormattedValue):
                        expr = ast.unparse(v.value)
                        if expr not in allowed:
                            unexpected.append(f"{rel}:{node.lineno}: {{{expr}}} in {text[:60]!r}")
    assert not unexpected, (
        "values must travel as query parameters; if this is a fixed fragment, review it and "
        "add it to ALLOWED_INTERPOLATIONS:\n" + "\n".join(unexpected)
    )
