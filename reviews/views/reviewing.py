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
from core.pages import attempt, attempt_quietly
from reviews import selectors, services
from reviews.diffs import compare_revisions
from reviews.forms import (
    AssignForm,
    CommentForm,
    DecisionForm,
    OverrideForm,
)
from reviews.models import RECERTIFICATION, Approval, ReviewCycle
from reviews.views.common import (
    SIGNERS,
    TEAM,
    revision_or_404,
    signing_context,
    signing_proof,
    step_refusal,
)


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
            # What a correction changes, for its signer: the judgement that let it skip
            # the medical review, with what it touched.
            "correction": services.correction_assessment(revision)
            if current is not None and current.kind == "correction" and baseline is not None
            else None,
            "pending": pending,
            "refusal": step_refusal(pending, request.user, today()),
            "decision_form": DecisionForm(),
            **signing_context(request),
            "override_form": OverrideForm(),
            "comments": selectors.comment_list_for(revision=revision),
            "comment_form": CommentForm(),
        },
    )


@role_required(*SIGNERS)
@require_POST
def approval_decide(request: HttpRequest, approval_id: int) -> HttpResponse:
    approval = get_object_or_404(Approval.objects.select_related("submission"), pk=approval_id)
    back = _page_of(approval)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose approve, request changes or reject.")
        return back
    data = form.cleaned_data
    decision = data["decision"]
    if decision == DecisionForm.APPROVE:
        # Whether they may sign is said first; only then are they asked who they are.
        may_sign = attempt_quietly(
            request,
            lambda: services.approval_approve_check(
                approval=approval, signer=request.user, attested=data["attested"]
            ),
        )
        proof = may_sign and signing_proof(request, password=data["password"], code=data["code"])
        if not proof:
            return back
        ok = attempt(
            request,
            lambda: services.approval_approve(
                approval=approval,
                signer=request.user,
                attested=data["attested"],
                proof=proof,
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
    return back


@role_required(*TEAM)
@require_safe
def approval_page(request: HttpRequest, approval_id: int) -> HttpResponse:
    """Where a step is decided (a link for queues and e-mails)."""
    return _page_of(
        get_object_or_404(Approval.objects.select_related("submission"), pk=approval_id)
    )


def _page_of(approval: Approval) -> HttpResponse:
    """Where a step is decided: its revision's review page, or a re-certification's
    periodic review."""
    if approval.submission.kind == RECERTIFICATION:
        cycle = ReviewCycle.objects.filter(recertification=approval.submission).first()
        if cycle is not None:
            return redirect("reviews:cycle", cycle_id=cycle.pk)
    return redirect("reviews:revision-review", revision_id=approval.submission.revision_id)


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
