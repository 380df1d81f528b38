"""Periodic re-review: the scheduled jobs that open, assign and chase review cycles, and
the services a reviewer and a director use on one cycle.

The jobs work on sets, not rows: a bounded number of queries per batch of articles,
whatever the size of the encyclopedia. Each re-derives what to do from the database,
so running one twice, on two workers at once, or after days of downtime, does exactly
what one on-time run would have done: one open cycle per due article (a partial unique
constraint guarantees it), one reminder per person per day (the same, for reminders).
"""

import datetime
import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, connection, transaction
from django.db.models import (
    BigIntegerField,
    Case,
    CharField,
    Count,
    DateField,
    DateTimeField,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, Concat
from django.urls import reverse
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from accounts.models import ReviewerProfile, Specialty, User
from accounts.roles import Role
from accounts.services import system_user
from core.db import insert_from_select, insert_history_from_select
from core.errors import DomainError, InvalidTransition, PermissionDenied
from encyclopedia import services as content
from encyclopedia.models import Article, Reference, ReviewPolicy, Revision, Topic
from reviews import notifications
from reviews.models import (
    ATTESTATION_TEXT,
    Approval,
    AuditEvent,
    Comment,
    ReminderSent,
    ReviewCycle,
    Step,
)
from reviews.rules import reviewer_refusal

logger = logging.getLogger(__name__)
BATCH_SIZE = 1000


# --- Opening cycles -------------------------------------------------------------------


def _without_open_cycle(articles: QuerySet[Article]) -> QuerySet[Article]:
    return articles.exclude(Exists(ReviewCycle.objects.open().filter(article=OuterRef("pk"))))


def _open_cycles(
    articles: QuerySet[Article],
    *,
    now: datetime.datetime,
    due_on,
    origin,
    reason: str,
    opened_by: User,
    change_reason: str,
    batch_size: int = BATCH_SIZE,
) -> int:
    """Open one cycle for each article of `articles` that has none open, in batches.
    `due_on` and `origin` are SQL expressions over the article row.

    After one query for the candidates' ids, each batch is its own transaction of four
    statements: lock the batch's rows (skipping rows another worker holds) re-checking
    them under the lock, then let the database copy them into cycles, the cycles into
    history rows, and the cycles into audit events (INSERT … SELECT: no row passes
    through Python). A crash loses at most the batch in flight, which the next run
    picks up.
    """
    # One query for the whole set of candidates (ids only: a million fit in memory),
    # then batches of them, each checked again under its lock.
    candidates = list(_without_open_cycle(articles).order_by("pk").values_list("pk", flat=True))
    opened = 0
    for start in range(0, len(candidates), batch_size):
        ids = candidates[start : start + batch_size]
        try:
            with transaction.atomic():
                _relax_commit_durability()
                # Re-checked under the lock: another worker may have opened a cycle since.
                claimed = list(
                    _without_open_cycle(Article.objects.published().filter(pk__in=ids))
                    .select_for_update(skip_locked=True, of=("self",))
                    .values_list("pk", flat=True)
                )
                if claimed:
                    opened += _insert_cycles(
                        claimed,
                        now=now,
                        due_on=due_on,
                        origin=origin,
                        reason=reason,
                        opened_by=opened_by,
                        change_reason=change_reason,
                    )
        except IntegrityError:
            # Another run opened a cycle for one of these articles between our check and
            # our insert (possible only where row locks are not available, i.e. SQLite).
            # The constraint kept the data right; the rest of the batch comes next run.
            logger.warning("Review cycles for articles %s..%s opened elsewhere", ids[0], ids[-1])
    return opened


def _relax_commit_durability() -> None:
    """Let PostgreSQL acknowledge this batch's commit before flushing it to disk.

    Safe here, and only here: if the server crashed in that instant, the batch's cycles
    would be lost — and the next run would find those articles still due and open them
    again. Waiting for the flush of every batch is most of the sweep's time otherwise.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO OFF")


def _insert_cycles(article_ids, *, now, due_on, origin, reason, opened_by, change_reason) -> int:
    text = lambda value: Value(value, output_field=CharField())  # noqa: E731
    count = insert_from_select(
        ReviewCycle,
        Article.objects.filter(pk__in=article_ids),
        {
            "article_id": F("pk"),
            "due_on": due_on,
            "origin": origin,
            "reason": text(reason),
            "opened_at": Value(now, output_field=DateTimeField()),
            "opened_by_id": Value(opened_by.pk, output_field=BigIntegerField()),
            "state": text(ReviewCycle.State.OPEN),
            "unassigned_reason": text(""),
            "outcome": text(""),
            "attestation": text(""),
            "signer_credit": text(""),
        },
    )
    new = ReviewCycle.objects.filter(
        article_id__in=article_ids, opened_at=now, state=ReviewCycle.State.OPEN
    )
    insert_history_from_select(
        ReviewCycle, new, user_id=opened_by.pk, reason=change_reason, date=now
    )
    origin_labels = [
        When(origin=value, then=text(label)) for value, label in ReviewCycle.Origin.choices
    ]
    insert_from_select(
        AuditEvent,
        new,
        {
            "article_id": F("article_id"),
            "cycle_id": F("pk"),
            "actor_id": Value(opened_by.pk, output_field=BigIntegerField()),
            "at": Value(now, output_field=DateTimeField()),
            "action": text("open_cycle"),
            "from_state": text(""),
            "to_state": text(ReviewCycle.State.OPEN),
            "note": text(reason)
            if reason
            else Concat(
                Case(*origin_labels, output_field=CharField()),
                text(" ("),
                Cast("due_on", CharField()),
                text(")"),
                output_field=CharField(),
            ),
        },
    )
    return count


@dataclass
class FlagResult:
    opened: int
    due_soon: int


def flag_overdue_reviews(
    *, today: datetime.date, now: datetime.datetime | None = None, batch_size: int = BATCH_SIZE
) -> FlagResult:
    """Open a review cycle for every published article that is due (or due soon, when the
    policy says so), or was never reviewed, and has no open cycle."""
    now = now or timezone.now()
    policy = ReviewPolicy.current()
    horizon = today
    if policy.open_cycles_when_due_soon:
        horizon = today + datetime.timedelta(days=policy.due_soon_days)
    due = Article.objects.published().filter(
        Q(next_review_due__lte=horizon) | Q(next_review_due=None)
    )

    opened_by = system_user()
    opened = _open_cycles(
        due,
        now=now,
        due_on=Coalesce(F("next_review_due"), Value(today, output_field=DateField())),
        origin=Case(
            When(next_review_due__gt=today, then=Value(ReviewCycle.Origin.DUE_SOON)),
            default=Value(ReviewCycle.Origin.DUE),
            output_field=CharField(),
        ),
        reason="",
        opened_by=opened_by,
        change_reason="Review due: cycle opened by the scheduler",
        batch_size=batch_size,
    )
    due_soon = ReviewCycle.objects.filter(
        opened_at=now, opened_by=opened_by, origin=ReviewCycle.Origin.DUE_SOON
    ).count()
    return FlagResult(opened=opened, due_soon=due_soon)


@dataclass
class OutOfCycleResult:
    matched: int
    opened: int
    already_open: int
    assignment: "AssignResult"


def cycles_open_out_of_cycle(
    *,
    director: User,
    reason: str,
    specialty: Specialty | None = None,
    topic: Topic | None = None,
    reference: str = "",
    today: datetime.date,
    now: datetime.datetime | None = None,
) -> OutOfCycleResult:
    """Open cycles now for every published article in a specialty or topic, or citing a
    reference (DOI, PubMed id or URL) — when a guideline changes or a paper is retracted.
    The new cycles are assigned at once, and each reviewer gets one digest. Like the
    nightly job, it works in committed batches, so the digests go out only for
    assignments that are in the database."""
    now = now or timezone.now()
    if not director.has_role(Role.EDITORIAL_DIRECTOR):
        raise PermissionDenied(
            "Only editorial directors open out-of-cycle reviews.", code="wrong_role"
        )
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(
            "Say why these articles need an out-of-cycle review.", code="reason_required"
        )
    articles = articles_matching(specialty=specialty, topic=topic, reference=reference)
    matched = articles.count()
    opened = _open_cycles(
        articles,
        now=now,
        due_on=Value(today, output_field=DateField()),  # a retraction or new guideline is due now
        origin=Value(ReviewCycle.Origin.OUT_OF_CYCLE, output_field=CharField()),
        reason=reason,
        opened_by=director,
        change_reason=f"Out-of-cycle review: {reason}",
    )
    assignment = assign_reviewers(
        today=today,
        now=now,
        cycles=ReviewCycle.objects.filter(opened_at=now, origin=ReviewCycle.Origin.OUT_OF_CYCLE),
    )
    return OutOfCycleResult(matched, opened, matched - opened, assignment)


def articles_matching(
    *, specialty: Specialty | None = None, topic: Topic | None = None, reference: str = ""
) -> QuerySet[Article]:
    """Published articles in a specialty, in a topic, or whose live version cites a work."""
    articles = Article.objects.published()
    if specialty is None and topic is None and not reference.strip():
        raise DomainError("Choose a specialty, a topic or a reference.", code="no_criteria")
    if specialty is not None:
        articles = articles.filter(specialty=specialty)
    if topic is not None:
        articles = articles.filter(topics=topic)
    reference = reference.strip()
    if reference:
        key = reference.lower()
        for prefix in ("https://doi.org/", "http://doi.org/", "doi:"):
            key = key.removeprefix(prefix).strip()
        citing = Reference.objects.filter(
            Q(doi__iexact=key) | Q(pubmed_id=key) | Q(url__iexact=reference)
        ).values("revision_id")
        articles = articles.filter(live_revision__in=citing)
    return articles


# --- Assigning reviewers ------------------------------------------------------------------


@dataclass
class ReviewerSlot:
    profile: ReviewerProfile
    load: int
    specialties: set[int]
    conflict_specialties: set[int]
    conflict_topics: set[int]

    @property
    def has_room(self) -> bool:
        return self.load < self.profile.capacity


def reviewer_slots(*, today: datetime.date) -> list[ReviewerSlot]:
    """Every reviewer who may take a review today, with their open workload, in 4 queries."""
    profiles = list(
        ReviewerProfile.objects.licensed_on(today)
        .filter(user__is_active=True, user__groups__name=Role.MEDICAL_REVIEWER.value)
        .select_related("user")
        .prefetch_related("specialties", "conflict_specialties", "conflict_topics")
        .order_by("credit_name", "pk")
        .distinct()
    )
    loads = workloads([p.user_id for p in profiles])
    return [
        ReviewerSlot(
            profile=profile,
            load=loads.get(profile.user_id, 0),
            specialties={s.pk for s in profile.specialties.all()},
            conflict_specialties={s.pk for s in profile.conflict_specialties.all()},
            conflict_topics={t.pk for t in profile.conflict_topics.all()},
        )
        for profile in profiles
    ]


def workloads(user_ids: list[int]) -> dict[int, int]:
    """Open review cycles plus undecided review steps assigned to each person: what a
    reviewer's capacity is measured against."""
    loads: dict[int, int] = defaultdict(int)
    cycles = (
        ReviewCycle.objects.open()
        .filter(assignee__in=user_ids)
        .values("assignee")
        .annotate(n=Count("pk"))
    )
    for row in cycles:
        loads[row["assignee"]] += row["n"]
    for assignee, steps in review_steps_by_assignee(user_ids).items():
        loads[assignee] += steps
    return loads


def review_steps_by_assignee(user_ids: list[int]) -> dict[int, int]:
    """Undecided revision review steps assigned to each person."""
    return dict(
        Approval.objects.filter(assignee__in=user_ids, decision__in=Approval.OPEN_DECISIONS)
        .values("assignee")
        .annotate(n=Count("pk"))
        .values_list("assignee", "n")
    )


def _qualified(
    slots: list[ReviewerSlot], *, article: Article, topic_ids: set[int], author_ids: set[int]
) -> tuple[list[ReviewerSlot], list[ReviewerSlot]]:
    """(reviewers covering the specialty, those of them free of conflicts and authorship)."""
    covering = [s for s in slots if article.specialty_id in s.specialties]
    allowed = [
        s
        for s in covering
        if s.profile.user_id not in author_ids
        and article.specialty_id not in s.conflict_specialties
        and not (s.conflict_topics & topic_ids)
    ]
    return covering, allowed


def _least_loaded_first(slots: list[ReviewerSlot]) -> list[ReviewerSlot]:
    return sorted(slots, key=lambda s: (s.load, s.profile.credit_name, s.profile.pk))


def qualified_reviewers(
    *, article: Article, exclude_users: set[int], today: datetime.date
) -> list[ReviewerSlot]:
    """Reviewers who may review `article` today (not `exclude_users`), least loaded first."""
    topic_ids = set(article.topics.values_list("pk", flat=True))
    _, allowed = _qualified(
        reviewer_slots(today=today), article=article, topic_ids=topic_ids, author_ids=exclude_users
    )
    return _least_loaded_first(allowed)


def _choose(
    slots: list[ReviewerSlot], *, article: Article, topic_ids: set[int], author_ids: set[int]
) -> tuple[ReviewerSlot | None, str]:
    """The least-loaded qualified reviewer with room (ties: credit name, then id), or the
    reason there is none, in the words the director's list shows."""
    covering, allowed = _qualified(
        slots, article=article, topic_ids=topic_ids, author_ids=author_ids
    )
    if not covering:
        return None, f"No active reviewer with a valid licence covers {article.specialty.name}."
    if not allowed:
        return None, (
            f"Every {article.specialty.name} reviewer wrote the live version or declared a "
            "conflict of interest."
        )
    with_room = [s for s in allowed if s.has_room]
    if not with_room:
        return None, f"Every {article.specialty.name} reviewer is at capacity."
    return _least_loaded_first(with_room)[0], ""


@dataclass
class AssignResult:
    assigned: dict[int, list[int]] = field(default_factory=dict)  # user id → cycle ids
    unassignable: dict[int, str] = field(default_factory=dict)  # cycle id → reason

    @property
    def assigned_count(self) -> int:
        return sum(len(cycle_ids) for cycle_ids in self.assigned.values())


def assign_reviewers(
    *,
    today: datetime.date,
    now: datetime.datetime | None = None,
    cycles: QuerySet[ReviewCycle] | None = None,
    batch_size: int = BATCH_SIZE,
) -> AssignResult:
    """Give each unassigned open cycle to a qualified reviewer; record why for the rest.

    Each reviewer gets one digest of what they were given. The workload counts are kept
    in memory through the run, so the load spreads evenly within a single run too.
    """
    now = now or timezone.now()
    scheduler = system_user()
    slots = reviewer_slots(today=today)
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
            topics = _topics_of([c.article_id for c in batch])
            changed = []
            events = []
            for cycle in batch:
                live = cycle.article.live_revision
                slot, reason = _choose(
                    slots,
                    article=cycle.article,
                    topic_ids=topics.get(cycle.article_id, set()),
                    author_ids={live.author_id} if live else set(),
                )
                if slot is None:
                    result.unassignable[cycle.pk] = reason
                    if cycle.unassigned_reason != reason:
                        cycle.unassigned_reason = reason
                        changed.append(cycle)
                    continue
                slot.load += 1
                cycle.assignee = slot.profile.user
                cycle.assigned_at = now
                cycle.unassigned_reason = ""
                changed.append(cycle)
                result.assigned.setdefault(slot.profile.user_id, []).append(cycle.pk)
                events.append(
                    AuditEvent(
                        article_id=cycle.article_id,
                        cycle=cycle,
                        actor=scheduler,
                        at=now,
                        action="assign_cycle",
                        from_state=cycle.state,
                        to_state=cycle.state,
                        note=f"Assigned to {slot.profile.credit_name} (least loaded)",
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
        _record_reminders(
            [
                (cycle_id, user_id)
                for user_id, cycle_ids in result.assigned.items()
                for cycle_id in cycle_ids
            ],
            kind=ReminderSent.Kind.ASSIGNED,
            today=today,
        )
        # The assignments are committed batch by batch above; now tell the reviewers.
        send_digests(today=today, now=now)
    return result


def _topics_of(article_ids: list[int]) -> dict[int, set[int]]:
    topics: dict[int, set[int]] = defaultdict(set)
    for article_id, topic_id in Article.topics.through.objects.filter(
        article_id__in=article_ids
    ).values_list("article_id", "topic_id"):
        topics[article_id].add(topic_id)
    return topics


def assignment_refusal(*, cycle: ReviewCycle, reviewer: User, today: datetime.date) -> str | None:
    """Why `reviewer` may not take `cycle`, by the same rules as the scheduler, or None."""
    profile = getattr(reviewer, "reviewer_profile", None)
    if not reviewer.is_active or not reviewer.has_role(Role.MEDICAL_REVIEWER):
        return f"{reviewer} is not an active medical reviewer."
    refusal = reviewer_refusal(
        profile=profile, article=cycle.article, step=Step.MEDICAL_REVIEW, on=today
    )
    if refusal:
        return refusal
    live = cycle.article.live_revision
    if live is not None and live.author_id == reviewer.pk:
        return f"{reviewer} wrote the live version of this article."
    load = workloads([reviewer.pk]).get(reviewer.pk, 0)
    if load >= profile.capacity:
        return f"{profile.credit_name} is at capacity ({load} of {profile.capacity} open reviews)."
    return None


@transaction.atomic
def cycles_assign(
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
    if not director.has_role(Role.EDITORIAL_DIRECTOR):
        raise PermissionDenied("Only editorial directors assign reviews.", code="wrong_role")
    locked = list(
        ReviewCycle.objects.select_for_update(of=("self",))
        .filter(pk__in=[c.pk for c in cycles])
        .select_related("article", "article__specialty", "article__live_revision")
        .order_by("pk")
    )
    for cycle in locked:
        if not cycle.is_open:
            raise InvalidTransition(f"The review of {cycle.article.title} is already closed.")
        refusal = assignment_refusal(cycle=cycle, reviewer=reviewer, today=today)
        if refusal:
            raise PermissionDenied(
                f"{cycle.article.title}: {refusal}", code="reviewer_not_eligible"
            )
        cycle.assignee = reviewer
        cycle.assigned_at = now
        cycle.unassigned_reason = ""
        cycle._history_user = director
        cycle._change_reason = f"Assigned to {reviewer} by {director}"
        cycle.save(update_fields=["assignee", "assigned_at", "unassigned_reason"])
        _cycle_event(
            cycle,
            actor=director,
            action="assign_cycle",
            from_state=cycle.state,
            note=f"Assigned to {reviewer}",
            now=now,
        )
    _record_reminders(
        [(cycle.pk, reviewer.pk) for cycle in locked], kind=ReminderSent.Kind.ASSIGNED, today=today
    )
    transaction.on_commit(lambda: send_digests(today=today))
    return locked


# --- Reminders and escalation -----------------------------------------------------------


def _record_reminders(pairs: list[tuple[int, int]], *, kind: str, today: datetime.date) -> None:
    # The unique (cycle, recipient, kind, day) constraint makes a re-run a no-op.
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


def send_review_reminders(
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
    _record_reminders(reminders, kind=ReminderSent.Kind.REMINDER, today=today)

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
    _record_reminders(escalations, kind=ReminderSent.Kind.ESCALATION, today=today)
    emails = send_digests(today=today, now=now)
    return ReminderResult(len(reminders), len(escalations), emails)


DIGEST_SUBJECTS = {
    ReminderSent.Kind.ASSIGNED: "New periodic reviews assigned to you",
    ReminderSent.Kind.REMINDER: "Your open periodic reviews",
    ReminderSent.Kind.ESCALATION: "Periodic reviews overdue beyond the escalation threshold",
}


def send_digests(*, today: datetime.date, now: datetime.datetime | None = None) -> int:
    """Send the recorded, unsent reminders (today's, and any a failed run left owing): one
    e-mail per person and kind. Rows of cycles closed since are dropped, not sent."""
    now = now or timezone.now()
    with transaction.atomic():
        pending = list(
            ReminderSent.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(sent_on__lte=today, sent_at=None)
            .select_related("recipient", "cycle__article", "cycle__assignee")
            .order_by("recipient_id", "kind", "cycle__due_on", "cycle_id")
        )
        closed = [row.pk for row in pending if not row.cycle.is_open]
        ReminderSent.objects.filter(pk__in=closed).delete()
        groups: dict[tuple[int, str], list[ReminderSent]] = defaultdict(list)
        for row in pending:
            if row.cycle.is_open:
                groups[(row.recipient_id, row.kind)].append(row)
        emails = 0
        for (_, kind), rows in groups.items():
            recipient = rows[0].recipient
            if recipient.email:
                send_mail(
                    f"{DIGEST_SUBJECTS[kind]} ({len(rows)})",
                    _digest_body(recipient, kind, rows, today),
                    settings.DEFAULT_FROM_EMAIL,
                    [recipient.email],
                )
                emails += 1
            ReminderSent.objects.filter(pk__in=[row.pk for row in rows]).update(sent_at=now)
    return emails


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


# --- One cycle: re-certify, ask for changes, close ------------------------------------------


def _locked_cycle(cycle: ReviewCycle) -> ReviewCycle:
    # The article first, as every workflow verb does: one lock order, no deadlock with
    # a publish of the same article (which closes its cycle).
    list(
        Article.objects.select_for_update().filter(pk=cycle.article_id).values_list("pk", flat=True)
    )
    return (
        ReviewCycle.objects.select_for_update(of=("self",))
        .select_related("article", "article__specialty", "article__live_revision", "assignee")
        .get(pk=cycle.pk)
    )


def _cycle_event(cycle, *, actor, action, from_state, note, now, revision=None) -> AuditEvent:
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


def _check_reviewer(cycle: ReviewCycle, reviewer: User, today: datetime.date) -> ReviewerProfile:
    if cycle.assignee_id != reviewer.pk:
        raise PermissionDenied(
            "This review is assigned to "
            + (str(cycle.assignee) if cycle.assignee else "nobody yet")
            + ".",
            code="assigned_to_someone_else",
        )
    refusal = assignment_refusal_for_signing(cycle=cycle, reviewer=reviewer, today=today)
    if refusal:
        raise PermissionDenied(refusal, code="reviewer_not_eligible")
    return reviewer.reviewer_profile


def assignment_refusal_for_signing(
    *, cycle: ReviewCycle, reviewer: User, today: datetime.date
) -> str | None:
    """The scheduler's rules minus capacity (the reviewer already holds this cycle)."""
    if not reviewer.has_role(Role.MEDICAL_REVIEWER):
        return "Only medical reviewers re-certify articles."
    refusal = reviewer_refusal(
        profile=getattr(reviewer, "reviewer_profile", None),
        article=cycle.article,
        step=Step.MEDICAL_REVIEW,
        on=today,
    )
    if refusal:
        return refusal
    live = cycle.article.live_revision
    if live is not None and live.author_id == reviewer.pk:
        return "You wrote the live version of this article; another reviewer must re-certify it."
    return None


@transaction.atomic
def cycle_recertify(
    *, cycle: ReviewCycle, reviewer: User, attested: bool, now: datetime.datetime | None = None
) -> ReviewCycle:
    """The reviewer attests the live page is still accurate. The Review Date becomes today,
    the due date moves on, the credit names them, and the cycle completes — together."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    cycle = _locked_cycle(cycle)
    if cycle.state != ReviewCycle.State.OPEN:
        raise InvalidTransition(
            f"This review is {cycle.get_state_display().lower()}; it cannot be re-certified."
        )
    profile = _check_reviewer(cycle, reviewer, today)
    if not attested:
        raise DomainError(
            "Tick the attestation to re-certify: it is the statement your sign-off records.",
            code="attestation_required",
        )
    content.article_record_review(
        article=cycle.article,
        user=reviewer,
        reviewed_on=today,
        reviewer=profile,
        reason=f"Re-certified by {profile.credit_name}: no change",
    )
    cycle.attestation = ATTESTATION_TEXT
    cycle.signer_credit = profile.credit_line
    cycle_close(
        cycle,
        state=ReviewCycle.State.COMPLETED,
        outcome=ReviewCycle.Outcome.RECERTIFIED,
        user=reviewer,
        now=now,
        reason="Re-certified, no change",
        action="recertify",
        note=f"Re-certified by {profile.credit_line}",
    )
    return cycle


@transaction.atomic
def cycle_request_changes(
    *, cycle: ReviewCycle, reviewer: User, note: str, now: datetime.datetime | None = None
) -> Revision:
    """The reviewer finds the page needs changes: a draft linked to the cycle is opened
    for the page's editor, with the reviewer's note as its first comment. Publishing
    that draft completes the cycle."""
    now = now or timezone.now()
    cycle = _locked_cycle(cycle)
    if cycle.state != ReviewCycle.State.OPEN:
        raise InvalidTransition(f"This review is {cycle.get_state_display().lower()}.")
    _check_reviewer(cycle, reviewer, timezone.localdate(now))
    note = (note or "").strip()
    if not note:
        raise DomainError("Write what needs to change.", code="comment_required")
    live = cycle.article.live_revision
    editor = live.author
    draft = content.revision_start_draft(article=cycle.article, author=editor)
    comment = Comment(revision=draft, author=reviewer, body=note, created_at=now)
    comment._history_user = reviewer
    comment._change_reason = "Periodic review: changes requested"
    comment.save()
    from_state = cycle.state
    cycle.state = ReviewCycle.State.IN_PROGRESS
    cycle.revision = draft
    cycle._history_user = reviewer
    cycle._change_reason = f"Changes requested: {note}"
    cycle.save(update_fields=["state", "revision"])
    event = _cycle_event(
        cycle,
        actor=reviewer,
        action="cycle_request_changes",
        from_state=from_state,
        note=note,
        now=now,
    )
    notifications.notify(event)
    return draft


def cycle_close(
    cycle: ReviewCycle,
    *,
    state: str,
    user: User,
    now: datetime.datetime,
    reason: str,
    action: str,
    note: str,
    outcome: str = "",
    revision: Revision | None = None,
) -> None:
    """Close a locked, open cycle (completed or cancelled): who, when, why, in its history
    and as an audit event. Every way a review ends goes through here."""
    from_state = cycle.state
    cycle.state = state
    cycle.outcome = outcome
    if revision is not None:
        cycle.revision = revision
    cycle.closed_at = now
    cycle.closed_by = user
    cycle._history_user = user
    cycle._change_reason = reason
    cycle.save()
    _cycle_event(cycle, actor=user, action=action, from_state=from_state, note=note, now=now)


def answers_open_cycle(revision: Revision) -> bool:
    """Whether `revision` was drafted to answer a periodic review still in progress."""
    return ReviewCycle.objects.filter(
        revision=revision, state=ReviewCycle.State.IN_PROGRESS
    ).exists()


def cycles_close_for_publish(
    *,
    article: Article,
    revision: Revision,
    review_date_moved: bool,
    user: User,
    now: datetime.datetime,
) -> None:
    """A publish answers the article's open review when it was drafted for it, or when it
    moved the Review Date (a full review of the page)."""
    for cycle in ReviewCycle.objects.open().select_for_update().filter(article=article):
        if cycle.revision_id != revision.pk and not review_date_moved:
            continue
        cycle_close(
            cycle,
            state=ReviewCycle.State.COMPLETED,
            outcome=ReviewCycle.Outcome.REVISED,
            revision=revision,
            user=user,
            now=now,
            reason=f"Answered by publishing v{revision.number}",
            action="complete_cycle",
            note=f"Revised: v{revision.number} published",
        )


def cycles_reopen_for_abandoned(
    *, revision: Revision, user: User, now: datetime.datetime, note: str
) -> None:
    """The draft opened to answer a review was withdrawn or rejected: the review is open
    again, for its reviewer to re-certify or ask for changes anew."""
    for cycle in ReviewCycle.objects.select_for_update().filter(
        revision=revision, state=ReviewCycle.State.IN_PROGRESS
    ):
        from_state = cycle.state
        cycle.state = ReviewCycle.State.OPEN
        cycle.revision = None
        cycle._history_user = user
        cycle._change_reason = f"Reopened: v{revision.number} {note}"
        cycle.save(update_fields=["state", "revision"])
        _cycle_event(
            cycle,
            actor=user,
            action="reopen_cycle",
            from_state=from_state,
            note=f"v{revision.number} {note}; the review is open again",
            now=now,
            revision=revision,
        )


def cycles_cancel_for_retirement(
    *, article: Article, user: User, reason: str, now: datetime.datetime
) -> None:
    for cycle in ReviewCycle.objects.open().select_for_update().filter(article=article):
        cycle_close(
            cycle,
            state=ReviewCycle.State.CANCELLED,
            user=user,
            now=now,
            reason=f"Article retired: {reason}",
            action="cancel_cycle",
            note=f"Article retired: {reason}",
        )
