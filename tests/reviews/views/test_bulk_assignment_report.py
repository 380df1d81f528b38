"""Assigning the reviews ticked on the director's list reports row by row: how many were
assigned, then each review that was not, under the eligibility rule's reason; never a
success message when nothing was assigned."""

import pytest
from django.contrib.messages import constants
from django.urls import reverse

from reviews.models import AuditEvent, ReviewCycle
from tests.accounts.factories import SpecialtyFactory
from tests.reviews.cycles.factories import TODAY, days, due_article, flag
from tests.reviews.factories import reviewer

pytestmark = pytest.mark.django_db

ASSIGN = reverse("reviews:cycle-assign")
CYCLES = reverse("reviews:cycles")


def report(response) -> list[tuple[str, str]]:
    """The messages after the assignment: (level, text)."""
    return [
        ("success" if m.level == constants.SUCCESS else m.level_tag, str(m))
        for m in response.context["messages"]
    ]


def assign(client, cycle_list, reviewer_user):
    return client.post(
        ASSIGN,
        {"cycle": [c.pk for c in cycle_list], "reviewer": reviewer_user.pk, "next": CYCLES},
        follow=True,
    )


@pytest.fixture
def nephrology(db):
    return SpecialtyFactory(name="Nephrology", slug="nephrology")


@pytest.fixture
def ticked(maria, cardiology, nephrology):
    """Four open reviews: three cardiology, one nephrology, oldest first."""
    articles = [
        due_article(TODAY - days(300), specialty=cardiology, author=maria, title="Angina"),
        due_article(TODAY - days(200), specialty=nephrology, author=maria, title="Gout"),
        due_article(TODAY - days(100), specialty=cardiology, author=maria, title="Endocarditis"),
        due_article(TODAY - days(50), specialty=cardiology, author=maria, title="Myocarditis"),
    ]
    flag()
    return [ReviewCycle.objects.get(article=a) for a in articles]


def test_one_ineligible_row_is_named_with_why_and_the_rest_are_assigned(
    client, brenda, okafor, ticked
):
    client.force_login(brenda)

    response = assign(client, ticked, okafor.user)

    assert response.redirect_chain[-1][0] == CYCLES
    assert report(response) == [
        ("success", "Assigned 3 of the 4 reviews to Ngozi Okafor."),
        (
            "error",
            "Not assigned: Gout. Ngozi Okafor, MD does not review Nephrology; an editorial "
            "director can allow it with a recorded reason.",
        ),
    ]
    assigned = ReviewCycle.objects.filter(assignee=okafor.user)
    assert sorted(assigned.values_list("article__title", flat=True)) == [
        "Angina",
        "Endocarditis",
        "Myocarditis",
    ]
    # The list shows the refused row still unassigned.
    assert "Gout" in response.content.decode()


def test_each_reason_gets_its_own_line_naming_the_reviews_it_held_back(
    client, brenda, okafor, cardiology, ticked
):
    okafor.capacity = 1
    okafor.save()
    client.force_login(brenda)

    response = assign(client, ticked, okafor.user)

    assert report(response) == [
        ("success", "Assigned 1 of the 4 reviews to Ngozi Okafor."),
        (
            "error",
            "Not assigned: Gout. Ngozi Okafor, MD does not review Nephrology; an editorial "
            "director can allow it with a recorded reason.",
        ),
        (
            "error",
            "Not assigned: Endocarditis, Myocarditis. Ngozi Okafor, MD is at capacity "
            "(1 of 1 open reviews).",
        ),
    ]


def test_when_nothing_is_assigned_no_success_is_claimed(client, brenda, lee, ticked):
    client.force_login(brenda)

    response = assign(client, ticked, lee.user)

    assert report(response) == [
        (
            "error",
            "Not assigned: Angina, Gout, Endocarditis, Myocarditis. Daniel Lee, MD's licence "
            "is not valid on November 27, 2026.",
        )
    ]
    assert not ReviewCycle.objects.exclude(assignee=None).exists()
    assert not AuditEvent.objects.filter(action="assign_cycle").exists()


def test_a_single_review_from_its_page_is_refused_with_why(
    client, brenda, maria, cardiology, ticked
):
    haddad = reviewer("haddad", credit_name="Samir Haddad, MD", specialties=[])
    client.force_login(brenda)
    page = reverse("reviews:cycle", args=[ticked[0].pk])

    response = client.post(
        ASSIGN, {"cycle": [ticked[0].pk], "reviewer": haddad.user.pk, "next": page}, follow=True
    )

    assert response.redirect_chain[-1][0] == page
    assert report(response) == [
        (
            "error",
            "Not assigned: Angina. Samir Haddad, MD does not review Cardiology; an editorial "
            "director can allow it with a recorded reason.",
        )
    ]


def test_every_review_assigned_says_so_plainly(client, brenda, okafor, ticked):
    client.force_login(brenda)
    cardiology_only = [ticked[0], ticked[2]]

    response = assign(client, cardiology_only, okafor.user)

    assert report(response) == [("success", "Assigned both reviews to Ngozi Okafor.")]


def test_reviews_that_no_longer_exist_are_not_claimed_as_assigned(client, brenda, okafor, ticked):
    client.force_login(brenda)

    response = client.post(ASSIGN, {"cycle": ["999999"], "reviewer": okafor.user.pk}, follow=True)

    assert report(response) == [
        ("error", "None of the ticked reviews was found: reload the list and tick them again.")
    ]
