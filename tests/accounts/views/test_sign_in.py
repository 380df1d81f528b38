import pytest
from django.urls import reverse

from accounts.roles import Role
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("role", "home"),
    [
        (Role.EDITOR, "reviews:drafts"),
        (Role.MEDICAL_REVIEWER, "reviews:queue"),
        (Role.MEDICAL_DIRECTOR, "reviews:queue"),
        (Role.EDITORIAL_DIRECTOR, "reporting:dashboard"),
    ],
)
def test_after_sign_in_each_role_lands_on_its_own_page(client, role, home):
    UserFactory(username="person", roles=[role])

    response = client.post(
        reverse("accounts:login"), {"username": "person", "password": "stet-pass-123"}, follow=True
    )

    assert response.redirect_chain[-1][0] == reverse(home)
    assert response.status_code == 200


def test_a_person_with_several_roles_lands_on_the_most_senior_page(client):
    person = UserFactory(roles=[Role.EDITOR, Role.EDITORIAL_DIRECTOR])
    client.force_login(person)

    response = client.get(reverse("accounts:home"))

    assert response.url == reverse("reporting:dashboard")


def test_a_person_without_a_role_lands_on_the_public_site(client, charlie):
    client.force_login(charlie)

    assert client.get(reverse("accounts:home")).url == reverse("encyclopedia:home")


def test_a_wrong_password_is_refused_with_a_message(client, maria):
    response = client.post(reverse("accounts:login"), {"username": "maria", "password": "nope"})

    assert response.status_code == 200
    assert "correct username and password" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_signing_out_ends_the_session(client, maria):
    client.force_login(maria)

    client.post(reverse("accounts:logout"))

    assert "_auth_user_id" not in client.session


def test_a_person_can_change_their_password(client, maria):
    client.force_login(maria)

    response = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": "stet-pass-123",
            "new_password1": "a-much-longer-passphrase-42",
            "new_password2": "a-much-longer-passphrase-42",
        },
    )

    assert response.url == reverse("accounts:password_change_done")
    maria.refresh_from_db()
    assert maria.check_password("a-much-longer-passphrase-42")


@pytest.mark.parametrize("page", ["reviews:drafts", "reviews:queue", "reporting:dashboard"])
def test_work_pages_send_anonymous_readers_to_sign_in(client, page):
    response = client.get(reverse(page))

    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


@pytest.mark.parametrize("page", ["reviews:drafts", "reviews:queue", "reporting:dashboard"])
def test_work_pages_refuse_a_person_without_the_role(client, charlie, page):
    client.force_login(charlie)

    response = client.get(reverse(page))

    assert response.status_code == 403
    assert "This page is for the" in response.content.decode()
