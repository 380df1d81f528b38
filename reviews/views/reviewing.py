"""Reviewing a revision: the diff against the live page, and the signer's decision;
a director's specialty override and assignment of a step."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST, require_safe

from accounts.decorators import role_required
from accounts.models import User
from accounts.roles import Role
from core.clock import today
from reviews import selectors, services
from reviews.diffs import compare_revisions
from reviews.forms import (
    AssignForm,
    CommentForm,
    DecisionForm,
    OverrideForm,
)
from reviews.models import Approval
from reviews.views.common import SIGNERS, TEAM, attempt, revision_or_404, step_refusal


@role_required(*TEAM)
@require_safe
def revision_review(request: HttpRequest, revision_id: int) -> HttpResponse:
    """The change as a reviewer reads it: a word-level diff against the live page."""
    revision = revision_or_404(revision_id)
    live = revision.article.live_revision
    baseline = selectors.revision_get(revision_id=live.pk) if live else None
    submissions = selectors.submission_list_for(revision=revision)
    current = submissions[0] if submissions else None
    pending = next(
        (a for a in (current.approvals.all() if current else []) if a.decision == "pending"), None
    )
    return render(
        request,
        "reviews/revision_review.html",
        {
            "revision": revision,
            "article": revision.article,
            "comparison": compare_revisions(baseline, revision),
            "current": current,
            "pending": pending,
            "refusal": step_refusal(pending, request.user, today()),
            "decision_form": DecisionForm(),
            "override_form": OverrideForm(),
            "comments": selectors.comment_list_for(revision=revision),
            "comment_form": CommentForm(),
        },
    )


@role_required(*SIGNERS)
@require_POST
def approval_decide(request: HttpRequest, approval_id: int) -> HttpResponse:
    approval = get_object_or_404(Approval.objects.select_related("submission"), pk=approval_id)
    revision_id = approval.submission.revision_id
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose approve, request changes or reject.")
        return redirect("reviews:revision-review", revision_id=revision_id)
    data = form.cleaned_data
    decision = data["decision"]
    if decision == DecisionForm.APPROVE:
        ok = attempt(
            request,
            lambda: services.approval_approve(
                approval=approval,
                signer=request.user,
                attested=data["attested"],
                comment=data["comment"],
                reviewed_whole_page=data["reviewed_whole_page"],
            ),
            f"Signed: {approval.get_step_display()}.",
        )
    elif decision == DecisionForm.REQUEST_CHANGES:
        ok = attempt(
            request,
            lambda: services.approval_request_changes(
                approval=approval, signer=request.user, comment=data["comment"]
            ),
            "Changes requested; the editors have been told.",
        )
    else:
        ok = attempt(
            request,
            lambda: services.approval_reject(
                approval=approval, signer=request.user, comment=data["comment"]
            ),
            "Revision rejected; the editors have been told.",
        )
    if ok:
        return redirect("reviews:queue")
    return redirect("reviews:revision-review", revision_id=revision_id)


@role_required(Role.EDITORIAL_DIRECTOR)
@require_POST
def approval_override(request: HttpRequest, approval_id: int) -> HttpResponse:
    approval = get_object_or_404(Approval.objects.select_related("submission"), pk=approval_id)
    form = OverrideForm(request.POST)
    reason = form.data.get("reason", "")
    attempt(
        request,
        lambda: services.approval_override_specialty(
            approval=approval, director=request.user, reason=reason
        ),
        "Specialty match overridden; the reason is recorded on the step.",
    )
    return redirect("reviews:revision", revision_id=approval.submission.revision_id)


@role_required(Role.EDITORIAL_DIRECTOR)
@require_POST
def approval_assign(request: HttpRequest, approval_id: int) -> HttpResponse:
    approval = get_object_or_404(Approval.objects.select_related("submission"), pk=approval_id)
    form = AssignForm(request.POST, assignees=User.objects.filter(is_active=True))
    if form.is_valid():
        attempt(
            request,
            lambda: services.approval_assign(
                approval=approval, assignee=form.cleaned_data["assignee"], director=request.user
            ),
            "Step reassigned.",
        )
    else:
        messages.error(request, "Choose a person to assign the step to.")
    return redirect("reviews:revision", revision_id=approval.submission.revision_id)
