"""The list pages issue a fixed number of queries, whatever the number of revisions."""

import pytest
from django.urls import reverse

from accounts.roles import Role
from reviews import services
from tests.accounts.factories import ReviewerProfileFactory, UserFactory
from tests.encyclopedia.factories import published_article

pytestmark = pytest.mark.django_db


def make_revisions_in_review(count, *, editor, reviewer, specialty):
    for n in range(count):
        article = published_article(title=f"Condition {n}", author=editor, specialty=specialty)
        draft = services.revision_start_draft(article=article, editor=editor)
        services.revision_submit(
            revision=draft,
            editor=editor,
            kind="update",
            change_summary="A change",
            reviewer=reviewer,
        )


@pytest.mark.parametrize("page", ["reviews:drafts", "reviews:queue"])
def test_work_lists_do_not_grow_in_queries_with_their_rows(
    client, django_assert_max_num_queries, maria, okafor, cardiology, page
):
    make_revisions_in_review(2, editor=maria, reviewer=okafor, specialty=cardiology)
    client.force_login(okafor.user if page == "reviews:queue" else maria)
    # The queue runs the eligibility rule over every step it lists: the signer's facts
    # and each step's (topics, editors, signatures) are a fixed handful of queries; a
    # reviewer's page also reads their licence date, for the notice every page carries.
    with django_assert_max_num_queries(15) as few:
        assert client.get(reverse(page)).status_code == 200

    make_revisions_in_review(12, editor=maria, reviewer=okafor, specialty=cardiology)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse(page))
    assert response.content.decode().count("Condition ") >= 14


def test_the_queue_shows_pool_steps_to_everyone_who_can_sign_them(
    client, maria, okafor, cardiology
):
    other = ReviewerProfileFactory(
        user=UserFactory(username="ruiz", roles=okafor.user.roles), specialties=[cardiology]
    )
    article = published_article(author=maria, specialty=cardiology)
    draft = services.revision_start_draft(article=article, editor=maria)
    submission = services.revision_submit(
        revision=draft, editor=maria, kind="update", change_summary="A change", reviewer=okafor
    )
    step = submission.approvals.get(position=0)
    services.approval_assign(
        approval=step,
        assignee=None,
        director=UserFactory(username="ed", roles=[Role.EDITORIAL_DIRECTOR]),
    )

    for person in (okafor.user, other.user):
        client.force_login(person)
        assert "Atrial fibrillation v2" in client.get(reverse("reviews:queue")).content.decode()
