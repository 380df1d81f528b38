"""The outbox: the one way e-mail leaves Stet. Rows are written with the change they
report, sent after the commit outside any transaction, each row at most once, and a
failed send waits and is retried."""

import ast
import datetime
from pathlib import Path

import pytest
from django.core import mail
from django.core.mail import send_mail
from django.db import transaction

from core.models import OutgoingEmail
from core.outbox import Letter, outbox_queue, outbox_requeue, outbox_send
from tests.mail import SentInsideTransaction, committed

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent
APPS = ["core", "accounts", "encyclopedia", "reviews", "reporting", "api", "transfer", "demo"]
Status = OutgoingEmail.Status


def queue(*addresses: str) -> list[OutgoingEmail]:
    return outbox_queue([Letter(to, f"Subject for {to}", "Body") for to in addresses])


def test_no_code_but_the_outbox_sends_mail():
    """One sender: nothing in Stet imports Django's mail API except the outbox."""
    senders = []
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = []
                if isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module]
                elif isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                if any(name.startswith("django.core.mail") for name in names):
                    senders.append(str(path.relative_to(ROOT)))
    assert senders == ["core/outbox.py"]


def test_the_suite_fails_a_send_inside_a_transaction():
    with pytest.raises(SentInsideTransaction), transaction.atomic():
        send_mail("Locked", "Body", "stet@localhost", ["okafor@stet.example"])


def test_queued_mail_is_sent_only_after_the_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        with transaction.atomic():
            queue("okafor@stet.example")
        assert mail.outbox == []

    for callback in callbacks:
        callback()

    assert [m.to for m in mail.outbox] == [["okafor@stet.example"]]
    assert OutgoingEmail.objects.get().status == Status.SENT


def test_a_rolled_back_change_leaves_nothing_to_send():
    with pytest.raises(RuntimeError), transaction.atomic():
        queue("okafor@stet.example")
        raise RuntimeError("the change failed")

    assert not OutgoingEmail.objects.exists()
    assert outbox_send() == 0


def test_each_row_is_sent_once_however_many_senders_run():
    committed(queue, "okafor@stet.example", "brenda@stet.example")

    assert outbox_send() == 0  # the kick after the commit sent both
    assert len(mail.outbox) == 2
    assert set(OutgoingEmail.objects.values_list("status", "attempts")) == {(Status.SENT, 1)}


def test_a_row_another_sender_claimed_is_left_to_it():
    (row,) = queue("okafor@stet.example")
    OutgoingEmail.objects.filter(pk=row.pk).update(status=Status.SENDING)

    assert outbox_send() == 0
    assert mail.outbox == []


def test_a_failed_send_waits_with_backoff_and_goes_out_on_a_later_attempt(settings):
    settings.EMAIL_BACKEND = "tests.mail.MailServerDown"
    (row,) = queue("okafor@stet.example")

    assert outbox_send() == 0
    row.refresh_from_db()
    assert (row.status, row.attempts) == (Status.QUEUED, 1)
    assert row.last_error == "SMTPServerDisconnected: Connection unexpectedly closed"
    assert outbox_send() == 0  # not due yet: it waits a minute first

    settings.EMAIL_BACKEND = "tests.mail.GuardedBackend"
    assert outbox_send(now=row.next_attempt_at + datetime.timedelta(seconds=1)) == 1
    row.refresh_from_db()
    assert (row.status, row.attempts, row.last_error) == (Status.SENT, 2, "")
    assert len(mail.outbox) == 1


def test_after_its_last_attempt_a_failing_e_mail_is_marked_failed(settings):
    settings.EMAIL_BACKEND = "tests.mail.MailServerDown"
    (row,) = queue("okafor@stet.example")
    OutgoingEmail.objects.filter(pk=row.pk).update(attempts=7)

    outbox_send()

    row.refresh_from_db()
    assert (row.status, row.attempts) == (Status.FAILED, 8)


def test_a_person_can_send_failed_mail_again():
    (row,) = queue("okafor@stet.example")
    OutgoingEmail.objects.filter(pk=row.pk).update(status=Status.FAILED, attempts=8)

    assert committed(outbox_requeue, ids=[row.pk]) == 1

    row.refresh_from_db()
    assert row.status == Status.SENT
    assert len(mail.outbox) == 1


def test_a_letter_to_nobody_is_kept_as_not_sent_with_the_reason():
    (row,) = committed(queue, "")

    assert (row.status, row.last_error) == (Status.CANCELLED, "No e-mail address.")
    assert mail.outbox == []
