"""Personal API tokens: how scripts (a site generator, a search indexer, a reporting job)
act as a person through the REST API, with that person's roles and nothing more."""

import datetime
import hashlib
from typing import NamedTuple

from django.conf import settings
from django.db import models
from django.utils import timezone

# "stet_" and a few characters of the key: enough to recognise a key in a list, far too
# little to guess the rest of it.
KEY_PREFIX_LENGTH = 12


def key_digest(key: str) -> str:
    """The SHA-256 of a raw key, as stored. Keys are long random strings, so a plain hash
    (no salt, no slow KDF) is enough and can be looked up by index."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def active(self) -> "ApiTokenQuerySet":
        return self.filter(revoked_at=None)


class ApiToken(models.Model):
    """One personal API key. The raw key is shown once, when it is created; only its
    SHA-256 and first characters are stored, so a leaked database leaks no usable key.
    Revoked tokens are kept (never deleted): the row records who had API access when."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100, help_text='What the key is for, e.g. "site generator".')
    prefix = models.CharField(
        max_length=KEY_PREFIX_LENGTH, help_text="The first characters of the key, to recognise it."
    )
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(
        null=True, blank=True, help_text="The key stops working at this moment."
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "API token"

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…) of {self.user}"

    @property
    def is_active(self) -> bool:
        return self.refusal() is None

    def refusal(self, now: datetime.datetime | None = None) -> "KeyRefusal | None":
        """Why this key no longer works, or None. A key stops working when it is revoked,
        when it expires, when its owner's password changes after it was made (a changed
        password is the moment to assume old keys may have leaked), and when the
        owner's account is deactivated."""
        now = now or timezone.now()
        if self.revoked_at is not None:
            return KeyRefusal(
                "token_revoked", f"This API key was revoked on {self.revoked_at:%Y-%m-%d}."
            )
        if self.expires_at is not None and self.expires_at <= now:
            return KeyRefusal(
                "token_expired", f"This API key expired on {self.expires_at:%Y-%m-%d}."
            )
        changed = self.user.password_changed_at
        if changed is not None and changed > self.created_at:
            return KeyRefusal(
                "password_changed",
                "This API key stopped working when its owner's password changed.",
            )
        if not self.user.is_active:
            return KeyRefusal("user_inactive", "The account this key belongs to is inactive.")
        return None


class KeyRefusal(NamedTuple):
    code: str
    message: str

    def __str__(self) -> str:
        return self.message
