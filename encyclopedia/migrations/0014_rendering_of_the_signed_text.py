"""A rendering says which text of its revision it was made from, and keeps the sections
as plain text for search, so a revision rendered at its last sign-off is published
without rendering it again. Renderings made before carry no text version: they are made
again when next needed, as a rendering by other code is."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("encyclopedia", "0013_article_has_corrections")]

    operations = [
        migrations.AddField(
            model_name="rendering",
            name="edit_version",
            field=models.PositiveIntegerField(null=True),
        ),
        migrations.AddField(
            model_name="rendering",
            name="text",
            field=models.TextField(blank=True, default="", db_default=""),
        ),
    ]
