"""The directors' page of scheduled jobs: each job's last runs (when, how long, what it
did, the error of a failed one) and its next run, with a late job marked late by the
same rule /healthz applies (scenario 14: the overdue sweep stopped for three days)."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from core.jobs import periods
from core.models import JobRun

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2026, 11, 27, 15, 0, tzinfo=datetime.UTC)


def ran(job: str, *, ago: datetime.timedelta, seconds: float = 2.5, error: str = "", **summary):
    started = NOW - ago
    return JobRun.objects.create(
        job=job,
        started_at=started,
        finished_at=started + datetime.timedelta(seconds=seconds),
        succeeded=not error,
        summary=summary,
        error=error,
    )


def section(page: str, job: str) -> str:
    start = page.index(f'id="job-{job}"')
    return page[start : page.index("</section>", start)]


@time_machine.travel(NOW, tick=False)
def test_an_outage_of_the_overdue_sweep_shows_as_late_with_its_error(client, brenda):
    for job, period in periods().items():
        ran(job, ago=period / 2)
    JobRun.objects.filter(job="flag_overdue_reviews").delete()
    ran("flag_overdue_reviews", ago=datetime.timedelta(days=3, hours=10), seconds=0.4, opened=12)
    for days in (2, 1, 0):
        ran(
            "flag_overdue_reviews",
            ago=datetime.timedelta(days=days, hours=10),
            error="Traceback (most recent call last):\n...\nOperationalError: the database is away",
        )
    client.force_login(brenda)

    page = client.get(reverse("reporting:scheduled-jobs")).content.decode()

    sweep = section(page, "flag_overdue_reviews")
    assert "Overdue sweep" in sweep and "late" in sweep
    assert sweep.count("<strong>Failed</strong>") == 3
    assert "OperationalError: the database is away" in sweep
    assert "opened: 12" in sweep and "0.4 s" in sweep
    assert "Next run: Nov. 28, 2026, 00:00" in sweep  # 05:00 UTC, shown in New York time
    outbox = section(page, "send_outbox")
    assert "on time" in outbox and "late" not in outbox


def test_the_page_is_linked_from_the_directors_header(client, brenda):
    client.force_login(brenda)

    assert (
        reverse("reporting:scheduled-jobs")
        in client.get(reverse("reporting:dashboard")).content.decode()
    )
