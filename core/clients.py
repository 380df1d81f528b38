"""Where a request came from, for rate limits and the security log."""

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """The client's IP address. Behind the TLS proxy (BEHIND_HTTPS_PROXY) every request
    arrives from the proxy, and the client's address is the one the proxy appended last
    to X-Forwarded-For; anything before it is the client's to forge. Without a proxy
    that header is ignored."""
    if settings.BEHIND_HTTPS_PROXY:
        appended = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")[-1].strip()
        if appended:
            return appended
    return request.META.get("REMOTE_ADDR", "")
