"""Notifications and reminder digests leave through the one outbox (core.OutgoingEmail):
each notification's subject and body move to its e-mail row; reminders already sent get
a record of the digest that carried them; reminders not yet sent wait for the next
digest, as before."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

DIGEST_SUBJECTS = {
    "assigned": "New periodic reviews assigned to you",
    "reminder": "Your open periodic reviews",
    "escalation": "Periodic reviews overdue beyond the escalation threshold",
}


def into_outbox(apps, schema_editor):
    outgoing = apps.get_model("core", "OutgoingEmail")
    notification = apps.get_model("reviews", "Notification")
    reminder = apps.get_model("reviews", "ReminderSent")
    for row in notification.objects.select_related("recipient").iterator():
        if not row.recipient.email:
            continue
        row.email = outgoing.objects.create(
            to=row.recipient.email,
            subject=row.subject,
            body=row.body,
            created_at=row.created_at,
            next_attempt_at=row.created_at,
            status="sent" if row.sent_at else "queued",
            sent_at=row.sent_at,
        )
        row.save(update_fields=["email"])
    digests = {}
    for row in reminder.objects.exclude(sent_at=None).select_related("recipient").iterator():
        key = (row.recipient_id, row.kind, row.sent_at)
        if key not in digests:
            digests[key] = outgoing.objects.create(
                to=row.recipient.email or "unknown@invalid",
                subject=DIGEST_SUBJECTS.get(row.kind, "Periodic reviews"),
                body="(Sent before the outbox kept digests' text.)",
                created_at=row.sent_at,
                next_attempt_at=row.sent_at,
                status="sent",
                sent_at=row.sent_at,
            )
        row.email = digests[key]
        row.save(update_fields=["email"])


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_outbox"),
        ("reviews", "0005_metric_snapshot_to_reporting"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="notification",
            name="email",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="core.outgoingemail",
            ),
        ),
        migrations.AddField(
            model_name="remindersent",
            name="email",
            field=models.ForeignKey(
                blank=True,
                help_text="The digest that carries it; blank until the digest is written.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="core.outgoingemail",
            ),
        ),
        migrations.RunPython(into_outbox, migrations.RunPython.noop),
        migrations.RemoveField(model_name="notification", name="body"),
        migrations.RemoveField(model_name="notification", name="sent_at"),
        migrations.RemoveField(model_name="notification", name="subject"),
        migrations.RemoveField(model_name="remindersent", name="sent_at"),
        migrations.AddIndex(
            model_name="remindersent",
            index=models.Index(
                condition=models.Q(("email", None)),
                fields=["sent_on"],
                name="reminder_unsent_idx",
            ),
        ),
    ]
