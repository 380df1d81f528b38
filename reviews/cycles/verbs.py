"""What people do with one periodic review: the reviewer re-certifies the live page or
asks for changes; a publish, an abandoned draft or a retirement closes, reopens or
cancels it. Every state change is a transition of the cycle's table (reviews.workflow)
and goes through `review_cycle_close` or `_move`, with its history and audit event."""

import datetime
from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone

from accounts.models import Reauthentication, User
from accounts.security import signing_proof_check
from core.errors import DomainError, InvalidTransition
from core.history import track
from encyclopedia import services as content
from encyclopedia.models import Article, Revision
from reviews import eligibility, notifications
from reviews.chains import approval_chain_for
from reviews.credits import open_reviews, review_record_for
from reviews.cycles.common import cycle_event, locked_cycle
from reviews.models import (
    RECERTIFICATION,
    RECERTIFICATION_ATTESTATION_TEXT,
    Approval,
    Comment,
    ReviewCycle,
    Submission,
)
from reviews.signatures import next_step_open, step_sign
from reviews.workflow import CYCLE


def _move(cycle: ReviewCycle, name: str, *, user: User, reason: str) -> str:
    """Apply transition `name` to a locked cycle (history, no audit); the old state."""
    transition = CYCLE.guard(cycle, name)
    from_state = cycle.state
    cycle.state = transition.target
    track(cycle, user=user, reason=reason)
    return from_state


def review_cycle_recertify_check(
    *, cycle: ReviewCycle, reviewer: User, attested: bool, now: datetime.datetime | None = None
) -> None:
    """Everything that may refuse a re-certification but the reviewer's proof of identity
    (asked before the password, and again by the service under its lock)."""
    now = now or timezone.now()
    CYCLE.guard(cycle, "recertify")
    eligibility.review_verdict(cycle=cycle, user=reviewer, on=timezone.localdate(now)).check()
    if not attested:
        raise DomainError(
            "Tick the attestation to re-certify: it is the statement your sign-off records.",
            code="attestation_required",
        )
    if cycle.article.live_revision_id is None:
        raise InvalidTransition("Only a published article can be re-certified.")


@transaction.atomic
def review_cycle_recertify(
    *,
    cycle: ReviewCycle,
    reviewer: User,
    attested: bool,
    proof: Reauthentication,
    now: datetime.datetime | None = None,
) -> ReviewCycle:
    """The reviewer attests the live page is still accurate, with an electronic signature
    (`proof`: their fresh re-authentication). Their sign-off is the first step of the
    re-certification's chain (reviews.chains, as data); when every step is signed the
    Review Date becomes the reviewer's day, the due date moves on, the credits name the
    signers, and the cycle completes — together."""
    now = now or timezone.now()
    cycle = locked_cycle(cycle)
    review_cycle_recertify_check(cycle=cycle, reviewer=reviewer, attested=attested, now=now)
    signing_proof_check(proof=proof, signer=reviewer, now=now)
    live = cycle.article.live_revision
    assert live is not None, "a periodic review is of a published article"
    steps = approval_chain_for(RECERTIFICATION)
    submission = Submission(
        revision=live,
        number=live.submissions.count() + 1,
        kind=RECERTIFICATION,
        change_summary="Periodic review: re-certified, no change",
        edit_version=live.edit_version,
        submitted_by=reviewer,
        submitted_at=now,
    )
    track(submission, user=reviewer, reason="Re-certification signed by its reviewer")
    submission.save()
    approvals = []
    for position, step in enumerate(steps):
        approval = Approval(
            submission=submission,
            position=position,
            step=step,
            assignee=reviewer if position == 0 else None,
            decision=Approval.Decision.PENDING if position == 0 else Approval.Decision.WAITING,
            pending_since=now if position == 0 else None,
        )
        track(approval, user=reviewer, reason="Re-certification chain opened")
        approval.save()
        approvals.append(approval)
    step_sign(
        approval=approvals[0],
        signer=reviewer,
        proof=proof,
        attestation=RECERTIFICATION_ATTESTATION_TEXT,
        now=now,
    )
    profile = reviewer.reviewer_profile
    cycle.attestation = RECERTIFICATION_ATTESTATION_TEXT
    cycle.signer_credit = profile.credit_line
    cycle.recertification = submission
    following = next_step_open(submission=submission, signed=approvals[0], signer=reviewer, now=now)
    if following is None:
        # The reviewer's signature is the whole chain: done at once.
        _recertification_complete(cycle, submission=submission, user=reviewer, now=now)
        return cycle
    from_state = _move(cycle, "recertify", user=reviewer, reason="Re-certified by its reviewer")
    cycle.save()
    event = cycle_event(
        cycle,
        actor=reviewer,
        action="recertify",
        from_state=from_state,
        note=f"Re-certified by {profile.credit_line}; awaiting the "
        f"{following.get_step_display().lower()}",
        now=now,
        revision=live,
    )
    notifications.notify(event)
    return cycle


def review_cycle_recertification_complete(
    *, submission: Submission, user: User, now: datetime.datetime
) -> None:
    """Every step of a re-certification is signed: the page's Review Date and credits
    move to its signers, and the periodic review completes. (Runs in the transaction of
    the last signature, which holds the article's lock.)"""
    cycle = ReviewCycle.objects.select_for_update().get(recertification=submission)
    _recertification_complete(cycle, submission=submission, user=user, now=now)


def _recertification_complete(
    cycle: ReviewCycle, *, submission: Submission, user: User, now: datetime.datetime
) -> None:
    review = review_record_for(submission)
    assert review is not None, "a re-certification's chain starts with its medical review"
    content.article_record_review(
        article=cycle.article,
        user=user,
        review=review,
        reason=f"Re-certified by "
        f"{review.reviewer.credit_name if review.reviewer else review.reviewer_credit}: no change",
    )
    submission.state = Submission.State.RECERTIFIED
    submission.closed_at = now
    track(submission, user=user, reason="Every step of the re-certification signed")
    submission.save(update_fields=["state", "closed_at"])
    review_cycle_close(
        cycle,
        transition="complete_recertification",
        outcome=ReviewCycle.Outcome.RECERTIFIED,
        user=user,
        now=now,
        reason="Re-certified, no change",
        action="recertify" if cycle.state == ReviewCycle.State.OPEN else "complete_recertification",
        note=f"Re-certified by {', '.join(_signers(submission))}: Review Date "
        f"{review.reviewed_on:%-m/%-d/%Y}",
    )


def _signers(submission: Submission) -> list[str]:
    return [
        approval.signer_credit
        for approval in submission.approvals.filter(decision=Approval.Decision.APPROVED).order_by(
            "position"
        )
    ]


def review_cycle_recertification_refused(
    *, submission: Submission, user: User, note: str, now: datetime.datetime
) -> None:
    """A later signer sent the re-certification back: the periodic review is open again
    for its reviewer, and the page keeps its Review Date."""
    cycle = ReviewCycle.objects.select_for_update().get(recertification=submission)
    from_state = _move(cycle, "refuse_recertification", user=user, reason=note)
    cycle.recertification = None
    cycle.attestation = ""
    cycle.signer_credit = ""
    cycle.save()
    event = cycle_event(
        cycle,
        actor=user,
        action="refuse_recertification",
        from_state=from_state,
        note=note,
        now=now,
        revision=submission.revision,
    )
    notifications.notify(event)


@transaction.atomic
def review_cycle_request_changes(
    *, cycle: ReviewCycle, reviewer: User, note: str, now: datetime.datetime | None = None
) -> Revision:
    """The reviewer finds the page needs changes: a draft linked to the cycle is opened
    for the page's editor, with the reviewer's note as its first comment. Publishing
    that draft completes the cycle."""
    now = now or timezone.now()
    cycle = locked_cycle(cycle)
    CYCLE.guard(cycle, "request_changes")
    eligibility.review_verdict(cycle=cycle, user=reviewer, on=timezone.localdate(now)).check()
    note = (note or "").strip()
    if not note:
        raise DomainError("Write what needs to change.", code="comment_required")
    live = cycle.article.live_revision
    if live is None:
        raise InvalidTransition("Only a published article's review can ask for changes.")
    draft = content.revision_copy_to_draft(article=cycle.article, author=live.author)
    comment = Comment(revision=draft, author=reviewer, body=note, created_at=now)
    track(comment, user=reviewer, reason="Periodic review: changes requested")
    comment.save()
    from_state = _move(cycle, "request_changes", user=reviewer, reason=f"Changes requested: {note}")
    cycle.revision = draft
    cycle.save(update_fields=["state", "revision"])
    event = cycle_event(
        cycle,
        actor=reviewer,
        action="cycle_request_changes",
        from_state=from_state,
        note=note,
        now=now,
    )
    notifications.notify(event)
    return draft


def review_cycle_close(
    cycle: ReviewCycle,
    *,
    transition: str,
    user: User,
    now: datetime.datetime,
    reason: str,
    action: str,
    note: str,
    outcome: str = "",
    revision: Revision | None = None,
) -> None:
    """Close a locked, open cycle (completed or cancelled, as `transition` says): who,
    when, why, in its history and as an audit event. Every way a review ends goes
    through here."""
    from_state = _move(cycle, transition, user=user, reason=reason)
    cycle.outcome = outcome
    if revision is not None:
        cycle.revision = revision
    cycle.closed_at = now
    cycle.closed_by = user
    cycle.save()
    cycle_event(cycle, actor=user, action=action, from_state=from_state, note=note, now=now)


def cycles_answered_by_publish(
    *,
    article: Article,
    revision: Revision,
    review_date_moved: bool,
    open_cycles: Sequence[ReviewCycle] | None = None,
) -> list[ReviewCycle]:
    """The article's open reviews a publish answers: the one its revision was drafted
    for, or every one when it moves the Review Date (a full review of the page).
    `open_cycles` is the article's open reviews (credits.open_reviews) when read."""
    if open_cycles is None:
        open_cycles = open_reviews(article.pk)
    if review_date_moved:
        return list(open_cycles)
    return [cycle for cycle in open_cycles if cycle.revision_id == revision.pk]


def review_cycles_close_for_publish(
    *,
    article: Article,
    revision: Revision,
    review_date_moved: bool,
    user: User,
    now: datetime.datetime,
    open_cycles: Sequence[ReviewCycle] | None = None,
) -> None:
    """Close the open reviews the publish answers (cycles_answered_by_publish).
    `open_cycles`, when given, were read with their rows locked in this transaction."""
    if open_cycles is None:
        open_cycles = open_reviews(article.pk, lock=True)
    answered = cycles_answered_by_publish(
        article=article,
        revision=revision,
        review_date_moved=review_date_moved,
        open_cycles=open_cycles,
    )
    for cycle in answered:
        _void_recertification(cycle, user=user, now=now, reason="A new version was published")
        review_cycle_close(
            cycle,
            transition="complete",
            outcome=ReviewCycle.Outcome.REVISED,
            revision=revision,
            user=user,
            now=now,
            reason=f"Answered by publishing v{revision.number}",
            action="complete_cycle",
            note=f"Revised: v{revision.number} published",
        )


def review_cycles_reopen_for_abandoned(
    *, revision: Revision, user: User, now: datetime.datetime, note: str
) -> None:
    """The draft opened to answer a review was withdrawn or rejected: the review is open
    again, for its reviewer to re-certify or ask for changes anew."""
    for cycle in ReviewCycle.objects.select_for_update().filter(
        revision=revision, state=ReviewCycle.State.IN_PROGRESS
    ):
        from_state = _move(
            cycle, "reopen", user=user, reason=f"Reopened: v{revision.number} {note}"
        )
        cycle.revision = None
        cycle.save(update_fields=["state", "revision"])
        cycle_event(
            cycle,
            actor=user,
            action="reopen_cycle",
            from_state=from_state,
            note=f"v{revision.number} {note}; the review is open again",
            now=now,
            revision=revision,
        )


def review_cycles_cancel_for_retirement(
    *, article: Article, user: User, reason: str, now: datetime.datetime
) -> None:
    for cycle in ReviewCycle.objects.open().select_for_update().filter(article=article):
        _void_recertification(cycle, user=user, now=now, reason=f"Article retired: {reason}")
        review_cycle_close(
            cycle,
            transition="cancel",
            user=user,
            now=now,
            reason=f"Article retired: {reason}",
            action="cancel_cycle",
            note=f"Article retired: {reason}",
        )


def _void_recertification(
    cycle: ReviewCycle, *, user: User, now: datetime.datetime, reason: str
) -> None:
    """A re-certification still collecting sign-offs is overtaken (a publish, a
    retirement): its steps are void, as a superseded revision's are."""
    submission = cycle.recertification
    if submission is None or submission.state != Submission.State.OPEN:
        return
    submission.state = Submission.State.VOIDED
    submission.closed_at = now
    track(submission, user=user, reason=reason)
    submission.save(update_fields=["state", "closed_at"])
    for approval in submission.approvals.filter(decision__in=Approval.OPEN_DECISIONS):
        approval.decision = Approval.Decision.VOIDED
        track(approval, user=user, reason=reason)
        approval.save(update_fields=["decision"])
