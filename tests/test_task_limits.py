"""A task a dead worker held is handed out again once the broker's visibility timeout
passes; a task still running past it would be handed to a second worker. So every
task's hard time limit is within it, and the import, the longest, sets it."""

from django.conf import settings

from config.celery import app


def stet_tasks():
    app.loader.import_default_modules()
    return {name: task for name, task in app.tasks.items() if not name.startswith("celery.")}


def test_every_task_finishes_or_is_stopped_before_it_could_be_handed_out_twice():
    timeout = settings.CELERY_VISIBILITY_TIMEOUT
    limits = {
        name: task.time_limit or settings.CELERY_TASK_TIME_LIMIT
        for name, task in stet_tasks().items()
    }

    assert limits, "no tasks found"
    assert max(limits.values()) == settings.LONGEST_TASK_SECONDS, limits
    assert all(limit < timeout for limit in limits.values())


def test_every_task_is_acknowledged_only_once_it_has_run():
    assert {name: task.acks_late for name, task in stet_tasks().items()} == dict.fromkeys(
        stet_tasks(), True
    )
