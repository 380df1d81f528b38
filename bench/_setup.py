"""Shared set-up for the benchmarks: a throw-away database and a realistic catalogue made
fast with bulk inserts (the services are what is measured, not what builds the data).

The benchmarks never touch the configured database itself: they create their own
(`<name>_bench` on PostgreSQL, a file under var/ on SQLite) and drop it afterwards.
"""

import datetime
import logging
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
# Tasks run inline in the benchmarks (the test settings); their per-task log lines would
# bury the figures.
logging.getLogger("celery").setLevel(logging.WARNING)

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
    """A fresh, migrated database for one benchmark run, named after the benchmark and
    its size (each builds its own data). With BENCH_KEEP=1 it is kept afterwards and
    reused by the same benchmark's next run at that size (to profile a page without
    rebuilding). A benchmark that changes what it measures (the sweep opens the reviews
    it then finds open) is never `reusable`: it always starts afresh."""

    def __init__(self, benchmark: str, count: int, *, reusable: bool = True) -> None:
        self.name = f"{benchmark}_{count}"
        self.keep = reusable and os.environ.get("BENCH_KEEP") == "1"

    def __enter__(self):
        settings.DATABASES["default"].setdefault("TEST", {})
        if connection.vendor == "sqlite":
            path = ROOT / "var" / f"bench-{self.name}.sqlite3"
            path.parent.mkdir(exist_ok=True)
            settings.DATABASES["default"]["TEST"]["NAME"] = str(path)
        else:
            settings.DATABASES["default"]["TEST"]["NAME"] = (
                f"{settings.DATABASES['default']['NAME']}_bench_{self.name}"
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


MEDICAL_WORDS = [
    "doctor", "treatment", "symptoms", "blood", "pressure", "heart", "rate", "dose", "daily",
    "children", "adults", "fever", "pain", "relief", "skin", "rash", "kidney", "liver", "sleep",
    "asthma", "allergy", "cough", "stroke", "arthritis", "insulin", "diet", "exercise",
    "pregnancy", "vaccine", "headache", "heel", "spur", "calcification", "infection",
    "medicine", "tablets", "recommended", "risk", "emergency", "scan",
]  # fmt: skip
COMMON_WORDS = ["the", "a", "of", "and", "to", "in", "is", "for", "with", "may", "can", "your"]
SYLLABLES = ["ra", "to", "mi", "ne", "lo", "pa", "si", "ve", "ko", "du", "ter", "gan", "bel"]
TEXTS = 3_000  # distinct section texts, shared out among the articles


def _section_texts(rng: random.Random, words: int) -> list[str]:
    """Text with the shape of real prose: short sentences, a few words everywhere, the
    medical terms in some pages, a long tail of rare words (5,000 made-up ones,
    Zipf-distributed), so a search matches some pages, not all."""
    rare = sorted({"".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))) for _ in range(6000)})
    # The medical terms ranked about 500th: each in roughly one page in eight.
    vocabulary = COMMON_WORDS + rare[:500] + MEDICAL_WORDS + rare[500:]
    weights = [1 / (rank + 1) for rank in range(len(vocabulary))]

    def prose() -> str:
        chosen = rng.choices(vocabulary, weights=weights, k=words)
        sentences, start = [], 0
        while start < words:  # sentences of 6 to 14 words, as a plain-language page has
            end = min(words, start + rng.randint(6, 14))
            sentences.append(" ".join(chosen[start:end]).capitalize() + ".")
            start = end
        return " ".join(sentences)

    return [prose() for _ in range(TEXTS)]


def build_content(*, sections: int = 3, words: int = 200, references: int = 10) -> None:
    """Every live revision gets `sections` sections of about `words` words and
    `references` references (the size of a real encyclopedia page), and its search entry
    (encyclopedia.search), written in bulk."""
    from encyclopedia.models import Reference, SearchEntry, Section
    from encyclopedia.search import CONFIG, postgres

    rng = random.Random(11)
    texts = _section_texts(rng, words)

    def text() -> str:
        return rng.choice(texts)

    live = list(Revision.objects.values_list("pk", "article_id", "title"))
    for start in range(0, len(live), 2000):
        chunk = live[start : start + 2000]
        bodies = {pk: [text() for _ in range(sections)] for pk, _, _ in chunk}
        # The published-content guard is the services' rule; the benchmark builds the
        # rows as the database would hold them.
        Section._base_manager.bulk_create(
            Section(revision_id=pk, position=n, heading=f"Section {n + 1}", body=body)
            for pk, _, _ in chunk
            for n, body in enumerate(bodies[pk])
        )
        Reference._base_manager.bulk_create(
            Reference(
                revision_id=pk,
                position=n,
                citation=f"Author A, Author B. Study {n + 1} of {title}. J Demo Med. 2021;{n}:1-9.",
                url=f"https://example.org/{pk}/{n}",
            )
            for pk, _, title in chunk
            for n in range(references)
        )
        SearchEntry.objects.bulk_create(
            SearchEntry(
                article_id=article_id,
                title=title,
                summary=f"{title} explained for patients.",
                body="\n\n".join(bodies[pk]),
            )
            for pk, article_id, title in chunk
        )
    if postgres():
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE encyclopedia_searchentry SET document ="
                f" setweight(to_tsvector('{CONFIG}', title), 'A')"
                f" || setweight(to_tsvector('{CONFIG}', summary), 'B')"
                f" || setweight(to_tsvector('{CONFIG}', body), 'C'),"
                f" title_document = to_tsvector('{CONFIG}', title)"
            )


def analyse() -> None:
    """Refresh the planner's statistics and PostgreSQL's visibility map, as autovacuum
    would on a live database (without the map, no count is answered from an index)."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE" if connection.vendor == "sqlite" else "VACUUM ANALYZE")


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
