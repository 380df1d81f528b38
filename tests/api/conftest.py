"""Fixtures for the REST API's tests: the clock, API clients for each persona, and the
article and signers the workflow tests start from.

Time is frozen at 2026-11-27 10:00 in New York: licences, Review Dates, due dates and
review states all depend on "today". Throttle counts live in the cache, which is
emptied around every test so one test's requests never count against the next.
"""

import pytest
import time_machine
from django.core.cache import cache
from rest_framework.test import APIClient

from api import services as api_services
from tests.api.clients import bearer
from tests.reviews.factories import TODAY, live_article


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(TODAY, tick=False) as traveller:
        yield traveller


@pytest.fixture(autouse=True)
def fresh_throttle_counts():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def anonymous() -> APIClient:
    return APIClient()


@pytest.fixture
def signed_in():
    """An API client with `user`'s browser session."""

    def client_for(user) -> APIClient:
        client = APIClient()
        client.force_login(user)
        return client

    return client_for


@pytest.fixture
def with_token():
    """An API client sending a fresh personal key of `user`."""

    def client_for(user) -> APIClient:
        issued = api_services.api_token_create(user=user, name="script")
        client = bearer(issued.key)
        client.token = issued.token
        return client

    return client_for


@pytest.fixture
def article(cardiology, maria):
    """ "Atrial fibrillation": published, v1 live, last reviewed 2024-07-23 (so overdue)."""
    return live_article(specialty=cardiology, author=maria)


@pytest.fixture
def signers(okafor, dugdale, brenda):
    """The default chain's signers in order: medical review, medical director, editorial
    director."""
    return [okafor.user, dugdale.user, brenda]
