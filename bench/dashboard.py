"""How fast the staff pages render on a realistic encyclopedia: the director's
dashboard and lists, the review cycles, the audit report, an article's history and a
reviewer's queue, over 100,000 published articles, 1,000,000 article history rows, open
review cycles, 60 reviewers and a year of daily snapshots.

    .venv/bin/python bench/dashboard.py [N]      (default: 100000)

Runs on whatever database DATABASE_URL names, in a database of its own. Renders each
page through Django's test client (the whole stack but the network), 20 times, and
prints the median, the 95th percentile and the number of queries as `name: value unit`
lines.
"""

import datetime
import statistics
import sys
import time

from _setup import (
    TODAY,
    BenchDatabase,
    analyse,
    build_catalogue,
    build_reviewers,
    database_label,
    report,
)
from django.contrib.auth.models import Group
from django.db import connection
from django.db.models import Count, F
from django.test import Client
from django.test.utils import CaptureQueriesContext, setup_test_environment
from django.utils import timezone

from accounts.models import User
from core.db import insert_history_from_select
from encyclopedia.models import Article
from reporting.models import MetricSnapshot
from reporting.snapshots import metric_snapshot_record
from reviews import cycles
from reviews.models import ReviewCycle

HISTORY_ROWS_PER_ARTICLE = 10
RUNS = 20


def build_history(count: int) -> None:
    """Ten history rows per article, spread over the last ten years, written by the
    database itself."""
    for years_ago in range(HISTORY_ROWS_PER_ARTICLE):
        insert_history_from_select(
            Article,
            Article.objects.all(),
            user_id=None,
            reason="Benchmark history",
            date=timezone.now() - datetime.timedelta(days=365 * years_ago + 1),
            history_type="~" if years_ago else "+",
        )


def build_review_work() -> None:
    """Open cycles for the overdue articles, most of them assigned; some completed in
    the last 90 days; a year of daily snapshots."""
    cycles.review_cycles_flag_overdue(today=TODAY)
    cycles.review_cycles_auto_assign(today=TODAY)
    done = list(ReviewCycle.objects.open().values_list("pk", flat=True)[::7])
    ReviewCycle.objects.filter(pk__in=done).update(
        state=ReviewCycle.State.COMPLETED,
        outcome=ReviewCycle.Outcome.RECERTIFIED,
        closed_at=F("opened_at") + datetime.timedelta(days=12),
    )
    # Today's snapshot for real, and the year before it copied from it (the trend chart
    # reads rows; how they were counted is the nightly job's cost, not the page's).
    metric_snapshot_record(today=TODAY)
    today_rows = list(MetricSnapshot.objects.filter(day=TODAY))
    past = []
    for day in range(1, 365):
        for row in today_rows:
            row.pk = None
            past.append(
                MetricSnapshot(
                    **{
                        field.attname: getattr(row, field.attname)
                        for field in MetricSnapshot._meta.concrete_fields
                        if not field.primary_key
                    }
                    | {"day": TODAY - datetime.timedelta(days=day)}
                )
            )
    MetricSnapshot.objects.bulk_create(past, batch_size=2000)


def time_page(client: Client, url: str, name: str) -> None:
    timings = []
    client.get(url)  # warm the caches a long-running server would have warm
    for _ in range(RUNS):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url)
            if response.streaming:
                b"".join(response.streaming_content)
            timings.append(time.perf_counter() - started)
        assert response.status_code == 200, (url, response.status_code)
    report(f"{name}_median", statistics.median(timings) * 1000, "ms")
    report(f"{name}_p95", statistics.quantiles(timings, n=20)[-1] * 1000, "ms")
    report(f"{name}_queries", len(queries), "queries")


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    setup_test_environment()
    with BenchDatabase("dashboard", count):
        report("database", database_label(), "")
        if Article.objects.count() != count:
            started = time.perf_counter()
            build_catalogue(count)
            build_reviewers()
            build_history(count)
            build_review_work()
            analyse()
            report(f"build[n={count}]", time.perf_counter() - started, "s")
        report("articles", Article.objects.count(), "articles")
        report("article_history_rows", Article.history.count(), "rows")
        report("open_review_cycles", ReviewCycle.objects.open().count(), "cycles")
        report("snapshots", MetricSnapshot.objects.count(), "rows")

        director, _ = User.objects.get_or_create(username="bench-director")
        director.groups.add(Group.objects.get(name="Editorial directors"))
        client = Client()
        client.force_login(director)
        label = f"[n={count}]"
        time_page(client, "/work/dashboard/", f"dashboard{label}")
        time_page(client, "/work/dashboard/articles/?status=overdue", f"overdue_list{label}")
        time_page(
            client,
            "/work/dashboard/articles/?bucket=overdue_over_365&sort=title&page=3",
            f"overdue_list_filtered{label}",
        )
        time_page(client, "/work/dashboard/articles/?status=current", f"current_list{label}")
        time_page(client, "/work/cycles/", f"review_cycles{label}")
        time_page(client, "/work/audit/", f"audit_report{label}")
        article = Article.objects.order_by("pk").first()
        time_page(client, f"/work/articles/{article.number}/history/", f"article_history{label}")

        # The reviewer with the most open reviews, as they open their queue.
        busiest = (
            ReviewCycle.objects.open()
            .exclude(assignee=None)
            .values("assignee")
            .annotate(open=Count("pk"))
            .order_by("-open")
            .first()
        )
        reviewer = Client()
        reviewer.force_login(User.objects.get(pk=busiest["assignee"]))
        report("reviewer_open_reviews", busiest["open"], "cycles")
        time_page(reviewer, "/work/queue/", f"reviewer_queue{label}")


if __name__ == "__main__":
    main()
