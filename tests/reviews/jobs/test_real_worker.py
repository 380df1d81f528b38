"""The overdue job run by a real Celery worker, through the configured broker: Redis in
CI (REDIS_URL), the embedded filesystem broker locally."""

import datetime
import time

import pytest
from celery.contrib.testing.worker import start_worker
from django.db import connection

from config.celery import app
from reviews import tasks
from reviews.models import ReviewCycle
from tests.encyclopedia.factories import published_article

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def real_worker():
    app.conf.task_always_eager = False
    # A queue of its own, so no other worker (a developer's `make run`) takes the task,
    # and nothing left over from an earlier run is consumed.
    queue = f"stet-test-{time.monotonic_ns()}"
    app.conf.task_default_queue = queue
    try:
        with start_worker(
            app, pool="solo", perform_ping_check=False, queues=[queue], shutdown_timeout=10
        ) as worker:
            yield worker
    finally:
        app.conf.task_always_eager = True
        app.conf.task_default_queue = "celery"


def wait_for(condition, seconds: float = 30.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def test_a_real_worker_flags_overdue_articles_through_the_broker(maria, cardiology, real_worker):
    overdue = published_article(
        title="Overdue", author=maria, specialty=cardiology, reviewed_on=datetime.date(2020, 1, 6)
    )
    current = published_article(
        title="Current", author=maria, specialty=cardiology, reviewed_on=datetime.date.today()
    )

    tasks.flag_overdue_reviews.delay()

    assert wait_for(lambda: ReviewCycle.objects.filter(article=overdue).exists())
    assert not ReviewCycle.objects.filter(article=current).exists()
    assert ReviewCycle.objects.count() == 1
    connection.close()
