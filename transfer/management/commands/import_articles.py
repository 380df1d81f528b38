"""Import articles: Stet's own JSON export, or HTML pages of a public medical encyclopedia
(files, folders of them, or .zip archives).

Each file is all-or-nothing: it is read and checked completely, then written in one
transaction; a malformed file is reported — file, line or element, and what is wrong
— and changes nothing, and the others carry on. Re-importing a file duplicates nothing
(the rules are in transfer.services.importing). With --dry-run every file is checked
and written inside a transaction that is rolled back: the report is what a real run
would do, and nothing changes. The command exits non-zero when any file failed or was skipped.

The history of every row names the system user (or --as USERNAME) with the reason
"Imported from <file>". The page's import runs as a Celery task; this is its twin.
"""

import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from accounts.models import Specialty, User
from accounts.services import system_user
from transfer.services import FileResult, import_sources, sources_from_paths


class Command(BaseCommand):
    help = "Import articles from Stet JSON exports and encyclopedia HTML pages."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check and report; change nothing."
        )
        parser.add_argument(
            "--specialty",
            help="Specialty (name or slug) of new articles from pages, which name none; "
            "default: Unclassified.",
        )
        parser.add_argument("--as", dest="username", help="Record the import as this user's work.")

    def handle(self, *args, **options):
        user = self._user(options["username"])
        specialty = self._specialty(options["specialty"])
        sources = list(sources_from_paths(options["paths"]))
        bar = tqdm(
            total=len(sources),
            unit="file",
            desc="Dry run" if options["dry_run"] else "Importing",
            file=sys.stderr,
            disable=None,  # no bar when stderr is not a terminal
        )

        def report(result: FileResult) -> None:
            bar.update(1)
            line = result.message
            if not result.imported:
                bar.write(self.style.ERROR(line), file=self.stderr._out)
            else:
                bar.write(line, file=self.stdout._out)

        with bar:
            results = import_sources(
                sources,
                user=user,
                dry_run=options["dry_run"],
                default_specialty=specialty,
                on_result=report,
            )
        failed = sum(result.failed for result in results)
        skipped = sum(result.status == "skipped" for result in results)
        done = sum(result.imported for result in results)
        summary = f"{done} of {len(results)} files imported" + (
            " (dry run: nothing was changed)" if options["dry_run"] else ""
        )
        left_out = [
            f"{failed} failed and changed nothing" if failed else "",
            f"{skipped} skipped, not a page or an export" if skipped else "",
        ]
        if failed or skipped:
            raise CommandError(
                f"{summary}; {'; '.join(part for part in left_out if part)} (see above).",
                returncode=1,
            )
        self.stdout.write(self.style.SUCCESS(summary + "."))

    def _user(self, username: str | None) -> User:
        if not username:
            return system_user()
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"There is no user {username!r}.")
        return user

    def _specialty(self, value: str | None) -> Specialty | None:
        if not value:
            return None
        specialty = (
            Specialty.objects.filter(slug=value).first()
            or Specialty.objects.filter(name__iexact=value).first()
        )
        if specialty is None:
            raise CommandError(f"There is no specialty {value!r}.")
        return specialty
