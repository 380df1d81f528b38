"""Writes to people and credentials."""

import datetime
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.db.models import Model
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from accounts import selectors
from accounts.models import ReviewerProfile, Specialty, User
from accounts.roles import Role, require_role
from core.errors import DomainError
from core.history import track
from core.outbox import Letter, outbox_queue

SYSTEM_USERNAME = "stet-system"

# What an editorial director edits on a reviewer profile: the credit as printed, the
# licence, the scope, and the declared conflict of interest.
PROFILE_FIELDS = (
    "credit_name",
    "credentials",
    "title",
    "department",
    "institution",
    "licence_number",
    "licence_expires_on",
    "capacity",
    "is_active",
    "conflict_of_interest",
    "conflict_declared_on",
)
PROFILE_RELATIONS = ("specialties", "conflict_specialties", "conflict_topics")
CONFLICT_FIELDS = frozenset(
    {"conflict_of_interest", "conflict_declared_on", "conflict_specialties", "conflict_topics"}
)


def system_user() -> User:
    """The account scheduled jobs act as, so their history rows name a user, not nobody."""
    user, created = User.objects.get_or_create(
        username=SYSTEM_USERNAME,
        defaults={"first_name": "Stet", "last_name": "scheduler", "is_active": False},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


@transaction.atomic
def user_create(
    *,
    username: str,
    password: str | None,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
    roles: Iterable[Role] = (),
    is_staff: bool = False,
) -> User:
    user = User(
        username=username,
        first_name=first_name,
        last_name=last_name,
        email=email,
        is_staff=is_staff,
    )
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    user.groups.set(Group.objects.filter(name__in=[role.value for role in roles]))
    return user


# --- Reviewer profiles ----------------------------------------------------------------


@transaction.atomic
def reviewer_profile_update(
    *, profile: ReviewerProfile, director: User, reason: str, **changes: Any
) -> ReviewerProfile:
    """Change a reviewer's profile (any of PROFILE_FIELDS and PROFILE_RELATIONS; the
    relations take iterables of Specialty or Topic rows). The director's reason becomes
    the history's change reason. A placeholder whose required facts are all filled in
    and whose account is linked is complete from then on."""
    require_role(director, Role.EDITORIAL_DIRECTOR, "edit reviewer profiles")
    reason = _reason_required(reason)
    unknown = set(changes) - set(PROFILE_FIELDS) - set(PROFILE_RELATIONS)
    if unknown:
        raise TypeError(f"Not a reviewer profile field: {', '.join(sorted(unknown))}")
    locked = ReviewerProfile.objects.select_for_update().get(pk=profile.pk)
    _profile_save(locked, changes, user=director, reason=reason)
    return locked


@transaction.atomic
def reviewer_profile_link(
    *,
    profile: ReviewerProfile,
    user: User,
    director: User,
    grant_reviewer_role: bool = True,
) -> ReviewerProfile:
    """Give a profile that has no login (an imported reviewer's placeholder) an existing
    account that has no profile, and, unless told not to, the medical reviewer role."""
    require_role(director, Role.EDITORIAL_DIRECTOR, "link reviewer profiles to accounts")
    # Profile first, then account: the order reviewer_invite takes them in too.
    locked = ReviewerProfile.objects.select_for_update().get(pk=profile.pk)
    if locked.user_id is not None:
        raise DomainError(
            f"{locked.credit_name} already has an account ({locked.user}).", code="already_linked"
        )
    account = User.objects.select_for_update().get(pk=user.pk)
    if not account.is_active:
        raise DomainError(
            f"{account}'s account is not active: an administrator must enable it first.",
            code="inactive_account",
        )
    if ReviewerProfile.objects.filter(user=account).exists():
        raise DomainError(
            f"{account} already has a reviewer profile; an account has only one.",
            code="account_has_profile",
        )
    locked.user = account
    _profile_save(
        locked, {}, user=director, reason=f"Linked to the account {account.username}", force=True
    )
    if grant_reviewer_role:
        account.groups.add(Group.objects.get(name=Role.MEDICAL_REVIEWER.value))
    return locked


@transaction.atomic
def reviewer_invite(
    *,
    director: User,
    username: str,
    email: str,
    first_name: str,
    last_name: str,
    credit_name: str,
    credentials: str,
    specialties: Iterable[Specialty] = (),
    licence_number: str = "",
    licence_expires_on: datetime.date | None = None,
    profile: ReviewerProfile | None = None,
) -> ReviewerProfile:
    """Invite a clinician to review: an active account in the medical reviewer role with
    no password yet, their profile (or `profile`, a placeholder without a login, linked
    to it), and an e-mail with a link to choose their password."""
    require_role(director, Role.EDITORIAL_DIRECTOR, "invite reviewers")
    if profile is not None:
        profile = ReviewerProfile.objects.select_for_update().get(pk=profile.pk)
        if profile.user_id is not None:
            raise DomainError(
                f"{profile.credit_name} already has an account ({profile.user}).",
                code="already_linked",
            )
    email = email.strip()
    if not email:
        raise DomainError("An invitation needs an e-mail address to go to.", code="email_required")
    if User.objects.filter(username__iexact=username).exists():
        raise DomainError(f"The username {username} is taken.", code="username_taken")
    if User.objects.filter(email__iexact=email).exists():
        raise DomainError(
            f"An account already uses {email}: link the profile to that account instead.",
            code="email_taken",
        )
    user = user_create(
        username=username,
        password=None,
        first_name=first_name,
        last_name=last_name,
        email=email,
        roles=[Role.MEDICAL_REVIEWER],
    )
    creating = profile is None
    profile = profile or ReviewerProfile()
    profile.user = user
    _profile_save(
        profile,
        {
            "credit_name": credit_name,
            "credentials": credentials,
            "specialties": specialties,
            "licence_number": licence_number,
            "licence_expires_on": licence_expires_on,
        },
        user=director,
        reason=f"Invited {'as a new reviewer' if creating else 'to their account'} "
        f"({user.username})",
        force=True,
    )
    outbox_queue([_invitation(user, profile, director)])
    return profile


def _reason_required(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(
            "Say why you are changing this profile: the reason is kept in its history, "
            "as evidence of the reviewer's credentials.",
            code="reason_required",
        )
    return reason


def _profile_save(
    profile: ReviewerProfile,
    changes: dict[str, Any],
    *,
    user: User,
    reason: str,
    force: bool = False,
) -> bool:
    """Apply `changes` to `profile` and save it with one history row (unless nothing
    changed and `force` is not set). Returns whether it was saved."""
    creating = profile.pk is None
    fields = {name: value for name, value in changes.items() if name in PROFILE_FIELDS}
    wanted = {
        name: {row.pk: row for row in changes[name]}
        for name in PROFILE_RELATIONS
        if name in changes
    }
    current = {
        name: set() if creating else set(getattr(profile, name).values_list("pk", flat=True))
        for name in PROFILE_RELATIONS
    }
    changed = [name for name, value in fields.items() if getattr(profile, name) != value]
    changed += [name for name, rows in wanted.items() if set(rows) != current[name]]
    if not (changed or force or creating):
        return False
    for name in fields:
        setattr(profile, name, fields[name])
    if CONFLICT_FIELDS & set(changes):
        _check_conflict(
            profile,
            covered=any(
                set(wanted[name]) if name in wanted else current[name]
                for name in ("conflict_specialties", "conflict_topics")
            ),
        )
    # A placeholder may be saved half-done (an import may not know the credentials);
    # the director completes it over as many edits as it takes.
    profile.full_clean(exclude=["user", "credentials"] if profile.needs_completion else ["user"])

    # One history row per change, relations included: the profile's own relations are set
    # with its history paused, then the profile is saved once, so that row's snapshot
    # holds them all (simple-history would otherwise write a row per add and remove).
    profile.skip_history_when_saving = True  # type: ignore[attr-defined]
    try:
        if creating:
            profile.save()
        for name in ("specialties", "conflict_specialties"):
            if name in wanted and set(wanted[name]) != current[name]:
                getattr(profile, name).set(wanted[name].values())
    finally:
        del profile.skip_history_when_saving  # type: ignore[attr-defined]
    if "conflict_topics" in wanted:
        _conflict_topics_set(
            profile,
            wanted["conflict_topics"],
            current["conflict_topics"],
            user=user,
            reason=reason,
        )
    missing = selectors.reviewer_profile_missing(profile)
    if creating:
        profile.needs_completion = bool(missing)
    elif profile.needs_completion and not missing:
        profile.needs_completion = False
    track(profile, user=user, reason=reason)
    profile.save()
    return True


def _check_conflict(profile: ReviewerProfile, *, covered: bool) -> None:
    """A conflict of interest is evidence: what it covers rests on a disclosure, and a
    disclosure says when it was declared."""
    disclosed = bool(profile.conflict_of_interest.strip())
    if disclosed and profile.conflict_declared_on is None:
        raise DomainError(
            "Give the date the conflict of interest was declared.", code="conflict_undated"
        )
    if covered and not disclosed:
        raise DomainError(
            "Write the conflict of interest as the reviewer declared it before choosing the "
            "specialties or topics it covers.",
            code="conflict_undisclosed",
        )


def _conflict_topics_set(
    profile: ReviewerProfile,
    wanted: dict[int, Model],
    current: set[int],
    *,
    user: User,
    reason: str,
) -> None:
    """The topics a conflict covers are stored on the topic (Topic.conflicted_reviewers),
    so each topic that gains or loses the reviewer gets its own history row."""
    changed = set(wanted) ^ current
    if not changed:
        return
    for topic in selectors.topics().filter(pk__in=changed).order_by("pk"):
        track(topic, user=user, reason=f"Conflict of interest of {profile.credit_name}: {reason}")
        if topic.pk in wanted:
            topic.conflicted_reviewers.add(profile)
        else:
            topic.conflicted_reviewers.remove(profile)


def _invitation(user: User, profile: ReviewerProfile, director: User) -> Letter:
    site = settings.STET
    link = site["SITE_URL"] + reverse(
        "accounts:password-reset-confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    sign_in = site["SITE_URL"] + reverse("accounts:login")
    days = max(1, settings.PASSWORD_RESET_TIMEOUT // 86400)
    return Letter(
        to=user.email,
        subject=f"You are invited to review for {site['ENCYCLOPEDIA_NAME']}",
        body=(
            f"Dear {profile.credit_name},\n\n"
            f"{director} has invited you to review articles for {site['ENCYCLOPEDIA_NAME']} "
            "in Stet, its editorial review system.\n\n"
            f"Your username is {user.username}. Choose your password here:\n\n{link}\n\n"
            f"The link works once, within {days} day{'s' if days != 1 else ''}. After that, "
            f'use "Forgot your password?" on the sign-in page: {sign_in}\n\n'
            f"— {site['EDITORIAL_TEAM']} editorial team\n"
        ),
    )
