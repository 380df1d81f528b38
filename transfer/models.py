"""An import started from the editorial director's page, and how far it has got.

The upload is stored (Django's default storage) and a Celery task works through its
files; the job row is the task's progress report and its record afterwards: who
started it, when, on which file, and how far it got. What became of each file is a row
of its own (ImportJobFile), written as the file is done: a job of 5,000 pages never
rewrites a growing list.
"""

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone


class ImportJob(models.Model):
    class State(models.TextChoices):
        QUEUED = "queued", "Waiting to start"
        RUNNING = "running", "Importing"
        FINISHED = "finished", "Finished"
        FAILED = "failed", "Stopped by an error"

    FINAL_STATES = (State.FINISHED, State.FAILED)

    started_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, related_name="import_jobs"
    )
    created_at = models.DateTimeField(default=timezone.now)
    file_name = models.CharField(max_length=255, help_text="The uploaded file's name.")
    stored_as = models.CharField(
        max_length=500,
        blank=True,
        help_text="Where the upload waits in the default storage; cleared when the job ends.",
    )
    dry_run = models.BooleanField(
        default=False, help_text="Check every file and report; change nothing."
    )
    specialty = models.ForeignKey(
        "accounts.Specialty",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The specialty of new articles from pages (pages do not name one).",
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    total = models.PositiveIntegerField(default=0, help_text="Files in the upload.")
    done = models.PositiveIntegerField(default=0, help_text="Files dealt with so far.")
    failed = models.PositiveIntegerField(default=0, help_text="Files refused (left out whole).")
    error = models.TextField(blank=True, help_text="Why the job stopped, when it did.")
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(done__lte=F("total")), name="import_done_le_total"),
            models.CheckConstraint(
                condition=Q(failed__lte=F("done")), name="import_failed_le_done"
            ),
        ]

    def __str__(self) -> str:
        return f"Import of {self.file_name} ({self.get_state_display().lower()})"

    def get_absolute_url(self) -> str:
        return reverse("transfer:job", args=[self.pk])

    @property
    def is_finished(self) -> bool:
        return self.state in self.FINAL_STATES

    @property
    def percent(self) -> int:
        if self.is_finished:
            return 100
        return int(100 * self.done / self.total) if self.total else 0

    @property
    def succeeded(self) -> int:
        return self.done - self.failed


class ImportJobFile(models.Model):
    """What became of one file of an import: imported (with its articles' outcomes),
    refused (with the reason, naming the line or element), or skipped."""

    class Status(models.TextChoices):
        IMPORTED = "imported", "Imported"
        FAILED = "failed", "Refused"
        SKIPPED = "skipped", "Skipped"

    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="files")
    name = models.CharField(max_length=1000)
    status = models.CharField(max_length=10, choices=Status.choices)
    message = models.TextField()
    articles = models.JSONField(
        default=list,
        blank=True,
        help_text='Up to 100: [{"number", "title", "outcome", "note"}].',
    )
    more_articles = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["job", "pk"]
        constraints = [
            # A re-delivered task never records a file twice.
            models.UniqueConstraint(fields=["job", "name"], name="import_file_once_per_job"),
        ]

    def __str__(self) -> str:
        return f"{self.name}: {self.get_status_display()}"
