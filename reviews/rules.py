"""Who may sign off medical content: the rules shared by the revision workflow and the
periodic review (DESIGN rule 2)."""

import datetime

from accounts.models import ReviewerProfile
from encyclopedia.models import Article
from reviews.models import Step


def reviewer_refusal(
    *,
    profile: ReviewerProfile | None,
    article: Article,
    step: str,
    on: datetime.date,
    specialty_overridden: bool = False,
) -> str | None:
    """Why this clinician may not sign a medical step of `article` on `on`, or None."""
    if profile is None:
        return "A medical sign-off needs a reviewer profile with credentials."
    if not profile.is_active:
        return f"{profile.credit_name} is not an active reviewer."
    if profile.licence_expires_on is None or profile.licence_expires_on < on:
        return f"{profile.credit_name}'s licence is not valid on {on:%B %-d, %Y}."
    if profile.conflict_specialties.filter(pk=article.specialty_id).exists():
        return (
            f"{profile.credit_name} declared a conflict of interest covering "
            f"{article.specialty.name}."
        )
    conflicted_topic = profile.conflict_topics.filter(articles=article).first()
    if conflicted_topic is not None:
        return (
            f"{profile.credit_name} declared a conflict of interest covering "
            f"{conflicted_topic.name}."
        )
    if (
        step == Step.MEDICAL_REVIEW
        and not specialty_overridden
        and not profile.specialties.filter(pk=article.specialty_id).exists()
    ):
        return (
            f"{profile.credit_name} does not review {article.specialty.name}; an editorial "
            "director can allow it with a recorded reason."
        )
    return None
