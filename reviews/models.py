"""The review process: approval chains, sign-offs, comments, audit events, notifications.

A revision in review has one open `Submission`; the submission walks an ordered chain
of `Approval` steps (by default medical review → medical director → editorial
director). Resubmitting opens a new submission with a fresh chain: a sign-off is given
to one text, never carried over to another.
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from accounts.models import Reauthentication
from accounts.roles import Role
from encyclopedia.models import Revision


class Step(models.TextChoices):
    MEDICAL_REVIEW = "medical_review", "Medical review"
    MEDICAL_DIRECTOR = "medical_director", "Medical director"
    EDITORIAL_DIRECTOR = "editorial_director", "Editorial director"


# Who may sign each step, and the role title printed in "Also reviewed by".
STEP_ROLES = {
    Step.MEDICAL_REVIEW: Role.MEDICAL_REVIEWER,
    Step.MEDICAL_DIRECTOR: Role.MEDICAL_DIRECTOR,
    Step.EDITORIAL_DIRECTOR: Role.EDITORIAL_DIRECTOR,
}
STEP_CREDIT_TITLES = {
    Step.MEDICAL_REVIEW: "Medical Reviewer",
    Step.MEDICAL_DIRECTOR: "Medical Director",
    Step.EDITORIAL_DIRECTOR: "Editorial Director",
}
# Steps that sign off medical content: the signer needs a valid licence and no
# declared conflict of interest on the article.
MEDICAL_STEPS = frozenset({Step.MEDICAL_REVIEW, Step.MEDICAL_DIRECTOR})

ATTESTATION_TEXT = "I have reviewed this content for medical accuracy."
EDITORIAL_ATTESTATION_TEXT = "I have reviewed this content and approve it for publication."
RECERTIFICATION_ATTESTATION_TEXT = (
    "I have reviewed the live page and it is still medically accurate."
)
RECERTIFICATION = "recertification"
# What a submission can be: a kind of revision, or the re-certification of a live page
# (the periodic review's sign-offs, with no new content).
SUBMISSION_KINDS = [*Revision.Kind.choices, (RECERTIFICATION, "Re-certification")]


class ChainStep(models.Model):
    """One step of the approval chain for a kind of revision. The chain is data: an
    editorial director edits it (e.g. corrections need only their own sign-off)."""

    kind = models.CharField(max_length=20, choices=SUBMISSION_KINDS)
    position = models.PositiveSmallIntegerField()
    step = models.CharField(max_length=30, choices=Step.choices)

    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "position"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "position"], name="chain_step_position_unique"),
            models.UniqueConstraint(fields=["kind", "step"], name="chain_step_once_per_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.position}: {self.get_step_display()}"


class Submission(models.Model):
    """One submission of a revision for review, with the text and summary signers saw;
    or the re-certification of a live revision by a periodic review (kind
    "recertification"), whose chain is signed the same way."""

    class State(models.TextChoices):
        OPEN = "open", "In review"
        APPROVED = "approved", "Approved"
        CHANGES_REQUESTED = "changes_requested", "Changes requested"
        REJECTED = "rejected", "Rejected"
        VOIDED = "voided", "Voided"
        PUBLISHED = "published", "Published"
        RECERTIFIED = "recertified", "Re-certified"

    LIVE_STATES = (State.OPEN, State.APPROVED)

    revision = models.ForeignKey(Revision, on_delete=models.PROTECT, related_name="submissions")
    number = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=20, choices=SUBMISSION_KINDS)
    change_summary = models.TextField()
    edit_version = models.PositiveIntegerField(
        help_text="The revision's content version the signers reviewed."
    )
    submitted_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, related_name="submissions"
    )
    submitted_at = models.DateTimeField(default=timezone.now)
    state = models.CharField(max_length=20, choices=State.choices, default=State.OPEN)
    closed_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["revision", "number"]
        constraints = [
            models.UniqueConstraint(fields=["revision", "number"], name="submission_number_unique"),
            models.UniqueConstraint(
                fields=["revision"],
                condition=Q(state__in=["open", "approved"]),
                name="one_live_submission_per_revision",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.revision} submission {self.number}"


class ApprovalQuerySet(models.QuerySet):
    def current(self) -> "ApprovalQuerySet":
        return self.filter(decision=Approval.Decision.PENDING)


class Approval(models.Model):
    """One sign-off step of a submission."""

    class Decision(models.TextChoices):
        WAITING = "waiting", "Waiting for earlier steps"
        PENDING = "pending", "Awaiting decision"
        APPROVED = "approved", "Approved"
        CHANGES_REQUESTED = "changes_requested", "Changes requested"
        REJECTED = "rejected", "Rejected"
        VOIDED = "voided", "Voided"

    OPEN_DECISIONS = (Decision.WAITING, Decision.PENDING)

    submission = models.ForeignKey(Submission, on_delete=models.PROTECT, related_name="approvals")
    position = models.PositiveSmallIntegerField()
    step = models.CharField(max_length=30, choices=Step.choices)
    assignee = models.ForeignKey(
        "accounts.User",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assigned_approvals",
        help_text="Blank: anyone holding the step's role may sign.",
    )
    decision = models.CharField(max_length=20, choices=Decision.choices, default=Decision.WAITING)
    pending_since = models.DateTimeField(
        null=True, blank=True, help_text="When the step became the one awaiting a decision."
    )
    comment = models.TextField(blank=True)
    attestation = models.TextField(blank=True, help_text="The statement the signer attested.")
    reviewed_whole_page = models.BooleanField(
        default=False,
        help_text="On an update: the reviewer reviewed the whole page, so the Review Date moves.",
    )
    decided_by = models.ForeignKey(
        "accounts.User",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decided_approvals",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    signer_credit = models.CharField(
        max_length=600, blank=True, help_text="The signer's credit as it was when they signed."
    )
    signer_name = models.CharField(max_length=200, blank=True)
    acknowledged_warnings = models.JSONField(
        default=list,
        blank=True,
        help_text="The warnings shown to the signer that they acknowledged when signing "
        "(reading grade above target, unsupported statements…).",
    )
    specialty_override_reason = models.TextField(blank=True)
    specialty_override_by = models.ForeignKey(
        "accounts.User",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="specialty_overrides",
    )

    history = HistoricalRecords()
    objects = ApprovalQuerySet.as_manager()

    class Meta:
        ordering = ["submission", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "position"], name="approval_position_unique"
            ),
            # Rule 1, in the database too: nobody signs two steps of one submission.
            models.UniqueConstraint(
                fields=["submission", "decided_by"],
                condition=Q(decision__in=["approved"]),
                name="one_sign_off_per_person_per_submission",
            ),
        ]
        indexes = [
            models.Index(
                fields=["step", "assignee"],
                condition=Q(decision="pending"),
                name="approval_pending_idx",
            ),
        ]
        permissions = [
            ("override_specialty", "Can let a reviewer sign outside their specialty"),
            ("edit_approval_chain", "Can edit the approval chain of each revision kind"),
            ("publish_revision", "Can publish an approved revision"),
        ]

    def __str__(self) -> str:
        return f"{self.get_step_display()} of {self.submission}"

    @property
    def is_medical(self) -> bool:
        return self.step in MEDICAL_STEPS

    @property
    def role(self) -> Role:
        return STEP_ROLES[Step(self.step)]


class Signature(models.Model):
    """An electronic signature on one step, as regulated health records keep them (21 CFR
    Part 11's practice): who signed, when, what they attested (the meaning), how they
    proved it was them just before, and a SHA-256 of the revision's content exactly as
    they signed it — so a page whose text later differs from what was signed is found
    (`manage.py verify_signatures`). Written once, never changed."""

    approval = models.OneToOneField("Approval", on_delete=models.PROTECT, related_name="signature")
    signer = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    signed_at = models.DateTimeField()
    meaning = models.TextField(help_text="The statement the signer attested.")
    method = models.CharField(max_length=20, help_text="How they re-authenticated.")
    authenticated_at = models.DateTimeField(help_text="When they re-entered their credentials.")
    revision = models.ForeignKey(Revision, on_delete=models.PROTECT, related_name="signatures")
    content_sha256 = models.CharField(max_length=64)

    class Meta:
        ordering = ["signed_at", "pk"]

    def __str__(self) -> str:
        return f"{self.signer} signed {self.revision} at {self.signed_at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise ValueError("Signatures are never changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Signatures are never deleted.")

    @property
    def proof(self) -> str:
        """How the signer proved it was them, as the history and the audit report say it:
        "Password and one-time code, re-entered 10:02"."""
        how = dict(Reauthentication.Method.choices).get(self.method, self.method)
        return f"{how}, re-entered {timezone.localtime(self.authenticated_at):%H:%M}"


class ReviewCycleQuerySet(models.QuerySet):
    def open(self) -> "ReviewCycleQuerySet":
        return self.filter(state__in=ReviewCycle.OPEN_STATES)


class ReviewCycle(models.Model):
    """The periodic re-review of one published article.

    Opened when the article falls due (or due soon, or out of cycle when a guideline
    changes), assigned to a qualified reviewer, and closed by a re-certification (the
    live content is still accurate), by a revised version being published, or by the
    article being retired. The database allows one open cycle per article.
    """

    class State(models.TextChoices):
        OPEN = "open", "Open"
        IN_PROGRESS = "in_progress", "In progress (revision being drafted)"
        SIGNING = "signing", "Re-certified, awaiting sign-off"
        COMPLETED = "completed", "Completed"
        CANCELLED = "cancelled", "Cancelled"

    class Outcome(models.TextChoices):
        RECERTIFIED = "recertified", "Re-certified, no change"
        REVISED = "revised", "Revised"

    class Origin(models.TextChoices):
        DUE = "due", "Review date passed"
        DUE_SOON = "due_soon", "Review date approaching"
        OUT_OF_CYCLE = "out_of_cycle", "Out-of-cycle review"

    OPEN_STATES = (State.OPEN, State.IN_PROGRESS, State.SIGNING)

    article = models.ForeignKey(
        "encyclopedia.Article", on_delete=models.PROTECT, related_name="review_cycles"
    )
    due_on = models.DateField(help_text="The review date the cycle answers to.")
    origin = models.CharField(max_length=20, choices=Origin.choices, default=Origin.DUE)
    reason = models.TextField(blank=True, help_text="Why an out-of-cycle review was opened.")
    reference = models.CharField(
        max_length=1000,
        blank=True,
        help_text="The DOI, PubMed id or URL whose retraction or change opened this review.",
    )
    opened_at = models.DateTimeField(default=timezone.now)
    opened_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    state = models.CharField(max_length=20, choices=State.choices, default=State.OPEN)
    assignee = models.ForeignKey(
        "accounts.User",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assigned_review_cycles",
    )
    assigned_at = models.DateTimeField(null=True, blank=True)
    unassigned_reason = models.CharField(
        max_length=300, blank=True, help_text="Why no reviewer could be assigned."
    )
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True)
    revision = models.ForeignKey(
        Revision,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="review_cycles",
        help_text="The revision drafted to answer this review.",
    )
    attestation = models.TextField(blank=True)
    signer_credit = models.CharField(max_length=600, blank=True)
    recertification = models.ForeignKey(
        "Submission",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The sign-off chain of its re-certification, once the reviewer signed.",
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()
    objects = ReviewCycleQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "pk"]
        constraints = [
            # Rule 6: running the overdue job twice, or on two workers, opens no duplicate.
            models.UniqueConstraint(
                fields=["article"],
                condition=Q(state__in=["open", "in_progress", "signing"]),
                name="one_open_review_cycle_per_article",
            ),
            models.CheckConstraint(
                condition=Q(state__in=["open", "in_progress", "signing"], closed_at=None)
                | Q(state__in=["completed", "cancelled"], closed_at__isnull=False),
                name="review_cycle_closed_at_matches_state",
            ),
        ]
        indexes = [
            models.Index(
                fields=["assignee", "due_on"],
                condition=Q(state__in=["open", "in_progress", "signing"]),
                name="review_cycle_open_idx",
            ),
            # The director's list of open reviews, soonest due first, fifty at a time.
            models.Index(
                fields=["due_on", "id"],
                condition=Q(state__in=["open", "in_progress", "signing"]),
                name="review_cycle_open_due_idx",
            ),
            # The dashboard's median days to complete a review reads the last 90 days'
            # completed reviews, however many years of them there are.
            models.Index(
                fields=["closed_at"],
                condition=Q(state="completed"),
                name="review_cycle_completed_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"Review of {self.article} due {self.due_on}"

    @property
    def is_open(self) -> bool:
        return self.state in self.OPEN_STATES


class ReminderSent(models.Model):
    """A reminder or escalation about one cycle, to one person, on one day: recorded by
    the job (unique per day, so a re-run records nothing twice), then gathered with the
    person's other reminders of the day into one digest e-mail in the outbox. Shown on
    the cycle's page."""

    class Kind(models.TextChoices):
        ASSIGNED = "assigned", "New assignment"
        REMINDER = "reminder", "Reminder"
        ESCALATION = "escalation", "Escalation"

    cycle = models.ForeignKey(ReviewCycle, on_delete=models.CASCADE, related_name="reminders")
    recipient = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    sent_on = models.DateField()
    email = models.ForeignKey(
        "core.OutgoingEmail",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The digest that carries it; blank until the digest is written.",
    )

    class Meta:
        ordering = ["-sent_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["cycle", "recipient", "kind", "sent_on"], name="one_reminder_a_day"
            ),
        ]
        indexes = [
            models.Index(fields=["sent_on"], condition=Q(email=None), name="reminder_unsent_idx")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} to {self.recipient} on {self.sent_on}"

    @property
    def sent_at(self):
        return self.email.sent_at if self.email else None


class AuditEvent(models.Model):
    """An append-only record of one thing that happened to a revision, a review cycle or
    an article: who, when, from which state to which, and the note they gave."""

    article = models.ForeignKey(
        "encyclopedia.Article", on_delete=models.PROTECT, related_name="audit_events"
    )
    revision = models.ForeignKey(
        Revision, on_delete=models.PROTECT, null=True, blank=True, related_name="audit_events"
    )
    cycle = models.ForeignKey(
        ReviewCycle, on_delete=models.PROTECT, null=True, blank=True, related_name="audit_events"
    )
    actor = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    action = models.CharField(max_length=40)
    from_state = models.CharField(max_length=20, blank=True)
    to_state = models.CharField(max_length=20, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["article", "at"], name="audit_article_at_idx")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor}: {self.action}"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise ValueError("Audit events are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Audit events are append-only.")


class Comment(models.Model):
    """A comment on a revision, optionally on one of its sections."""

    revision = models.ForeignKey(Revision, on_delete=models.PROTECT, related_name="comments")
    section = models.ForeignKey(
        "encyclopedia.Section",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="comments",
    )
    section_heading = models.CharField(
        max_length=200, blank=True, help_text="Kept if the section is later removed."
    )
    author = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    body = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.author}: {self.body[:60]}"

    @property
    def is_resolved(self) -> bool:
        return self.resolved_at is not None


class Notification(models.Model):
    """One message to one person about one event, written with the event. Its e-mail is
    a row of the outbox (blank when the person has no address); the unique (event,
    person) pair means writing an event's messages twice writes them once."""

    event = models.ForeignKey(AuditEvent, on_delete=models.PROTECT, related_name="notifications")
    recipient = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, related_name="notifications"
    )
    email = models.ForeignKey(
        "core.OutgoingEmail", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "recipient"], name="one_notification_per_event_and_person"
            ),
        ]

    def __str__(self) -> str:
        return f"To {self.recipient}: {self.event.action}"

    @property
    def sent_at(self):
        return self.email.sent_at if self.email else None


class ReaderFeedback(models.Model):
    """A reader's "report a problem with this page", triaged by editorial directors.
    No account is needed; an e-mail address is kept only with the reader's consent, to
    answer them."""

    class State(models.TextChoices):
        NEW = "new", "New"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"
        RESOLVED = "resolved", "Resolved"

    article = models.ForeignKey(
        "encyclopedia.Article", on_delete=models.PROTECT, related_name="reader_feedback"
    )
    revision = models.ForeignKey(
        Revision,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The revision that was live when the reader wrote.",
    )
    message = models.TextField(max_length=2_000)
    email = models.EmailField(blank=True)
    email_consent = models.BooleanField(default=False)
    state = models.CharField(max_length=20, choices=State.choices, default=State.NEW)
    submitted_at = models.DateTimeField(default=timezone.now)
    first_response_at = models.DateTimeField(null=True, blank=True)
    first_response_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)
    cycle = models.ForeignKey(
        ReviewCycle,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reader_feedback",
        help_text="The out-of-cycle review opened from this report.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        indexes = [models.Index(fields=["state", "submitted_at"], name="feedback_state_idx")]

    def __str__(self) -> str:
        return f"Feedback on {self.article} ({self.get_state_display()})"


class FeedbackReply(models.Model):
    """A director's reply to a reader, e-mailed through the outbox when the reader gave
    an address and consented."""

    feedback = models.ForeignKey(ReaderFeedback, on_delete=models.PROTECT, related_name="replies")
    author = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    body = models.TextField(max_length=5_000)
    sent_at = models.DateTimeField(default=timezone.now)
    email = models.ForeignKey(
        "core.OutgoingEmail", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["sent_at", "pk"]
        verbose_name_plural = "feedback replies"

    def __str__(self) -> str:
        return f"Reply to {self.feedback}"
