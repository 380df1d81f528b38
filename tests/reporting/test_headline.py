"""The figures at the top of the director's dashboard, and the list behind each one."""

import pytest

from encyclopedia.models import ReviewPolicy
from reviews import cycles
from tests.reporting.factories import (
    DASHBOARD,
    TODAY,
    days,
    due_article,
    follow,
    get_page,
    headline_figures,
    list_rows,
    login,
    soup_of,
    text,
    titles_listed,
)

pytestmark = pytest.mark.django_db

# What the director must see for the fixture's encyclopedia, and the articles behind it.
EXPECTED = {
    "Published": [
        "Angina",
        "Aortic stenosis",
        "Atrial fibrillation",
        "Bradycardia",
        "Cardiomyopathy",
        "Chest pain",
        "Endocarditis",
        "Heart failure",
        "Hypertension",
        "Kidney stones",
        "Dialysis",
        "Nephrotic syndrome",
    ],
    "Current": ["Heart failure", "Nephrotic syndrome"],
    "Due soon": ["Chest pain", "Endocarditis", "Dialysis"],
    "Overdue": [
        "Angina",
        "Aortic stenosis",
        "Atrial fibrillation",
        "Bradycardia",
        "Cardiomyopathy",
        "Kidney stones",
    ],
    "Never reviewed": ["Hypertension"],
    "Open reviews unassigned": [
        "Aortic stenosis",
        "Cardiomyopathy",
        "Chest pain",
        "Hypertension",
        "Kidney stones",
    ],
}


@pytest.fixture
def dashboard(client, brenda, encyclopedia):
    login(client, brenda)
    return get_page(client, DASHBOARD)


def test_the_dashboard_shows_each_headline_figure_of_the_encyclopedia(dashboard):
    shown = {label: count for label, (count, _) in headline_figures(dashboard).items()}

    assert shown == {
        **{label: len(titles) for label, titles in EXPECTED.items()},
        "Revisions waiting in review": 2,
    }


@pytest.mark.parametrize("figure", list(EXPECTED))
def test_each_headline_figure_links_to_exactly_the_articles_it_counts(client, dashboard, figure):
    count, link = headline_figures(dashboard)[figure]

    titles = titles_listed(client, link)

    assert sorted(titles) == sorted(EXPECTED[figure])
    assert len(titles) == count


def test_drafts_and_retired_pages_count_nowhere(client, dashboard):
    _, link = headline_figures(dashboard)["Published"]

    titles = titles_listed(client, link)

    assert "Unpublished page" not in titles and "Retired page" not in titles


def test_the_revisions_waiting_figure_shows_the_oldest_wait_and_links_to_them(client, dashboard):
    figure = next(
        item for item in dashboard.select("dl.figures > div") if "Revisions waiting" in text(item)
    )
    assert "oldest: 5 days" in text(figure)

    waiting = get_page(client, figure.find("a")["href"])

    rows = [text(row) for row in waiting.select("table.data tbody tr")]
    assert len(rows) == 2
    assert rows[0].startswith("Heart failure v2") and "5 days" in rows[0]
    assert rows[1].startswith("Dialysis v2") and "2 days" in rows[1]
    assert "Medical review" in rows[0] and "Ngozi Okafor" in rows[0]
    assert "pool" in rows[1]


def test_due_soon_follows_the_policy_window(client, brenda, maria, cardiology):
    policy = ReviewPolicy.current()
    policy.due_soon_days = 30
    policy.save()
    for offset in (0, 30, 31, 60):
        due_article(TODAY + days(offset), specialty=cardiology, author=maria, title=f"In {offset}")
    login(client, brenda)

    figures = headline_figures(get_page(client, DASHBOARD))

    assert figures["Due soon"][0] == 2
    assert figures["Current"][0] == 2
    assert sorted(titles_listed(client, figures["Due soon"][1])) == ["In 0", "In 30"]
    assert sorted(titles_listed(client, figures["Current"][1])) == ["In 31", "In 60"]


def test_an_empty_encyclopedia_shows_zeros_and_no_oldest_wait(client, brenda):
    login(client, brenda)

    page = soup_of(client.get(DASHBOARD))

    assert {count for count, _ in headline_figures(page).values()} == {0}
    assert "oldest" not in text(page.select_one("dl.figures"))


def test_the_unassigned_reviews_behind_the_figure_say_why_no_reviewer_took_them(
    client, brenda, encyclopedia
):
    """Scenario 11: "4 cycles unassigned (with the reason, e.g. 'no active reviewer in
    Nephrology')"."""
    cycles.review_cycles_auto_assign(today=TODAY)  # Dr. Okafor takes the cardiology ones
    login(client, brenda)
    count, link = headline_figures(get_page(client, DASHBOARD))["Open reviews unassigned"]

    page = get_page(client, follow(link))

    assert count == 1
    assert [row["title"] for row in list_rows(page)] == ["Kidney stones"]
    assert "No active reviewer with a valid licence covers Nephrology." in text(page)
