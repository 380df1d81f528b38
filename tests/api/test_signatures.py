"""Signing through the API is an electronic signature too: without the password (and the
one-time code where enrolled) in the request, or a re-authentication with the same key
in the last few minutes, a sign-off or a re-certification is refused with 403
`reauthentication_required` — a key alone no longer moves a Review Date."""

import pytest

from reviews.models import RECERTIFICATION, ChainStep, ReviewCycle, Signature, Step
from tests.accounts.factories import PASSWORD, code_of, enrol_in_two_factor
from tests.reviews.cycles.factories import assigned_cycle, due_article
from tests.reviews.factories import TODAY, fresh, pending_step, submitted_revision

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_review(article, maria, okafor):
    return submitted_revision(article, editor=maria, reviewer=okafor)


def approve_url(revision) -> str:
    return f"/api/v1/approvals/{pending_step(revision).pk}/approve/"


def test_an_approval_without_fresh_credentials_is_refused(with_token, in_review, okafor):
    response = with_token(okafor.user).post(approve_url(in_review), {"attested": True})

    assert response.status_code == 403
    assert response.json()["code"] == "reauthentication_required"
    assert fresh(pending_step(in_review)).decided_by is None


def test_with_the_password_the_approval_is_signed(with_token, in_review, okafor):
    response = with_token(okafor.user).post(
        approve_url(in_review), {"attested": True, "password": PASSWORD}
    )

    assert response.status_code == 200, response.json()
    signature = Signature.objects.get()
    assert (signature.signer, signature.method) == (okafor.user, "password")


def test_a_wrong_password_is_refused(with_token, in_review, okafor):
    response = with_token(okafor.user).post(
        approve_url(in_review), {"attested": True, "password": "guess"}
    )

    assert response.status_code == 403
    assert response.json()["code"] == "reauthentication_failed"


def test_the_same_key_signs_again_within_the_window_without_the_password(
    with_token, article, maria, okafor, dugdale, today
):
    client = with_token(dugdale.user)
    first = submitted_revision(article, editor=maria, reviewer=okafor)
    with_token(okafor.user).post(approve_url(first), {"attested": True, "password": PASSWORD})
    assert (
        client.post(approve_url(first), {"attested": True, "password": PASSWORD}).status_code == 200
    )

    other = submitted_revision(
        due_article(TODAY.date(), specialty=article.specialty, author=maria, title="Angina"),
        editor=maria,
        reviewer=okafor,
    )
    with_token(okafor.user).post(approve_url(other), {"attested": True, "password": PASSWORD})
    today.shift(60 * 4)
    assert client.post(approve_url(other), {"attested": True}).status_code == 200

    # A different key of the same person proves nothing by itself.
    third = submitted_revision(
        due_article(TODAY.date(), specialty=article.specialty, author=maria, title="Gout"),
        editor=maria,
        reviewer=okafor,
    )
    with_token(okafor.user).post(approve_url(third), {"attested": True, "password": PASSWORD})
    response = with_token(dugdale.user).post(approve_url(third), {"attested": True})
    assert response.json()["code"] == "reauthentication_required"


def test_a_signer_enrolled_in_two_factor_sends_the_code_too(with_token, in_review, okafor):
    device = enrol_in_two_factor(okafor.user)
    client = with_token(okafor.user)

    refused = client.post(approve_url(in_review), {"attested": True, "password": PASSWORD})
    assert (refused.status_code, refused.json()["code"]) == (403, "otp_required")

    signed = client.post(
        approve_url(in_review),
        {"attested": True, "password": PASSWORD, "otp_code": code_of(device)},
    )
    assert signed.status_code == 200, signed.json()
    assert Signature.objects.get().method == "password+totp"


@pytest.fixture
def cycle(maria, okafor, cardiology, db):
    ChainStep.objects.create(kind=RECERTIFICATION, position=0, step=Step.MEDICAL_REVIEW)
    article = due_article(TODAY.date(), specialty=cardiology, author=maria)
    return assigned_cycle(article, to=okafor.user, today=TODAY.date())


def test_a_recertification_with_a_key_alone_is_refused(with_token, cycle, okafor):
    response = with_token(okafor.user).post(
        f"/api/v1/cycles/{cycle.pk}/recertify/", {"attested": True}
    )

    assert response.status_code == 403
    assert response.json()["code"] == "reauthentication_required"
    assert fresh(cycle).state == ReviewCycle.State.OPEN
    assert fresh(cycle.article).last_reviewed_on == cycle.article.last_reviewed_on


def test_a_recertification_with_the_password_moves_the_review_date(with_token, cycle, okafor):
    response = with_token(okafor.user).post(
        f"/api/v1/cycles/{cycle.pk}/recertify/", {"attested": True, "password": PASSWORD}
    )

    assert response.status_code == 200, response.json()
    assert fresh(cycle).state == ReviewCycle.State.COMPLETED
    assert fresh(cycle.article).last_reviewed_on == TODAY.date()
    assert Signature.objects.get().revision == cycle.article.live_revision


def test_a_signer_who_may_not_sign_is_told_why_before_being_asked_for_a_password(
    with_token, in_review, maria
):
    response = with_token(maria).post(approve_url(in_review), {"attested": True})

    assert response.json()["code"] == "wrong_role"
