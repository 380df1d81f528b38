"""What people do with one periodic review: the reviewer re-certifies the live page or
asks for changes; a publish, an abandoned draft or a retirement closes, reopens or
cancels it. Every state change is a transition of the cycle's table (reviews.workflow)
and goes through `review_cycle_close` or `_move`, with its history and audit event."""

import datetime

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from core.errors import DomainError, InvalidTransition
from core.history import track
from encyclopedia import services as content
from encyclopedia.models import Article, Revision
from encyclopedia.services import ReviewRecord
from reviews import eligibility, notifications
from reviews.cycles.common import cycle_event, locked_cycle
from reviews.models import ATTESTATION_TEXT, Comment, ReviewCycle
from reviews.workflow import CYCLE


def _move(cycle: ReviewCycle, name: str, *, user: User, reason: str) -> str:
    """Apply transition `name` to a locked cycle (history, no audit); the old state."""
    transition = CYCLE.guard(cycle, name)
    from_state = cycle.state
    cycle.state = transition.target
    track(cycle, user=user, reason=reason)
    return from_state


@transaction.atomic
def review_cycle_recertify(
    *, cycle: ReviewCycle, reviewer: User, attested: bool, now: datetime.datetime | None = None
) -> ReviewCycle:
    """The reviewer attests the live page is still accurate. The Review Date becomes today,
    the due date moves on, the credit names them, and the cycle completes — together."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    cycle = locked_cycle(cycle)
    CYCLE.guard(cycle, "recertify")
    eligibility.review_verdict(cycle=cycle, user=reviewer, on=today).check()
    profile = reviewer.reviewer_profile
    if not attested:
        raise DomainError(
            "Tick the attestation to re-certify: it is the statement your sign-off records.",
            code="attestation_required",
        )
    content.article_record_review(
        article=cycle.article,
        user=reviewer,
        review=ReviewRecord(reviewed_on=today, reviewer=profile),
        reason=f"Re-certified by {profile.credit_name}: no change",
    )
    cycle.attestation = ATTESTATION_TEXT
    cycle.signer_credit = profile.credit_line
    review_cycle_close(
        cycle,
        transition="recertify",
        outcome=ReviewCycle.Outcome.RECERTIFIED,
        user=reviewer,
        now=now,
        reason="Re-certified, no change",
        action="recertify",
        note=f"Re-certified by {profile.credit_line}",
    )
    return cycle


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


def answers_open_cycle(revision: Revision) -> bool:
    """Whether `revision` was drafted to answer a periodic review still in progress."""
    return ReviewCycle.objects.filter(
        revision=revision, state=ReviewCycle.State.IN_PROGRESS
    ).exists()


def review_cycles_close_for_publish(
    *,
    article: Article,
    revision: Revision,
    review_date_moved: bool,
    user: User,
    now: datetime.datetime,
) -> None:
    """A publish answers the article's open review when it was drafted for it, or when it
    moved the Review Date (a full review of the page)."""
    for cycle in ReviewCycle.objects.open().select_for_update().filter(article=article):
        if cycle.revision_id != revision.pk and not review_date_moved:
            continue
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
        review_cycle_close(
            cycle,
            transition="cancel",
            user=user,
            now=now,
            reason=f"Article retired: {reason}",
            action="cancel_cycle",
            note=f"Article retired: {reason}",
        )
