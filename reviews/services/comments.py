"""Comments on a revision, optionally on one of its sections, and their resolution."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from core.errors import DomainError, InvalidTransition, PermissionDenied
from encyclopedia.models import Revision, Section
from reviews.models import Comment
from reviews.services.common import locked, required_text, track

State = Revision.State
Decided = TypeVar("Decided")


@dataclass(frozen=True)
class SectionComment:
    """A comment on one section, written beside a sign-off decision."""

    section: Section
    body: str


@transaction.atomic
def comment_add(
    *, revision: Revision, author: User, body: str, section: Section | None = None, now=None
) -> Comment:
    if not author.roles:
        raise PermissionDenied("Only the editorial team can comment.", code="wrong_role")
    body = required_text(body, "a comment")
    if section is not None and section.revision_id != revision.pk:
        raise DomainError("That section belongs to another revision.", code="wrong_section")
    if revision.state in (State.PUBLISHED, State.WITHDRAWN, State.REJECTED, State.SUPERSEDED):
        raise InvalidTransition("Comments are closed on this revision.")
    comment = Comment(
        revision=revision,
        section=section,
        section_heading=section.heading if section else "",
        author=author,
        body=body,
        created_at=now or timezone.now(),
    )
    track(comment, user=author, reason="Comment added")
    comment.full_clean()
    comment.save()
    return comment


@transaction.atomic
def comment_resolve(*, comment: Comment, user: User, resolved: bool = True, now=None) -> Comment:
    if not user.roles:
        raise PermissionDenied("Only the editorial team can resolve comments.", code="wrong_role")
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    comment.resolved_at = (now or timezone.now()) if resolved else None
    comment.resolved_by = user if resolved else None
    track(comment, user=user, reason="Comment resolved" if resolved else "Comment reopened")
    comment.save(update_fields=["resolved_at", "resolved_by"])
    return comment


def comment_add_with_decision(
    *,
    revision: Revision,
    author: User,
    comments: Sequence[SectionComment],
    decide: Callable[[], Decided],
    now=None,
) -> Decided:
    """Save the comments a signer wrote on sections together with their decision
    (`decide`, a call of the signing service): both, or neither.

    The comments are written first because a rejection closes the revision to comments;
    in one transaction, so a refused decision leaves none of them behind and trying again
    saves them once.
    """
    if not comments:
        return decide()
    with transaction.atomic():
        # Article, then revision: the order the decision itself locks in, so that the
        # rows the comments touch are never held while waiting for the article.
        locked(revision)
        for comment in comments:
            comment_add(
                revision=revision,
                author=author,
                body=comment.body,
                section=comment.section,
                now=now,
            )
        return decide()
