"""Guessing a password (django-axes): five wrong passwords lock the account, the sixth
attempt is refused even with the right password and says why, an administrator unlocks
it, and every failure and lock-out is a security event."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

from accounts.models import SecurityEvent
from tests.accounts.factories import PASSWORD
from tests.encyclopedia.factories import superuser

pytestmark = pytest.mark.django_db
LOGIN = reverse("accounts:login")


def sign_in(client, password, username="maria"):
    return client.post(LOGIN, {"username": username, "password": password})


def test_the_sixth_attempt_after_five_wrong_passwords_is_refused_even_if_right(client, maria):
    for _ in range(4):
        assert sign_in(client, "guess").status_code == 200

    locked = sign_in(client, "guess")  # the fifth
    right_password = sign_in(client, PASSWORD)

    assert locked.status_code == right_password.status_code == 429
    page = right_password.content.decode()
    assert "This account is locked" in page
    assert "After 5 wrong passwords in a row" in page
    assert "It unlocks by itself after 1 hour" in page
    assert "_auth_user_id" not in client.session


def test_the_lock_holds_from_any_address(client, maria):
    for _ in range(5):
        client.post(LOGIN, {"username": "maria", "password": "guess"}, REMOTE_ADDR="10.0.0.1")

    response = client.post(
        LOGIN, {"username": "maria", "password": PASSWORD}, REMOTE_ADDR="10.0.0.2"
    )

    assert response.status_code == 429


def test_a_right_password_before_the_limit_clears_the_count(client, maria):
    for _ in range(4):
        sign_in(client, "guess")
    sign_in(client, PASSWORD)
    client.post(reverse("accounts:logout"))

    for _ in range(4):
        sign_in(client, "guess")

    assert sign_in(client, PASSWORD).status_code == 302


def test_the_lock_lifts_by_itself_after_the_cool_off(client, maria, time_machine):
    time_machine.move_to(datetime.datetime(2026, 11, 27, 9, tzinfo=datetime.UTC), tick=False)
    for _ in range(5):
        sign_in(client, "guess")

    time_machine.shift(datetime.timedelta(hours=1, minutes=1))

    assert sign_in(client, PASSWORD).status_code == 302


def test_an_administrator_unlocks_the_account_in_the_admin(client, maria):
    for _ in range(5):
        sign_in(client, "guess")
    admin_client = type(client)()
    admin_client.force_login(superuser())
    (attempt,) = AccessAttempt.objects.all()

    admin_client.post(
        reverse("admin:axes_accessattempt_changelist"),
        {"action": "delete_selected", "_selected_action": [attempt.pk], "post": "yes"},
    )

    assert not AccessAttempt.objects.exists()
    assert sign_in(client, PASSWORD).status_code == 302


def test_failures_and_the_lock_out_are_security_events(client, maria):
    for _ in range(5):
        sign_in(client, "guess")
    sign_in(client, "guess", username="nobody")

    events = list(SecurityEvent.objects.values_list("action", "username", "user"))
    failed, locked = SecurityEvent.Action.LOGIN_FAILED, SecurityEvent.Action.LOCKED_OUT
    assert events.count((failed, "maria", maria.pk)) == 5
    assert events.count((locked, "maria", maria.pk)) == 1
    assert events.count((failed, "nobody", None)) == 1


def test_the_person_sees_the_failed_attempts_on_their_security_page(client, maria):
    sign_in(client, "guess")
    client.force_login(maria)

    page = client.get(reverse("accounts:security")).content.decode()

    assert "Sign-in failed" in page


def test_the_unlock_is_a_security_event_too(client, maria):
    for _ in range(5):
        sign_in(client, "guess")

    AccessAttempt.objects.all().delete()

    assert SecurityEvent.objects.filter(action=SecurityEvent.Action.UNLOCKED, user=maria).exists()
