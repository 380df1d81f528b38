"""The content: articles, their revisions, and the schedule on which they are re-reviewed.

Two dates are never confused: `last_reviewed_on` is the printed Review Date and moves
only when a credentialed reviewer signs a full review or a re-certification;
`last_updated_on` moves on every publish. `next_review_due` is stored (and indexed,
so the overdue sweep is cheap) and always equals `last_reviewed_on` plus the
article's review interval; every write path keeps it so (see ArticleQuerySet).
"""

import datetime

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import (
    MaxLengthValidator,
    MaxValueValidator,
    MinValueValidator,
    RegexValidator,
    URLValidator,
)
from django.db import models
from django.db.models import F, Max, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from core.clock import add_months
from core.db import AddMonths, update_with_history
from core.errors import DomainError
from core.validators import visible_text
from encyclopedia.catalogue import catalogue_changed

ARTICLE_NUMBER_VALIDATOR = RegexValidator(r"^\d{6}$", "An article number is six digits.")
# Long enough for the longest real encyclopedia section, short enough that a runaway
# paste is refused with a message instead of filling the database.
SECTION_BODY_MAX_CHARS = 60_000
SUMMARY_MAX_CHARS = 5_000
PUBLIC_NOTE_MAX_CHARS = 1_000
http_url_validator = URLValidator(schemes=["http", "https"])
pubmed_id_validator = RegexValidator(r"^\d{1,9}$", "A PubMed id is a number (PMID).")
doi_validator = RegexValidator(r"^10\.\d{4,9}/\S+$", "A DOI looks like 10.1000/xyz123.")


class PublishedRevisionImmutable(DomainError):
    code = "published_revision_immutable"

    def __init__(self, message: str = "A published revision never changes.") -> None:
        super().__init__(message)


# --- Schedule policy ------------------------------------------------------------


class ReviewPolicy(models.Model):
    """How often published articles are re-reviewed, and how the re-review is chased.
    One row; edited by editorial directors.

    The policy lives next to the articles because `next_review_due` is derived from its
    intervals on every write. The chasing knobs (reminders, escalation) sit on the same
    row so a director edits the programme in one place; the reviews app acts on them.
    """

    default_interval_months = models.PositiveSmallIntegerField(
        default=24, validators=[MinValueValidator(1), MaxValueValidator(120)]
    )
    due_soon_days = models.PositiveSmallIntegerField(
        default=60,
        validators=[MaxValueValidator(365)],
        help_text="Articles due within this many days count as due soon.",
    )
    open_cycles_when_due_soon = models.BooleanField(
        default=False,
        help_text="Open a review cycle when an article enters the due-soon window, "
        "not only once it is due.",
    )
    reminder_every_days = models.PositiveSmallIntegerField(
        default=7,
        validators=[MinValueValidator(1), MaxValueValidator(90)],
        help_text="How often an assigned reviewer gets a digest of their open reviews.",
    )
    escalate_after_days = models.PositiveSmallIntegerField(
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text="Overdue by more than this many days: editorial directors are told.",
    )
    correction_word_budget = models.PositiveSmallIntegerField(
        default=10,
        validators=[MaxValueValidator(100)],
        help_text="A correction may change at most this many words in all (spelling and "
        "punctuation); more, or any number, dose, sentence, section or reference, needs a "
        "medical review.",
    )
    target_reading_grade = models.PositiveSmallIntegerField(
        default=8,
        validators=[MinValueValidator(1), MaxValueValidator(18)],
        help_text="A revision whose Flesch–Kincaid grade is above this shows a warning the "
        "signer acknowledges.",
    )
    reference_age_limit_years = models.PositiveSmallIntegerField(
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
        help_text="A reference published (or, with no year, accessed) longer ago than this "
        "is flagged on the review page and in the reference age report.",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "review policy"

    def __str__(self) -> str:
        return f"Review every {self.default_interval_months} months"

    @classmethod
    def current(cls) -> "ReviewPolicy":
        policy, _ = cls.objects.get_or_create(pk=1)
        return policy


class SpecialtyReviewInterval(models.Model):
    """A specialty whose articles are re-reviewed on their own cycle (e.g. Oncology: 12 months)."""

    specialty = models.OneToOneField(
        "accounts.Specialty", on_delete=models.CASCADE, related_name="review_interval"
    )
    interval_months = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(120)]
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["specialty__name"]

    def __str__(self) -> str:
        return f"{self.specialty}: every {self.interval_months} months"


# --- Taxonomy -------------------------------------------------------------------


class Topic(models.Model):
    """A subject that cuts across specialties (e.g. Anticoagulants, Pregnancy)."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    conflicted_reviewers = models.ManyToManyField(
        "accounts.ReviewerProfile",
        related_name="conflict_topics",
        blank=True,
        help_text="Reviewers whose declared conflict of interest covers this topic.",
    )

    history = HistoricalRecords(m2m_fields=[conflicted_reviewers])

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


# --- Articles ---------------------------------------------------------------------


def _interval_expression(
    default_months: int, *, own=None, specialty_id: int | None = None
) -> models.Expression:
    """SQL for an article's effective interval: its own, else its specialty's, else the
    policy's. `own` and `specialty_id` are the new values when an UPDATE sets them (SQL
    would otherwise read the row's old values)."""
    specialty = specialty_id if specialty_id is not None else OuterRef("specialty_id")
    specialty_interval = SpecialtyReviewInterval.objects.filter(
        specialty_id=specialty  # type: ignore[misc]  # an OuterRef is a valid right-hand side
    ).values("interval_months")[:1]
    return Coalesce(
        own if own is not None else F("review_interval_months"),
        Subquery(specialty_interval),
        Value(default_months),
        output_field=models.IntegerField(),
    )


SCHEDULE_FIELDS = frozenset(
    {"last_reviewed_on", "review_interval_months", "specialty", "specialty_id"}
)


class ArticleQuerySet(models.QuerySet):
    def published(self) -> "ArticleQuerySet":
        return self.filter(status=Article.Status.PUBLISHED)

    def due_on_or_before(self, day: datetime.date) -> "ArticleQuerySet":
        return self.published().filter(next_review_due__lte=day)

    def starting_with(self, letter: str) -> "ArticleQuerySet":
        if letter == "#":
            return self.filter(title__regex=r"^[^A-Za-z]")
        return self.filter(title__istartswith=letter)

    # The three bulk paths below bypass save(); each re-derives next_review_due so the
    # stored due date cannot drift from the Review Date and interval it depends on, and
    # moves the catalogue's generation on, as a save does.

    def update(self, **kwargs):
        if SCHEDULE_FIELDS & kwargs.keys() and "next_review_due" not in kwargs:
            kwargs["next_review_due"] = self._next_review_due_expression(kwargs)
        catalogue_changed()
        return super().update(**kwargs)

    @staticmethod
    def _next_review_due_expression(changes: dict):
        def new_value(name: str, field: models.Field):
            value = changes.get(name)
            if value is None or hasattr(value, "resolve_expression"):
                return value
            return Value(value, output_field=field)

        specialty = changes.get("specialty", changes.get("specialty_id"))
        if isinstance(specialty, models.Model):
            specialty = specialty.pk
        day = new_value("last_reviewed_on", models.DateField())
        if "last_reviewed_on" in changes and changes["last_reviewed_on"] is None:
            return Value(None, output_field=models.DateField())
        own = new_value("review_interval_months", models.IntegerField())
        if "review_interval_months" in changes and changes["review_interval_months"] is None:
            # Back to the specialty's or the policy's interval.
            own = Value(None, output_field=models.IntegerField())
        return AddMonths(
            day if day is not None else F("last_reviewed_on"),
            _interval_expression(
                ReviewPolicy.current().default_interval_months,
                own=own,
                specialty_id=specialty,
            ),
        )

    def bulk_update(self, objs, fields, batch_size=None):
        if SCHEDULE_FIELDS & set(fields):
            intervals = ScheduleResolver()
            for article in objs:
                article.next_review_due = intervals.next_review_due(article)
            fields = [*fields, "next_review_due"]
        catalogue_changed()
        return super().bulk_update(objs, fields, batch_size=batch_size)

    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        intervals = ScheduleResolver()
        for article in objs:
            article.next_review_due = intervals.next_review_due(article)
        catalogue_changed()
        return super().bulk_create(objs, *args, **kwargs)

    def reschedule(self) -> int:
        """Recompute the stored due date of every article in the queryset, in one statement."""
        return self.update(last_reviewed_on=F("last_reviewed_on"))


class ScheduleResolver:
    """Effective review intervals, read once for a batch of articles instead of per row."""

    def __init__(self) -> None:
        self.default_months = ReviewPolicy.current().default_interval_months
        self.by_specialty = dict(
            SpecialtyReviewInterval.objects.values_list("specialty_id", "interval_months")
        )

    def interval_months(self, article: "Article") -> int:
        return (
            article.review_interval_months
            or self.by_specialty.get(article.specialty_id)
            or self.default_months
        )

    def next_review_due(self, article: "Article") -> datetime.date | None:
        if article.last_reviewed_on is None:
            return None
        return add_months(article.last_reviewed_on, self.interval_months(article))


class Article(models.Model):
    """The stable identity of an encyclopedia page; its content lives in revisions."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft (never published)"
        PUBLISHED = "published", "Published"
        RETIRED = "retired", "Retired"

    number = models.CharField(
        max_length=6,
        unique=True,
        blank=True,
        validators=[ARTICLE_NUMBER_VALIDATOR],
        help_text="Six digits, e.g. 002321. Assigned automatically when left blank.",
    )
    title = models.CharField(
        max_length=300,
        help_text="The live title; the working title until first published.",
        validators=[visible_text],
    )
    slug = models.SlugField(max_length=300, unique=True)
    specialty = models.ForeignKey(
        "accounts.Specialty", on_delete=models.PROTECT, related_name="articles"
    )
    topics = models.ManyToManyField(Topic, related_name="articles", blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    live_revision = models.OneToOneField(
        "encyclopedia.Revision",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="live_for",
    )
    last_reviewed_on = models.DateField(
        "Review Date",
        null=True,
        blank=True,
        help_text="Printed on the page; moves only with a full medical review or re-certification.",
    )
    last_updated_on = models.DateField(null=True, blank=True)
    review_interval_months = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text="Blank: the specialty's or the review policy's interval.",
    )
    next_review_due = models.DateField(null=True, blank=True, editable=False)
    reviewed_by = models.ForeignKey(
        "accounts.ReviewerProfile",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="credited_articles",
    )
    reviewed_by_credit = models.CharField(
        "Updated by",
        max_length=600,
        blank=True,
        help_text="The reviewer's credit as it was when they signed.",
    )
    also_reviewed_by = models.JSONField(
        default=list,
        blank=True,
        help_text='Later signers as printed: [{"name": "…", "role": "Medical Director"}].',
    )
    # Set by publishing (encyclopedia.services.article_publish_revision), so the reader's
    # page asks for its corrections only when it has some to list.
    has_corrections = models.BooleanField(
        "Lists corrections",
        default=False,
        editable=False,
        help_text="Whether a correction was published with a note for readers "
        "(Revision.is_public_correction): the page lists its corrections.",
    )
    created_at = models.DateTimeField(default=timezone.now)
    retired_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords(m2m_fields=[topics])
    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        indexes = [
            # The overdue sweep and the dashboards only ever look at published articles.
            models.Index(
                fields=["next_review_due"],
                condition=Q(status="published"),
                name="article_published_due_idx",
            ),
            # The director's list sorted by title reads a page in this order and stops,
            # instead of sorting every matching article first.
            models.Index(
                fields=["title", "id"],
                condition=Q(status="published"),
                name="article_published_title_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(number__regex=r"^[0-9]{6}$"), name="article_number_six_digits"
            ),
            models.CheckConstraint(
                condition=~Q(status="published") | Q(live_revision__isnull=False),
                name="published_article_has_live_revision",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.number})"

    def save(self, *args, **kwargs) -> None:
        if not self.number:
            self.number = Article.next_free_number()
        update_fields = kwargs.get("update_fields")
        loaded = getattr(self, "_loaded_schedule", None)
        if (
            loaded is not None
            and loaded == self._schedule_inputs()
            and not (self._state.adding or kwargs.get("force_insert"))
        ):
            # Nothing the due date depends on changed since the row was read: leave the
            # stored one alone (rescheduling keeps it current when the policy changes)
            # instead of reading the policy and the specialty's interval on every save.
            if update_fields is None:
                kwargs["update_fields"] = [
                    field.attname
                    for field in self._meta.concrete_fields
                    if not field.primary_key and field.name != "next_review_due"
                ]
        else:
            self.next_review_due = ScheduleResolver().next_review_due(self)
            if update_fields is not None and SCHEDULE_FIELDS & set(update_fields):
                kwargs["update_fields"] = {*update_fields, "next_review_due"}
        super().save(*args, **kwargs)
        self._loaded_schedule = self._schedule_inputs()

    def get_absolute_url(self) -> str:
        return reverse("encyclopedia:article", args=[self.number])

    @classmethod
    def from_db(cls, db, field_names, values):
        article = super().from_db(db, field_names, values)
        article._loaded_schedule = article._schedule_inputs()
        return article

    def _schedule_inputs(self) -> tuple | None:
        """What the due date depends on, or None when part of it was not loaded."""
        names = ("last_reviewed_on", "review_interval_months", "specialty_id")
        if any(name not in self.__dict__ for name in names):
            return None
        return tuple(self.__dict__[name] for name in names)

    @staticmethod
    def next_free_number() -> str:
        highest = Article.objects.aggregate(highest=Max("number"))["highest"]
        return f"{int(highest or 0) + 1:06d}"

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


# --- Revisions ------------------------------------------------------------------


class RevisionQuerySet(models.QuerySet):
    def update(self, **kwargs):
        if self.filter(state=Revision.State.PUBLISHED).exists():
            raise PublishedRevisionImmutable()
        return super().update(**kwargs)

    def public_corrections(self) -> "RevisionQuerySet":
        """The corrections published with a note for readers (Revision.is_public_correction,
        the same rule in SQL): what an article's page lists."""
        return self.filter(kind=Revision.Kind.CORRECTION, published_at__isnull=False).exclude(
            public_note=""
        )

    def mark_published(self, *, published_at: datetime.datetime, user_id, reason: str) -> int:
        """Move these revisions to published, skipping any already published (a published
        revision never changes), with their history rows: how many moved. One statement
        on PostgreSQL (core.db.update_with_history)."""
        return update_with_history(
            self.exclude(state=Revision.State.PUBLISHED),
            {"state": Revision.State.PUBLISHED, "published_at": published_at},
            user_id=user_id,
            reason=reason,
            date=timezone.now(),
        )

    def delete(self):
        if self.filter(state=Revision.State.PUBLISHED).exists():
            raise PublishedRevisionImmutable("A published revision cannot be deleted.")
        return super().delete()


class Revision(models.Model):
    """One version of an article's content.

    Drafts are edited in place; once published, a revision never changes again. The
    workflow that moves a revision between states belongs to the reviews app.
    """

    class State(models.TextChoices):
        DRAFT = "draft", "Draft"
        IN_REVIEW = "in_review", "In review"
        CHANGES_REQUESTED = "changes_requested", "Changes requested"
        APPROVED = "approved", "Approved"
        PUBLISHED = "published", "Published"
        REJECTED = "rejected", "Rejected"
        WITHDRAWN = "withdrawn", "Withdrawn"
        SUPERSEDED = "superseded", "Superseded"

    EDITABLE_STATES = frozenset({State.DRAFT, State.CHANGES_REQUESTED})

    class Kind(models.TextChoices):
        FULL_REVIEW = "full_review", "Full review"
        UPDATE = "update", "Update"
        CORRECTION = "correction", "Minor edit / correction"

    article = models.ForeignKey(Article, on_delete=models.PROTECT, related_name="revisions")
    number = models.PositiveIntegerField(help_text="v1, v2… within the article.")
    title = models.CharField(max_length=300, validators=[visible_text])
    summary = models.TextField(blank=True, validators=[MaxLengthValidator(SUMMARY_MAX_CHARS)])
    state = models.CharField(max_length=20, choices=State.choices, default=State.DRAFT)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.UPDATE)
    change_summary = models.TextField(
        blank=True, help_text="What changed and why; shown to every signer."
    )
    author = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, related_name="authored_revisions"
    )
    contributors = models.ManyToManyField(
        "accounts.User",
        related_name="contributed_revisions",
        blank=True,
        help_text="Everyone who saved this revision's content, the author included.",
    )
    based_on = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The live revision when this draft was started (or last rebased).",
    )
    copied_from = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The published revision whose content this draft started from.",
    )
    edit_version = models.PositiveIntegerField(
        default=1, help_text="Bumped on every save of the content; stale saves are refused."
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    published_at = models.DateTimeField(null=True, blank=True)
    public_note = models.TextField(
        blank=True,
        validators=[MaxLengthValidator(PUBLIC_NOTE_MAX_CHARS)],
        help_text="On a correction: what was corrected, printed in the article's list of "
        "corrections once published.",
    )

    history = HistoricalRecords()
    objects = RevisionQuerySet.as_manager()

    class Meta:
        ordering = ["article", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["article", "number"], name="revision_number_unique"),
        ]
        indexes = [models.Index(fields=["state", "article"], name="revision_state_idx")]

    def __str__(self) -> str:
        return f"{self.title} v{self.number}"

    def save(self, *args, **kwargs) -> None:
        # Read the stored state, not this instance's: a copy loaded before publishing
        # must not overwrite the published row.
        if self._is_stored_as_published():
            raise PublishedRevisionImmutable()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self._is_stored_as_published():
            raise PublishedRevisionImmutable("A published revision cannot be deleted.")
        return super().delete(*args, **kwargs)

    def _is_stored_as_published(self) -> bool:
        return (
            not self._state.adding
            and Revision.objects.filter(pk=self.pk, state=self.State.PUBLISHED).exists()
        )

    @property
    def is_editable(self) -> bool:
        return self.state in self.EDITABLE_STATES

    @property
    def is_published(self) -> bool:
        return self.state == self.State.PUBLISHED

    @property
    def is_public_correction(self) -> bool:
        """A published correction with a note for readers (RevisionQuerySet.public_corrections)."""
        return (
            self.kind == Revision.Kind.CORRECTION
            and self.published_at is not None
            and self.public_note != ""
        )

    @property
    def is_behind_live(self) -> bool:
        """Whether the live page changed since this revision was started from it: its
        signers would have compared it with a page that is no longer live."""
        return self.based_on_id != self.article.live_revision_id


class RevisionContentQuerySet(models.QuerySet):
    def _touches_published(self) -> bool:
        return self.filter(revision__state=Revision.State.PUBLISHED).exists()

    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        revision_ids = {obj.revision_id for obj in objs}
        if Revision.objects.filter(pk__in=revision_ids, state=Revision.State.PUBLISHED).exists():
            raise PublishedRevisionImmutable()
        return super().bulk_create(objs, *args, **kwargs)

    def update(self, **kwargs):
        if self._touches_published():
            raise PublishedRevisionImmutable()
        return super().update(**kwargs)

    def delete(self):
        if self._touches_published():
            raise PublishedRevisionImmutable()
        return super().delete()


class RevisionContent(models.Model):
    """A row that belongs to a revision's content and so is frozen with it."""

    revision_id: int  # the subclasses' foreign key to their revision

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        if self._revision_is_published():
            raise PublishedRevisionImmutable()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self._revision_is_published():
            raise PublishedRevisionImmutable()
        return super().delete(*args, **kwargs)

    def _revision_is_published(self) -> bool:
        return Revision.objects.filter(pk=self.revision_id, state=Revision.State.PUBLISHED).exists()


class Section(RevisionContent):
    revision = models.ForeignKey(Revision, on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveSmallIntegerField(default=0)
    heading = models.CharField(max_length=200, validators=[visible_text])
    body = models.TextField(
        help_text="Markdown.", validators=[MaxLengthValidator(SECTION_BODY_MAX_CHARS)]
    )

    history = HistoricalRecords()
    objects = RevisionContentQuerySet.as_manager()

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.heading


class Reference(RevisionContent):
    revision = models.ForeignKey(Revision, on_delete=models.CASCADE, related_name="references")
    position = models.PositiveSmallIntegerField(default=0)
    citation = models.TextField(validators=[MaxLengthValidator(2_000)])
    url = models.URLField(max_length=1000, blank=True, validators=[http_url_validator])
    accessed_on = models.DateField(null=True, blank=True)
    pubmed_id = models.CharField(
        "PubMed id", max_length=9, blank=True, validators=[pubmed_id_validator]
    )
    doi = models.CharField("DOI", max_length=200, blank=True, validators=[doi_validator])
    published_year = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1800), MaxValueValidator(2200)],
        help_text="The year the cited work was published; its age is counted from it.",
    )

    history = HistoricalRecords()
    objects = RevisionContentQuerySet.as_manager()

    class Meta:
        ordering = ["position", "id"]
        indexes = [
            models.Index(fields=["doi"], name="reference_doi_idx"),
            models.Index(fields=["pubmed_id"], name="reference_pmid_idx"),
        ]

    def __str__(self) -> str:
        return self.citation[:80]

    def clean(self) -> None:
        if self.accessed_on and self.accessed_on > timezone.localdate():
            raise ValidationError({"accessed_on": "A reference cannot be accessed in the future."})


class SearchEntry(models.Model):
    """What search reads for one article: the plain text of its live revision (title,
    summary, body without Markdown), rewritten at every publish. Kept apart from the
    article so its history and its hot columns stay small.

    On PostgreSQL `document` holds the weighted tsvector (title A, summary B, body C)
    behind a GIN index, and the title has a trigram index for misspelt queries; both
    indexes are made by migration on PostgreSQL only (see encyclopedia.search)."""

    article = models.OneToOneField(
        Article, on_delete=models.CASCADE, primary_key=True, related_name="search_entry"
    )
    title = models.CharField(max_length=300)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    document = SearchVectorField(null=True, editable=False)
    # The title's own tsvector, small enough to test per row without reading the whole
    # document: title matches rank first.
    title_document = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name_plural = "search entries"

    def __str__(self) -> str:
        return self.title


class Rendering(models.Model):
    """A revision's content as readers see it (summary, contents, sections and
    references, sanitised HTML) and as search reads it (the sections as plain text),
    made once: at the last sign-off, so publishing the revision is a switch, and a
    published revision never changes, so its page needs no Markdown or sanitising work
    per request. `renderer` names the code that made it (page_content.RENDERER) and
    `edit_version` the text it was made from; a rendering of other text or by other code
    is made again when it is next needed."""

    revision = models.OneToOneField(
        Revision, on_delete=models.CASCADE, primary_key=True, related_name="rendering"
    )
    html = models.TextField()
    # A default in the database too: code from before this field, still serving while a
    # deploy migrates, writes renderings without it.
    text = models.TextField(blank=True, default="", db_default="")
    renderer = models.CharField(max_length=40)
    edit_version = models.PositiveIntegerField(null=True)
    rendered_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Rendering of revision {self.revision_id}"


class ReadabilityScore(models.Model):
    """One readability measure of a revision's body text (sections only: no references,
    credits or boilerplate), with the tool and version that computed it, so a score
    shown to a signer can be reproduced. A revision too short to score has none."""

    class Measure(models.TextChoices):
        FLESCH_KINCAID_GRADE = "fk_grade", "Flesch–Kincaid grade"
        SMOG = "smog", "SMOG grade"
        READING_EASE = "reading_ease", "Flesch reading ease"

    revision = models.ForeignKey(
        Revision, on_delete=models.CASCADE, related_name="readability_scores"
    )
    measure = models.CharField(max_length=20, choices=Measure.choices)
    value = models.DecimalField(max_digits=6, decimal_places=1)
    tool = models.CharField(max_length=40)
    tool_version = models.CharField(max_length=40)
    words = models.PositiveIntegerField()
    sentences = models.PositiveIntegerField()
    scored_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["revision", "measure"]
        constraints = [
            models.UniqueConstraint(
                fields=["revision", "measure"], name="one_readability_score_per_measure"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_measure_display()} {self.value} of revision {self.revision_id}"


class LinkCheck(models.Model):
    """The last check of one reference URL: every published revision citing the URL
    shares it, so a URL is asked once per run however many articles cite it."""

    class Outcome(models.TextChoices):
        OK = "ok", "Working"
        REDIRECTED = "redirected", "Working, redirected"
        BROKEN = "broken", "Broken"
        TIMEOUT = "timeout", "Timed out"
        UNREACHABLE = "unreachable", "Unreachable"

    BROKEN_OUTCOMES = (Outcome.BROKEN, Outcome.TIMEOUT, Outcome.UNREACHABLE)

    url = models.URLField(max_length=1000, unique=True)
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    method = models.CharField(
        max_length=10, blank=True, help_text="HEAD, or GET when HEAD was refused."
    )
    final_url = models.URLField(max_length=1000, blank=True)
    redirects = models.JSONField(default=list, blank=True, help_text="Each hop: status and URL.")
    detail = models.CharField(max_length=300, blank=True)
    checked_at = models.DateTimeField()
    broken_since = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["url"]
        indexes = [models.Index(fields=["outcome", "checked_at"], name="link_check_outcome_idx")]

    def __str__(self) -> str:
        return f"{self.url}: {self.get_outcome_display()}"

    @property
    def is_broken(self) -> bool:
        return self.outcome in self.BROKEN_OUTCOMES
