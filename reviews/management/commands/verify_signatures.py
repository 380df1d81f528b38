"""Check that every live page still says what its signers signed.

Each electronic signature keeps a SHA-256 of the revision's content as it was signed.
A published revision never changes through Stet, so a live page whose content no
longer hashes to its signatures was changed behind the service's back (a database
edit, a restore gone wrong): a surveyor must not be shown it as signed. Steps:
1. for every published article, re-compute its live revision's hash;
2. compare it with each signature given to that revision (its publish, and any
   re-certification);
3. list every page that differs, and exit non-zero if any does.
"""

from django.core.management.base import BaseCommand, CommandError

from reviews.signatures import signatures_verify


class Command(BaseCommand):
    help = "Re-compute every live page's content hash and compare it with its signatures."

    def handle(self, *args, **options):
        checked, mismatches = signatures_verify()
        for mismatch in mismatches:
            signature = mismatch.signature
            self.stderr.write(
                f"{mismatch.article.number} {mismatch.article.title} v{mismatch.revision.number}: "
                f"signed by {signature.signer} on {signature.signed_at:%Y-%m-%d %H:%M} as "
                f"{signature.content_sha256[:12]}…, the live text is now "
                f"{mismatch.live_sha256[:12]}…"
            )
        if mismatches:
            pages = len({m.article.pk for m in mismatches})
            raise CommandError(
                f"{pages} of {checked} signed live pages differ from what was signed."
            )
        self.stdout.write(
            self.style.SUCCESS(f"{checked} signed live pages match their signatures.")
        )
