"""The revision page and the editor's workflow actions on it: submit, take back,
withdraw, publish (the last three after a confirmation saying what they will do),
rebase."""

from collections.abc import Callable
from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from accounts.decorators import role_required
from accounts.models import ReviewerProfile
from accounts.roles import Role
from core.clock import today
from core.errors import DomainError
from encyclopedia.models import ReviewPolicy, Revision
from reviews import consequences, eligibility, selectors, services, workflow
from reviews.forms import (
    AssignForm,
    CommentForm,
    SubmitForm,
)
from reviews.models import Step
from reviews.views.common import TEAM, revision_or_404, step_refusal
from reviews.views.confirming import Carried, confirmed_action


def _nobody_qualifies(revision: Revision, pending, day) -> str:
    if pending is None or pending.step != Step.MEDICAL_REVIEW:
        return ""
    found = eligibility.nobody_qualifies(on=day, revision_ids=[revision.pk])
    return found[0][1] if found else ""


@role_required(*TEAM)
@require_safe
def revision_detail(request: HttpRequest, revision_id: int) -> HttpResponse:
    revision = revision_or_404(revision_id)
    submissions = selectors.submission_list_for(revision=revision)
    current = submissions[0] if submissions else None
    pending = next(
        (a for a in (current.approvals.all() if current else []) if a.decision == "pending"), None
    )
    day = today()
    reviewers = ReviewerProfile.objects.filter(
        user_id__in=[
            choice.person.user_id
            for choice in eligibility.submission_reviewers(revision=revision, on=day)
        ]
    ).order_by("credit_name")
    return render(
        request,
        "reviews/revision_detail.html",
        {
            "revision": revision,
            "article": revision.article,
            "submissions": submissions,
            "current": current,
            "pending": pending,
            "refusal": step_refusal(pending, request.user, day),
            # Nobody can take the medical review: said here, not left to the wait.
            "nobody_qualifies": _nobody_qualifies(revision, pending, day),
            "can": {name: workflow.allowed(revision, name) for name in workflow.TRANSITIONS},
            "is_stale": revision.is_behind_live,
            "correction_word_budget": ReviewPolicy.current().correction_word_budget,
            "submit_form": SubmitForm(
                initial={
                    "kind": request.GET.get("kind") or revision.kind,
                    "change_summary": request.GET.get("summary") or revision.change_summary,
                },
                reviewers=reviewers,
            ),
            "assign_form": AssignForm(
                assignees=eligibility.step_assignees(approval=pending, on=day),
                initial={"assignee": pending.assignee_id},
            )
            if pending
            else None,
            "comments": selectors.comment_list_for(revision=revision),
            "comment_form": CommentForm(),
            "events": selectors.audit_event_list_for(revision=revision),
        },
    )


def _confirmed_revision_action(
    request: HttpRequest, revision_id: int, *, plan: Callable, action: Callable, success: str
) -> HttpResponse:
    revision = get_object_or_404(Revision.objects.select_related("article"), pk=revision_id)
    return confirmed_action(
        request,
        plan=lambda: plan(revision),
        action=lambda: action(revision),
        success=success,
        back=reverse("reviews:revision", args=[revision_id]),
        back_label=f"{revision.title} v{revision.number}",
        carried=(Carried("note", "Note for the history (optional)", long=True),),
    )


@role_required(Role.EDITOR)
@require_POST
def revision_submit(request: HttpRequest, revision_id: int) -> HttpResponse:
    form = SubmitForm(request.POST, reviewers=ReviewerProfile.objects.all())
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        return redirect("reviews:revision", revision_id=revision_id)
    revision = get_object_or_404(Revision, pk=revision_id)
    data = form.cleaned_data
    try:
        services.revision_submit(
            revision=revision,
            editor=request.user,
            kind=data["kind"],
            change_summary=data["change_summary"],
            reviewer=data["reviewer"],
        )
    except DomainError as refusal:
        messages.error(request, refusal.message)
        if refusal.code == "not_a_correction":
            # The same change, offered again as an update with the summary kept.
            query = urlencode({"kind": Revision.Kind.UPDATE, "summary": data["change_summary"]})
            return redirect(f"{reverse('reviews:revision', args=[revision_id])}?{query}#submit")
        return redirect("reviews:revision", revision_id=revision_id)
    messages.success(
        request, "Submitted for review. The live page does not change until it is published."
    )
    return redirect("reviews:revision", revision_id=revision_id)


@role_required(Role.EDITOR)
@require_POST
def revision_take_back(request: HttpRequest, revision_id: int) -> HttpResponse:
    return _confirmed_revision_action(
        request,
        revision_id,
        plan=lambda r: consequences.take_back(revision=r, editor=request.user),
        action=lambda r: services.revision_take_back(
            revision=r, editor=request.user, note=request.POST.get("note", "")
        ),
        success="Taken back to draft. Sign-offs already given are void; resubmit when ready.",
    )


@role_required(Role.EDITOR)
@require_POST
def revision_withdraw(request: HttpRequest, revision_id: int) -> HttpResponse:
    return _confirmed_revision_action(
        request,
        revision_id,
        plan=lambda r: consequences.withdraw(revision=r, editor=request.user),
        action=lambda r: services.revision_withdraw(
            revision=r, editor=request.user, note=request.POST.get("note", "")
        ),
        success="Revision withdrawn.",
    )


@role_required(Role.EDITOR)
@require_POST
def revision_publish(request: HttpRequest, revision_id: int) -> HttpResponse:
    revision = get_object_or_404(Revision.objects.select_related("article"), pk=revision_id)
    return confirmed_action(
        request,
        plan=lambda: consequences.publish(revision=revision, editor=request.user),
        action=lambda: services.revision_publish(revision=revision, editor=request.user),
        success="Published: the live page now shows this revision.",
        back=reverse("reviews:revision", args=[revision_id]),
        back_label=f"{revision.title} v{revision.number}",
    )


@role_required(Role.EDITOR)
@require_POST
def revision_rebase(request: HttpRequest, revision_id: int) -> HttpResponse:
    revision = get_object_or_404(Revision, pk=revision_id)
    try:
        result = services.revision_rebase(revision=revision, editor=request.user)
    except DomainError as refusal:
        messages.error(request, refusal.message)
        return redirect("reviews:revision", revision_id=revision_id)
    if result.conflicts:
        messages.warning(
            request,
            "Rebased onto the live version. These parts were changed on both sides and kept "
            f"as in your draft — check them against the live page: {', '.join(result.conflicts)}.",
        )
    else:
        messages.success(request, "Rebased onto the live version; your changes were replayed.")
    return redirect("reviews:revision-edit", revision_id=revision_id)
