"""Readers' "report a problem with this page", and the editorial directors' triage of it.

A reader needs no account. Their e-mail address is kept only when they tick the consent,
and then only to answer this one report. A director accepts or declines each report,
resolves the accepted ones, replies (by e-mail through the outbox when the reader gave
an address) or opens an out-of-cycle review of the article; the first of these records
how long the reader waited for an answer.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from accounts.roles import Role, require_role
from core.errors import DomainError, InvalidTransition
from core.history import track
from core.outbox import Letter, outbox_queue
from encyclopedia.models import Article
from reviews.cycles.opening import review_cycles_open_out_of_cycle
from reviews.models import FeedbackReply, ReaderFeedback, ReviewCycle

State = ReaderFeedback.State

MESSAGE_LIMIT = 2_000
REPLY_LIMIT = 5_000
# Enough for a reader who finds several problems on a page; too few to flood the list.
REPORTS_PER_HOUR = 5
RATE_WINDOW_SECONDS = 3600

# Where a report may go next. Declined is final: a reader who disagrees writes again,
# which makes a new report with its own response time.
TRANSITIONS: dict[str, set[str]] = {
    State.NEW: {State.ACCEPTED, State.DECLINED},
    State.ACCEPTED: {State.RESOLVED},
    State.DECLINED: set(),
    State.RESOLVED: set(),
}


def _rate_limited(ip: str) -> bool:
    """Count this report against the client address; True once it is over the limit.
    add-then-incr is atomic on every cache backend, so parallel posts cannot all slip
    under the limit. The window runs from the first report of the hour."""
    key = f"stet:reader-feedback:{ip or 'unknown'}"
    cache.add(key, 0, timeout=RATE_WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:
        # The key expired between add and incr, or the cache is away: a reader's report
        # matters more than the limit, so it goes through.
        return False
    return count > REPORTS_PER_HOUR


def _written(text: str, *, limit: int, empty: str, what: str, code: str) -> str:
    """`text` stripped, refused when empty or over `limit` characters."""
    text = (text or "").strip()
    if not text:
        raise DomainError(empty, code=f"{code}_required")
    if len(text) > limit:
        raise DomainError(
            f"Please keep {what} to {limit:,} characters (it has {len(text):,}).",
            code=f"{code}_too_long",
        )
    return text


def feedback_submit(
    *,
    article: Article,
    message: str,
    email: str = "",
    email_consent: bool = False,
    ip: str = "",
    honeypot_filled: bool = False,
    now: datetime.datetime | None = None,
) -> ReaderFeedback | None:
    """Record a reader's report on the live page of `article`. Returns the report, or
    None when the honeypot was filled."""
    if honeypot_filled:
        # Only a program fills a field people cannot see. It is answered exactly as a
        # reader would be, so it learns nothing to adapt to, and nothing is stored.
        return None
    now = now or timezone.now()
    if article.status != Article.Status.PUBLISHED or article.live_revision_id is None:
        raise DomainError(
            "This page is no longer published, so it cannot be reported.", code="not_published"
        )
    message = _written(
        message,
        limit=MESSAGE_LIMIT,
        empty="Tell us what is wrong on this page.",
        what="your report",
        code="message",
    )
    email = (email or "").strip()
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise DomainError(
                "That e-mail address does not look right: check it, or leave it out.",
                code="invalid_email",
            ) from None
        if not email_consent:
            raise DomainError(
                "To get a reply, tick the box that lets us use your e-mail address to "
                "reply to this report, or leave the address out.",
                code="consent_required",
            )
    if _rate_limited(ip):
        raise DomainError(
            "You have sent several reports in the last hour. Thank you: please wait a "
            "while before sending another.",
            code="too_many_reports",
        )
    feedback = ReaderFeedback(
        article=article,
        revision_id=article.live_revision_id,
        message=message,
        email=email,
        email_consent=bool(email),
        submitted_at=now,
    )
    track(feedback, user=None, reason="Reader's report")
    feedback.save()
    return feedback


def _locked(feedback: ReaderFeedback) -> ReaderFeedback:
    return ReaderFeedback.objects.select_for_update().select_related("article").get(pk=feedback.pk)


def _responded(feedback: ReaderFeedback, *, by: User, now: datetime.datetime) -> bool:
    """The first answer of any kind is the reader's response time; later ones keep it.
    True when this was the first."""
    if feedback.first_response_at is not None:
        return False
    feedback.first_response_at = now
    feedback.first_response_by = by
    return True


@transaction.atomic
def feedback_triage(
    *, feedback: ReaderFeedback, state: str, by: User, now: datetime.datetime | None = None
) -> ReaderFeedback:
    """Accept or decline a new report, or mark an accepted one resolved."""
    now = now or timezone.now()
    require_role(by, Role.EDITORIAL_DIRECTOR, "triage readers' reports")
    feedback = _locked(feedback)
    if state not in TRANSITIONS.get(feedback.state, set()):
        current = feedback.get_state_display().lower()
        wanted = dict(State.choices).get(state, state).lower()
        raise InvalidTransition(
            f"This report is {current}, so it cannot be marked {wanted}.",
            code="invalid_transition",
        )
    feedback.state = state
    if state == State.RESOLVED:
        feedback.resolved_at = now
    _responded(feedback, by=by, now=now)
    track(feedback, user=by, reason=f"Report {feedback.get_state_display().lower()}")
    feedback.save()
    return feedback


def _reply_letter(feedback: ReaderFeedback, body: str) -> Letter:
    title = feedback.article.title
    url = settings.STET["SITE_URL"] + feedback.article.get_absolute_url()
    lines = [
        "Hello,",
        "",
        f"Thank you for your report about “{title}”. Our editorial team replies:",
        "",
        body,
        "",
        "You wrote:",
        *(f"> {line}" for line in feedback.message.splitlines()),
        "",
        f"The page: {url}",
        "",
        "We used your e-mail address only to reply to this report.",
    ]
    return Letter(feedback.email, f"Your report about “{title}”", "\n".join(lines))


@transaction.atomic
def feedback_reply(
    *, feedback: ReaderFeedback, body: str, by: User, now: datetime.datetime | None = None
) -> FeedbackReply:
    """Store a director's reply; e-mail it when the reader gave an address and consent."""
    now = now or timezone.now()
    require_role(by, Role.EDITORIAL_DIRECTOR, "reply to readers")
    body = _written(
        body, limit=REPLY_LIMIT, empty="Write the reply first.", what="the reply", code="reply"
    )
    feedback = _locked(feedback)
    email = None
    if feedback.email and feedback.email_consent:
        [email] = outbox_queue([_reply_letter(feedback, body)], now=now)
    reply = FeedbackReply.objects.create(
        feedback=feedback, author=by, body=body, sent_at=now, email=email
    )
    if _responded(feedback, by=by, now=now):
        track(feedback, user=by, reason="Replied to the reader")
        feedback.save()
    return reply


@dataclass(frozen=True)
class OpenedReview:
    cycle: ReviewCycle
    opened: bool  # False: the article already had an open review, now linked


def open_review_refusal(feedback: ReaderFeedback) -> DomainError | None:
    """Why no out-of-cycle review may be opened from `feedback` (one was already, the
    report was declined or resolved, the article is not live), or None: the service
    raises it, and the report's page offers the form only when there is none."""
    if feedback.cycle_id is not None:
        return DomainError(
            "A review has already been opened from this report.", code="already_opened"
        )
    if feedback.state not in (State.NEW, State.ACCEPTED):
        return InvalidTransition(
            f"This report is {feedback.get_state_display().lower()}; reviews are opened "
            "only from new or accepted reports.",
            code="invalid_transition",
        )
    if feedback.article.status != Article.Status.PUBLISHED:
        return DomainError(
            "The article is not published, so it has no live page to review.",
            code="not_published",
        )
    return None


def _check_review_may_open(feedback: ReaderFeedback) -> None:
    if (refusal := open_review_refusal(feedback)) is not None:
        raise refusal


def feedback_open_review(
    *,
    feedback: ReaderFeedback,
    by: User,
    reason: str,
    today: datetime.date | None = None,
    now: datetime.datetime | None = None,
) -> OpenedReview:
    """Open an out-of-cycle review of the reported article and link it to the report.
    If the article already has an open review, that review answers the report instead.

    The review is opened and assigned as every out-of-cycle review is, in committed
    batches, then linked; so this runs outside a transaction."""
    now = now or timezone.now()
    today = today or timezone.localdate(now)
    _check_review_may_open(ReaderFeedback.objects.select_related("article").get(pk=feedback.pk))
    result = review_cycles_open_out_of_cycle(
        director=by, reason=reason, article=feedback.article, today=today, now=now
    )
    with transaction.atomic():
        cycle = ReviewCycle.objects.open().filter(article_id=feedback.article_id).first()
        if cycle is None:
            # Retired, or its review completed, between the opening and now.
            raise DomainError(
                "The article has no open review to link: reload the report and try again.",
                code="no_open_review",
            )
        # Another director may have acted on the report while the review was opening.
        feedback = _locked(feedback)
        _check_review_may_open(feedback)
        feedback.cycle = cycle
        if feedback.state == State.NEW:
            # Opening a review is acting on the report.
            feedback.state = State.ACCEPTED
        _responded(feedback, by=by, now=now)
        track(feedback, user=by, reason=f"Out-of-cycle review opened: {reason.strip()}")
        feedback.save()
    return OpenedReview(cycle=cycle, opened=bool(result.opened))
