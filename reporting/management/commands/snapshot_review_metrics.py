"""Record the day's review-schedule counts (current, due soon, overdue by age, never
reviewed, open cycles), overall and per specialty, for the dashboard's trend chart.
Re-running on the same day replaces that day's figures."""

from core.management.jobs import JobCommand
from reporting.snapshots import metric_snapshot_record


class Command(JobCommand):
    help = "Record today's review metrics for the trend chart."
    job_name = "snapshot_review_metrics"

    def run(self, day, **options):
        return metric_snapshot_record(today=day)

    def report(self, result) -> str:
        return f"recorded {result} snapshot rows."
