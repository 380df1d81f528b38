"""Celery tasks: thin wrappers that call a service and are safe to run twice. The periodic
ones re-derive their work from the database, so a lost or repeated message heals on the
next run; each has a management-command twin. (E-mail leaves through the outbox's own
task, core.tasks.send_outbox.)"""

from celery import shared_task

from core.clock import today
from core.jobs import run_job
from core.tasks import RETRY
from reviews import cycles


@shared_task(ignore_result=True, soft_time_limit=1200, time_limit=1500, **RETRY)
def flag_overdue_reviews() -> dict:
    result = run_job(
        "flag_overdue_reviews", lambda: cycles.review_cycles_flag_overdue(today=today())
    )
    return {"opened": result.opened}


@shared_task(ignore_result=True, soft_time_limit=600, time_limit=900, **RETRY)
def assign_reviewers() -> dict:
    result = run_job("assign_reviewers", lambda: cycles.review_cycles_auto_assign(today=today()))
    return {"assigned": result.assigned_count, "unassignable": len(result.unassignable)}


@shared_task(ignore_result=True, soft_time_limit=600, time_limit=900, **RETRY)
def send_review_reminders() -> dict:
    result = run_job("send_review_reminders", lambda: cycles.review_cycles_remind(today=today()))
    return {"emails": result.emails}
