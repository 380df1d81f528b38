"""How long a staff session lasts: signed out after the account policy's idle timeout,
on every device at once from the security page, and everywhere else when the password
changes (with the API keys made before it)."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import SecurityEvent
from api import services as api_services
from tests.accounts.factories import PASSWORD
from tests.api.clients import ME, bearer

pytestmark = pytest.mark.django_db
DRAFTS = reverse("reviews:drafts")
START = datetime.datetime(2026, 11, 27, 9, tzinfo=datetime.UTC)


@pytest.fixture
def clock(time_machine):
    time_machine.move_to(START, tick=False)
    return time_machine


def signed_in(username: str) -> Client:
    client = Client()
    client.post(reverse("accounts:login"), {"username": username, "password": PASSWORD})
    return client


def test_a_staff_session_idle_past_the_timeout_is_signed_out(clock, maria):
    client = signed_in("maria")
    clock.shift(datetime.timedelta(minutes=29))
    assert client.get(DRAFTS).status_code == 200  # activity restarts the count
    clock.shift(datetime.timedelta(minutes=29))
    assert client.get(DRAFTS).status_code == 200

    clock.shift(datetime.timedelta(minutes=31))
    response = client.get(DRAFTS, follow=True)

    assert response.redirect_chain[-1][0] == f"{reverse('accounts:login')}?next=/work/drafts/"
    assert "signed out after 30 minutes without activity" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_timeout_is_the_account_policys(clock, maria, brenda):
    from accounts import security

    security.account_policy_update(user=brenda, idle_timeout_minutes=10)
    client = signed_in("maria")

    clock.shift(datetime.timedelta(minutes=11))

    assert client.get(DRAFTS).status_code == 302


def test_a_reader_without_a_role_has_no_idle_timeout(clock, charlie):
    client = signed_in(charlie.username)

    clock.shift(datetime.timedelta(hours=3))

    assert "_auth_user_id" in client.session
    client.get(reverse("encyclopedia:home"))
    assert "_auth_user_id" in client.session


def test_signing_out_everywhere_ends_every_session(clock, maria):
    laptop, phone = signed_in("maria"), signed_in("maria")

    response = laptop.post(reverse("accounts:logout-everywhere"), follow=True)

    assert "signed out on every device" in response.content.decode()
    assert phone.get(DRAFTS).status_code == 302
    assert laptop.get(DRAFTS).status_code == 302
    assert SecurityEvent.objects.filter(
        user=maria, action=SecurityEvent.Action.LOGGED_OUT_EVERYWHERE
    ).exists()
    assert signed_in("maria").get(DRAFTS).status_code == 200  # signing in again works


def test_a_password_change_ends_the_other_sessions_and_the_old_api_keys(clock, maria):
    laptop, phone = signed_in("maria"), signed_in("maria")
    issued = api_services.api_token_create(user=maria, name="site generator")
    assert bearer(issued.key).get(ME).status_code == 200
    clock.shift(datetime.timedelta(minutes=1))

    laptop.post(
        reverse("accounts:password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "a-new-long-passphrase",
            "new_password2": "a-new-long-passphrase",
        },
    )

    assert laptop.get(DRAFTS).status_code == 200  # the session that changed it stays
    assert phone.get(DRAFTS).status_code == 302
    refused = bearer(issued.key).get(ME)
    assert refused.status_code == 401
    assert refused.json() == {
        "code": "password_changed",
        "detail": "This API key stopped working when its owner's password changed.",
    }
    assert SecurityEvent.objects.filter(
        user=maria, action=SecurityEvent.Action.PASSWORD_CHANGED
    ).exists()
    newer = api_services.api_token_create(user=maria, name="site generator")
    assert bearer(newer.key).get(ME).status_code == 200
