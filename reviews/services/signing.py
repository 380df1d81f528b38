"""Signing: a signer approves their step (the last one approves the revision for
publishing), requests changes or rejects; an editorial director overrides the
specialty match or gives a step to a person. Who may do each is the one eligibility
rule's verdict (reviews.eligibility)."""

import datetime
from collections.abc import Collection

from django.db import transaction
from django.utils import timezone

from accounts.models import Reauthentication, User
from accounts.roles import Role, require_role
from accounts.security import signing_proof_check
from core.errors import DomainError, InvalidTransition
from encyclopedia.page_content import rendering_store
from reviews import cycles, eligibility, notifications
from reviews.models import (
    ATTESTATION_TEXT,
    EDITORIAL_ATTESTATION_TEXT,
    RECERTIFICATION,
    RECERTIFICATION_ATTESTATION_TEXT,
    Approval,
    Step,
    Submission,
)
from reviews.services.common import (
    audit,
    close_live_submission,
    locked,
    move,
    required_text,
    track,
)
from reviews.signatures import next_step_open, step_sign
from reviews.warnings import SigningWarning, signing_warnings


def locked_approval(approval: Approval) -> Approval:
    # Lock the revision first (every verb does), then re-read the step inside the lock.
    locked(approval.submission.revision)
    return Approval.objects.select_related(
        "submission", "submission__revision", "submission__revision__article", "assignee"
    ).get(pk=approval.pk)


def approval_approve_check(
    *,
    approval: Approval,
    signer: User,
    attested: bool,
    acknowledged_warnings: Collection[str] = (),
    now: datetime.datetime | None = None,
) -> list[SigningWarning]:
    """Everything that may refuse a sign-off except the signer's proof of identity: the
    pages and the API ask it before they ask for the password, so a person who may not
    sign is told why rather than asked for credentials; the service asks it again under
    its lock. `acknowledged_warnings` are the codes of the warnings the signer ticked;
    the answer is the warnings shown, all acknowledged."""
    now = now or timezone.now()
    eligibility.step_verdict(approval=approval, user=signer, on=timezone.localdate(now)).check()
    if not attested:
        raise DomainError(
            "Tick the attestation to sign: it is the statement your sign-off records.",
            code="attestation_required",
        )
    submission = approval.submission
    if submission.revision.edit_version != submission.edit_version:
        raise InvalidTransition("The text changed since it was submitted; it must be resubmitted.")
    shown = signing_warnings(submission=submission)
    missing = [warning for warning in shown if warning.code not in acknowledged_warnings]
    if missing:
        raise DomainError(
            "Acknowledge each warning to sign: "
            + "; ".join(warning.message for warning in missing)
            + ". Your sign-off records that you signed knowing it.",
            code="warnings_not_acknowledged",
        )
    return shown


@transaction.atomic
def approval_approve(
    *,
    approval: Approval,
    signer: User,
    attested: bool,
    proof: Reauthentication,
    comment: str = "",
    reviewed_whole_page: bool = False,
    acknowledged_warnings: Collection[str] = (),
    now=None,
) -> Approval:
    """Sign one step, with an electronic signature: `proof` is the signer's fresh
    re-authentication (accounts.security.signing_proof). The last step's sign-off
    approves the revision for publishing — or, on a re-certification, completes it: the
    Review Date and credits move to the re-certification's signers.

    `acknowledged_warnings` are the codes of the warnings (reviews.warnings) the signer
    acknowledged; one shown and not acknowledged refuses the sign-off, and those
    acknowledged are stored on it with the message the signer read."""
    now = now or timezone.now()
    approval = locked_approval(approval)
    shown = approval_approve_check(
        approval=approval,
        signer=signer,
        attested=attested,
        acknowledged_warnings=acknowledged_warnings,
        now=now,
    )
    signing_proof_check(proof=proof, signer=signer, now=now)
    submission = approval.submission
    revision = submission.revision
    recertification = submission.kind == RECERTIFICATION
    if recertification:
        attestation = RECERTIFICATION_ATTESTATION_TEXT
    else:
        attestation = ATTESTATION_TEXT if approval.is_medical else EDITORIAL_ATTESTATION_TEXT
    # Saved with the sign-off by step_sign, in its history row too.
    approval.acknowledged_warnings = [warning.as_json() for warning in shown]
    step_sign(
        approval=approval,
        signer=signer,
        proof=proof,
        attestation=attestation,
        comment=comment,
        reviewed_whole_page=reviewed_whole_page,
        now=now,
    )
    if next_step_open(submission=submission, signed=approval, signer=signer, now=now):
        event = audit(
            revision=revision,
            actor=signer,
            action="sign_off",
            from_state=revision.state,
            to_state=revision.state,
            note=f"{approval.get_step_display()} signed"
            + (f": {approval.comment}" if approval.comment else ""),
            now=now,
        )
        notifications.notify(event)
    elif recertification:
        cycles.review_cycle_recertification_complete(submission=submission, user=signer, now=now)
    else:
        submission.state = Submission.State.APPROVED
        submission.closed_at = now
        track(submission, user=signer, reason="Every step signed")
        submission.save(update_fields=["state", "closed_at"])
        # The signed text is what goes live: rendered now, its publish is a switch.
        rendering_store(revision=revision)
        event = move(
            revision,
            "approve",
            actor=signer,
            note=f"{approval.get_step_display()} signed; approved for publishing",
            now=now,
        )
        notifications.notify(event)
    return approval


def _decide_against(
    approval: Approval, signer: User, *, decision: str, transition: str, comment: str, now
) -> Approval:
    approval = locked_approval(approval)
    verdict = eligibility.step_verdict(approval=approval, user=signer, on=timezone.localdate(now))
    # Sending a revision back needs the step's role, not a clinician's full eligibility:
    # a reviewer outside the specialty may still point out an error.
    if verdict.code not in eligibility.CREDENTIAL_CODES:
        verdict.check()
    approval.decision = decision
    approval.decided_by = signer
    approval.decided_at = now
    approval.comment = comment
    track(approval, user=signer, reason=f"{approval.get_step_display()}: {comment}")
    approval.save()
    revision = approval.submission.revision
    submission_state = (
        Submission.State.CHANGES_REQUESTED
        if decision == Approval.Decision.CHANGES_REQUESTED
        else Submission.State.REJECTED
    )
    close_live_submission(revision, submission_state, now=now, user=signer, reason=comment)
    if approval.submission.kind == RECERTIFICATION:
        # The live page does not move; its periodic review goes back to its reviewer.
        cycles.review_cycle_recertification_refused(
            submission=approval.submission, user=signer, note=comment, now=now
        )
        return approval
    event = move(revision, transition, actor=signer, note=comment, now=now)
    notifications.notify(event)
    if transition == "reject":
        cycles.review_cycles_reopen_for_abandoned(
            revision=revision, user=signer, now=now, note="was rejected"
        )
    return approval


@transaction.atomic
def approval_request_changes(
    *, approval: Approval, signer: User, comment: str, now=None
) -> Approval:
    """Send the revision back to its editors with what must change."""
    comment = required_text(comment, "what needs to change")
    return _decide_against(
        approval,
        signer,
        decision=Approval.Decision.CHANGES_REQUESTED,
        transition="request_changes",
        comment=comment,
        now=now or timezone.now(),
    )


@transaction.atomic
def approval_reject(*, approval: Approval, signer: User, comment: str, now=None) -> Approval:
    """Refuse the revision for good. The editor can start a new draft."""
    comment = required_text(comment, "why the revision is rejected")
    return _decide_against(
        approval,
        signer,
        decision=Approval.Decision.REJECTED,
        transition="reject",
        comment=comment,
        now=now or timezone.now(),
    )


@transaction.atomic
def approval_override_specialty(
    *, approval: Approval, director: User, reason: str, now=None
) -> Approval:
    """Let a reviewer outside the article's specialty sign its medical review."""
    now = now or timezone.now()
    require_role(director, Role.EDITORIAL_DIRECTOR, "override the specialty match")
    reason = required_text(reason, "why a reviewer outside the specialty may sign")
    approval = locked_approval(approval)
    if approval.step != Step.MEDICAL_REVIEW or approval.decision not in Approval.OPEN_DECISIONS:
        raise InvalidTransition("Only an undecided medical review step can be overridden.")
    approval.specialty_override_reason = reason
    approval.specialty_override_by = director
    track(approval, user=director, reason=f"Specialty match overridden: {reason}")
    approval.save(update_fields=["specialty_override_reason", "specialty_override_by"])
    revision = approval.submission.revision
    audit(
        revision=revision,
        actor=director,
        action="override_specialty",
        from_state=revision.state,
        to_state=revision.state,
        note=reason,
        now=now,
    )
    return approval


@transaction.atomic
def approval_assign(
    *, approval: Approval, assignee: User | None, director: User, now=None
) -> Approval:
    """Give an undecided step to a person (or back to the pool, with None)."""
    now = now or timezone.now()
    require_role(director, Role.EDITORIAL_DIRECTOR, "assign review steps")
    approval = locked_approval(approval)
    if approval.decision not in Approval.OPEN_DECISIONS:
        raise InvalidTransition("This step has already been decided.")
    revision = approval.submission.revision
    if assignee is not None:
        eligibility.step_assignment_verdict(
            approval=approval, user=assignee, on=timezone.localdate(now)
        ).check()
    approval.assignee = assignee
    note = f"{approval.get_step_display()} assigned to {assignee or 'the pool'}"
    track(approval, user=director, reason=note)
    approval.save(update_fields=["assignee"])
    event = audit(
        revision=revision,
        actor=director,
        action="assign",
        from_state=revision.state,
        to_state=revision.state,
        note=note,
        now=now,
    )
    if approval.decision == Approval.Decision.PENDING:
        notifications.notify(event)
    return approval
