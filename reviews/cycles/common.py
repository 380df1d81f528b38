"""What every verb on a review cycle shares: the lock order and the audit event."""

import datetime

from encyclopedia.models import Article, Revision
from reviews.models import AuditEvent, ReviewCycle


def locked_cycle(cycle: ReviewCycle) -> ReviewCycle:
    """The cycle, locked for this transaction. The article first, as every workflow verb
    does: one lock order, no deadlock with a publish of the same article (which closes
    its cycle)."""
    list(
        Article.objects.select_for_update().filter(pk=cycle.article_id).values_list("pk", flat=True)
    )
    return (
        ReviewCycle.objects.select_for_update(of=("self",))
        .select_related("article", "article__specialty", "article__live_revision", "assignee")
        .get(pk=cycle.pk)
    )


def cycle_event(
    cycle: ReviewCycle,
    *,
    actor,
    action: str,
    from_state: str,
    note: str,
    now: datetime.datetime,
    revision: Revision | None = None,
) -> AuditEvent:
    return AuditEvent.objects.create(
        article_id=cycle.article_id,
        cycle=cycle,
        revision=revision or cycle.revision,
        actor=actor,
        at=now,
        action=action,
        from_state=from_state,
        to_state=cycle.state,
        note=note,
    )
