"""schemathesis drives every operation of /api/openapi.json against the WSGI app.

Bounded: a few generated cases per operation and mode, no network and no server. The
pytest plugin of schemathesis does not run under this pytest, so the cases come from its
Hypothesis strategies and each is checked with `call_and_validate` (all default checks:
no server error, documented statuses, headers and bodies, bad input refused, good input
accepted, unsupported methods answered 405).
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode

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
    return schemathesis.openapi.from_wsgi("/api/openapi.json", application)


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
        case.call_and_validate()

    check()
