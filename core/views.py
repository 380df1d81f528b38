from celery import current_app
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from core.jobs import last_successes, periods
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


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """Database, broker, each periodic job's last success (stale after 2× its period) and
    the outbox (mail that failed for good, or was left mid-send by a dead process).
    200 when all is well, 503 otherwise, with the details either way."""
    now = timezone.now()
    every = periods()
    jobs = {}
    for job, last in last_successes().items():
        stale = last is None or now - last > 2 * every[job]
        jobs[job] = {
            "ok": not stale,
            "last_success": last.isoformat() if last else None,
            "period_seconds": int(every[job].total_seconds()),
        }
    outbox = outbox_counts(now=now)
    outbox["ok"] = not (outbox["failed"] or outbox["stuck"])
    checks = {"database": _database(), "broker": _broker(), "jobs": jobs, "outbox": outbox}
    healthy = checks["database"]["ok"] and checks["broker"]["ok"] and outbox["ok"]
    healthy = healthy and all(job["ok"] for job in jobs.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unhealthy", **checks}, status=200 if healthy else 503
    )
