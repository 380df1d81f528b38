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


@dataclass(frozen=True)
class AssignmentRow:
    """One review of an assignment by hand: given to the reviewer (an allowed verdict),
    or not, with the rule's reason."""

    cycle: ReviewCycle
    verdict: eligibility.Verdict

    @property
    def assigned(self) -> bool:
        return self.verdict.allowed


@dataclass(frozen=True)
class HandAssignment:
    """What a director's assignment of several reviews did, row by row."""

    reviewer: User
    rows: list[AssignmentRow]

    @property
    def assigned(self) -> list[ReviewCycle]:
        return [row.cycle for row in self.rows if row.assigned]

    @property
    def refused(self) -> list[AssignmentRow]:
        return [row for row in self.rows if not row.assigned]

    def refusals(self) -> dict[str, list[str]]:
        """Each reason a review was not assigned, with the titles it held back (in the
        order the reviews were judged)."""
        by_reason: dict[str, list[str]] = {}
        for row in self.refused:
            by_reason.setdefault(row.verdict.reason, []).append(row.cycle.article.title)
        return by_reason


def _judged(
    cycles: Iterable[ReviewCycle], *, reviewer: User, today: datetime.date
) -> list[AssignmentRow]:
    """The cycles, locked in id order (so two directors assigning overlapping sets
    queue rather than deadlock), each with the rule's verdict on giving it to the
    reviewer, the ones before it counted against their capacity."""
    locked = list(
        ReviewCycle.objects.select_for_update(of=("self",))
        .filter(pk__in=[c.pk for c in cycles])
        .select_related("article", "article__specialty", "article__live_revision", "assignee")
        .order_by("pk")
    )
    verdicts = eligibility.review_assignment_verdicts(cycles=locked, user=reviewer, on=today)
    return [AssignmentRow(cycle, verdict) for cycle, verdict in zip(locked, verdicts, strict=True)]


def _give(
    cycles: list[ReviewCycle],
    *,
    reviewer: User,
    director: User,
    today: datetime.date,
    now: datetime.datetime,
) -> None:
    for cycle in cycles:
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
    if cycles:
        record_reminders(
            [(cycle.pk, reviewer.pk) for cycle in cycles],
            kind=ReminderSent.Kind.ASSIGNED,
            today=today,
        )
        review_digests_compose(today=today, now=now)


@transaction.atomic
def review_cycles_assign_each(
    *,
    cycles: Iterable[ReviewCycle],
    reviewer: User,
    director: User,
    today: datetime.date,
    now: datetime.datetime | None = None,
) -> HandAssignment:
    """Assign by hand every one of `cycles` (the rows ticked on a list) that the reviewer
    may take, and say of each of the others why not: one refused row does not hold the
    rest back. The reviewer hears of what they were given in one digest."""
    now = now or timezone.now()
    require_role(director, Role.EDITORIAL_DIRECTOR, "assign reviews")
    rows = _judged(cycles, reviewer=reviewer, today=today)
    assignment = HandAssignment(reviewer=reviewer, rows=rows)
    _give(assignment.assigned, reviewer=reviewer, director=director, today=today, now=now)
    return assignment


@transaction.atomic
def review_cycles_assign(
    *,
    cycles: Iterable[ReviewCycle],
    reviewer: User,
    director: User,
    today: datetime.date,
    now: datetime.datetime | None = None,
) -> list[ReviewCycle]:
    """Assign cycles to a reviewer by hand, all or nothing: if the reviewer may not take
    one of them, none is assigned and the first refusal is raised (the API's contract;
    the pages assign row by row with `review_cycles_assign_each`)."""
    now = now or timezone.now()
    require_role(director, Role.EDITORIAL_DIRECTOR, "assign reviews")
    rows = _judged(cycles, reviewer=reviewer, today=today)
    for row in rows:
        if not row.cycle.is_open:
            raise InvalidTransition(f"The review of {row.cycle.article.title} is already closed.")
    for row in rows:
        if not row.assigned:
            raise row.verdict.error(
                f"{row.cycle.article.title}: {row.verdict.reason}", code=row.verdict.code
            )
    locked = [row.cycle for row in rows]
    _give(locked, reviewer=reviewer, director=director, today=today, now=now)
    return locked
