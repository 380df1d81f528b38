"""The trend: overdue and due-soon articles per day from the nightly snapshots, last 12
months only, as a chart, a table and a CSV."""

import pytest
from django.urls import reverse

from reporting.models import MetricSnapshot
from reporting.snapshots import metric_snapshot_record
from tests.reporting.factories import (
    DASHBOARD,
    TODAY,
    chart_data,
    csv_of,
    days,
    due_article,
    get_page,
    login,
    panel,
    table_rows,
    text,
)

pytestmark = pytest.mark.django_db


def snapshot(day, *, specialty=None, overdue=(0, 0, 0, 0, 0), due_soon=0, current=0, never=0):
    return MetricSnapshot.objects.create(
        day=day,
        specialty=specialty,
        published=sum(overdue) + due_soon + current + never,
        current=current,
        due_soon=due_soon,
        never_reviewed=never,
        overdue_1_30=overdue[0],
        overdue_31_90=overdue[1],
        overdue_91_180=overdue[2],
        overdue_181_365=overdue[3],
        overdue_over_365=overdue[4],
    )


@pytest.fixture
def snapshots(cardiology):
    snapshot(TODAY - days(400), overdue=(99, 0, 0, 0, 0))  # more than a year ago
    snapshot(TODAY - days(366), overdue=(98, 0, 0, 0, 0))  # a year and a day ago
    snapshot(TODAY - days(364), overdue=(1, 2, 0, 0, 0), due_soon=4, current=10)
    snapshot(TODAY - days(30), overdue=(2, 1, 1, 1, 1), due_soon=3, current=12, never=1)
    snapshot(TODAY, overdue=(1, 0, 0, 0, 1), due_soon=5, current=14)
    # Per-specialty rows are not the overall trend.
    snapshot(TODAY, specialty=cardiology, overdue=(50, 0, 0, 0, 0), due_soon=50)


def test_the_trend_table_shows_the_last_12_months_of_snapshots_oldest_first(
    client, brenda, snapshots
):
    login(client, brenda)

    rows = table_rows(panel(get_page(client, DASHBOARD), "Trend, last 12 months"))

    assert rows == [
        [str(TODAY - days(364)), "3", "4", "10"],
        [str(TODAY - days(30)), "6", "3", "12"],
        [str(TODAY), "2", "5", "14"],
    ]


def test_the_trend_chart_data_equals_the_trend_table(client, brenda, snapshots):
    login(client, brenda)
    page = get_page(client, DASHBOARD)
    rows = table_rows(panel(page, "Trend, last 12 months"))

    data = chart_data(page)["trend"]

    assert data == {
        "labels": [row[0] for row in rows],
        "overdue": [int(row[1]) for row in rows],
        "due_soon": [int(row[2]) for row in rows],
    }


def test_the_trend_csv_has_one_row_per_snapshot_of_the_last_12_months(client, brenda, snapshots):
    login(client, brenda)

    rows = csv_of(client.get(reverse("reporting:dashboard-csv", args=["trend"])))

    assert rows == [
        ["Day", "Current", "Due soon", "Overdue", "Never reviewed"],
        [str(TODAY - days(364)), "10", "4", "3", "0"],
        [str(TODAY - days(30)), "12", "3", "6", "1"],
        [str(TODAY), "14", "5", "2", "0"],
    ]


def test_the_trend_follows_what_the_nightly_snapshot_recorded(client, brenda, maria, cardiology):
    due_article(TODAY - days(40), specialty=cardiology, author=maria, title="Late")
    due_article(TODAY + days(20), specialty=cardiology, author=maria, title="Soon")
    metric_snapshot_record(today=TODAY - days(50))  # "Late" was due soon then
    metric_snapshot_record(today=TODAY)
    login(client, brenda)

    data = chart_data(get_page(client, DASHBOARD))["trend"]

    assert data == {
        "labels": [str(TODAY - days(50)), str(TODAY)],
        "overdue": [0, 1],
        "due_soon": [1, 1],
    }


def test_without_snapshots_the_trend_says_so(client, brenda):
    login(client, brenda)

    trend = panel(get_page(client, DASHBOARD), "Trend, last 12 months")

    assert "No daily snapshots yet" in text(trend)
    assert trend.find("canvas") is None


def test_on_day_one_the_trend_says_it_starts_tomorrow_instead_of_an_empty_chart(client, brenda):
    snapshot(TODAY, overdue=(1, 0, 0, 0, 0), due_soon=2, current=3)
    login(client, brenda)

    page = get_page(client, DASHBOARD)
    trend = panel(page, "Trend, last 12 months")

    assert "One snapshot so far" in text(trend)
    assert "the trend line starts with the next nightly snapshot" in text(trend)
    assert page.find(id="chart-trend") is None
