"""A schema-driven fuzz run: Schemathesis generates requests from the API's own OpenAPI
schema — valid ones and deliberately invalid ones — for every operation, and no answer
may be a server error.

Bounded and deterministic: 25 examples per operation and mode, a derandomised
Hypothesis (the same requests on every run), no example database, no shrinking. The
requests go straight into Django's WSGI handler in this process, inside the test's
transaction, authenticated with an editor's personal key.
"""

import contextlib

import hypothesis
import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase
from rest_framework.throttling import SimpleRateThrottle
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from api import services as api_services
from reviews import services
from tests.reviews.cycles.factories import assigned_cycle
from tests.reviews.factories import draft_change, submitted_revision

pytestmark = pytest.mark.django_db

EXAMPLES_PER_OPERATION = 25
FUZZ_SETTINGS = hypothesis.settings(
    max_examples=EXAMPLES_PER_OPERATION,
    derandomize=True,
    database=None,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
    print_blob=False,
)


@contextlib.contextmanager
def connection_kept_open():
    """Django closes the database connection at the end of each request; here that
    connection holds the test's transaction, so keep it (as Django's test client does)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def workflow_data(article, maria, tom, okafor, dugdale, brenda, lee):
    """Something in every state for the generated ids to land on: a live article, drafts,
    a revision in review, an assigned review cycle, and a person for every role."""
    draft_change(article, editor=tom)
    submitted_revision(article, editor=maria)
    assigned_cycle(article, to=okafor.user)
    services.revision_start_draft(article=article, editor=maria)


def modes_for(operation) -> list[GenerationMode]:
    """Valid requests for every operation; invalid ones where there is something to get
    wrong (an operation without parameters or body has no invalid form)."""
    inputs = [operation.path_parameters, operation.query, operation.body]
    if any(len(part) for part in inputs):
        return [GenerationMode.POSITIVE, GenerationMode.NEGATIVE]
    return [GenerationMode.POSITIVE]


def test_no_generated_request_makes_the_server_fail(workflow_data, maria, monkeypatch):
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": None, "token": None})
    key = api_services.api_token_create(user=maria, name="fuzz").key
    auth = {"Authorization": f"Bearer {key}"}
    failures = []
    with connection_kept_open():
        schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", WSGIHandler())
        operations = [result.ok() for result in schema.get_all_operations()]
        assert len(operations) >= 25
        for operation in operations:
            for mode in modes_for(operation):

                @hypothesis.given(case=operation.as_strategy(generation_mode=mode, headers=auth))
                @FUZZ_SETTINGS
                def call(case):
                    response = case.call(headers=auth)
                    case.validate_response(response, checks=[not_a_server_error])

                try:
                    call()
                # Schemathesis reports several failures as a BaseExceptionGroup.
                except (Exception, BaseExceptionGroup) as failure:  # collect all, then report
                    failures.append(f"{operation.label} ({mode}): {failure}"[:3000])
    assert failures == [], "\n\n".join(failures)
