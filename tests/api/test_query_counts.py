"""Every list endpoint issues a fixed number of queries, whatever the number of rows."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from encyclopedia.models import Article, Revision, Topic
from reviews import cycles
from tests.accounts.factories import ReviewerProfileFactory, UserFactory
from tests.reviews.cycles.factories import TODAY, bulk_due_articles, flag

pytestmark = pytest.mark.django_db
DUE = datetime.date(2026, 10, 1)


def queries_for(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, response.json()
    return len(captured.captured_queries)


def assert_constant(client, url: str, grow, django_assert_max_num_queries) -> None:
    """The queries for `url` with 3 rows, then with 30: no more the second time."""
    grow(3)
    few = queries_for(client, url)
    grow(27)
    with django_assert_max_num_queries(few):
        response = client.get(url)
    results = response.json()
    assert len(results["results"] if isinstance(results, dict) else results) >= 30


@pytest.fixture
def articles_with_topics(cardiology, maria):
    topic = Topic.objects.create(name="Anticoagulants", slug="anticoagulants")

    def grow(count: int) -> None:
        made = bulk_due_articles(count, due_on=DUE, specialty=cardiology, author=maria)
        topic.articles.add(*made)

    return grow


@pytest.mark.parametrize("who", ["anonymous", "team"])
def test_the_article_list(
    anonymous, signed_in, maria, articles_with_topics, django_assert_max_num_queries, who
):
    client = anonymous if who == "anonymous" else signed_in(maria)
    url = "/api/v1/articles/?page_size=50" + ("&review_state=overdue" if who == "team" else "")

    assert_constant(client, url, articles_with_topics, django_assert_max_num_queries)


def test_an_articles_revision_list(signed_in, article, maria, django_assert_max_num_queries):
    def grow(count: int) -> None:
        last = article.revisions.count()
        Revision.objects.bulk_create(
            Revision(
                article=article,
                number=last + n + 1,
                title=f"Draft {n}",
                author=UserFactory(username=f"editor{last + n}"),
            )
            for n in range(count)
        )

    url = f"/api/v1/articles/{article.number}/revisions/?page_size=50"
    assert_constant(signed_in(maria), url, grow, django_assert_max_num_queries)


def test_the_review_cycle_list(
    signed_in, cardiology, maria, brenda, okafor, django_assert_max_num_queries
):
    def grow(count: int) -> None:
        bulk_due_articles(count, due_on=DUE, specialty=cardiology, author=maria)
        flag()
        cycles.review_cycles_auto_assign(today=TODAY)  # some to Dr. Okafor, the rest unassigned

    assert_constant(
        signed_in(brenda), "/api/v1/cycles/?page_size=50", grow, django_assert_max_num_queries
    )


def test_the_reviewer_list(
    signed_in, cardiology, dermatology, maria, django_assert_max_num_queries
):
    def grow(count: int) -> None:
        for _ in range(count):
            ReviewerProfileFactory(specialties=[cardiology, dermatology])

    assert_constant(
        signed_in(maria), "/api/v1/reviewers/?page_size=50", grow, django_assert_max_num_queries
    )


def test_an_articles_live_page_does_not_grow_with_its_sections(
    anonymous, cardiology, maria, django_assert_max_num_queries
):
    from tests.encyclopedia.factories import published_article, sections_of

    short = published_article(
        title="Short", specialty=cardiology, author=maria, sections=sections_of(2)
    )
    long = published_article(
        title="Long", specialty=cardiology, author=maria, sections=sections_of(30)
    )
    few = queries_for(anonymous, f"/api/v1/articles/{short.number}/live/")

    with django_assert_max_num_queries(few):
        response = anonymous.get(f"/api/v1/articles/{long.number}/live/")
    assert len(response.json()["sections"]) == 30
    assert Article.objects.count() == 2
