"""Two-factor sign-in (django-otp): a person enrolled gives the code after the password
before any page; one the account policy requires it of enrols first; enrolment shows the
recovery codes once, and each works once in place of the phone."""

import re

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import security
from accounts.models import AccountPolicy, SecurityEvent
from accounts.roles import Role
from tests.accounts.factories import PASSWORD, code_of, enrol_in_two_factor
from tests.encyclopedia.factories import superuser

pytestmark = pytest.mark.django_db
LOGIN = reverse("accounts:login")
VERIFY = reverse("accounts:two-factor-verify")
SETUP = reverse("accounts:two-factor-setup")
DASHBOARD = reverse("reporting:dashboard")


def sign_in(client, username, next_url=""):
    return client.post(LOGIN, {"username": username, "password": PASSWORD, "next": next_url})


@pytest.fixture
def requiring_directors(brenda):
    security.account_policy_update(
        user=brenda,
        two_factor_roles=[Role.MEDICAL_DIRECTOR.value, Role.EDITORIAL_DIRECTOR.value],
    )


def test_an_enrolled_director_gives_the_code_before_any_page(client, brenda):
    device = enrol_in_two_factor(brenda)

    response = sign_in(client, "brenda")
    assert response.url == reverse("accounts:home")
    held = client.get(DASHBOARD)
    assert held.url == f"{VERIFY}?next=%2Fwork%2Fdashboard%2F"
    assert client.get(reverse("api:me")).status_code == 302  # the API's session too

    given = client.post(VERIFY, {"code": code_of(device), "next": DASHBOARD})

    assert given.url == DASHBOARD
    assert client.get(DASHBOARD).status_code == 200


def test_a_wrong_code_keeps_the_door_shut_and_is_recorded(client, brenda):
    enrol_in_two_factor(brenda)
    sign_in(client, "brenda")

    response = client.post(VERIFY, {"code": "000000"})

    assert "That code is not right" in response.content.decode()
    assert client.get(DASHBOARD).status_code == 302
    assert SecurityEvent.objects.filter(
        user=brenda, action=SecurityEvent.Action.LOGIN_FAILED, note="Wrong one-time code"
    ).exists()


def test_a_recovery_code_works_once_in_place_of_the_phone(client, brenda):
    enrol_in_two_factor(brenda)
    (code, *_) = security.recovery_codes_replace(user=brenda)
    sign_in(client, "brenda")

    assert client.post(VERIFY, {"code": code}).status_code == 302
    assert client.get(DASHBOARD).status_code == 200

    client.post(reverse("accounts:logout"))
    sign_in(client, "brenda")
    refused = client.post(VERIFY, {"code": code})
    assert "That code is not right" in refused.content.decode()


def test_the_policy_sends_a_director_without_an_authenticator_to_enrol(
    client, brenda, requiring_directors
):
    sign_in(client, "brenda")

    held = client.get(DASHBOARD)

    assert held.url == f"{SETUP}?next=%2Fwork%2Fdashboard%2F"
    page = client.get(held.url).content.decode()
    assert "Your role signs off medical content" in page


def test_an_editor_is_not_asked_when_the_policy_names_directors(client, maria, requiring_directors):
    sign_in(client, "maria")

    assert client.get(reverse("reviews:drafts")).status_code == 200


def test_enrolment_confirms_the_app_with_its_first_code_and_shows_recovery_codes(
    client, brenda, requiring_directors
):
    sign_in(client, "brenda")
    page = BeautifulSoup(client.get(SETUP).content, "html.parser")
    key = page.find("code", class_="secret").text.replace(" ", "")
    assert page.find("figure", class_="qr").find("svg") is not None
    device = TOTPDevice.objects.get(user=brenda, confirmed=False)
    assert re.fullmatch(r"[A-Z2-7]+", key)

    wrong = client.post(SETUP, {"code": "000000", "next": DASHBOARD})
    assert "That code is not right" in wrong.content.decode()
    codes_page = client.post(
        SETUP, {"code": f"{TOTP(device.bin_key).token():06d}", "next": DASHBOARD}
    )

    shown = BeautifulSoup(codes_page.content, "html.parser").select(".recovery-codes code")
    assert len(shown) == security.RECOVERY_CODES
    assert "shown only now" in codes_page.content.decode()
    assert client.get(DASHBOARD).status_code == 200
    assert security.two_factor_enrolled(brenda)
    assert SecurityEvent.objects.filter(
        user=brenda, action=SecurityEvent.Action.TWO_FACTOR_ENROLLED
    ).exists()


def test_the_next_sign_in_asks_for_the_enrolled_code(client, brenda, requiring_directors):
    device = enrol_in_two_factor(brenda)

    sign_in(client, "brenda")

    assert client.get(DASHBOARD).url.startswith(VERIFY)
    client.post(VERIFY, {"code": code_of(device)})
    assert client.get(DASHBOARD).status_code == 200


def test_the_policy_can_require_it_of_administrators(client, brenda):
    policy = AccountPolicy.current()
    policy.two_factor_for_admins = True
    policy.save()
    admin = superuser()

    client.post(LOGIN, {"username": admin.username, "password": PASSWORD})

    assert client.get(reverse("admin:index")).url.startswith(SETUP)


def test_the_security_page_offers_new_recovery_codes(client, brenda):
    device = enrol_in_two_factor(brenda)
    old = security.recovery_codes_replace(user=brenda)
    sign_in(client, "brenda")
    client.post(VERIFY, {"code": code_of(device)})

    page = client.post(reverse("accounts:recovery-codes"))

    shown = BeautifulSoup(page.content, "html.parser").select(".recovery-codes code")
    new = [code.text for code in shown]
    assert len(new) == security.RECOVERY_CODES
    assert not set(new) & set(old)
    assert not security.two_factor_check(user=brenda, code=old[0])


def test_the_code_page_does_not_send_anyone_off_site(client, brenda):
    device = enrol_in_two_factor(brenda)
    sign_in(client, "brenda")

    response = client.post(VERIFY, {"code": code_of(device), "next": "https://evil.example/"})

    assert response.url == reverse("accounts:home")


def test_an_administrator_cannot_read_anyones_authenticator_secret(client, maria):
    device = enrol_in_two_factor(maria)
    client.force_login(superuser())

    config = client.get(f"/admin/otp_totp/totpdevice/{device.pk}/config/")
    qrcode = client.get(f"/admin/otp_totp/totpdevice/{device.pk}/qrcode/")

    assert (config.status_code, qrcode.status_code) == (403, 403)
