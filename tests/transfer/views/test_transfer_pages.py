"""The editorial director's import and export page: streamed downloads, an upload that
is imported by a task, and a progress page that updates itself (htmx, or a meta refresh
without JavaScript). Everyone else is refused with a clear 403."""

import csv
import io
import json
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import StreamingHttpResponse
from django.urls import reverse

from encyclopedia.models import Article
from tests.transfer.factories import build_catalogue, page, snapshot
from transfer.models import ImportJob
from transfer.services import catalogue_json

pytestmark = pytest.mark.django_db
INDEX = reverse("transfer:index")
EXPORT = reverse("transfer:export")
UPLOAD = reverse("transfer:import-start")


def zipped(**files: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name.replace("__", "."), data)
    return buffer.getvalue()


def upload(client, name: str, data: bytes, **fields):
    return client.post(UPLOAD, {"upload": SimpleUploadedFile(name, data), **fields})


@pytest.fixture
def director(client, brenda):
    client.force_login(brenda)
    return brenda


# --- Who may ------------------------------------------------------------------------------


def test_the_page_is_for_editorial_directors(client, brenda):
    client.force_login(brenda)

    page_html = client.get(INDEX).content.decode()

    assert "Import and export" in page_html
    assert 'enctype="multipart/form-data"' in page_html
    assert f'href="{EXPORT}?format=csv"' in page_html


@pytest.mark.parametrize("url", [INDEX, EXPORT, f"{EXPORT}?format=json"])
def test_editors_and_people_without_a_role_are_refused_with_a_reason(client, maria, charlie, url):
    for person in (maria, charlie):
        client.force_login(person)
        response = client.get(url)
        assert response.status_code == 403
        assert "This page is for the editorial director role." in response.content.decode()


def test_signing_in_is_asked_of_anonymous_visitors(client):
    response = client.get(EXPORT)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_only_directors_start_imports(client, maria):
    client.force_login(maria)

    response = upload(client, "page.html", page())

    assert response.status_code == 403
    assert not ImportJob.objects.exists()


# --- Downloads ---------------------------------------------------------------------------------


def test_the_csv_download_is_streamed(client, director):
    build_catalogue()

    response = client.get(EXPORT, {"format": "csv"})

    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="stet-catalogue-2026-11-27.csv"'
    )
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 1 + 8
    assert rows[0][0] == "number" and rows[-1][0] == "002321"


def test_the_json_download_is_the_lossless_export(client, director):
    build_catalogue()

    response = client.get(EXPORT, {"format": "json", "since": "2026-11-01"})

    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Disposition"].endswith('-since-2026-11-01.json"')
    text = b"".join(response.streaming_content).decode()
    assert text == catalogue_json()
    assert len(json.loads(text)["articles"]) == 8


@pytest.mark.parametrize("query", [{"format": "xml"}, {"format": "csv", "since": "2026-02-30"}])
def test_a_bad_download_request_is_a_message_not_an_error(client, director, query):
    response = client.get(EXPORT, query)

    assert response.status_code == 200
    assert "Choose JSON or CSV, and a real date" in response.content.decode()


# --- Imports --------------------------------------------------------------------------------


def test_an_uploaded_zip_is_imported_by_the_task_and_its_progress_shown(
    client, director, pages_dir, django_capture_on_commit_callbacks
):
    archive = zipped(
        **{
            "atrial-fibrillation__html": (pages_dir / "atrial-fibrillation.html").read_bytes(),
            "000184__htm": (pages_dir / "000184.htm").read_bytes(),
            "page-3__html": page(number="000777", review_date="2/30/2026"),
        }
    )
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = upload(client, "pages.zip", archive)

    job = ImportJob.objects.get()
    # The task is enqueued once, when the job row is committed (the other callbacks drop
    # the readers' cached pages of the articles imported).
    enqueued = [
        c for c in callbacks if getattr(c, "args", ())[:1] == ("transfer.tasks.run_import_job",)
    ]
    assert len(enqueued) == 1
    assert response.status_code == 302 and response["Location"] == job.get_absolute_url()
    job.refresh_from_db()
    assert (job.state, job.total, job.done, job.failed) == ("finished", 3, 3, 1)
    assert job.started_by == director and job.stored_as == ""
    files = list(job.files.order_by("pk"))
    assert [f.status for f in files] == ["imported", "imported", "failed"]
    assert files[2].message.startswith("page-3.html line ")
    articles = Article.objects.order_by("number")
    assert list(articles.values_list("number", flat=True)) == ["000184", "002321"]
    assert articles[0].history.order_by("-history_id").first().history_user == director

    page_html = client.get(job.get_absolute_url()).content.decode()
    assert '<progress id="import-progress-bar" max="100" value="100">' in page_html
    assert "2 of 3 files imported; 1 refused and changed nothing" in page_html
    assert "Review Date &#x27;2/30/2026&#x27; is not a real date" in page_html
    assert "hx-trigger" not in page_html and 'http-equiv="refresh"' not in page_html


def test_an_uploaded_json_export_is_imported(client, director, django_capture_on_commit_callbacks):
    build_catalogue()
    text = catalogue_json().encode()

    with django_capture_on_commit_callbacks(execute=True):
        upload(client, "catalogue.json", text)

    result = ImportJob.objects.get().files.get()
    assert result.message == "catalogue.json: 1 skipped, 7 unchanged"
    assert len(result.articles) == 8


def test_a_dry_run_upload_reports_and_changes_nothing(
    client, director, pages_dir, django_capture_on_commit_callbacks
):
    data = (pages_dir / "000184.htm").read_bytes()
    before = snapshot()

    with django_capture_on_commit_callbacks(execute=True):
        upload(client, "000184.htm", data, dry_run="on")

    job = ImportJob.objects.get()
    assert job.dry_run and job.state == "finished"
    assert "would be created" in job.files.get().message
    assert snapshot() == before
    page_html = client.get(job.get_absolute_url()).content.decode()
    assert "Dry run finished: nothing was changed." in page_html


def test_pages_go_to_the_chosen_specialty(
    client, director, cardiology, pages_dir, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        upload(
            client, "000184.htm", (pages_dir / "000184.htm").read_bytes(), specialty=cardiology.pk
        )

    assert Article.objects.get().specialty == cardiology


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("notes.txt", b"hello", "Upload a .zip of HTML pages, an HTML page, or a Stet JSON export"),
        (
            "page.html",
            b"x" * (3 * 1024 * 1024),
            "page.html is 3.0 MB; an upload of this kind is at most 2 MB",
        ),
        ("empty.zip", b"", "The submitted file is empty."),
    ],
)
def test_an_upload_that_cannot_be_imported_is_refused_on_the_form(
    client, director, name, data, message
):
    response = upload(client, name, data)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ImportJob.objects.exists()


def test_a_corrupt_zip_ends_the_job_with_the_reason(
    client, director, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, "pages.zip", b"PK\x03\x04 not really a zip")

    job = ImportJob.objects.get()
    assert (job.state, job.failed) == ("finished", 1)
    assert job.files.get().message == "pages.zip: is not a readable .zip archive"


def test_a_running_import_polls_its_progress_and_reloads_itself_without_javascript(
    client, director
):
    job = ImportJob.objects.create(
        started_by=director,
        file_name="pages.zip",
        state=ImportJob.State.RUNNING,
        total=4,
        done=1,
    )
    job.files.create(name="a.html", status="imported", message="a.html: created")
    progress_url = reverse("transfer:job-progress", args=[job.pk])

    page_html = client.get(job.get_absolute_url()).content.decode()
    fragment = client.get(progress_url, HTTP_HX_REQUEST="true").content.decode()

    assert f'hx-get="{progress_url}" hx-trigger="every 1s" hx-swap="outerHTML"' in page_html
    assert '<noscript><meta http-equiv="refresh" content="2"></noscript>' in page_html
    assert fragment.lstrip().startswith('<div id="import-progress"')
    assert "<html" not in fragment
    assert '<progress id="import-progress-bar" max="100" value="25">' in fragment
    assert "1 of 4 files" in fragment and "a.html: created" in fragment
    assert "Reload" in fragment


def test_while_an_import_runs_its_page_lists_the_refusals_and_the_latest_files(client, director):
    job = ImportJob.objects.create(
        started_by=director, file_name="pages.zip", state="running", total=40, done=30, failed=1
    )
    job.files.create(name="early-refusal.html", status="failed", message="early: refused")
    for n in range(29):
        job.files.create(name=f"page-{n}.html", status="imported", message=f"page-{n}: created")

    fragment = client.get(reverse("transfer:job-progress", args=[job.pk])).content.decode()

    assert "early: refused" in fragment and "page-28: created" in fragment
    assert "page-18: created" not in fragment  # not among the latest ten
    assert "19 more files not shown while the import runs" in fragment


def test_the_progress_of_an_unknown_import_is_a_404(client, director):
    assert client.get(reverse("transfer:job-progress", args=[999])).status_code == 404


def test_recent_imports_are_listed(client, director):
    ImportJob.objects.create(started_by=director, file_name="pages.zip", total=2, done=2)

    assert "pages.zip" in client.get(INDEX).content.decode()
