"""comment_add_with_decision: comments on sections stand or fall with the decision they
were written beside."""

import pytest

from core.errors import DomainError
from reviews import services
from reviews.models import Comment
from reviews.services.comments import SectionComment, comment_add_with_decision
from tests.reviews.factories import pending_step, submitted_revision

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_review(article, maria, okafor):
    return submitted_revision(article, editor=maria, reviewer=okafor)


def comments_on(revision):
    return [
        SectionComment(section=section, body=f"On {section.heading}.")
        for section in revision.sections.all()
    ]


def test_the_comments_are_saved_with_the_decision(in_review, okafor):
    approval = pending_step(in_review)

    result = comment_add_with_decision(
        revision=in_review,
        author=okafor.user,
        comments=comments_on(in_review),
        decide=lambda: services.approval_reject(
            approval=approval, signer=okafor.user, comment="Unsupported."
        ),
    )

    in_review.refresh_from_db()
    assert in_review.state == "rejected"
    assert result.pk == approval.pk
    assert [(c.section_heading, c.body) for c in Comment.objects.order_by("pk")] == [
        ("Causes", "On Causes."),
        ("Treatment", "On Treatment."),
    ]


def test_a_refused_decision_leaves_no_comment_behind(in_review, okafor):
    approval = pending_step(in_review)

    with pytest.raises(DomainError, match="Write what needs to change"):
        comment_add_with_decision(
            revision=in_review,
            author=okafor.user,
            comments=comments_on(in_review),
            decide=lambda: services.approval_request_changes(
                approval=approval, signer=okafor.user, comment=""
            ),
        )

    assert not Comment.objects.exists()
    in_review.refresh_from_db()
    assert in_review.state == "in_review"


def test_without_comments_it_is_the_decision_alone(in_review, okafor):
    approval = pending_step(in_review)

    comment_add_with_decision(
        revision=in_review,
        author=okafor.user,
        comments=[],
        decide=lambda: services.approval_request_changes(
            approval=approval, signer=okafor.user, comment="Say more."
        ),
    )

    in_review.refresh_from_db()
    assert in_review.state == "changes_requested"
    assert not Comment.objects.exists()
