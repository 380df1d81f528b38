"""Each article says whether its page lists corrections, set by publishing, so the
reader's page asks for them only when there are some. Filled here for the corrections
already published (the rule of RevisionQuerySet.public_corrections)."""

from django.db import migrations, models

HELP = (
    "Whether a correction was published with a note for readers "
    "(Revision.is_public_correction): the page lists its corrections."
)


def fill(apps, schema_editor):
    Article = apps.get_model("encyclopedia", "Article")
    Revision = apps.get_model("encyclopedia", "Revision")
    corrected = (
        Revision.objects.filter(kind="correction", published_at__isnull=False)
        .exclude(public_note="")
        .values("article_id")
    )
    Article.objects.filter(pk__in=corrected).update(has_corrections=True)


class Migration(migrations.Migration):
    dependencies = [("encyclopedia", "0012_search_indexes_without_pending_list")]

    operations = [
        migrations.AddField(
            model_name="article",
            name="has_corrections",
            field=models.BooleanField(
                "Lists corrections", default=False, editable=False, help_text=HELP
            ),
        ),
        migrations.AddField(
            model_name="historicalarticle",
            name="has_corrections",
            field=models.BooleanField(
                "Lists corrections", default=False, editable=False, help_text=HELP
            ),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
