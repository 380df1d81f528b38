"""Reads of people and credentials, for the reviewer pages."""

import datetime
from dataclasses import dataclass

from django.db.models import QuerySet

from accounts.models import ReviewerProfile, User
from accounts.roles import Role

# A licence that lapses within this many days is flagged on the reviewer list, so a
# director can chase the renewal before the reviewer drops out of the assignable pool.
LICENCE_WARNING_DAYS = 30


def reviewer_profile_missing(profile: ReviewerProfile) -> list[str]:
    """What a placeholder profile still lacks before its reviewer can be assigned work,
    in the words of the reviewer list ("credentials", "an account"…). Reads
    `specialties` through any prefetch."""
    missing = []
    if not profile.credentials.strip():
        missing.append("credentials")
    if not profile.licence_number.strip():
        missing.append("licence number")
    if profile.licence_expires_on is None:
        missing.append("licence expiry")
    if not profile.specialties.all():
        missing.append("specialties")
    if profile.user_id is None:
        missing.append("an account")
    return missing


def licence_status(profile: ReviewerProfile, *, today: datetime.date) -> str:
    """ "expired", "expiring" (within LICENCE_WARNING_DAYS days) or "" (valid, or no date)."""
    expires_on = profile.licence_expires_on
    if expires_on is None:
        return ""
    if expires_on < today:
        return "expired"
    if expires_on <= today + datetime.timedelta(days=LICENCE_WARNING_DAYS):
        return "expiring"
    return ""


@dataclass(frozen=True)
class ReviewerRow:
    profile: ReviewerProfile
    licence: str  # licence_status()
    missing: list[str]  # reviewer_profile_missing(), for placeholders only


def reviewer_profiles() -> QuerySet[ReviewerProfile]:
    return ReviewerProfile.objects.select_related("user").prefetch_related("specialties")


def reviewer_rows(*, today: datetime.date) -> list[ReviewerRow]:
    """Every reviewer profile, by credit name, with its licence mark and, for a
    placeholder, what it lacks. Two queries, whatever the number of profiles."""
    return [
        ReviewerRow(
            profile=profile,
            licence=licence_status(profile, today=today),
            missing=reviewer_profile_missing(profile) if profile.needs_completion else [],
        )
        for profile in reviewer_profiles().order_by("credit_name", "pk")
    ]


def reviewer_profile_get(*, profile_id: int) -> ReviewerProfile | None:
    return (
        reviewer_profiles()
        .prefetch_related("conflict_specialties", "conflict_topics")
        .filter(pk=profile_id)
        .first()
    )


def reviewer_profile_history(*, profile: ReviewerProfile, limit: int = 100) -> QuerySet:
    """The profile's history rows, newest first: who changed it, when and why."""
    return profile.history.select_related("history_user").order_by("-history_date", "-pk")[:limit]


def accounts_without_reviewer_profile() -> QuerySet[User]:
    """Active accounts a placeholder profile may be linked to: those with no profile yet.
    (Inactive ones, such as the scheduler's or imported people's, cannot review.)"""
    return User.objects.filter(is_active=True, reviewer_profile__isnull=True).order_by(
        "last_name", "first_name", "username"
    )


def topics() -> QuerySet:
    """The encyclopedia's topics, by name, reached through the reverse side of
    Topic.conflicted_reviewers: accounts sits below encyclopedia and does not import it."""
    return ReviewerProfile.conflict_topics.field.model._default_manager.order_by("name")


def licence_notice(user: User, *, today: datetime.date) -> str:
    """What a medical reviewer is told on every page about their own licence: expired
    (they cannot sign medical reviews), or lapsing within LICENCE_WARNING_DAYS; else ""."""
    if not user.is_authenticated or not user.has_role(Role.MEDICAL_REVIEWER):
        return ""
    profile = ReviewerProfile.objects.filter(user=user).only("licence_expires_on").first()
    if profile is None:
        return ""
    expires_on = profile.licence_expires_on
    status = licence_status(profile, today=today)
    if status == "expired":
        return (
            f"Your licence expired on {expires_on:%B %-d, %Y}: you cannot sign medical "
            "reviews until an editorial director records its renewal."
        )
    if status == "expiring":
        days = (expires_on - today).days
        when = "today" if days == 0 else f"in {days} day{'s' if days != 1 else ''}"
        return (
            f"Your licence expires on {expires_on:%B %-d, %Y} ({when}). Send the renewal to "
            "an editorial director so your reviews are not reassigned."
        )
    return ""
