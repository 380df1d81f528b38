"""What every workflow verb shares. Each verb has the same shape: lock the article, then
the revision (one order everywhere, so two verbs never wait on each other); guard its
state through the one transition table (reviews.workflow); check who is acting; change
the rows; write an audit event; set simple-history's user and reason; and leave e-mail
to the outbox, which sends it after the transaction commits."""

import datetime

from accounts.models import User
from core.errors import DomainError
from core.history import track
from encyclopedia.models import Article, Revision
from reviews import workflow
from reviews.models import Approval, AuditEvent, Submission


def lock_article(article_id: int) -> None:
    rows = Article.objects.select_for_update().filter(pk=article_id).order_by()
    list(rows.values_list("pk", flat=True))


def locked(revision: Revision, *, related: tuple[str, ...] = (), **annotations) -> Revision:
    """The revision, locked for this transaction (its article locked first), with its
    article and whatever else the caller needs (`related` rows, `annotations`), read
    once the article's lock is held."""
    lock_article(revision.article_id)
    return (
        Revision.objects.select_for_update(of=("self",))
        .select_related("article", "article__specialty", *related)
        .annotate(**annotations)
        .get(pk=revision.pk)
    )


def move(revision: Revision, name: str, *, actor: User, note: str, now) -> AuditEvent:
    """Apply transition `name` to a locked revision and record it."""
    transition = workflow.guard(revision, name)
    from_state = revision.state
    revision.state = transition.target
    track(revision, user=actor, reason=f"{transition.past}" + (f": {note}" if note else ""))
    revision.save(update_fields=["state"])
    return audit(
        revision=revision,
        actor=actor,
        action=name,
        from_state=from_state,
        to_state=transition.target,
        note=note,
        now=now,
    )


def audit(
    *,
    revision: Revision | None = None,
    article: Article | None = None,
    actor: User | None,
    action: str,
    from_state: str = "",
    to_state: str = "",
    note: str = "",
    now: datetime.datetime,
) -> AuditEvent:
    if article is None and revision is None:
        raise ValueError("An audit event is about an article or one of its revisions.")
    return AuditEvent.objects.create(
        article_id=article.pk if article is not None else revision.article_id,  # type: ignore[union-attr]
        revision=revision,
        actor=actor,
        at=now,
        action=action,
        from_state=from_state,
        to_state=to_state,
        note=note,
    )


def editors_of(revision: Revision) -> set[int]:
    return {revision.author_id, *revision.contributors.values_list("pk", flat=True)}


def required_text(text: str, what: str) -> str:
    text = (text or "").strip()
    if not text:
        raise DomainError(f"Write {what}.", code="comment_required")
    return text


def close_live_submission(revision: Revision, state: str, *, now, user: User, reason: str) -> None:
    """Close the revision's open or approved submission. Steps not yet decided are void;
    when the submission itself is voided (taken back, withdrawn, superseded, rebased),
    so are the sign-offs already given: they were given to text that is no longer
    going forward."""
    submission = revision.submissions.filter(state__in=Submission.LIVE_STATES).first()
    if submission is None:
        return
    submission.state = state
    submission.closed_at = now
    track(submission, user=user, reason=reason)
    submission.save(update_fields=["state", "closed_at"])
    void = list(Approval.OPEN_DECISIONS)
    if state == Submission.State.VOIDED:
        void.append(Approval.Decision.APPROVED)
    for approval in submission.approvals.filter(decision__in=void):
        approval.decision = Approval.Decision.VOIDED
        track(approval, user=user, reason=reason)
        approval.save(update_fields=["decision"])
