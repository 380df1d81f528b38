"""Rate limits for clients that are not a person at a browser.

Anonymous readers are limited per IP address (DRF's AnonRateThrottle, scope "anon");
token clients per person (scope "token"), so making more keys buys no more requests.
A signed-in browser session is not limited: it is a person clicking. The rates are
in settings (REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]), and the counts live in the
default cache, which must be shared (Redis) when several web processes run.
"""

from rest_framework.request import Request
from rest_framework.throttling import SimpleRateThrottle

from api.authentication import is_token_request


class TokenRateThrottle(SimpleRateThrottle):
    scope = "token"

    def get_cache_key(self, request: Request, view) -> str | None:
        if not is_token_request(request):
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.user.pk}
