"""Scenarios 10 and 11 in a real browser: a reviewer re-certifies an overdue article, and
the editorial director goes from a dashboard figure to the articles behind it, assigns
them in bulk and exports the list."""

import datetime

import pytest
from dateutil.relativedelta import relativedelta
from playwright.sync_api import Page, expect

from core.clock import today
from reviews import cycles
from reviews.models import ReviewCycle
from tests.accounts.factories import PASSWORD
from tests.browser.pages import sign_in
from tests.encyclopedia.factories import published_article

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def overdue_review(maria, okafor, brenda, cardiology):
    """An article last reviewed 30 months ago, its review open and assigned to Dr. Okafor."""
    article = published_article(
        author=maria, specialty=cardiology, reviewed_on=today() - relativedelta(months=30)
    )
    cycles.review_cycles_flag_overdue(today=today())
    cycles.review_cycles_assign(
        cycles=article.review_cycles.all(), reviewer=okafor.user, director=brenda, today=today()
    )
    return article


def sign_recertification(page: Page, base: str, username: str) -> None:
    """A later signer of the re-certification: from their queue to their signature."""
    sign_in(page, base, username)
    page.goto(f"{base}/work/queue/")
    page.get_by_role("link", name="Sign the re-certification").click()
    page.get_by_label("Sign the re-certification").check()
    page.get_by_label("I have reviewed the live page and it is still medically accurate.").check()
    page.get_by_label("Your password").fill(PASSWORD)
    page.get_by_role("button", name="Record decision").click()
    expect(page.get_by_text("Signed:")).to_be_visible()


def test_a_reviewer_recertifies_an_overdue_article(
    live_server, okafor, dugdale, brenda, overdue_review, page: Page
):
    base = live_server.url
    sign_in(page, base, "okafor")
    page.goto(f"{base}/work/queue/")
    page.get_by_role("link", name="Atrial fibrillation").click()

    # She reads the live page, with its references and their accessed dates…
    expect(page.get_by_text("Anticoagulants prevent clots.")).to_be_visible()
    expect(page.get_by_text("accessed July 1, 2024")).to_be_visible()
    # …a wrong password records nothing…
    page.get_by_label("I have reviewed this content and it is still medically accurate.").check()
    page.get_by_label("Your password").fill("not-my-password")
    page.get_by_role("button", name="Sign: re-certified, no change").click()
    expect(page.get_by_text("That password is not right")).to_be_visible()
    # …and signing again records her signature, the first of the re-certification's.
    page.get_by_label("I have reviewed this content and it is still medically accurate.").check()
    page.get_by_label("Your password").fill(PASSWORD)
    page.get_by_role("button", name="Sign: re-certified, no change").click()
    expect(page.get_by_text("your signature is recorded")).to_be_visible()

    # The medical director and the editorial director sign it in turn.
    sign_recertification(page, base, "dugdale")
    sign_recertification(page, base, "brenda")

    day = today()
    page.goto(f"{base}/article/{overdue_review.number}/")
    expect(page.locator(".review-date")).to_have_text(
        f"Review Date {day.month}/{day.day}/{day.year}"
    )
    credits = page.locator(".updated-by")
    expect(credits).to_contain_text("Updated by: Ngozi Okafor, MD")
    expect(credits).to_contain_text("Also reviewed by David C. Dugdale, MD, Medical Director")


@pytest.fixture
def overdue_articles(maria, okafor, cardiology, dermatology):
    """Three articles overdue by more than 90 days (one in dermatology, which Dr. Okafor
    does not review) and one by ten days, none assigned."""
    for title, specialty, days_overdue in (
        ("Angina", cardiology, 120),
        ("Bradycardia", cardiology, 200),
        ("Eczema", dermatology, 150),
        ("Cardiomyopathy", cardiology, 10),
    ):
        reviewed = today() - datetime.timedelta(days=days_overdue) - relativedelta(months=24)
        published_article(title=title, author=maria, specialty=specialty, reviewed_on=reviewed)
    cycles.review_cycles_flag_overdue(today=today())


def test_a_director_assigns_the_articles_behind_a_figure_and_exports_them(
    live_server, brenda, okafor, overdue_articles, page: Page
):
    base = live_server.url
    sign_in(page, base, "brenda")
    expect(page.get_by_role("heading", name="Review dashboard")).to_be_visible()

    page.get_by_role("link", name="3 over 90 days").click()
    expect(page.get_by_role("link", name="Angina")).to_be_visible()
    expect(page.get_by_role("link", name="Bradycardia")).to_be_visible()
    expect(page.get_by_role("link", name="Cardiomyopathy")).to_have_count(0)

    # She ticks all three; Dr. Okafor does not review dermatology.
    for title in ("Angina", "Bradycardia", "Eczema"):
        page.get_by_label(f"Select {title}").check()
    page.get_by_label("Assign the ticked reviews to").select_option(label=str(okafor.user))
    page.get_by_role("button", name="Assign").click()
    expect(page.get_by_text("Assigned 2 of the 3 reviews to Ngozi Okafor.")).to_be_visible()
    expect(page.get_by_text("Not assigned: Eczema.")).to_be_visible()
    expect(page.get_by_text("Not assigned: Angina")).to_have_count(0)

    with page.expect_download() as download:
        page.get_by_role("link", name="Download CSV").click()
    exported = download.value.path().read_text(encoding="utf-8")
    assert "Angina" in exported and "Bradycardia" in exported and "Eczema" in exported
    assert "Cardiomyopathy" not in exported


@pytest.fixture
def many_reviews(maria, okafor, brenda, cardiology):
    """55 overdue articles, the lower the number the longer overdue, all Dr. Okafor's."""
    okafor.capacity = 100
    okafor.save()
    for n in range(55):
        reviewed = today() - datetime.timedelta(days=100 - n) - relativedelta(months=24)
        published_article(
            title=f"Page {n:02d}", author=maria, specialty=cardiology, reviewed_on=reviewed
        )
    cycles.review_cycles_flag_overdue(today=today())
    cycles.review_cycles_assign(
        cycles=list(ReviewCycle.objects.open()),
        reviewer=okafor.user,
        director=brenda,
        today=today(),
    )


def test_a_reviewer_pages_through_her_periodic_reviews(
    live_server, okafor, many_reviews, page: Page
):
    base = live_server.url
    sign_in(page, base, "okafor")
    page.goto(f"{base}/work/queue/")

    expect(page.get_by_text("55 open, soonest due first; 1–50 shown.")).to_be_visible()
    expect(page.get_by_role("link", name="Page 00")).to_be_visible()
    expect(page.get_by_role("link", name="Page 50")).to_have_count(0)

    page.get_by_role("navigation", name="Pages").get_by_role("link", name="Next").click()
    expect(page.get_by_text("Page 2 of 2")).to_be_visible()
    expect(page.get_by_role("link", name="Page 54")).to_be_visible()
    expect(page.get_by_role("link", name="Page 00")).to_have_count(0)
