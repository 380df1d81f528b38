"""Read queries of the API: the filters its list endpoints offer, and token look-ups.

The pages have their own selectors (reviews.selectors, encyclopedia.selectors); the
API's lists filter and page differently (by machine-readable criteria, with cursors),
so their queries live here, built on the same model querysets.
"""

import datetime

from django.db.models import F, QuerySet

from accounts.models import ReviewerProfile
from api.models import ApiToken, key_digest
from encyclopedia import search
from encyclopedia.models import Article, Revision
from encyclopedia.schedule import ReviewWindow
from reviews.models import ReviewCycle


def article_list(
    *,
    public: bool,
    window: ReviewWindow,
    specialty: str | None = None,
    status: str | None = None,
    review_state: str | None = None,
    due_before: datetime.date | None = None,
    due_after: datetime.date | None = None,
    updated_since: datetime.date | None = None,
    q: str = "",
) -> QuerySet[Article]:
    """Articles for the API's list, in a fixed number of queries whatever the page size.
    `public`: only what the public site shows (published articles)."""
    articles = (
        Article.objects.select_related("specialty")
        .prefetch_related("topics")
        .annotate(live_revision_number=F("live_revision__number"))
    )
    if public:
        articles = articles.published()
    if specialty:
        articles = articles.filter(specialty__slug=specialty)
    if status:
        articles = articles.filter(status=status)
    if review_state:
        # A review state only means something for a live page.
        articles = articles.published().filter(window.condition(review_state))
    if due_before:
        articles = articles.filter(next_review_due__lt=due_before)
    if due_after:
        articles = articles.filter(next_review_due__gt=due_after)
    if updated_since:
        articles = articles.filter(last_updated_on__gte=updated_since)
    if q.strip():
        articles = search.matching(articles, q)
    return articles


def article_get(*, number: str) -> Article | None:
    return (
        Article.objects.select_related("specialty")
        .prefetch_related("topics")
        .annotate(live_revision_number=F("live_revision__number"))
        .filter(number=number)
        .first()
    )


def revision_list_for(*, article: Article) -> QuerySet[Revision]:
    return Revision.objects.filter(article=article).select_related("author")


def cycle_list(
    *,
    state: str | None = None,
    is_open: bool | None = None,
    assignee: int | None = None,
    unassigned: bool | None = None,
    specialty: str | None = None,
    article: str | None = None,
    origin: str | None = None,
    due_before: datetime.date | None = None,
    due_after: datetime.date | None = None,
) -> QuerySet[ReviewCycle]:
    cycles = ReviewCycle.objects.select_related(
        "article", "article__specialty", "assignee", "closed_by"
    )
    if state:
        cycles = cycles.filter(state=state)
    if is_open is not None:
        cycles = cycles.open() if is_open else cycles.exclude(state__in=ReviewCycle.OPEN_STATES)
    if assignee is not None:
        cycles = cycles.filter(assignee_id=assignee)
    if unassigned is not None:
        cycles = cycles.filter(assignee__isnull=unassigned)
    if specialty:
        cycles = cycles.filter(article__specialty__slug=specialty)
    if article:
        cycles = cycles.filter(article__number=article)
    if origin:
        cycles = cycles.filter(origin=origin)
    if due_before:
        cycles = cycles.filter(due_on__lt=due_before)
    if due_after:
        cycles = cycles.filter(due_on__gt=due_after)
    return cycles


def cycle_get(*, cycle_id: int) -> ReviewCycle | None:
    return (
        ReviewCycle.objects.select_related("article", "article__specialty", "assignee", "closed_by")
        .filter(pk=cycle_id)
        .first()
    )


def reviewer_list(
    *, specialty: str | None = None, active: bool | None = None
) -> QuerySet[ReviewerProfile]:
    reviewers = ReviewerProfile.objects.prefetch_related("specialties")
    if specialty:
        reviewers = reviewers.filter(specialties__slug=specialty)
    if active is not None:
        reviewers = reviewers.filter(is_active=active)
    return reviewers


def api_token_for_key(*, key: str) -> ApiToken | None:
    """The token a raw key belongs to (revoked or not), with its user."""
    return ApiToken.objects.select_related("user").filter(key_hash=key_digest(key)).first()


def api_token_list_for(*, user) -> QuerySet[ApiToken]:
    # Keys still working first (NULL sorts differently per database: say where).
    return ApiToken.objects.filter(user=user).order_by(
        F("revoked_at").desc(nulls_first=True), "-created_at", "-pk"
    )
