"""What every app's pages share: a service's refusal becomes a message on the page,
never an error page; "back to where you were" only ever leads to this site."""

import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme

from core.errors import DATABASE_AWAY, DomainError

logger = logging.getLogger(__name__)


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
    except (OperationalError, InterfaceError):
        # The connection dropped, or the database timed out: the service's transaction
        # rolled back whole, so the person can simply try again.
        logger.exception("Database failure during %s", request.path)
        messages.error(request, DATABASE_AWAY)
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


def next_page(request: HttpRequest, fallback: str) -> str:
    """The `next` the form or link carried, if it is a page of this site; else `fallback`.
    (A `next` is the visitor's to write: an open redirect or a `javascript:` URL in it
    must lead nowhere.)"""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback
