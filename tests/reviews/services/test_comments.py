"""services.comment_add and comment_resolve: the discussion thread on a revision."""

import pytest

from core.errors import DomainError, InvalidTransition, PermissionDenied
from encyclopedia.models import Revision
from encyclopedia.services import SectionInput
from reviews import services
from reviews.models import Comment
from tests.reviews.factories import (
    NEW_TREATMENT,
    TODAY,
    at,
    draft_change,
    edit,
    revision_in_state,
    submitted_revision,
)

State = Revision.State


@pytest.fixture
def in_review(article, maria, okafor):
    return submitted_revision(article, editor=maria)


def test_a_reviewer_comments_on_a_section_of_the_revision(in_review, okafor):
    treatment = in_review.sections.get(heading="Treatment")

    comment = services.comment_add(
        revision=in_review,
        author=okafor.user,
        body="Which score sets the threshold?",
        section=treatment,
    )

    comment = Comment.objects.get(pk=comment.pk)
    assert (comment.revision, comment.section, comment.section_heading) == (
        in_review,
        treatment,
        "Treatment",
    )
    assert (comment.author, comment.body, comment.created_at) == (
        okafor.user,
        "Which score sets the threshold?",
        TODAY,
    )
    assert not comment.is_resolved
    latest = comment.history.first()
    assert (latest.history_user, latest.history_change_reason) == (okafor.user, "Comment added")


def test_a_comment_on_the_whole_revision_has_no_section(in_review, maria):
    comment = services.comment_add(revision=in_review, author=maria, body="Thanks, fixing it.")

    assert (comment.section, comment.section_heading) == (None, "")


def test_a_comment_cannot_point_at_a_section_of_another_revision(article, in_review, okafor):
    live_section = article.live_revision.sections.get(heading="Treatment")

    with pytest.raises(DomainError) as refused:
        services.comment_add(
            revision=in_review, author=okafor.user, body="Here", section=live_section
        )

    assert refused.value.code == "wrong_section"
    assert not Comment.objects.exists()


@pytest.mark.parametrize("body", ["", "   "])
def test_an_empty_comment_is_refused(in_review, okafor, body):
    with pytest.raises(DomainError) as refused:
        services.comment_add(revision=in_review, author=okafor.user, body=body)

    assert refused.value.code == "comment_required"
    assert not Comment.objects.exists()


def test_charlie_cannot_comment(in_review, charlie):
    with pytest.raises(PermissionDenied) as refused:
        services.comment_add(revision=in_review, author=charlie, body="Nice page")

    assert refused.value.code == "wrong_role"
    assert not Comment.objects.exists()


@pytest.mark.parametrize("state", [State.DRAFT, State.CHANGES_REQUESTED, State.APPROVED])
def test_comments_are_open_while_the_revision_is_unfinished(article, maria, tom, signers, state):
    revision = revision_in_state(state, article, editor=maria, other_editor=tom, signers=signers)

    services.comment_add(revision=revision, author=tom, body="One more thing")

    assert Comment.objects.filter(revision=revision).count() == 1


@pytest.mark.parametrize(
    "state", [State.PUBLISHED, State.REJECTED, State.WITHDRAWN, State.SUPERSEDED]
)
def test_comments_are_closed_on_a_finished_revision(article, maria, tom, signers, state):
    revision = revision_in_state(state, article, editor=maria, other_editor=tom, signers=signers)

    with pytest.raises(InvalidTransition):
        services.comment_add(revision=revision, author=tom, body="Too late")

    assert not Comment.objects.filter(revision=revision).exists()


def test_a_comment_is_resolved_and_reopened(in_review, maria, okafor, today):
    comment = services.comment_add(revision=in_review, author=okafor.user, body="Cite it.")

    services.comment_resolve(comment=comment, user=maria, now=at("2026-11-28"))
    comment.refresh_from_db()
    assert comment.is_resolved
    assert (comment.resolved_by, comment.resolved_at) == (maria, at("2026-11-28"))
    assert comment.history.first().history_change_reason == "Comment resolved"

    services.comment_resolve(comment=comment, user=okafor.user, resolved=False)
    comment.refresh_from_db()
    assert not comment.is_resolved
    assert (comment.resolved_by, comment.resolved_at) == (None, None)
    latest = comment.history.first()
    assert (latest.history_user, latest.history_change_reason) == (
        okafor.user,
        "Comment reopened",
    )


def test_charlie_cannot_resolve_a_comment(in_review, okafor, charlie):
    comment = services.comment_add(revision=in_review, author=okafor.user, body="Cite it.")

    with pytest.raises(PermissionDenied) as refused:
        services.comment_resolve(comment=comment, user=charlie)

    assert refused.value.code == "wrong_role"
    comment.refresh_from_db()
    assert not comment.is_resolved


def test_a_comment_keeps_its_section_heading_after_the_section_is_removed(article, maria, tom):
    draft = draft_change(article, editor=maria)
    causes = draft.sections.get(heading="Causes")
    services.comment_add(revision=draft, author=tom, body="Shorten this", section=causes)

    edit(draft, editor=maria, sections=[SectionInput("Treatment", NEW_TREATMENT)])

    comment = Comment.objects.get(revision=draft)
    # The comment was about Causes: it must not now point at the Treatment section.
    assert comment.section is None
    assert comment.section_heading == "Causes"
