"""Submitting a draft for review: its content is frozen and a fresh approval chain opens,
the medical review given to the reviewer the editor chose or the least-loaded one who
may sign it."""

from django.db import transaction
from django.utils import timezone

from accounts.models import ReviewerProfile, User
from accounts.roles import Role, require_role
from core.errors import DomainError, InvalidTransition, PermissionDenied
from encyclopedia.models import ReviewPolicy, Revision
from reviews import cycles, eligibility, notifications, workflow
from reviews.chains import approval_chain_for
from reviews.corrections import ChangeAssessment, Content, change_assess
from reviews.models import Approval, Step, Submission
from reviews.services.common import locked, move, required_text, track


@transaction.atomic
def revision_submit(
    *,
    revision: Revision,
    editor: User,
    kind: str,
    change_summary: str,
    reviewer: ReviewerProfile | None = None,
    now=None,
) -> Submission:
    """Send a draft into review: freeze its content and open a fresh approval chain."""
    now = now or timezone.now()
    revision = locked(revision)
    article = revision.article
    require_role(editor, Role.EDITOR, "submit revisions")
    workflow.guard(revision, "submit")
    change_summary = required_text(change_summary, "a summary of the change for the signers")
    kind = Revision.Kind(kind)
    if article.live_revision_id is None and kind != Revision.Kind.FULL_REVIEW:
        raise DomainError(
            "A new article's first version needs a full medical review.",
            code="full_review_required",
        )
    if kind == Revision.Kind.CORRECTION and cycles.answers_open_cycle(revision):
        raise DomainError(
            "This draft answers a periodic review: its changes need a medical sign-off, so it "
            "cannot go out as a correction.",
            code="medical_step_required",
        )
    if revision.is_behind_live:
        raise InvalidTransition(
            "The live page changed since this draft was started. Rebase the draft onto the "
            "live version, check the result, then submit.",
            code="live_revision_changed",
        )
    if not revision.sections.exists():
        raise DomainError("A revision needs at least one section.", code="no_sections")
    if kind == Revision.Kind.CORRECTION and article.live_revision is not None:
        assessment = correction_assessment(revision)
        if not assessment.is_correction:
            raise DomainError(assessment.message, code="not_a_correction")

    steps = approval_chain_for(kind)
    assignee = None
    if Step.MEDICAL_REVIEW in steps:
        assignee = _medical_assignee(revision, reviewer, now)

    revision.kind = kind
    revision.change_summary = change_summary
    track(revision, user=editor, reason=f"Submitted as {kind.label.lower()}: {change_summary}")
    revision.save(update_fields=["kind", "change_summary"])
    event = move(revision, "submit", actor=editor, note=change_summary, now=now)

    submission = Submission(
        revision=revision,
        number=revision.submissions.count() + 1,
        kind=kind,
        change_summary=change_summary,
        edit_version=revision.edit_version,
        submitted_by=editor,
        submitted_at=now,
    )
    track(submission, user=editor, reason="Submitted for review")
    submission.save()
    for position, step in enumerate(steps):
        approval = Approval(
            submission=submission,
            position=position,
            step=step,
            assignee=assignee if step == Step.MEDICAL_REVIEW else None,
            decision=Approval.Decision.PENDING if position == 0 else Approval.Decision.WAITING,
            pending_since=now if position == 0 else None,
        )
        track(approval, user=editor, reason="Approval chain opened")
        approval.save()
    notifications.notify(event)
    return submission


def correction_assessment(revision: Revision) -> ChangeAssessment:
    """Whether a draft's change may go out as a correction, judged from the word diff
    against the live page and the policy's word budget (reviews.corrections)."""
    live = revision.article.live_revision
    assert live is not None, "only a change to a published page can be a correction"
    return change_assess(
        live=Content.of(live),
        draft=Content.of(revision),
        word_budget=ReviewPolicy.current().correction_word_budget,
    )


def _medical_assignee(revision: Revision, reviewer: ReviewerProfile | None, now) -> User | None:
    """The reviewer the editor asked for, if the one eligibility rule allows them; else
    the least-loaded eligible reviewer with room; else nobody (the step waits in the
    pool for any eligible reviewer, or for a director to assign it)."""
    on = timezone.localdate(now)
    if reviewer is not None:
        if reviewer.user is None:
            raise PermissionDenied(
                f"{reviewer.credit_name} has no Stet account yet, so cannot review.",
                code="wrong_role",
            )
        verdict = eligibility.submission_reviewer_verdict(
            revision=revision, user=reviewer.user, on=on
        )
        verdict.check()
        return reviewer.user
    for choice in eligibility.submission_reviewers(revision=revision, on=on):
        if choice.verdict:
            return User.objects.get(pk=choice.person.user_id)
    return None
