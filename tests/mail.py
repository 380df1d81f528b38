"""E-mail backends for the tests.

`GuardedBackend` is the suite's backend: Django's in-memory outbox, which fails the
test if a message is sent inside a database transaction (one the test itself did not
open): sending while holding row locks, or before the change it reports is committed,
is the bug the outbox exists to prevent. `MailServerDown` refuses every message, as an
unreachable SMTP server does.
"""

import smtplib

from django.core.mail.backends.locmem import EmailBackend
from django.db import connections
from django.test import TestCase


class SentInsideTransaction(AssertionError):
    pass


class GuardedBackend(EmailBackend):
    def send_messages(self, messages):
        for connection in connections.all(initialized_only=True):
            open_atomics = [
                atomic
                for atomic in connection.atomic_blocks
                if not getattr(atomic, "_from_testcase", False)
            ]
            if open_atomics:
                raise SentInsideTransaction(
                    f"E-mail sent inside a transaction on {connection.alias!r}: "
                    + "; ".join(message.subject for message in messages)
                )
        return super().send_messages(messages)


class MailServerDown(EmailBackend):
    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


def committed(action, *args, **kwargs):
    """Run `action` as if its transaction committed: the after-commit work it asked for
    (the outbox's send, above all) runs, as it would in a real request or task. Tests
    run inside a transaction of their own, which never commits."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return action(*args, **kwargs)
