"""The actions that ask first: taking back, withdrawing, publishing and retiring show
a page saying what they will do, read from the rows they change, and do nothing until
confirmed; what cannot happen is refused before any confirmation."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from encyclopedia.models import Article, Revision
from reviews.models import Approval, AuditEvent, ReviewCycle, Submission
from tests.reviews.cycles.factories import open_cycle
from tests.reviews.factories import (
    approved_revision,
    draft_change,
    fresh,
    sign,
    submitted_revision,
)

pytestmark = pytest.mark.django_db


def page_of(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def messages_of(response) -> str:
    return " ".join(str(message) for message in response.context["messages"])


def asked(client, name, *args, **data):
    """The confirmation page a button leads to (its post without `confirm`)."""
    response = client.post(reverse(name, args=args), data)
    page = page_of(response)
    form = page.select_one("form input[name=confirm][value='1']")
    assert form is not None, "the page offers the confirmed action"
    return page


def consequences(page) -> list[str]:
    return [li.get_text(" ", strip=True) for li in page.select("[data-testid=consequences] li")]


def test_taking_back_says_which_sign_offs_it_voids_and_does_nothing_until_confirmed(
    client, article, maria, okafor
):
    revision = submitted_revision(article, editor=maria)
    sign(revision, okafor.user)
    client.force_login(maria)
    events = AuditEvent.objects.count()

    page = asked(client, "reviews:revision-take-back", revision.pk)

    assert page.h1.get_text() == "Take v2 of Atrial fibrillation back to draft?"
    lines = consequences(page)
    assert lines[0] == (
        "Taking it back voids the sign-off recorded so far (Ngozi Okafor, MD, medical "
        "review): it was given to this text, and is kept in the history as void."
    )
    assert "The medical director step, waiting on anyone who may sign it, is cancelled." in lines
    assert any(line.startswith("v2 returns to draft") for line in lines)
    assert fresh(revision).state == Revision.State.IN_REVIEW
    assert AuditEvent.objects.count() == events

    response = client.post(
        reverse("reviews:revision-take-back", args=[revision.pk]),
        {"confirm": "1", "note": "One more fix"},
        follow=True,
    )

    assert "Taken back to draft." in messages_of(response)
    assert fresh(revision).state == Revision.State.DRAFT
    assert Approval.objects.get(submission__revision=revision, step="medical_review").decision == (
        Approval.Decision.VOIDED
    )
    assert AuditEvent.objects.filter(revision=revision).latest("pk").note == "One more fix"


def test_withdrawing_says_it_is_for_good_and_does_nothing_until_confirmed(client, article, maria):
    revision = submitted_revision(article, editor=maria)
    client.force_login(maria)

    page = asked(client, "reviews:revision-withdraw", revision.pk)

    lines = consequences(page)
    assert lines[0] == (
        "v2 is withdrawn for good: it cannot be edited, submitted or published again. "
        "To change the page later, start a new draft."
    )
    assert "No one has signed it yet." in lines
    assert "The live page does not change." in lines
    assert page.select_one("form button.danger").get_text() == "Withdraw v2"
    assert fresh(revision).state == Revision.State.IN_REVIEW

    client.post(reverse("reviews:revision-withdraw", args=[revision.pk]), {"confirm": "1"})

    assert fresh(revision).state == Revision.State.WITHDRAWN
    assert not Submission.objects.filter(revision=revision, state="open").exists()


def test_publishing_says_how_the_page_and_its_dates_change_and_waits_for_confirmation(
    client, article, maria, tom, okafor, dugdale, brenda
):
    revision = approved_revision(
        article,
        editor=maria,
        signers=[okafor.user, dugdale.user, brenda],
        kind=Revision.Kind.FULL_REVIEW,
    )
    rival = submitted_revision(fresh(article), editor=tom)
    client.force_login(maria)

    page = asked(client, "reviews:revision-publish", revision.pk)

    lines = consequences(page)
    assert lines[0] == f"The live page at /article/{article.number}/ changes from v1 to v2 now."
    assert lines[1].startswith(
        "Review Date becomes 11/27/2026 (now 7/23/2024), the day of the medical review; "
        "the page credits “Updated by: Ngozi Okafor, MD"
    )
    assert "The updated date becomes 11/27/2026." in lines
    assert (
        f"v{rival.number} (in review, by Tom Becker) is superseded: its sign-offs are void, "
        "since the page its signers compared changes. Its editors are told."
    ) in lines
    assert fresh(article).live_revision_id != revision.pk
    assert fresh(revision).state == Revision.State.APPROVED

    response = client.post(
        reverse("reviews:revision-publish", args=[revision.pk]), {"confirm": "1"}, follow=True
    )

    assert "Published: the live page now shows this revision." in messages_of(response)
    assert fresh(article).live_revision_id == revision.pk
    assert fresh(rival).state == Revision.State.SUPERSEDED


def test_publishing_a_correction_says_the_review_date_stays(client, article, maria, brenda):
    revision = approved_revision(
        article, editor=maria, signers=[brenda], kind=Revision.Kind.CORRECTION
    )
    client.force_login(maria)

    lines = consequences(asked(client, "reviews:revision-publish", revision.pk))

    assert (
        "Review Date stays 7/23/2024: a correction does not move it. The credits stay as they are."
        in lines
    )


def test_retiring_says_the_page_goes_and_its_review_is_cancelled_then_waits_for_confirmation(
    client, article, brenda, maria
):
    cycle = open_cycle(article)
    submitted_revision(article, editor=maria)
    client.force_login(brenda)

    page = asked(client, "reviews:article-retire", article.number, reason="Merged into Arrhythmia")

    lines = consequences(page)
    assert lines[0] == (
        f"The page at /article/{article.number}/ stops being public now: readers and search "
        "engines get 410 Gone there, and it leaves the A–Z index."
    )
    assert any(line.startswith("Its open periodic review (due ") for line in lines)
    assert (
        "Revisions in progress are kept, but can no longer be published: "
        "v2 (in review, by Maria Santos)."
    ) in lines
    assert page.select_one("input[name=reason]")["value"] == "Merged into Arrhythmia"
    assert fresh(article).status == Article.Status.PUBLISHED
    assert fresh(cycle).state == ReviewCycle.State.OPEN

    client.post(
        reverse("reviews:article-retire", args=[article.number]),
        {"confirm": "1", "reason": "Merged into Arrhythmia"},
    )

    assert fresh(article).status == Article.Status.RETIRED
    assert fresh(cycle).state == ReviewCycle.State.CANCELLED


def test_confirming_a_retirement_without_a_reason_is_refused_with_the_reason_asked_for(
    client, article, brenda
):
    client.force_login(brenda)

    response = client.post(
        reverse("reviews:article-retire", args=[article.number]), {"confirm": "1"}, follow=True
    )

    assert "Say why the article is retired." in messages_of(response)
    assert fresh(article).status == Article.Status.PUBLISHED


def test_an_action_that_cannot_happen_is_refused_before_any_confirmation(
    client, article, maria, tom
):
    draft = draft_change(article, editor=maria)
    client.force_login(tom)

    take_back = client.post(reverse("reviews:revision-take-back", args=[draft.pk]), follow=True)
    withdraw = client.post(reverse("reviews:revision-withdraw", args=[draft.pk]), follow=True)

    assert "You cannot take back to draft this revision: it is draft." in messages_of(take_back)
    assert "Only the revision's author can withdraw it." in messages_of(withdraw)
    assert take_back.redirect_chain[-1][0] == reverse("reviews:revision", args=[draft.pk])
