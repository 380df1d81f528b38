"""Periodic re-review: review cycles opened when an article falls due, given to a
reviewer, chased, and closed by a re-certification or a published revision.

- `opening`: the nightly sweep and out-of-cycle reviews;
- `assignment`: the hourly auto-assignment and a director's assignment by hand;
- `reminders`: reminders, escalations and the digests that carry them;
- `verbs`: what is done to one cycle (re-certify, ask for changes, close, reopen).
"""

from reviews.credits import answers_open_cycle
from reviews.cycles.assignment import (
    AssignmentRow,
    AssignResult,
    HandAssignment,
    review_cycles_assign,
    review_cycles_assign_each,
    review_cycles_auto_assign,
)
from reviews.cycles.opening import (
    FlagResult,
    OutOfCycleResult,
    review_cycles_flag_overdue,
    review_cycles_open_out_of_cycle,
)
from reviews.cycles.reminders import ReminderResult, review_cycles_remind, review_digests_compose
from reviews.cycles.verbs import (
    cycles_answered_by_publish,
    review_cycle_close,
    review_cycle_recertification_complete,
    review_cycle_recertification_refused,
    review_cycle_recertify,
    review_cycle_recertify_check,
    review_cycle_request_changes,
    review_cycles_cancel_for_retirement,
    review_cycles_close_for_publish,
    review_cycles_reopen_for_abandoned,
)

__all__ = [
    "AssignResult",
    "AssignmentRow",
    "FlagResult",
    "HandAssignment",
    "OutOfCycleResult",
    "ReminderResult",
    "answers_open_cycle",
    "cycles_answered_by_publish",
    "review_cycle_close",
    "review_cycle_recertification_complete",
    "review_cycle_recertification_refused",
    "review_cycle_recertify",
    "review_cycle_recertify_check",
    "review_cycle_request_changes",
    "review_cycles_assign",
    "review_cycles_assign_each",
    "review_cycles_auto_assign",
    "review_cycles_cancel_for_retirement",
    "review_cycles_close_for_publish",
    "review_cycles_flag_overdue",
    "review_cycles_open_out_of_cycle",
    "review_cycles_remind",
    "review_cycles_reopen_for_abandoned",
    "review_digests_compose",
]
