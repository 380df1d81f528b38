from django.db import migrations

from core.migration_helpers import grant

DEFAULT_CHAINS = {
    "full_review": ["medical_review", "medical_director", "editorial_director"],
    "update": ["medical_review", "medical_director", "editorial_director"],
    "correction": ["editorial_director"],
}
READ_PROCESS = [
    "reviews.view_approval",
    "reviews.view_submission",
    "reviews.view_auditevent",
    "reviews.view_comment",
    "reviews.add_comment",
    "reviews.view_chainstep",
]


def seed(apps, schema_editor):
    chain_step = apps.get_model("reviews", "ChainStep")
    for kind, steps in DEFAULT_CHAINS.items():
        for position, step in enumerate(steps):
            chain_step.objects.get_or_create(kind=kind, position=position, defaults={"step": step})
    grant(
        apps,
        {
            "Editors": [*READ_PROCESS, "reviews.publish_revision"],
            "Medical reviewers": [*READ_PROCESS, "reviews.change_approval"],
            "Medical directors": [*READ_PROCESS, "reviews.change_approval"],
            "Editorial directors": [
                *READ_PROCESS,
                "reviews.change_approval",
                "reviews.override_specialty",
                "reviews.edit_approval_chain",
                "reviews.add_chainstep",
                "reviews.change_chainstep",
                "reviews.delete_chainstep",
            ],
        },
    )


class Migration(migrations.Migration):
    dependencies = [("reviews", "0001_initial"), ("encyclopedia", "0002_roles_and_policy")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
