"""Read queries for the editorial director's dashboard: a fixed number of aggregate
queries whatever the size of the encyclopedia, and the filtered article list behind
every figure."""

import datetime
import statistics
from collections import defaultdict
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import (
    Count,
    DurationField,
    ExpressionWrapper,
    F,
    FilteredRelation,
    Min,
    Q,
    QuerySet,
)
from django.utils import timezone

from accounts.models import ReviewerProfile, Specialty, User
from accounts.roles import Role
from encyclopedia import catalogue, search
from encyclopedia.models import Article, ReviewPolicy, Topic
from encyclopedia.schedule import ReviewWindow
from reporting.figures import AGE_BUCKETS, schedule_buckets
from reporting.models import MetricSnapshot
from reviews import eligibility
from reviews.models import Approval, ReviewCycle

STATUSES = {
    "overdue": "Overdue",
    "due_soon": "Due soon",
    "current": "Current",
    "never_reviewed": "Never reviewed",
}
BUCKETS = {name: (low, high) for name, low, high in AGE_BUCKETS}
# Not a bar of the age chart, but a figure directors ask for ("7 of them over 90 days").
FILTER_BUCKETS = {**BUCKETS, "overdue_over_90": (91, None)}
BUCKET_LABELS = {
    "overdue_1_30": "1–30 days",
    "overdue_31_90": "31–90 days",
    "overdue_91_180": "91–180 days",
    "overdue_181_365": "181–365 days",
    "overdue_over_365": "Over 365 days",
}
FILTER_BUCKET_LABELS = {**BUCKET_LABELS, "overdue_over_90": "Over 90 days"}
CYCLE_STATES = {
    "overdue": "Open, past its due date",
    "unassigned": "Open, no reviewer",
    "open": "Open, assigned",
    "in_progress": "Revision being drafted",
    "none": "No open review",
}
# Articles never reviewed have no due date: they sort after every dated one, on any
# database (PostgreSQL and SQLite disagree on where NULLs go by default).
_DUE = F("next_review_due").asc(nulls_last=True)
_DUE_DESC = F("next_review_due").desc(nulls_last=True)
SORTS = {
    "overdue": (_DUE, "title", "pk"),  # most overdue first
    "-overdue": (_DUE_DESC, "title", "pk"),
    "title": ("title", "pk"),
    "-title": ("-title", "pk"),
    "due": (_DUE, "pk"),
    "-due": (_DUE_DESC, "pk"),
    # A search's own order (encyclopedia.search): title matches, then the best ranked.
    "relevance": (),
}


SCHEDULE_FIGURES = ("published", "never_reviewed", "current", "due_soon", *BUCKETS)
# The figures made of age buckets: all of them, and those over 90 days.
SUMMED_BUCKETS = {
    "overdue": tuple(BUCKETS),
    "overdue_over_90": tuple(
        name for name, (low, _) in BUCKETS.items() if low >= FILTER_BUCKETS["overdue_over_90"][0]
    ),
}


# How long counted figures are kept at most: a change moves the catalogue's generation
# on at once, so this only bounds them when the cache was away at that moment.
FIGURES_SECONDS = 300


def by_specialty(*, today: datetime.date) -> list[dict]:
    """Every schedule figure per specialty (published, current, due soon, never reviewed,
    overdue by age). Counted in one pass over the published articles, then kept until
    any article changes (encyclopedia.catalogue) or the day or the due-soon window
    does, so the dashboard costs that pass only once per change, however large the
    encyclopedia."""
    due_soon_days = ReviewPolicy.current().due_soon_days
    # The generation is read before the articles: figures counted while a change was in
    # flight are kept under one that the change's commit leaves behind.
    key = f"dashboard:schedule:{today}:{due_soon_days}:{catalogue.generation()}"
    rows = cache.get(key)
    if rows is None:
        rows = _count_by_specialty(today=today, due_soon_days=due_soon_days)
        cache.set(key, rows, FIGURES_SECONDS)
    return rows


def _count_by_specialty(*, today: datetime.date, due_soon_days: int) -> list[dict]:
    rows = list(
        Article.objects.published()
        .values("specialty_id", "specialty__name")
        .annotate(**schedule_buckets(today=today, due_soon_days=due_soon_days))
    )
    for row in rows:
        row.update(_summed(row))
    rows.sort(key=lambda row: (-row["overdue"], row["specialty__name"]))
    return rows


def _summed(figures: dict) -> dict[str, int]:
    return {name: sum(figures[b] for b in buckets) for name, buckets in SUMMED_BUCKETS.items()}


def headline(*, today: datetime.date, specialties: list[dict] | None = None) -> dict:
    """The figures at the top of the dashboard: the per-specialty figures summed (pass
    them in when you have them, to scan the articles once), plus unassigned reviews and
    revisions waiting."""
    if specialties is None:
        specialties = by_specialty(today=today)
    figures = {name: sum(row[name] for row in specialties) for name in SCHEDULE_FIGURES}
    figures.update(_summed(figures))
    figures["unassigned_cycles"] = ReviewCycle.objects.open().filter(assignee=None).count()
    waiting = Approval.objects.filter(decision=Approval.Decision.PENDING).aggregate(
        count=Count("pk"), oldest=Min("pending_since")
    )
    figures["revisions_waiting"] = waiting["count"]
    figures["oldest_wait"] = waiting["oldest"]
    return figures


@dataclass
class ReviewerRow:
    profile: ReviewerProfile
    open_reviews: int  # periodic reviews assigned and still open
    overdue: int  # of those, past their due date
    workload: int  # what capacity is measured against: open reviews and review steps
    median_days: float | None
    licence_expiring: bool

    @property
    def over_capacity(self) -> bool:
        return self.workload >= self.profile.capacity


def by_reviewer(*, today: datetime.date) -> list[ReviewerRow]:
    """Each active reviewer's open periodic reviews, how many are overdue, capacity, the
    median days to complete a review over the last 90 days, and whether their licence
    expires within 60 days. Four queries."""
    profiles = list(
        ReviewerProfile.objects.filter(
            is_active=True, user__is_active=True, user__groups__name=Role.MEDICAL_REVIEWER.value
        )
        .select_related("user")
        .order_by("credit_name")
        .distinct()
    )
    load = {
        row["assignee"]: row
        for row in ReviewCycle.objects.open()
        .exclude(assignee=None)
        .values("assignee")
        # Counts of what the open-review index holds (assignee, due date): answered from
        # the index alone.
        .annotate(open=Count("*"), overdue=Count("due_on", filter=Q(due_on__lt=today)))
    }
    steps = eligibility.review_steps_by_assignee([profile.user_id for profile in profiles])
    since = timezone.make_aware(
        datetime.datetime.combine(today - datetime.timedelta(days=90), datetime.time())
    )
    durations: dict[int, list[float]] = defaultdict(list)
    completed = (
        ReviewCycle.objects.filter(state=ReviewCycle.State.COMPLETED, closed_at__gte=since)
        .exclude(assignee=None)
        .annotate(took=ExpressionWrapper(F("closed_at") - F("opened_at"), DurationField()))
        .values_list("assignee", "took")
        .order_by()  # a median needs no order: spare the sort of the model's default one
    )
    for assignee, took in completed:
        durations[assignee].append(took.total_seconds() / 86400)
    expiring = today + datetime.timedelta(days=60)
    return [
        ReviewerRow(
            profile=profile,
            open_reviews=load.get(profile.user_id, {}).get("open", 0),
            overdue=load.get(profile.user_id, {}).get("overdue", 0),
            # Measured as assignment measures it (cycles.workloads): reviews and steps.
            workload=load.get(profile.user_id, {}).get("open", 0) + steps.get(profile.user_id, 0),
            median_days=round(statistics.median(durations[profile.user_id]), 1)
            if durations.get(profile.user_id)
            else None,
            licence_expiring=profile.licence_expires_on is not None
            and profile.licence_expires_on <= expiring,
        )
        for profile in profiles
    ]


def trend(*, today: datetime.date, days: int = 365) -> list[MetricSnapshot]:
    """The last year's snapshots (overall figures), one per week — the last day recorded
    in each — oldest first: 52 points say what 365 would, and read faster."""
    daily = MetricSnapshot.objects.filter(
        specialty=None, day__gte=today - datetime.timedelta(days=days), day__lte=today
    ).order_by("day")
    weekly: dict[tuple[int, int], MetricSnapshot] = {}
    for snapshot in daily:
        weekly[snapshot.day.isocalendar()[:2]] = snapshot
    return list(weekly.values())


# --- The article list behind every figure --------------------------------------------------


@dataclass(frozen=True)
class ArticleFilter:
    """The filters of the director's article list and the staff finder: one set, read
    from the query string the same way for both."""

    status: str = ""  # where the article stands on the review schedule
    bucket: str = ""
    specialty: int | None = None
    reviewer: int | None = None
    cycle_state: str = ""
    sort: str = "overdue"
    query: str = ""  # words in the page, a title or an article number
    topic: int | None = None
    article_status: str = ""  # draft, published or retired (the finder's; the list is published)

    @classmethod
    def from_query(cls, query) -> "ArticleFilter":
        def number(name: str) -> int | None:
            value = query.get(name, "")
            return int(value) if value.isdigit() else None

        bucket = query.get("bucket", "")
        status = query.get("status", "")
        words = query.get("q", "").strip()[:200]
        default_sort = "relevance" if words else "overdue"
        sort = query.get("sort", default_sort)
        return cls(
            status=status
            if status in STATUSES
            else ("overdue" if bucket in FILTER_BUCKETS else ""),
            bucket=bucket if bucket in FILTER_BUCKETS else "",
            specialty=number("specialty"),
            reviewer=number("reviewer"),
            cycle_state=query.get("state", "") if query.get("state") in CYCLE_STATES else "",
            sort=sort if sort in SORTS and (words or sort != "relevance") else default_sort,
            query=words,
            topic=number("topic"),
            article_status=query.get("article", "")
            if query.get("article") in Article.Status.values
            else "",
        )

    def as_query(self, **changes) -> dict:
        values = {
            "q": self.query,
            "article": self.article_status,
            "status": self.status,
            "bucket": self.bucket,
            "specialty": self.specialty or "",
            "topic": self.topic or "",
            "reviewer": self.reviewer or "",
            "state": self.cycle_state,
            "sort": self.sort,
        }
        values.update(changes)
        return {key: value for key, value in values.items() if value not in ("", None)}


def article_matches(
    *, today: datetime.date, filters: ArticleFilter, articles: QuerySet[Article] | None = None
) -> QuerySet[Article]:
    """The `articles` (by default the published ones) matching the filters. The open
    review is joined only when a filter needs it, so counting the matches stays cheap."""
    if articles is None:
        articles = Article.objects.published()
    if filters.query:
        articles = search.matching(articles, filters.query)
    articles = articles.annotate(
        open_cycle=FilteredRelation(
            "review_cycles", condition=Q(review_cycles__state__in=ReviewCycle.OPEN_STATES)
        )
    )
    if filters.article_status:
        articles = articles.filter(status=filters.article_status)
    if filters.status:
        articles = articles.filter(
            ReviewWindow.on(today).condition(filters.status), status=Article.Status.PUBLISHED
        )
    if filters.topic:
        articles = articles.filter(topics=filters.topic)
    if filters.bucket:
        low, high = FILTER_BUCKETS[filters.bucket]
        articles = articles.filter(next_review_due__lte=today - datetime.timedelta(days=low))
        if high is not None:
            articles = articles.filter(next_review_due__gte=today - datetime.timedelta(days=high))
    if filters.specialty:
        articles = articles.filter(specialty_id=filters.specialty)
    if filters.reviewer:
        articles = articles.filter(open_cycle__assignee_id=filters.reviewer)
    if filters.cycle_state == "overdue":
        articles = articles.filter(open_cycle__due_on__lt=today)
    elif filters.cycle_state == "unassigned":
        articles = articles.filter(
            open_cycle__state=ReviewCycle.State.OPEN, open_cycle__assignee=None
        )
    elif filters.cycle_state == "open":
        articles = articles.filter(
            open_cycle__state=ReviewCycle.State.OPEN, open_cycle__assignee__isnull=False
        )
    elif filters.cycle_state == "in_progress":
        articles = articles.filter(open_cycle__state=ReviewCycle.State.IN_PROGRESS)
    elif filters.cycle_state == "none":
        articles = articles.filter(open_cycle__id=None)
    return articles


def article_count(*, today: datetime.date, filters: ArticleFilter) -> int:
    """How many published articles the director's list matches. Where the filters are a
    schedule figure, of the whole encyclopedia or of one specialty (what every figure on
    the dashboard links to), the answer is that figure as by_specialty keeps it: the list
    and the figure that led to it always agree, and neither counts the articles again.
    Any other filter is counted."""
    figure = filters.bucket or filters.status or "published"
    if (
        filters.query
        or filters.topic
        # The figures are of published articles; the list of a retired one has none.
        or filters.article_status not in ("", Article.Status.PUBLISHED)
        or filters.reviewer
        or filters.cycle_state
        or (filters.bucket and filters.status != "overdue")  # no figure: counted below
    ):
        return article_matches(today=today, filters=filters).count()
    return sum(
        row[figure]
        for row in by_specialty(today=today)
        if filters.specialty in (None, row["specialty_id"])
    )


def article_list(
    *, today: datetime.date, filters: ArticleFilter, articles: QuerySet[Article] | None = None
) -> QuerySet[Article]:
    """The matching articles as the list shows them, each with its open review (one LEFT
    JOIN: the database allows at most one open cycle per article)."""
    matches = article_matches(today=today, filters=filters, articles=articles)
    # The stubs cannot see the `open_cycle` FilteredRelation alias article_matches adds.
    rows = matches.values(  # type: ignore[misc]
        "pk",
        "number",
        "title",
        "status",
        "last_reviewed_on",
        "next_review_due",
        "specialty__name",
        "open_cycle__id",
        "open_cycle__state",
        "open_cycle__due_on",
        "open_cycle__assignee_id",
        "open_cycle__assignee__first_name",
        "open_cycle__assignee__last_name",
        "open_cycle__assignee__reviewer_profile__credit_name",
        "open_cycle__unassigned_reason",
    )
    # An empty order (relevance) keeps the search's own.
    return rows.order_by(*SORTS[filters.sort]) if SORTS[filters.sort] else rows


def article_choices_for_finder() -> dict:
    """The finder's own filters, beside the director's list's (filter_choices)."""
    return {
        "article_statuses": Article.Status.choices,
        "topics": list(Topic.objects.values_list("pk", "name").order_by("name")),
    }


def assignee_name(row: dict) -> str:
    """Who holds a listed article's open review, as the team names them: the credit
    their pages print, else their full name; "" when nobody is assigned. An assigned
    account with neither still reads as assigned."""
    if row["open_cycle__assignee_id"] is None:
        return ""
    full_name = User.name_of(
        row["open_cycle__assignee__first_name"], row["open_cycle__assignee__last_name"], ""
    )
    return (
        row["open_cycle__assignee__reviewer_profile__credit_name"]
        or full_name
        or "A reviewer with no name on their account"
    )


def filter_choices() -> dict:
    return {
        "statuses": STATUSES,
        "buckets": FILTER_BUCKET_LABELS,
        "states": CYCLE_STATES,
        "specialties": list(Specialty.objects.values_list("pk", "name")),
        "reviewers": list(
            ReviewerProfile.objects.filter(
                user__groups__name=Role.MEDICAL_REVIEWER.value, user__is_active=True
            )
            .values_list("user_id", "credit_name")
            .order_by("credit_name")
            .distinct()
        ),
    }
