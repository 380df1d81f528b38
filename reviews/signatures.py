"""Recording an electronic signature on a step, and checking, later, that the live pages
still say what their signers signed."""

import datetime
from dataclasses import dataclass

from django.db import IntegrityError, transaction

from accounts.models import Reauthentication, User
from core.errors import PermissionDenied
from core.history import track
from encyclopedia.canonical import revision_sha256
from encyclopedia.models import Article, Revision
from reviews.models import Approval, Signature, Step, Submission


def step_sign(
    *,
    approval: Approval,
    signer: User,
    proof: Reauthentication,
    attestation: str,
    now: datetime.datetime,
    comment: str = "",
    reviewed_whole_page: bool = False,
) -> Approval:
    """Record `signer`'s approval of a step they may sign (the caller asked the
    eligibility rule and checked the proof): who, when, what they attested, their credit
    as it reads today, and the signature over the content."""
    profile = getattr(signer, "reviewer_profile", None)
    approval.decision = Approval.Decision.APPROVED
    approval.decided_by = signer
    approval.decided_at = now
    approval.comment = comment.strip()
    approval.attestation = attestation
    approval.reviewed_whole_page = reviewed_whole_page and approval.step == Step.MEDICAL_REVIEW
    approval.signer_name = profile.credit_name if profile else signer.get_full_name() or str(signer)
    approval.signer_credit = profile.credit_line if profile else approval.signer_name
    track(approval, user=signer, reason=f"Signed: {approval.get_step_display()}")
    try:
        with transaction.atomic():
            approval.save()
    except IntegrityError:
        # The database's own guard against one person signing two steps.
        raise PermissionDenied(
            "You already signed a step of this submission.", code="already_signed"
        ) from None
    signature_record(approval=approval, signer=signer, proof=proof, now=now)
    return approval


def next_step_open(
    *, submission: Submission, signed: Approval, signer: User, now: datetime.datetime
) -> Approval | None:
    """After `signed`, the chain's next step awaits its decision; None when it was the
    last."""
    step = (
        submission.approvals.filter(decision=Approval.Decision.WAITING).order_by("position").first()
    )
    if step is None:
        return None
    step.decision = Approval.Decision.PENDING
    step.pending_since = now
    track(step, user=signer, reason=f"{signed.get_step_display()} signed")
    step.save(update_fields=["decision", "pending_since"])
    return step


def signature_record(
    *, approval: Approval, signer: User, proof: Reauthentication, now: datetime.datetime
) -> Signature:
    """The signature on a step just approved, over the revision's content as it is now."""
    revision = approval.submission.revision
    return Signature.objects.create(
        approval=approval,
        signer=signer,
        signed_at=now,
        meaning=approval.attestation,
        method=proof.method,
        authenticated_at=proof.at,
        revision=revision,
        content_sha256=revision_sha256(revision),
    )


@dataclass(frozen=True)
class Mismatch:
    article: Article
    revision: Revision
    signature: Signature
    live_sha256: str


def signatures_verify() -> tuple[int, list[Mismatch]]:
    """Re-compute each live revision's content hash and compare it with every signature
    given to it (its publish and any re-certification). Returns (pages checked, pages
    whose text differs from what was signed)."""
    live = (
        Article.objects.published()
        .exclude(live_revision=None)
        .select_related("live_revision")
        .order_by("number")
    )
    checked, mismatches = 0, []
    for article in live.iterator(chunk_size=500):
        revision = article.live_revision
        assert revision is not None
        signatures = list(
            Signature.objects.filter(
                revision=revision,
                approval__submission__state__in=[
                    Submission.State.PUBLISHED,
                    Submission.State.RECERTIFIED,
                ],
            ).select_related("signer")
        )
        if not signatures:
            continue
        checked += 1
        current = revision_sha256(revision)
        mismatches += [
            Mismatch(article, revision, signature, current)
            for signature in signatures
            if signature.content_sha256 != current
        ]
    return checked, mismatches
