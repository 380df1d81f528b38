from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from accounts import selectors, services
from accounts.decorators import role_required
from accounts.forms import ReviewerInviteForm, ReviewerLinkForm, ReviewerProfileForm
from accounts.models import ReviewerProfile
from accounts.roles import Role
from core import clock
from core.pages import attempt

# Where each role starts its day, most senior first: a person with several roles
# lands on the page of the one that carries the most responsibility.
ROLE_HOME_PAGES = [
    (Role.EDITORIAL_DIRECTOR, "reporting:dashboard"),
    (Role.MEDICAL_DIRECTOR, "reviews:queue"),
    (Role.MEDICAL_REVIEWER, "reviews:queue"),
    (Role.EDITOR, "reviews:drafts"),
]


@login_required
def home(request: HttpRequest) -> HttpResponse:
    for role, page in ROLE_HOME_PAGES:
        if request.user.has_role(role):
            return redirect(page)
    return redirect("encyclopedia:home")


# --- Reviewers ----------------------------------------------------------------------------


def _profile_or_404(profile_id: int) -> ReviewerProfile:
    profile = selectors.reviewer_profile_get(profile_id=profile_id)
    if profile is None:
        raise Http404("No such reviewer profile.")
    return profile


@role_required(Role.EDITORIAL_DIRECTOR)
def reviewers(request: HttpRequest) -> HttpResponse:
    rows = selectors.reviewer_rows(today=clock.today())
    return render(
        request,
        "accounts/reviewers.html",
        {
            "rows": rows,
            "to_complete": [row for row in rows if row.profile.needs_completion],
            "warning_days": selectors.LICENCE_WARNING_DAYS,
        },
    )


@role_required(Role.EDITORIAL_DIRECTOR)
def reviewer(request: HttpRequest, pk: int) -> HttpResponse:
    profile = _profile_or_404(pk)
    form = ReviewerProfileForm(request.POST or None, profile=profile)
    if request.method == "POST" and form.is_valid():
        was_placeholder = profile.needs_completion

        def saved(result: ReviewerProfile) -> str:
            if was_placeholder and not result.needs_completion:
                return f"{result.credit_name}'s profile is complete."
            return f"{result.credit_name}'s profile is saved."

        done = attempt(
            request,
            lambda: services.reviewer_profile_update(
                profile=profile,
                director=request.user,
                reason=form.cleaned_data["reason"],
                **form.changes(),
            ),
            saved,
        )
        if done:
            return redirect(profile.get_absolute_url())
    # A refused edit shows the form again with what the director typed.
    return render(
        request,
        "accounts/reviewer.html",
        {
            "profile": profile,
            "form": form,
            "link_form": ReviewerLinkForm() if profile.user_id is None else None,
            "missing": selectors.reviewer_profile_missing(profile)
            if profile.needs_completion
            else [],
            "licence": selectors.licence_status(profile, today=clock.today()),
            "warning_days": selectors.LICENCE_WARNING_DAYS,
            "history": selectors.reviewer_profile_history(profile=profile),
        },
    )


@role_required(Role.EDITORIAL_DIRECTOR)
@require_POST
def reviewer_link(request: HttpRequest, pk: int) -> HttpResponse:
    profile = _profile_or_404(pk)
    form = ReviewerLinkForm(request.POST)
    if form.is_valid():
        attempt(
            request,
            lambda: services.reviewer_profile_link(
                profile=profile, director=request.user, **form.cleaned_data
            ),
            lambda linked: f"{linked.credit_name} now signs in as {linked.user.username}.",
        )
    else:
        messages.error(request, "Choose the account to link this profile to.")
    return redirect(profile.get_absolute_url())


@role_required(Role.EDITORIAL_DIRECTOR)
def reviewer_invite(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """Invite a new reviewer, or (with `pk`) the clinician a placeholder profile credits."""
    profile = _profile_or_404(pk) if pk is not None else None
    form = ReviewerInviteForm.for_profile(profile, request.POST or None)
    if request.method == "POST" and form.is_valid():
        done = attempt(
            request,
            lambda: services.reviewer_invite(
                director=request.user, profile=profile, **form.cleaned_data
            ),
            lambda invited: (
                f"{invited.credit_name} is invited: an e-mail with a link to choose a "
                f"password is on its way to {invited.user.email}."
            ),
        )
        if done:
            return redirect(done.result.get_absolute_url())
    return render(request, "accounts/reviewer_invite.html", {"form": form, "profile": profile})
