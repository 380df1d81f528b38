"""What a submission's sign-offs earn the page: the Review Date and the credits printed
with it ("Updated by …, Also reviewed by …"). One definition, for a publish and for a
re-certification alike."""

from collections.abc import Sequence

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


def open_reviews(article_id: int, *, lock: bool = False) -> list[ReviewCycle]:
    """The article's open periodic reviews (at most one, by the one-open-cycle rule),
    read once for the rules below; locked when a publish is about to close them."""
    cycles = ReviewCycle.objects.open().filter(article_id=article_id).order_by("pk")
    return list(cycles.select_for_update() if lock else cycles)


def answers_open_cycle(
    revision: Revision, open_cycles: Sequence[ReviewCycle] | None = None
) -> bool:
    """Whether `revision` was drafted to answer a periodic review still in progress.
    `open_cycles` is its article's open reviews when the caller has read them."""
    if open_cycles is None:
        open_cycles = open_reviews(revision.article_id)
    return any(
        cycle.state == ReviewCycle.State.IN_PROGRESS and cycle.revision_id == revision.pk
        for cycle in open_cycles
    )


def approved_submission(revision: Revision) -> tuple[Submission, list[Approval]]:
    """The revision's approved submission and its sign-offs in chain order, read together
    (what review_record_for judges)."""
    sign_offs = list(
        _signed(Approval.objects.filter(submission__revision=revision))
        .filter(submission__state=Submission.State.APPROVED)
        .select_related("submission")
    )
    if sign_offs:
        submission = sign_offs[0].submission
    else:  # every chain has a step, so only a row written by hand has none
        submission = revision.submissions.get(state=Submission.State.APPROVED)
    submission.revision = revision
    for approval in sign_offs:
        approval.submission = submission
    return submission, sign_offs


def _signed(approvals):
    return (
        approvals.filter(decision=Approval.Decision.APPROVED)
        .select_related("decided_by__reviewer_profile")
        .order_by("position")
    )


def review_record_for(
    submission: Submission,
    open_cycles: Sequence[ReviewCycle] | None = None,
    *,
    sign_offs: Sequence[Approval] | None = None,
) -> ReviewRecord | None:
    """The Review Date and credits a submission's sign-offs earn, or None when the kind of
    change does not move the Review Date (a correction, or an update whose reviewer did
    not review the whole page). A revision answering a periodic review is a review of
    the whole page: that is what the periodic review asked for; so is a re-certification.
    The Review Date is the day of the medical review; the later signers are credited as
    "Also reviewed by". `open_cycles` is the article's open reviews (open_reviews), when
    the caller has read them; `sign_offs` its approved sign-offs in order, when the
    caller has read them (approved_submission)."""
    approvals = list(_signed(submission.approvals.all()) if sign_offs is None else sign_offs)
    medical = next((a for a in approvals if a.step == Step.MEDICAL_REVIEW), None)
    if medical is None or medical.decided_at is None:
        return None
    if submission.kind == Revision.Kind.CORRECTION:
        return None
    if submission.kind == Revision.Kind.UPDATE and not (
        medical.reviewed_whole_page or answers_open_cycle(submission.revision, open_cycles)
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
