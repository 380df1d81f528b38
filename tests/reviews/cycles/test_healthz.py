"""/healthz: the database, the broker, and each periodic job's last success (stale after
twice its period). 200 when all is well, 503 otherwise, with the details either way."""

import datetime

import pytest
from celery.schedules import crontab
from django.test import override_settings
from django.urls import reverse

from config.celery import app as celery_app
from core.jobs import periods
from core.models import JobRun, OutgoingEmail
from tests.encyclopedia.factories import superuser
from tests.reviews.cycles.factories import NOW

pytestmark = pytest.mark.django_db


def succeeded(job: str, *, ago: datetime.timedelta, succeeded: bool = True) -> JobRun:
    finished = NOW - ago
    return JobRun.objects.create(
        job=job,
        started_at=finished - datetime.timedelta(seconds=30),
        finished_at=finished,
        succeeded=succeeded,
    )


@pytest.fixture
def all_fresh(db):
    for job, period in periods().items():
        succeeded(job, ago=period / 2)


def when(iso: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(iso)


MONITORING_KEY = "monitoring-key-for-tests"


@pytest.fixture(autouse=True)
def monitoring_key(settings):
    settings.HEALTHZ_TOKEN = MONITORING_KEY


def health(client):
    """/healthz as the monitoring reads it: with its key, so with the details."""
    response = client.get(reverse("healthz"), HTTP_AUTHORIZATION=f"Bearer {MONITORING_KEY}")
    return response.status_code, response.json()


def test_all_well_is_200_with_the_database_the_broker_and_every_job(client, all_fresh):
    status, body = health(client)

    assert status == 200
    assert body["status"] == "ok"
    assert body["database"]["ok"] is True
    assert body["broker"]["ok"] is True
    assert set(body["jobs"]) == {
        "send_outbox",
        "flag_overdue_reviews",
        "assign_reviewers",
        "send_review_reminders",
        "snapshot_review_metrics",
        "check_reference_links",
    }
    assert body["outbox"] == {"ok": True, "queued": 0, "failed": 0, "stuck": 0}
    flag = body["jobs"]["flag_overdue_reviews"]
    assert (flag["ok"], flag["period_seconds"]) == (True, 86400)
    assert when(flag["last_success"]) == NOW - datetime.timedelta(hours=12)


def test_a_job_whose_last_success_is_older_than_twice_its_period_is_503(client, all_fresh):
    # Hourly: its last success three hours ago means two runs were missed.
    JobRun.objects.filter(job="assign_reviewers").delete()
    succeeded("assign_reviewers", ago=datetime.timedelta(hours=3))

    status, body = health(client)

    assert status == 503
    assert body["status"] == "unhealthy"
    assert body["jobs"]["assign_reviewers"]["ok"] is False
    assert body["jobs"]["flag_overdue_reviews"]["ok"] is True


def test_a_last_success_exactly_twice_the_period_ago_is_still_healthy(client, all_fresh):
    JobRun.objects.filter(job="flag_overdue_reviews").delete()
    succeeded("flag_overdue_reviews", ago=datetime.timedelta(days=2))

    assert health(client)[0] == 200


def test_a_last_success_just_past_twice_the_period_is_stale(client, all_fresh):
    JobRun.objects.filter(job="flag_overdue_reviews").delete()
    succeeded("flag_overdue_reviews", ago=datetime.timedelta(days=2, seconds=1))

    status, body = health(client)

    assert status == 503
    assert body["jobs"]["flag_overdue_reviews"]["ok"] is False


def test_a_job_that_never_succeeded_is_503(client, all_fresh):
    JobRun.objects.filter(job="snapshot_review_metrics").delete()

    status, body = health(client)

    assert status == 503
    assert body["jobs"]["snapshot_review_metrics"] == {
        "ok": False,
        "last_success": None,
        "period_seconds": 86400,
    }


def test_a_recent_failed_run_does_not_count_as_a_success(client, all_fresh):
    JobRun.objects.filter(job="send_review_reminders").delete()
    succeeded("send_review_reminders", ago=datetime.timedelta(minutes=5), succeeded=False)
    succeeded("send_review_reminders", ago=datetime.timedelta(days=3))

    status, body = health(client)

    assert status == 503
    last = body["jobs"]["send_review_reminders"]["last_success"]
    assert when(last) == NOW - datetime.timedelta(days=3)


def test_with_no_job_ever_run_it_is_503(client, db):
    status, body = health(client)

    assert status == 503
    assert all(job["ok"] is False for job in body["jobs"].values())
    assert body["database"]["ok"] is True


def test_an_unreachable_broker_is_503(client, all_fresh, monkeypatch):
    def refused(*args, **kwargs):
        raise ConnectionRefusedError("Connection refused")

    monkeypatch.setattr(celery_app, "connection_for_write", refused)

    status, body = health(client)

    assert status == 503
    assert body["broker"] == {"ok": False, "error": "Connection refused"}
    assert body["database"]["ok"] is True


def test_the_health_check_is_open_to_monitors_and_never_cached(client, all_fresh):
    response = client.get(reverse("healthz"))

    assert response.status_code == 200  # no sign-in
    assert "no-cache" in response["Cache-Control"]
    assert client.post(reverse("healthz")).status_code == 405


def test_each_jobs_period_is_read_from_beats_schedule():
    assert periods() == {
        "send_outbox": datetime.timedelta(minutes=1),
        "flag_overdue_reviews": datetime.timedelta(days=1),
        "assign_reviewers": datetime.timedelta(hours=1),
        "send_review_reminders": datetime.timedelta(days=1),
        "snapshot_review_metrics": datetime.timedelta(days=1),
        "check_reference_links": datetime.timedelta(days=7),
    }


@pytest.mark.parametrize(
    ("schedule", "period"),
    [
        (crontab(minute=0, hour="*/6"), datetime.timedelta(hours=6)),
        (crontab(minute=0, hour="5,7"), datetime.timedelta(hours=22)),  # the longest gap
        (crontab(minute=30, hour=4, day_of_week="mon"), datetime.timedelta(days=7)),
        (datetime.timedelta(minutes=10), datetime.timedelta(minutes=10)),
    ],
)
def test_a_changed_schedule_changes_the_period_health_allows(schedule, period):
    beat = {"nightly": {"task": "reviews.tasks.flag_overdue_reviews", "schedule": schedule}}

    with override_settings(CELERY_BEAT_SCHEDULE=beat):
        assert periods() == {"flag_overdue_reviews": period}


def outgoing(status: str, **fields) -> OutgoingEmail:
    return OutgoingEmail.objects.create(
        to="okafor@stet.example", subject="Review needed", body="…", status=status, **fields
    )


def test_e_mail_that_failed_for_good_makes_the_service_unhealthy(client, all_fresh):
    outgoing(OutgoingEmail.Status.FAILED, last_error="SMTPServerDisconnected")
    outgoing(OutgoingEmail.Status.QUEUED)

    status, body = health(client)

    assert status == 503
    assert body["outbox"] == {"ok": False, "queued": 1, "failed": 1, "stuck": 0}


def test_e_mail_left_mid_send_by_a_dead_process_is_reported_stuck(client, all_fresh):
    outgoing(OutgoingEmail.Status.SENDING, claimed_at=NOW - datetime.timedelta(minutes=20))
    outgoing(OutgoingEmail.Status.SENDING, claimed_at=NOW - datetime.timedelta(minutes=1))

    status, body = health(client)

    assert status == 503
    assert body["outbox"]["stuck"] == 1


def test_anyone_else_sees_only_which_part_is_unwell(client, all_fresh, maria):
    JobRun.objects.filter(job="assign_reviewers").delete()
    OutgoingEmail.objects.create(to="a@example.org", subject="S", body="B", status="failed")

    anonymous = client.get(reverse("healthz"))
    wrong_key = client.get(reverse("healthz"), HTTP_AUTHORIZATION="Bearer guess")
    client.force_login(maria)
    editor = client.get(reverse("healthz"))

    for response in (anonymous, wrong_key, editor):
        assert response.status_code == 503
        assert response.json() == {
            "status": "unhealthy",
            "database": {"ok": True},
            "broker": {"ok": True},
            "jobs": {"ok": False},
            "outbox": {"ok": False},
        }


def test_staff_see_the_details_signed_in(client, all_fresh):
    client.force_login(superuser())

    body = client.get(reverse("healthz")).json()

    assert "assign_reviewers" in body["jobs"]
    assert body["outbox"]["failed"] == 0
