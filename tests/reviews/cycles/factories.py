"""Articles due on a given day, reviewers, and review cycles, made through the services.

Every helper reaches its state the way the application does (the content services, the
scheduler's own jobs), except `bulk_due_articles`, which builds many published articles
in a handful of statements for the query-count tests.
"""

import datetime
from collections.abc import Sequence
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta
from django.contrib.auth.models import Group

from accounts.models import ReviewerProfile, Specialty, User
from accounts.roles import Role
from encyclopedia.models import Article, Revision, Topic
from encyclopedia.services import ReferenceInput, SectionInput
from reviews import cycles
from reviews.models import ReviewCycle
from tests.accounts.factories import ReviewerProfileFactory, UserFactory
from tests.encyclopedia.factories import published_article
from tests.mail import committed

NEW_YORK = ZoneInfo("America/New_York")
TODAY = datetime.date(2026, 11, 27)
NOW = datetime.datetime(2026, 11, 27, 10, tzinfo=NEW_YORK)
OLD_REVIEW_DATE = datetime.date(2024, 7, 23)  # scenario 10: due 2026-07-23
DEFAULT_INTERVAL = 24

SECTIONS = [
    SectionInput("Causes", "A fast, irregular heartbeat starts in the upper chambers."),
    SectionInput("Treatment", "Medicines slow the heart rate. Anticoagulants prevent clots."),
]
REFERENCES = [
    ReferenceInput(
        citation="Marlow JT, Osei A. Extended-interval dosing. J Demo Clin Med. 2021;14:211-9.",
        url="https://doi.org/10.5555/stet.demo.2021.0142",
        accessed_on=datetime.date(2024, 7, 1),
        doi="10.5555/stet.demo.2021.0142",
    ),
    ReferenceInput(citation="Demo Heart Society. Rhythm guideline. 2023.", pubmed_id="31234567"),
]


def at(day: datetime.date | str, hour: int = 10) -> datetime.datetime:
    """A moment on `day` in the encyclopedia's time zone."""
    if isinstance(day, str):
        day = datetime.date.fromisoformat(day)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=NEW_YORK)


def days(n: int) -> datetime.timedelta:
    return datetime.timedelta(days=n)


def reviewed_on_for(due_on: datetime.date, months: int = DEFAULT_INTERVAL) -> datetime.date:
    return due_on - relativedelta(months=months)


def due_article(
    due_on: datetime.date | None,
    *,
    specialty: Specialty,
    author: User,
    title: str = "Atrial fibrillation",
    topics: Sequence[Topic] = (),
    references: Sequence[ReferenceInput] = REFERENCES,
) -> Article:
    """A published article whose next review falls due on `due_on` (None: never reviewed)."""
    article = published_article(
        title=title,
        specialty=specialty,
        author=author,
        topics=list(topics),
        sections=SECTIONS,
        references=references,
        reviewed_on=reviewed_on_for(due_on) if due_on else None,
        published_at=at(reviewed_on_for(due_on)) if due_on else at("2026-01-05"),
    )
    assert article.next_review_due == due_on, "the helper must land on the asked due date"
    return article


def bulk_due_articles(
    count: int, *, due_on: datetime.date, specialty: Specialty, author: User, prefix: str = "Bulk"
) -> list[Article]:
    """`count` published articles due on `due_on`, in a few statements (v1 live, no
    history), for tests that need hundreds of rows quickly."""
    first = int(Article.next_free_number())
    articles = Article.objects.bulk_create(
        Article(
            number=f"{first + n:06d}",
            title=f"{prefix} condition {first + n}",
            slug=f"{prefix.lower()}-condition-{first + n}",
            specialty=specialty,
        )
        for n in range(count)
    )
    published_at = at(reviewed_on_for(due_on))
    revisions = Revision.objects.bulk_create(
        Revision(
            article=article,
            number=1,
            title=article.title,
            summary="Explained for patients.",
            author=author,
            state=Revision.State.PUBLISHED,
            kind=Revision.Kind.FULL_REVIEW,
            published_at=published_at,
        )
        for article in articles
    )
    for article, revision in zip(articles, revisions, strict=True):
        article.live_revision = revision
        article.status = Article.Status.PUBLISHED
        article.last_reviewed_on = reviewed_on_for(due_on)
        article.last_updated_on = article.last_reviewed_on
    Article.objects.bulk_update(
        articles, ["live_revision", "status", "last_reviewed_on", "last_updated_on"]
    )
    assert Article.objects.filter(pk__in=[a.pk for a in articles], next_review_due=due_on).count()
    return articles


def with_roles(user: User, *roles: Role) -> User:
    user.groups.add(*Group.objects.filter(name__in=[role.value for role in roles]))
    user.__dict__.pop("_role_names", None)
    return user


def reviewer(
    username: str,
    *,
    credit_name: str,
    specialties: Sequence[Specialty] = (),
    roles: Sequence[Role] = (Role.MEDICAL_REVIEWER,),
    licence_expires_on: datetime.date = datetime.date(2027, 12, 31),
    **fields,
) -> ReviewerProfile:
    """A clinician with a Stet login and a reviewer profile."""
    first, _, last = credit_name.split(",")[0].rpartition(" ")
    user = UserFactory(username=username, first_name=first, last_name=last, roles=list(roles))
    return ReviewerProfileFactory(
        user=user,
        credit_name=credit_name,
        licence_expires_on=licence_expires_on,
        specialties=list(specialties),
        **fields,
    )


def flag(today: datetime.date = TODAY, **kwargs) -> cycles.FlagResult:
    return cycles.review_cycles_flag_overdue(today=today, now=at(today, 5), **kwargs)


def open_cycle(article: Article, *, today: datetime.date = TODAY) -> ReviewCycle:
    """The cycle the nightly job opens for `article` (which must be due by `today`)."""
    flag(today)
    return ReviewCycle.objects.open().get(article=article)


def assigned_cycle(article: Article, *, to: User, today: datetime.date = TODAY) -> ReviewCycle:
    """`article`'s cycle, opened and assigned by the scheduler's jobs, which must have
    chosen `to` (the only, or the least loaded, qualified reviewer)."""
    cycle = open_cycle(article, today=today)
    committed(
        cycles.review_cycles_auto_assign,
        today=today,
        now=at(today, 6),
        cycles=ReviewCycle.objects.filter(pk=cycle.pk),
    )
    cycle = fresh(cycle)
    assert cycle.assignee == to, cycle.unassigned_reason or f"assigned to {cycle.assignee}"
    return cycle


def fresh(obj):
    return type(obj).objects.get(pk=obj.pk)
