"""What a submission's sign-offs earn the page: the Review Date and the credits printed
with it ("Updated by …, Also reviewed by …"). One definition, for a publish and for a
re-certification alike."""

from django.utils import timezone

from encyclopedia.models import Revision
from encyclopedia.services import Credit, ReviewRecord
from reviews.models import (
    RECERTIFICATION,
    STEP_CREDIT_TITLES,
    Approval,
    ReviewCycle,
    Step,
    Submission,
)


def answers_open_cycle(revision: Revision) -> bool:
    """Whether `revision` was drafted to answer a periodic review still in progress."""
    return ReviewCycle.objects.filter(
        revision=revision, state=ReviewCycle.State.IN_PROGRESS
    ).exists()


def review_record_for(submission: Submission) -> ReviewRecord | None:
    """The Review Date and credits a submission's sign-offs earn, or None when the kind of
    change does not move the Review Date (a correction, or an update whose reviewer did
    not review the whole page). A revision answering a periodic review is a review of
    the whole page: that is what the periodic review asked for; so is a re-certification.
    The Review Date is the day of the medical review; the later signers are credited as
    "Also reviewed by"."""
    approvals = list(
        submission.approvals.filter(decision=Approval.Decision.APPROVED)
        .select_related("decided_by__reviewer_profile")
        .order_by("position")
    )
    medical = next((a for a in approvals if a.step == Step.MEDICAL_REVIEW), None)
    if medical is None or medical.decided_at is None:
        return None
    if submission.kind == Revision.Kind.CORRECTION:
        return None
    if submission.kind == Revision.Kind.UPDATE and not (
        medical.reviewed_whole_page or answers_open_cycle(submission.revision)
    ):
        return None
    assert submission.kind in (Revision.Kind.FULL_REVIEW, Revision.Kind.UPDATE, RECERTIFICATION)
    return ReviewRecord(
        reviewed_on=timezone.localdate(medical.decided_at),
        reviewer=getattr(medical.decided_by, "reviewer_profile", None),
        reviewer_credit=medical.signer_credit,
        also_reviewed_by=[
            Credit(approval.signer_name, STEP_CREDIT_TITLES[Step(approval.step)])
            for approval in approvals
            if approval.position > medical.position
        ],
    )
