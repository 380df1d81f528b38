"""The weekly check of reference links: a thin Celery task over the checker, with a
command twin (`manage.py check_reference_links`). Safe to run twice: each run only
overwrites each address's last check, and one cut short is continued by the next."""

from celery import shared_task

from core.jobs import run_job
from core.tasks import RETRY
from encyclopedia.link_checker import reference_links_check


# The checker's own time budget (STET_LINK_CHECK_BUDGET_SECONDS) ends a run well inside
# these limits; they only stop a run that hangs.
@shared_task(ignore_result=True, soft_time_limit=1500, time_limit=1800, **RETRY)
def check_reference_links() -> dict:
    result = run_job("check_reference_links", reference_links_check)
    return {"checked": result.checked, "broken": result.broken}
