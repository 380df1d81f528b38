"""Who the API takes a request to come from: personal keys, the browser session, nobody."""

import datetime

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from api import services as api_services
from api.models import ApiToken, key_digest
from core.errors import DomainError
from tests.accounts.factories import UserFactory
from tests.api.clients import ME, bearer

pytestmark = pytest.mark.django_db

REVISIONS = "/api/v1/articles/{}/revisions/"


@pytest.mark.parametrize("scheme", ["Bearer", "Token", "token"])
def test_a_personal_key_acts_as_its_owner_with_their_roles(maria, scheme):
    issued = api_services.api_token_create(user=maria, name="site generator")

    response = bearer(issued.key, scheme).get(ME)

    assert response.status_code == 200
    assert response.json() == {
        "id": maria.pk,
        "username": "maria",
        "name": "Maria Santos",
        "roles": ["editor"],
        "reviewer": None,
        "authenticated_by": "token",
    }


def test_only_a_hash_of_the_key_is_stored(maria):
    issued = api_services.api_token_create(user=maria, name="search index")

    token = ApiToken.objects.get()
    assert issued.key.startswith("stet_") and len(issued.key) > 40
    assert token.key_hash == key_digest(issued.key) != issued.key
    assert token.prefix == issued.key[:12]
    assert issued.key not in str(ApiToken.objects.values().get())


def test_using_a_key_records_when_it_was_last_used_at_most_once_a_minute(maria, today):
    issued = api_services.api_token_create(user=maria, name="script")
    client = bearer(issued.key)

    client.get(ME)
    first_use = ApiToken.objects.get().last_used_at
    assert first_use is not None

    today.shift(datetime.timedelta(seconds=30))
    client.get(ME)
    assert ApiToken.objects.get().last_used_at == first_use

    today.shift(datetime.timedelta(minutes=2))
    client.get(ME)
    assert ApiToken.objects.get().last_used_at > first_use


def test_a_revoked_key_is_refused(maria):
    issued = api_services.api_token_create(user=maria, name="old script")
    api_services.api_token_revoke(token=issued.token, user=maria)

    response = bearer(issued.key).get(ME)

    assert response.status_code == 401
    assert response.json() == {
        "code": "token_revoked",
        "detail": "This API key was revoked on 2026-11-27.",
    }
    assert response["WWW-Authenticate"] == 'Token realm="Stet API"'


@pytest.mark.parametrize(
    ("header", "code"),
    [
        ("Bearer stet_not-a-real-key", "token_invalid"),
        ("Token", "token_malformed"),
        ("Token two parts", "token_malformed"),
    ],
)
def test_an_unknown_or_malformed_key_is_refused(maria, header, code):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=header)

    response = client.get(ME)

    assert response.status_code == 401
    assert response.json()["code"] == code


def test_a_key_of_a_deactivated_account_is_refused(maria):
    issued = api_services.api_token_create(user=maria, name="script")
    maria.is_active = False
    maria.save(update_fields=["is_active"])

    response = bearer(issued.key).get(ME)

    assert response.status_code == 401
    assert response.json()["code"] == "user_inactive"


def test_another_authorization_scheme_is_left_to_the_session(maria):
    client = APIClient()
    client.force_login(maria)
    client.credentials(HTTP_AUTHORIZATION="Basic bWFyaWE6cGFzcw==")

    response = client.get(ME)

    assert response.status_code == 200
    assert response.json()["authenticated_by"] == "session"


def test_the_browser_session_authenticates_too(signed_in, okafor):
    response = signed_in(okafor.user).get(ME)

    assert response.status_code == 200
    assert response.json()["roles"] == ["medical_reviewer"]
    assert response.json()["reviewer"] == okafor.pk
    assert response.json()["authenticated_by"] == "session"


def test_a_session_write_needs_the_csrf_token(maria, cardiology):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(maria)

    response = client.post(
        "/api/v1/articles/", {"title": "Gout", "specialty": "cardiology"}, format="json"
    )

    assert response.status_code == 403
    assert response.json()["code"] == "csrf_failed"


def test_a_key_needs_no_csrf_token(maria, cardiology):
    issued = api_services.api_token_create(user=maria, name="script")
    client = APIClient(enforce_csrf_checks=True)
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {issued.key}")

    response = client.post(
        "/api/v1/articles/", {"title": "Gout", "specialty": "cardiology"}, format="json"
    )

    assert response.status_code == 201


def test_an_anonymous_request_to_a_team_endpoint_must_authenticate(anonymous, article):
    response = anonymous.get(REVISIONS.format(article.number))

    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"
    assert anonymous.get(ME).status_code == 401


def test_someone_without_a_role_is_refused_team_endpoints(signed_in, charlie, article):
    client = signed_in(charlie)

    response = client.get(REVISIONS.format(article.number))

    assert response.status_code == 403
    assert response.json() == {
        "code": "wrong_role",
        "detail": "This is for the editor or medical reviewer or medical director or "
        "editorial director role.",
    }
    # …but may ask who they are, and read what the public site shows.
    assert client.get(ME).json()["roles"] == []
    assert client.get(f"/api/v1/articles/{article.number}/").status_code == 200


# --- The API keys page ---------------------------------------------------------------------


def test_the_keys_page_needs_a_sign_in(client):
    response = client.get(reverse("api:tokens"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_a_person_makes_a_key_and_sees_it_once(client, maria):
    client.force_login(maria)

    response = client.post(reverse("api:tokens"), {"name": "site generator"})

    assert response.status_code == 200
    token = ApiToken.objects.get(user=maria)
    page = response.content.decode()
    key = response.context["issued"].key
    assert key in page and "shown only once" in page
    assert token.key_hash == key_digest(key)
    # The next visit lists the key by its first characters, never the whole key.
    page = client.get(reverse("api:tokens")).content.decode()
    assert key not in page
    assert token.prefix in page and "site generator" in page
    assert bearer(key).get(ME).status_code == 200


def test_a_key_needs_a_name(client, maria):
    client.force_login(maria)

    response = client.post(reverse("api:tokens"), {"name": "  "})

    assert response.status_code == 200
    assert response.context["issued"] is None
    assert not ApiToken.objects.exists()


def test_a_person_revokes_their_key_and_it_stops_working(client, maria):
    issued = api_services.api_token_create(user=maria, name="old script")
    client.force_login(maria)

    response = client.post(reverse("api:token-revoke", args=[issued.token.pk]), follow=True)

    assert response.status_code == 200
    assert "no longer works" in response.content.decode()
    assert ApiToken.objects.get().revoked_at is not None
    assert bearer(issued.key).get(ME).status_code == 401


def test_nobody_revokes_someone_elses_key_from_their_page(client, maria, tom):
    issued = api_services.api_token_create(user=maria, name="script")
    client.force_login(tom)

    response = client.post(reverse("api:token-revoke", args=[issued.token.pk]))

    assert response.status_code == 404
    assert ApiToken.objects.get().revoked_at is None


def test_the_revoke_service_refuses_someone_elses_key(maria, tom):
    issued = api_services.api_token_create(user=maria, name="script")

    with pytest.raises(Exception) as refusal:
        api_services.api_token_revoke(token=issued.token, user=tom)

    assert refusal.value.code == "not_owner"


def test_an_administrator_revokes_a_leaked_key_in_the_admin(client, maria):
    issued = api_services.api_token_create(user=maria, name="pasted in a chat")
    admin = UserFactory(username="admin", is_staff=True, is_superuser=True)
    client.force_login(admin)

    response = client.post(
        reverse("admin:api_apitoken_changelist"),
        {"action": "revoke", "_selected_action": [issued.token.pk]},
        follow=True,
    )

    assert response.status_code == 200
    assert ApiToken.objects.get().revoked_at is not None
    assert bearer(issued.key).get(ME).status_code == 401


def test_a_key_works_for_its_chosen_lifetime_and_the_page_shows_when_it_ends(
    client, maria, time_machine
):
    time_machine.move_to(datetime.datetime(2026, 11, 27, 9, tzinfo=datetime.UTC), tick=False)
    client.force_login(maria)

    response = client.post(reverse("api:tokens"), {"name": "indexer", "lifetime_days": "30"})
    key = response.context["issued"].key

    assert "2026-12-27" in client.get(reverse("api:tokens")).content.decode()
    time_machine.shift(datetime.timedelta(days=29, hours=23))
    assert bearer(key).get(ME).status_code == 200
    time_machine.shift(datetime.timedelta(hours=2))
    refused = bearer(key).get(ME)
    assert (refused.status_code, refused.json()) == (
        401,
        {"code": "token_expired", "detail": "This API key expired on 2026-12-27."},
    )
    client.force_login(maria)  # the page's own session timed out long ago
    assert (
        "This API key expired on 2026-12-27." in client.get(reverse("api:tokens")).content.decode()
    )


def test_a_key_cannot_be_made_to_last_for_ever(maria):
    with pytest.raises(DomainError) as refused:
        api_services.api_token_create(user=maria, name="forever", lifetime_days=10_000)

    assert refused.value.code == "bad_lifetime"
