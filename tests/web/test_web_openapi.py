"""The JSON API against its own OpenAPI document (schemathesis): no 500s, and every response
matches the documented schema and status codes."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    response_schema_conformance,
    status_code_conformance,
)
from web_support import make_app

CHECKS = [not_a_server_error, response_schema_conformance, status_code_conformance]


@pytest.fixture
def schema(graph_store, tmp_path):
    return schemathesis.openapi.from_wsgi("/openapi.json", make_app(graph_store, tmp_path))


def test_every_operation_conforms(schema):
    operations = [op.ok() for op in schema.get_all_operations()]
    assert len(operations) >= 10
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
        def check(case):
            case.validate_response(case.call(), checks=CHECKS)

        check()
