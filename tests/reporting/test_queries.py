"""The dashboard and the article list issue the same number of queries whatever the size
of the encyclopedia: counted at a small size, then held to that count at a larger one."""

import pytest
from django.urls import reverse

from accounts.models import Specialty
from reporting.models import MetricSnapshot
from reviews import cycles
from tests.accounts.factories import SpecialtyFactory
from tests.encyclopedia.factories import published_article
from tests.reporting.factories import (
    ARTICLES,
    DASHBOARD,
    TODAY,
    at,
    bulk_due_articles,
    days,
    due_article,
    flag,
    get_page,
    list_rows,
    login,
    open_cycle_of,
    panel,
    reviewer,
    submitted_change,
    table_rows,
)
from tests.reviews.factories import (
    proof_of,
    published_revision,
)

pytestmark = pytest.mark.django_db

WAITING = reverse("reporting:revisions-waiting")
AUDIT = reverse("reporting:audit-report")


def grow(*, size: int, name: str, maria, brenda, specialties: list[Specialty]) -> None:
    """`size` more published articles with open reviews spread over the specialties, a
    reviewer for each specialty who gets them, one review completed, one revision
    waiting in review and one more daily snapshot."""
    per_specialty = size // len(specialties)
    lateness = [3, 45, 120, 250, 500]
    for n, specialty in enumerate(specialties):
        reviewer(
            f"{name}-{n}",
            credit_name=f"Reviewer {name} {n}, MD",
            specialties=[specialty],
            capacity=100,
        )
        for k in range(per_specialty - 1):
            bulk_due_articles(
                1,
                due_on=TODAY - days(lateness[k % len(lateness)]),
                specialty=specialty,
                author=maria,
                prefix=f"{name}{n}x{k}",
            )
    done = due_article(TODAY - days(20), specialty=specialties[0], author=maria, title=name)
    flag()
    cycles.review_cycles_auto_assign(today=TODAY, now=at(TODAY, 6))
    cycle = open_cycle_of(done)
    cycles.review_cycle_recertify(
        cycle=cycle, reviewer=cycle.assignee, proof=proof_of(cycle.assignee), attested=True
    )
    for n in range(max(1, size // 10)):
        waiting = due_article(
            TODAY + days(300), specialty=specialties[0], author=maria, title=f"W {name} {n}"
        )
        submitted_change(waiting, editor=maria, now=at(TODAY - days(2 + n)))
    MetricSnapshot.objects.create(day=TODAY - days(MetricSnapshot.objects.count()), published=1)


@pytest.fixture
def sizes(maria, brenda, cardiology):
    """Grows the encyclopedia from 5 to 40 articles (and 1 to 5 specialties, reviewers)."""

    def small():
        grow(size=5, name="small", maria=maria, brenda=brenda, specialties=[cardiology])

    def large():
        more = [SpecialtyFactory(name=f"Specialty {n}") for n in range(4)]
        grow(size=35, name="large", maria=maria, brenda=brenda, specialties=[cardiology, *more])

    return small, large


@pytest.mark.parametrize(
    "url",
    [DASHBOARD, ARTICLES, ARTICLES + "?status=overdue&sort=title", WAITING],
)
def test_the_page_issues_the_same_queries_for_5_articles_as_for_40(
    client, brenda, sizes, django_assert_max_num_queries, url
):
    small, large = sizes
    login(client, brenda)
    small()
    with django_assert_max_num_queries(40) as few:
        assert client.get(url).status_code == 200

    large()
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = get_page(client, url)

    if url == DASHBOARD:
        assert len(table_rows(panel(page, "By reviewer"))) == 6
        assert len(table_rows(panel(page, "By specialty"))) == 5
    elif url == WAITING:
        assert len(page.select("table.data tbody tr")) == 4
    else:
        assert len(list_rows(page)) >= 30


def test_the_audit_report_of_every_article_issues_the_same_queries_for_5_as_for_40(
    client, brenda, maria, okafor, dugdale, cardiology, django_assert_max_num_queries
):
    signers = [okafor.user, dugdale.user, brenda]

    def publish(count: int, name: str, signed: int) -> None:
        for n in range(count):
            article = published_article(title=f"{name} {n}", specialty=cardiology, author=maria)
            if n < signed:
                published_revision(article, editor=maria, signers=signers)

    login(client, brenda)
    publish(5, "Small", signed=1)
    with django_assert_max_num_queries(40) as few:
        assert client.get(AUDIT, {"date": str(TODAY)}).status_code == 200

    publish(35, "Large", signed=3)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = get_page(client, AUDIT, {"date": str(TODAY)})

    assert len(page.select("section.audit-entry")) == 40
    assert len(page.select("section.audit-entry table tbody tr")) == 4 * 3
