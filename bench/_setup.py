"""Shared set-up for the benchmarks: a throw-away database and a realistic catalogue made
fast with bulk inserts (the services are what is measured, not what builds the data).

The benchmarks never touch the configured database itself: they create their own
(`<name>_bench` on PostgreSQL, a file under var/ on SQLite) and drop it afterwards.
"""

import datetime
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import OuterRef, Subquery  # noqa: E402

from accounts.models import ReviewerProfile, Specialty, User  # noqa: E402
from encyclopedia.models import Article, Revision  # noqa: E402

TODAY = datetime.date(2026, 11, 27)
SPECIALTIES = 20
REVIEWERS = 60


def report(name: str, value, unit: str) -> None:
    """One result line: `name: value unit` (what the README's table is built from)."""
    if isinstance(value, float):
        value = f"{value:.3f}"
    print(f"{name}: {value} {unit}", flush=True)


class BenchDatabase:
    """A fresh, migrated database for one benchmark run. With BENCH_KEEP=1 it is kept
    afterwards and reused by the next run (to profile a page without rebuilding)."""

    keep = os.environ.get("BENCH_KEEP") == "1"

    def __enter__(self):
        settings.DATABASES["default"].setdefault("TEST", {})
        if connection.vendor == "sqlite":
            path = ROOT / "var" / "bench.sqlite3"
            path.parent.mkdir(exist_ok=True)
            settings.DATABASES["default"]["TEST"]["NAME"] = str(path)
        else:
            settings.DATABASES["default"]["TEST"]["NAME"] = (
                settings.DATABASES["default"]["NAME"] + "_bench"
            )
        self.old_name = settings.DATABASES["default"]["NAME"]
        started = time.perf_counter()
        connection.creation.create_test_db(
            verbosity=0, autoclobber=True, serialize=False, keepdb=self.keep
        )
        report("migrate_seconds", time.perf_counter() - started, "s")
        return self

    def __exit__(self, *exc):
        if not self.keep:
            connection.creation.destroy_test_db(self.old_name, verbosity=0)


def build_catalogue(count: int, *, overdue_share: float = 0.3, seed: int = 7) -> None:
    """`count` published articles across the specialties, `overdue_share` of them past
    their review date, the rest spread over current, due soon and never reviewed."""
    rng = random.Random(seed)
    specialties = Specialty.objects.bulk_create(
        Specialty(name=f"Specialty {n:02d}", slug=f"specialty-{n:02d}") for n in range(SPECIALTIES)
    )
    author = User.objects.create(username="bench-editor", first_name="Bench", last_name="Editor")
    articles = []
    for n in range(1, count + 1):
        roll = rng.random()
        if roll < overdue_share:
            reviewed = TODAY - datetime.timedelta(days=730 + rng.randint(1, 900))
        elif roll < 0.97:
            reviewed = TODAY - datetime.timedelta(days=rng.randint(0, 729))
        else:
            reviewed = None
        articles.append(
            Article(
                number=f"{n:06d}",
                title=f"Condition {n:06d}",
                slug=f"condition-{n:06d}",
                specialty=specialties[n % SPECIALTIES],
                last_reviewed_on=reviewed,
                last_updated_on=reviewed or TODAY - datetime.timedelta(days=900),
            )
        )
    Article.objects.bulk_create(articles, batch_size=5000)
    Revision.objects.bulk_create(
        (
            Revision(article_id=pk, number=1, title=title, author=author, state="published")
            for pk, title in Article.objects.values_list("pk", "title").iterator()
        ),
        batch_size=5000,
    )
    Article.objects.update(
        status=Article.Status.PUBLISHED,
        live_revision_id=Subquery(
            Revision.objects.filter(article_id=OuterRef("pk")).values("pk")[:1]
        ),
    )
    analyse()


def analyse() -> None:
    """Refresh the planner's statistics, as autovacuum would on a live database."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def build_reviewers() -> list[ReviewerProfile]:
    reviewers_group = Group.objects.get(name="Medical reviewers")
    specialties = list(Specialty.objects.order_by("pk"))
    profiles = []
    for n in range(REVIEWERS):
        user = User.objects.create(
            username=f"reviewer{n:02d}", first_name="Reviewer", last_name=f"{n:02d}"
        )
        user.groups.add(reviewers_group)
        profile = ReviewerProfile.objects.create(
            user=user,
            credit_name=f"Reviewer {n:02d}, MD",
            credentials="MD",
            licence_expires_on=TODAY + datetime.timedelta(days=30 * (n % 24)),
            capacity=5000,
        )
        profile.specialties.add(specialties[n % len(specialties)])
        profiles.append(profile)
    return profiles


def database_label() -> str:
    if connection.vendor == "sqlite":
        return "SQLite " + ".".join(map(str, connection.Database.sqlite_version_info))
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        return "PostgreSQL " + cursor.fetchone()[0].split()[0]
