"""Check the links of every reference a live page cites, once, now.

The weekly Celery task runs the same service; this command runs it by hand (after an
outage, or before an accreditation visit). Steps:
1. list every distinct http(s) address cited by a published article's live revision,
   the longest unchecked first;
2. ask each once (HEAD, then GET when HEAD is refused), following and recording
   redirects, at most STET_LINK_CHECK_PER_HOST_PER_MINUTE requests to one host a minute;
3. store each outcome as the address's last check, keeping since when a link is broken.
A run stops when its time budget is spent; the next starts with what it did not reach.
--dry-run asks the servers but stores nothing.
"""

from django.core.management.base import CommandError

from core.management.jobs import JobCommand
from encyclopedia.link_checker import LinkRun, reference_links_check


class Command(JobCommand):
    help = "Check the links of the references cited by live pages."
    job_name = "check_reference_links"

    def run(self, day, **options) -> LinkRun:
        try:
            return reference_links_check()
        except ValueError as error:
            raise CommandError(f"The link checker's settings are wrong: {error}") from None

    def report(self, result: LinkRun) -> str:
        left = (
            f" {result.left_for_next_run} left for the next run (time budget spent)."
            if result.left_for_next_run
            else ""
        )
        return f"checked {result.checked} links, {result.broken} broken.{left}"
