"""The daily snapshot of where published articles stand against their Review Date, overall
and per specialty, for the dashboard's trend chart."""

import pytest

from accounts.models import Specialty
from encyclopedia import services as content
from reporting.models import MetricSnapshot
from reporting.snapshots import metric_snapshot_record
from reviews import services
from tests.encyclopedia.factories import draft_article
from tests.reviews.cycles.factories import TODAY, days, due_article, open_cycle

pytestmark = pytest.mark.django_db

COUNTS = (
    "published",
    "current",
    "due_soon",
    "never_reviewed",
    "overdue_1_30",
    "overdue_31_90",
    "overdue_91_180",
    "overdue_181_365",
    "overdue_over_365",
    "open_cycles",
)
# Days from today to each cardiology article's due date (negative: overdue), and the
# bucket it belongs in with the default 60-day due-soon window.
CARDIOLOGY = {
    -1: "overdue_1_30",
    -30: "overdue_1_30",
    -31: "overdue_31_90",
    -90: "overdue_31_90",
    -91: "overdue_91_180",
    -180: "overdue_91_180",
    -181: "overdue_181_365",
    -365: "overdue_181_365",
    -366: "overdue_over_365",
    -900: "overdue_over_365",
    0: "due_soon",
    60: "due_soon",
    61: "current",
    400: "current",
}


def counts(snapshot: MetricSnapshot) -> dict[str, int]:
    return {name: getattr(snapshot, name) for name in COUNTS if getattr(snapshot, name)}


@pytest.fixture
def encyclopedia(maria, brenda, cardiology, nephrology):
    for offset in CARDIOLOGY:
        due_article(TODAY + days(offset), specialty=cardiology, author=maria, title=f"C {offset}")
    due_article(None, specialty=cardiology, author=maria, title="Never reviewed")
    kidney = due_article(TODAY - days(45), specialty=nephrology, author=maria, title="Kidney")
    due_article(TODAY + days(100), specialty=nephrology, author=maria, title="Dialysis")
    # Neither a draft nor a retired page counts.
    draft_article(title="Unpublished", specialty=cardiology, author=maria)
    retired = due_article(TODAY - days(5), specialty=nephrology, author=maria, title="Retired")
    services.article_retire(article=retired, director=brenda, reason="Merged")
    open_cycle(kidney)  # opens every due article's cycle: 10 cardiology, 1 never, 1 kidney


def test_the_snapshot_counts_each_bucket_overall(encyclopedia):
    metric_snapshot_record(today=TODAY)

    overall = MetricSnapshot.objects.get(day=TODAY, specialty=None)
    assert counts(overall) == {
        "published": 17,
        "current": 3,
        "due_soon": 2,
        "never_reviewed": 1,
        "overdue_1_30": 2,
        "overdue_31_90": 3,
        "overdue_91_180": 2,
        "overdue_181_365": 2,
        "overdue_over_365": 2,
        "open_cycles": 13,
    }
    assert overall.overdue == 11


def test_the_snapshot_counts_each_bucket_per_specialty(encyclopedia, cardiology, nephrology):
    metric_snapshot_record(today=TODAY)

    by_specialty = {
        row.specialty: counts(row)
        for row in MetricSnapshot.objects.filter(day=TODAY).exclude(specialty=None)
    }
    assert by_specialty == {
        cardiology: {
            "published": 15,
            "current": 2,
            "due_soon": 2,
            "never_reviewed": 1,
            "overdue_1_30": 2,
            "overdue_31_90": 2,
            "overdue_91_180": 2,
            "overdue_181_365": 2,
            "overdue_over_365": 2,
            "open_cycles": 12,
        },
        nephrology: {"published": 2, "current": 1, "overdue_31_90": 1, "open_cycles": 1},
    }


def test_the_due_soon_window_follows_the_policy(encyclopedia, brenda):
    content.review_policy_update(user=brenda, due_soon_days=90)

    metric_snapshot_record(today=TODAY)

    overall = MetricSnapshot.objects.get(day=TODAY, specialty=None)
    assert (overall.due_soon, overall.current) == (3, 2)


def test_running_again_the_same_day_replaces_the_days_figures(encyclopedia, maria, cardiology):
    assert metric_snapshot_record(today=TODAY) == 3
    due_article(TODAY - days(2), specialty=cardiology, author=maria, title="Late addition")

    assert metric_snapshot_record(today=TODAY) == 3

    assert MetricSnapshot.objects.filter(day=TODAY).count() == 3
    overall = MetricSnapshot.objects.get(day=TODAY, specialty=None)
    assert (overall.published, overall.overdue_1_30) == (18, 3)


def test_each_day_keeps_its_own_snapshot(encyclopedia):
    metric_snapshot_record(today=TODAY - days(1))
    metric_snapshot_record(today=TODAY)

    assert sorted(MetricSnapshot.objects.filter(specialty=None).values_list("day", flat=True)) == [
        TODAY - days(1),
        TODAY,
    ]
    yesterday = MetricSnapshot.objects.get(day=TODAY - days(1), specialty=None)
    # Seen from yesterday, the article due yesterday was not yet overdue, and the one
    # due today plus 60 days was not yet due soon.
    assert (yesterday.overdue_1_30, yesterday.due_soon, yesterday.current) == (2, 2, 4)


def test_an_empty_encyclopedia_still_records_a_day(db):
    assert metric_snapshot_record(today=TODAY) == 1

    overall = MetricSnapshot.objects.get(day=TODAY)
    assert overall.specialty is None
    assert counts(overall) == {}
    assert Specialty.objects.count() == 0
