from celery import current_app
from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from core.jobs import job_health
from core.outbox import outbox_counts


def _database() -> dict:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as error:  # any failure to reach the database is the answer
        return {"ok": False, "error": str(error)}
    return {"ok": True, "vendor": connection.vendor}


def _broker() -> dict:
    try:
        with current_app.connection_for_write() as broker:
            broker.ensure_connection(max_retries=1, timeout=3)
            transport = broker.transport_cls
    except Exception as error:
        return {"ok": False, "error": str(error)}
    return {"ok": True, "transport": str(transport)}


def _may_see_details(request: HttpRequest) -> bool:
    """Job names, error texts and mail counts are for the monitoring (which sends
    HEALTHZ_TOKEN as a bearer key) and for staff, not for anyone who asks."""
    token = settings.HEALTHZ_TOKEN
    sent = request.headers.get("Authorization", "")
    if token and constant_time_compare(sent, f"Bearer {token}"):
        return True
    return request.user.is_authenticated and request.user.is_staff


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """Database, broker, each periodic job's last success (stale after 2× its period) and
    the outbox (mail that failed for good, or was left mid-send by a dead process).
    200 when all is well, 503 otherwise: with the details for the monitoring and staff,
    with only which part is unwell for anyone else."""
    now = timezone.now()
    jobs = {
        job: {
            "ok": health.ok,
            "last_success": health.last_success.isoformat() if health.last_success else None,
            "period_seconds": int(health.period.total_seconds()),
        }
        for job, health in job_health(now=now).items()
    }
    outbox = outbox_counts(now=now)
    outbox["ok"] = not (outbox["failed"] or outbox["stuck"])
    checks = {"database": _database(), "broker": _broker(), "jobs": jobs, "outbox": outbox}
    healthy = checks["database"]["ok"] and checks["broker"]["ok"] and outbox["ok"]
    healthy = healthy and all(job["ok"] for job in jobs.values())
    if not _may_see_details(request):
        checks = {
            "database": {"ok": checks["database"]["ok"]},
            "broker": {"ok": checks["broker"]["ok"]},
            "jobs": {"ok": all(job["ok"] for job in jobs.values())},
            "outbox": {"ok": outbox["ok"]},
        }
    return JsonResponse(
        {"status": "ok" if healthy else "unhealthy", **checks}, status=200 if healthy else 503
    )


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """Stet's 400 page; a body too large to read at all gets a 413 that names the limit
    (anything smaller is read, and a form says which field is too long)."""
    if isinstance(exception, RequestDataTooBig):
        megabytes = settings.DATA_UPLOAD_MAX_MEMORY_SIZE // (1024 * 1024)
        return render(request, "413.html", {"megabytes": megabytes}, status=413)
    return render(request, "400.html", status=400)
