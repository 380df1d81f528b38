"""Bookkeeping for scheduled jobs: every run is recorded, so the health endpoint can say
when each job last succeeded, and a failed run leaves its error behind."""

import datetime
import traceback
from collections.abc import Callable
from dataclasses import asdict, is_dataclass
from typing import Any

from django.db.models import Max
from django.utils import timezone

from core.models import JobRun

# Each periodic job and how often beat runs it; /healthz calls a job stale when its
# last success is older than twice this.
PERIODS = {
    "flag_overdue_reviews": datetime.timedelta(days=1),
    "assign_reviewers": datetime.timedelta(hours=1),
    "send_review_reminders": datetime.timedelta(days=1),
    "snapshot_review_metrics": datetime.timedelta(days=1),
}


def run_job(name: str, work: Callable[[], Any]) -> Any:
    """Run `work`, recording the run and its outcome under `name`."""
    run = JobRun.objects.create(job=name, started_at=timezone.now())
    try:
        result = work()
    except Exception:
        run.finished_at = timezone.now()
        run.error = traceback.format_exc()[-4000:]
        run.save(update_fields=["finished_at", "error"])
        raise
    run.finished_at = timezone.now()
    run.succeeded = True
    run.summary = summarise(result)
    run.save(update_fields=["finished_at", "succeeded", "summary"])
    return result


def summarise(result: Any) -> dict:
    if is_dataclass(result):
        data = asdict(result)
    elif isinstance(result, dict):
        data = result
    else:
        data = {"result": result}
    return {key: value for key, value in data.items() if isinstance(value, int | str | float)}


def last_successes() -> dict[str, datetime.datetime | None]:
    runs = dict(
        JobRun.objects.filter(succeeded=True, job__in=PERIODS)
        .values_list("job")
        .annotate(last=Max("finished_at"))
        .values_list("job", "last")
    )
    return {job: runs.get(job) for job in PERIODS}
