"""Who hears about a workflow event, and the e-mail they get.

Each event's messages are written once as Notification rows (one per person), then
sent; a row is marked sent as it goes out. A retried or duplicated task finds the
rows already there and sends only what is left.
"""

from functools import partial

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from reviews import tasks
from reviews.models import Approval, AuditEvent, Notification
from reviews.rules import reviewer_refusal

AUTHOR_EVENTS = {
    "request_changes": "Changes requested",
    "cycle_request_changes": "Periodic review asks for changes",
    "reject": "Rejected",
    "approve": "Approved — ready to publish",
    "publish": "Published",
    "supersede": "Superseded",
}
SIGNER_EVENTS = {"submit", "sign_off", "assign"}


def _revision_url(event: AuditEvent) -> str:
    return settings.STET["SITE_URL"] + reverse("reviews:revision", args=[event.revision_id])


def recipients_for(event: AuditEvent) -> tuple[list[User], str]:
    """(people to tell, subject line) for an audit event; nobody for most events."""
    revision = event.revision
    title = f"{revision.title} v{revision.number}"
    editors = {revision.author_id, *revision.contributors.values_list("pk", flat=True)}
    if event.action in AUTHOR_EVENTS:
        people = User.objects.filter(pk__in=editors, is_active=True).exclude(pk=event.actor_id)
        return list(people), f"{AUTHOR_EVENTS[event.action]}: {title}"
    if event.action in SIGNER_EVENTS:
        step = (
            Approval.objects.filter(
                submission__revision=revision, decision=Approval.Decision.PENDING
            )
            .select_related("assignee")
            .first()
        )
        if step is None:
            return [], ""
        if step.assignee is not None:
            people = [step.assignee]
        else:
            people = list(
                User.objects.filter(groups__name=step.role.value, is_active=True)
                .exclude(pk__in=editors)
                .select_related("reviewer_profile")
                .distinct()
            )
            if step.is_medical:
                # Only those who could sign: not an expired licence, not a conflict.
                on = timezone.localdate(event.at)
                people = [
                    person
                    for person in people
                    if reviewer_refusal(
                        profile=getattr(person, "reviewer_profile", None),
                        article=revision.article,
                        step=step.step,
                        on=on,
                        specialty_overridden=bool(step.specialty_override_reason),
                    )
                    is None
                ]
        return people, f"Review needed ({step.get_step_display().lower()}): {title}"
    return [], ""


def _body(event: AuditEvent, recipient: User) -> str:
    revision = event.revision
    lines = [
        f"Hello {recipient.first_name or recipient.username},",
        "",
        f"{event.actor or 'Stet'}: {event.action.replace('_', ' ')}.",
        f"Article: {revision.title} ({revision.article.number}), revision v{revision.number}",
    ]
    if revision.change_summary:
        lines.append(f"Change summary: {revision.change_summary}")
    if event.note:
        lines += ["", event.note]
    lines += ["", f"Open it in Stet: {_revision_url(event)}"]
    return "\n".join(lines)


def notifications_create(*, event: AuditEvent) -> list[Notification]:
    people, subject = recipients_for(event)
    created = []
    for person in people:
        notification, _ = Notification.objects.get_or_create(
            event=event,
            recipient=person,
            defaults={"subject": subject[:300], "body": _body(event, person)},
        )
        created.append(notification)
    return created


def notifications_send(*, event_id: int) -> int:
    """Send the e-mails written for one event. Returns how many went out now."""
    event = AuditEvent.objects.select_related("revision__article", "actor").get(pk=event_id)
    if event.revision_id is None:
        return 0
    sent = 0
    while True:
        with transaction.atomic():
            # skip_locked: a duplicate task running at the same moment takes other rows.
            notification = (
                Notification.objects.select_for_update(skip_locked=True)
                .select_related("recipient")
                .filter(event=event, sent_at=None)
                .exclude(recipient__email="")
                .first()
            )
            if notification is None:
                return sent
            send_mail(
                notification.subject,
                notification.body,
                settings.DEFAULT_FROM_EMAIL,
                [notification.recipient.email],
            )
            notification.sent_at = timezone.now()
            notification.save(update_fields=["sent_at"])
            sent += 1


def notify(event: AuditEvent) -> None:
    """Write the event's messages now (who to tell depends on the state at this moment),
    and send them once the transaction has committed."""
    if notifications_create(event=event):
        transaction.on_commit(partial(_enqueue_unsent, event.pk))


def _enqueue_unsent(event_id: int) -> None:
    # Rows can be settled before the commit (e.g. marked sent by a data import).
    if Notification.objects.filter(event_id=event_id, sent_at=None).exists():
        tasks.send_event_notifications.delay(event_id)
