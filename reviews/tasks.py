"""Celery tasks: thin, idempotent, taking ids, retried with backoff on transient errors."""

import smtplib

from celery import shared_task
from django.db import OperationalError

from reviews import notifications

TRANSIENT_ERRORS = (OperationalError, smtplib.SMTPException, ConnectionError, TimeoutError)


@shared_task(
    acks_late=True,
    autoretry_for=TRANSIENT_ERRORS,
    retry_backoff=True,
    retry_backoff_max=600,
    retry_jitter=True,
    max_retries=8,
    soft_time_limit=60,
    time_limit=90,
)
def send_event_notifications(event_id: int) -> int:
    return notifications.notifications_send(event_id=event_id)
