"""Who may call what: the same roles as the editorial pages.

Each view names the roles that may read it and the roles that may write through it;
None means everyone, anonymous readers included. The services check their own rules
again (self-approval, licences, specialties…): the roles here only keep people away
from actions their role never has, with the same `wrong_role` code the services use.
"""

from collections.abc import Sequence

from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request

from accounts.roles import Role

TEAM: tuple[Role, ...] = (
    Role.EDITOR,
    Role.MEDICAL_REVIEWER,
    Role.MEDICAL_DIRECTOR,
    Role.EDITORIAL_DIRECTOR,
)
SIGNERS: tuple[Role, ...] = (Role.MEDICAL_REVIEWER, Role.MEDICAL_DIRECTOR, Role.EDITORIAL_DIRECTOR)


def is_team(user) -> bool:
    """Whether `user` is on the editorial team (sees drafts, schedules and reviews)."""
    return bool(user and user.is_authenticated and any(user.has_role(role) for role in TEAM))


def role_names(roles: Sequence[Role]) -> str:
    return " or ".join(role.label.lower() for role in roles)


class HasRole(BasePermission):
    """The view's `read_roles` for safe methods, its `write_roles` for the others."""

    code = "wrong_role"

    def has_permission(self, request: Request, view) -> bool:
        if not hasattr(view, request.method.lower()):
            return True  # the view answers 405 Method not allowed
        attribute = "read_roles" if request.method in SAFE_METHODS else "write_roles"
        roles: Sequence[Role] | None = getattr(view, attribute, TEAM)
        if roles is None:
            return True
        if not request.user or not request.user.is_authenticated:
            # DRF answers 401 Not authenticated for a request without credentials.
            return False
        if any(request.user.has_role(role) for role in roles):
            return True
        self.message = f"This is for the {role_names(roles)} role."
        return False
