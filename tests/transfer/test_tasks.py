"""The import task: takes the job's id, is enqueued only once the job is committed,
leaves a finished job alone, carries on an interrupted one where it stopped, lets
transient database errors through for Celery to retry, and ends any other failure
with a message on the job."""

import io
import zipfile

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import OperationalError

from encyclopedia.models import Article
from reviews.models import AuditEvent
from tests.transfer.factories import page
from transfer import services, tasks
from transfer.models import ImportJob

pytestmark = pytest.mark.django_db


def three_pages() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for number, title in [
            ("000501", "Gallstones"),
            ("000502", "Heartburn"),
            ("000503", "Hiccups"),
        ]:
            archive.writestr(f"{number}.html", page(number=number, title=title))
    return buffer.getvalue()


@pytest.fixture
def job(brenda, django_capture_on_commit_callbacks) -> ImportJob:
    """A queued import of three pages, its task not run yet."""
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        job = services.import_job_create(
            user=brenda, upload=SimpleUploadedFile("pages.zip", three_pages())
        )
    assert len(callbacks) == 1
    return job


def test_the_task_is_enqueued_only_when_the_job_is_committed(job):
    job.refresh_from_db()
    assert job.state == "queued" and not Article.objects.exists()
    assert default_storage.exists(job.stored_as)


def test_the_task_imports_every_file_and_running_it_again_changes_nothing(job):
    stored = job.stored_as

    tasks.run_import_job.delay(job.pk)

    job.refresh_from_db()
    assert (job.state, job.done, job.total, job.failed) == ("finished", 3, 3, 0)
    assert job.stored_as == "" and not default_storage.exists(stored)
    events = AuditEvent.objects.count()

    tasks.run_import_job.delay(job.pk)  # delivered twice (acks_late after a crash)

    job.refresh_from_db()
    assert (job.state, job.done, job.files.count()) == ("finished", 3, 3)
    # Each page's publish and its import: nothing more the second time.
    assert AuditEvent.objects.count() == events == 6


def test_an_interrupted_job_carries_on_with_the_files_it_has_no_result_for(job):
    # The first run recorded one file, then its worker died.
    ImportJob.objects.filter(pk=job.pk).update(state="running", total=3, done=1)
    job.files.create(name="000501.html", status="imported", message="000501.html: created")

    tasks.run_import_job(job.pk)

    job.refresh_from_db()
    assert (job.state, job.done, [f.name for f in job.files.order_by("pk")]) == (
        "finished",
        3,
        ["000501.html", "000502.html", "000503.html"],
    )
    assert sorted(Article.objects.values_list("number", flat=True)) == ["000502", "000503"]


def test_a_transient_database_error_is_left_for_the_task_to_retry(job, monkeypatch):
    def unavailable(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr("transfer.services.jobs.import_sources", unavailable)

    with pytest.raises(OperationalError):
        services.import_job_run(job_id=job.pk)
    job.refresh_from_db()
    assert job.state == "running" and job.stored_as  # the retry starts from here


def test_any_other_failure_ends_the_job_with_a_message(job, monkeypatch):
    def broken(*args, **kwargs):
        raise KeyError("bug")

    monkeypatch.setattr("transfer.services.jobs.import_sources", broken)

    services.import_job_run(job_id=job.pk)

    job.refresh_from_db()
    assert job.state == "failed"
    assert job.error == "The import stopped on an unexpected error (KeyError)."


def test_a_job_whose_upload_is_gone_stops_with_a_message(job):
    default_storage.delete(job.stored_as)

    services.import_job_run(job_id=job.pk)

    job.refresh_from_db()
    assert (job.state, job.error) == (
        "failed",
        "The uploaded file is no longer stored; upload it again.",
    )


def test_a_job_that_no_longer_exists_is_ignored():
    assert services.import_job_run(job_id=12345) is None


def test_the_task_is_acknowledged_late_and_retries_transient_errors_with_backoff():
    task = tasks.run_import_job
    assert task.acks_late is True
    assert OperationalError in task.autoretry_for
    assert task.retry_backoff and task.max_retries == 5
    assert task.time_limit < 3600  # below the Redis visibility timeout
