"""What every editorial page shares: who the pages are for, and how a service's refusal
becomes a message on the page (never a 500)."""

from django.contrib import messages
from django.http import Http404, HttpRequest

from accounts import security
from accounts.models import Reauthentication
from accounts.roles import Role
from core.errors import DomainError
from encyclopedia.models import Revision
from reviews import eligibility, selectors
from reviews.models import Approval

TEAM = (Role.EDITOR, Role.MEDICAL_REVIEWER, Role.MEDICAL_DIRECTOR, Role.EDITORIAL_DIRECTOR)
SIGNERS = (Role.MEDICAL_REVIEWER, Role.MEDICAL_DIRECTOR, Role.EDITORIAL_DIRECTOR)


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


def signing_proof(request: HttpRequest, *, password: str, code: str) -> Reauthentication | None:
    """The signer's proof for a signature made from this page: the password (and
    one-time code) they typed, or their re-authentication on this session within the
    policy's window. A refusal becomes the page's message, and None."""
    try:
        return security.signing_proof(
            user=request.user,
            channel=security.channel_of_session(request.session.session_key),
            credentials=security.Credentials(password=password, code=code),
        )
    except DomainError as refusal:
        messages.error(request, refusal.message)
        return None


def signing_context(request: HttpRequest) -> dict:
    """What a signing form shows: whether a password is needed now, and a code."""
    recent = security.recent_reauthentication(
        user=request.user, channel=security.channel_of_session(request.session.session_key)
    )
    return {
        "recent_reauthentication": recent,
        "needs_code": security.two_factor_enrolled(request.user),
    }
