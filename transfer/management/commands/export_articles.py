"""Write the catalogue out: JSON (lossless — every article, all its published revisions,
credits, sign-offs, Review Dates and review cycles) or CSV (each article's current
state, one row per article), for a site generator, a spreadsheet, or another Stet.

The JSON of a catalogue imported into an empty database exports to the same bytes, so a
move can be checked with `cmp`. Both formats are written a piece at a time: a large
catalogue never sits in memory. Steps:
1. read the articles in chunks, in number order, with their related rows;
2. write each as it comes (to stdout, or to --output).
"""

import datetime
import os
import sys

from django.core.management.base import BaseCommand, CommandError

from transfer.services import catalogue_csv_chunks, catalogue_json_chunks


class Command(BaseCommand):
    help = "Export the catalogue as JSON (lossless) or CSV (current state)."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["json", "csv"], default="json")
        parser.add_argument(
            "--since",
            help="Only articles created, updated, reviewed or retired on or after this "
            "day (YYYY-MM-DD).",
        )
        parser.add_argument("--output", help="Write to this file instead of standard output.")

    def handle(self, *args, **options):
        since = None
        if options["since"]:
            try:
                since = datetime.date.fromisoformat(options["since"])
            except ValueError:
                raise CommandError(
                    f"--since must be a real date as YYYY-MM-DD, not {options['since']!r}."
                ) from None
        chunks = (catalogue_json_chunks if options["format"] == "json" else catalogue_csv_chunks)(
            since=since
        )
        if not options["output"]:
            try:
                for chunk in chunks:
                    self.stdout.write(chunk, ending="")
            except BrokenPipeError:
                # The reader stopped early (`… | head`): not an error of the export.
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return
        try:
            # newline="" keeps the CSV's own line endings; JSON has only \n.
            with open(options["output"], "w", encoding="utf-8", newline="") as output:
                for chunk in chunks:
                    output.write(chunk)
        except OSError as error:
            raise CommandError(f"Cannot write {options['output']}: {error.strerror}.") from None
        self.stderr.write(f"Wrote {options['output']}.")
