"""MetricSnapshot, taken over from the reviews app with its table (renamed there)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    dependencies = [
        ("accounts", "0001_initial"),
        ("reviews", "0005_metric_snapshot_to_reporting"),
    ]
    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="MetricSnapshot",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("day", models.DateField()),
                        ("published", models.PositiveIntegerField(default=0)),
                        ("current", models.PositiveIntegerField(default=0)),
                        ("due_soon", models.PositiveIntegerField(default=0)),
                        ("never_reviewed", models.PositiveIntegerField(default=0)),
                        ("overdue_1_30", models.PositiveIntegerField(default=0)),
                        ("overdue_31_90", models.PositiveIntegerField(default=0)),
                        ("overdue_91_180", models.PositiveIntegerField(default=0)),
                        ("overdue_181_365", models.PositiveIntegerField(default=0)),
                        ("overdue_over_365", models.PositiveIntegerField(default=0)),
                        ("open_cycles", models.PositiveIntegerField(default=0)),
                        (
                            "specialty",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="accounts.specialty",
                            ),
                        ),
                    ],
                    options={
                        "ordering": ["day"],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("day", "specialty"),
                                name="one_snapshot_per_day_and_specialty",
                            ),
                            models.UniqueConstraint(
                                condition=models.Q(("specialty", None)),
                                fields=("day",),
                                name="one_overall_snapshot_per_day",
                            ),
                        ],
                    },
                ),
            ],
        ),
    ]
