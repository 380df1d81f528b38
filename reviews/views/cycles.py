"""Periodic reviews: the director's list and out-of-cycle reviews, one review's page,
the reviewer's re-certification or request for changes, and assignment."""

import logging

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from accounts.decorators import role_required
from accounts.roles import Role
from core.clock import today
from core.errors import DATABASE_AWAY, DomainError
from core.pages import attempt, attempt_quietly, next_page
from reviews import cycles as review_cycles
from reviews import eligibility, selectors
from reviews.chains import approval_chain_for
from reviews.forms import (
    CycleAssignForm,
    CycleChangesForm,
    OutOfCycleForm,
    RecertifyForm,
)
from reviews.models import RECERTIFICATION, ReviewCycle, Step, Submission
from reviews.statements import cited_in_live
from reviews.views.common import TEAM, signing_context, signing_proof, step_refusal

logger = logging.getLogger(__name__)


@role_required(Role.EDITORIAL_DIRECTOR)
@require_safe
def cycles(request: HttpRequest) -> HttpResponse:
    unassigned_only = request.GET.get("unassigned") == "1"
    page = Paginator(selectors.cycle_list_open(unassigned_only=unassigned_only), 50).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "reviews/cycles.html",
        {
            "page": page,
            "unassigned_only": unassigned_only,
            "today": today(),
            "assign_form": CycleAssignForm(reviewers=eligibility.reviewer_choices(on=today()))
            if page.object_list
            else None,
        },
    )


def _cycle_or_404(cycle_id: int) -> ReviewCycle:
    cycle = selectors.cycle_get(cycle_id=cycle_id)
    if cycle is None:
        raise Http404("No such review cycle.")
    return cycle


@role_required(*TEAM)
@require_safe
def cycle_detail(request: HttpRequest, cycle_id: int) -> HttpResponse:
    cycle = _cycle_or_404(cycle_id)
    day = today()
    is_assignee = cycle.assignee_id == request.user.pk
    refusal = None
    if is_assignee and cycle.state == ReviewCycle.State.OPEN:
        refusal = eligibility.review_verdict(cycle=cycle, user=request.user, on=day).reason
    assignees = eligibility.review_choices(cycle=cycle, on=day) if cycle.is_open else []
    recertification = selectors.recertification_for(cycle=cycle)
    pending = None
    if recertification is not None and recertification.state == Submission.State.OPEN:
        pending = next(
            (a for a in recertification.approvals.all() if a.decision == "pending"), None
        )
    return render(
        request,
        "reviews/cycle_detail.html",
        {
            "cycle": cycle,
            "article": cycle.article,
            "live": cycle.article.live_revision,
            "cited_under_review": cited_in_live(cycle),
            "is_assignee": is_assignee,
            "refusal": refusal,
            "recertify_form": RecertifyForm(),
            "changes_form": CycleChangesForm(),
            "assign_form": CycleAssignForm(
                reviewers=assignees, initial={"reviewer": cycle.assignee_id}
            ),
            "days_overdue": (day - cycle.due_on).days,
            "chain": [Step(step).label.lower() for step in approval_chain_for(RECERTIFICATION)],
            "recertification": recertification,
            "pending": pending,
            "refusal_to_sign": step_refusal(pending, request.user, day),
            **signing_context(request),
        },
    )


@role_required(Role.MEDICAL_REVIEWER)
@require_POST
def cycle_recertify(request: HttpRequest, cycle_id: int) -> HttpResponse:
    cycle = get_object_or_404(ReviewCycle, pk=cycle_id)
    form = RecertifyForm(request.POST)
    form.is_valid()
    data = form.cleaned_data
    may_sign = attempt_quietly(
        request,
        lambda: review_cycles.review_cycle_recertify_check(
            cycle=cycle, reviewer=request.user, attested=data.get("attested", False)
        ),
    )
    proof = may_sign and signing_proof(
        request, password=data.get("password", ""), code=data.get("code", "")
    )
    if not proof:
        return redirect("reviews:cycle", cycle_id=cycle_id)
    if attempt(
        request,
        lambda: review_cycles.review_cycle_recertify(
            cycle=cycle, reviewer=request.user, attested=data.get("attested", False), proof=proof
        ),
        lambda done: (
            "Re-certified: the page's Review Date is today and the credit names you."
            if done.state == ReviewCycle.State.COMPLETED
            else "Re-certified: your signature is recorded; the page's Review Date moves once "
            "the re-certification's other sign-offs are given."
        ),
    ):
        return redirect("reviews:queue")
    return redirect("reviews:cycle", cycle_id=cycle_id)


@role_required(Role.MEDICAL_REVIEWER)
@require_POST
def cycle_request_changes(request: HttpRequest, cycle_id: int) -> HttpResponse:
    cycle = get_object_or_404(ReviewCycle, pk=cycle_id)
    attempt(
        request,
        lambda: review_cycles.review_cycle_request_changes(
            cycle=cycle, reviewer=request.user, note=request.POST.get("note", "")
        ),
        "Changes requested: a draft is open for the page's editor, with your note.",
    )
    return redirect("reviews:cycle", cycle_id=cycle_id)


@role_required(Role.EDITORIAL_DIRECTOR)
@require_POST
def cycle_assign(request: HttpRequest) -> HttpResponse:
    """Assign one cycle, or every cycle ticked on a list, to a reviewer: each one the
    reviewer may take is assigned, and the page says which were not, and why."""
    form = CycleAssignForm(request.POST)
    ids = [int(value) for value in request.POST.getlist("cycle") if value.isdigit()]
    if not ids:
        messages.error(request, "Tick the reviews to assign.")
    elif not form.is_valid():
        messages.error(request, "Choose the reviewer to assign them to.")
    else:
        # Not `attempt()`: what to say depends on how many were assigned, and a success
        # message when none was would tell the director something that did not happen.
        try:
            assignment = review_cycles.review_cycles_assign_each(
                cycles=ReviewCycle.objects.filter(pk__in=ids),
                reviewer=form.cleaned_data["reviewer"],
                director=request.user,
                today=today(),
            )
        except DomainError as refusal:
            messages.error(request, refusal.message)
        except (OperationalError, InterfaceError):
            # The transaction rolled back whole: nothing was assigned; trying again is safe.
            logger.exception("Database failure during %s", request.path)
            messages.error(request, DATABASE_AWAY)
        else:
            _report(request, assignment)
    return redirect(next_page(request, reverse("reviews:cycles")))


def _report(request: HttpRequest, assignment: review_cycles.HandAssignment) -> None:
    """The assignment row by row: how many were given, then each one that was not, under
    its reason (reviews refused for the same reason share a line)."""
    given, total = len(assignment.assigned), len(assignment.rows)
    if not total:
        messages.error(
            request, "None of the ticked reviews was found: reload the list and tick them again."
        )
        return
    if given == total:
        reviews = {1: "the review", 2: "both reviews"}.get(given, f"all {given} reviews")
        messages.success(request, f"Assigned {reviews} to {assignment.reviewer}.")
    elif given:
        messages.success(
            request, f"Assigned {given} of the {total} reviews to {assignment.reviewer}."
        )
    for reason, titles in assignment.refusals().items():
        messages.error(request, f"Not assigned: {', '.join(titles)}. {reason}")


@role_required(Role.EDITORIAL_DIRECTOR)
def out_of_cycle(request: HttpRequest) -> HttpResponse:
    # A broken link or a retraction notice elsewhere links here with the work and why.
    prefill = {
        name: request.GET[name][:1000]
        for name in ("reference", "reason", "article")
        if name in request.GET
    }
    form = OutOfCycleForm(request.POST or None, initial=prefill)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if attempt(
            request,
            lambda: review_cycles.review_cycles_open_out_of_cycle(
                director=request.user,
                reason=data["reason"],
                specialty=data["specialty"],
                topic=data["topic"],
                reference=data["reference"],
                article=data["article"],
                today=today(),
            ),
            lambda result: (
                f"{result.matched} articles matched: {result.opened} reviews opened, "
                f"{result.already_open} already had one open; "
                f"{result.assignment.assigned_count} assigned."
            ),
        ):
            return redirect("reviews:cycles")
    return render(request, "reviews/out_of_cycle.html", {"form": form})
