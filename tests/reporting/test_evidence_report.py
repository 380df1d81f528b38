"""The directors' evidence report: the live pages' broken links and out-of-date
references, each with an out-of-cycle review one click away."""

import pytest
from django.urls import reverse
from django.utils import timezone

from encyclopedia.link_checker import LinkResult, link_check_record
from encyclopedia.models import ReviewPolicy
from encyclopedia.services import ReferenceInput
from reviews.models import ReviewCycle
from tests.encyclopedia.factories import draft_article, published_article

pytestmark = pytest.mark.django_db
URL = reverse("reporting:evidence-report")


def page_citing(title: str, *references: ReferenceInput, **kwargs):
    return published_article(title=title, references=list(references), **kwargs)


def broken(url: str) -> None:
    link_check_record(
        url=url,
        result=LinkResult("broken", status_code=404, method="GET", detail="Not Found"),
        now=timezone.now(),
    )


@pytest.fixture
def evidence(maria, cardiology):
    ReviewPolicy.objects.update_or_create(pk=1, defaults={"reference_age_limit_years": 5})
    trial = ReferenceInput(
        citation="Old trial.", url="https://old.example/trial", published_year=2012
    )
    guideline = ReferenceInput(
        citation="New guideline.", url="https://ok.example/", published_year=2025
    )
    angina = page_citing("Angina", trial, guideline, author=maria, specialty=cardiology)
    fresh = page_citing("Bradycardia", guideline, author=maria, specialty=cardiology)
    # A draft is not a live page: its broken link and old paper are not listed.
    draft_article(title="Cardiomyopathy", author=maria, references=[trial])
    broken("https://old.example/trial")
    link_check_record(
        url="https://ok.example/", result=LinkResult("ok", status_code=200, method="HEAD"),
        now=timezone.now(),
    )  # fmt: skip
    return angina, fresh


def test_the_report_lists_the_live_pages_broken_links_and_old_references(client, brenda, evidence):
    angina, _ = evidence
    client.force_login(brenda)

    page = client.get(URL)

    assert page.status_code == 200
    text = page.text
    broken_part, old_part = text.split('id="old-references"')
    assert 'Broken links <span class="muted">(1)</span>' in broken_part
    assert "Old trial." in broken_part and "Broken (404)" in broken_part
    assert "Cardiomyopathy" not in text
    assert "Angina" in old_part and "2012" in old_part
    assert "Bradycardia" not in old_part
    assert "reference=https%3A%2F%2Fold.example%2Ftrial" in broken_part
    assert f"article={angina.number}" in old_part


def test_one_click_from_the_report_opens_the_review_of_that_article(
    client, brenda, okafor, evidence
):
    angina, _ = evidence
    client.force_login(brenda)
    report = client.get(URL).text
    link = report.split('id="old-references"')[1].split('class="button" href="')[1].split('"')[0]

    form = client.get(link.replace("&amp;", "&"))
    assert f'value="{angina.number}"' in form.text
    reason = "Cites evidence from 2012, older than the policy allows"
    assert reason in form.text
    response = client.post(
        reverse("reviews:out-of-cycle"), {"article": angina.number, "reason": reason}, follow=True
    )

    assert response.status_code == 200
    [cycle] = ReviewCycle.objects.open()
    assert (cycle.article, cycle.origin, cycle.reason) == (
        angina,
        ReviewCycle.Origin.OUT_OF_CYCLE,
        reason,
    )


def test_an_unknown_article_number_is_refused_on_the_form(client, brenda, evidence):
    client.force_login(brenda)

    response = client.post(
        reverse("reviews:out-of-cycle"), {"article": "999999", "reason": "Old evidence"}
    )

    assert response.status_code == 200
    assert "No article has this number." in response.text
    assert not ReviewCycle.objects.exists()


def test_the_report_costs_the_same_queries_however_many_rows(
    client, brenda, maria, cardiology, evidence, django_assert_max_num_queries
):
    client.force_login(brenda)
    with django_assert_max_num_queries(30) as few:
        client.get(URL)
    for n in range(6):
        url = f"https://gone.example/{n}"
        page_citing(
            f"Page {n}",
            ReferenceInput(citation=f"Paper {n}.", url=url, published_year=2010),
            author=maria,
            specialty=cardiology,
        )
        broken(url)

    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(URL)
    assert page.text.count("Open a review") == 14


def test_the_report_is_for_editorial_directors(client, maria):
    client.force_login(maria)
    assert client.get(URL).status_code == 403
