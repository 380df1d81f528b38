"""Who hears about a workflow event, and the e-mail they get.

An event's messages are written with the event, in its transaction: one Notification
per person, its e-mail a row of the outbox (core.outbox), which sends it after the
commit. Who hears depends on the state at that moment — the next step's signers are the
people the one eligibility rule lets sign it.
"""

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from core.outbox import Letter, outbox_queue
from encyclopedia.models import Revision
from reviews import eligibility
from reviews.models import Approval, AuditEvent, Notification

AUTHOR_EVENTS = {
    "request_changes": "Changes requested",
    "cycle_request_changes": "Periodic review asks for changes",
    "reject": "Rejected",
    "approve": "Approved — ready to publish",
    "publish": "Published",
    "supersede": "Superseded",
}
SIGNER_EVENTS = {"submit", "sign_off", "assign", "recertify"}
# Events about a periodic review that its reviewer must hear of.
REVIEWER_EVENTS = {"refuse_recertification": "Re-certification sent back"}


def _revision_url(event: AuditEvent) -> str:
    return settings.STET["SITE_URL"] + reverse("reviews:revision", args=[event.revision_id])


def recipients_for(event: AuditEvent) -> tuple[list[User], str]:
    """(people to tell, subject line) for an audit event; nobody for most events."""
    revision = event.revision
    if revision is None:
        return [], ""
    title = f"{revision.title} v{revision.number}"
    if event.action in REVIEWER_EVENTS:
        cycle = event.cycle
        assignee = [cycle.assignee] if cycle and cycle.assignee else []
        return assignee, f"{REVIEWER_EVENTS[event.action]}: {revision.title}"
    if event.action in AUTHOR_EVENTS:
        people = User.objects.filter(
            Q(pk=revision.author_id) | Q(contributed_revisions=revision), is_active=True
        ).distinct()
        if event.actor_id is not None:
            people = people.exclude(pk=event.actor_id)
        return list(people), f"{AUTHOR_EVENTS[event.action]}: {title}"
    if event.action in SIGNER_EVENTS:
        step = Approval.objects.filter(
            submission__revision=revision, decision=Approval.Decision.PENDING
        ).first()
        if step is None:
            return [], ""
        signers = eligibility.step_signers(approval=step, on=timezone.localdate(event.at))
        return list(signers), f"Review needed ({step.get_step_display().lower()}): {title}"
    return [], ""


# What happened, in a sentence, for the e-mail's first line.
WHAT_HAPPENED = {
    "submit": "{actor} submitted it for review.",
    "sign_off": "{actor} signed a step of its review; the next step is waiting.",
    "assign": "{actor} assigned a step of its review.",
    "recertify": "{actor} re-certified the live page; the next sign-off is waiting.",
    "request_changes": "{actor} asked for changes.",
    "cycle_request_changes": "{actor} asked for changes in its periodic review.",
    "reject": "{actor} rejected it.",
    "approve": "{actor} gave the last sign-off: it is ready to publish.",
    "publish": "{actor} published it: the live page now shows it.",
    "supersede": "It was superseded: the live page changed while it was in review.",
    "refuse_recertification": "{actor} sent the re-certification back.",
}


def _body(event: AuditEvent, revision: Revision, recipient: User) -> str:
    actor = str(event.actor) if event.actor else "Stet"
    happened = WHAT_HAPPENED.get(event.action, "{actor}: " + event.action.replace("_", " ") + ".")
    lines = [
        f"Hello {recipient.first_name}," if recipient.first_name else "Hello,",
        "",
        happened.format(actor=actor),
        f"Article: {revision.title} ({revision.article.number}), revision v{revision.number}",
    ]
    if revision.change_summary:
        lines.append(f"Change summary: {revision.change_summary}")
    if event.note:
        lines += ["", event.note]
    lines += ["", f"Open it in Stet: {_revision_url(event)}"]
    return "\n".join(lines)


def notifications_create(*, event: AuditEvent) -> list[Notification]:
    """Write the event's messages and their e-mails (once: a second call adds nothing)."""
    revision = event.revision
    if revision is None:
        return []  # an article-level event: nobody is told by e-mail
    people, subject = recipients_for(event)
    if not people:
        return []
    already = set(event.notifications.values_list("recipient_id", flat=True))
    people = [person for person in people if person.pk not in already]
    emails = outbox_queue(
        [Letter(person.email, subject, _body(event, revision, person)) for person in people],
        now=event.at,
    )
    return Notification.objects.bulk_create(
        [
            Notification(event=event, recipient=person, email=email, created_at=event.at)
            for person, email in zip(people, emails, strict=True)
        ]
    )


def notify(event: AuditEvent) -> None:
    """Write the event's messages now (who to tell depends on the state at this moment);
    the outbox sends them once the transaction has committed."""
    notifications_create(event=event)
