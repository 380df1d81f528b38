"""The revision workflow: submit, sign off, request changes, reject, publish, withdraw,
rebase — and the rules every caller (pages, admin, API, commands, tasks) gets for free.

Each verb has the same shape: lock the revision, guard its state through the one
transition table (reviews.workflow), check who is acting, change the rows, write an
audit event, set simple-history's user and reason, and leave e-mail to a task that
runs after the transaction commits.
"""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import ReviewerProfile, User
from accounts.roles import Role
from core.errors import DomainError, InvalidTransition, PermissionDenied
from encyclopedia import services as content
from encyclopedia.models import Article, Revision, Section
from encyclopedia.services import Credit
from reviews import cycles, notifications, workflow
from reviews.merge import MergeResult, merge_content
from reviews.models import (
    ATTESTATION_TEXT,
    EDITORIAL_ATTESTATION_TEXT,
    STEP_CREDIT_TITLES,
    Approval,
    AuditEvent,
    ChainStep,
    Comment,
    Step,
    Submission,
)
from reviews.rules import reviewer_refusal

State = Revision.State
DEFAULT_CHAINS = {
    Revision.Kind.FULL_REVIEW: [
        Step.MEDICAL_REVIEW,
        Step.MEDICAL_DIRECTOR,
        Step.EDITORIAL_DIRECTOR,
    ],
    Revision.Kind.UPDATE: [Step.MEDICAL_REVIEW, Step.MEDICAL_DIRECTOR, Step.EDITORIAL_DIRECTOR],
    Revision.Kind.CORRECTION: [Step.EDITORIAL_DIRECTOR],
}
# Kinds whose content is medical: their chain must keep a medical review step.
MEDICAL_KINDS = frozenset({Revision.Kind.FULL_REVIEW, Revision.Kind.UPDATE})


# --- Helpers shared by every verb ---------------------------------------------------


def lock_article(article_id: int) -> None:
    list(Article.objects.select_for_update().filter(pk=article_id).values_list("pk", flat=True))


def _locked(revision: Revision) -> Revision:
    """The revision, locked for this transaction. Every verb locks its article first,
    then the revision: one order everywhere, so two verbs never wait on each other."""
    lock_article(revision.article_id)
    return (
        Revision.objects.select_for_update(of=("self",))
        .select_related("article", "article__specialty")
        .get(pk=revision.pk)
    )


def _track(obj, *, user: User | None, reason: str) -> None:
    obj._history_user = user
    obj._change_reason = reason


def _move(revision: Revision, name: str, *, actor: User, note: str, now) -> AuditEvent:
    """Apply transition `name` to a locked revision and record it."""
    transition = workflow.guard(revision, name)
    from_state = revision.state
    revision.state = transition.target
    _track(revision, user=actor, reason=f"{transition.past}" + (f": {note}" if note else ""))
    revision.save(update_fields=["state"])
    return _audit(
        revision=revision,
        actor=actor,
        action=name,
        from_state=from_state,
        to_state=transition.target,
        note=note,
        now=now,
    )


def _audit(
    *,
    revision: Revision | None = None,
    article: Article | None = None,
    actor: User | None,
    action: str,
    from_state: str = "",
    to_state: str = "",
    note: str = "",
    now: datetime.datetime,
) -> AuditEvent:
    return AuditEvent.objects.create(
        article_id=article.pk if article else revision.article_id,
        revision=revision,
        actor=actor,
        at=now,
        action=action,
        from_state=from_state,
        to_state=to_state,
        note=note,
    )


def _require_role(user: User, role: Role, action: str) -> None:
    if not user.has_role(role):
        raise PermissionDenied(f"Only {role.label.lower()}s can {action}.", code="wrong_role")


def _editors_of(revision: Revision) -> set[int]:
    return {revision.author_id, *revision.contributors.values_list("pk", flat=True)}


def _require_required(text: str, what: str) -> str:
    text = (text or "").strip()
    if not text:
        raise DomainError(f"Write {what}.", code="comment_required")
    return text


def _close_live_submission(revision: Revision, state: str, *, now, user: User, reason: str) -> None:
    """Close the revision's open or approved submission. Steps not yet decided are void;
    when the submission itself is voided (taken back, withdrawn, superseded, rebased),
    so are the sign-offs already given: they were given to text that is no longer
    going forward."""
    submission = revision.submissions.filter(state__in=Submission.LIVE_STATES).first()
    if submission is None:
        return
    submission.state = state
    submission.closed_at = now
    _track(submission, user=user, reason=reason)
    submission.save(update_fields=["state", "closed_at"])
    void = list(Approval.OPEN_DECISIONS)
    if state == Submission.State.VOIDED:
        void.append(Approval.Decision.APPROVED)
    for approval in submission.approvals.filter(decision__in=void):
        approval.decision = Approval.Decision.VOIDED
        _track(approval, user=user, reason=reason)
        approval.save(update_fields=["decision"])


# --- The approval chain (data, edited by editorial directors) -----------------------


def chain_for(kind: str) -> list[str]:
    steps = list(
        ChainStep.objects.filter(kind=kind).order_by("position").values_list("step", flat=True)
    )
    return steps or [step.value for step in DEFAULT_CHAINS[Revision.Kind(kind)]]


@transaction.atomic
def chain_set(*, kind: str, steps: Sequence[str], director: User) -> list[ChainStep]:
    """Replace the approval chain for a kind of revision. Applies to later submissions."""
    _require_role(director, Role.EDITORIAL_DIRECTOR, "change the approval chain")
    steps = [Step(step) for step in steps]
    if not steps:
        raise DomainError("A chain needs at least one step.", code="empty_chain")
    if len(set(steps)) != len(steps):
        raise DomainError("A step can appear only once in a chain.", code="duplicate_step")
    if kind in MEDICAL_KINDS and Step.MEDICAL_REVIEW not in steps:
        raise DomainError(
            f"A {Revision.Kind(kind).label.lower()} changes medical content: its chain must "
            "include the medical review.",
            code="medical_step_required",
        )
    reason = f"Chain for {Revision.Kind(kind).label.lower()} set to " + " → ".join(
        step.label for step in steps
    )
    for old in ChainStep.objects.filter(kind=kind):
        _track(old, user=director, reason=reason)
        old.delete()
    chain = []
    for position, step in enumerate(steps):
        row = ChainStep(kind=kind, position=position, step=step)
        _track(row, user=director, reason=reason)
        row.save()
        chain.append(row)
    return chain


# --- Who may sign -------------------------------------------------------------------


def sign_off_refusal(*, approval: Approval, user: User, on: datetime.date) -> str | None:
    """Why `user` may not decide `approval` now, or None. The pages use it to explain a
    disabled button; the services raise it."""
    problem = _sign_off_problem(approval, user, on)
    return problem.message if problem else None


def _sign_off_problem(approval: Approval, user: User, on: datetime.date) -> DomainError | None:
    revision = approval.submission.revision
    if approval.decision != Approval.Decision.PENDING or revision.state != State.IN_REVIEW:
        return InvalidTransition("This step is not waiting for a decision.")
    if not user.has_role(approval.role):
        return PermissionDenied(
            f"The {approval.get_step_display().lower()} step is signed by a "
            f"{approval.role.label.lower()}.",
            code="wrong_role",
        )
    if approval.assignee_id and approval.assignee_id != user.pk:
        return PermissionDenied(
            f"This step is assigned to {approval.assignee}.", code="assigned_to_someone_else"
        )
    if user.pk in _editors_of(revision):
        return PermissionDenied(
            "You wrote or edited this revision, so you cannot sign any of its steps.",
            code="own_revision",
        )
    if approval.submission.approvals.filter(
        decided_by=user, decision=Approval.Decision.APPROVED
    ).exists():
        return PermissionDenied(
            "You already signed a step of this submission; another person must sign this one.",
            code="already_signed",
        )
    if approval.is_medical:
        refusal = reviewer_refusal(
            profile=getattr(user, "reviewer_profile", None),
            article=revision.article,
            step=approval.step,
            on=on,
            specialty_overridden=bool(approval.specialty_override_reason),
        )
        if refusal:
            return PermissionDenied(refusal, code="reviewer_not_eligible")
    return None


def _check_sign_off(approval: Approval, user: User, on: datetime.date) -> None:
    problem = _sign_off_problem(approval, user, on)
    if problem:
        raise problem


def eligible_reviewers(
    *, article: Article, exclude_users: Sequence[int], on: datetime.date
) -> list[ReviewerProfile]:
    """Reviewers who could sign the medical review of `article`, least loaded first."""
    slots = cycles.qualified_reviewers(article=article, exclude_users=set(exclude_users), today=on)
    return [slot.profile for slot in slots]


# --- Drafts ---------------------------------------------------------------------------


@transaction.atomic
def revision_start_draft(
    *, article: Article, editor: User, source: Revision | None = None, now=None
) -> Revision:
    """A new draft of a published article (from its live revision, or an earlier one)."""
    _require_role(editor, Role.EDITOR, "start drafts")
    now = now or timezone.now()
    draft = content.revision_start_draft(article=article, author=editor, source=source)
    note = (
        f"Revert: draft started from v{draft.copied_from.number}"
        if draft.copied_from_id != draft.based_on_id
        else f"Draft started from the live v{draft.copied_from.number}"
    )
    _audit(
        revision=draft, actor=editor, action="start_draft", to_state=State.DRAFT, note=note, now=now
    )
    return draft


@transaction.atomic
def article_create(*, editor: User, now=None, **fields) -> Article:
    _require_role(editor, Role.EDITOR, "create articles")
    now = now or timezone.now()
    article = content.article_create(author=editor, created_at=now, **fields)
    _audit(
        revision=article.revisions.get(),
        actor=editor,
        action="create_article",
        to_state=State.DRAFT,
        note="Article created",
        now=now,
    )
    return article


# --- Submitting -------------------------------------------------------------------------


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
    revision = _locked(revision)
    article = revision.article
    _require_role(editor, Role.EDITOR, "submit revisions")
    workflow.guard(revision, "submit")
    change_summary = _require_required(change_summary, "a summary of the change for the signers")
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
    if revision.based_on_id != article.live_revision_id:
        raise InvalidTransition(
            "The live page changed since this draft was started. Rebase the draft onto the "
            "live version, check the result, then submit.",
            code="live_revision_changed",
        )
    if not revision.sections.exists():
        raise DomainError("A revision needs at least one section.", code="no_sections")

    steps = chain_for(kind)
    editors = _editors_of(revision)
    assignee = None
    if Step.MEDICAL_REVIEW in steps:
        assignee = _medical_assignee(article, reviewer, editors, now)

    revision.kind = kind
    revision.change_summary = change_summary
    _track(revision, user=editor, reason=f"Submitted as {kind.label.lower()}: {change_summary}")
    revision.save(update_fields=["kind", "change_summary"])
    event = _move(revision, "submit", actor=editor, note=change_summary, now=now)

    submission = Submission(
        revision=revision,
        number=revision.submissions.count() + 1,
        kind=kind,
        change_summary=change_summary,
        edit_version=revision.edit_version,
        submitted_by=editor,
        submitted_at=now,
    )
    _track(submission, user=editor, reason="Submitted for review")
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
        _track(approval, user=editor, reason="Approval chain opened")
        approval.save()
    notifications.notify(event)
    return submission


def _medical_assignee(
    article: Article, reviewer: ReviewerProfile | None, editors: set[int], now
) -> User | None:
    on = timezone.localdate(now)
    if reviewer is not None:
        if reviewer.user is None or not reviewer.user.has_role(Role.MEDICAL_REVIEWER):
            raise PermissionDenied(
                f"{reviewer.credit_name} does not hold the medical reviewer role.",
                code="wrong_role",
            )
        if reviewer.user_id in editors:
            raise PermissionDenied(
                f"{reviewer.credit_name} edited this revision and cannot review it.",
                code="own_revision",
            )
        refusal = reviewer_refusal(
            profile=reviewer, article=article, step=Step.MEDICAL_REVIEW, on=on
        )
        if refusal:
            raise PermissionDenied(refusal, code="reviewer_not_eligible")
        return reviewer.user
    # The least-loaded qualified reviewer with room; else the step waits in the pool
    # for any qualified reviewer, or for a director to assign it.
    for slot in cycles.qualified_reviewers(article=article, exclude_users=editors, today=on):
        if slot.has_room:
            return slot.profile.user
    return None


@transaction.atomic
def revision_take_back(*, revision: Revision, editor: User, note: str = "", now=None) -> Revision:
    """Take a revision out of review to change it. Every sign-off given to it is void."""
    now = now or timezone.now()
    revision = _locked(revision)
    _require_role(editor, Role.EDITOR, "take revisions back to draft")
    workflow.guard(revision, "take_back")
    reason = "Taken back to draft; sign-offs void"
    _close_live_submission(revision, Submission.State.VOIDED, now=now, user=editor, reason=reason)
    _move(revision, "take_back", actor=editor, note=note or reason, now=now)
    return revision


# --- Signing --------------------------------------------------------------------------


def _locked_approval(approval: Approval) -> Approval:
    # Lock the revision first (every verb does), then re-read the step inside the lock.
    _locked(approval.submission.revision)
    return Approval.objects.select_related(
        "submission", "submission__revision", "submission__revision__article", "assignee"
    ).get(pk=approval.pk)


@transaction.atomic
def approval_approve(
    *,
    approval: Approval,
    signer: User,
    attested: bool,
    comment: str = "",
    reviewed_whole_page: bool = False,
    now=None,
) -> Approval:
    """Sign one step. The last step's sign-off approves the revision for publishing."""
    now = now or timezone.now()
    approval = _locked_approval(approval)
    _check_sign_off(approval, signer, timezone.localdate(now))
    if not attested:
        raise DomainError(
            "Tick the attestation to sign: it is the statement your sign-off records.",
            code="attestation_required",
        )
    revision = approval.submission.revision
    if revision.edit_version != approval.submission.edit_version:
        raise InvalidTransition("The text changed since it was submitted; it must be resubmitted.")

    profile = getattr(signer, "reviewer_profile", None)
    approval.decision = Approval.Decision.APPROVED
    approval.decided_by = signer
    approval.decided_at = now
    approval.comment = comment.strip()
    approval.attestation = ATTESTATION_TEXT if approval.is_medical else EDITORIAL_ATTESTATION_TEXT
    approval.reviewed_whole_page = reviewed_whole_page and approval.step == Step.MEDICAL_REVIEW
    approval.signer_name = profile.credit_name if profile else signer.get_full_name() or str(signer)
    approval.signer_credit = profile.credit_line if profile else approval.signer_name
    _track(approval, user=signer, reason=f"Signed: {approval.get_step_display()}")
    try:
        with transaction.atomic():
            approval.save()
    except IntegrityError:
        # The database's own guard against one person signing two steps.
        raise PermissionDenied(
            "You already signed a step of this submission.", code="already_signed"
        ) from None

    next_step = approval.submission.approvals.filter(decision=Approval.Decision.WAITING).first()
    if next_step is not None:
        next_step.decision = Approval.Decision.PENDING
        next_step.pending_since = now
        _track(next_step, user=signer, reason=f"{approval.get_step_display()} signed")
        next_step.save(update_fields=["decision", "pending_since"])
        event = _audit(
            revision=revision,
            actor=signer,
            action="sign_off",
            from_state=revision.state,
            to_state=revision.state,
            note=f"{approval.get_step_display()} signed"
            + (f": {approval.comment}" if approval.comment else ""),
            now=now,
        )
    else:
        submission = approval.submission
        submission.state = Submission.State.APPROVED
        submission.closed_at = now
        _track(submission, user=signer, reason="Every step signed")
        submission.save(update_fields=["state", "closed_at"])
        event = _move(
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
    approval = _locked_approval(approval)
    problem = _sign_off_problem(approval, signer, timezone.localdate(now))
    # Sending a revision back needs the step's role, not a clinician's full eligibility:
    # a reviewer outside the specialty may still point out an error.
    if problem and problem.code != "reviewer_not_eligible":
        raise problem
    approval.decision = decision
    approval.decided_by = signer
    approval.decided_at = now
    approval.comment = comment
    _track(approval, user=signer, reason=f"{approval.get_step_display()}: {comment}")
    approval.save()
    revision = approval.submission.revision
    submission_state = (
        Submission.State.CHANGES_REQUESTED
        if decision == Approval.Decision.CHANGES_REQUESTED
        else Submission.State.REJECTED
    )
    _close_live_submission(revision, submission_state, now=now, user=signer, reason=comment)
    event = _move(revision, transition, actor=signer, note=comment, now=now)
    notifications.notify(event)
    if transition == "reject":
        cycles.cycles_reopen_for_abandoned(
            revision=revision, user=signer, now=now, note="was rejected"
        )
    return approval


@transaction.atomic
def approval_request_changes(
    *, approval: Approval, signer: User, comment: str, now=None
) -> Approval:
    """Send the revision back to its editors with what must change."""
    comment = _require_required(comment, "what needs to change")
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
    comment = _require_required(comment, "why the revision is rejected")
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
    _require_role(director, Role.EDITORIAL_DIRECTOR, "override the specialty match")
    reason = _require_required(reason, "why a reviewer outside the specialty may sign")
    approval = _locked_approval(approval)
    if approval.step != Step.MEDICAL_REVIEW or approval.decision not in Approval.OPEN_DECISIONS:
        raise InvalidTransition("Only an undecided medical review step can be overridden.")
    approval.specialty_override_reason = reason
    approval.specialty_override_by = director
    _track(approval, user=director, reason=f"Specialty match overridden: {reason}")
    approval.save(update_fields=["specialty_override_reason", "specialty_override_by"])
    revision = approval.submission.revision
    _audit(
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
    _require_role(director, Role.EDITORIAL_DIRECTOR, "assign review steps")
    approval = _locked_approval(approval)
    if approval.decision not in Approval.OPEN_DECISIONS:
        raise InvalidTransition("This step has already been decided.")
    revision = approval.submission.revision
    if assignee is not None:
        if not assignee.has_role(approval.role):
            raise PermissionDenied(
                f"{assignee} is not a {approval.role.label.lower()}.", code="wrong_role"
            )
        if assignee.pk in _editors_of(revision):
            raise PermissionDenied(f"{assignee} edited this revision.", code="own_revision")
        if approval.is_medical:
            refusal = reviewer_refusal(
                profile=getattr(assignee, "reviewer_profile", None),
                article=revision.article,
                step=approval.step,
                on=timezone.localdate(now),
                specialty_overridden=bool(approval.specialty_override_reason),
            )
            if refusal:
                raise PermissionDenied(refusal, code="reviewer_not_eligible")
    approval.assignee = assignee
    note = f"{approval.get_step_display()} assigned to {assignee or 'the pool'}"
    _track(approval, user=director, reason=note)
    approval.save(update_fields=["assignee"])
    event = _audit(
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


# --- Publishing -----------------------------------------------------------------------


@dataclass(frozen=True)
class ReviewCredit:
    """What a publish does to the Review Date and credits (None: leaves them alone)."""

    reviewed_on: datetime.date
    reviewer: ReviewerProfile | None
    reviewer_credit: str
    also_reviewed_by: list[Credit]


def review_credit_for(submission: Submission) -> ReviewCredit | None:
    """The Review Date and credits a submission's sign-offs earn, or None when the kind of
    change does not move the Review Date (a correction, or an update whose reviewer did
    not review the whole page). A revision answering a periodic review is a review of
    the whole page: that is what the periodic review asked for."""
    approvals = list(
        submission.approvals.filter(decision=Approval.Decision.APPROVED)
        .select_related("decided_by__reviewer_profile")
        .order_by("position")
    )
    medical = next((a for a in approvals if a.step == Step.MEDICAL_REVIEW), None)
    if medical is None:
        return None
    whole_page = medical.reviewed_whole_page or cycles.answers_open_cycle(submission.revision)
    if submission.kind == Revision.Kind.UPDATE and not whole_page:
        return None
    if submission.kind == Revision.Kind.CORRECTION:
        return None
    return ReviewCredit(
        reviewed_on=timezone.localdate(medical.decided_at),
        reviewer=getattr(medical.decided_by, "reviewer_profile", None),
        reviewer_credit=medical.signer_credit,
        also_reviewed_by=[
            Credit(approval.signer_name, STEP_CREDIT_TITLES[Step(approval.step)])
            for approval in approvals
            if approval.position > medical.position
        ],
    )


@transaction.atomic
def revision_publish(*, revision: Revision, editor: User, now=None) -> Article:
    """Make an approved revision the live page, atomically with its Review Date and credits.

    Revisions of the same article still in review against the old live page are
    superseded: what their signers compared has changed under them.
    """
    now = now or timezone.now()
    revision = _locked(revision)
    _require_role(editor, Role.EDITOR, "publish revisions")
    transition = workflow.guard(revision, "publish")
    submission = revision.submissions.get(state=Submission.State.APPROVED)
    credit = review_credit_for(submission)
    old_live_id = revision.article.live_revision_id
    reason = f"Published v{revision.number} ({submission.get_kind_display().lower()})"
    article = content.article_publish_revision(
        revision=revision,
        user=editor,
        published_at=now,
        reviewed_on=credit.reviewed_on if credit else None,
        reviewer=credit.reviewer if credit else None,
        reviewer_credit=credit.reviewer_credit if credit else "",
        also_reviewed_by=credit.also_reviewed_by if credit else (),
        reason=reason,
    )
    submission.state = Submission.State.PUBLISHED
    _track(submission, user=editor, reason=reason)
    submission.save(update_fields=["state"])
    cycles.cycles_close_for_publish(
        article=article,
        revision=revision,
        review_date_moved=credit is not None,
        user=editor,
        now=now,
    )
    event = _audit(
        revision=revision,
        actor=editor,
        action="publish",
        from_state=State.APPROVED,
        to_state=transition.target,
        note=submission.change_summary,
        now=now,
    )
    notifications.notify(event)

    stale = Revision.objects.select_for_update().filter(
        article=article,
        based_on_id=old_live_id,
        state__in=workflow.TRANSITIONS["supersede"].sources,
    )
    for other in stale.exclude(pk=revision.pk):
        note = f"v{revision.number} was published first"
        _close_live_submission(other, Submission.State.VOIDED, now=now, user=editor, reason=note)
        notifications.notify(_move(other, "supersede", actor=editor, note=note, now=now))
    return article


@transaction.atomic
def article_retire(*, article: Article, director: User, reason: str, now=None) -> Article:
    """Take an article off the site (its URL answers 410 Gone) and cancel its open review."""
    now = now or timezone.now()
    _require_role(director, Role.EDITORIAL_DIRECTOR, "retire articles")
    article = content.article_retire(article=article, user=director, reason=reason)
    cycles.cycles_cancel_for_retirement(article=article, user=director, reason=reason, now=now)
    _audit(
        article=article,
        actor=director,
        action="retire",
        from_state=Article.Status.PUBLISHED,
        to_state=Article.Status.RETIRED,
        note=reason,
        now=now,
    )
    return article


@transaction.atomic
def revision_withdraw(*, revision: Revision, editor: User, note: str = "", now=None) -> Revision:
    """The author abandons their unpublished revision."""
    now = now or timezone.now()
    revision = _locked(revision)
    if editor.pk != revision.author_id:
        raise PermissionDenied("Only the revision's author can withdraw it.", code="not_author")
    workflow.guard(revision, "withdraw")
    _close_live_submission(
        revision, Submission.State.VOIDED, now=now, user=editor, reason="Withdrawn"
    )
    _move(revision, "withdraw", actor=editor, note=note, now=now)
    cycles.cycles_reopen_for_abandoned(
        revision=revision, user=editor, now=now, note="was withdrawn"
    )
    return revision


@transaction.atomic
def revision_rebase(*, revision: Revision, editor: User, now=None) -> MergeResult:
    """Replay the draft's changes onto the current live revision (a three-way merge).

    Sign-offs given to the old text are void; the result is a draft to check and submit.
    Sections where the two changes collide keep the draft's text and are reported.
    """
    now = now or timezone.now()
    revision = _locked(revision)
    _require_role(editor, Role.EDITOR, "rebase drafts")
    workflow.guard(revision, "rebase")
    article = revision.article
    live = article.live_revision
    if live is None or revision.based_on_id == live.pk:
        raise InvalidTransition("This draft is already based on the live revision.")
    base = revision.based_on

    def snapshot(rev: Revision):
        sections, references = content.revision_content(rev)
        return rev.title, rev.summary, sections, references

    result = merge_content(base=snapshot(base), ours=snapshot(revision), theirs=snapshot(live))
    reason = f"Rebased onto the live v{live.number}"
    _close_live_submission(revision, Submission.State.VOIDED, now=now, user=editor, reason=reason)
    if revision.state != State.DRAFT:
        _move(revision, "rebase", actor=editor, note=reason, now=now)
    content.revision_rebase(
        revision=revision,
        editor=editor,
        base=live,
        title=result.title,
        summary=result.summary,
        sections=result.sections,
        references=result.references,
        reason=reason,
    )
    note = reason + (f"; conflicts in {', '.join(result.conflicts)}" if result.conflicts else "")
    _audit(
        revision=revision,
        actor=editor,
        action="rebase",
        from_state=State.DRAFT,
        to_state=State.DRAFT,
        note=note,
        now=now,
    )
    return result


# --- Comments -------------------------------------------------------------------------


@transaction.atomic
def comment_add(
    *, revision: Revision, author: User, body: str, section: Section | None = None, now=None
) -> Comment:
    if not author.roles:
        raise PermissionDenied("Only the editorial team can comment.", code="wrong_role")
    body = _require_required(body, "a comment")
    if section is not None and section.revision_id != revision.pk:
        raise DomainError("That section belongs to another revision.", code="wrong_section")
    if revision.state in (State.PUBLISHED, State.WITHDRAWN, State.REJECTED, State.SUPERSEDED):
        raise InvalidTransition("Comments are closed on this revision.")
    comment = Comment(
        revision=revision,
        section=section,
        section_heading=section.heading if section else "",
        author=author,
        body=body,
        created_at=now or timezone.now(),
    )
    _track(comment, user=author, reason="Comment added")
    comment.full_clean()
    comment.save()
    return comment


@transaction.atomic
def comment_resolve(*, comment: Comment, user: User, resolved: bool = True, now=None) -> Comment:
    if not user.roles:
        raise PermissionDenied("Only the editorial team can resolve comments.", code="wrong_role")
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    comment.resolved_at = (now or timezone.now()) if resolved else None
    comment.resolved_by = user if resolved else None
    _track(comment, user=user, reason="Comment resolved" if resolved else "Comment reopened")
    comment.save(update_fields=["resolved_at", "resolved_by"])
    return comment
