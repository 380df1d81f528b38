"""The approval chain of each kind of revision, as an editorial director edits it."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from accounts.decorators import role_required
from accounts.roles import Role
from core.pages import attempt
from reviews import services
from reviews.chains import KIND_LABELS
from reviews.forms import ChainForm
from reviews.models import SUBMISSION_KINDS, ChainStep, Step


@role_required(Role.EDITORIAL_DIRECTOR)
def chains(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        kind = request.POST.get("kind", "")
        form = ChainForm(request.POST)
        if kind in KIND_LABELS and form.is_valid():
            ordered = [s for s in Step.values if s in form.cleaned_data["steps"]]
            attempt(
                request,
                lambda: services.approval_chain_set(
                    kind=kind, steps=ordered, director=request.user
                ),
                f"Approval chain for {KIND_LABELS[kind].lower()} saved.",
            )
        else:
            messages.error(request, "Choose at least one step.")
        return redirect("reviews:chains")
    current = {kind: services.approval_chain_for(kind) for kind in KIND_LABELS}
    return render(
        request,
        "reviews/chains.html",
        {
            "chains": [
                (kind, label, ChainForm(initial={"steps": current[kind]}), current[kind])
                for kind, label in SUBMISSION_KINDS
            ],
            "step_labels": dict(Step.choices),
            "history": ChainStep.history.select_related("history_user").order_by("-history_date")[
                :20
            ],
        },
    )
