"""Read queries for the exports and the import pages.

The export querysets are meant for `.iterator(chunk_size=…)`: each chunk of articles
fetches its related rows in a fixed number of queries (Django runs the prefetches
per chunk), so a catalogue of 100,000 articles streams in bounded memory.
"""

import datetime
from dataclasses import dataclass

from django.db.models import F, OuterRef, Prefetch, Q, QuerySet, Subquery

from accounts.models import ReviewerProfile, Specialty, User
from encyclopedia.models import Article, Reference, Revision, Section, Topic
from reviews.models import Approval, ReviewCycle, Submission
from transfer.models import ImportJob, ImportJobFile

EXPORT_CHUNK_SIZE = 500


def _changed_since(articles: QuerySet[Article], since: datetime.date | None) -> QuerySet[Article]:
    """Articles created, updated, reviewed or retired on or after `since`."""
    if since is None:
        return articles
    return articles.filter(
        Q(last_updated_on__gte=since)
        | Q(last_reviewed_on__gte=since)
        | Q(created_at__date__gte=since)
        | Q(retired_at__date__gte=since)
    )


def article_list_for_catalogue(*, since: datetime.date | None = None) -> QuerySet[Article]:
    """Every article (or those changed since a day) with everything the JSON export
    writes: topics, published revisions with their content and sign-offs, review cycles."""
    sign_offs = Approval.objects.filter(decision=Approval.Decision.APPROVED).select_related(
        "decided_by"
    )
    published_submissions = Submission.objects.filter(
        state=Submission.State.PUBLISHED
    ).select_related("submitted_by")
    revisions = (
        Revision.objects.filter(state=Revision.State.PUBLISHED)
        .select_related("author")
        .prefetch_related(
            Prefetch("sections", queryset=Section.objects.order_by("position", "id")),
            Prefetch("references", queryset=Reference.objects.order_by("position", "id")),
            Prefetch(
                "submissions",
                queryset=published_submissions.prefetch_related(
                    Prefetch(
                        "approvals",
                        queryset=sign_offs.order_by("position"),
                        to_attr="sign_offs",
                    )
                ),
                to_attr="published_submissions",
            ),
        )
        .order_by("number")
    )
    cycles = (
        ReviewCycle.objects.select_related("opened_by", "assignee", "closed_by")
        .annotate(revision_number=F("revision__number"), revision_state=F("revision__state"))
        .order_by("opened_at", "due_on", "pk")
    )
    return (
        _changed_since(Article.objects.select_related("specialty"), since)
        .prefetch_related(
            Prefetch("topics", queryset=Topic.objects.order_by("slug")),
            Prefetch("revisions", queryset=revisions, to_attr="published_revisions"),
            Prefetch("review_cycles", queryset=cycles, to_attr="cycles_in_order"),
        )
        .order_by("number")
    )


def article_list_for_csv(*, since: datetime.date | None = None) -> QuerySet[Article]:
    """Every article's current state, one row each, with its open review (if any)."""
    open_cycle = ReviewCycle.objects.open().filter(article=OuterRef("pk"))
    return (
        _changed_since(Article.objects.all(), since)
        .select_related("specialty")
        .only(
            "number",
            "title",
            "status",
            "specialty__name",
            "last_reviewed_on",
            "last_updated_on",
            "review_interval_months",
            "next_review_due",
            "reviewed_by_credit",
            "also_reviewed_by",
        )
        .annotate(
            live_version=F("live_revision__number"),
            open_review_due=Subquery(open_cycle.values("due_on")[:1]),
            open_review_assignee=Subquery(open_cycle.values("assignee__username")[:1]),
        )
        .prefetch_related(Prefetch("topics", queryset=Topic.objects.order_by("name")))
        .order_by("number")
    )


@dataclass(frozen=True)
class ReviewerEntry:
    key: str
    credit_name: str
    credentials: str
    title: str
    department: str
    institution: str
    specialties: list[str]


def reviewer_entries() -> dict[int, ReviewerEntry]:
    """Every reviewer profile under the key the export names it by: its credit name, with
    " (2)", " (3)"… when several profiles share one (in a stable order)."""
    profiles = ReviewerProfile.objects.prefetch_related(
        # The stubs cannot type a Prefetch through a manager built from a custom QuerySet.
        Prefetch("specialties", queryset=Specialty.objects.order_by("slug"))  # type: ignore[arg-type]
    ).order_by("credit_name", "credentials", "title", "department", "institution", "pk")
    entries: dict[int, ReviewerEntry] = {}
    seen: dict[str, int] = {}
    for profile in profiles:
        seen[profile.credit_name] = seen.get(profile.credit_name, 0) + 1
        n = seen[profile.credit_name]
        entries[profile.pk] = ReviewerEntry(
            key=profile.credit_name if n == 1 else f"{profile.credit_name} ({n})",
            credit_name=profile.credit_name,
            credentials=profile.credentials,
            title=profile.title,
            department=profile.department,
            institution=profile.institution,
            specialties=[specialty.slug for specialty in profile.specialties.all()],
        )
    return entries


def specialty_list_for_export() -> QuerySet[Specialty]:
    return Specialty.objects.select_related("review_interval").order_by("slug")


def topic_list_for_export() -> QuerySet[Topic]:
    return Topic.objects.order_by("slug")


def people_for_export(*, usernames: set[str]) -> QuerySet[User]:
    return (
        User.objects.filter(username__in=usernames)
        .only("username", "first_name", "last_name")
        .order_by("username")
    )


def import_job_list_recent(*, limit: int = 20) -> QuerySet[ImportJob]:
    return ImportJob.objects.select_related("started_by").order_by("-created_at", "-pk")[:limit]


def import_job_get(*, job_id: int) -> ImportJob | None:
    return ImportJob.objects.select_related("started_by", "specialty").filter(pk=job_id).first()


def import_job_files_to_show(
    *, job: ImportJob, latest: int = 10, limit: int = 1000
) -> list[ImportJobFile]:
    """The file results a job's page lists: all of them (up to `limit`) once it has
    finished; while it runs (polled every second), the refusals and the `latest` few."""
    files = ImportJobFile.objects.filter(job=job).order_by("pk")
    if job.is_finished:
        return list(files[:limit])
    recent = list(files.order_by("-pk")[:latest])
    refused = list(
        files.filter(status=ImportJobFile.Status.FAILED).exclude(pk__in=[f.pk for f in recent])[
            :limit
        ]
    )
    return sorted(refused + recent, key=lambda f: f.pk)
