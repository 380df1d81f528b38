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
