"""When no medical reviewer may sign a revision's medical review, the editor is told on
their drafts list, with why, and the editorial director's queue lists the revision:
the same eligibility rule that decides the sign-off decides who qualifies."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from accounts.models import ReviewerProfile
from encyclopedia.models import Topic
from reviews import eligibility, services
from tests.reviews.factories import (
    TODAY,
    draft_change,
    live_article,
    pending_step,
    reviewer,
    submitted_revision,
)

pytestmark = pytest.mark.django_db

ON = TODAY.date()
DRAFTS = reverse("reviews:drafts")
QUEUE = reverse("reviews:queue")
TOLD = "No reviewer qualifies for medical review of this revision: "


def told(client, user) -> dict[str, str]:
    """Revision title → what the editor's drafts list says nobody qualifies, and why."""
    client.force_login(user)
    page = BeautifulSoup(client.get(DRAFTS).content, "html.parser")
    panel = page.find(id="nobody-qualifies")
    if panel is None:
        return {}
    return {
        item.a.get_text().rsplit(" v", 1)[0]: item.find(class_="refusal").get_text()
        for item in panel.find_all("li")
    }


def listed(client, user) -> dict[str, str]:
    """Revision title → why, as the queue's table of revisions nobody qualifies for."""
    client.force_login(user)
    page = BeautifulSoup(client.get(QUEUE).content, "html.parser")
    heading = page.find(id="nobody-qualifies")
    if heading is None:
        return {}
    rows = heading.find_next("table").find("tbody").find_all("tr")
    return {
        row.a.get_text().rsplit(" v", 1)[0]: row.find(class_="refusal").get_text() for row in rows
    }


@pytest.fixture
def skin_article(maria, dermatology):
    return live_article(specialty=dermatology, author=maria, title="Eczema")


def test_the_editor_is_told_no_reviewer_covers_the_specialty(
    client, maria, okafor, skin_article, article
):
    submitted_revision(skin_article, editor=maria)
    submitted_revision(article, editor=maria)  # Dr. Okafor reviews cardiology

    assert told(client, maria) == {
        "Eczema": TOLD + "No active reviewer with a valid licence covers Dermatology."
    }


def test_an_expired_licence_is_no_cover(client, maria, lee, article):
    submitted_revision(article, editor=maria)

    assert told(client, maria) == {
        "Atrial fibrillation": TOLD + "No active reviewer with a valid licence covers Cardiology."
    }


def test_the_editor_is_told_when_every_reviewer_of_the_specialty_is_ruled_out(
    client, maria, okafor, cardiology
):
    anticoagulants = Topic.objects.create(name="Anticoagulants", slug="anticoagulants")
    okafor.conflict_topics.add(anticoagulants)
    adams = reviewer("adams", credit_name="Aaron Adams, MD", specialties=[cardiology])
    article = live_article(specialty=cardiology, author=maria, topics=[anticoagulants])
    draft = draft_change(article, editor=maria)
    draft.contributors.add(adams.user)
    services.revision_submit(revision=draft, editor=maria, kind="update", change_summary="Doses")

    assert told(client, maria) == {
        "Atrial fibrillation": TOLD + "Every Cardiology reviewer wrote or edited this revision "
        "or declared a conflict of interest."
    }


def test_nothing_is_said_while_someone_qualifies_even_if_the_step_is_theirs_to_take(
    client, maria, okafor, article
):
    revision = submitted_revision(article, editor=maria, reviewer=okafor)
    ReviewerProfile.objects.filter(pk=okafor.pk).update(
        licence_expires_on=datetime.date(2026, 12, 1)  # lapsing soon, still valid today
    )

    assert told(client, maria) == {}
    assert pending_step(revision).assignee == okafor.user


def test_a_specialty_override_lets_a_licensed_reviewer_qualify(
    client, maria, okafor, brenda, skin_article
):
    revision = submitted_revision(skin_article, editor=maria)
    assert told(client, maria)

    services.approval_override_specialty(
        approval=pending_step(revision), director=brenda, reason="Cross-cover"
    )

    assert told(client, maria) == {}


def test_after_an_override_nobody_licensed_is_named_as_the_reason(
    client, maria, lee, brenda, skin_article
):
    revision = submitted_revision(skin_article, editor=maria)
    services.approval_override_specialty(
        approval=pending_step(revision), director=brenda, reason="Cross-cover"
    )

    assert told(client, maria) == {"Eczema": TOLD + "No active reviewer has a valid licence."}


def test_the_editorial_directors_queue_lists_the_revisions_no_reviewer_qualifies_for(
    client, maria, okafor, brenda, dugdale, skin_article, article
):
    submitted_revision(skin_article, editor=maria)
    submitted_revision(article, editor=maria)

    assert listed(client, brenda) == {
        "Eczema": "No active reviewer with a valid licence covers Dermatology."
    }
    # Only an editorial director can unblock it: the others' queues do not carry it.
    assert listed(client, okafor.user) == {}
    assert listed(client, dugdale.user) == {}


def test_the_rule_and_the_lists_agree(maria, okafor, skin_article, article):
    blocked = submitted_revision(skin_article, editor=maria)
    fine = submitted_revision(article, editor=maria)

    found = {approval.submission.revision_id for approval, _ in eligibility.nobody_qualifies(on=ON)}

    assert found == {blocked.pk}
    for revision in (blocked, fine):
        signers = eligibility.step_signers(approval=pending_step(revision), on=ON)
        assert (revision.pk in found) == (not signers.exists())


@pytest.mark.parametrize("who", ["maria", "brenda"])
def test_the_lists_do_not_grow_in_queries_with_their_rows(
    client, request, who, maria, okafor, dermatology, django_assert_max_num_queries
):
    def blocked_revisions(count: int, start: int) -> None:
        for n in range(start, start + count):
            article = live_article(specialty=dermatology, author=maria, title=f"Rash {n}")
            submitted_revision(article, editor=maria)

    page = {"maria": DRAFTS, "brenda": QUEUE}[who]
    client.force_login(request.getfixturevalue(who))
    blocked_revisions(2, 0)
    with django_assert_max_num_queries(30) as few:
        assert client.get(page).status_code == 200

    blocked_revisions(10, 2)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(page)
    assert response.content.decode().count("covers Dermatology") >= 12


def test_the_revision_page_says_no_reviewer_qualifies(client, maria, okafor, skin_article):
    revision = submitted_revision(skin_article, editor=maria)
    client.force_login(maria)

    page = BeautifulSoup(
        client.get(reverse("reviews:revision", args=[revision.pk])).content, "html.parser"
    )

    notice = page.find(id="nobody-qualifies").get_text(" ", strip=True)
    assert notice.startswith(TOLD + "No active reviewer with a valid licence covers Dermatology.")


def test_the_revision_page_says_nothing_when_a_reviewer_qualifies(client, maria, okafor, article):
    revision = submitted_revision(article, editor=maria)
    client.force_login(maria)

    page = BeautifulSoup(
        client.get(reverse("reviews:revision", args=[revision.pk])).content, "html.parser"
    )

    assert page.find(id="nobody-qualifies") is None
