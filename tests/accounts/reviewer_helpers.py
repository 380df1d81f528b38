"""Reviewer profiles as the import leaves them, and the clock the reviewer tests read.

Time is frozen at 2026-11-27 10:00 in New York (the periodic-review tests' day): Dr.
Lee's licence (to 2026-10-31) has expired, Dr. Okafor's (to 2027-06-30) is valid.
"""

import datetime

from accounts.models import ReviewerProfile
from tests.reviews.cycles.factories import NOW, TODAY

__all__ = ["NOW", "TODAY", "placeholder", "profile_post_data"]


def placeholder(credit_name: str = "Linda J. Vorvick, MD", **fields) -> ReviewerProfile:
    """A profile as an import of encyclopedia pages creates it from a page's credits: no
    login, no credentials or licence, inactive, flagged for a director to complete."""
    values = {
        "user": None,
        "credit_name": credit_name,
        "credentials": "",
        "title": "Clinical Associate Professor",
        "department": "Department of Family Medicine",
        "institution": "UW Medicine, School of Medicine, University of Washington",
        "is_active": False,
        "needs_completion": True,
        **fields,
    }
    return ReviewerProfile.objects.create(**values)


def profile_post_data(profile: ReviewerProfile, **changes) -> dict:
    """The edit form as the page shows it for `profile`, with `changes` typed in."""
    data = {
        "credit_name": profile.credit_name,
        "credentials": profile.credentials,
        "title": profile.title,
        "department": profile.department,
        "institution": profile.institution,
        "licence_number": profile.licence_number,
        "licence_expires_on": (
            profile.licence_expires_on.isoformat() if profile.licence_expires_on else ""
        ),
        "specialties": [s.pk for s in profile.specialties.all()],
        "capacity": profile.capacity,
        "conflict_of_interest": profile.conflict_of_interest,
        "conflict_declared_on": (
            profile.conflict_declared_on.isoformat() if profile.conflict_declared_on else ""
        ),
        "conflict_specialties": [s.pk for s in profile.conflict_specialties.all()],
        "conflict_topics": [t.pk for t in profile.conflict_topics.all()],
        "reason": "",
    }
    if profile.is_active:
        data["is_active"] = "on"
    for name, value in changes.items():
        if isinstance(value, datetime.date):
            value = value.isoformat()
        data[name] = value
    return {name: value for name, value in data.items() if value is not False}
