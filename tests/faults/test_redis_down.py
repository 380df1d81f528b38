"""Redis away (it is both the broker and the cache): every page and API call still
commits and answers, the e-mail it queued waits in the outbox, /healthz says the broker
is down, and once Redis is back the every-minute sweep sends each letter exactly once."""

import pytest
from celery.contrib.testing.worker import start_worker
from django.core import mail
from django.db import connection
from django.urls import reverse

from api.services import api_token_create
from config.celery import app
from core.models import JobRun, OutgoingEmail
from encyclopedia.models import Revision
from reviews import services
from tests.api.clients import ME, bearer
from tests.faults.conftest import wait_for
from tests.reporting.factories import ARTICLES, DASHBOARD, get_page, headline_figures, text
from tests.reviews.factories import draft_change, live_article, submitted_revision

QUEUED = OutgoingEmail.Status.QUEUED
SENT = OutgoingEmail.Status.SENT


@pytest.mark.django_db
def test_pages_and_the_api_work_while_redis_is_down(
    client, maria, okafor, dugdale, brenda, cardiology, redis_everywhere,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    article = live_article(specialty=cardiology, author=maria)
    draft = draft_change(article, editor=maria)
    key = api_token_create(user=brenda, name="Reports").key
    redis_everywhere.kill()

    client.force_login(maria)
    with django_capture_on_commit_callbacks(execute=True):
        submitted = client.post(
            reverse("reviews:revision-submit", args=[draft.pk]),
            {"kind": "update", "change_summary": "2025 guideline: anticoagulants"},
        )
    api = bearer(key)
    me, articles = api.get(ME), api.get("/api/v1/articles/")
    health = client.get("/healthz")

    assert submitted.status_code == 302
    assert Revision.objects.get(pk=draft.pk).state == Revision.State.IN_REVIEW
    assert OutgoingEmail.objects.filter(status=QUEUED, to="okafor@stet.example").exists()
    assert mail.outbox == []
    assert (me.status_code, articles.status_code) == (200, 200)
    assert health.status_code == 503
    assert health.json()["broker"]["ok"] is False


@pytest.mark.django_db
def test_the_directors_figures_are_counted_live_while_redis_is_down(
    client, maria, brenda, cardiology, redis_everywhere
):
    angina, _ = (
        live_article(specialty=cardiology, author=maria, title=title)
        for title in ("Angina", "Bradycardia")
    )
    client.force_login(brenda)
    assert headline_figures(get_page(client, DASHBOARD))["Published"][0] == 2  # kept
    redis_everywhere.kill()

    services.article_retire(article=angina, director=brenda, reason="Merged into Chest pain")

    # Neither the kept figures nor the generation can be read: the figures are counted.
    assert headline_figures(get_page(client, DASHBOARD))["Published"][0] == 1
    assert text(get_page(client, ARTICLES).select_one("h1 .muted")) == "1"


@pytest.fixture
def worker(redis_everywhere):
    """A real worker on the test's broker: started once Redis is back (it needs a broker
    to start)."""

    def start():
        return start_worker(
            app,
            pool="solo",
            perform_ping_check=False,
            queues=[app.conf.task_default_queue],
            shutdown_timeout=10,
        )

    return start


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_mail_queued_while_redis_was_down_goes_out_once_when_it_is_back(
    maria, okafor, dugdale, brenda, cardiology, redis_everywhere, worker
):
    article = live_article(specialty=cardiology, author=maria)
    redis_everywhere.kill()

    submitted_revision(article, editor=maria)  # its kick after commit finds no broker
    waiting = list(OutgoingEmail.objects.values_list("pk", flat=True))
    assert waiting and set(OutgoingEmail.objects.values_list("status", flat=True)) == {QUEUED}

    redis_everywhere.start()
    with worker():
        # What beat sends every minute; sent twice, as an overlapping second beat would.
        app.tasks["core.tasks.send_outbox"].delay(scheduled=True)
        app.tasks["core.tasks.send_outbox"].delay(scheduled=True)
        assert wait_for(lambda: not OutgoingEmail.objects.filter(status=QUEUED).exists())
        # Both runs finished (each records its run), so a second send would show by now.
        finished = JobRun.objects.filter(job="send_outbox", finished_at__isnull=False)
        assert wait_for(lambda: finished.count() == 2, 10)
    assert len(mail.outbox) == len(waiting)

    assert sorted(OutgoingEmail.objects.filter(status=SENT).values_list("pk", flat=True)) == sorted(
        waiting
    )
    assert sorted(letter.to[0] for letter in mail.outbox) == sorted(
        OutgoingEmail.objects.values_list("to", flat=True)
    )
    connection.close()
