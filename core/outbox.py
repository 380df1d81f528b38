"""The outbox: the one way e-mail (and any call to another system) leaves Stet.

Services write `OutgoingEmail` rows inside their own transaction (`outbox_queue`), which
asks for them to be sent once it commits. The sender (`outbox_send`)
runs outside any transaction and row lock: it claims each row with a compare-and-set
update before handing it to the mail server, so two senders never send one row, and a
row is marked sent only once the server took it. A failure leaves the row queued for a
later attempt, with backoff, until it gives up and says so; the every-minute task picks
up whatever a lost kick or an outage left behind. Calls to another system (`outbox_call`:
a CDN's purge hook) are rows of their own and go through the same delivery loop.
"""

import datetime
import json
import logging
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from core.models import Delivery, OutgoingCall, OutgoingEmail
from core.queue import enqueue_after_commit

logger = logging.getLogger(__name__)
Status = Delivery.Status
USER_AGENT = "Stet (editorial review system)"
# The task that delivers each kind of row, kicked after the commit that queued it.
SENDER_TASKS: dict[type[Delivery], str] = {
    OutgoingEmail: "core.tasks.send_outbox",
    OutgoingCall: "core.tasks.send_outbox_calls",
}
CALL_TIMEOUT_SECONDS = 10

MAX_ATTEMPTS = 8
# A row claimed longer ago than this was being sent by a process that died mid-send: the
# mail server may or may not have taken it, so it is left for a person to decide (the
# admin shows it) rather than sent a second time.
STUCK_AFTER = datetime.timedelta(minutes=15)


@dataclass(frozen=True)
class Letter:
    to: str
    subject: str
    body: str


def outbox_queue(letters: Iterable[Letter], *, now: datetime.datetime | None = None) -> list:
    """Write e-mails to the outbox, in the caller's transaction, and return the rows in
    the order given; they are sent once the transaction commits. A letter to nobody
    (the person has no address) is kept as not sent, with the reason, so the record
    says why nothing went out."""
    # `now` dates the row as the change it reports; it may be sent from this moment.
    sendable = timezone.now()
    now = now or sendable
    rows = [
        OutgoingEmail(
            to=letter.to,
            subject=letter.subject[:300],
            body=letter.body,
            created_at=now,
            next_attempt_at=min(now, sendable),
            status=Status.QUEUED if letter.to else Status.CANCELLED,
            last_error="" if letter.to else "No e-mail address.",
        )
        for letter in letters
    ]
    rows = OutgoingEmail.objects.bulk_create(rows)
    queued = [row.pk for row in rows if row.status == Status.QUEUED]
    if queued:
        enqueue_after_commit(SENDER_TASKS[OutgoingEmail], queued)
    return rows


def _backoff(attempts: int) -> datetime.timedelta:
    return datetime.timedelta(seconds=min(60 * 2 ** (attempts - 1), 3600))


def outbox_send(
    *, ids: list[int] | None = None, limit: int = 500, now: datetime.datetime | None = None
) -> int:
    """Send queued e-mail that is due (of `ids`, if given), each row at most once.
    Returns how many went out.

    Must run outside a transaction: the claim of each row commits before the mail server
    is contacted, and nothing is locked while it is.
    """
    connection = None

    def send(email: OutgoingEmail) -> None:
        nonlocal connection
        try:
            connection = connection or get_connection()
            EmailMessage(
                email.subject,
                email.body,
                settings.DEFAULT_FROM_EMAIL,
                [email.to],
                connection=connection,
            ).send()
        except Exception:
            connection = None  # a broken connection is not reused for the next row
            raise

    return _deliver(OutgoingEmail, send, ids=ids, limit=limit, now=now)


def outbox_call(*, url: str, payload: dict) -> OutgoingCall:
    """Queue a POST of `payload` (JSON) to `url`, in the caller's transaction; it is
    made once the transaction commits, and retried like an e-mail."""
    call = OutgoingCall.objects.create(url=url, payload=payload)
    enqueue_after_commit(SENDER_TASKS[OutgoingCall], [call.pk])
    return call


def outbox_send_calls(
    *, ids: list[int] | None = None, limit: int = 500, now: datetime.datetime | None = None
) -> int:
    """Make the queued calls that are due (of `ids`, if given), each at most once. A
    call succeeds when the other side answers 2xx; anything else is a failure to retry."""

    def send(call: OutgoingCall) -> None:
        request = urllib.request.Request(
            call.url,
            data=json.dumps(call.payload).encode(),
            headers={"Content-Type": "application/json", "User-Agent": USER_AGENT},
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=CALL_TIMEOUT_SECONDS) as answer:
            answer.read(1024)

    return _deliver(OutgoingCall, send, ids=ids, limit=limit, now=now)


def _deliver(model: type[Delivery], send: Callable, *, ids, limit, now) -> int:
    """The outbox's one delivery loop: claim each due row (a compare-and-set update that
    commits before anything leaves), deliver it, mark it sent or failed."""
    now = now or timezone.now()
    queued = model._default_manager.filter(status=Status.QUEUED, next_attempt_at__lte=now)
    if ids is not None:
        queued = queued.filter(pk__in=ids)
    due: list[int] = list(
        queued.order_by("next_attempt_at", "pk").values_list("pk", flat=True)[:limit]
    )
    delivered = 0
    for pk in due:
        claimed = model._default_manager.filter(pk=pk, status=Status.QUEUED).update(
            status=Status.SENDING, claimed_at=timezone.now(), attempts=F("attempts") + 1
        )
        if not claimed:
            continue  # another sender took it
        row = model._default_manager.get(pk=pk)
        try:
            send(row)
        except Exception as error:  # the other side's refusal, whatever its type
            _failed(row, error)
            continue
        model._default_manager.filter(pk=pk, status=Status.SENDING).update(
            status=Status.SENT, sent_at=timezone.now(), last_error=""
        )
        delivered += 1
    return delivered


def _failed(row: Delivery, error: Exception) -> None:
    gave_up = row.attempts >= MAX_ATTEMPTS
    logger.warning(
        "%s %s failed (attempt %s%s): %s",
        row, row.pk, row.attempts, ", giving up" if gave_up else "", error,
    )  # fmt: skip
    type(row)._default_manager.filter(pk=row.pk, status=Status.SENDING).update(
        status=Status.FAILED if gave_up else Status.QUEUED,
        next_attempt_at=timezone.now() + _backoff(row.attempts),
        last_error=f"{type(error).__name__}: {error}"[:2000],
    )


def outbox_requeue(*, ids: list[int], model: type[Delivery] = OutgoingEmail) -> int:
    """Queue failed or stuck deliveries again (a person's decision: a stuck one may
    already have reached the other side), and send them after commit."""
    with transaction.atomic():
        count = model._default_manager.filter(
            pk__in=ids, status__in=[Status.FAILED, Status.SENDING]
        ).update(status=Status.QUEUED, next_attempt_at=timezone.now(), attempts=0)
        enqueue_after_commit(SENDER_TASKS[model], ids)
    return count


def outbox_counts(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """How much mail waits, failed, or is stuck mid-send: for /healthz and the admin."""
    now = now or timezone.now()
    rows = OutgoingEmail.objects
    return {
        "queued": rows.filter(status=Status.QUEUED).count(),
        "failed": rows.filter(status=Status.FAILED).count(),
        "stuck": rows.filter(status=Status.SENDING, claimed_at__lt=now - STUCK_AFTER).count(),
    }
