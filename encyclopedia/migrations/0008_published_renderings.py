"""Published revisions keep their rendered content, so the reader's page renders no
Markdown. Existing revisions are rendered on their first read."""

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("encyclopedia", "0007_search_entries"),
    ]

    operations = [
        migrations.CreateModel(
            name="Rendering",
            fields=[
                (
                    "revision",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="rendering",
                        serialize=False,
                        to="encyclopedia.revision",
                    ),
                ),
                ("html", models.TextField()),
                ("renderer", models.CharField(max_length=40)),
                ("rendered_at", models.DateTimeField(default=django.utils.timezone.now)),
            ],
        ),
    ]
