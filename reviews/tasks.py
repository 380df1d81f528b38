"""Celery tasks: thin wrappers that take ids (or nothing), call a service, and are safe to
run twice. The periodic ones re-derive their work from the database, so a lost or
repeated message heals on the next run; each has a management-command twin."""

import smtplib

from celery import shared_task
from django.db import OperationalError

from core.clock import today
from core.jobs import run_job
from reviews import cycles, notifications

TRANSIENT_ERRORS = (OperationalError, smtplib.SMTPException, ConnectionError, TimeoutError)
RETRY = {
    "acks_late": True,
    "autoretry_for": TRANSIENT_ERRORS,
    "retry_backoff": True,
    "retry_backoff_max": 600,
    "retry_jitter": True,
    "max_retries": 8,
}


@shared_task(soft_time_limit=60, time_limit=90, **RETRY)
def send_event_notifications(event_id: int) -> int:
    return notifications.notifications_send(event_id=event_id)


@shared_task(ignore_result=True, soft_time_limit=1200, time_limit=1500, **RETRY)
def flag_overdue_reviews() -> dict:
    result = run_job("flag_overdue_reviews", lambda: cycles.flag_overdue_reviews(today=today()))
    return {"opened": result.opened}


@shared_task(ignore_result=True, soft_time_limit=600, time_limit=900, **RETRY)
def assign_reviewers() -> dict:
    result = run_job("assign_reviewers", lambda: cycles.assign_reviewers(today=today()))
    return {"assigned": result.assigned_count, "unassignable": len(result.unassignable)}


@shared_task(ignore_result=True, soft_time_limit=600, time_limit=900, **RETRY)
def send_review_reminders() -> dict:
    result = run_job("send_review_reminders", lambda: cycles.send_review_reminders(today=today()))
    return {"emails": result.emails}


@shared_task(ignore_result=True, soft_time_limit=300, time_limit=450, **RETRY)
def snapshot_review_metrics() -> dict:
    rows = run_job("snapshot_review_metrics", lambda: cycles.snapshot_review_metrics(today=today()))
    return {"rows": rows}
