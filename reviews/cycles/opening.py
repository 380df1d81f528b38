"""Opening review cycles: the nightly sweep of every article that fell due, and the
out-of-cycle reviews a director opens when a guideline changes or a paper is retracted.

Set-based: a bounded number of statements per batch of articles, whatever the size of
the encyclopedia, and re-derived from the database each time, so running it twice, on
two workers at once, or after days of downtime opens exactly one cycle per due article
(a partial unique constraint guarantees it).
"""

import datetime
import logging
from dataclasses import dataclass

from django.db import IntegrityError, connection, transaction
from django.db.models import (
    BigIntegerField,
    Case,
    CharField,
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
from django.utils import timezone

from accounts.models import Specialty, User
from accounts.roles import Role, require_role
from accounts.services import system_user
from core.db import (
    history_row_columns,
    insert_from_select,
    insert_from_select_sql,
    insert_history_from_select,
)
from core.errors import DomainError
from encyclopedia.models import Article, ReviewPolicy, Topic
from reviews import selectors
from reviews.cycles.assignment import AssignResult, review_cycles_auto_assign
from reviews.models import AuditEvent, ReviewCycle

logger = logging.getLogger(__name__)
# Each batch is a transaction and a commit: at 5,000 articles the commits are a small part
# of the sweep's time, and a crash still loses no more than a few seconds' work.
BATCH_SIZE = 5000


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
    reference: str = "",
    batch_size: int = BATCH_SIZE,
) -> int:
    """Open one cycle for each article of `articles` that has none open, in batches.
    `due_on` and `origin` are SQL expressions over the article row.

    After one query for the candidates' ids, each batch is its own transaction in
    which the database copies the articles still due into cycles, the cycles into
    history rows and the cycles into audit events (INSERT … SELECT: no row passes
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
                opened += _open_batch(
                    ids,
                    now=now,
                    due_on=due_on,
                    origin=origin,
                    reason=reason,
                    reference=reference,
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


def _open_batch(ids, **cycle) -> int:
    """Open the cycles of one batch of candidates, in the caller's transaction; how many
    opened. Each candidate is checked again, since another run or a publish may have
    got there first."""
    _relax_commit_durability()
    still_due = _without_open_cycle(Article.objects.published().filter(pk__in=ids))
    if connection.vendor == "postgresql":
        return _insert_cycles_in_one_statement(still_due, **cycle)
    claimed = list(
        still_due.select_for_update(skip_locked=True, of=("self",)).values_list("pk", flat=True)
    )
    return _insert_cycles(claimed, **cycle) if claimed else 0


def _cycle_columns(*, now, due_on, origin, reason, reference, opened_by) -> dict:
    """A new cycle's columns, as SQL over the article it is for."""
    return {
        "article_id": F("pk"),
        "due_on": due_on,
        "origin": origin,
        "reason": _text(reason),
        "reference": _text(reference),
        "opened_at": Value(now, output_field=DateTimeField()),
        "opened_by_id": Value(opened_by.pk, output_field=BigIntegerField()),
        "state": _text(ReviewCycle.State.OPEN),
        "unassigned_reason": _text(""),
        "outcome": _text(""),
        "attestation": _text(""),
        "signer_credit": _text(""),
    }


def _audit_columns(*, now, reason, opened_by) -> dict:
    """Each new cycle's audit event, as SQL over the cycle."""
    origin_labels = [
        When(origin=value, then=_text(label)) for value, label in ReviewCycle.Origin.choices
    ]
    return {
        "article_id": F("article_id"),
        "cycle_id": F("pk"),
        "actor_id": Value(opened_by.pk, output_field=BigIntegerField()),
        "at": Value(now, output_field=DateTimeField()),
        "action": _text("open_cycle"),
        "from_state": _text(""),
        "to_state": _text(ReviewCycle.State.OPEN),
        "note": _text(reason)
        if reason
        else Concat(
            Case(*origin_labels, output_field=CharField()),
            _text(" ("),
            Cast("due_on", CharField()),
            _text(")"),
            output_field=CharField(),
        ),
    }


def _text(value: str) -> Value:
    return Value(value, output_field=CharField())


def _insert_cycles(
    article_ids, *, now, due_on, origin, reason, reference, opened_by, change_reason
) -> int:
    count = insert_from_select(
        ReviewCycle,
        Article.objects.filter(pk__in=article_ids),
        _cycle_columns(
            now=now,
            due_on=due_on,
            origin=origin,
            reason=reason,
            reference=reference,
            opened_by=opened_by,
        ),
    )
    new = ReviewCycle.objects.filter(
        article_id__in=article_ids, opened_at=now, state=ReviewCycle.State.OPEN
    )
    insert_history_from_select(
        ReviewCycle, new, user_id=opened_by.pk, reason=change_reason, date=now
    )
    insert_from_select(AuditEvent, new, _audit_columns(now=now, reason=reason, opened_by=opened_by))
    return count


def _insert_cycles_in_one_statement(
    articles, *, now, due_on, origin, reason, reference, opened_by, change_reason
) -> int:
    """PostgreSQL: the batch's cycles, their history rows and their audit events in one
    statement. The cycles are inserted in a WITH clause named after their own table, so
    the history and audit SELECTs, written by the ORM over ReviewCycle, read the rows
    just inserted (RETURNING) rather than the table. ON CONFLICT DO NOTHING leaves out
    any article another run opened a cycle for meanwhile (the one-open-cycle
    constraint), so no row lock is needed."""
    cycles_sql, cycles_params = insert_from_select_sql(
        ReviewCycle,
        articles,
        _cycle_columns(
            now=now,
            due_on=due_on,
            origin=origin,
            reason=reason,
            reference=reference,
            opened_by=opened_by,
        ),
        order_by=("pk",),  # cycles numbered in the order of their articles, as elsewhere
    )
    just_opened = ReviewCycle.objects.all()
    history_sql, history_params = insert_from_select_sql(
        ReviewCycle.history.model,
        just_opened,
        history_row_columns(
            ReviewCycle, user_id=opened_by.pk, reason=change_reason, date=now, history_type="+"
        ),
    )
    audit_sql, audit_params = insert_from_select_sql(
        AuditEvent, just_opened, _audit_columns(now=now, reason=reason, opened_by=opened_by)
    )
    table = connection.ops.quote_name(ReviewCycle._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH {table} AS ({cycles_sql} ON CONFLICT DO NOTHING RETURNING *), "
            f"history AS ({history_sql}) {audit_sql}",
            (*cycles_params, *history_params, *audit_params),
        )
        return cursor.rowcount


@dataclass
class FlagResult:
    opened: int
    due_soon: int


def review_cycles_flag_overdue(
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


# The reason prints on the cycle, in every reviewer's digest and in the audit report.
REASON_LIMIT = 2_000


@dataclass
class OutOfCycleResult:
    matched: int
    opened: int
    already_open: int
    assignment: AssignResult


def review_cycles_open_out_of_cycle(
    *,
    director: User,
    reason: str,
    specialty: Specialty | None = None,
    topic: Topic | None = None,
    reference: str = "",
    article: Article | None = None,
    today: datetime.date,
    now: datetime.datetime | None = None,
) -> OutOfCycleResult:
    """Open cycles now for every published article in a specialty or topic, or citing a
    reference (DOI, PubMed id or URL) — when a guideline changes or a paper is retracted —
    or for one article a reader reported.
    The new cycles are assigned at once, and each reviewer gets one digest. Like the
    nightly job, it works in committed batches, so the digests go out only for
    assignments that are in the database."""
    now = now or timezone.now()
    require_role(director, Role.EDITORIAL_DIRECTOR, "open out-of-cycle reviews")
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(
            "Say why these articles need an out-of-cycle review.", code="reason_required"
        )
    if len(reason) > REASON_LIMIT:
        raise DomainError(
            f"Please keep the reason to {REASON_LIMIT:,} characters (it has {len(reason):,}).",
            code="reason_too_long",
        )
    articles = selectors.article_list_for_out_of_cycle(
        specialty=specialty, topic=topic, reference=reference, article=article
    )
    matched = articles.count()
    opened = _open_cycles(
        articles,
        now=now,
        due_on=Value(today, output_field=DateField()),  # a retraction or new guideline is due now
        origin=Value(ReviewCycle.Origin.OUT_OF_CYCLE, output_field=CharField()),
        reason=reason,
        reference=reference.strip(),
        opened_by=director,
        change_reason=f"Out-of-cycle review: {reason}",
    )
    assignment = review_cycles_auto_assign(
        today=today,
        now=now,
        cycles=ReviewCycle.objects.filter(opened_at=now, origin=ReviewCycle.Origin.OUT_OF_CYCLE),
    )
    return OutOfCycleResult(matched, opened, matched - opened, assignment)
