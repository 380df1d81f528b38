"""What every Stet task shares: how it retries. A task is acknowledged only once it has
run (acks_late), so a worker that dies mid-task hands it to another; transient faults
(the database, the mail server, the network) are retried with backoff and jitter."""

import smtplib

from django.db import OperationalError

TRANSIENT_ERRORS = (OperationalError, smtplib.SMTPException, ConnectionError, TimeoutError)
RETRY = {
    "acks_late": True,
    "autoretry_for": TRANSIENT_ERRORS,
    "retry_backoff": True,
    "retry_backoff_max": 600,
    "retry_jitter": True,
    "max_retries": 8,
}
