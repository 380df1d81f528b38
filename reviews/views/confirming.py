"""Actions that ask first. Their buttons post without `confirm`, and get a page saying
what will happen (reviews.consequences) with the button that does it; only a post with
`confirm=1` acts. The server decides, so this holds without JavaScript too."""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from core.errors import DomainError
from core.pages import attempt
from reviews.consequences import Plan


@dataclass(frozen=True)
class Carried:
    """A field the confirmation page shows again, so what was typed beside the first
    button (a retirement's reason) reaches the action."""

    name: str
    label: str
    required: bool = False
    long: bool = False  # a textarea


def confirmed_action(
    request: HttpRequest,
    *,
    plan: Callable[[], Plan],
    action: Callable,
    success: str,
    back: str,
    back_label: str,
    carried: tuple[Carried, ...] = (),
) -> HttpResponse:
    if request.POST.get("confirm") == "1":
        attempt(request, action, success)
        return redirect(back)
    try:
        question = plan()
    except DomainError as refusal:
        messages.error(request, refusal.message)
        return redirect(back)
    fields = [
        {"field": field, "id": f"confirm-{field.name}", "value": request.POST.get(field.name, "")}
        for field in carried
    ]
    return render(
        request,
        "reviews/confirm_action.html",
        {"plan": question, "fields": fields, "back": back, "back_label": back_label},
    )
