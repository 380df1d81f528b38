"""The security events sign-in itself produces: Django says when a password was wrong,
django-axes when an account was locked and unlocked. (Bookkeeping only: no rule is decided here.)"""

from axes.models import AccessAttempt
from axes.signals import user_locked_out
from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.db.models.signals import post_delete
from django.dispatch import receiver

from accounts.models import SecurityEvent, User
from accounts.security import security_event_record
from accounts.sessions import session_start
from core.clients import client_address


def _ip(request) -> str | None:
    if request is None:
        return None
    return client_address(request) or None


@receiver(user_login_failed)
def record_failed_login(sender, credentials, request=None, **kwargs) -> None:
    username = (credentials or {}).get("username", "")[:150]
    security_event_record(
        action=SecurityEvent.Action.LOGIN_FAILED,
        user=User.objects.filter(username=username).first(),
        username=username,
        ip=_ip(request),
    )


@receiver(user_locked_out)
def record_lock_out(sender, request=None, username=None, ip_address=None, **kwargs) -> None:
    username = (username or "")[:150]
    security_event_record(
        action=SecurityEvent.Action.LOCKED_OUT,
        user=User.objects.filter(username=username).first(),
        username=username,
        ip=ip_address or _ip(request),
        note="Locked after repeated failed sign-ins",
    )


@receiver(post_delete, sender=AccessAttempt)
def record_unlock(sender, instance: AccessAttempt, **kwargs) -> None:
    """A lock lifted: by an administrator deleting it in the admin, or by its cool-off
    running out (django-axes then clears it on the next attempt)."""
    if instance.failures_since_start < settings.AXES_FAILURE_LIMIT:
        return  # a count of failures cleared by a right password: nothing was locked
    username = (instance.username or "")[:150]
    security_event_record(
        action=SecurityEvent.Action.UNLOCKED,
        user=User.objects.filter(username=username).first(),
        username=username,
        note="Lock removed",
    )


@receiver(user_logged_in)
def remember_sign_in(sender, request, user, **kwargs) -> None:
    """What the staff-session middleware needs for the rest of the session, read once."""
    session_start(request=request, user=user)
