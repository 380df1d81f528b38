"""A re-certification has its chain as data, like every kind of change. By default it is
signed as the encyclopedia credits it — the reviewer who re-read the page, then the
medical director, then the editorial director — each with an electronic signature, and
the page moves only when the last one signs, crediting exactly who signed."""

import datetime

import pytest
from django.urls import reverse

from core.errors import DomainError
from encyclopedia.models import Article
from reviews import chains, cycles, services
from reviews.models import (
    RECERTIFICATION,
    RECERTIFICATION_ATTESTATION_TEXT,
    Approval,
    ChainStep,
    ReviewCycle,
    Signature,
    Step,
    Submission,
)
from tests.reviews.cycles.factories import NOW, OLD_REVIEW_DATE, TODAY, assigned_cycle, due_article
from tests.reviews.factories import proof_of

pytestmark = pytest.mark.django_db
LATER = NOW + datetime.timedelta(days=2)


@pytest.fixture(autouse=True)
def recertified_by_the_reviewer_alone():
    """Overrides the package's single-step chain: these tests are of the default one."""


@pytest.fixture
def cycle(maria, cardiology, okafor):
    article = due_article(datetime.date(2026, 7, 23), specialty=cardiology, author=maria)
    return assigned_cycle(article, to=okafor.user)


def recertify(cycle, user, now=NOW):
    return cycles.review_cycle_recertify(
        cycle=cycle, reviewer=user, attested=True, proof=proof_of(user, now=now), now=now
    )


def sign_next(cycle, user, now=LATER):
    step = Approval.objects.get(
        submission=fresh_cycle(cycle).recertification, decision=Approval.Decision.PENDING
    )
    return services.approval_approve(
        approval=step, signer=user, attested=True, proof=proof_of(user, now=now), now=now
    )


def fresh_cycle(cycle) -> ReviewCycle:
    return ReviewCycle.objects.get(pk=cycle.pk)


def page(cycle) -> Article:
    return Article.objects.get(pk=cycle.article_id)


def test_the_default_chain_is_reviewer_then_both_directors():
    assert chains.approval_chain_for(RECERTIFICATION) == [
        Step.MEDICAL_REVIEW,
        Step.MEDICAL_DIRECTOR,
        Step.EDITORIAL_DIRECTOR,
    ]


def test_the_reviewers_signature_waits_for_the_directors(cycle, okafor):
    recertify(cycle, okafor.user)

    cycle = fresh_cycle(cycle)
    assert cycle.state == ReviewCycle.State.SIGNING
    assert page(cycle).last_reviewed_on == OLD_REVIEW_DATE
    steps = list(cycle.recertification.approvals.order_by("position"))
    assert [(a.step, a.decision) for a in steps] == [
        (Step.MEDICAL_REVIEW, Approval.Decision.APPROVED),
        (Step.MEDICAL_DIRECTOR, Approval.Decision.PENDING),
        (Step.EDITORIAL_DIRECTOR, Approval.Decision.WAITING),
    ]


def test_the_page_moves_when_the_last_director_signs_and_credits_all_three(
    cycle, okafor, dugdale, brenda
):
    recertify(cycle, okafor.user)
    sign_next(cycle, dugdale.user)
    assert page(cycle).last_reviewed_on == OLD_REVIEW_DATE

    sign_next(cycle, brenda)

    article, cycle = page(cycle), fresh_cycle(cycle)
    # The Review Date is the day the reviewer re-read the page, not the day of the last
    # signature.
    assert article.last_reviewed_on == TODAY
    assert article.reviewed_by == okafor
    assert [credit["role"] for credit in article.also_reviewed_by] == [
        "Medical Director",
        "Editorial Director",
    ]
    assert article.also_reviewed_by[0]["name"] == "David C. Dugdale, MD"
    assert (cycle.state, cycle.outcome) == (
        ReviewCycle.State.COMPLETED,
        ReviewCycle.Outcome.RECERTIFIED,
    )
    assert cycle.recertification.state == Submission.State.RECERTIFIED
    assert list(
        Signature.objects.filter(approval__submission=cycle.recertification)
        .order_by("signed_at")
        .values_list("signer__username", "meaning")
    ) == [
        ("okafor", RECERTIFICATION_ATTESTATION_TEXT),
        ("dugdale", RECERTIFICATION_ATTESTATION_TEXT),
        ("brenda", RECERTIFICATION_ATTESTATION_TEXT),
    ]


def test_a_director_who_sends_it_back_reopens_the_review_and_the_page_keeps_its_date(
    cycle, okafor, dugdale
):
    recertify(cycle, okafor.user)
    step = fresh_cycle(cycle).recertification.approvals.get(decision=Approval.Decision.PENDING)

    services.approval_request_changes(
        approval=step, signer=dugdale.user, comment="Check the 2025 guideline first."
    )

    cycle = fresh_cycle(cycle)
    assert cycle.state == ReviewCycle.State.OPEN
    assert cycle.recertification is None
    assert page(cycle).last_reviewed_on == OLD_REVIEW_DATE
    recertify(cycle, okafor.user, now=LATER)  # the reviewer may sign again
    assert fresh_cycle(cycle).state == ReviewCycle.State.SIGNING


def test_the_reviewer_cannot_sign_the_directors_steps_too(cycle, okafor):
    recertify(cycle, okafor.user)

    with pytest.raises(Exception) as refused:
        sign_next(cycle, okafor.user)

    assert refused.value.code == "wrong_role"
    assert fresh_cycle(cycle).state == ReviewCycle.State.SIGNING


def test_the_chain_is_the_directors_to_change_but_starts_with_the_reviewer(brenda):
    with pytest.raises(DomainError) as refused:
        chains.approval_chain_set(
            kind=RECERTIFICATION,
            steps=[Step.MEDICAL_DIRECTOR, Step.MEDICAL_REVIEW],
            director=brenda,
        )
    assert refused.value.code == "medical_step_first"

    chains.approval_chain_set(
        kind=RECERTIFICATION, steps=[Step.MEDICAL_REVIEW, Step.EDITORIAL_DIRECTOR], director=brenda
    )
    assert list(
        ChainStep.objects.filter(kind=RECERTIFICATION)
        .order_by("position")
        .values_list("step", flat=True)
    ) == [Step.MEDICAL_REVIEW, Step.EDITORIAL_DIRECTOR]


def test_the_director_sets_it_on_the_approval_chains_page(client, brenda):
    client.force_login(brenda)
    page = client.get(reverse("reviews:chains")).content.decode()
    assert "<h2>Re-certification</h2>" in page

    client.post(
        reverse("reviews:chains"),
        {"kind": RECERTIFICATION, "steps": ["medical_review", "editorial_director"]},
    )

    assert chains.approval_chain_for(RECERTIFICATION) == [
        Step.MEDICAL_REVIEW,
        Step.EDITORIAL_DIRECTOR,
    ]
