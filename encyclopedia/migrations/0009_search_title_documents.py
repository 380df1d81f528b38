"""Each search entry keeps its title's own tsvector, so ranking title matches first
reads no page's whole document."""

import django.contrib.postgres.search
from django.db import migrations

FILL = "UPDATE encyclopedia_searchentry SET title_document = to_tsvector('english', title)"


def fill(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FILL)


class Migration(migrations.Migration):
    dependencies = [
        ("encyclopedia", "0008_published_renderings"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="title_document",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
