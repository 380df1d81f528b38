"""A staff member's signed-in session: what it must prove (a one-time code) before it
may do anything, and how long it may sit idle. Decided once, when the person signs in,
from the account policy; the middleware (accounts.middleware) holds the session to it.
"""

import time

from django.http import HttpRequest

from accounts.models import AccountPolicy, User
from accounts.security import two_factor_enrolled

IDLE_MINUTES = "stet_idle_minutes"
LAST_SEEN = "stet_last_seen"
TWO_FACTOR = "stet_two_factor"


class TwoFactor:
    NONE = "none"  # neither enrolled nor required
    VERIFY = "verify"  # enrolled: the code is asked for before anything else
    ENROLL = "enroll"  # required by the policy, not enrolled yet


def is_staff(user: User) -> bool:
    """Someone with a role in the editorial team, or an administrator."""
    return user.is_superuser or bool(user.roles)


def session_start(*, request: HttpRequest, user: User) -> None:
    if not hasattr(request, "session"):
        return
    if not is_staff(user):
        request.session[TWO_FACTOR] = TwoFactor.NONE
        return
    policy = AccountPolicy.current()
    if two_factor_enrolled(user):
        state = TwoFactor.VERIFY
    elif policy.requires_two_factor(user):
        state = TwoFactor.ENROLL
    else:
        state = TwoFactor.NONE
    request.session[TWO_FACTOR] = state
    request.session[IDLE_MINUTES] = policy.idle_timeout_minutes
    request.session[LAST_SEEN] = time.time()


def two_factor_done(*, request: HttpRequest) -> None:
    """The code was given (or an authenticator enrolled): nothing more to prove."""
    request.session[TWO_FACTOR] = TwoFactor.NONE
