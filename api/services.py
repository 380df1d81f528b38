"""Writes of the api app: issuing, using and revoking personal API tokens.

Everything the API *does* to articles, revisions and review cycles goes through the
reviews and encyclopedia services; this module only owns the keys.
"""

import datetime
import secrets
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from api.models import KEY_PREFIX_LENGTH, ApiToken, key_digest
from core.errors import DomainError, PermissionDenied

KEY_SCHEME = "stet_"
# Touching last_used_at on every request would turn each read into a write; once a
# minute is precise enough to tell a key that is still in use from one that is not.
LAST_USED_PRECISION = datetime.timedelta(minutes=1)


@dataclass(frozen=True)
class IssuedToken:
    token: ApiToken
    key: str  # the raw key: shown to its owner once, never stored


# How long a key works, by the choice made when it is created.
LIFETIMES = {30: "30 days", 90: "90 days", 365: "a year"}
DEFAULT_LIFETIME_DAYS = 90


@transaction.atomic
def api_token_create(
    *,
    user: User,
    name: str,
    lifetime_days: int = DEFAULT_LIFETIME_DAYS,
    now: datetime.datetime | None = None,
) -> IssuedToken:
    """A new personal key for `user`, working for `lifetime_days`. The caller shows `key`
    once; only its hash is kept."""
    name = (name or "").strip()
    if not name:
        raise DomainError("Name the key after what will use it.", code="name_required")
    if not user.is_active:
        raise PermissionDenied("An inactive account cannot have API keys.", code="user_inactive")
    if lifetime_days not in LIFETIMES:
        raise DomainError("A key works for 30 days, 90 days or a year.", code="bad_lifetime")
    now = now or timezone.now()
    key = KEY_SCHEME + secrets.token_urlsafe(32)
    token = ApiToken(
        user=user,
        name=name,
        prefix=key[:KEY_PREFIX_LENGTH],
        key_hash=key_digest(key),
        created_at=now,
        expires_at=now + datetime.timedelta(days=lifetime_days),
    )
    token.full_clean()
    token.save()
    return IssuedToken(token=token, key=key)


@transaction.atomic
def api_token_revoke(
    *, token: ApiToken, user: User, now: datetime.datetime | None = None
) -> ApiToken:
    """Stop a key working from now on. Its owner may revoke it, and so may an administrator
    (a key pasted somewhere public must be stoppable at once). Revoking twice is a no-op."""
    if token.user_id != user.pk and not user.has_perm("api.change_apitoken"):
        raise PermissionDenied("Only the key's owner can revoke it.", code="not_owner")
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if token.revoked_at is None:
        token.revoked_at = now or timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def api_token_record_use(*, token: ApiToken, now: datetime.datetime) -> None:
    """Note that the key was used, at most once a minute (a conditional UPDATE, so two
    requests at once write it once and neither waits on a lock)."""
    if token.last_used_at is not None and now - token.last_used_at < LAST_USED_PRECISION:
        return
    ApiToken.objects.filter(pk=token.pk).exclude(last_used_at__gt=now - LAST_USED_PRECISION).update(
        last_used_at=now
    )
    token.last_used_at = now
