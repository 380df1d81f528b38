"""Open a review cycle for every published article whose Review Date has come round.

The nightly Celery task runs the same service; this command runs it by hand (after an
outage, or to see what the night will do with --dry-run). Steps:
1. find published articles due on or before the date (or in the due-soon window, if the
   policy says so) and those never reviewed, that have no open cycle;
2. in batches, lock them, re-check, and insert their cycles with history and audit rows.
Running it twice opens nothing the second time; a missed night is caught up here.
"""

from core.management.jobs import JobCommand
from reviews import cycles
from reviews.cycles import opening


class Command(JobCommand):
    help = "Open review cycles for every article that is due."
    job_name = "flag_overdue_reviews"

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--batch-size", type=int, default=opening.BATCH_SIZE)

    def run(self, day, **options):
        return cycles.review_cycles_flag_overdue(today=day, batch_size=options["batch_size"])

    def report(self, result) -> str:
        return f"opened {result.opened} review cycles ({result.due_soon} due soon)."
