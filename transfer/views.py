"""The editorial director's import and export page. Exports stream (a catalogue of
100,000 articles never sits in memory); an import is handed to a Celery task and the
job page shows its progress — polled with htmx, refreshed by the page itself without
JavaScript. Every refusal is a message on the page, never a 500."""

import datetime

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from accounts.decorators import role_required
from accounts.roles import Role
from core.clock import today
from core.errors import DomainError
from transfer import selectors, services
from transfer.forms import ExportForm, ImportForm
from transfer.models import ImportJob

DIRECTORS = Role.EDITORIAL_DIRECTOR


def _index(request: HttpRequest, *, import_form=None, export_form=None) -> HttpResponse:
    return render(
        request,
        "transfer/index.html",
        {
            "import_form": import_form or ImportForm(),
            "export_form": export_form or ExportForm(),
            "jobs": selectors.import_job_list_recent(),
        },
    )


@role_required(DIRECTORS)
@require_safe
def index(request: HttpRequest) -> HttpResponse:
    return _index(request)


@role_required(DIRECTORS)
@require_safe
def export(request: HttpRequest) -> HttpResponse:
    form = ExportForm(request.GET or {"format": "csv"})
    if not form.is_valid():
        messages.error(request, "Choose JSON or CSV, and a real date (YYYY-MM-DD) for “since”.")
        return _index(request, export_form=form)
    fmt = form.cleaned_data["format"]
    since: datetime.date | None = form.cleaned_data["since"]
    if fmt == "json":
        chunks = services.catalogue_json_chunks(since=since)
        content_type = "application/json"
    else:
        chunks = services.catalogue_csv_chunks(since=since)
        content_type = "text/csv; charset=utf-8"
    name = f"stet-catalogue-{today()}" + (f"-since-{since}" if since else "") + f".{fmt}"
    response = StreamingHttpResponse(chunks, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@role_required(DIRECTORS)
@require_POST
def import_start(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            job = services.import_job_create(
                user=request.user,
                upload=form.cleaned_data["upload"],
                dry_run=form.cleaned_data["dry_run"],
                specialty=form.cleaned_data["specialty"],
            )
        except DomainError as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(
                request,
                f"{job.file_name} is being imported"
                + (" as a dry run (nothing will change)" if job.dry_run else "")
                + ". You can leave this page: the import carries on.",
            )
            return redirect(job)
    return _index(request, import_form=form)


def _job_or_404(job_id: int) -> ImportJob:
    job = selectors.import_job_get(job_id=job_id)
    if job is None:
        raise Http404("No such import.")
    return job


def _job_context(job: ImportJob) -> dict:
    files = selectors.import_job_files_to_show(job=job)
    return {"job": job, "results": files, "hidden": job.done - len(files)}


@role_required(DIRECTORS)
@require_safe
@never_cache
def job(request: HttpRequest, job_id: int) -> HttpResponse:
    return render(request, "transfer/job.html", _job_context(_job_or_404(job_id)))


@role_required(DIRECTORS)
@require_safe
@never_cache
def job_progress(request: HttpRequest, job_id: int) -> HttpResponse:
    return render(request, "transfer/_progress.html", _job_context(_job_or_404(job_id)))
