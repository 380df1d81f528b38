"""The outbox carries calls to other systems beside e-mail: a CDN's purge hook."""

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_outbox"),
    ]

    operations = [
        migrations.AlterField(
            model_name="outgoingemail",
            name="next_attempt_at",
            field=models.DateTimeField(
                default=django.utils.timezone.now,
                help_text="When a queued delivery may go (later after a failure).",
            ),
        ),
        migrations.CreateModel(
            name="OutgoingCall",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("created_at", models.DateTimeField(default=django.utils.timezone.now)),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("queued", "Queued"),
                            ("sending", "Being sent"),
                            ("sent", "Sent"),
                            ("failed", "Failed (gave up)"),
                            ("cancelled", "Not sent"),
                        ],
                        default="queued",
                        max_length=10,
                    ),
                ),
                (
                    "next_attempt_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now,
                        help_text="When a queued delivery may go (later after a failure).",
                    ),
                ),
                ("attempts", models.PositiveSmallIntegerField(default=0)),
                ("claimed_at", models.DateTimeField(blank=True, null=True)),
                ("sent_at", models.DateTimeField(blank=True, null=True)),
                ("last_error", models.TextField(blank=True)),
                ("url", models.URLField(max_length=500)),
                ("payload", models.JSONField(default=dict)),
            ],
            options={
                "ordering": ["-created_at", "-pk"],
                "indexes": [
                    models.Index(
                        condition=models.Q(("status", "queued")),
                        fields=["next_attempt_at"],
                        name="outbox_call_queued_idx",
                    )
                ],
            },
        ),
    ]
