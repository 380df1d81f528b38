"""The approval chain of each kind of revision, and of a periodic re-certification: data
an editorial director edits (a correction, say, needs only their own sign-off), with the
encyclopedia's defaults."""

from collections.abc import Sequence

from django.db import transaction

from accounts.models import User
from accounts.roles import Role, require_role
from core.errors import DomainError
from core.history import track
from encyclopedia.models import Revision
from reviews.models import RECERTIFICATION, SUBMISSION_KINDS, ChainStep, Step

DEFAULT_CHAINS = {
    Revision.Kind.FULL_REVIEW: [
        Step.MEDICAL_REVIEW,
        Step.MEDICAL_DIRECTOR,
        Step.EDITORIAL_DIRECTOR,
    ],
    Revision.Kind.UPDATE: [Step.MEDICAL_REVIEW, Step.MEDICAL_DIRECTOR, Step.EDITORIAL_DIRECTOR],
    Revision.Kind.CORRECTION: [Step.EDITORIAL_DIRECTOR],
    # As the encyclopedia credits a re-certification: the reviewer who re-read the page,
    # then the medical director and the editorial director.
    RECERTIFICATION: [Step.MEDICAL_REVIEW, Step.MEDICAL_DIRECTOR, Step.EDITORIAL_DIRECTOR],
}
# Kinds whose content is medical: their chain must keep a medical review step.
MEDICAL_KINDS = frozenset({Revision.Kind.FULL_REVIEW, Revision.Kind.UPDATE, RECERTIFICATION})
KIND_LABELS = dict(SUBMISSION_KINDS)


def approval_chain_for(kind: str) -> list[str]:
    steps = list(
        ChainStep.objects.filter(kind=kind).order_by("position").values_list("step", flat=True)
    )
    return steps or [step.value for step in DEFAULT_CHAINS[kind]]


@transaction.atomic
def approval_chain_set(*, kind: str, steps: Sequence[str], director: User) -> list[ChainStep]:
    """Replace the approval chain for a kind of revision. Applies to later submissions."""
    require_role(director, Role.EDITORIAL_DIRECTOR, "change the approval chain")
    chain = [Step(step) for step in steps]
    if not chain:
        raise DomainError("A chain needs at least one step.", code="empty_chain")
    if len(set(chain)) != len(chain):
        raise DomainError("A step can appear only once in a chain.", code="duplicate_step")
    if kind not in KIND_LABELS:
        raise DomainError(f"There is no kind of change called {kind!r}.", code="unknown_kind")
    label = KIND_LABELS[kind].lower()
    if kind in MEDICAL_KINDS and Step.MEDICAL_REVIEW not in chain:
        what = "vouches for" if kind == RECERTIFICATION else "changes"
        raise DomainError(
            f"A {label} {what} medical content: its chain must include the medical review.",
            code="medical_step_required",
        )
    if kind == RECERTIFICATION and chain[0] != Step.MEDICAL_REVIEW:
        raise DomainError(
            "A re-certification starts with the reviewer who re-read the page: the medical "
            "review comes first.",
            code="medical_step_first",
        )
    reason = f"Chain for {label} set to " + " → ".join(step.label for step in chain)
    for old in ChainStep.objects.filter(kind=kind):
        track(old, user=director, reason=reason)
        old.delete()
    rows = []
    for position, step in enumerate(chain):
        row = ChainStep(kind=kind, position=position, step=step)
        track(row, user=director, reason=reason)
        row.save()
        rows.append(row)
    return rows
