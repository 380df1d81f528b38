"""The approval chain of each kind of revision, as an editorial director edits it."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from accounts.decorators import role_required
from accounts.roles import Role
from encyclopedia.models import Revision
from reviews import services
from reviews.forms import (
    ChainForm,
)
from reviews.models import ChainStep, Step
from reviews.views.common import attempt


@role_required(Role.EDITORIAL_DIRECTOR)
def chains(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        kind = request.POST.get("kind", "")
        form = ChainForm(request.POST)
        if kind in Revision.Kind.values and form.is_valid():
            ordered = [s for s in Step.values if s in form.cleaned_data["steps"]]
            attempt(
                request,
                lambda: services.approval_chain_set(
                    kind=kind, steps=ordered, director=request.user
                ),
                f"Approval chain for {Revision.Kind(kind).label.lower()} saved.",
            )
        else:
            messages.error(request, "Choose at least one step.")
        return redirect("reviews:chains")
    current = {kind: services.approval_chain_for(kind) for kind in Revision.Kind.values}
    return render(
        request,
        "reviews/chains.html",
        {
            "chains": [
                (kind, label, ChainForm(initial={"steps": current[kind]}), current[kind])
                for kind, label in Revision.Kind.choices
            ],
            "step_labels": dict(Step.choices),
            "history": ChainStep.history.select_related("history_user").order_by("-history_date")[
                :20
            ],
        },
    )
