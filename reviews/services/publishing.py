"""Publishing, written once: what it means for a revision to become the live page, for
every caller — the workflow's publish of an approved revision, and an import that brings
a page's published text (transfer) — and retiring an article.

`revision_make_live` is that one definition: the live revision, the dates and credits,
the submission, the article's open review, the audit event, the editors' e-mail, and
the revisions still in review against the old page (superseded) all change together,
in one transaction. What differs between callers (who vouches for the text, the
published date, the credits, the reason in the history) is passed in.
"""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from accounts.models import User
from accounts.roles import Role, require_role
from core.db import update_with_history
from encyclopedia import services as content
from encyclopedia.models import Article, Revision
from encyclopedia.services import ReviewRecord
from reviews import cycles, notifications, workflow
from reviews.credits import approved_submission, open_reviews, review_record_for
from reviews.models import ReviewCycle, Submission
from reviews.services.common import audit, close_live_submission, locked, move

State = Revision.State


@dataclass(frozen=True)
class Publication:
    """What a publish records, as its caller decides it."""

    published_at: datetime.datetime
    reason: str  # the history's change reason
    note: str  # the audit event's note
    review: ReviewRecord | None = None  # the Review Date and credits it earns, if any
    updated_on: datetime.date | None = None  # the page's updated date; default: that day
    # Whether it answers the article's open periodic review: by default when it records
    # a review (the Review Date moved), or when the revision was drafted to answer it.
    answers_review: bool | None = None
    tell_editors: bool = True  # e-mail the revision's editors that it is published
    # The approved submission it publishes, when the caller has read it already.
    submission: Submission | None = None
    # The revision's article, when the caller locked its row and read it since (common.locked).
    locked_article: Article | None = None
    # The article's open reviews, when the caller read them locked (credits.open_reviews).
    open_reviews: list[ReviewCycle] | None = None
    # False when the caller, holding the article's lock, found no other revision in
    # review against the live page (in_review_against): then there is none to supersede.
    others_in_review: bool = True


def in_review_against(*, article_id, live_revision_id) -> QuerySet[Revision]:
    """The article's revisions in review (or approved) against the live page
    `live_revision_id`: what publishing another revision supersedes."""
    return Revision.objects.filter(
        article_id=article_id,
        based_on_id=live_revision_id,
        state__in=workflow.TRANSITIONS["supersede"].sources,
    )


def revision_make_live(*, revision: Revision, user: User, publication: Publication) -> Article:
    """Make `revision` the live page, with everything publishing means. The caller holds
    the article's lock (reviews.services.common.locked) and has decided the revision may
    be published; this runs in the caller's transaction."""
    at = publication.published_at
    old_live_id = revision.article.live_revision_id
    from_state = revision.state
    article = content.article_publish_revision(
        revision=revision,
        user=user,
        published_at=at,
        review=publication.review,
        updated_on=publication.updated_on,
        reason=publication.reason,
        locked_article=publication.locked_article,
    )
    submission = publication.submission or (
        revision.submissions.filter(state=Submission.State.APPROVED).first()
    )
    if submission is not None:
        update_with_history(
            Submission.objects.filter(pk=submission.pk),
            {"state": Submission.State.PUBLISHED},
            user_id=user.pk,
            reason=publication.reason,
            date=timezone.now(),
        )
        submission.state = Submission.State.PUBLISHED
    answers_review = publication.answers_review
    cycles.review_cycles_close_for_publish(
        article=article,
        revision=revision,
        review_date_moved=publication.review is not None
        if answers_review is None
        else answers_review,
        user=user,
        now=at,
        open_cycles=publication.open_reviews,
    )
    event = audit(
        revision=revision,
        actor=user,
        action="publish",
        from_state=from_state,
        to_state=State.PUBLISHED,
        note=publication.note,
        now=at,
    )
    if publication.tell_editors:
        notifications.notify(event)

    if not publication.others_in_review:
        return article
    # What the signers of these compared has changed under them.
    stale = in_review_against(article_id=article.pk, live_revision_id=old_live_id)
    for other in stale.select_for_update().exclude(pk=revision.pk):
        note = f"v{revision.number} was published first"
        close_live_submission(other, Submission.State.VOIDED, now=at, user=user, reason=note)
        notifications.notify(move(other, "supersede", actor=user, note=note, now=at))
    return article


@transaction.atomic
def revision_publish(*, revision: Revision, editor: User, now=None) -> Article:
    """Make an approved revision the live page, atomically with its Review Date and credits.

    Revisions of the same article still in review against the old live page are
    superseded: what their signers compared has changed under them.
    """
    now = now or timezone.now()
    others = in_review_against(
        article_id=OuterRef("article_id"), live_revision_id=OuterRef("article__live_revision_id")
    )
    revision = locked(
        revision,
        related=("rendering",),  # made at the last sign-off (page_content.rendering_of)
        others_in_review=Exists(others.exclude(pk=OuterRef("pk"))),
    )
    require_role(editor, Role.EDITOR, "publish revisions")
    workflow.guard(revision, "publish")
    submission, sign_offs = approved_submission(revision)
    open_cycles = open_reviews(revision.article_id, lock=True)
    return revision_make_live(
        revision=revision,
        user=editor,
        publication=Publication(
            published_at=now,
            reason=f"Published v{revision.number} ({submission.get_kind_display().lower()})",
            note=submission.change_summary,
            review=review_record_for(submission, open_cycles, sign_offs=sign_offs),
            submission=submission,
            locked_article=revision.article,
            open_reviews=open_cycles,
            others_in_review=revision.others_in_review,  # type: ignore[attr-defined]
        ),
    )


@transaction.atomic
def article_retire(*, article: Article, director: User, reason: str, now=None) -> Article:
    """Take an article off the site (its URL answers 410 Gone) and cancel its open review."""
    now = now or timezone.now()
    require_role(director, Role.EDITORIAL_DIRECTOR, "retire articles")
    article = content.article_mark_retired(article=article, user=director, reason=reason)
    cycles.review_cycles_cancel_for_retirement(
        article=article, user=director, reason=reason, now=now
    )
    audit(
        article=article,
        actor=director,
        action="retire",
        from_state=Article.Status.PUBLISHED,
        to_state=Article.Status.RETIRED,
        note=reason,
        now=now,
    )
    return article
