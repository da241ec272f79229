"""Fixtures shared by the ingest tests."""

from __future__ import annotations

import datetime as dt

import pytest

from ingest.actors import ActorResolver


@pytest.fixture(scope="module")
def r(request: pytest.FixtureRequest) -> ActorResolver:
    """A real resolver dated by the module's RESOLVER_DATE (who holds which office then)."""
    return ActorResolver(getattr(request.module, "RESOLVER_DATE", dt.date(2024, 3, 1)))
