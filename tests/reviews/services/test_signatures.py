"""Electronic signatures (21 CFR Part 11's practice): every sign-off rests on the signer
re-entering their password (and one-time code where enrolled) within the policy's
window, and records who, when, what they attested, how they proved it, and a SHA-256 of
the content exactly as signed — which `verify_signatures` checks against the live page."""

import datetime
import hashlib
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from accounts import security
from accounts.models import AccountPolicy, Reauthentication, SecurityEvent
from core.errors import PermissionDenied
from encyclopedia.canonical import revision_canonical, revision_sha256
from reviews import services
from reviews.models import Signature
from tests.accounts.factories import PASSWORD, code_of, enrol_in_two_factor
from tests.encyclopedia.factories import superuser
from tests.reviews.factories import (
    TODAY,
    approved_revision,
    fresh,
    pending_step,
    proof_of,
    submitted_revision,
)

pytestmark = pytest.mark.django_db
CHANNEL = security.channel_of_session("okafors-session")


def approve_with(step, signer, proof, now=TODAY):
    return services.approval_approve(
        approval=step, signer=signer, attested=True, proof=proof, now=now
    )


def test_a_sign_off_records_its_signature_over_the_content_signed(article, maria, okafor):
    revision = submitted_revision(article, editor=maria, reviewer=okafor)
    proof = security.signing_proof(
        user=okafor.user, channel=CHANNEL, credentials=security.Credentials(PASSWORD)
    )

    approval = approve_with(pending_step(revision), okafor.user, proof)

    signature = Signature.objects.get(approval=approval)
    assert (signature.signer, signature.signed_at, signature.method) == (
        okafor.user,
        TODAY,
        "password",
    )
    assert signature.meaning == "I have reviewed this content for medical accuracy."
    assert signature.authenticated_at == proof.at
    assert signature.revision == revision
    expected = hashlib.sha256(revision_canonical(revision).encode()).hexdigest()
    assert signature.content_sha256 == expected == revision_sha256(fresh(revision))
    with pytest.raises(ValueError):
        signature.save()


def test_without_fresh_credentials_the_signature_is_refused(article, maria, okafor):
    revision = submitted_revision(article, editor=maria, reviewer=okafor)

    with pytest.raises(PermissionDenied) as refused:
        security.signing_proof(user=okafor.user, channel=CHANNEL)

    assert refused.value.code == "reauthentication_required"
    assert "password again" in refused.value.message
    assert fresh(pending_step(revision)).decision == "pending"


def test_a_re_authentication_older_than_the_window_does_not_carry_a_signature(
    article, maria, okafor
):
    revision = submitted_revision(article, editor=maria, reviewer=okafor)
    stale = proof_of(okafor.user, now=TODAY - datetime.timedelta(minutes=6))

    with pytest.raises(PermissionDenied) as refused:
        approve_with(pending_step(revision), okafor.user, stale)

    assert refused.value.code == "reauthentication_required"
    assert not Signature.objects.exists()


def test_within_the_window_the_same_session_signs_without_the_password_again(
    article, maria, okafor
):
    security.reauthenticate(
        user=okafor.user, credentials=security.Credentials(PASSWORD), channel=CHANNEL
    )

    proof = security.signing_proof(user=okafor.user, channel=CHANNEL)

    assert proof.channel == CHANNEL
    # …but not another session or key: each channel proves itself.
    with pytest.raises(PermissionDenied):
        security.signing_proof(user=okafor.user, channel=security.channel_of_token(1))


def test_the_window_is_the_account_policys(okafor, brenda):
    security.account_policy_update(user=brenda, signature_window_minutes=1)
    earlier = Reauthentication.objects.create(
        user=okafor.user,
        at=TODAY - datetime.timedelta(minutes=2),
        method="password",
        channel=CHANNEL,
    )

    assert security.recent_reauthentication(user=okafor.user, channel=CHANNEL) is None
    assert earlier.pk


def test_someone_elses_proof_does_not_sign(article, maria, okafor, dugdale):
    revision = submitted_revision(article, editor=maria, reviewer=okafor)

    with pytest.raises(PermissionDenied) as refused:
        approve_with(pending_step(revision), okafor.user, proof_of(dugdale.user))

    assert refused.value.code == "reauthentication_required"


def test_a_wrong_password_is_refused_and_recorded(okafor):
    with pytest.raises(PermissionDenied) as refused:
        security.signing_proof(
            user=okafor.user, channel=CHANNEL, credentials=security.Credentials("guess")
        )

    assert refused.value.code == "reauthentication_failed"
    event = SecurityEvent.objects.get()
    assert (event.user, event.action) == (okafor.user, SecurityEvent.Action.REAUTH_FAILED)


def test_a_director_enrolled_in_two_factor_cannot_sign_without_the_code(
    article, maria, okafor, dugdale, brenda, today
):
    """Scenario 18: Brenda enters her password and the six-digit code to sign."""
    revision = approved_revision(article, editor=maria, signers=[okafor.user, dugdale.user])
    device = enrol_in_two_factor(brenda)

    with pytest.raises(PermissionDenied) as refused:
        security.signing_proof(
            user=brenda, channel=CHANNEL, credentials=security.Credentials(PASSWORD)
        )
    assert refused.value.code == "otp_required"
    with pytest.raises(PermissionDenied) as refused:
        security.signing_proof(
            user=brenda, channel=CHANNEL, credentials=security.Credentials(PASSWORD, "000000")
        )
    assert refused.value.code == "otp_invalid"
    today.shift(datetime.timedelta(seconds=30))  # past django-otp's wait after a wrong code

    proof = security.signing_proof(
        user=brenda, channel=CHANNEL, credentials=security.Credentials(PASSWORD, code_of(device))
    )
    assert proof.method == "password+totp"
    assert fresh(revision).state == "in_review"


def test_the_superuser_without_the_role_cannot_sign(article, maria, okafor, dugdale):
    revision = submitted_revision(article, editor=maria, reviewer=okafor)
    for signer in (okafor.user, dugdale.user):
        approve_with(pending_step(revision), signer, proof_of(signer))
    admin = superuser()

    with pytest.raises(PermissionDenied) as refused:
        approve_with(pending_step(revision), admin, proof_of(admin))

    assert refused.value.code == "wrong_role"
    assert "editorial director" in refused.value.message


def published_and_signed(article, maria, okafor, dugdale, brenda):
    revision = approved_revision(article, editor=maria, signers=[okafor.user, dugdale.user, brenda])
    services.revision_publish(revision=revision, editor=maria)
    return fresh(revision)


def verify() -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("verify_signatures", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_verify_signatures_finds_every_live_page_as_signed(article, maria, okafor, dugdale, brenda):
    published_and_signed(article, maria, okafor, dugdale, brenda)

    out, err = verify()

    assert out.strip() == "1 signed live pages match their signatures."
    assert err == ""


def test_verify_signatures_catches_a_page_changed_behind_the_services_back(
    article, maria, okafor, dugdale, brenda
):
    revision = published_and_signed(article, maria, okafor, dugdale, brenda)
    section = revision.sections.get(heading="Treatment")
    with connection.cursor() as cursor:  # what a stray database edit would do
        cursor.execute(
            "UPDATE encyclopedia_section SET body = %s WHERE id = %s",
            ["Take 50 mg twice daily.", section.pk],
        )

    with pytest.raises(CommandError, match="1 of 1 signed live pages differ"):
        verify()


def test_the_policy_window_cannot_be_stretched_past_fifteen_minutes(brenda):
    with pytest.raises(Exception, match="at most 15 minutes"):
        security.account_policy_update(user=brenda, signature_window_minutes=60)

    assert AccountPolicy.current().signature_window_minutes == 5


def test_guessing_the_password_at_the_signature_locks_signing(okafor, today):
    wrong = security.Credentials("guess")
    for _ in range(5):
        with pytest.raises(PermissionDenied):
            security.signing_proof(user=okafor.user, channel=CHANNEL, credentials=wrong)

    with pytest.raises(PermissionDenied) as refused:
        security.signing_proof(
            user=okafor.user, channel=CHANNEL, credentials=security.Credentials(PASSWORD)
        )

    assert refused.value.code == "reauthentication_locked"
    today.shift(datetime.timedelta(hours=1, minutes=1))
    assert security.signing_proof(
        user=okafor.user, channel=CHANNEL, credentials=security.Credentials(PASSWORD)
    )
