"""schemathesis drives every operation of /api/openapi.json against the WSGI app.

Bounded: a few generated cases per operation and mode, no network and no server. The
pytest plugin of schemathesis does not run under this pytest, so the cases come from its
Hypothesis strategies and each is checked with `call_and_validate` (all default checks:
no server error, documented statuses, headers and bodies, bad input refused, good input
accepted, unsupported methods answered 405).
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance

from treatywatch.wsgi import application

OPERATIONS = (
    "/api/status",
    "/api/states",
    "/api/states/{code}",
    "/api/indicators",
    "/api/indicators/{code}",
    "/api/timeline",
    "/api/changes",
    "/api/events",
    "/api/references",
    "/api/relations",
    "/api/network",
    "/api/targets",
    "/api/outlook",
    "/api/attention",
    "/api/outreach",
    "/api/outreach/due",
)
BOUND = settings(
    max_examples=8,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture
def api_schema(bundle):
    # schemathesis calls the WSGI app itself, not Django's test client, which would keep the
    # test's connection open: without this, PostgreSQL loses the test transaction.
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/openapi.json", application)
    finally:
        for signal in (request_started, request_finished):
            signal.connect(close_old_connections)


def test_the_list_of_operations_is_the_schemas(api_schema):
    """Every documented operation is fuzzed below, and nothing else is documented."""
    documented = {operation.ok().path for operation in api_schema.get_all_operations()}
    assert documented == set(OPERATIONS)


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
@pytest.mark.parametrize("path", OPERATIONS)
def test_operation_keeps_its_documented_contract(api_schema, path, mode):
    """Generated requests get documented answers: never a 500, bad input refused with 400."""
    operation = api_schema[path]["GET"]

    @BOUND
    @given(case=operation.as_strategy(generation_mode=mode))
    def check(case):
        response = case.call()
        if _asks_a_state_about_itself(response):
            # A schema cannot say that two parameters must differ: this one 400 is foreseen.
            case.validate_response(response, excluded_checks=[positive_data_acceptance])
        else:
            case.validate_response(response)

    check()


def _asks_a_state_about_itself(response) -> bool:
    if response.status_code != 400:
        return False
    return response.json().get("error", {}).get("code") == "same_state"
