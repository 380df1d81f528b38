"""services.revision_withdraw and revision_take_back: the editor pulls a revision out of
review, for good or to change it (scenario 3)."""

import pytest

from core.errors import InvalidTransition, PermissionDenied
from encyclopedia.models import Revision
from reviews import services
from reviews.models import Approval, Submission
from tests.reviews.factories import (
    TODAY,
    edit,
    fresh,
    last_event,
    pending_step,
    proof_of,
    revision_in_state,
    sign,
    sign_all,
    steps_of,
    submit,
    submitted_revision,
    workflow_snapshot,
)

State = Revision.State


# --- Withdraw -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "state", [State.DRAFT, State.IN_REVIEW, State.CHANGES_REQUESTED, State.APPROVED]
)
def test_the_author_withdraws_an_unpublished_revision(article, maria, tom, signers, state):
    revision = revision_in_state(state, article, editor=maria, other_editor=tom, signers=signers)

    services.revision_withdraw(revision=revision, editor=maria, note="Superseded by a rewrite")

    revision = fresh(revision)
    assert revision.state == State.WITHDRAWN
    event = last_event(revision)
    assert (event.action, event.actor, event.from_state, event.to_state, event.note) == (
        "withdraw",
        maria,
        state,
        State.WITHDRAWN,
        "Superseded by a rewrite",
    )
    assert revision.history.first().history_user == maria
    assert not Submission.objects.filter(
        revision=revision, state__in=Submission.LIVE_STATES
    ).exists()
    assert not Approval.objects.filter(
        submission__revision=revision, decision__in=Approval.OPEN_DECISIONS
    ).exists()


def test_withdrawing_a_revision_in_review_voids_its_submission(article, maria, okafor):
    revision = submitted_revision(article, editor=maria)
    sign(revision, okafor.user)

    services.revision_withdraw(revision=revision, editor=maria)

    submission = Submission.objects.get(revision=revision)
    assert (submission.state, submission.closed_at) == (Submission.State.VOIDED, TODAY)
    # Every step is void, the one Dr. Okafor had signed included (scenario 3).
    assert [s.decision for s in steps_of(revision)] == [Approval.Decision.VOIDED] * 3


def test_the_live_page_is_untouched_by_a_withdrawal(article, maria, signers):
    revision = revision_in_state(
        State.APPROVED, article, editor=maria, other_editor=maria, signers=signers
    )
    live = article.live_revision

    services.revision_withdraw(revision=revision, editor=maria)

    article.refresh_from_db()
    assert article.live_revision == live


@pytest.mark.parametrize("who", ["tom", "brenda", "charlie"])
def test_only_the_author_can_withdraw(article, maria, tom, brenda, charlie, who):
    person = {"tom": tom, "brenda": brenda, "charlie": charlie}[who]
    revision = submitted_revision(article, editor=maria)
    before = workflow_snapshot(revision)

    with pytest.raises(PermissionDenied) as refused:
        services.revision_withdraw(revision=revision, editor=person)

    assert refused.value.code == "not_author"
    assert workflow_snapshot(revision) == before


@pytest.mark.parametrize(
    "state", [State.PUBLISHED, State.REJECTED, State.WITHDRAWN, State.SUPERSEDED]
)
def test_a_finished_revision_cannot_be_withdrawn(article, maria, tom, signers, state):
    revision = revision_in_state(state, article, editor=maria, other_editor=tom, signers=signers)
    before = workflow_snapshot(revision)

    with pytest.raises(InvalidTransition):
        services.revision_withdraw(revision=revision, editor=maria)

    assert workflow_snapshot(revision) == before


def test_a_withdrawn_revision_cannot_be_signed_from_a_page_opened_before(article, maria, okafor):
    revision = submitted_revision(article, editor=maria)
    step_on_her_screen = pending_step(revision)
    services.revision_withdraw(revision=revision, editor=maria)
    before = workflow_snapshot(revision)

    with pytest.raises(InvalidTransition):
        services.approval_approve(
            approval=step_on_her_screen,
            signer=okafor.user,
            proof=proof_of(okafor.user),
            attested=True,
        )

    assert workflow_snapshot(revision) == before


# --- Take back ------------------------------------------------------------------------


@pytest.mark.parametrize("state", [State.IN_REVIEW, State.APPROVED])
def test_taking_a_revision_back_returns_it_to_draft_and_voids_its_sign_offs(
    article, maria, tom, signers, state
):
    # Scenario 3.
    revision = revision_in_state(state, article, editor=maria, other_editor=tom, signers=signers)

    services.revision_take_back(revision=revision, editor=maria)

    revision = fresh(revision)
    assert revision.state == State.DRAFT
    submission = Submission.objects.get(revision=revision)
    assert (submission.state, submission.closed_at) == (Submission.State.VOIDED, TODAY)
    assert not Approval.objects.filter(
        submission__revision=revision, decision__in=Approval.OPEN_DECISIONS
    ).exists()
    event = last_event(revision)
    assert (event.action, event.actor, event.from_state, event.to_state) == (
        "take_back",
        maria,
        state,
        State.DRAFT,
    )
    assert "sign-offs void" in event.note
    latest = revision.history.first()
    assert latest.history_user == maria
    assert latest.history_change_reason.startswith("Taken back to draft")


def test_maria_cannot_edit_in_review_but_can_after_taking_it_back(article, maria, okafor):
    # Scenario 3.
    revision = submitted_revision(article, editor=maria)
    sign(revision, okafor.user)
    with pytest.raises(InvalidTransition):
        edit(revision, editor=maria, title="Atrial fibrillation (AF)")

    services.revision_take_back(revision=revision, editor=maria, note="Fixing the dose")
    edited = edit(revision, editor=maria, title="Atrial fibrillation (AF)")

    assert edited.title == "Atrial fibrillation (AF)"
    assert last_event(revision).note == "Fixing the dose"


def test_after_taking_back_the_resubmitted_revision_starts_the_chain_again(
    article, maria, okafor, dugdale, brenda
):
    revision = submitted_revision(article, editor=maria)
    sign_all(revision, okafor.user, dugdale.user, brenda)
    services.revision_take_back(revision=revision, editor=maria)

    submit(revision, change_summary="Resubmitted")

    assert [s.decision for s in steps_of(revision, number=2)] == [
        Approval.Decision.PENDING,
        Approval.Decision.WAITING,
        Approval.Decision.WAITING,
    ]
    assert fresh(revision).state == State.IN_REVIEW


def test_any_editor_may_take_a_revision_back(article, maria, tom):
    revision = submitted_revision(article, editor=maria)

    services.revision_take_back(revision=revision, editor=tom)

    assert fresh(revision).state == State.DRAFT


@pytest.mark.parametrize("who", ["okafor", "brenda", "charlie"])
def test_only_editors_can_take_a_revision_back(article, maria, charlie, signers, who):
    okafor, _, brenda = signers
    person = {"okafor": okafor, "brenda": brenda, "charlie": charlie}[who]
    revision = submitted_revision(article, editor=maria)
    before = workflow_snapshot(revision)

    with pytest.raises(PermissionDenied) as refused:
        services.revision_take_back(revision=revision, editor=person)

    assert refused.value.code == "wrong_role"
    assert workflow_snapshot(revision) == before


@pytest.mark.parametrize(
    "state",
    [
        State.DRAFT,
        State.CHANGES_REQUESTED,
        State.PUBLISHED,
        State.REJECTED,
        State.WITHDRAWN,
        State.SUPERSEDED,
    ],
)
def test_only_a_revision_in_review_or_approved_can_be_taken_back(
    article, maria, tom, signers, state
):
    revision = revision_in_state(state, article, editor=maria, other_editor=tom, signers=signers)
    before = workflow_snapshot(revision)

    with pytest.raises(InvalidTransition):
        services.revision_take_back(revision=revision, editor=maria)

    assert workflow_snapshot(revision) == before


def test_a_second_take_back_from_a_stale_page_is_refused(article, maria, tom):
    revision = submitted_revision(article, editor=maria)
    seen_by_tom = fresh(revision)
    services.revision_take_back(revision=revision, editor=maria)
    before = workflow_snapshot(revision)

    with pytest.raises(InvalidTransition):
        services.revision_take_back(revision=seen_by_tom, editor=tom)

    assert workflow_snapshot(revision) == before
