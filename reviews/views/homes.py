"""Each role's home in the editorial tool: an editor's drafts, a signer's queue."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from accounts.decorators import role_required
from accounts.roles import Role
from core.clock import today
from encyclopedia.models import Revision
from reviews import eligibility, selectors
from reviews.models import Step
from reviews.views.common import SIGNERS

REVIEWS_PER_PAGE = 50


@role_required(Role.EDITOR)
@require_safe
def drafts(request: HttpRequest) -> HttpResponse:
    revisions = list(selectors.revision_list_drafts(user=request.user)[:200])
    # The editor hears from here, not by waiting, when no reviewer can take the medical
    # review: only an editorial director can unblock it.
    in_review = [r.pk for r in revisions if r.pending_step == Step.MEDICAL_REVIEW]
    blocked = {
        approval.submission.revision_id: reason
        for approval, reason in (
            eligibility.nobody_qualifies(on=today(), revision_ids=in_review) if in_review else []
        )
    }
    for revision in revisions:
        revision.nobody_qualifies = blocked.get(revision.pk, "")
    return render(
        request,
        "reviews/drafts.html",
        {
            "revisions": revisions,
            "changes_requested": [
                r for r in revisions if r.state == Revision.State.CHANGES_REQUESTED
            ],
            "recently_published": selectors.revision_list_recently_published(user=request.user),
            "step_labels": dict(Step.choices),
            "blocked": [r for r in revisions if r.nobody_qualifies],
        },
    )


@role_required(*SIGNERS)
@require_safe
def queue(request: HttpRequest) -> HttpResponse:
    day = today()
    me = eligibility.person(request.user)
    # Fifty at a time, soonest due first: only the page's reviews are judged and shown.
    reviews = Paginator(eligibility.assigned_reviews(request.user), REVIEWS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "reviews/queue.html",
        {
            "approvals": eligibility.approval_queue(user=request.user, on=day, me=me)[:200],
            "page": reviews,
            "reviews": eligibility.review_queue(
                user=request.user, on=day, me=me, cycles=reviews.object_list
            ),
            "decided": selectors.approval_list_decided(user=request.user),
            # What only an editorial director can unblock: assign, override, recruit.
            "nobody_qualifies": eligibility.nobody_qualifies(on=day)[:200]
            if request.user.has_role(Role.EDITORIAL_DIRECTOR)
            else [],
            "today": day,
        },
    )
