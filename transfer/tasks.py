"""The import started from the page, run by a worker: takes the ImportJob's id, is safe to
run twice (the service skips files already recorded, and a finished job is left alone),
is acknowledged only after it ran (acks_late), and retries on transient errors. Its
command twin is `manage.py import_articles`."""

from celery import shared_task

from core.tasks import TRANSIENT_ERRORS
from transfer.services import import_job_run


# The hard limit stays well below the Redis visibility timeout (3600 s), or a long
# import would be delivered to a second worker while the first still runs it.
@shared_task(
    acks_late=True,
    autoretry_for=TRANSIENT_ERRORS,
    retry_backoff=True,
    retry_backoff_max=600,
    retry_jitter=True,
    max_retries=5,
    soft_time_limit=1800,
    time_limit=2100,
    ignore_result=True,
)
def run_import_job(job_id: int) -> None:
    import_job_run(job_id=job_id)
