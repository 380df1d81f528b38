"""Bookkeeping for scheduled jobs: every run is recorded, so the health endpoint can say
when each job last succeeded, and a failed run leaves its error behind.

Which jobs there are, and how often each runs, is read from beat's schedule
(settings.CELERY_BEAT_SCHEDULE), never kept beside it: a job is named after its task
(`reviews.tasks.flag_overdue_reviews` → `flag_overdue_reviews`), and its period is the
longest gap between two of its scheduled runs.
"""

import datetime
import itertools
import traceback
from collections.abc import Callable
from dataclasses import asdict, dataclass, is_dataclass
from typing import Any

from celery.schedules import crontab
from celery.schedules import schedule as every
from django.conf import settings
from django.db.models import Max
from django.utils import timezone

from core.models import JobRun

# Job runs are kept this long: enough for the jobs page and an outage's post-mortem.
KEEP_RUNS_FOR = datetime.timedelta(days=30)
WEEK_MINUTES = 7 * 24 * 60


def job_name(task_name: str) -> str:
    return task_name.rsplit(".", 1)[-1]


def schedules() -> dict:
    """Each scheduled job and its beat schedule."""
    return {
        job_name(entry["task"]): entry["schedule"]
        for entry in settings.CELERY_BEAT_SCHEDULE.values()
    }


def periods() -> dict[str, datetime.timedelta]:
    """Each scheduled job and its period, from beat's schedule."""
    return {job: schedule_period(schedule) for job, schedule in schedules().items()}


def schedule_period(schedule) -> datetime.timedelta:
    """The longest wait between two runs of a beat schedule (a crontab or an interval)."""
    if isinstance(schedule, datetime.timedelta):
        return schedule
    if isinstance(schedule, int | float):
        return datetime.timedelta(seconds=schedule)
    if isinstance(schedule, every):
        return schedule.run_every
    if isinstance(schedule, crontab):
        if schedule.day_of_month != set(range(1, 32)) or schedule.month_of_year != set(
            range(1, 13)
        ):
            raise ValueError("Only weekly crontab patterns are supported for job periods.")
        # Minutes of the week at which the job runs (day_of_week: 0 is Sunday).
        runs = sorted(
            day * 1440 + hour * 60 + minute
            for day, hour, minute in itertools.product(
                schedule.day_of_week, schedule.hour, schedule.minute
            )
        )
        gaps = [later - earlier for earlier, later in itertools.pairwise(runs)]
        gaps.append(runs[0] + WEEK_MINUTES - runs[-1])
        return datetime.timedelta(minutes=max(gaps))
    raise TypeError(f"Unsupported beat schedule: {schedule!r}")


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
    JobRun.objects.filter(job=name, started_at__lt=run.started_at - KEEP_RUNS_FOR).delete()
    return result


def summarise(result: Any) -> dict:
    if is_dataclass(result) and not isinstance(result, type):
        data = asdict(result)
    elif isinstance(result, dict):
        data = result
    else:
        data = {"result": result}
    return {key: value for key, value in data.items() if isinstance(value, int | str | float)}


def last_successes() -> dict[str, datetime.datetime | None]:
    jobs = periods()
    runs = dict(
        JobRun.objects.filter(succeeded=True, job__in=jobs)
        .values_list("job")
        .annotate(last=Max("finished_at"))
        .values_list("job", "last")
    )
    return {job: runs.get(job) for job in jobs}


@dataclass(frozen=True)
class JobHealth:
    """Whether a job keeps its schedule: it is late once its last success is older
    than twice its period (or it never succeeded). /healthz and the jobs page both
    ask this."""

    job: str
    period: datetime.timedelta
    last_success: datetime.datetime | None
    ok: bool


def job_health(*, now: datetime.datetime) -> dict[str, JobHealth]:
    every = periods()
    return {
        job: JobHealth(
            job=job,
            period=every[job],
            last_success=last,
            ok=last is not None and now - last <= 2 * every[job],
        )
        for job, last in last_successes().items()
    }


@dataclass(frozen=True)
class JobOverview:
    health: JobHealth
    next_run: datetime.datetime | None
    runs: list[JobRun]  # the latest first


def jobs_overview(*, now: datetime.datetime, runs_each: int = 10) -> list[JobOverview]:
    """Each scheduled job: its health, when beat next runs it, and its latest runs."""
    health = job_health(now=now)
    beat = schedules()
    overview = []
    for job, status in health.items():
        schedule = beat[job]
        next_run = None
        if isinstance(schedule, crontab | every):
            # Beat's estimate runs to the microsecond; its runs fall on whole minutes.
            estimate = now + schedule.remaining_estimate(now) + datetime.timedelta(seconds=30)
            next_run = estimate.replace(second=0, microsecond=0)
        runs = list(JobRun.objects.filter(job=job).order_by("-started_at")[:runs_each])
        overview.append(JobOverview(health=status, next_run=next_run, runs=runs))
    return overview
