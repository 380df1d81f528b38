"""The search indexes take each publish's words at once (GIN `fastupdate` off).

With the default, a publish's words wait in the index's pending list until a vacuum or
4 MB of them, and every search reads the whole list: at 100,000 articles, 250 publishes
made each search seven times slower (224 ms → 1.7 s) until autovacuum came, which a
table this size gets after some 20,000 changed rows. An encyclopedia is searched far
more often than it is published; a publish pays a few milliseconds instead."""

from django.db import migrations

INDEXES = ("searchentry_document_idx", "searchentry_title_trgm_idx")


def without_pending_list(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"ALTER INDEX {name} SET (fastupdate = off)")
        # Turning it off keeps what is already pending: move that into the index now.
        schema_editor.execute(f"SELECT gin_clean_pending_list('{name}'::regclass)")


def with_pending_list(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"ALTER INDEX {name} RESET (fastupdate)")


class Migration(migrations.Migration):
    dependencies = [("encyclopedia", "0011_article_published_title_index")]

    operations = [migrations.RunPython(without_pending_list, with_pending_list)]
