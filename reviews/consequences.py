"""What taking back, withdrawing, publishing and retiring will do, said before it is
done. The editorial pages ask for confirmation with these sentences, read from the rows
the verbs in reviews.services change: the sign-offs they void, the page and dates they
move, the reviews they close or reopen, the revisions they supersede. Each first
refuses as its verb would, so a confirmation is never offered for what cannot happen.
(The API does not ask: a script states its intent in the call.)"""

import datetime
from dataclasses import dataclass, field

from django.utils import formats

from accounts.models import User
from core.clock import today
from core.errors import InvalidTransition
from encyclopedia import services as content
from encyclopedia.models import Article, Revision
from encyclopedia.templatetags.encyclopedia import review_date
from reviews import cycles, workflow
from reviews.credits import approved_submission, open_reviews, review_record_for
from reviews.models import Approval, ReviewCycle, Submission
from reviews.selectors import revision_list_in_progress
from reviews.services.drafts import revision_take_back_check, revision_withdraw_check

State = Revision.State


@dataclass(frozen=True)
class Plan:
    """A confirmation: the question, what will happen, and the button that does it."""

    title: str
    consequences: list[str] = field(default_factory=list)
    button: str = "Confirm"
    danger: bool = False


def _day(day: datetime.date) -> str:
    return formats.date_format(day, "N j, Y")


def _count(n: int, noun: str) -> str:
    return f"the {noun}" if n == 1 else f"the {n} {noun}s"


def _who(revision: Revision, viewer: User | None) -> str:
    return "you" if viewer is not None and revision.author_id == viewer.pk else str(revision.author)


def _sign_offs_voided(revision: Revision, verb: str) -> list[str]:
    """What closing the revision's live submission as void does to its chain
    (reviews.services.common.close_live_submission)."""
    submission = (
        revision.submissions.filter(state__in=Submission.LIVE_STATES)
        .prefetch_related("approvals__decided_by", "approvals__assignee")
        .first()
    )
    if submission is None:
        return []
    approvals = sorted(submission.approvals.all(), key=lambda a: a.position)
    signed = [a for a in approvals if a.decision == Approval.Decision.APPROVED]
    pending = next((a for a in approvals if a.decision == Approval.Decision.PENDING), None)
    lines = []
    if signed:
        names = "; ".join(
            f"{a.signer_name or a.decided_by}, {a.get_step_display().lower()}" for a in signed
        )
        lines.append(
            f"{verb} voids {_count(len(signed), 'sign-off')} recorded so far ({names}): "
            + (
                "it was given to this text, and is kept in the history as void."
                if len(signed) == 1
                else "they were given to this text, and are kept in the history as void."
            )
        )
    else:
        lines.append("No one has signed it yet.")
    if pending is not None:
        waiting_on = str(pending.assignee) if pending.assignee else "anyone who may sign it"
        lines.append(
            f"The {pending.get_step_display().lower()} step, waiting on {waiting_on}, is cancelled."
        )
    return lines


def take_back(*, revision: Revision, editor: User) -> Plan:
    revision_take_back_check(revision=revision, editor=editor)
    lines = _sign_offs_voided(revision, "Taking it back")
    if revision.state == State.APPROVED:
        lines.append("It is approved and could be published now; once taken back, it needs "
                     "every sign-off again.")  # fmt: skip
    lines.append(
        f"v{revision.number} returns to draft: it can be edited again, and submitting it "
        "starts the chain of sign-offs over from the first step."
    )
    lines.append("The live page does not change.")
    return Plan(
        title=f"Take v{revision.number} of {revision.title} back to draft?",
        consequences=lines,
        button=f"Take v{revision.number} back to draft",
    )


def withdraw(*, revision: Revision, editor: User) -> Plan:
    revision_withdraw_check(revision=revision, editor=editor)
    lines = [
        f"v{revision.number} is withdrawn for good: it cannot be edited, submitted or "
        "published again. To change the page later, start a new draft.",
        *_sign_offs_voided(revision, "Withdrawing it"),
    ]
    # As reviews.cycles.review_cycles_reopen_for_abandoned does.
    for cycle in ReviewCycle.objects.filter(
        revision=revision, state=ReviewCycle.State.IN_PROGRESS
    ).select_related("assignee"):
        reviewer = str(cycle.assignee) if cycle.assignee else "its reviewer"
        lines.append(
            f"The periodic review it answers (due {_day(cycle.due_on)}) opens again, for "
            f"{reviewer} to re-certify the live page or ask for changes anew."
        )
    if revision.article.is_published:
        lines.append("The live page does not change.")
    else:
        lines.append("The article has never been published, and stays unpublished.")
    return Plan(
        title=f"Withdraw v{revision.number} of {revision.title}?",
        consequences=lines,
        button=f"Withdraw v{revision.number}",
        danger=True,
    )


def publish(*, revision: Revision, editor: User) -> Plan:
    workflow.guard(revision, "publish")
    article = revision.article
    live = article.live_revision
    refusal = content.publish_refusal(article=article, revision=revision)
    if refusal is not None:
        raise refusal
    submission, sign_offs = approved_submission(revision)
    url = article.get_absolute_url()
    if live is None:
        lines = [f"The article goes public now, at {url}, with v{revision.number}."]
    else:
        lines = [f"The live page at {url} changes from v{live.number} to v{revision.number} now."]
        if revision.title != article.title:
            lines.append(f"Its title becomes “{revision.title}” (now “{article.title}”).")
    open_cycles = open_reviews(article.pk)
    record = review_record_for(submission, open_cycles, sign_offs=sign_offs)
    was = review_date(article.last_reviewed_on) or "not set"
    if record is not None:
        credit = record.reviewer_credit or (
            record.reviewer.credit_line if record.reviewer else "the medical reviewer"
        )
        also = "; ".join(f"{c.name}, {c.role}" for c in record.also_reviewed_by)
        lines.append(
            f"Review Date becomes {review_date(record.reviewed_on)} (now {was}), the day of "
            f"the medical review; the page credits “Updated by: {credit}”"
            + (f" and “Also reviewed by: {also}”." if also else ".")
        )
    else:
        why = (
            "a correction does not move it"
            if submission.kind == Revision.Kind.CORRECTION
            else "the medical reviewer reviewed the change, not the whole page"
            if submission.kind == Revision.Kind.UPDATE
            else "no medical review was signed"
        )
        lines.append(f"Review Date stays {was}: {why}. The credits stay as they are.")
    lines.append(f"The updated date becomes {review_date(today())}.")
    answered = cycles.cycles_answered_by_publish(
        article=article,
        revision=revision,
        review_date_moved=record is not None,
        open_cycles=open_cycles,
    )
    for cycle in answered:
        lines.append(
            f"Its periodic review (due {_day(cycle.due_on)}) is closed, answered by this version."
        )
    others = revision_list_in_progress(article=article, exclude=revision).filter(
        based_on_id=article.live_revision_id
    )
    supersede = workflow.TRANSITIONS["supersede"].sources
    for other in others:
        state = other.get_state_display().lower()
        described = f"v{other.number} ({state}, by {_who(other, editor)})"
        if other.state in supersede:
            lines.append(
                f"{described} is superseded: its sign-offs are void, since the page its "
                "signers compared changes. Its editors are told."
            )
        else:
            lines.append(
                f"{described} will need a rebase onto v{revision.number} before it can be "
                "published."
            )
    return Plan(
        title=f"Publish v{revision.number} of {revision.title}?",
        consequences=lines,
        button=f"Publish v{revision.number} now",
    )


def retire(*, article: Article, viewer: User | None = None) -> Plan:
    if not article.is_published:
        # encyclopedia.services.article_mark_retired refuses it, and says so.
        raise InvalidTransition("Only a published article can be retired.")
    url = article.get_absolute_url()
    lines = [
        f"The page at {url} stops being public now: readers and search engines get "
        "410 Gone there, and it leaves the A–Z index.",
    ]
    for cycle in ReviewCycle.objects.open().filter(article=article).select_related("assignee"):
        assigned = f", assigned to {cycle.assignee}" if cycle.assignee else ""
        lines.append(f"Its open periodic review (due {_day(cycle.due_on)}{assigned}) "
                     "is cancelled.")  # fmt: skip
    in_progress = list(revision_list_in_progress(article=article))
    if in_progress:
        listed = "; ".join(
            f"v{r.number} ({r.get_state_display().lower()}, by {_who(r, viewer)})"
            for r in in_progress
        )
        lines.append(f"Revisions in progress are kept, but can no longer be published: {listed}.")
    lines.append("Its versions, sign-offs and history stay on record.")
    return Plan(
        title=f"Retire {article.title} (article {article.number})?",
        consequences=lines,
        button="Retire the article",
        danger=True,
    )
