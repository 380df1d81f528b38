"""The revision state machine, written once.

Every workflow verb in reviews.services names a transition here; `transition()` is
the only code that moves `Revision.state` (publishing moves it through the content
service, after the same guard). An action whose source state is wrong raises
InvalidTransition with a message the editorial team can act on.
"""

from dataclasses import dataclass

from core.errors import InvalidTransition
from encyclopedia.models import Revision

State = Revision.State
UNPUBLISHED = frozenset({State.DRAFT, State.IN_REVIEW, State.CHANGES_REQUESTED, State.APPROVED})


@dataclass(frozen=True)
class Transition:
    name: str
    verb: str  # "submit", for "You cannot submit a revision that is …"
    sources: frozenset[str]
    target: str
    past: str  # what the audit trail and the change reason say happened


TRANSITIONS = {
    t.name: t
    for t in [
        Transition(
            "submit", "submit", frozenset({State.DRAFT, State.CHANGES_REQUESTED}),
            State.IN_REVIEW, "Submitted for review",
        ),
        Transition(
            "take_back", "take back to draft", frozenset({State.IN_REVIEW, State.APPROVED}),
            State.DRAFT, "Taken back to draft",
        ),
        Transition(
            "request_changes", "request changes to", frozenset({State.IN_REVIEW}),
            State.CHANGES_REQUESTED, "Changes requested",
        ),
        Transition("reject", "reject", frozenset({State.IN_REVIEW}), State.REJECTED, "Rejected"),
        Transition("approve", "approve", frozenset({State.IN_REVIEW}), State.APPROVED, "Approved"),
        Transition(
            "publish", "publish", frozenset({State.APPROVED}), State.PUBLISHED, "Published"
        ),
        Transition("withdraw", "withdraw", UNPUBLISHED, State.WITHDRAWN, "Withdrawn"),
        Transition(
            "supersede", "supersede", frozenset({State.IN_REVIEW, State.APPROVED}),
            State.SUPERSEDED, "Superseded by a newer published revision",
        ),
        Transition(
            "rebase", "rebase",
            frozenset({State.DRAFT, State.CHANGES_REQUESTED, State.APPROVED, State.SUPERSEDED}),
            State.DRAFT, "Rebased onto the live revision",
        ),
    ]
}  # fmt: skip


def guard(revision: Revision, name: str) -> Transition:
    """The transition `name`, if `revision`'s state allows it; else InvalidTransition."""
    transition = TRANSITIONS[name]
    if revision.state not in transition.sources:
        raise InvalidTransition(
            f"You cannot {transition.verb} this revision: it is "
            f"{revision.get_state_display().lower()}."
        )
    return transition


def allowed(revision: Revision, name: str) -> bool:
    return revision.state in TRANSITIONS[name].sources
