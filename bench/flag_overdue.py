"""How long the nightly overdue sweep takes at realistic sizes, and how many queries it
issues, against a single raw INSERT … SELECT of the same cycles.

    .venv/bin/python bench/flag_overdue.py [N ...]      (default: 10000 100000)

Runs on whatever database DATABASE_URL names (SQLite by default), in a database of its
own that it drops afterwards. Prints `name: value unit` lines.
"""

import os
import sys
import time

from _setup import TODAY, BenchDatabase, build_catalogue, database_label, report
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext

from encyclopedia.models import Article
from reviews import cycles
from reviews.cycles import opening
from reviews.models import AuditEvent, ReviewCycle

BATCH_SIZE = int(os.environ.get("BENCH_BATCH_SIZE", opening.BATCH_SIZE))
RAW_INSERT = """
    INSERT INTO reviews_reviewcycle
        (article_id, due_on, origin, reason, reference, opened_at, state, unassigned_reason,
         outcome, attestation, signer_credit)
    SELECT id, COALESCE(next_review_due, %s), 'due', '', '', %s, 'open', '', '', '', ''
    FROM encyclopedia_article
    WHERE status = 'published' AND (next_review_due <= %s OR next_review_due IS NULL)
"""

RAW_HISTORY = """
    INSERT INTO reviews_historicalreviewcycle
        (id, article_id, due_on, origin, reason, reference, opened_at, state,
         unassigned_reason, outcome, attestation, signer_credit, history_date,
         history_change_reason, history_type)
    SELECT id, article_id, due_on, origin, reason, reference, opened_at, state,
           unassigned_reason, outcome, attestation, signer_credit, %s, 'Review due', '+'
    FROM reviews_reviewcycle
"""
RAW_AUDIT = """
    INSERT INTO reviews_auditevent (article_id, cycle_id, at, action, from_state, to_state, note)
    SELECT article_id, id, %s, 'open_cycle', '', 'open', 'Review date passed'
    FROM reviews_reviewcycle
"""


def run(count: int) -> None:
    label = f"[n={count}]"
    with BenchDatabase("sweep", count, reusable=False):
        report("database", database_label(), "")
        started = time.perf_counter()
        build_catalogue(count)
        report(f"build_catalogue{label}", time.perf_counter() - started, "s")
        due = (
            Article.objects.published()
            .filter(Q(next_review_due__lte=TODAY) | Q(next_review_due=None))
            .count()
        )
        report(f"due_articles{label}", due, "articles")

        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            result = cycles.review_cycles_flag_overdue(today=TODAY, batch_size=BATCH_SIZE)
            elapsed = time.perf_counter() - started
        report(f"flag_overdue_reviews{label}", elapsed, "s")
        report(f"flag_overdue_reviews_cycles_opened{label}", result.opened, "cycles")
        report(f"flag_overdue_reviews_queries{label}", len(queries), "queries")
        report(
            f"flag_overdue_reviews_queries_per_batch{label}",
            len(queries) / max(1, -(-due // BATCH_SIZE)),
            "queries",
        )
        report(f"flag_overdue_reviews_history_rows{label}", ReviewCycle.history.count(), "rows")

        started = time.perf_counter()
        again = cycles.review_cycles_flag_overdue(today=TODAY)
        report(f"flag_overdue_reviews_second_run{label}", time.perf_counter() - started, "s")
        report(f"flag_overdue_reviews_second_run_opened{label}", again.opened, "cycles")

        AuditEvent.objects.all()._raw_delete(AuditEvent.objects.db)
        ReviewCycle.history.all().delete()
        ReviewCycle.objects.all()._raw_delete(ReviewCycle.objects.db)
        with connection.cursor() as cursor:
            started = time.perf_counter()
            cursor.execute(RAW_INSERT, [TODAY, TODAY, TODAY])
            baseline = time.perf_counter() - started
        report(f"raw_insert_select{label}", baseline, "s")
        report(f"flag_overdue_reviews_vs_raw_sql{label}", elapsed / baseline, "x")

        # The same three sets of rows the job writes (cycles, their history, their audit
        # events), each as one raw INSERT … SELECT: what batching and locking cost.
        AuditEvent.objects.all()._raw_delete(AuditEvent.objects.db)
        ReviewCycle.objects.all()._raw_delete(ReviewCycle.objects.db)
        with connection.cursor() as cursor:
            started = time.perf_counter()
            cursor.execute(RAW_INSERT, [TODAY, TODAY, TODAY])
            cursor.execute(RAW_HISTORY, [TODAY])
            cursor.execute(RAW_AUDIT, [TODAY])
            baseline_all = time.perf_counter() - started
        report(f"raw_insert_select_with_history_and_audit{label}", baseline_all, "s")
        report(f"flag_overdue_reviews_vs_raw_sql_same_rows{label}", elapsed / baseline_all, "x")


def main() -> None:
    sizes = [int(arg) for arg in sys.argv[1:]] or [10_000, 100_000]
    for size in sizes:
        run(size)


if __name__ == "__main__":
    main()
