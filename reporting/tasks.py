"""The reporting job: a thin Celery task over the snapshot service, with a command twin
(`manage.py snapshot_review_metrics`)."""

from celery import shared_task

from core.clock import today
from core.jobs import run_job
from core.tasks import RETRY
from reporting.snapshots import metric_snapshot_record


@shared_task(ignore_result=True, soft_time_limit=300, time_limit=450, **RETRY)
def snapshot_review_metrics() -> dict:
    rows = run_job("snapshot_review_metrics", lambda: metric_snapshot_record(today=today()))
    return {"rows": rows}
