"""Search reads the words of every published page: one entry per article, filled here
for the pages already published. On PostgreSQL the entry's tsvector has a GIN index and
its title a trigram index (pg_trgm), so ranked and misspelt searches stay fast at
100,000 articles; SQLite has neither and searches the plain text."""

import django.contrib.postgres.search
import django.db.models.deletion
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models

from encyclopedia.rendering import plain_text

WEIGHTED_DOCUMENT = """
    UPDATE encyclopedia_searchentry SET document =
        setweight(to_tsvector('english', title), 'A')
        || setweight(to_tsvector('english', summary), 'B')
        || setweight(to_tsvector('english', body), 'C')
"""
INDEXES = [
    "CREATE INDEX searchentry_document_idx ON encyclopedia_searchentry USING gin (document)",
    "CREATE INDEX searchentry_title_trgm_idx ON encyclopedia_searchentry"
    " USING gin (title gin_trgm_ops)",
]


def fill(apps, schema_editor):
    Article = apps.get_model("encyclopedia", "Article")
    Section = apps.get_model("encyclopedia", "Section")
    SearchEntry = apps.get_model("encyclopedia", "SearchEntry")
    live = Article.objects.exclude(live_revision=None).select_related("live_revision")
    for article in live.iterator(chunk_size=500):
        revision = article.live_revision
        sections = Section.objects.filter(revision=revision).order_by("position")
        SearchEntry.objects.create(
            article_id=article.pk,
            title=revision.title,
            summary=plain_text(revision.summary),
            body="\n\n".join(f"{s.heading}\n{plain_text(s.body)}" for s in sections),
        )
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(WEIGHTED_DOCUMENT)


def indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in INDEXES:
            schema_editor.execute(statement)


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in ("searchentry_document_idx", "searchentry_title_trgm_idx"):
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("encyclopedia", "0006_drafts_plain_newlines")]

    operations = [
        TrigramExtension(),
        migrations.CreateModel(
            name="SearchEntry",
            fields=[
                (
                    "article",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="search_entry",
                        serialize=False,
                        to="encyclopedia.article",
                    ),
                ),
                ("title", models.CharField(max_length=300)),
                ("summary", models.TextField(blank=True)),
                ("body", models.TextField(blank=True)),
                (
                    "document",
                    django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
                ),
            ],
            options={"verbose_name_plural": "search entries"},
        ),
        migrations.RunPython(indexes, drop_indexes),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
