"""The nightly metrics snapshot: the day's schedule figures, overall and per specialty,
kept so the dashboard's trend reads them instead of replaying a year of history."""

import datetime

from django.db import transaction
from django.db.models import Count

from encyclopedia.models import Article, ReviewPolicy
from reporting.figures import schedule_buckets
from reporting.models import MetricSnapshot
from reviews.models import ReviewCycle


@transaction.atomic
def metric_snapshot_record(*, today: datetime.date) -> int:
    """Record today's counts, overall and per specialty. Re-running replaces the day's rows."""
    buckets = schedule_buckets(today=today, due_soon_days=ReviewPolicy.current().due_soon_days)
    published = Article.objects.published()
    open_cycles = dict(
        ReviewCycle.objects.open()
        .values_list("article__specialty_id")
        .annotate(n=Count("pk"))
        .values_list("article__specialty_id", "n")
    )
    rows = [
        MetricSnapshot(day=today, specialty=None, **published.aggregate(**buckets),
                       open_cycles=sum(open_cycles.values()))
    ]  # fmt: skip
    for row in published.values("specialty_id").annotate(**buckets).order_by("specialty_id"):
        specialty_id = row.pop("specialty_id")
        rows.append(
            MetricSnapshot(
                day=today,
                specialty_id=specialty_id,
                open_cycles=open_cycles.get(specialty_id, 0),
                **row,
            )
        )
    MetricSnapshot.objects.filter(day=today).delete()
    MetricSnapshot.objects.bulk_create(rows)
    return len(rows)
