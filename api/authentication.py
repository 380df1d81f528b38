"""How API clients say who they are: a personal token, or the browser's session."""

from django.utils import timezone
from rest_framework import exceptions
from rest_framework.authentication import (
    BaseAuthentication,
    SessionAuthentication,
    get_authorization_header,
)
from rest_framework.request import Request

from api import selectors, services
from api.models import ApiToken

KEYWORDS = {b"token", b"bearer"}


class ApiTokenAuthentication(BaseAuthentication):
    """`Authorization: Token <key>` (or `Bearer <key>`), for a key made at /api/tokens/.

    A request carrying no such header is left to the next authentication class (the
    session); a request carrying a bad, revoked or orphaned key is refused outright, so
    a script with a stale key learns so at once instead of reading as anonymous.
    """

    def authenticate(self, request: Request):
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() not in KEYWORDS:
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(
                "Send the key as `Authorization: Token <key>`.", code="token_malformed"
            )
        try:
            key = parts[1].decode("ascii")
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed(
                "That is not a Stet API key.", code="token_invalid"
            ) from None
        token = selectors.api_token_for_key(key=key)
        if token is None:
            raise exceptions.AuthenticationFailed(
                "That is not a Stet API key.", code="token_invalid"
            )
        refusal = token.refusal()
        if refusal is not None:
            raise exceptions.AuthenticationFailed(refusal.message, code=refusal.code)
        services.api_token_record_use(token=token, now=timezone.now())
        return token.user, token

    def authenticate_header(self, request: Request) -> str:
        # Makes an unauthenticated request answer 401 (with this challenge), not 403.
        return 'Token realm="Stet API"'


def is_token_request(request: Request) -> bool:
    return isinstance(request.auth, ApiToken)


class CsrfCheckedSessionAuthentication(SessionAuthentication):
    """The browser's session. Writes need the CSRF token, as on the pages; a missing one
    is refused with its own code, so a script author sees what to send."""

    def enforce_csrf(self, request: Request) -> None:
        try:
            super().enforce_csrf(request)
        except exceptions.PermissionDenied as refusal:
            raise exceptions.PermissionDenied(str(refusal.detail), code="csrf_failed") from None
