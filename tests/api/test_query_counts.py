"""List endpoints read the database in a fixed number of queries, whatever the page size.

The cache is empty in each test (see conftest), so these count the first computation.
"""

import pytest

pytestmark = pytest.mark.usefixtures("bundle")

# Data version (1), then the record: States, memberships, treaties, actions, declarations.
RECORD = 6


@pytest.mark.parametrize(
    ("url", "most"),
    [
        ("/api/status", RECORD),
        ("/api/states?limit=500", RECORD),
        ("/api/states?group=EU&limit=500", RECORD),
        ("/api/changes?limit=500", RECORD),
        ("/api/timeline", RECORD),
        # Counted in the database: first days and daily counts per kind, then evidence lists.
        ("/api/indicators", RECORD + 11),
        ("/api/events?limit=500", 4),  # version, count, page, States of the page
        ("/api/references?limit=500", 3),  # version, count, page
        ("/api/states/NLD", RECORD + 2),  # the State's events and references
        (
            "/api/relations?requesting=LVA&requested=NLD&crime=genocide&cooperation=extradition",
            RECORD,
        ),
        ("/api/network", RECORD),
        ("/api/outlook", RECORD),
        # Events, their States, references, outreach and the conference: not one per State.
        ("/api/targets?limit=500", RECORD + 6),
        ("/api/attention", RECORD + 6),  # references and documents read, for three groupings
        ("/api/events?kind=conference&measure=sign&limit=500", 4),
    ],
)
def test_list_endpoints_use_a_fixed_number_of_queries(
    client, django_assert_max_num_queries, url, most
):
    with django_assert_max_num_queries(most):
        response = client.get(url)
    assert response.status_code == 200


def test_a_cached_answer_costs_one_query(client, django_assert_max_num_queries):
    """Once computed, an answer is served after reading the data version only."""
    client.get("/api/states?limit=500")
    with django_assert_max_num_queries(1):
        assert client.get("/api/states?limit=500").status_code == 200
