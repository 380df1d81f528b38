"""What reporting keeps of its own: the day's review-schedule figures, so the dashboard's
trend reads a year of history without scanning a year of article history."""

from django.db import models
from django.db.models import Q


class MetricSnapshot(models.Model):
    """The day's review-schedule counts, overall (specialty blank) and per specialty, for
    the dashboard's trend chart."""

    day = models.DateField()
    specialty = models.ForeignKey(
        "accounts.Specialty", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    published = models.PositiveIntegerField(default=0)
    current = models.PositiveIntegerField(default=0)
    due_soon = models.PositiveIntegerField(default=0)
    never_reviewed = models.PositiveIntegerField(default=0)
    overdue_1_30 = models.PositiveIntegerField(default=0)
    overdue_31_90 = models.PositiveIntegerField(default=0)
    overdue_91_180 = models.PositiveIntegerField(default=0)
    overdue_181_365 = models.PositiveIntegerField(default=0)
    overdue_over_365 = models.PositiveIntegerField(default=0)
    open_cycles = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["day"]
        constraints = [
            models.UniqueConstraint(
                fields=["day", "specialty"], name="one_snapshot_per_day_and_specialty"
            ),
            models.UniqueConstraint(
                fields=["day"],
                condition=Q(specialty=None),
                name="one_overall_snapshot_per_day",
            ),
        ]

    def __str__(self) -> str:
        return f"Snapshot {self.day} {self.specialty or 'all'}"

    @property
    def overdue(self) -> int:
        return (
            self.overdue_1_30
            + self.overdue_31_90
            + self.overdue_91_180
            + self.overdue_181_365
            + self.overdue_over_365
        )
