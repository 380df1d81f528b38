"""Rule 6 on PostgreSQL: two overdue sweeps running at the same moment, each on its own
connection, open exactly one cycle per due article between them."""

import datetime
import threading

import pytest
from django.contrib.auth.models import Group
from django.db import connection

from accounts.models import ReviewerProfile, Specialty, User
from encyclopedia.models import Article, Revision
from reviews import cycles
from reviews.models import AuditEvent, ReviewCycle

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
TODAY = datetime.date(2026, 11, 27)


@pytest.fixture(autouse=True)
def needs_postgres():
    if connection.vendor != "postgresql":
        pytest.skip("row locks and concurrent transactions need PostgreSQL")


def make_due_articles(count: int) -> None:
    """Published articles, all due, made in bulk (the services are tested elsewhere)."""
    specialty, _ = Specialty.objects.get_or_create(name="Cardiology", slug="cardiology")
    author = User.objects.create(username="writer")
    articles = Article.objects.bulk_create(
        Article(
            number=f"{n:06d}",
            title=f"Condition {n}",
            slug=f"condition-{n}",
            specialty=specialty,
            last_reviewed_on=datetime.date(2023, 1, 1) + datetime.timedelta(days=n % 300),
        )
        for n in range(1, count + 1)
    )
    revisions = Revision.objects.bulk_create(
        Revision(article=a, number=1, title=a.title, author=author, state="published")
        for a in articles
    )
    for article, revision in zip(articles, revisions, strict=True):
        article.live_revision = revision
        article.status = Article.Status.PUBLISHED
    Article.objects.bulk_update(articles, ["live_revision", "status"])


def run_together(times: int, work) -> list:
    barrier = threading.Barrier(times)
    results, errors = [], []

    def run():
        try:
            barrier.wait()
            results.append(work())
        except Exception as error:  # reported below, with the thread's failure
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    return results


def test_two_simultaneous_sweeps_open_one_cycle_per_due_article():
    make_due_articles(600)

    results = run_together(2, lambda: cycles.review_cycles_flag_overdue(today=TODAY, batch_size=25))

    assert sum(result.opened for result in results) == 600
    assert ReviewCycle.objects.count() == 600
    assert ReviewCycle.objects.values("article").distinct().count() == 600
    assert AuditEvent.objects.filter(action="open_cycle").count() == 600
    assert ReviewCycle.history.count() == 600


def test_a_sweep_after_two_simultaneous_ones_finds_nothing_left():
    make_due_articles(200)
    run_together(2, lambda: cycles.review_cycles_flag_overdue(today=TODAY, batch_size=10))

    assert cycles.review_cycles_flag_overdue(today=TODAY).opened == 0
    assert ReviewCycle.objects.count() == 200


@pytest.fixture
def cardiology_reviewers():
    specialty, _ = Specialty.objects.get_or_create(name="Cardiology", slug="cardiology")
    profiles = []
    for username in ("ada", "ben"):
        user = User.objects.create(username=username, email=f"{username}@stet.example")
        user.groups.add(Group.objects.get(name="Medical reviewers"))
        profile = ReviewerProfile.objects.create(
            user=user,
            credit_name=f"{username.title()}, MD",
            credentials="MD",
            licence_expires_on=datetime.date(2030, 1, 1),
            capacity=1000,
        )
        profile.specialties.add(specialty)
        profiles.append(profile)
    return profiles


def test_two_simultaneous_assignment_runs_assign_each_cycle_once(cardiology_reviewers):
    make_due_articles(120)
    cycles.review_cycles_flag_overdue(today=TODAY)

    results = run_together(2, lambda: cycles.review_cycles_auto_assign(today=TODAY, batch_size=10))

    assigned = sum(result.assigned_count for result in results)
    assert assigned == ReviewCycle.objects.exclude(assignee=None).count() == 120
    # Each run spreads its own batches by load (a reviewer at most one ahead within it),
    # so together the two reviewers end up at most two apart.
    loads = [ReviewCycle.objects.filter(assignee=p.user).count() for p in cardiology_reviewers]
    assert abs(loads[0] - loads[1]) <= 2
