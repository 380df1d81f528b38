"""The revision workflow: submit, sign off, request changes, reject, publish, withdraw,
take back, rebase, revert, comment — and the rules every caller (pages, admin, API,
commands, tasks, imports) gets for free (the approval chains they open are data, in
reviews.chains). One module per part of the process:

- `drafts`: creating articles, starting, taking back, withdrawing and rebasing drafts;
- `submitting`: sending a draft into review;
- `signing`: approving, requesting changes, rejecting, overriding, assigning steps;
- `publishing`: the one definition of publishing, and retiring;
- `comments`: comments on revisions.
"""

from reviews.chains import (
    DEFAULT_CHAINS,
    MEDICAL_KINDS,
    approval_chain_for,
    approval_chain_set,
)
from reviews.services.comments import (
    SectionComment,
    comment_add,
    comment_add_with_decision,
    comment_resolve,
)
from reviews.services.drafts import (
    article_create,
    revision_rebase,
    revision_start_draft,
    revision_take_back,
    revision_withdraw,
)
from reviews.services.publishing import (
    Publication,
    article_retire,
    review_record_for,
    revision_make_live,
    revision_publish,
)
from reviews.services.signing import (
    approval_approve,
    approval_approve_check,
    approval_assign,
    approval_override_specialty,
    approval_reject,
    approval_request_changes,
)
from reviews.services.submitting import correction_assessment, revision_submit

__all__ = [
    "DEFAULT_CHAINS",
    "MEDICAL_KINDS",
    "Publication",
    "SectionComment",
    "approval_approve",
    "approval_approve_check",
    "approval_assign",
    "approval_chain_for",
    "approval_chain_set",
    "approval_override_specialty",
    "approval_reject",
    "approval_request_changes",
    "article_create",
    "article_retire",
    "comment_add",
    "comment_add_with_decision",
    "comment_resolve",
    "correction_assessment",
    "review_record_for",
    "revision_make_live",
    "revision_publish",
    "revision_rebase",
    "revision_start_draft",
    "revision_submit",
    "revision_take_back",
    "revision_withdraw",
]
