from django.db import models
from django.utils import timezone


class JobRun(models.Model):
    """One run of a scheduled job: when, whether it finished, and what it did.

    The health endpoint reads the last successful run of each job; a job that has not
    succeeded for twice its period is reported unhealthy.
    """

    job = models.CharField(max_length=60)
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    succeeded = models.BooleanField(default=False)
    summary = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-started_at"]
        indexes = [models.Index(fields=["job", "-started_at"], name="jobrun_job_started_idx")]

    def __str__(self) -> str:
        return f"{self.job} at {self.started_at:%Y-%m-%d %H:%M}"

    @property
    def duration(self):
        return self.finished_at - self.started_at if self.finished_at else None


class Delivery(models.Model):
    """Something Stet must deliver to another system, at most once, even when that
    system is away: an e-mail, or a call to a CDN's purge hook. A row is written in the
    same transaction as the change it reports, so a rolled-back change delivers
    nothing. The sender (core.outbox) claims a row before delivering it and delivers
    outside any transaction, so a row leaves at most once however many senders run; a
    failed delivery waits and is tried again."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        SENDING = "sending", "Being sent"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed (gave up)"
        CANCELLED = "cancelled", "Not sent"

    created_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    next_attempt_at = models.DateTimeField(
        default=timezone.now, help_text="When a queued delivery may go (later after a failure)."
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)

    class Meta:
        abstract = True


class OutgoingEmail(Delivery):
    """One e-mail to one address: the outbox every e-mail Stet sends goes through."""

    to = models.EmailField(max_length=254)
    subject = models.CharField(max_length=300)
    body = models.TextField()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "outgoing e-mail"
        verbose_name_plural = "outgoing e-mail"
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                condition=models.Q(status="queued"),
                name="outbox_queued_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status="sent", sent_at__isnull=False)
                | (~models.Q(status="sent") & models.Q(sent_at=None)),
                name="outgoing_email_sent_at_matches_status",
            ),
        ]

    def __str__(self) -> str:
        return f"To {self.to}: {self.subject}"


class OutgoingCall(Delivery):
    """One POST of a JSON body to another system's address: today, asking the CDN in
    front of the site to drop the pages a publish or retirement changed."""

    url = models.URLField(max_length=500)
    payload = models.JSONField(default=dict)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                condition=models.Q(status="queued"),
                name="outbox_call_queued_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"POST {self.url}"
