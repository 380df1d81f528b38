"""A reference older than the policy's limit is flagged on the review page."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from encyclopedia.link_checker import LinkResult, link_check_record
from encyclopedia.models import ReviewPolicy
from encyclopedia.reference_checks import AgeRule, reference_age
from encyclopedia.services import ReferenceInput
from tests.encyclopedia.factories import draft_article

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 12, 2)


def rule(limit=5):
    return AgeRule(limit_years=limit, today=DAY)


def test_a_reference_published_twelve_years_ago_is_too_old():
    age = reference_age(published_year=2014, accessed_on=None, rule=rule())

    assert age.too_old
    assert age.message == (
        "Published 2014 — 12 years old; the policy asks for evidence at most 5 years old"
    )


def test_a_reference_within_the_limit_is_not_flagged():
    assert not reference_age(published_year=2021, accessed_on=None, rule=rule()).too_old
    assert reference_age(published_year=2020, accessed_on=None, rule=rule()).too_old


def test_without_a_year_the_accessed_date_counts():
    old = reference_age(published_year=None, accessed_on=datetime.date(2019, 3, 1), rule=rule())
    recent = reference_age(published_year=None, accessed_on=datetime.date(2024, 3, 1), rule=rule())

    assert old.too_old and old.years_old == 7
    assert not recent.too_old


def test_the_year_wins_over_the_accessed_date():
    age = reference_age(published_year=2010, accessed_on=datetime.date(2026, 1, 1), rule=rule())

    assert age.too_old


@time_machine.travel(datetime.datetime(2026, 12, 2, 12, tzinfo=datetime.UTC), tick=False)
def test_the_review_page_flags_the_old_reference_and_the_broken_link(client, maria, brenda):
    ReviewPolicy.objects.update_or_create(pk=1, defaults={"reference_age_limit_years": 5})
    article = draft_article(
        author=maria,
        references=[
            ReferenceInput(
                citation="Old trial.", url="https://old.example/trial", published_year=2014
            ),
            ReferenceInput(citation="New guideline.", published_year=2025),
        ],
    )
    link_check_record(
        url="https://old.example/trial",
        result=LinkResult("broken", status_code=404, method="HEAD", detail="Not found."),
        now=timezone.now(),
    )
    revision = article.revisions.get()
    client.force_login(brenda)

    page = client.get(reverse("reviews:revision-review", args=[revision.pk])).content.decode()

    assert "Published 2014 — 12 years old; the policy asks for evidence at most 5 years old" in page
    assert "Published 2025 — 1 year old" in page
    assert "Broken (404) since" in page
    assert "reference=https%3A//old.example/trial" in page


def test_the_out_of_cycle_form_comes_filled_in_from_the_link(client, brenda):
    client.force_login(brenda)

    page = client.get(
        reverse("reviews:out-of-cycle"),
        {"reference": "https://old.example/trial", "reason": "Broken link"},
    ).content.decode()

    assert 'value="https://old.example/trial"' in page
    assert 'value="Broken link"' in page
