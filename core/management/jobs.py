"""The shape every scheduled job's command twin shares: run the same service the Celery
task runs, synchronously, print what it did, and with --dry-run roll everything back
(no e-mail leaves either: what a job sends is written to the outbox in its transaction,
and goes out only after a commit)."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from core.clock import today
from core.errors import DomainError
from core.jobs import run_job


class _DryRun(Exception):
    pass


def parse_date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--date must be a real date as YYYY-MM-DD, not {value!r}.") from None


class JobCommand(BaseCommand):
    job_name = ""

    def add_arguments(self, parser):
        parser.add_argument(
            "--date",
            type=str,
            help="Act as if today were this date (YYYY-MM-DD); default: today in TIME_ZONE.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Show what would happen; change nothing."
        )

    def run(self, day: datetime.date, **options):
        raise NotImplementedError

    def report(self, result) -> str:
        raise NotImplementedError

    def handle(self, *args, **options):
        day = parse_date(options["date"]) if options.get("date") else today()
        try:
            if options["dry_run"]:
                result = self._dry_run(day, options)
                self.stdout.write(f"Dry run for {day}: {self.report(result)} Nothing was changed.")
                return
            result = run_job(self.job_name, lambda: self.run(day, **options))
        except DomainError as refusal:
            raise CommandError(refusal.message) from None
        self.stdout.write(self.style.SUCCESS(f"{day}: {self.report(result)}"))

    def _dry_run(self, day, options):
        outcome = {}
        try:
            with transaction.atomic():
                outcome["result"] = self.run(day, **options)
                raise _DryRun
        except _DryRun:
            return outcome["result"]
