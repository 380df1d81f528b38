"""Helpers for data migrations that give role groups their permissions."""

from django.contrib.auth.management import create_permissions


def grant(apps, grants: dict[str, list[str]]) -> None:
    """Give each group (created if missing) the listed "app_label.codename" permissions.

    Permissions are normally created after all migrations ran (post_migrate); a data
    migration that grants them must create them first.
    """
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    for group_name, permissions in grants.items():
        group, _ = group_model.objects.get_or_create(name=group_name)
        for permission in permissions:
            app_label, codename = permission.split(".")
            group.permissions.add(
                permission_model.objects.get(content_type__app_label=app_label, codename=codename)
            )
