"""Forgotten passwords: a link by e-mail, through the outbox, that works once; the page
says the same whether or not an account uses the address."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from core.models import OutgoingEmail
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


def ask(client, email, capture):
    with capture(execute=True):
        return client.post(reverse("accounts:password-reset"), {"email": email}, follow=True)


def link_in(letter) -> str:
    [path] = re.findall(r"https://encyclopedia\.example(/accounts/password/reset/\S+)", letter.body)
    return path


def main_of(response) -> str:
    """The page's own content (the header carries a per-request CSRF token)."""
    page = response.content.decode()
    return page[page.index("<main") : page.index("</main>")]


def test_the_sign_in_page_offers_a_password_reset(client):
    page = client.get(reverse("accounts:login")).content.decode()

    assert "Forgot your password?" in page
    assert reverse("accounts:password-reset") in page


def test_a_reset_link_goes_out_through_the_outbox_and_sets_a_new_password(
    client, maria, django_capture_on_commit_callbacks
):
    response = ask(client, "MARIA@stet.example", django_capture_on_commit_callbacks)

    assert response.redirect_chain[-1][0] == reverse("accounts:password-reset-done")
    assert "Check your e-mail" in response.content.decode()
    row = OutgoingEmail.objects.get()
    assert (row.to, row.status) == ("maria@stet.example", OutgoingEmail.Status.SENT)
    [letter] = mail.outbox
    assert letter.to == ["maria@stet.example"]
    assert letter.subject == "Choose a new password for Stet Health Encyclopedia"
    assert "Your username is maria." in letter.body
    assert "&" not in letter.body.split("https://")[0]  # plain text, not HTML-escaped

    choose = client.get(link_in(letter), follow=True)
    assert choose.context["validlink"]
    done = client.post(
        choose.redirect_chain[-1][0],
        {"new_password1": "pericardium-quartz-7", "new_password2": "pericardium-quartz-7"},
        follow=True,
    )
    assert "Password set" in done.content.decode()
    signed_in = client.post(
        reverse("accounts:login"),
        {"username": "maria", "password": "pericardium-quartz-7"},
        follow=True,
    )
    assert signed_in.redirect_chain[-1][0] == reverse("reviews:drafts")


def test_a_reset_link_works_once(client, maria, django_capture_on_commit_callbacks):
    ask(client, "maria@stet.example", django_capture_on_commit_callbacks)
    link = link_in(mail.outbox[0])
    choose = client.get(link, follow=True)
    client.post(
        choose.redirect_chain[-1][0],
        {"new_password1": "pericardium-quartz-7", "new_password2": "pericardium-quartz-7"},
    )

    again = client.get(link, follow=True)

    assert not again.context["validlink"]
    assert "This link no longer works" in again.content.decode()


@pytest.mark.parametrize("address", ["nobody@stet.example", "retired@stet.example"])
def test_an_unknown_or_inactive_address_shows_the_same_page_and_sends_nothing(
    client, maria, address, django_capture_on_commit_callbacks
):
    UserFactory(username="retired", is_active=False)
    known = ask(client, "maria@stet.example", django_capture_on_commit_callbacks)
    mail.outbox.clear()
    OutgoingEmail.objects.all().delete()

    unknown = ask(client, address, django_capture_on_commit_callbacks)

    assert unknown.redirect_chain == known.redirect_chain
    assert main_of(unknown) == main_of(known)
    assert mail.outbox == []
    assert not OutgoingEmail.objects.exists()


def test_an_invited_reviewer_whose_link_expired_can_ask_for_another(
    client, django_capture_on_commit_callbacks
):
    invited = UserFactory(username="adeyemi", email="amara@hospital.example")
    invited.set_unusable_password()
    invited.save()

    ask(client, "amara@hospital.example", django_capture_on_commit_callbacks)

    assert [letter.to for letter in mail.outbox] == [["amara@hospital.example"]]


def test_a_locked_out_person_gets_back_in_with_a_new_password(
    client, maria, django_capture_on_commit_callbacks
):
    login = reverse("accounts:login")
    for _ in range(5):
        client.post(login, {"username": "maria", "password": "guess"})
    locked = client.post(login, {"username": "maria", "password": "guess"})
    assert locked.status_code == 429
    assert reverse("accounts:password-reset") in locked.content.decode()

    ask(client, "maria@stet.example", django_capture_on_commit_callbacks)
    choose = client.get(link_in(mail.outbox[0]), follow=True)
    client.post(
        choose.redirect_chain[-1][0],
        {"new_password1": "pericardium-quartz-7", "new_password2": "pericardium-quartz-7"},
    )
    signed_in = client.post(login, {"username": "maria", "password": "pericardium-quartz-7"})

    assert signed_in.status_code == 302
    assert client.session["_auth_user_id"] == str(maria.pk)
