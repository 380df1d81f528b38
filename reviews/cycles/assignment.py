"""Giving periodic reviews to reviewers: the hourly job that assigns every unassigned open
cycle to the least-loaded reviewer who may take it, and a director's assignment by
hand. Who may take a review is the one eligibility rule's answer (reviews.eligibility);
the reviewer hears of what they were given in one digest (reviews.cycles.reminders).
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from accounts.models import User
from accounts.roles import Role, require_role
from accounts.services import system_user
from core.errors import InvalidTransition
from core.history import track
from reviews import eligibility
from reviews.cycles.common import cycle_event
from reviews.cycles.reminders import record_reminders, review_digests_compose
from reviews.models import AuditEvent, ReminderSent, ReviewCycle

BATCH_SIZE = 1000


@dataclass
class AssignResult:
    assigned: dict[int, list[int]] = field(default_factory=dict)  # user id → cycle ids
    unassignable: dict[int, str] = field(default_factory=dict)  # cycle id → reason

    @property
    def assigned_count(self) -> int:
        return sum(len(cycle_ids) for cycle_ids in self.assigned.values())


def review_cycles_auto_assign(
    *,
    today: datetime.date,
    now: datetime.datetime | None = None,
    cycles: QuerySet[ReviewCycle] | None = None,
    batch_size: int = BATCH_SIZE,
) -> AssignResult:
    """Give each unassigned open cycle to a reviewer who may take it; record why for the
    rest. Works in committed batches (each locks its cycles, skipping those another run
    holds); each reviewer then gets one digest of what they were given."""
    now = now or timezone.now()
    scheduler = system_user()
    assigner = eligibility.Assigner(on=today)
    result = AssignResult()
    unassigned = (cycles if cycles is not None else ReviewCycle.objects.all()).filter(
        state=ReviewCycle.State.OPEN, assignee=None
    )
    last_pk = 0
    while True:
        with transaction.atomic():
            batch = list(
                unassigned.filter(pk__gt=last_pk)
                .select_for_update(skip_locked=True, of=("self",))
                .select_related("article", "article__specialty", "article__live_revision")
                .order_by("pk")[:batch_size]
            )
            if not batch:
                break
            last_pk = batch[-1].pk
            changed, events = [], []
            for cycle, work in zip(batch, assigner.works(batch), strict=True):
                chosen, reason = assigner.choose(work)
                if chosen is None:
                    result.unassignable[cycle.pk] = reason
                    if cycle.unassigned_reason != reason:
                        cycle.unassigned_reason = reason
                        changed.append(cycle)
                    continue
                cycle.assignee_id = chosen.user_id
                cycle.assigned_at = now
                cycle.unassigned_reason = ""
                changed.append(cycle)
                result.assigned.setdefault(chosen.user_id, []).append(cycle.pk)
                events.append(
                    AuditEvent(
                        article_id=cycle.article_id,
                        cycle=cycle,
                        actor=scheduler,
                        at=now,
                        action="assign_cycle",
                        from_state=cycle.state,
                        to_state=cycle.state,
                        note=f"Assigned to {chosen.printed_name} (least loaded)",
                    )
                )
            if changed:
                bulk_update_with_history(
                    changed,
                    ReviewCycle,
                    ["assignee", "assigned_at", "unassigned_reason"],
                    batch_size=batch_size,
                    default_user=scheduler,
                    default_change_reason="Assigned by the scheduler",
                    default_date=now,
                )
            AuditEvent.objects.bulk_create(events, batch_size=batch_size)
    if result.assigned:
        with transaction.atomic():
            record_reminders(
                [
                    (cycle_id, user_id)
                    for user_id, cycle_ids in result.assigned.items()
                    for cycle_id in cycle_ids
                ],
                kind=ReminderSent.Kind.ASSIGNED,
                today=today,
            )
            review_digests_compose(today=today, now=now)
    return result


@transaction.atomic
def review_cycles_assign(
    *,
    cycles: Iterable[ReviewCycle],
    reviewer: User,
    director: User,
    today: datetime.date,
    now: datetime.datetime | None = None,
) -> list[ReviewCycle]:
    """Assign cycles to a reviewer by hand (one, or the rows selected on the dashboard).
    All or nothing: if the reviewer may not take one of them, none is assigned."""
    now = now or timezone.now()
    require_role(director, Role.EDITORIAL_DIRECTOR, "assign reviews")
    locked = list(
        ReviewCycle.objects.select_for_update(of=("self",))
        .filter(pk__in=[c.pk for c in cycles])
        .select_related("article", "article__specialty", "article__live_revision")
        .order_by("pk")
    )
    for cycle in locked:
        if not cycle.is_open:
            raise InvalidTransition(f"The review of {cycle.article.title} is already closed.")
        verdict = eligibility.review_assignment_verdict(cycle=cycle, user=reviewer, on=today)
        if not verdict:
            raise verdict.error(f"{cycle.article.title}: {verdict.reason}", code=verdict.code)
        cycle.assignee = reviewer
        cycle.assigned_at = now
        cycle.unassigned_reason = ""
        track(cycle, user=director, reason=f"Assigned to {reviewer} by {director}")
        cycle.save(update_fields=["assignee", "assigned_at", "unassigned_reason"])
        cycle_event(
            cycle,
            actor=director,
            action="assign_cycle",
            from_state=cycle.state,
            note=f"Assigned to {reviewer}",
            now=now,
        )
    record_reminders(
        [(cycle.pk, reviewer.pk) for cycle in locked], kind=ReminderSent.Kind.ASSIGNED, today=today
    )
    review_digests_compose(today=today, now=now)
    return locked
