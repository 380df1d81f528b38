from django.db import migrations

from core.migration_helpers import grant

EDITORS = "Editors"
MEDICAL_REVIEWERS = "Medical reviewers"
MEDICAL_DIRECTORS = "Medical directors"
EDITORIAL_DIRECTORS = "Editorial directors"


def create_roles(apps, schema_editor):
    grant(
        apps,
        {
            EDITORS: ["accounts.view_specialty", "accounts.view_reviewerprofile"],
            MEDICAL_REVIEWERS: ["accounts.view_specialty", "accounts.view_reviewerprofile"],
            MEDICAL_DIRECTORS: ["accounts.view_specialty", "accounts.view_reviewerprofile"],
            EDITORIAL_DIRECTORS: [
                "accounts.view_specialty",
                "accounts.add_specialty",
                "accounts.change_specialty",
                "accounts.view_reviewerprofile",
                "accounts.add_reviewerprofile",
                "accounts.change_reviewerprofile",
                "accounts.view_user",
            ],
        },
    )


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]
    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
