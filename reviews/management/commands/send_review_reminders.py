"""E-mail each reviewer one digest of their open reviews, on the policy's cadence, and
editorial directors one digest of the reviews overdue beyond the escalation threshold.

What is sent is recorded per cycle, person and day before it goes out, so a second run
on the same day sends nothing, and a closed cycle is never mentioned again.
"""

from core.management.jobs import JobCommand
from reviews import cycles


class Command(JobCommand):
    help = "Send review reminder and escalation digests."
    job_name = "send_review_reminders"

    def run(self, day, **options):
        return cycles.review_cycles_remind(today=day)

    def report(self, result) -> str:
        return (
            f"{result.reminders} reminders and {result.escalations} escalations recorded; "
            f"{result.emails} e-mails queued."
        )
