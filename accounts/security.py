"""How a person proves it is them, beyond signing in: re-authentication before a
signature (password, and the one-time code where they enrolled one), two-factor
enrolment and verification (django-otp's TOTP and single-use recovery codes), signing
out everywhere, and the security events that record each of these.

A signature is only as good as the proof behind it (21 CFR Part 11's practice for
electronic records): `signing_proof()` is what every signing service asks for, and the
only ways to get one are to re-enter the credentials now, or to have done so on the
same session or API key within the account policy's window.
"""

import datetime
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import AccountPolicy, Reauthentication, SecurityEvent, User
from accounts.roles import Role, require_role
from core.errors import DomainError, PermissionDenied
from core.history import track

RECOVERY_CODES = 10


@dataclass(frozen=True)
class Credentials:
    """What a signer typed to prove it is them: their password, and their one-time code
    (six digits from the authenticator app, or a recovery code) where they enrolled."""

    password: str = ""
    code: str = ""

    def __bool__(self) -> bool:
        return bool(self.password)


def security_event_record(
    *, action: str, user: User | None = None, username: str = "", ip: str | None = None,
    note: str = "", now: datetime.datetime | None = None,
) -> SecurityEvent:  # fmt: skip
    return SecurityEvent.objects.create(
        user=user,
        username=username or (user.username if user else ""),
        action=action,
        ip_address=ip,
        note=note,
        at=now or timezone.now(),
    )


# --- Two-factor --------------------------------------------------------------------------


def two_factor_enrolled(user: User) -> bool:
    return any(True for _ in devices_for_user(user, confirmed=True))


def two_factor_check(*, user: User, code: str) -> bool:
    """Whether `code` is the user's current TOTP code or one of their unused recovery
    codes (which it then uses up)."""
    code = "".join(code.split())
    if not code:
        return False
    return any(device.verify_token(code) for device in devices_for_user(user, confirmed=True))


@transaction.atomic
def two_factor_start(*, user: User) -> TOTPDevice:
    """An unconfirmed authenticator for `user` to scan (any earlier unconfirmed one goes)."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)


@transaction.atomic
def two_factor_confirm(*, user: User, device: TOTPDevice, code: str) -> list[str]:
    """Confirm the scanned authenticator with its first code; returns the recovery codes
    (shown once). Any authenticator enrolled before is replaced."""
    if device.user_id != user.pk or device.confirmed:
        raise PermissionDenied("That enrolment is not yours to confirm.", code="not_allowed")
    if not device.verify_token("".join(code.split())):
        raise PermissionDenied(
            "That code is not right: check the time on your phone and enter the code the "
            "app shows now.",
            code="otp_invalid",
        )
    TOTPDevice.objects.filter(user=user, confirmed=True).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = recovery_codes_replace(user=user)
    security_event_record(action=SecurityEvent.Action.TWO_FACTOR_ENROLLED, user=user)
    return codes


@transaction.atomic
def recovery_codes_replace(*, user: User) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="Recovery codes", confirmed=True)
    codes = [secrets.token_hex(5) for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


@transaction.atomic
def two_factor_remove(*, user: User, by: User) -> None:
    """Remove a person's authenticator and recovery codes (they lost their phone); an
    administrator or the person themself."""
    if by.pk != user.pk and not by.is_superuser:
        raise PermissionDenied("Only an administrator removes someone else's two-factor.")
    for device in devices_for_user(user, confirmed=None):
        device.delete()
    security_event_record(
        action=SecurityEvent.Action.TWO_FACTOR_REMOVED, user=user, note=f"by {by.username}"
    )


# --- Re-authentication before a signature -------------------------------------------------


def channel_of_session(session_key: str | None) -> str:
    return f"session:{session_key or ''}"


def channel_of_token(token_id: int) -> str:
    return f"token:{token_id}"


def reauthenticate(
    *, user: User, credentials: Credentials, channel: str, now: datetime.datetime | None = None
) -> Reauthentication:
    """Check the credentials again, and record that they were. Refused with a reason a
    signer can act on; a wrong password or code is recorded as a security event (callers
    ask for the proof before the signing transaction, so the record survives the
    refusal)."""
    now = now or timezone.now()
    _refuse_if_guessing(user=user, now=now)
    if not credentials.password or not user.check_password(credentials.password):
        security_event_record(
            action=SecurityEvent.Action.REAUTH_FAILED, user=user, note=channel, now=now
        )
        raise PermissionDenied(
            "That password is not right: the signature was not recorded.",
            code="reauthentication_failed",
        )
    method = Reauthentication.Method.PASSWORD
    if two_factor_enrolled(user):
        if not credentials.code:
            raise PermissionDenied(
                "Enter the six-digit code from your authenticator app as well as your "
                "password: the signature was not recorded.",
                code="otp_required",
            )
        if not two_factor_check(user=user, code=credentials.code):
            security_event_record(
                action=SecurityEvent.Action.REAUTH_FAILED, user=user, note="wrong code", now=now
            )
            raise PermissionDenied(
                "That one-time code is not right: the signature was not recorded.",
                code="otp_invalid",
            )
        method = Reauthentication.Method.PASSWORD_AND_CODE
    return Reauthentication.objects.create(user=user, at=now, method=method, channel=channel)


def _refuse_if_guessing(*, user: User, now: datetime.datetime) -> None:
    """The signing form is a password prompt too: as many wrong passwords or codes in a
    row as lock a sign-in lock signing for as long (django-axes' settings), so a
    session left open cannot be used to guess the password behind it."""
    since = now - datetime.timedelta(hours=settings.AXES_COOLOFF_TIME)
    last_success = Reauthentication.objects.filter(user=user, at__gte=since).order_by("-at").first()
    failures = SecurityEvent.objects.filter(
        user=user,
        action=SecurityEvent.Action.REAUTH_FAILED,
        at__gte=last_success.at if last_success else since,
    ).count()
    if failures >= settings.AXES_FAILURE_LIMIT:
        raise PermissionDenied(
            f"Signing is locked after {failures} wrong passwords or codes in a row. Try "
            "again later, or ask an administrator.",
            code="reauthentication_locked",
        )


def recent_reauthentication(
    *, user: User, channel: str, now: datetime.datetime | None = None
) -> Reauthentication | None:
    """The person's re-authentication on this channel within the policy's window."""
    now = now or timezone.now()
    window = datetime.timedelta(minutes=AccountPolicy.current().signature_window_minutes)
    return (
        Reauthentication.objects.filter(user=user, channel=channel, at__gte=now - window)
        .order_by("-at")
        .first()
    )


def signing_proof(
    *,
    user: User,
    channel: str,
    credentials: Credentials | None = None,
    now: datetime.datetime | None = None,
) -> Reauthentication:
    """The proof behind a signature: the credentials entered now, or a re-authentication
    on the same channel within the policy's window. Without either, the signature is
    refused (code `reauthentication_required`)."""
    now = now or timezone.now()
    if credentials:
        return reauthenticate(user=user, credentials=credentials, channel=channel, now=now)
    recent = recent_reauthentication(user=user, channel=channel, now=now)
    if recent is None:
        minutes = AccountPolicy.current().signature_window_minutes
        raise PermissionDenied(
            "Signing needs your password again"
            + (" and your one-time code" if two_factor_enrolled(user) else "")
            + f" (unless you entered it in the last {minutes} minutes).",
            code="reauthentication_required",
        )
    return recent


def signing_proof_check(*, proof: Reauthentication, signer: User, now: datetime.datetime) -> None:
    """What a signing service checks of the proof it is handed: this signer's, fresh."""
    window = datetime.timedelta(minutes=AccountPolicy.current().signature_window_minutes)
    if proof.pk is None or proof.user_id != signer.pk or proof.at < now - window:
        raise PermissionDenied(
            "Signing needs your password again: your last re-authentication has expired.",
            code="reauthentication_required",
        )


# --- Sessions -----------------------------------------------------------------------------


@transaction.atomic
def sessions_end_everywhere(*, user: User, now: datetime.datetime | None = None) -> None:
    """Sign the person out of every session, on every device (this one included)."""
    now = now or timezone.now()
    User.objects.filter(pk=user.pk).update(sessions_valid_from=now)
    user.sessions_valid_from = now
    security_event_record(action=SecurityEvent.Action.LOGGED_OUT_EVERYWHERE, user=user, now=now)


# --- The account policy ---------------------------------------------------------------------

ACCOUNT_POLICY_FIELDS = (
    "signature_window_minutes",
    "idle_timeout_minutes",
    "two_factor_roles",
    "two_factor_for_admins",
)


@transaction.atomic
def account_policy_update(*, user: User, **values) -> AccountPolicy:
    """Change how sign-in and signatures are protected (editorial directors)."""
    require_role(user, Role.EDITORIAL_DIRECTOR, "change the account policy")
    policy = AccountPolicy.objects.select_for_update().get(pk=AccountPolicy.current().pk)
    roles = values.get("two_factor_roles")
    if roles is not None and not set(roles) <= set(Role.values):
        raise DomainError("Choose roles Stet has.", code="unknown_role")
    if values.get("signature_window_minutes", 1) > 15:
        raise DomainError(
            "A signature may rest on a re-authentication of at most 15 minutes ago.",
            code="window_too_long",
        )
    changed = [
        name
        for name in ACCOUNT_POLICY_FIELDS
        if name in values and getattr(policy, name) != values[name]
    ]
    for name in changed:
        setattr(policy, name, values[name])
    if changed:
        track(policy, user=user, reason="Account policy changed: " + ", ".join(changed))
        policy.save()
    return policy
