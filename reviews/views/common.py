"""What every editorial page shares: who the pages are for, and how a service's refusal
becomes a message on the page (never a 500)."""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest

from accounts.roles import Role
from core.errors import DomainError
from encyclopedia.models import Revision
from reviews import eligibility, selectors
from reviews.models import Approval

TEAM = (Role.EDITOR, Role.MEDICAL_REVIEWER, Role.MEDICAL_DIRECTOR, Role.EDITORIAL_DIRECTOR)
SIGNERS = (Role.MEDICAL_REVIEWER, Role.MEDICAL_DIRECTOR, Role.EDITORIAL_DIRECTOR)


@dataclass(frozen=True)
class Outcome:
    ok: bool
    result: object = None

    def __bool__(self) -> bool:
        return self.ok


def attempt(request: HttpRequest, action: Callable, success: str | Callable) -> Outcome:
    """Run a service call; report its refusal as a message instead of an error page.
    `success` is the message, or a function of the service's result that writes it."""
    try:
        result = action()
    except DomainError as refusal:
        messages.error(request, refusal.message)
        return Outcome(False)
    except ValidationError as invalid:
        messages.error(request, " ".join(invalid.messages))
        return Outcome(False)
    messages.success(request, success(result) if callable(success) else success)
    return Outcome(True, result)


def revision_or_404(revision_id: int) -> Revision:
    revision = selectors.revision_get(revision_id=revision_id)
    if revision is None:
        raise Http404("No such revision.")
    return revision


def step_refusal(pending: Approval | None, user, day) -> str | None:
    """Why this person may not decide the pending step (to explain a disabled form)."""
    if pending is None:
        return None
    return eligibility.step_verdict(approval=pending, user=user, on=day).reason or None
