"""services.approval_request_changes and approval_reject: a signer sends a revision back
to its editors, or refuses it for good."""

import pytest
from django.core import mail

from core.errors import DomainError, InvalidTransition, PermissionDenied
from encyclopedia.models import Revision
from reviews import services
from reviews.models import Approval, Submission
from tests.reviews.factories import (
    TODAY,
    edit,
    fresh,
    last_event,
    live_article,
    pending_step,
    proof_of,
    reviewer,
    revision_in_state,
    sign,
    sign_all,
    steps_of,
    submit,
    submitted_revision,
    workflow_snapshot,
)

State = Revision.State
COMMENT = "Treatment: say which score the threshold uses, and cite the 2025 guideline."

VERBS = {
    "request_changes": (services.approval_request_changes, State.CHANGES_REQUESTED),
    "reject": (services.approval_reject, State.REJECTED),
}


def decide(verb, approval, signer, comment=COMMENT, **kwargs):
    service, _ = VERBS[verb]
    return service(approval=approval, signer=signer, comment=comment, **kwargs)


@pytest.mark.parametrize("verb", VERBS)
def test_a_signer_sends_the_revision_back_and_its_chain_closes(article, maria, okafor, verb):
    revision = submitted_revision(article, editor=maria)

    decided = decide(verb, pending_step(revision), okafor.user)

    _, target = VERBS[verb]
    revision = fresh(revision)
    assert revision.state == target
    decided = fresh(decided)
    assert (decided.decision, decided.decided_by, decided.decided_at, decided.comment) == (
        target,  # the step's decision is named like the revision's new state
        okafor.user,
        TODAY,
        COMMENT,
    )
    assert [s.decision for s in steps_of(revision)][1:] == [
        Approval.Decision.VOIDED,
        Approval.Decision.VOIDED,
    ]
    submission = Submission.objects.get(revision=revision)
    assert submission.state == target
    assert submission.closed_at == TODAY
    event = last_event(revision)
    assert (event.action, event.actor, event.from_state, event.to_state, event.note) == (
        verb,
        okafor.user,
        State.IN_REVIEW,
        target,
        COMMENT,
    )
    latest = revision.history.first()
    assert latest.history_user == okafor.user
    assert COMMENT in latest.history_change_reason


def test_maria_is_emailed_when_dr_okafor_requests_changes(
    article, maria, okafor, django_capture_on_commit_callbacks
):
    # Scenario 6.
    revision = submitted_revision(article, editor=maria)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        decide("request_changes", pending_step(revision), okafor.user)

    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["maria@stet.example"], "Changes requested: Atrial fibrillation v2")
    ]
    assert COMMENT in mail.outbox[0].body


def test_maria_is_emailed_when_her_revision_is_rejected(
    article, maria, okafor, django_capture_on_commit_callbacks
):
    revision = submitted_revision(article, editor=maria)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        decide("reject", pending_step(revision), okafor.user, comment="Not supported by evidence.")

    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["maria@stet.example"], "Rejected: Atrial fibrillation v2")
    ]


@pytest.mark.parametrize("verb", VERBS)
@pytest.mark.parametrize("comment", ["", " \n "])
def test_sending_a_revision_back_needs_a_comment(article, maria, okafor, verb, comment):
    revision = submitted_revision(article, editor=maria)
    before = workflow_snapshot(revision)

    with pytest.raises(DomainError) as refused:
        decide(verb, pending_step(revision), okafor.user, comment=comment)

    assert refused.value.code == "comment_required"
    assert workflow_snapshot(revision) == before


@pytest.mark.parametrize("verb", VERBS)
def test_a_later_signer_can_send_the_revision_back(article, maria, okafor, dugdale, verb):
    revision = submitted_revision(article, editor=maria)
    sign(revision, okafor.user)

    decide(verb, pending_step(revision), dugdale.user)

    assert [s.decision for s in steps_of(revision)] == [
        Approval.Decision.APPROVED,
        VERBS[verb][1],
        Approval.Decision.VOIDED,
    ]


def test_a_reviewer_outside_the_specialty_may_still_point_out_an_error(dermatology, maria, okafor):
    eczema = live_article(specialty=dermatology, author=maria, title="Eczema")
    revision = submitted_revision(eczema, editor=maria)

    decide("request_changes", pending_step(revision), okafor.user)

    assert fresh(revision).state == State.CHANGES_REQUESTED


@pytest.mark.parametrize("verb", VERBS)
@pytest.mark.parametrize("who", ["charlie", "tom", "dugdale"])
def test_only_the_steps_role_can_send_a_revision_back(
    article, maria, tom, charlie, okafor, dugdale, verb, who
):
    person = {"charlie": charlie, "tom": tom, "dugdale": dugdale.user}[who]
    revision = submitted_revision(article, editor=maria)
    before = workflow_snapshot(revision)

    with pytest.raises(PermissionDenied) as refused:
        decide(verb, pending_step(revision), person)

    assert refused.value.code == "wrong_role"
    assert workflow_snapshot(revision) == before


@pytest.mark.parametrize("verb", VERBS)
def test_only_the_assigned_reviewer_can_send_the_step_back(
    article, maria, okafor, cardiology, verb
):
    adams = reviewer("adams", credit_name="Aaron Adams, MD", specialties=[cardiology])
    revision = submitted_revision(article, editor=maria, reviewer=okafor)
    before = workflow_snapshot(revision)

    with pytest.raises(PermissionDenied) as refused:
        decide(verb, pending_step(revision), adams.user)

    assert refused.value.code == "assigned_to_someone_else"
    assert workflow_snapshot(revision) == before


@pytest.mark.parametrize("verb", VERBS)
@pytest.mark.parametrize(
    "state",
    [
        State.CHANGES_REQUESTED,
        State.APPROVED,
        State.PUBLISHED,
        State.REJECTED,
        State.WITHDRAWN,
        State.SUPERSEDED,
    ],
)
def test_only_a_revision_in_review_can_be_sent_back(article, maria, tom, signers, verb, state):
    revision = revision_in_state(state, article, editor=maria, other_editor=tom, signers=signers)
    steps = steps_of(revision)
    step = steps[-1] if state in (State.APPROVED, State.PUBLISHED) else steps[0]
    before = workflow_snapshot(revision)

    with pytest.raises(InvalidTransition):
        decide(verb, step, signers[step.position])

    assert workflow_snapshot(revision) == before


@pytest.mark.parametrize("verb", VERBS)
def test_a_revision_taken_back_cannot_be_sent_back(article, maria, okafor, verb):
    revision = submitted_revision(article, editor=maria)
    step = pending_step(revision)
    services.revision_take_back(revision=revision, editor=maria)
    before = workflow_snapshot(revision)

    with pytest.raises(InvalidTransition):
        decide(verb, step, okafor.user)

    assert workflow_snapshot(revision) == before


def test_the_second_signer_to_answer_a_step_is_refused(article, maria, okafor):
    revision = submitted_revision(article, editor=maria)
    on_her_first_tab = pending_step(revision)
    on_her_second_tab = pending_step(revision)
    decide("request_changes", on_her_first_tab, okafor.user)
    before = workflow_snapshot(revision)

    with pytest.raises(InvalidTransition):
        services.approval_approve(
            approval=on_her_second_tab,
            signer=okafor.user,
            proof=proof_of(okafor.user),
            attested=True,
        )

    assert workflow_snapshot(revision) == before


def test_after_changes_are_requested_the_editor_fixes_and_resubmits_to_a_fresh_chain(
    article, maria, okafor, dugdale, brenda
):
    revision = submitted_revision(article, editor=maria)
    sign(revision, okafor.user)
    decide("request_changes", pending_step(revision), dugdale.user)

    edit(revision, editor=maria, title="Atrial fibrillation (AF)")
    submit(revision, change_summary="Cited the 2025 guideline")

    assert [(s.decision, s.decided_by) for s in steps_of(revision, number=2)] == [
        (Approval.Decision.PENDING, None),
        (Approval.Decision.WAITING, None),
        (Approval.Decision.WAITING, None),
    ]
    assert sign_all(revision, okafor.user, dugdale.user, brenda).state == State.APPROVED


def test_a_rejected_revision_stays_rejected(article, maria, okafor):
    revision = submitted_revision(article, editor=maria)
    decide("reject", pending_step(revision), okafor.user)

    with pytest.raises(InvalidTransition):
        edit(revision, editor=maria, title="Try again")
    with pytest.raises(InvalidTransition):
        submit(revision)
