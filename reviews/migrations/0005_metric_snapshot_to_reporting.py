"""MetricSnapshot moves to the reporting app: the table is renamed, its rows and its
permissions stay (the content type follows the model)."""

from django.db import migrations


def move_content_type(apps, schema_editor):
    content_type = apps.get_model("contenttypes", "ContentType")
    content_type.objects.filter(app_label="reviews", model="metricsnapshot").update(
        app_label="reporting"
    )


def move_content_type_back(apps, schema_editor):
    content_type = apps.get_model("contenttypes", "ContentType")
    content_type.objects.filter(app_label="reporting", model="metricsnapshot").update(
        app_label="reviews"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0004_review_cycle_grants"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterModelTable("MetricSnapshot", "reporting_metricsnapshot"),
            ],
            state_operations=[migrations.DeleteModel("MetricSnapshot")],
        ),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
