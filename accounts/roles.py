"""The editorial roles. Each is a Django group; what a role may do is the set of
permissions given to its group (by data migrations, one per app that owns them)."""

from django.db import models

from core.errors import PermissionDenied


class Role(models.TextChoices):
    EDITOR = "Editors", "Editor"
    MEDICAL_REVIEWER = "Medical reviewers", "Medical reviewer"
    MEDICAL_DIRECTOR = "Medical directors", "Medical director"
    EDITORIAL_DIRECTOR = "Editorial directors", "Editorial director"


def require_role(user, role: Role, action: str) -> None:
    """Refuse (PermissionDenied, code wrong_role) unless `user` holds `role`."""
    if not user.has_role(role):
        raise PermissionDenied(f"Only {role.label.lower()}s can {action}.", code="wrong_role")
