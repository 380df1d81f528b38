"""Imports started from the editorial director's page: the upload is stored, an ImportJob
row records it, and a Celery task (enqueued once the row is committed) works through
the files, recording each file's result on the row as it goes; the page polls the row.

The task is safe to run twice: a finished job is left alone, and a job interrupted
half-way (a worker crash, with acks_late the task is delivered again) carries on with
the files it has no result for. Each file is its own transaction, so what is recorded
as imported is imported, and re-importing a file never duplicates anything anyway.
"""

import logging
import uuid
from functools import partial

from celery.exceptions import SoftTimeLimitExceeded
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.text import get_valid_filename

from accounts.models import Specialty, User
from accounts.roles import Role
from core.errors import DomainError, PermissionDenied
from core.queue import enqueue_after_commit
from core.tasks import TRANSIENT_ERRORS
from transfer.models import ImportJob, ImportJobFile
from transfer.services import catalogue, pages
from transfer.services.batch import (
    CATALOGUE_SUFFIXES,
    PAGE_SUFFIXES,
    FileResult,
    SourceFile,
    import_sources,
    sources_from_zip,
)

logger = logging.getLogger(__name__)

UPLOAD_SUFFIXES = (".zip", *PAGE_SUFFIXES, *CATALOGUE_SUFFIXES)
MAX_UPLOAD_BYTES = 200 * 1024 * 1024
ARTICLES_KEPT = 100  # per file, on the job's page; a JSON export may hold thousands


def import_upload_problem(*, name: str, size: int) -> str | None:
    """Why an uploaded file cannot be imported, before it is stored; None if it can."""
    if not name.lower().endswith(UPLOAD_SUFFIXES):
        return "Upload a .zip of HTML pages, an HTML page, or a Stet JSON export (.json)."
    limit = MAX_UPLOAD_BYTES
    if name.lower().endswith(PAGE_SUFFIXES):
        limit = pages.MAX_PAGE_BYTES
    elif name.lower().endswith(CATALOGUE_SUFFIXES):
        limit = min(MAX_UPLOAD_BYTES, catalogue.MAX_CATALOGUE_BYTES)
    if size > limit:
        return (
            f"{name} is {size / 1024 / 1024:.1f} MB; an upload of this kind is at most "
            f"{limit // 1024 // 1024} MB."
        )
    if size == 0:
        return f"{name} is empty."
    return None


@transaction.atomic
def import_job_create(
    *,
    user: User,
    upload: UploadedFile,
    dry_run: bool = False,
    specialty: Specialty | None = None,
) -> ImportJob:
    """Store the upload and queue its import; the task starts once this commits."""
    if not user.has_role(Role.EDITORIAL_DIRECTOR):
        raise PermissionDenied("Only editorial directors import articles.", code="wrong_role")
    given = upload.name or "upload"
    name = get_valid_filename(given.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]) or "upload"
    problem = import_upload_problem(name=name, size=upload.size or 0)
    if problem:
        raise DomainError(problem, code="bad_upload")
    stored_as = default_storage.save(f"imports/{uuid.uuid4().hex}/{name}", upload)
    job = ImportJob.objects.create(
        started_by=user,
        file_name=name,
        stored_as=stored_as,
        dry_run=dry_run,
        specialty=specialty,
    )
    enqueue_after_commit("transfer.tasks.run_import_job", job.pk)
    return job


def import_job_run(*, job_id: int) -> ImportJob | None:
    """Work through a job's files (the Celery task's body). Idempotent."""
    now = timezone.now()
    claimed = ImportJob.objects.filter(
        pk=job_id, state__in=[ImportJob.State.QUEUED, ImportJob.State.RUNNING]
    ).update(state=ImportJob.State.RUNNING, started_at=Coalesce(F("started_at"), now))
    if not claimed:
        return ImportJob.objects.filter(pk=job_id).first()  # gone, or already finished
    job = ImportJob.objects.select_related("started_by", "specialty").get(pk=job_id)
    try:
        with default_storage.open(job.stored_as, "rb") as stored:
            sources = _sources(job, stored)
            ImportJob.objects.filter(pk=job.pk).update(total=len(sources))
            seen = set(job.files.values_list("name", flat=True))
            import_sources(
                [source for source in sources if source.name not in seen],
                user=job.started_by,
                dry_run=job.dry_run,
                default_specialty=job.specialty,
                on_result=partial(_record, job.pk),
            )
    except FileNotFoundError:
        return _stop(job.pk, "The uploaded file is no longer stored; upload it again.")
    except SoftTimeLimitExceeded:
        return _stop(
            job.pk,
            "The import took too long and was stopped; the files listed were dealt with. "
            "Upload the rest in smaller archives.",
        )
    except Exception as error:  # a bug must still end the job with a message
        if _is_transient(error):
            raise  # the task retries and carries on where this run stopped
        logger.exception("Import job %s stopped", job_id)
        return _stop(job.pk, f"The import stopped on an unexpected error ({type(error).__name__}).")
    ImportJob.objects.filter(pk=job.pk).update(
        state=ImportJob.State.FINISHED, finished_at=timezone.now(), stored_as=""
    )
    _forget_upload(job.stored_as)
    return ImportJob.objects.get(pk=job.pk)


def _sources(job: ImportJob, stored) -> list[SourceFile]:
    if job.file_name.lower().endswith(".zip"):
        return sources_from_zip(stored, label=job.file_name)
    data = stored.read()
    return [SourceFile(name=job.file_name, read=lambda: data)]


def _record(job_id: int, result: FileResult) -> None:
    """Record one file's result and count it. A file already recorded (the task was
    delivered twice) is not counted again."""
    try:
        with transaction.atomic():
            ImportJobFile.objects.create(
                job_id=job_id,
                name=result.name[:1000],
                status=result.status,
                message=result.message,
                articles=[a.as_json() for a in result.articles[:ARTICLES_KEPT]],
                more_articles=max(0, len(result.articles) - ARTICLES_KEPT),
            )
            ImportJob.objects.filter(pk=job_id).update(
                done=F("done") + 1, failed=F("failed") + int(not result.imported)
            )
    except IntegrityError:
        logger.info("Import job %s: %s was already recorded", job_id, result.name)


def _stop(job_id: int, message: str) -> ImportJob:
    ImportJob.objects.filter(pk=job_id).update(
        state=ImportJob.State.FAILED, error=message, finished_at=timezone.now()
    )
    return ImportJob.objects.get(pk=job_id)


def _forget_upload(name: str) -> None:
    try:
        default_storage.delete(name)
    except OSError:  # the job is done either way; a stray file is only storage
        logger.warning("Could not delete the stored upload %s", name)


def _is_transient(error: Exception) -> bool:
    return isinstance(error, TRANSIENT_ERRORS)
