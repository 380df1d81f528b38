"""A worker killed with SIGKILL in the middle of the overdue sweep: its transaction dies
with it, the broker hands the sweep to another worker once the visibility timeout has
passed (shortened here), and the reviews are opened once each.

Needs PostgreSQL (the worker is a process of its own, on the test database) and Debian's
redis-server (the test's own broker)."""

import datetime
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

from config.celery import app
from reviews import tasks
from reviews.models import ReviewCycle
from tests.faults.conftest import database_url, pg_connect, wait_for
from tests.reviews.cycles.factories import due_article

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="a worker process shares the database"
    ),
]
ROOT = Path(__file__).resolve().parents[2]
# Long past, whatever today is: the worker runs on the real clock.
LONG_AGO = datetime.date(2001, 3, 5)


def start_worker(broker: str) -> subprocess.Popen:
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.base",
        "DATABASE_URL": database_url(),
        "REDIS_URL": broker,
        "CELERY_VISIBILITY_TIMEOUT": "5",
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "SECRET_KEY": "worker-under-test",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo",
         "--without-heartbeat", "--without-gossip", "--without-mingle", "--loglevel=WARNING"],
        cwd=ROOT, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip


def blocked_on_the_cycles(watcher) -> bool:
    row = watcher.execute(
        "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
        "AND query LIKE '%INSERT INTO \"reviews_reviewcycle\"%'"
    ).fetchone()
    return bool(row and row[0])


def test_a_sweep_whose_worker_was_killed_is_redone_once(
    maria, cardiology, okafor, redis_everywhere
):
    articles = [
        due_article(LONG_AGO, specialty=cardiology, author=maria, title=f"Due {n}")
        for n in range(3)
    ]
    broker = f"{redis_everywhere.url}/0"
    app.conf.task_default_queue = "celery"  # the worker process listens on the default

    lock = pg_connect()
    lock.execute("BEGIN")
    lock.execute("LOCK TABLE reviews_reviewcycle IN SHARE MODE")  # the sweep's insert waits
    first = start_worker(broker)
    second = None
    try:
        tasks.flag_overdue_reviews.delay()
        watcher = pg_connect()  # pg_stat_activity is read once per transaction
        ok = wait_for(lambda: blocked_on_the_cycles(watcher), 60)
        watcher.close()
        assert ok, "the sweep never started"

        first.send_signal(signal.SIGKILL)  # mid-sweep: articles locked, cycles not written
        first.wait()
        lock.execute("COMMIT")

        second = start_worker(broker)
        opened = wait_for(lambda: ReviewCycle.objects.count() == len(articles), 120)
        assert opened, "the sweep was not handed to the second worker"
        time.sleep(8)  # past another visibility timeout: nothing is run a second time
        assert ReviewCycle.objects.count() == len(articles)
        assert sorted(ReviewCycle.objects.values_list("article_id", flat=True)) == sorted(
            article.pk for article in articles
        )
    finally:
        for worker in (first, second):
            if worker and worker.poll() is None:
                worker.send_signal(signal.SIGKILL)
                worker.wait()
        lock.close()
        connection.close()
