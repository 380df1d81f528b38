"""The Celery tasks are thin, idempotent wrappers of the same services, scheduled by beat,
each with a command twin and a health period. (The test against a real worker lives
elsewhere.)"""

import pytest
from django.conf import settings
from django.core.management import get_commands
from django.db import OperationalError

from core.jobs import periods
from core.models import JobRun
from reporting import tasks as reporting_tasks
from reporting.models import MetricSnapshot
from reviews import tasks
from reviews.models import ReviewCycle
from tests.reviews.cycles.factories import TODAY, days, due_article

pytestmark = pytest.mark.django_db

PERIODIC = {
    "flag_overdue_reviews": tasks.flag_overdue_reviews,
    "assign_reviewers": tasks.assign_reviewers,
    "send_review_reminders": tasks.send_review_reminders,
    "snapshot_review_metrics": reporting_tasks.snapshot_review_metrics,
}


@pytest.fixture
def due(maria, cardiology, okafor):
    return [
        due_article(TODAY - days(n), specialty=cardiology, author=maria, title=f"Due {n}")
        for n in (1, 40)
    ]


def test_the_nightly_tasks_open_and_assign_todays_reviews_and_record_their_runs(due, okafor):
    assert tasks.flag_overdue_reviews() == {"opened": 2}
    assert tasks.assign_reviewers() == {"assigned": 2, "unassignable": 0}

    assert set(ReviewCycle.objects.values_list("assignee", flat=True)) == {okafor.user.pk}
    runs = JobRun.objects.order_by("pk")
    assert [(run.job, run.succeeded) for run in runs] == [
        ("flag_overdue_reviews", True),
        ("assign_reviewers", True),
    ]


def test_a_task_run_twice_does_the_work_once(due):
    tasks.flag_overdue_reviews.delay()
    tasks.flag_overdue_reviews.delay()

    assert ReviewCycle.objects.count() == 2
    assert list(JobRun.objects.order_by("pk").values_list("summary", flat=True)) == [
        {"opened": 2, "due_soon": 0},
        {"opened": 0, "due_soon": 0},
    ]


def test_the_reminder_and_snapshot_tasks_run_their_services(due, brenda):
    tasks.flag_overdue_reviews()

    assert tasks.send_review_reminders() == {"emails": 1}  # the escalation to Brenda
    assert reporting_tasks.snapshot_review_metrics() == {"rows": 2}
    assert MetricSnapshot.objects.filter(day=TODAY).count() == 2


@pytest.mark.parametrize("name", list(PERIODIC))
def test_each_periodic_task_is_safe_to_retry(name):
    task = PERIODIC[name]

    assert task.acks_late is True
    assert OperationalError in task.autoretry_for
    assert task.retry_backoff and task.max_retries
    assert task.soft_time_limit < task.time_limit


@pytest.mark.parametrize("name", list(PERIODIC))
def test_each_periodic_task_is_scheduled_with_a_health_period_and_a_command_twin(name):
    scheduled = {entry["task"]: entry for entry in settings.CELERY_BEAT_SCHEDULE.values()}

    task = PERIODIC[name]
    entry = scheduled[task.name]
    assert entry["options"]["expires"] <= periods()[name].total_seconds() * 2
    assert name in periods()
    # The command twin lives in the same app as the task.
    assert get_commands()[name] == task.name.split(".")[0]
    # A task never outlives the broker's redelivery timeout.
    assert task.time_limit < 3600
