"""Reviewing a revision: the diff against the live page, and the signer's decision;
a director's specialty override and assignment of a step."""

from collections.abc import Callable

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from accounts.decorators import role_required
from accounts.roles import Role
from core.clock import today
from core.pages import attempt, attempt_quietly
from encyclopedia.models import Revision
from encyclopedia.readability import readability_compared
from encyclopedia.reference_checks import reference_checks_for
from reviews import selectors, services
from reviews.diffs import compare_revisions
from reviews.forms import (
    AssignForm,
    CommentForm,
    DecisionForm,
    OverrideForm,
)
from reviews.models import RECERTIFICATION, Approval, ReviewCycle
from reviews.statements import evidence_for
from reviews.views.common import (
    SIGNERS,
    TEAM,
    revision_or_404,
    signing_context,
    signing_proof,
    step_refusal,
)
from reviews.warnings import signing_warnings


@role_required(*TEAM)
@require_safe
def revision_review(request: HttpRequest, revision_id: int) -> HttpResponse:
    """The change as a reviewer reads it: the page as the reader will see it, with the
    words inserted and deleted marked, against the live page."""
    return _review_page(request, revision_or_404(revision_id))


def _review_page(
    request: HttpRequest, revision: Revision, decision_form: DecisionForm | None = None
) -> HttpResponse:
    """The review page; with `decision_form`, a refused decision's form as it was sent."""
    live = revision.article.live_revision
    baseline = selectors.revision_get(revision_id=live.pk) if live else None
    submissions = selectors.submission_list_for(revision=revision)
    current = submissions[0] if submissions else None
    pending = next(
        (a for a in (current.approvals.all() if current else []) if a.decision == "pending"), None
    )
    warnings = signing_warnings(submission=current) if pending else []
    if decision_form is None:
        decision_form = DecisionForm(sections=revision.sections.all(), warnings=warnings)
    else:
        # The warnings as they stand now, with the boxes the signer had ticked.
        decision_form.warnings = warnings
    return render(
        request,
        "reviews/revision_review.html",
        {
            "revision": revision,
            "article": revision.article,
            "comparison": compare_revisions(baseline, revision),
            "statements": evidence_for(revision, live=baseline),
            "readability": readability_compared(revision, live=baseline),
            "current": current,
            # What a correction changes, for its signer: the judgement that let it skip
            # the medical review, with what it touched.
            "correction": services.correction_assessment(revision)
            if current is not None and current.kind == "correction" and baseline is not None
            else None,
            "pending": pending,
            "refusal": step_refusal(pending, request.user, today()),
            "decision_form": decision_form,
            **signing_context(request),
            "override_form": OverrideForm(),
            "reference_checks": reference_checks_for(revision=revision, today=today()),
            "comments": selectors.comment_list_for(revision=revision),
            "comment_form": CommentForm(),
            # Forms on the page come back here, also when it answers a refused decision.
            "page_url": reverse("reviews:revision-review", args=[revision.pk]),
        },
    )


@role_required(*SIGNERS)
@require_POST
def approval_decide(request: HttpRequest, approval_id: int) -> HttpResponse:
    approval = get_object_or_404(Approval.objects.select_related("submission"), pk=approval_id)
    # A re-certification is decided on its periodic review's page, with no section to
    # comment on; a revision's step, on its review page.
    revision = (
        None
        if approval.submission.kind == RECERTIFICATION
        else revision_or_404(approval.submission.revision_id)
    )
    form = DecisionForm(request.POST, sections=revision.sections.all() if revision else ())

    def refused() -> HttpResponse:
        # The form again as it was sent (never the password), so that the comments
        # written on sections are not lost: they were not saved, and are saved once,
        # with the decision, when it is recorded.
        if revision is None:
            return _page_of(approval)
        return _review_page(request, revision, decision_form=form)

    if not form.is_valid():
        for message in _form_refusals(form):
            messages.error(request, message)
        return refused()
    data = form.cleaned_data
    decision = data["decision"]
    comments = data["section_comments"]

    def with_comments(decide: Callable[[], object]) -> Callable[[], object]:
        if revision is None:
            return decide
        return lambda: services.comment_add_with_decision(
            revision=revision, author=request.user, comments=comments, decide=decide
        )

    saved = {0: "", 1: " Your comment on a section is saved."}.get(
        len(comments), f" Your {len(comments)} comments on sections are saved."
    )
    if decision == DecisionForm.APPROVE:
        # Whether they may sign is said first; only then are they asked who they are.
        may_sign = attempt_quietly(
            request,
            lambda: services.approval_approve_check(
                approval=approval,
                signer=request.user,
                attested=data["attested"],
                acknowledged_warnings=data["acknowledged_warnings"],
            ),
        )
        proof = may_sign and signing_proof(request, password=data["password"], code=data["code"])
        if not proof:
            return refused()
        ok = attempt(
            request,
            with_comments(
                lambda: services.approval_approve(
                    approval=approval,
                    signer=request.user,
                    attested=data["attested"],
                    proof=proof,
                    comment=data["comment"],
                    reviewed_whole_page=data["reviewed_whole_page"],
                    acknowledged_warnings=data["acknowledged_warnings"],
                )
            ),
            f"Signed: {approval.get_step_display()}.{saved}",
        )
    elif decision == DecisionForm.REQUEST_CHANGES:
        ok = attempt(
            request,
            with_comments(
                lambda: services.approval_request_changes(
                    approval=approval, signer=request.user, comment=data["comment"]
                )
            ),
            f"Changes requested; the editors have been told.{saved}",
        )
    else:
        ok = attempt(
            request,
            with_comments(
                lambda: services.approval_reject(
                    approval=approval, signer=request.user, comment=data["comment"]
                )
            ),
            f"Revision rejected; the editors have been told.{saved}",
        )
    if ok:
        return redirect("reviews:queue")
    return refused()


def _form_refusals(form: DecisionForm) -> list[str]:
    refusals = list(form.non_field_errors())
    if "decision" in form.errors:
        refusals.insert(0, "Choose approve, request changes or reject.")
    refusals += [
        f"{form.fields[name].label or name.capitalize()}: {error}"
        for name, errors in form.errors.items()
        if name not in ("decision", "__all__")
        for error in errors
    ]
    return refusals


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
    form = AssignForm(request.POST)
    if form.is_valid():
        assignee = form.cleaned_data["assignee"]
        attempt(
            request,
            lambda: services.approval_assign(
                approval=approval, assignee=assignee, director=request.user
            ),
            f"{approval.get_step_display()} assigned to {assignee}."
            if assignee
            else f"{approval.get_step_display()} given back to the pool: anyone who may sign it "
            "can.",
        )
    else:
        messages.error(request, "Choose a person to assign the step to.")
    return redirect("reviews:revision", revision_id=approval.submission.revision_id)
