"""Overdue articles by age, and the charts: the same numbers in the embedded chart data as
in the tables, the tables there for screen readers, the chart library served locally."""

import re

import pytest
from django.contrib.staticfiles import finders

from tests.reporting.factories import (
    DASHBOARD,
    TODAY,
    chart_data,
    days,
    due_article,
    get_page,
    login,
    panel,
    table_links,
    table_rows,
    titles_listed,
)

pytestmark = pytest.mark.django_db

# Days overdue at each edge of each bucket → the bucket the director must see it in.
EDGES = {
    1: "1–30 days",
    30: "1–30 days",
    31: "31–90 days",
    90: "31–90 days",
    91: "91–180 days",
    180: "91–180 days",
    181: "181–365 days",
    365: "181–365 days",
    366: "Over 365 days",
    1000: "Over 365 days",
}
LABELS = ["1–30 days", "31–90 days", "91–180 days", "181–365 days", "Over 365 days"]


@pytest.fixture
def edges(maria, cardiology):
    """One article overdue by each edge's number of days, titled by it; and one due today
    (due soon, not overdue)."""
    for overdue in EDGES:
        due_article(
            TODAY - days(overdue), specialty=cardiology, author=maria, title=f"{overdue} days"
        )
    due_article(TODAY, specialty=cardiology, author=maria, title="Due today")


@pytest.fixture
def dashboard(client, brenda, edges):
    login(client, brenda)
    return get_page(client, DASHBOARD)


def test_overdue_articles_are_counted_by_age_with_exact_boundaries(dashboard):
    rows = table_rows(panel(dashboard, "Overdue by age"))

    assert rows == [[label, "2"] for label in LABELS]


@pytest.mark.parametrize("label", LABELS)
def test_each_age_bucket_links_to_the_articles_of_that_age(client, dashboard, label):
    age = panel(dashboard, "Overdue by age")
    links = {row[0]: link[1] for row, link in zip(table_rows(age), table_links(age), strict=True)}

    titles = titles_listed(client, links[label])

    assert sorted(titles) == sorted(f"{n} days" for n, bucket in EDGES.items() if bucket == label)


def test_the_chart_data_embedded_in_the_page_equals_the_age_table(dashboard):
    age = panel(dashboard, "Overdue by age")
    data = chart_data(dashboard)["age"]

    assert data["labels"] == [row[0] for row in table_rows(age)]
    assert data["values"] == [int(row[1]) for row in table_rows(age)]
    assert data["links"] == [link[1] for link in table_links(age)]


def test_the_specialty_chart_data_equals_the_specialty_table(client, brenda, encyclopedia):
    login(client, brenda)
    page = get_page(client, DASHBOARD)
    rows = table_rows(panel(page, "By specialty"))
    data = chart_data(page)["specialty"]

    assert data["labels"] == [row[0] for row in rows]
    assert data["overdue"] == [int(row[2]) for row in rows]
    assert data["due_soon"] == [int(row[3]) for row in rows]
    for link, title_count in zip(data["links"], rows, strict=True):
        assert len(titles_listed(client, link)) == int(title_count[2])


def test_each_chart_has_its_numbers_in_a_table_with_headers_for_screen_readers(dashboard):
    for heading in ("Overdue by age", "By specialty"):
        section = panel(dashboard, heading)
        canvas = section.find("canvas")
        assert canvas["role"] == "img"
        assert "table" in canvas["aria-label"]
        headers = section.find("table").select("thead th")
        assert headers and all(th.get("scope") == "col" for th in headers)


def test_the_chart_library_is_served_from_the_site_not_a_cdn(client, dashboard):
    scripts = [tag["src"] for tag in dashboard.find_all("script", src=True)]
    chart = [src for src in scripts if "chart" in src.lower()]

    assert chart == ["/static/vendor/chartjs/chart.umd.min.js"]
    for url in scripts + [tag["href"] for tag in dashboard.find_all("link", href=True)]:
        assert not url.startswith(("http:", "https:", "//")), url
    assert not re.search(r"cdn|unpkg|jsdelivr|cdnjs", str(dashboard), re.IGNORECASE)
    assert client.get(chart[0]).status_code == 200
    assert finders.find("vendor/chartjs/chart.umd.min.js")
