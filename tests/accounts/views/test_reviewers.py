"""The reviewer pages: the list with its profiles to complete, the edit page with its
history, linking an account, and inviting a reviewer — for editorial directors only."""

import datetime
import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.models import ReviewerProfile, User
from tests.accounts.factories import ReviewerProfileFactory, UserFactory
from tests.accounts.reviewer_helpers import placeholder, profile_post_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reviewer_clock")]


def messages_of(response) -> str:
    return " ".join(str(message) for message in response.context["messages"])


def pages(profile: ReviewerProfile) -> list[str]:
    return [
        reverse("accounts:reviewers"),
        reverse("accounts:reviewer", args=[profile.pk]),
        reverse("accounts:reviewer-invite"),
        reverse("accounts:reviewer-invite-for", args=[profile.pk]),
    ]


# --- Who may see them ------------------------------------------------------------------------


def test_the_reviewer_pages_send_anonymous_readers_to_sign_in(client, vorvick):
    for page in [*pages(vorvick), reverse("accounts:reviewer-link", args=[vorvick.pk])]:
        response = client.get(page)
        assert response.status_code == 302, page
        assert response.url.startswith(reverse("accounts:login"))


@pytest.mark.parametrize("person", ["maria", "charlie", "okafor", "dugdale"])
def test_the_reviewer_pages_refuse_everyone_but_editorial_directors(
    client, request, vorvick, person
):
    someone = request.getfixturevalue(person)
    client.force_login(someone.user if isinstance(someone, ReviewerProfile) else someone)

    for page in pages(vorvick):
        response = client.get(page)
        assert response.status_code == 403, page
        assert "This page is for the editorial director role." in response.content.decode()
    linking = client.post(
        reverse("accounts:reviewer-link", args=[vorvick.pk]), {"user": someone.pk}
    )
    assert linking.status_code == 403
    vorvick.refresh_from_db()
    assert vorvick.user is None


def test_editorial_directors_find_the_reviewers_in_their_menu(client, brenda, maria):
    link = f'href="{reverse("accounts:reviewers")}"'
    client.force_login(brenda)
    assert link in client.get(reverse("reviews:cycles")).content.decode()

    client.force_login(maria)
    assert link not in client.get(reverse("reviews:drafts")).content.decode()


# --- The list --------------------------------------------------------------------------------


def test_the_list_shows_every_reviewer_and_the_placeholders_to_complete(
    client, brenda, okafor, lee, vorvick
):
    ReviewerProfileFactory(
        credit_name="Soon Expiring, MD", licence_expires_on=datetime.date(2026, 12, 20)
    )
    client.force_login(brenda)

    response = client.get(reverse("accounts:reviewers"))

    page = response.content.decode()
    to_complete = page[page.index('id="to-complete"') : page.index("Every reviewer")]
    assert "Linda J. Vorvick, MD" in to_complete
    assert "credentials, licence number, licence expiry, specialties, an account" in to_complete
    assert "Ngozi Okafor, MD" not in to_complete
    everyone = page[page.index("Every reviewer") :]
    for name in ["Ngozi Okafor, MD", "Daniel Lee, MD", "Linda J. Vorvick, MD", "Soon Expiring"]:
        assert name in everyone
    lee_row = everyone[everyone.index("Daniel Lee, MD") :].split("</tr>")[0]
    assert "2026-10-31" in lee_row and "expired" in lee_row and "Cardiology" in lee_row
    soon_row = everyone[everyone.index("Soon Expiring") :].split("</tr>")[0]
    assert "expires within 30 days" in soon_row
    vorvick_row = everyone[everyone.index("Linda J. Vorvick, MD") :].split("</tr>")[0]
    assert "no account" in vorvick_row and "No" in vorvick_row
    okafor_row = everyone[everyone.index("Ngozi Okafor, MD") :].split("</tr>")[0]
    assert "okafor" in okafor_row and "expired" not in okafor_row


def test_the_list_does_not_grow_in_queries_with_its_rows(
    client, brenda, cardiology, django_assert_max_num_queries
):
    def make(count: int, start: int) -> None:
        for n in range(start, start + count):
            ReviewerProfileFactory(credit_name=f"Reviewer {n}, MD", specialties=[cardiology])
            placeholder(f"Placeholder {n}, MD")

    make(2, 0)
    client.force_login(brenda)
    with django_assert_max_num_queries(12) as few:
        assert client.get(reverse("accounts:reviewers")).status_code == 200

    make(10, 2)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("accounts:reviewers"))
    assert response.content.decode().count("Placeholder ") >= 24


# --- Editing ---------------------------------------------------------------------------------


def test_the_director_completes_a_placeholder_on_its_page(client, brenda, vorvick, cardiology):
    linda = UserFactory(username="lvorvick", first_name="Linda", last_name="Vorvick")
    client.force_login(brenda)
    url = reverse("accounts:reviewer", args=[vorvick.pk])

    edited = client.post(
        url,
        profile_post_data(
            vorvick,
            credentials="MD",
            licence_number="WA-MD-004211",
            licence_expires_on=datetime.date(2028, 3, 31),
            specialties=[cardiology.pk],
            is_active=True,
            reason="Credentials checked with the state medical board",
        ),
        follow=True,
    )
    assert "profile is saved" in messages_of(edited)
    assert "Missing before this reviewer can be assigned work: an account." in (
        edited.content.decode()
    )

    linked = client.post(
        reverse("accounts:reviewer-link", args=[vorvick.pk]),
        {"user": linda.pk, "grant_reviewer_role": "on"},
        follow=True,
    )

    assert "Linda J. Vorvick, MD now signs in as lvorvick." in messages_of(linked)
    vorvick.refresh_from_db()
    assert vorvick.user == linda and not vorvick.needs_completion and vorvick.is_active
    assert vorvick.licence_number == "WA-MD-004211"
    history = linked.content.decode().split("<h2>History</h2>")[1]
    assert "Credentials checked with the state medical board" in history
    assert "Linked to the account lvorvick" in history
    assert "Brenda Conaway" in history
    assert 'id="account"' not in linked.content.decode()  # nothing left to link
    listing = client.get(reverse("accounts:reviewers")).content.decode()
    assert "Every reviewer profile is complete." in listing


def test_saving_the_last_missing_fact_completes_the_profile(client, brenda, cardiology):
    linda = UserFactory(username="lvorvick")
    vorvick = placeholder(user=linda)
    client.force_login(brenda)

    response = client.post(
        reverse("accounts:reviewer", args=[vorvick.pk]),
        profile_post_data(
            vorvick,
            credentials="MD",
            licence_number="WA-MD-004211",
            licence_expires_on="2028-03-31",
            specialties=[cardiology.pk],
            reason="Completed from the board's register",
        ),
        follow=True,
    )

    assert "Linda J. Vorvick, MD's profile is complete." in messages_of(response)
    vorvick.refresh_from_db()
    assert not vorvick.needs_completion


def test_an_edit_without_a_reason_is_refused_with_a_message_and_keeps_the_typing(
    client, brenda, okafor
):
    client.force_login(brenda)

    response = client.post(
        reverse("accounts:reviewer", args=[okafor.pk]),
        profile_post_data(okafor, title="Professor of Cardiology"),
    )

    assert response.status_code == 200
    assert "Say why you are changing this profile" in messages_of(response)
    assert 'value="Professor of Cardiology"' in response.content.decode()
    okafor.refresh_from_db()
    assert okafor.title == "Associate Professor of Medicine"


def test_an_invalid_value_is_shown_on_the_form(client, brenda, okafor):
    client.force_login(brenda)

    response = client.post(
        reverse("accounts:reviewer", args=[okafor.pk]),
        profile_post_data(okafor, licence_expires_on="31/02/2028", reason="Renewed"),
    )

    assert response.status_code == 200
    assert "Enter a valid date." in response.content.decode()
    okafor.refresh_from_db()
    assert okafor.licence_expires_on == datetime.date(2027, 6, 30)


def test_the_edit_page_shows_the_profile_and_its_history(client, brenda, okafor):
    client.force_login(brenda)
    client.post(
        reverse("accounts:reviewer", args=[okafor.pk]),
        profile_post_data(okafor, capacity=6, reason="Half-time from December"),
    )

    page = client.get(reverse("accounts:reviewer", args=[okafor.pk])).content.decode()

    assert 'value="Ngozi Okafor, MD"' in page
    assert "Signs in as okafor" in page
    history = page.split("<h2>History</h2>")[1]
    assert "Half-time from December" in history and "Brenda Conaway" in history


def test_linking_without_choosing_an_account_says_so(client, brenda, vorvick):
    client.force_login(brenda)

    response = client.post(reverse("accounts:reviewer-link", args=[vorvick.pk]), follow=True)

    assert "Choose the account" in messages_of(response)


def test_an_unknown_profile_is_not_found(client, brenda):
    client.force_login(brenda)

    assert client.get(reverse("accounts:reviewer", args=[999])).status_code == 404


# --- Inviting --------------------------------------------------------------------------------

INVITATION = {
    "first_name": "Amara",
    "last_name": "Adeyemi",
    "email": "amara.adeyemi@hospital.example",
    "username": "adeyemi",
    "credit_name": "Amara Adeyemi, MD",
    "credentials": "MD",
    "licence_number": "MA-221873",
    "licence_expires_on": "2028-01-31",
}


def test_an_invited_reviewer_sets_a_password_from_the_email_and_signs_in(
    client, brenda, cardiology, django_capture_on_commit_callbacks
):
    client.force_login(brenda)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("accounts:reviewer-invite"),
            {**INVITATION, "specialties": [cardiology.pk]},
            follow=True,
        )

    assert "Amara Adeyemi, MD is invited" in messages_of(response)
    profile = ReviewerProfile.objects.get(user__username="adeyemi")
    assert response.redirect_chain[-1][0] == reverse("accounts:reviewer", args=[profile.pk])
    [letter] = mail.outbox
    assert letter.to == ["amara.adeyemi@hospital.example"]
    link = re.search(r"https://encyclopedia\.example(/accounts/password/reset/\S+)", letter.body)[1]

    reviewer = Client()
    choose = reviewer.get(link, follow=True)
    assert "Choose a password" in choose.content.decode()
    done = reviewer.post(
        choose.redirect_chain[-1][0],
        {"new_password1": "sphygmomanometer-42", "new_password2": "sphygmomanometer-42"},
        follow=True,
    )
    assert done.redirect_chain[-1][0] == reverse("accounts:password-reset-complete")
    signed_in = reviewer.post(
        reverse("accounts:login"),
        {"username": "adeyemi", "password": "sphygmomanometer-42"},
        follow=True,
    )
    assert signed_in.redirect_chain[-1][0] == reverse("reviews:queue")
    assert int(reviewer.session["_auth_user_id"]) == profile.user_id
    assert "no longer works" in reviewer.get(link, follow=True).content.decode()


def test_a_refused_invitation_keeps_the_form_and_creates_nothing(client, brenda, okafor):
    client.force_login(brenda)

    response = client.post(
        reverse("accounts:reviewer-invite"), {**INVITATION, "email": "okafor@stet.example"}
    )

    assert response.status_code == 200
    assert "An account already uses okafor@stet.example" in messages_of(response)
    assert 'value="Amara Adeyemi, MD"' in response.content.decode()
    assert not User.objects.filter(username="adeyemi").exists()
    assert mail.outbox == []


def test_inviting_a_placeholder_starts_from_its_credit_and_links_it(
    client, brenda, vorvick, django_capture_on_commit_callbacks
):
    client.force_login(brenda)
    url = reverse("accounts:reviewer-invite-for", args=[vorvick.pk])
    assert 'value="Linda J. Vorvick, MD"' in client.get(url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url,
            {
                **INVITATION,
                "first_name": "Linda",
                "last_name": "Vorvick",
                "username": "lvorvick",
                "email": "linda.vorvick@uw.example",
                "credit_name": "Linda J. Vorvick, MD",
            },
        )

    vorvick.refresh_from_db()
    assert vorvick.user.username == "lvorvick"
    assert [letter.to for letter in mail.outbox] == [["linda.vorvick@uw.example"]]
    assert "Dear Linda J. Vorvick, MD" in mail.outbox[0].body
