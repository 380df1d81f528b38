from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from accounts.roles import Role


def role_required(*roles: Role) -> Callable:
    """Let in signed-in people holding any of `roles`; send others to sign in, or refuse (403)."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not any(request.user.has_role(role) for role in roles):
                names = " or ".join(role.label.lower() for role in roles)
                raise PermissionDenied(f"This page is for the {names} role.")
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
