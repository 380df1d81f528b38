from django.db import migrations

from core.migration_helpers import grant

READ_CONTENT = [
    "encyclopedia.view_article",
    "encyclopedia.view_revision",
    "encyclopedia.view_section",
    "encyclopedia.view_reference",
    "encyclopedia.view_topic",
    "encyclopedia.view_reviewpolicy",
    "encyclopedia.view_specialtyreviewinterval",
]


def create_grants_and_policy(apps, schema_editor):
    grant(
        apps,
        {
            "Editors": [
                *READ_CONTENT,
                "encyclopedia.add_article",
                "encyclopedia.change_article",
                "encyclopedia.add_revision",
                "encyclopedia.change_revision",
                "encyclopedia.add_section",
                "encyclopedia.change_section",
                "encyclopedia.delete_section",
                "encyclopedia.add_reference",
                "encyclopedia.change_reference",
                "encyclopedia.delete_reference",
            ],
            "Medical reviewers": READ_CONTENT,
            "Medical directors": READ_CONTENT,
            "Editorial directors": [
                *READ_CONTENT,
                "encyclopedia.change_article",
                "encyclopedia.add_topic",
                "encyclopedia.change_topic",
                "encyclopedia.change_reviewpolicy",
                "encyclopedia.add_specialtyreviewinterval",
                "encyclopedia.change_specialtyreviewinterval",
                "encyclopedia.delete_specialtyreviewinterval",
            ],
        },
    )
    apps.get_model("encyclopedia", "ReviewPolicy").objects.get_or_create(pk=1)


class Migration(migrations.Migration):
    dependencies = [("encyclopedia", "0001_initial"), ("accounts", "0002_roles")]
    operations = [migrations.RunPython(create_grants_and_policy, migrations.RunPython.noop)]
