"""Read queries for the editorial team's pages: drafts, queues and the overdue dashboard."""

import datetime

from django.db.models import Count, Q, QuerySet

from accounts.models import User
from encyclopedia.models import Article, ReviewPolicy, Revision


def revision_list_drafts(*, user: User) -> QuerySet[Revision]:
    """Unpublished revisions this person wrote or edited, most recently touched first."""
    unfinished = [
        Revision.State.DRAFT,
        Revision.State.IN_REVIEW,
        Revision.State.CHANGES_REQUESTED,
        Revision.State.APPROVED,
    ]
    return (
        Revision.objects.filter(Q(author=user) | Q(contributors=user), state__in=unfinished)
        .select_related("article", "author")
        .distinct()
        .order_by("-updated_at")
    )


def revision_list_in_review() -> QuerySet[Revision]:
    return (
        Revision.objects.filter(state=Revision.State.IN_REVIEW)
        .select_related("article", "article__specialty", "author")
        .order_by("updated_at")
    )


def review_schedule_counts(*, today: datetime.date) -> dict[str, int]:
    """Published articles by where they stand against their Review Date, in one query."""
    soon = today + datetime.timedelta(days=ReviewPolicy.current().due_soon_days)
    return Article.objects.published().aggregate(
        published=Count("pk"),
        never_reviewed=Count("pk", filter=Q(next_review_due=None)),
        overdue=Count("pk", filter=Q(next_review_due__lt=today)),
        due_soon=Count("pk", filter=Q(next_review_due__gte=today, next_review_due__lte=soon)),
        current=Count("pk", filter=Q(next_review_due__gt=soon)),
    )


def article_list_overdue(*, today: datetime.date) -> QuerySet[Article]:
    return (
        Article.objects.published()
        .filter(next_review_due__lt=today)
        .select_related("specialty")
        .only("number", "title", "next_review_due", "last_reviewed_on", "specialty__name")
        .order_by("next_review_due", "title")
    )
