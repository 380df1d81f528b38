from django.db import migrations

from core.migration_helpers import grant


def grant_cycle_permissions(apps, schema_editor):
    grant(
        apps,
        {
            "Editors": ["reviews.view_reviewcycle"],
            "Medical reviewers": ["reviews.view_reviewcycle"],
            "Medical directors": ["reviews.view_reviewcycle"],
            "Editorial directors": [
                "reviews.view_reviewcycle",
                "reviews.add_reviewcycle",
                "reviews.change_reviewcycle",
                "reviews.view_remindersent",
                "reviews.view_metricsnapshot",
            ],
        },
    )


class Migration(migrations.Migration):
    dependencies = [("reviews", "0003_review_cycles")]
    operations = [migrations.RunPython(grant_cycle_permissions, migrations.RunPython.noop)]
