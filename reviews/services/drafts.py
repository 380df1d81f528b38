"""What an editor does with a draft outside review: create an article, start a draft of
a published one (from its live version, or an earlier one: a revert), take a revision
back out of review, withdraw it, or rebase it onto a newer live version."""

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from accounts.roles import Role, require_role
from core.errors import InvalidTransition, PermissionDenied
from encyclopedia import services as content
from encyclopedia.models import Article, Revision
from reviews import cycles, workflow
from reviews.merge import MergeResult, merge_content
from reviews.models import Submission
from reviews.services.common import audit, close_live_submission, locked, move

State = Revision.State


@transaction.atomic
def revision_start_draft(
    *, article: Article, editor: User, source: Revision | None = None, now=None
) -> Revision:
    """A new draft of a published article (from its live revision, or an earlier one)."""
    require_role(editor, Role.EDITOR, "start drafts")
    now = now or timezone.now()
    draft = content.revision_copy_to_draft(article=article, author=editor, source=source)
    copied = draft.copied_from
    assert copied is not None, "a draft of a published article copies one of its versions"
    note = (
        f"Revert: draft started from v{copied.number}"
        if draft.copied_from_id != draft.based_on_id
        else f"Draft started from the live v{copied.number}"
    )
    audit(
        revision=draft, actor=editor, action="start_draft", to_state=State.DRAFT, note=note, now=now
    )
    return draft


@transaction.atomic
def article_create(*, editor: User, now=None, **fields) -> Article:
    require_role(editor, Role.EDITOR, "create articles")
    now = now or timezone.now()
    article = content.article_insert(author=editor, created_at=now, **fields)
    audit(
        revision=article.revisions.get(),
        actor=editor,
        action="create_article",
        to_state=State.DRAFT,
        note="Article created",
        now=now,
    )
    return article


def revision_take_back_check(*, revision: Revision, editor: User) -> None:
    """Refuse, as `revision_take_back` would, unless `editor` may take it back now (the
    confirmation page asks before anything is locked)."""
    require_role(editor, Role.EDITOR, "take revisions back to draft")
    workflow.guard(revision, "take_back")


@transaction.atomic
def revision_take_back(*, revision: Revision, editor: User, note: str = "", now=None) -> Revision:
    """Take a revision out of review to change it. Every sign-off given to it is void."""
    now = now or timezone.now()
    revision = locked(revision)
    revision_take_back_check(revision=revision, editor=editor)
    reason = "Taken back to draft; sign-offs void"
    close_live_submission(revision, Submission.State.VOIDED, now=now, user=editor, reason=reason)
    move(revision, "take_back", actor=editor, note=note or reason, now=now)
    return revision


def revision_withdraw_check(*, revision: Revision, editor: User) -> None:
    """Refuse, as `revision_withdraw` would, unless `editor` may withdraw it now."""
    if editor.pk != revision.author_id:
        raise PermissionDenied("Only the revision's author can withdraw it.", code="not_author")
    workflow.guard(revision, "withdraw")


@transaction.atomic
def revision_withdraw(*, revision: Revision, editor: User, note: str = "", now=None) -> Revision:
    """The author abandons their unpublished revision."""
    now = now or timezone.now()
    revision = locked(revision)
    revision_withdraw_check(revision=revision, editor=editor)
    close_live_submission(
        revision, Submission.State.VOIDED, now=now, user=editor, reason="Withdrawn"
    )
    move(revision, "withdraw", actor=editor, note=note, now=now)
    cycles.review_cycles_reopen_for_abandoned(
        revision=revision, user=editor, now=now, note="was withdrawn"
    )
    return revision


@transaction.atomic
def revision_rebase(*, revision: Revision, editor: User, now=None) -> MergeResult:
    """Replay the draft's changes onto the current live revision (a three-way merge).

    Sign-offs given to the old text are void; the result is a draft to check and submit.
    Sections where the two changes collide keep the draft's text and are reported.
    """
    now = now or timezone.now()
    revision = locked(revision)
    require_role(editor, Role.EDITOR, "rebase drafts")
    workflow.guard(revision, "rebase")
    article = revision.article
    live = article.live_revision
    if live is None or revision.based_on_id == live.pk:
        raise InvalidTransition("This draft is already based on the live revision.")
    base = revision.based_on
    assert base is not None, "only a draft of a published article is behind the live page"

    def snapshot(rev: Revision):
        sections, references = content.revision_content(rev)
        return rev.title, rev.summary, sections, references

    result = merge_content(base=snapshot(base), ours=snapshot(revision), theirs=snapshot(live))
    reason = f"Rebased onto the live v{live.number}"
    close_live_submission(revision, Submission.State.VOIDED, now=now, user=editor, reason=reason)
    if revision.state != State.DRAFT:
        move(revision, "rebase", actor=editor, note=reason, now=now)
    content.revision_replace_base(
        revision=revision,
        editor=editor,
        base=live,
        title=result.title,
        summary=result.summary,
        sections=result.sections,
        references=result.references,
        reason=reason,
    )
    note = reason + (f"; conflicts in {', '.join(result.conflicts)}" if result.conflicts else "")
    audit(
        revision=revision,
        actor=editor,
        action="rebase",
        from_state=State.DRAFT,
        to_state=State.DRAFT,
        note=note,
        now=now,
    )
    return result
