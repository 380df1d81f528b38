"""Chasing periodic reviews: the daily reminders to reviewers on the policy's cadence and
the escalations to editorial directors, and the digests that carry them.

Each reminder is recorded per cycle, person, kind and day (a unique constraint, so a
re-run records nothing twice); recorded reminders are then gathered into one digest
e-mail per person and kind, written to the outbox in the same transaction, which sends
them after the commit.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from accounts.roles import Role
from core.outbox import Letter, outbox_queue
from encyclopedia.models import ReviewPolicy
from reviews.models import ReminderSent, ReviewCycle

BATCH_SIZE = 1000
DIGEST_SUBJECTS: dict[str, str] = {
    ReminderSent.Kind.ASSIGNED: "New periodic reviews assigned to you",
    ReminderSent.Kind.REMINDER: "Your open periodic reviews",
    ReminderSent.Kind.ESCALATION: "Periodic reviews overdue beyond the escalation threshold",
}


def record_reminders(pairs: list[tuple[int, int]], *, kind: str, today: datetime.date) -> None:
    """Record (cycle, person) reminders of `kind` for today; a re-run is a no-op (the
    unique (cycle, recipient, kind, day) constraint)."""
    ReminderSent.objects.bulk_create(
        [
            ReminderSent(cycle_id=cycle_id, recipient_id=user_id, kind=kind, sent_on=today)
            for cycle_id, user_id in pairs
        ],
        batch_size=BATCH_SIZE,
        ignore_conflicts=True,
    )


@dataclass
class ReminderResult:
    reminders: int
    escalations: int
    emails: int


@transaction.atomic
def review_cycles_remind(
    *, today: datetime.date, now: datetime.datetime | None = None
) -> ReminderResult:
    """One digest per assigned reviewer on the policy's cadence, and one per editorial
    director listing the cycles overdue beyond the escalation threshold."""
    now = now or timezone.now()
    policy = ReviewPolicy.current()
    cadence_start = today - datetime.timedelta(days=policy.reminder_every_days - 1)
    recently_told = ReminderSent.objects.filter(
        cycle=OuterRef("pk"),
        recipient=OuterRef("assignee"),
        sent_on__gte=cadence_start,
        kind__in=[ReminderSent.Kind.REMINDER, ReminderSent.Kind.ASSIGNED],
    )
    reminders = list(
        ReviewCycle.objects.open()
        .exclude(assignee=None)
        .exclude(Exists(recently_told))
        .values_list("pk", "assignee_id")
    )
    record_reminders(reminders, kind=ReminderSent.Kind.REMINDER, today=today)

    escalate_before = today - datetime.timedelta(days=policy.escalate_after_days)
    directors = list(
        User.objects.filter(groups__name=Role.EDITORIAL_DIRECTOR.value, is_active=True)
        .distinct()
        .values_list("pk", flat=True)
    )
    escalated = (
        ReviewCycle.objects.open()
        .filter(due_on__lt=escalate_before)
        .exclude(
            Exists(
                ReminderSent.objects.filter(
                    cycle=OuterRef("pk"),
                    kind=ReminderSent.Kind.ESCALATION,
                    sent_on__gte=cadence_start,
                )
            )
        )
        .values_list("pk", flat=True)
    )
    escalations = [(cycle_id, director) for cycle_id in escalated for director in directors]
    record_reminders(escalations, kind=ReminderSent.Kind.ESCALATION, today=today)
    emails = review_digests_compose(today=today, now=now)
    return ReminderResult(len(reminders), len(escalations), emails)


def review_digests_compose(*, today: datetime.date, now: datetime.datetime | None = None) -> int:
    """Gather the recorded reminders no digest carries yet (today's, and any a failed run
    left owing) into one e-mail per person and kind, in the outbox; reminders of cycles
    closed since are dropped. Returns how many digests were written. Runs in the
    caller's transaction, or its own."""
    now = now or timezone.now()
    with transaction.atomic():
        pending = list(
            ReminderSent.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(sent_on__lte=today, email=None)
            .select_related("recipient", "cycle__article", "cycle__assignee")
            .order_by("recipient_id", "kind", "cycle__due_on", "cycle_id")
        )
        ReminderSent.objects.filter(pk__in=[r.pk for r in pending if not r.cycle.is_open]).delete()
        groups: dict[tuple[int, str], list[ReminderSent]] = defaultdict(list)
        for row in pending:
            if row.cycle.is_open:
                groups[(row.recipient_id, row.kind)].append(row)
        letters = [
            Letter(
                rows[0].recipient.email,
                f"{DIGEST_SUBJECTS[kind]} ({len(rows)})",
                _digest_body(rows[0].recipient, kind, rows, today),
            )
            for (_, kind), rows in groups.items()
        ]
        emails = outbox_queue(letters, now=now)
        for rows, email in zip(groups.values(), emails, strict=True):
            ReminderSent.objects.filter(pk__in=[row.pk for row in rows]).update(email=email)
    return sum(1 for email in emails if email.to)


def _digest_body(recipient: User, kind: str, rows: list[ReminderSent], today) -> str:
    site = settings.STET["SITE_URL"]
    lines = [f"Hello {recipient.first_name or recipient.username},", ""]
    if kind == ReminderSent.Kind.ESCALATION:
        lines.append("These periodic reviews are overdue beyond the escalation threshold:")
    else:
        lines.append("These periodic reviews are waiting for you:")
    lines.append("")
    for row in rows:
        cycle = row.cycle
        overdue = (today - cycle.due_on).days
        status = f"{overdue} days overdue" if overdue > 0 else f"due {cycle.due_on:%B %-d, %Y}"
        who = ""
        if kind == ReminderSent.Kind.ESCALATION:
            who = f" — assigned to {cycle.assignee}" if cycle.assignee else " — unassigned"
        lines.append(f"- {cycle.article.title} ({cycle.article.number}): {status}{who}")
        lines.append(f"  {site}{reverse('reviews:cycle', args=[cycle.pk])}")
    return "\n".join(lines)
