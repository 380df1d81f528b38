"""The editorial team's pages, one module per area. Every action calls a service; a
refusal comes back as a message on the page (never a 500), and every form works
without JavaScript."""

from reviews.views.chains import chains
from reviews.views.comments import comment_add, comment_resolve
from reviews.views.cycles import (
    cycle_assign,
    cycle_detail,
    cycle_recertify,
    cycle_request_changes,
    cycles,
    out_of_cycle,
)
from reviews.views.drafts import article_create, draft_start, markdown_preview, revision_edit
from reviews.views.history import article_compare, article_history, article_staff_bar
from reviews.views.homes import drafts, queue
from reviews.views.policy import article_retire, policy
from reviews.views.reviewing import (
    approval_assign,
    approval_decide,
    approval_override,
    approval_page,
    revision_review,
)
from reviews.views.revisions import (
    revision_detail,
    revision_publish,
    revision_rebase,
    revision_submit,
    revision_take_back,
    revision_withdraw,
)

__all__ = [
    "approval_assign",
    "approval_decide",
    "approval_override",
    "approval_page",
    "article_compare",
    "article_create",
    "article_history",
    "article_retire",
    "article_staff_bar",
    "chains",
    "comment_add",
    "comment_resolve",
    "cycle_assign",
    "cycle_detail",
    "cycle_recertify",
    "cycle_request_changes",
    "cycles",
    "draft_start",
    "drafts",
    "markdown_preview",
    "out_of_cycle",
    "policy",
    "queue",
    "revision_detail",
    "revision_edit",
    "revision_publish",
    "revision_rebase",
    "revision_review",
    "revision_submit",
    "revision_take_back",
    "revision_withdraw",
]
