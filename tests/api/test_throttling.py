"""Anonymous readers and token clients are rate-limited; a person's browser is not."""

import datetime

import pytest
from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

pytestmark = pytest.mark.django_db
ARTICLES = "/api/v1/articles/"


@pytest.fixture
def low_rates(monkeypatch):
    """Three requests a minute, so a test reaches the limit quickly. (DRF reads the rates
    from settings once, when the throttle classes load.)"""
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "3/min", "token": "3/min"})


def test_rates_are_configured_for_anonymous_and_token_clients():
    rates = settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]
    assert set(rates) == {"anon", "token"}
    assert rates == SimpleRateThrottle.THROTTLE_RATES


def test_anonymous_readers_are_throttled_then_let_in_again(anonymous, low_rates, today):
    statuses = [anonymous.get(ARTICLES).status_code for _ in range(4)]

    assert statuses == [200, 200, 200, 429]
    refused = anonymous.get(ARTICLES)
    assert refused.json()["code"] == "throttled"
    assert refused.json()["retry_after"] > 0
    assert int(refused["Retry-After"]) > 0

    today.shift(datetime.timedelta(minutes=1, seconds=1))
    assert anonymous.get(ARTICLES).status_code == 200


def test_a_token_client_is_throttled_per_person_not_per_key(with_token, maria, low_rates):
    first = with_token(maria)
    second = with_token(maria)

    statuses = [first.get(ARTICLES).status_code for _ in range(2)]
    statuses += [second.get(ARTICLES).status_code for _ in range(2)]

    assert statuses == [200, 200, 200, 429]


def test_another_persons_token_has_its_own_count(with_token, maria, tom, low_rates):
    client = with_token(maria)
    for _ in range(3):
        client.get(ARTICLES)

    assert client.get(ARTICLES).status_code == 429
    assert with_token(tom).get(ARTICLES).status_code == 200


def test_a_browser_session_is_not_throttled(signed_in, maria, low_rates):
    client = signed_in(maria)

    assert {client.get(ARTICLES).status_code for _ in range(6)} == {200}
