"""Guessing tokens gets slow: after a few wrong tokens from one address (sign-in form or bearer
header), that address is refused with 429 and Retry-After for a delay that doubles with each
further failure; other addresses are unaffected and a right token clears the record."""

from __future__ import annotations

import re

import pytest
from web_support import READ_TOKEN, WRITE_TOKEN, make_app

from kg.stores import EmbeddedStore
from web._limits import TokenBackoff, TooBusy


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def app(tmp_path):
    store = EmbeddedStore(tmp_path / "kg")
    app = make_app(store, tmp_path, read_token=READ_TOKEN, write_token=WRITE_TOKEN)
    clock = Clock()
    app.extensions["kg"]["token_backoff"] = TokenBackoff(clock=clock)
    app.clock = clock
    yield app
    store.close()


def _sign_in(client, token: str, address: str = "127.0.0.1"):
    env = {"REMOTE_ADDR": address}
    html = client.get("/login", environ_base=env).get_data(as_text=True)
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
    return client.post("/login", data={"token": token, "csrf_token": csrf}, environ_base=env)


def test_login_backs_off_after_wrong_tokens(app):
    attacker = app.test_client()
    free = TokenBackoff.FREE_FAILURES
    for _ in range(free):
        assert _sign_in(attacker, "guess").status_code == 401
    assert _sign_in(attacker, "guess").status_code == 401  # counted: locked out for 1 s now
    refused = _sign_in(attacker, READ_TOKEN)  # even the right token is not checked
    assert refused.status_code == 429 and refused.headers["Retry-After"] == "1"
    assert "too many wrong tokens" in refused.get_data(as_text=True)

    # another address is not held up
    assert _sign_in(app.test_client(), READ_TOKEN, "192.0.2.7").status_code == 303

    app.clock.now += 1.1  # the lock-out has passed; the next wrong guess doubles it
    assert _sign_in(attacker, "guess").status_code == 401
    again = _sign_in(attacker, "guess")
    assert again.status_code == 429 and again.headers["Retry-After"] == "2"
    app.clock.now += 2.1
    assert _sign_in(attacker, READ_TOKEN).status_code == 303  # right token: cleared
    assert _sign_in(attacker, "guess").status_code == 401  # back to the free tries


def test_bearer_guesses_back_off_too(app):
    client = app.test_client()
    for _ in range(TokenBackoff.FREE_FAILURES + 1):
        resp = client.get("/events.json", headers={"Authorization": "Bearer guess"})
        assert resp.status_code == 401
    locked = client.get("/events.json", headers={"Authorization": f"Bearer {READ_TOKEN}"})
    assert locked.status_code == 429 and int(locked.headers["Retry-After"]) >= 1
    assert "too many wrong tokens" in locked.get_json()["error"]
    write = client.post("/ingest", data={"text": "x"}, headers={"Authorization": "Bearer w"})
    assert write.status_code == 429  # one record per address, whichever token is guessed
    app.clock.now += 1.1
    ok = client.get("/events.json", headers={"Authorization": f"Bearer {READ_TOKEN}"})
    assert ok.status_code == 200


def test_delay_doubles_up_to_a_ceiling():
    clock = Clock()
    backoff = TokenBackoff(clock=clock)
    waits = []
    for _ in range(TokenBackoff.FREE_FAILURES + 12):
        backoff.failed("198.51.100.1")
        try:
            backoff.check("198.51.100.1")
            waits.append(0)
        except TooBusy as exc:
            waits.append(exc.retry_after)
        clock.now += 1000  # well past any lock-out, but not long enough to be forgotten
    assert waits[: TokenBackoff.FREE_FAILURES] == [0, 0, 0]
    assert waits[3:8] == [1, 2, 4, 8, 16]
    assert max(waits) == TokenBackoff.MAX_DELAY_S
