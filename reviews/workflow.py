"""The state machines of the review process, each written once as a transition table:
the revision's (draft → in review → approved → published, and the ways off that path)
and the periodic review cycle's (open → in progress → completed, or cancelled).

Every verb in reviews.services and reviews.cycles names a transition here, and
`guard()` is the only check of whether the object's state allows it. An action whose
source state is wrong raises InvalidTransition with a message the editorial team can
act on.
"""

from dataclasses import dataclass

from core.errors import InvalidTransition
from encyclopedia.models import Revision
from reviews.models import ReviewCycle

State = Revision.State
UNPUBLISHED = frozenset({State.DRAFT, State.IN_REVIEW, State.CHANGES_REQUESTED, State.APPROVED})


@dataclass(frozen=True)
class Transition:
    name: str
    verb: str  # "submit", for "You cannot submit a revision that is …"
    sources: frozenset[str]
    target: str
    past: str  # what the audit trail and the change reason say happened


class StateMachine:
    def __init__(self, noun: str, transitions: list[Transition]) -> None:
        self.noun = noun
        self.transitions = {t.name: t for t in transitions}

    def guard(self, obj, name: str) -> Transition:
        """The transition `name`, if `obj`'s state allows it; else InvalidTransition."""
        transition = self.transitions[name]
        if obj.state not in transition.sources:
            raise InvalidTransition(
                f"You cannot {transition.verb} this {self.noun}: it is "
                f"{obj.get_state_display().lower()}."
            )
        return transition

    def allowed(self, obj, name: str) -> bool:
        return obj.state in self.transitions[name].sources


REVISION = StateMachine(
    "revision",
    [
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
    ],
)  # fmt: skip

Cycle = ReviewCycle.State
OPEN_CYCLE = frozenset(ReviewCycle.OPEN_STATES)

CYCLE = StateMachine(
    "review",
    [
        Transition(
            "recertify", "re-certify", frozenset({Cycle.OPEN}), Cycle.SIGNING,
            "Re-certified by the reviewer; awaiting the chain's other sign-offs",
        ),
        Transition(
            "complete_recertification", "complete the re-certification of",
            frozenset({Cycle.OPEN, Cycle.SIGNING}), Cycle.COMPLETED, "Re-certified, no change",
        ),
        Transition(
            "refuse_recertification", "send back", frozenset({Cycle.SIGNING}), Cycle.OPEN,
            "Re-certification sent back to the reviewer",
        ),
        Transition(
            "request_changes", "ask for changes in", frozenset({Cycle.OPEN}),
            Cycle.IN_PROGRESS, "Changes requested",
        ),
        Transition(
            "reopen", "reopen", frozenset({Cycle.IN_PROGRESS}), Cycle.OPEN,
            "Reopened: the revision answering it was abandoned",
        ),
        Transition(
            "complete", "complete", OPEN_CYCLE, Cycle.COMPLETED, "Answered by a publish",
        ),
        Transition("cancel", "cancel", OPEN_CYCLE, Cycle.CANCELLED, "Cancelled"),
    ],
)  # fmt: skip

# The revision's table, as the workflow verbs name it.
TRANSITIONS = REVISION.transitions


def guard(revision: Revision, name: str) -> Transition:
    return REVISION.guard(revision, name)


def allowed(revision: Revision, name: str) -> bool:
    return REVISION.allowed(revision, name)
