"""The mail server away: the jobs that write e-mail finish, the mail waits in the outbox
with the reason, and goes out once, when the server is back."""

import datetime

import pytest
import time_machine
from aiosmtpd.controller import Controller
from django.conf import settings as django_settings

from core import tasks as core_tasks
from core.models import JobRun, OutgoingEmail
from reviews import tasks
from tests.faults.conftest import free_port
from tests.reviews.cycles.factories import NOW, TODAY, days, due_article

pytestmark = pytest.mark.django_db


class Inbox:
    def __init__(self):
        self.letters = []

    async def handle_DATA(self, server, session, envelope):
        self.letters.append((envelope.rcpt_tos, envelope.content.decode()))
        return "250 OK"


@pytest.fixture
def smtp_port(settings):
    port = free_port()  # nothing listens there until the test starts a server
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 2
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    return port


@pytest.fixture
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def test_jobs_finish_and_their_mail_goes_out_once_the_server_is_back(
    maria, cardiology, okafor, smtp_port, clock, django_capture_on_commit_callbacks
):
    for n in (1, 40):
        due_article(TODAY - days(n), specialty=cardiology, author=maria, title=f"Due {n}")

    with django_capture_on_commit_callbacks(execute=True):
        tasks.flag_overdue_reviews()
        assigned = tasks.assign_reviewers()  # writes okafor's digest; its send fails

    assert assigned == {"assigned": 2, "unassignable": 0}
    assert JobRun.objects.get(job="assign_reviewers").succeeded
    digest = OutgoingEmail.objects.get(to="okafor@stet.example")
    assert digest.status == OutgoingEmail.Status.QUEUED
    assert "Connection refused" in digest.last_error or "ConnectionRefused" in digest.last_error

    inbox = Inbox()
    server = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
    server.start()
    try:
        clock.shift(datetime.timedelta(minutes=5))  # past the retry's backoff
        core_tasks.send_outbox(scheduled=True)  # beat's every-minute sweep
        core_tasks.send_outbox(scheduled=True)  # and the next one
    finally:
        server.stop()

    digest.refresh_from_db()
    assert digest.status == OutgoingEmail.Status.SENT
    assert [to for to, _ in inbox.letters] == [["okafor@stet.example"]]
    assert django_settings.DEFAULT_FROM_EMAIL.split("<")[-1].rstrip(">") in inbox.letters[0][1]
