"""The dashboard's schedule figures are counted in one pass over the articles and kept
until anything they count changes, so a director reloading the dashboard does not pay
for that pass again, and never sees a figure that a change has made wrong."""

import datetime

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from encyclopedia import catalogue
from encyclopedia import services as content
from encyclopedia.models import Article
from reviews import cycles, services
from tests.reporting.factories import (
    DASHBOARD,
    get_page,
    headline_figures,
    login,
    open_cycle_of,
)
from tests.reviews.factories import TODAY as NOW
from tests.reviews.factories import proof_of

pytestmark = pytest.mark.django_db

# The one query that reads every published article (reporting.dashboard).
COUNT_BY_SPECIALTY = 'FROM "encyclopedia_article" INNER JOIN "accounts_specialty"'


def shown(client) -> dict[str, int]:
    return {
        label: count for label, (count, _) in headline_figures(get_page(client, DASHBOARD)).items()
    }


def counts_the_articles(queries) -> bool:
    return any(COUNT_BY_SPECIALTY in query["sql"] for query in queries.captured_queries)


@pytest.fixture
def director(client, brenda, encyclopedia):
    login(client, brenda)
    return client


def test_a_second_view_takes_the_figures_kept_by_the_first(director):
    with CaptureQueriesContext(connection) as first:
        before = shown(director)
    with CaptureQueriesContext(connection) as second:
        again = shown(director)

    assert counts_the_articles(first)
    assert not counts_the_articles(second)
    assert len(second) == len(first) - 1
    assert again == before


def test_a_retirement_shows_on_the_next_view(director, encyclopedia, brenda):
    before = shown(director)

    services.article_retire(
        article=encyclopedia.articles["Angina"], director=brenda, reason="Merged into Chest pain"
    )

    after = shown(director)
    assert after["Published"] == before["Published"] - 1
    assert after["Overdue"] == before["Overdue"] - 1


def test_a_re_certification_shows_on_the_next_view(director, encyclopedia, okafor):
    before = shown(director)

    cycles.review_cycle_recertify(
        cycle=open_cycle_of(encyclopedia.articles["Angina"]),
        reviewer=okafor.user,
        proof=proof_of(okafor.user),
        attested=True,
    )

    after = shown(director)
    assert after["Overdue"] == before["Overdue"] - 1
    assert after["Current"] == before["Current"] + 1


def test_a_new_review_interval_for_every_article_shows_on_the_next_view(director, brenda):
    before = shown(director)

    # Every dated article is re-reviewed ten years after its last review: none is due.
    content.review_policy_update(user=brenda, default_interval_months=120)

    after = shown(director)
    assert (after["Overdue"], after["Due soon"]) == (0, 0)
    assert after["Current"] == before["Current"] + before["Overdue"] + before["Due soon"]


def test_a_new_due_soon_window_shows_on_the_next_view(director, brenda):
    before = shown(director)

    # Dialysis (due in 10 days) and Endocarditis (in 30) are no longer due soon.
    content.review_policy_update(user=brenda, due_soon_days=5)

    after = shown(director)
    assert after["Due soon"] == before["Due soon"] - 2
    assert after["Current"] == before["Current"] + 2


def test_the_next_day_counts_again(director, brenda, today):
    before = shown(director)

    today.move_to(NOW + datetime.timedelta(days=1))
    login(director, brenda)  # the session of the day before has expired

    # Chest pain was due today: tomorrow it is overdue; Nephrotic syndrome, due in 61
    # days, comes into the 60-day window.
    after = shown(director)
    assert after["Overdue"] == before["Overdue"] + 1
    assert after["Current"] == before["Current"] - 1
    assert after["Due soon"] == before["Due soon"]


def test_a_write_that_bypasses_the_model_still_shows_on_the_next_view(director, encyclopedia):
    before = shown(director)

    Article.objects.filter(pk=encyclopedia.articles["Angina"].pk).update(
        last_reviewed_on=NOW.date()
    )

    assert shown(director)["Overdue"] == before["Overdue"] - 1


def test_the_generation_moves_on_again_once_a_change_commits(
    encyclopedia, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        Article.objects.filter(pk=encyclopedia.articles["Angina"].pk).update(title="Angina!")
        during = catalogue.generation()

    # What was counted while the change was in flight is kept under `during`: never read.
    assert catalogue.generation() != during
