"""Every list a director assigns from shows who is eligible first, then each person who
is not, disabled, with the eligibility rule's reason: the step on the revision page,
one periodic review on its page, and the lists assigning many reviews at once (which
can only judge what holds of a reviewer whatever the review)."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from accounts.models import ReviewerProfile
from reviews import cycles
from reviews.models import ReviewCycle
from tests.accounts.factories import SpecialtyFactory
from tests.reviews.cycles.factories import TODAY, days, due_article, flag
from tests.reviews.factories import pending_step, reviewer, submitted_revision

pytestmark = pytest.mark.django_db

LEE_EXPIRED = "Daniel Lee, MD's licence is not valid on November 27, 2026."


def drop_down(client, url: str, name: str) -> list[tuple[str, str, bool]]:
    """The options of drop-down `name`: (group, text, disabled), in order."""
    select = assigning(client, url, name)
    return [
        (option.parent.get("label", ""), option.get_text(), option.has_attr("disabled"))
        for option in select.find_all("option")
        if option.get("value")
    ]


def assigning(client, url: str, name: str):
    """The drop-down `name` of the page's assignment form (not a filter of the same name)."""
    page = BeautifulSoup(client.get(url).content, "html.parser")
    (select,) = [
        select
        for select in page.find_all("select", attrs={"name": name})
        if select.find_parent("form", method="post")
    ]
    return select


def selected(client, url: str, name: str) -> str:
    option = assigning(client, url, name).find("option", selected=True)
    return option.get_text() if option else ""


@pytest.fixture
def nephrology(db):
    return SpecialtyFactory(name="Nephrology", slug="nephrology")


@pytest.fixture
def adams(cardiology):
    return reviewer("adams", credit_name="Aaron Adams, MD", specialties=[cardiology])


# --- The step on the revision page -------------------------------------------------------


def test_the_step_lists_who_may_sign_it_then_who_may_not_and_why(
    client, article, maria, okafor, lee, adams, brenda
):
    adams.conflict_specialties.add(article.specialty)
    revision = submitted_revision(article, editor=maria, reviewer=okafor)
    client.force_login(brenda)

    options = drop_down(client, reverse("reviews:revision", args=[revision.pk]), "assignee")

    assert options == [
        ("Eligible", "Ngozi Okafor", False),
        ("Not eligible", "Aaron Adams, MD declared a conflict of interest covering "
                         "Cardiology.", True),
        ("Not eligible", LEE_EXPIRED, True),
    ]  # fmt: skip


def test_an_assignee_who_can_no_longer_sign_is_not_left_selected(
    client, article, maria, okafor, brenda
):
    revision = submitted_revision(article, editor=maria, reviewer=okafor)
    ReviewerProfile.objects.filter(pk=okafor.pk).update(
        licence_expires_on=datetime.date(2026, 11, 1)
    )
    client.force_login(brenda)
    url = reverse("reviews:revision", args=[revision.pk])

    # Submitting a disabled choice posts nothing: the pool would be assigned unawares.
    assert selected(client, url, "assignee") == "Anyone who may sign (pool)"
    page = client.get(url).content.decode()
    assert "No one may sign the medical review now: the list gives each person" in page


def test_assigning_the_step_says_to_whom(client, article, maria, okafor, adams, brenda):
    revision = submitted_revision(article, editor=maria, reviewer=okafor)
    client.force_login(brenda)
    url = reverse("reviews:approval-assign", args=[pending_step(revision).pk])

    to_adams = client.post(url, {"assignee": adams.user.pk}, follow=True)
    to_pool = client.post(url, {"assignee": ""}, follow=True)

    assert [str(m) for m in to_adams.context["messages"]] == [
        f"Medical review assigned to {adams.user}."
    ]
    assert [str(m) for m in to_pool.context["messages"]] == [
        "Medical review given back to the pool: anyone who may sign it can."
    ]
    assert pending_step(revision).assignee is None


def test_a_stale_page_posting_someone_refused_gets_the_reason(
    client, article, maria, okafor, lee, brenda
):
    revision = submitted_revision(article, editor=maria, reviewer=okafor)
    client.force_login(brenda)

    response = client.post(
        reverse("reviews:approval-assign", args=[pending_step(revision).pk]),
        {"assignee": lee.user.pk},
        follow=True,
    )

    assert [str(m) for m in response.context["messages"]] == [LEE_EXPIRED]
    assert pending_step(revision).assignee == okafor.user


# --- One periodic review ------------------------------------------------------------------


def test_one_review_lists_its_exact_verdict_on_each_reviewer(
    client, maria, okafor, lee, adams, brenda, cardiology
):
    adams.capacity = 0
    adams.save()
    article = due_article(TODAY - days(30), specialty=cardiology, author=okafor.user)
    flag()
    cycle = ReviewCycle.objects.get(article=article)
    client.force_login(brenda)
    url = reverse("reviews:cycle", args=[cycle.pk])

    assert drop_down(client, url, "reviewer") == [
        ("Not eligible", "Aaron Adams, MD is at capacity (0 of 0 open reviews).", True),
        ("Not eligible", LEE_EXPIRED, True),
        ("Not eligible", "Ngozi Okafor wrote or edited the live version of this article.", True),
    ]
    assert "No medical reviewer may take this review now" in client.get(url).content.decode()


def test_one_review_offers_its_eligible_reviewers_first(
    client, maria, okafor, lee, brenda, nephrology, cardiology
):
    article = due_article(TODAY - days(30), specialty=cardiology, author=maria)
    kidneys = reviewer("haddad", credit_name="Samir Haddad, MD", specialties=[nephrology])
    flag()
    client.force_login(brenda)
    url = reverse("reviews:cycle", args=[ReviewCycle.objects.get(article=article).pk])

    options = drop_down(client, url, "reviewer")

    assert options[0] == ("Eligible", "Ngozi Okafor", False)
    assert [text for group, text, _ in options if group == "Not eligible"] == [
        LEE_EXPIRED,
        "Samir Haddad, MD does not review Cardiology; an editorial director can allow it "
        "with a recorded reason.",
    ]
    assert str(kidneys.user) not in [text for _, text, off in options if not off]


# --- Many reviews at once -------------------------------------------------------------------


@pytest.mark.parametrize(
    "url", [reverse("reviews:cycles"), reverse("reporting:dashboard-articles")]
)
def test_lists_of_many_reviews_show_what_holds_of_each_reviewer_whatever_is_ticked(
    client, url, maria, okafor, lee, adams, brenda, cardiology, nephrology
):
    adams.capacity = 1
    adams.save()
    taken = due_article(TODAY - days(40), specialty=cardiology, author=maria, title="Angina")
    due_article(TODAY - days(30), specialty=nephrology, author=maria, title="Gout")
    flag()
    cycles.review_cycles_assign(
        cycles=[ReviewCycle.objects.get(article=taken)],
        reviewer=adams.user,
        director=brenda,
        today=TODAY,
    )
    client.force_login(brenda)

    options = drop_down(client, url, "reviewer")

    # A specialty is each review's own: Dr. Okafor is offered for the nephrology review
    # too, and the assignment says row by row what she may not take.
    assert options == [
        ("Eligible", "Ngozi Okafor", False),
        ("Not eligible", "Aaron Adams, MD is at capacity (1 of 1 open reviews).", True),
        ("Not eligible", LEE_EXPIRED, True),
    ]
