"""Holds a staff session to what it must prove and how long it may sit idle
(accounts.sessions): a person enrolled in two-factor sign-in gives their code before
anything else, one the policy requires it of enrols first, and a session idle past the
policy's timeout is signed out."""

import time
from collections.abc import Callable
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from accounts.sessions import IDLE_MINUTES, LAST_SEEN, TWO_FACTOR, TwoFactor

# Writing the session on every request would make every page a write; a minute's
# precision is plenty for a timeout counted in tens of minutes.
TOUCH_EVERY = 60
# Pages a session may reach before its code is given.
OPEN_PREFIXES = ("/static/", "/healthz", "/accounts/two-factor/", "/accounts/logout/")


class StaffSessionMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.user.is_authenticated or not hasattr(request, "session"):
            return self.get_response(request)
        session = request.session
        now = time.time()
        idle = session.get(IDLE_MINUTES)
        last_seen = session.get(LAST_SEEN)
        if idle and last_seen and now - last_seen > idle * 60:
            logout(request)
            messages.info(
                request,
                f"You were signed out after {idle} minutes without activity. Sign in again "
                "to carry on.",
            )
            return redirect_to_login(request.get_full_path())
        if idle and (last_seen is None or now - last_seen > TOUCH_EVERY):
            session[LAST_SEEN] = now
        state = session.get(TWO_FACTOR, TwoFactor.NONE)
        if state != TwoFactor.NONE and not request.path.startswith(OPEN_PREFIXES):
            page = (
                "accounts:two-factor-verify"
                if state == TwoFactor.VERIFY
                else ("accounts:two-factor-setup")
            )
            return redirect(f"{reverse(page)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)
