"""Scenario 10: the assigned reviewer re-certifies an unchanged article. The Review Date
moves to today, the credit names her, and nothing in the content changes."""

import datetime

import pytest

from accounts.roles import Role
from core.errors import DomainError, InvalidTransition, PermissionDenied
from encyclopedia import services as content
from encyclopedia.models import Article, Revision
from reviews import cycles, services
from reviews.models import RECERTIFICATION_ATTESTATION_TEXT, AuditEvent, ReviewCycle
from tests.reviews.cycles.factories import (
    NOW,
    OLD_REVIEW_DATE,
    TODAY,
    assigned_cycle,
    at,
    due_article,
    flag,
    fresh,
    open_cycle,
    with_roles,
)
from tests.reviews.factories import proof_of

pytestmark = pytest.mark.django_db

OKAFOR_CREDIT = (
    "Ngozi Okafor, MD, Associate Professor of Medicine, Division of Cardiology, "
    "Riverside University School of Medicine"
)


@pytest.fixture
def article(maria, cardiology):
    """Last reviewed 2024-07-23, so due 2026-07-23."""
    return due_article(datetime.date(2026, 7, 23), specialty=cardiology, author=maria)


@pytest.fixture
def cycle(article, okafor):
    return assigned_cycle(article, to=okafor.user)


def recertify(cycle, reviewer_user, *, attested=True, now=NOW):
    return cycles.review_cycle_recertify(
        cycle=cycle,
        reviewer=reviewer_user,
        proof=proof_of(reviewer_user, now=now),
        attested=attested,
        now=now,
    )


def snapshot(article) -> dict:
    """What a refused re-certification must leave as it was."""
    article = Article.objects.get(pk=article.pk)
    return {
        "article": (
            article.last_reviewed_on,
            article.next_review_due,
            article.reviewed_by_id,
            article.reviewed_by_credit,
            article.also_reviewed_by,
            article.live_revision_id,
            article.history.count(),
        ),
        "cycles": list(
            ReviewCycle.objects.filter(article=article).values_list(
                "pk", "state", "outcome", "closed_at", "signer_credit"
            )
        ),
        "events": AuditEvent.objects.filter(article=article).count(),
    }


# --- The happy path -----------------------------------------------------------------------


def test_re_certifying_moves_the_review_date_and_the_credit_and_not_the_content(
    article, cycle, okafor
):
    assert article.last_reviewed_on == OLD_REVIEW_DATE
    live = article.live_revision
    updated_on = article.last_updated_on
    sections = list(live.sections.values_list("heading", "body"))
    revisions = Revision.objects.filter(article=article).count()

    recertify(cycle, okafor.user)

    article.refresh_from_db()
    assert article.last_reviewed_on == datetime.date(2026, 11, 27)
    assert article.next_review_due == datetime.date(2028, 11, 27)
    assert article.reviewed_by == okafor
    assert article.reviewed_by_credit == OKAFOR_CREDIT
    assert article.also_reviewed_by == []
    # Nothing in the content moved: the same live revision, no new version, same text.
    assert article.live_revision_id == live.pk
    assert article.last_updated_on == updated_on
    assert Revision.objects.filter(article=article).count() == revisions
    assert list(fresh(live).sections.values_list("heading", "body")) == sections


def test_re_certifying_completes_the_cycle_with_the_signers_attestation(article, cycle, okafor):
    recertify(cycle, okafor.user)

    cycle = fresh(cycle)
    assert (cycle.state, cycle.outcome) == (
        ReviewCycle.State.COMPLETED,
        ReviewCycle.Outcome.RECERTIFIED,
    )
    assert cycle.attestation == RECERTIFICATION_ATTESTATION_TEXT
    assert cycle.signer_credit == OKAFOR_CREDIT
    assert (cycle.closed_at, cycle.closed_by) == (NOW, okafor.user)
    assert cycle.revision is None


def test_re_certifying_is_audited_and_tracked(article, cycle, okafor):
    recertify(cycle, okafor.user)

    event = AuditEvent.objects.get(action="recertify")
    assert (event.cycle_id, event.article_id, event.actor, event.at) == (
        cycle.pk,
        article.pk,
        okafor.user,
        NOW,
    )
    assert (event.from_state, event.to_state) == ("open", "completed")
    assert event.note == f"Re-certified by {OKAFOR_CREDIT}: Review Date 11/27/2026"
    cycle_row = fresh(cycle).history.first()
    assert (cycle_row.history_user, cycle_row.history_change_reason, cycle_row.state) == (
        okafor.user,
        "Re-certified, no change",
        "completed",
    )
    article_row = fresh(article).history.first()
    assert (article_row.history_user, article_row.history_change_reason) == (
        okafor.user,
        "Re-certified by Ngozi Okafor, MD: no change",
    )
    assert article_row.last_reviewed_on == TODAY


def test_after_re_certification_the_nightly_job_leaves_the_article_alone(article, cycle, okafor):
    recertify(cycle, okafor.user)

    assert flag().opened == 0
    assert flag(datetime.date(2028, 11, 26)).opened == 0
    assert flag(datetime.date(2028, 11, 27)).opened == 1


def test_the_review_date_is_the_day_in_new_york_not_in_utc(article, cycle, okafor):
    # 11:30 pm in New York is already the 28th in UTC.
    recertify(cycle, okafor.user, now=at(TODAY, 23).replace(minute=30))

    assert fresh(article).last_reviewed_on == datetime.date(2026, 11, 27)


# --- Refusals -------------------------------------------------------------------------------


def test_only_the_assigned_reviewer_may_re_certify(article, cycle, adeyemi):
    before = snapshot(article)

    with pytest.raises(PermissionDenied, match="This review is assigned to Ngozi Okafor"):
        recertify(cycle, adeyemi.user)

    assert snapshot(article) == before


def test_an_unassigned_review_cannot_be_re_certified(article, okafor):
    cycle = open_cycle(article)
    before = snapshot(article)

    with pytest.raises(PermissionDenied, match="This review is assigned to nobody yet"):
        recertify(cycle, okafor.user)

    assert snapshot(article) == before


def test_a_reviewer_whose_licence_has_since_expired_cannot_re_certify(article, cycle, okafor):
    before = snapshot(article)

    with pytest.raises(PermissionDenied) as refusal:
        recertify(cycle, okafor.user, now=at("2027-07-01"))

    assert refusal.value.message == "Ngozi Okafor, MD's licence is not valid on July 1, 2027."
    assert snapshot(article) == before


def test_a_reviewer_who_since_declared_a_conflict_cannot_re_certify(
    article, cycle, okafor, anticoagulants
):
    article.topics.add(anticoagulants)
    anticoagulants.conflicted_reviewers.add(okafor)
    before = snapshot(article)

    with pytest.raises(PermissionDenied, match="conflict of interest covering Anticoagulants"):
        recertify(cycle, okafor.user)

    assert snapshot(article) == before


def test_a_reviewer_who_wrote_the_live_version_cannot_re_certify_it(article, cycle, okafor, brenda):
    # While the review waits, Dr. Okafor (also an editor) fixes a typo on the page; the
    # correction is published without moving the Review Date, and the cycle stays open.
    with_roles(okafor.user, Role.EDITOR)
    draft = services.revision_start_draft(article=article, editor=okafor.user)
    content.revision_save_draft(
        revision=draft,
        editor=okafor.user,
        expected_version=draft.edit_version,
        title=draft.title,
        summary="Atrial fibrillation explained for patients, typo fixed.",
        sections=content.revision_content(draft)[0],
        references=content.revision_content(draft)[1],
    )
    services.revision_submit(
        revision=draft, editor=okafor.user, kind="correction", change_summary="Typo"
    )
    services.approval_approve(
        approval=draft.submissions.get().approvals.get(),
        signer=brenda,
        proof=proof_of(brenda),
        attested=True,
    )
    services.revision_publish(revision=draft, editor=okafor.user)
    assert fresh(cycle).state == ReviewCycle.State.OPEN
    before = snapshot(article)

    with pytest.raises(PermissionDenied) as refusal:
        recertify(cycle, okafor.user)

    assert refusal.value.message == (
        "You wrote or edited the live version of this article; another reviewer must re-certify it."
    )
    assert snapshot(article) == before


def test_re_certifying_needs_the_attestation(article, cycle, okafor):
    before = snapshot(article)

    with pytest.raises(DomainError) as refusal:
        recertify(cycle, okafor.user, attested=False)

    assert refusal.value.code == "attestation_required"
    assert snapshot(article) == before


def test_a_completed_review_cannot_be_re_certified_again(article, cycle, okafor):
    recertify(cycle, okafor.user)
    before = snapshot(article)

    with pytest.raises(
        InvalidTransition, match="You cannot re-certify this review: it is completed"
    ):
        recertify(cycle, okafor.user, now=at("2026-11-28"))

    assert snapshot(article) == before


def test_a_review_whose_revision_is_being_drafted_cannot_be_re_certified(article, cycle, okafor):
    cycles.review_cycle_request_changes(cycle=cycle, reviewer=okafor.user, note="Update the doses.")
    before = snapshot(article)

    with pytest.raises(InvalidTransition, match="in progress"):
        recertify(cycle, okafor.user)

    assert snapshot(article) == before


def test_a_cancelled_review_cannot_be_re_certified(article, cycle, okafor, brenda):
    services.article_retire(article=article, director=brenda, reason="Merged into Arrhythmia")

    with pytest.raises(
        InvalidTransition, match="You cannot re-certify this review: it is cancelled"
    ):
        recertify(cycle, okafor.user)

    assert fresh(article).last_reviewed_on == OLD_REVIEW_DATE
