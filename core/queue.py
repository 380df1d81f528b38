"""Handing work to the Celery workers, by task name.

Services ask for work after their transaction commits, by name, so no service imports
the tasks that call services (no import circle). If the broker cannot be reached the
request is logged and dropped: the data is committed, and every task enqueued this way
has a periodic twin that finds the work in the database on its next run.
"""

import logging
from functools import partial

from celery import current_app
from django.db import transaction
from kombu.exceptions import OperationalError as BrokerError

logger = logging.getLogger(__name__)
BROKER_ERRORS = (BrokerError, ConnectionError, TimeoutError, OSError)


def enqueue(task_name: str, *args) -> None:
    """Send the task `task_name` now; log instead of failing if the broker is down."""
    tasks = current_app.tasks
    if task_name not in tasks:
        # A web process has not imported every app's tasks module yet.
        current_app.loader.import_default_modules()
    try:
        tasks[task_name].delay(*args)
    except BROKER_ERRORS as error:
        logger.warning("Could not enqueue %s%s (%s); its periodic run will catch up.",
                       task_name, args, error)  # fmt: skip


def enqueue_after_commit(task_name: str, *args) -> None:
    """Send the task once the current transaction commits (at once outside one)."""
    transaction.on_commit(partial(enqueue, task_name, *args))
