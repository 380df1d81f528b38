"""Read queries for the editorial team's pages: drafts, queues, revision and history pages,
and the overdue dashboard. Each page's queries are a fixed number, whatever the data size."""

import datetime
import itertools
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import (
    DurationField,
    ExpressionWrapper,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.utils import formats, timezone
from django.utils.text import capfirst

from accounts.models import Specialty, User
from core.errors import DomainError
from encyclopedia.models import Article, Reference, Revision, Section, Topic
from reviews.models import (
    RECERTIFICATION,
    Approval,
    AuditEvent,
    Comment,
    ReaderFeedback,
    ReminderSent,
    ReviewCycle,
    Submission,
)

UNFINISHED_STATES = [
    Revision.State.DRAFT,
    Revision.State.IN_REVIEW,
    Revision.State.CHANGES_REQUESTED,
    Revision.State.APPROVED,
]


def pending_step_annotations() -> dict:
    """For a list of revisions: the step each waits on, who holds it and since when."""
    pending = Approval.objects.filter(
        submission__revision=OuterRef("pk"), decision=Approval.Decision.PENDING
    )
    return {
        "pending_step": Subquery(pending.values("step")[:1]),
        "pending_assignee_first": Subquery(pending.values("assignee__first_name")[:1]),
        "pending_assignee_last": Subquery(pending.values("assignee__last_name")[:1]),
        "pending_since": Subquery(pending.values("pending_since")[:1]),
    }


def revision_list_drafts(*, user: User) -> QuerySet[Revision]:
    """Unpublished revisions this person wrote or edited, with the step each waits on."""
    mine = Revision.objects.filter(
        Q(author=user)
        | Q(pk__in=Revision.contributors.through.objects.filter(user=user).values("revision_id")),
        state__in=UNFINISHED_STATES,
    )
    return (
        mine.select_related("article", "author")
        .annotate(**pending_step_annotations())
        .order_by("-updated_at")
    )


def revision_list_recently_published(*, user: User, limit: int = 10) -> QuerySet[Revision]:
    return (
        Revision.objects.filter(
            Q(author=user) | Q(contributors=user), state=Revision.State.PUBLISHED
        )
        .select_related("article")
        .distinct()
        .order_by("-published_at")[:limit]
    )


def approval_list_decided(*, user: User, limit: int = 10) -> QuerySet[Approval]:
    return (
        Approval.objects.filter(decided_by=user)
        .exclude(decision=Approval.Decision.VOIDED)
        .select_related("submission__revision__article")
        .order_by("-decided_at")[:limit]
    )


def revision_get(*, revision_id: int) -> Revision | None:
    return (
        Revision.objects.select_related(
            "article", "article__specialty", "article__live_revision", "author", "based_on"
        )
        .prefetch_related(
            Prefetch("sections", queryset=Section.objects.order_by("position")),
            Prefetch("references", queryset=Reference.objects.order_by("position")),
            "contributors",
        )
        .filter(pk=revision_id)
        .first()
    )


def revision_list_in_progress(
    *, article: Article, exclude: Revision | None = None
) -> QuerySet[Revision]:
    """The article's revisions on their way to the live page (drafts and those in
    review), oldest first, but `exclude`."""
    revisions = article.revisions.filter(state__in=UNFINISHED_STATES).select_related("author")
    if exclude is not None:
        revisions = revisions.exclude(pk=exclude.pk)
    return revisions.order_by("number")


def revisions_in_progress_by_article(article_ids: list[int]) -> dict[int, list[Revision]]:
    """For a page of articles, each one's revisions on their way to the live page, with
    their authors and the step each waits on (one query)."""
    revisions = (
        Revision.objects.filter(article_id__in=article_ids, state__in=UNFINISHED_STATES)
        .select_related("author")
        .annotate(**pending_step_annotations())
        .order_by("article_id", "number")
    )
    by_article: dict[int, list[Revision]] = {}
    for revision in revisions:
        by_article.setdefault(revision.article_id, []).append(revision)
    return by_article


def submission_list_for(*, revision: Revision) -> list[Submission]:
    """The revision's submissions, newest first, each with its chain of sign-offs."""
    return list(
        revision.submissions.order_by("-number").prefetch_related(
            Prefetch(
                "approvals",
                queryset=Approval.objects.select_related(
                    "assignee", "decided_by", "specialty_override_by", "signature"
                ).order_by("position"),
            )
        )
    )


def comment_list_for(*, revision: Revision) -> QuerySet[Comment]:
    return revision.comments.select_related("author", "resolved_by", "section").order_by(
        "created_at"
    )


def audit_event_list_for(*, revision: Revision) -> QuerySet[AuditEvent]:
    return revision.audit_events.select_related("actor").order_by("-at", "-pk")


# --- The article history page -------------------------------------------------------


@dataclass(frozen=True)
class VersionHistory:
    revision: Revision
    sign_off: Submission | None  # what carried it (or is carrying it) through the chain
    recertifications: list[Submission]  # its live text re-certified unchanged


def revision_list_for_history(*, article: Article) -> list[VersionHistory]:
    """Every revision of the article, newest first, with the submission whose sign-offs
    carried it and the re-certifications of it, their signers and their signatures."""
    submissions = Submission.objects.exclude(state=Submission.State.VOIDED).prefetch_related(
        Prefetch(
            "approvals",
            queryset=Approval.objects.filter(decision=Approval.Decision.APPROVED)
            .select_related("decided_by", "signature")
            .order_by("position"),
        )
    )
    revisions = (
        article.revisions.select_related("author")
        .prefetch_related(Prefetch("submissions", queryset=submissions.order_by("-number")))
        .order_by("-number")
    )
    history = []
    for revision in revisions:
        own = list(revision.submissions.all())
        history.append(
            VersionHistory(
                revision=revision,
                sign_off=next((s for s in own if s.kind != RECERTIFICATION), None),
                recertifications=[
                    s
                    for s in own
                    if s.kind == RECERTIFICATION and s.state == Submission.State.RECERTIFIED
                ],
            )
        )
    return history


@dataclass(frozen=True)
class FieldChange:
    at: datetime.datetime
    user: str
    what: str
    field: str
    old: str
    new: str
    reason: str


class _Shown:
    """A history value as the team reads it: a choice's label, a date as a date, a
    revision as "v3", a person or specialty by name, credits as printed. Related rows
    are looked up once each, not per change."""

    def __init__(self, numbers: dict[int, int]) -> None:
        self.numbers = numbers
        self.names: dict[Any, dict] = {}  # model → {pk: name}

    # The page's and the team's words for the fields the trail shows most.
    WORDS = {
        "last_reviewed_on": "Review Date",
        "last_updated_on": "Updated date",
        "next_review_due": "Next review due",
        "live_revision": "Live version",
        "reviewed_by": "Reviewed by",
        "reviewed_by_credit": "Updated by (as printed)",
        "also_reviewed_by": "Also reviewed by",
        "review_interval_months": "Review interval (months)",
        "edit_version": "Saved version",
        "accessed_on": "Accessed",
        "pubmed_id": "PubMed id",
    }

    def field_label(self, model, name: str) -> str:
        if name in self.WORDS:
            return self.WORDS[name]
        try:
            return capfirst(str(model._meta.get_field(name).verbose_name))
        except FieldDoesNotExist:
            return name.replace("_", " ").capitalize()

    def value(self, model, name: str, value) -> str:
        if value is None or value == "":
            return "—"
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            return _short(value)
        if field.choices:
            return str(dict(field.flatchoices).get(value, value))
        if isinstance(field, models.BooleanField):
            return "Yes" if value else "No"
        if isinstance(field, models.DateTimeField) and isinstance(value, datetime.datetime):
            return formats.date_format(timezone.localtime(value), "N j, Y, H:i")
        if isinstance(field, models.DateField) and isinstance(value, datetime.date):
            return formats.date_format(value, "N j, Y")
        if isinstance(field, models.ForeignKey):
            if field.related_model is Revision:
                return f"v{self.numbers.get(value, '?')}"
            related: Any = field.related_model
            names = self.names.setdefault(related, {})
            if value not in names:  # an article's trail names a handful of rows
                found = related._default_manager.filter(pk=value).first()
                names[value] = str(found) if found else f"#{value} (deleted)"
            return names[value]
        if isinstance(value, list):  # credits: [{"name": …, "role": …}, …]
            return "; ".join(
                ", ".join(map(str, item.values())) if isinstance(item, dict) else str(item)
                for item in value
            )
        return _short(value)


def _history_changes(rows, label, shown: _Shown, excluded_fields=()) -> list[FieldChange]:
    """Field-level changes from consecutive history rows of each object (no per-row query)."""
    changes = []
    for _, versions in itertools.groupby(rows, key=lambda row: row.id):
        previous = None
        for version in versions:
            user = str(version.history_user) if version.history_user else "system"
            reason = version.history_change_reason or ""
            if previous is None or version.history_type != "~":
                verb = {"+": "created", "-": "deleted", "~": "changed"}[version.history_type]
                changes.append(
                    FieldChange(version.history_date, user, label(version), verb, "", "", reason)
                )
            else:
                delta = version.diff_against(
                    previous, excluded_fields=list(excluded_fields), foreign_keys_are_objs=False
                )
                model = version.instance_type
                for change in delta.changes:
                    changes.append(
                        FieldChange(
                            version.history_date,
                            user,
                            label(version),
                            shown.field_label(model, change.field),
                            shown.value(model, change.field, change.old),
                            shown.value(model, change.field, change.new),
                            reason,
                        )
                    )
            previous = version
    return changes


def _short(value) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= 300 else text[:297] + "…"


def _topic_changes(article_rows: list) -> list[FieldChange]:
    """The article's topics as each history row recorded them (one query), as changes
    between consecutive rows: the conflicts of interest a signer is judged by hang on
    them."""
    through = Article.history.model._meta.get_field("historicalarticle_topics").related_model
    topics: dict[int, set[str]] = {row.history_id: set() for row in article_rows}
    for history_id, name in through.objects.filter(history__in=list(topics)).values_list(
        "history_id", "topic__name"
    ):
        topics[history_id].add(name)
    changes = []
    for previous, version in itertools.pairwise(article_rows):
        old, new = topics[previous.history_id], topics[version.history_id]
        if old != new:
            changes.append(
                FieldChange(
                    version.history_date,
                    str(version.history_user) if version.history_user else "system",
                    "Article",
                    "Topics",
                    ", ".join(sorted(old)) or "none",
                    ", ".join(sorted(new)) or "none",
                    version.history_change_reason or "",
                )
            )
    return changes


def article_audit_trail(*, article: Article, limit: int = 300) -> list[FieldChange]:
    """The simple-history trail of the article and its revisions' content, newest first."""
    revision_ids = list(article.revisions.values_list("pk", flat=True))
    numbers = dict(article.revisions.values_list("pk", "number"))
    article_rows = Article.history.filter(id=article.pk).select_related("history_user")
    revision_rows = Revision.history.filter(id__in=revision_ids).select_related("history_user")
    section_rows = Section.history.filter(revision_id__in=revision_ids).select_related(
        "history_user"
    )
    reference_rows = Reference.history.filter(revision_id__in=revision_ids).select_related(
        "history_user"
    )
    shown = _Shown(numbers)
    article_rows = list(article_rows.order_by("id", "history_date", "history_id"))
    changes = [
        *_history_changes(article_rows, lambda row: "Article", shown, excluded_fields=["topics"]),
        *_topic_changes(article_rows),
        *_history_changes(
            revision_rows.order_by("id", "history_date", "history_id"),
            lambda row: f"v{numbers.get(row.id, '?')}",
            shown,
            excluded_fields=["contributors"],
        ),
        *_history_changes(
            section_rows.order_by("id", "history_date", "history_id"),
            lambda row: f"v{numbers.get(row.revision_id, '?')} section “{row.heading}”",
            shown,
        ),
        *_history_changes(
            reference_rows.order_by("id", "history_date", "history_id"),
            lambda row: f"v{numbers.get(row.revision_id, '?')} reference {row.position + 1}",
            shown,
        ),
    ]
    changes.sort(key=lambda change: change.at, reverse=True)
    return changes[:limit]


# --- Review cycles ------------------------------------------------------------------------


def cycle_list_open(*, unassigned_only: bool = False) -> QuerySet[ReviewCycle]:
    cycles = (
        ReviewCycle.objects.open()
        .select_related("article", "article__specialty", "assignee")
        .order_by("due_on", "pk")
    )
    if unassigned_only:
        cycles = cycles.filter(assignee=None)
    return cycles


def cycle_get(*, cycle_id: int) -> ReviewCycle | None:
    return (
        ReviewCycle.objects.select_related(
            "article",
            "article__specialty",
            "article__live_revision",
            "assignee",
            "opened_by",
            "closed_by",
            "revision",
        )
        .prefetch_related(
            Prefetch(
                "article__live_revision__sections", queryset=Section.objects.order_by("position")
            ),
            Prefetch(
                "article__live_revision__references",
                queryset=Reference.objects.order_by("position"),
            ),
            Prefetch(
                "reminders",
                queryset=ReminderSent.objects.select_related("recipient").order_by(
                    "-sent_on", "kind"
                ),
            ),
            Prefetch(
                "audit_events", queryset=AuditEvent.objects.select_related("actor").order_by("at")
            ),
        )
        .filter(pk=cycle_id)
        .first()
    )


def approval_list_pending() -> QuerySet[Approval]:
    """Every step awaiting a decision, the longest waiting first."""
    return (
        Approval.objects.filter(decision=Approval.Decision.PENDING)
        .select_related("submission__revision__article", "submission__submitted_by", "assignee")
        .order_by("pending_since", "pk")
    )


def article_list_for_out_of_cycle(
    *,
    specialty: Specialty | None = None,
    topic: Topic | None = None,
    reference: str = "",
    article: Article | None = None,
) -> QuerySet[Article]:
    """Published articles in a specialty, in a topic, whose live version cites a work
    (a DOI, a PubMed id or a URL), or one article a reader reported: the articles an
    out-of-cycle review is opened for."""
    articles = Article.objects.published()
    if specialty is None and topic is None and article is None and not reference.strip():
        raise DomainError(
            "Choose a specialty, a topic, a reference or an article.", code="no_criteria"
        )
    if article is not None:
        articles = articles.filter(pk=article.pk)
    if specialty is not None:
        articles = articles.filter(specialty=specialty)
    if topic is not None:
        articles = articles.filter(topics=topic)
    reference = reference.strip()
    if reference:
        key = _work_key(reference)
        citing = Reference.objects.filter(
            Q(doi__iexact=key) | Q(pubmed_id=key) | Q(url__iexact=reference)
        ).values("revision_id")
        articles = articles.filter(live_revision__in=citing)
    return articles


def _work_key(reference: str) -> str:
    """A DOI as stored (no resolver, no "doi:" label, any case), or a PubMed id."""
    key = reference.strip().lower()
    for prefix in ("https://doi.org/", "http://doi.org/", "doi:"):
        key = key.removeprefix(prefix).strip()
    return key


def reference_cites_work(reference: Reference, work: str) -> bool:
    """Whether `reference` names `work` (a DOI, a PubMed id or a URL), matched as
    article_list_for_out_of_cycle matches the articles citing it."""
    work = work.strip()
    if not work:
        return False
    key = _work_key(work)
    return (
        reference.doi.lower() == key
        or reference.pubmed_id == key
        or reference.url.lower() == work.lower()
    )


def recertification_for(*, cycle: ReviewCycle) -> Submission | None:
    """A periodic review's re-certification, with its chain of sign-offs."""
    if cycle.recertification_id is None:
        return None
    return (
        Submission.objects.filter(pk=cycle.recertification_id)
        .prefetch_related(
            Prefetch(
                "approvals",
                queryset=Approval.objects.select_related(
                    "assignee", "decided_by", "signature"
                ).order_by("position"),
            )
        )
        .first()
    )


def feedback_list(*, state: str = "", article: Article | None = None) -> QuerySet[ReaderFeedback]:
    """Reports, newest first, each with `response_time` (None until first answered)."""
    reports = ReaderFeedback.objects.select_related(
        "article", "article__live_revision", "first_response_by", "cycle"
    ).annotate(
        response_time=ExpressionWrapper(
            F("first_response_at") - F("submitted_at"), output_field=DurationField()
        )
    )
    if state:
        reports = reports.filter(state=state)
    if article is not None:
        reports = reports.filter(article=article)
    return reports


def feedback_median_response(reports: QuerySet[ReaderFeedback]) -> datetime.timedelta | None:
    """The median time to first response over the answered reports of `reports`."""
    times = sorted(
        answered - submitted
        for submitted, answered in reports.exclude(first_response_at=None).values_list(
            "submitted_at", "first_response_at"
        )
        if answered is not None
    )
    if not times:
        return None
    middle = len(times) // 2
    return times[middle] if len(times) % 2 else (times[middle - 1] + times[middle]) / 2


def feedback_get(*, feedback_id: int) -> ReaderFeedback | None:
    """One report for its page, with `response_time` as on the list."""
    return (
        feedback_list()
        .select_related("revision")
        .prefetch_related("replies__author", "replies__email")
        .filter(pk=feedback_id)
        .first()
    )
