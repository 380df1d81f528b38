"""What every app's pages share: a service's refusal becomes a message on the page,
never an error page."""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest

from core.errors import DomainError


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


def attempt_quietly(request: HttpRequest, action: Callable) -> bool:
    """Run a check that may refuse; report the refusal as a message. True if it passed."""
    try:
        action()
    except DomainError as refusal:
        messages.error(request, refusal.message)
        return False
    return True
