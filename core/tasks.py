"""What every Stet task shares: how it retries (a task is acknowledged only once it has
run, so a worker that dies mid-task hands it to another; transient faults of the
database, the mail server or the network are retried with backoff and jitter), and the
outbox's sender, which every e-mail goes through."""

import smtplib

from celery import shared_task
from django.db import InterfaceError, OperationalError

from core.jobs import run_job
from core.outbox import outbox_send, outbox_send_calls

TRANSIENT_ERRORS = (
    OperationalError,
    InterfaceError,
    smtplib.SMTPException,
    ConnectionError,
    TimeoutError,
)
RETRY = {
    "acks_late": True,
    "autoretry_for": TRANSIENT_ERRORS,
    "retry_backoff": True,
    "retry_backoff_max": 600,
    "retry_jitter": True,
    "max_retries": 8,
}


# Kicked after each commit that queued mail (with its rows' ids), and run every minute
# by beat (`scheduled`,
# recorded as a job run) for whatever a lost kick or an outage left behind. The two
# overlap harmlessly: each row is claimed before it is sent.
@shared_task(ignore_result=True, soft_time_limit=240, time_limit=300, **RETRY)
def send_outbox(ids: list[int] | None = None, scheduled: bool = False) -> int:
    if scheduled:
        return run_job("send_outbox", _send_everything)
    return outbox_send(ids=ids)


def _send_everything() -> dict:
    return {"emails": outbox_send(), "calls": outbox_send_calls()}


# Kicked after each commit that queued a call (the every-minute run above sweeps up).
@shared_task(ignore_result=True, soft_time_limit=240, time_limit=300, **RETRY)
def send_outbox_calls(ids: list[int]) -> int:
    return outbox_send_calls(ids=ids)
