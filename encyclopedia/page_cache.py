"""The reader's pages cached whole, and told to browsers and CDNs how to cache them.

A public medical encyclopedia is read far more than it is edited, so the article page,
the A–Z index and the home page are kept as finished responses in Django's cache (Redis
in production, local memory by default), keyed by what they print:

- an article page by its number; it is dropped the moment the article changes (publish,
  re-certification, retirement, slug or specialty) by `forget_article`, which the
  article's save calls after commit (encyclopedia.signals);
- the lists by the catalogue's generation (encyclopedia.catalogue), which every change
  of any article moves on;
- all of them by the day (the citation prints today's date) and by the site's
  fingerprint: the settings every page prints, the rendering code and the static files'
  manifest, so a deploy that changes any of them starts from an empty cache.

Only readers are served from the cache: a request with a session or a message waiting
(anyone signed in, or just signed out) is rendered for that person and marked private,
so the team's bar on an article is never stored or shown to a reader. Every cached
response carries an ETag and Last-Modified and answers a matching conditional request
with 304, and `Cache-Control: s-maxage` lets a CDN keep it; a publish or retirement
asks the CDN to drop the page through the purge hook (`article_purge`).

An entry lives at most PAGE_CACHE_SECONDS: if the cache was unreachable at the moment
a change tried to drop an entry, the stale page still goes within that time.

The article page, read most, is also answered at the front door: once a reader's page
has gone out whole, `ReaderPageMiddleware` keeps the headers the rest of the stack gave
it beside the page, and serves the next reader's request from the entry before the
session, authentication, CSRF and message middleware run. The same entry, under the
same key, is dropped by the same `forget_article`.
"""

import datetime
import hashlib
import json
import re
import string
from collections.abc import Callable
from functools import wraps
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe

from core.clock import today
from core.outbox import outbox_call
from encyclopedia import catalogue
from encyclopedia.models import Article
from encyclopedia.page_content import RENDERER

READER_PAGE = "stet.reader_page"  # in request.META: the cache key of the page served


def _fingerprint() -> str:
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    parts = [
        json.dumps(settings.STET, sort_keys=True, default=str),
        RENDERER,
        manifest.read_text() if manifest.exists() else "",
    ]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:12]


SITE = _fingerprint()


def is_reader(request: HttpRequest) -> bool:
    """A reader: no session (nobody signed in) and no message waiting to be shown.
    Decided from the cookies alone, so a cached page costs no session lookup."""
    return not (settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES)


def article_key(number: str, day: datetime.date | None = None) -> str:
    return f"pages:{SITE}:{day or today()}:article:{number}"


def list_key(request: HttpRequest) -> str:
    return f"pages:{SITE}:{today()}:list:{catalogue.generation()}:{request.get_full_path()}"


def forget_article(number: str) -> None:
    """Drop the article's page (today's and yesterday's, around midnight). The lists go
    with the catalogue's generation, which the same change moves on."""
    day = today()
    pages = [article_key(number, day), article_key(number, day - datetime.timedelta(1))]
    cache.delete_many([*pages, *(_headers_key(page) for page in pages)])


def cached_for_readers(key: Callable[..., str]) -> Callable:
    """Serve a public page to readers from the cache (filled on a miss with a 200), with
    the headers browsers and CDNs need; anyone else gets a fresh, private page."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if not is_reader(request):
                response = view(request, *args, **kwargs)
                patch_cache_control(response, private=True, no_cache=True)
                return response
            if not settings.PAGE_CACHE_SECONDS:  # the page cache turned off
                return _public(view(request, *args, **kwargs))
            page_key = key(request, *args, **kwargs)
            entry = cache.get(page_key)
            if entry is None:
                response = view(request, *args, **kwargs)
                if response.status_code != 200 or response.cookies or response.streaming:
                    return _public(response)
                entry = {
                    "content": response.content,
                    "content_type": response["Content-Type"],
                    "etag": f'"{hashlib.sha256(response.content).hexdigest()[:32]}"',
                    "last_modified": response.get("Last-Modified") or http_date(),
                }
                cache.set(page_key, entry, timeout=settings.PAGE_CACHE_SECONDS)
            # 304 for a matching If-None-Match (or, without one, If-Modified-Since),
            # decided before any body is built.
            response = get_conditional_response(
                request,
                etag=entry["etag"],
                last_modified=parse_http_date_safe(entry["last_modified"]),
            ) or HttpResponse(entry["content"], content_type=entry["content_type"])
            response["ETag"] = entry["etag"]
            response["Last-Modified"] = entry["last_modified"]
            # The front door keeps the finished headers beside the page on the way out.
            request.META[READER_PAGE] = page_key
            return _public(response)

        return wrapped

    return decorator


def _public(response: HttpResponse) -> HttpResponse:
    patch_cache_control(
        response, public=True, max_age=60, s_maxage=settings.STET["CDN_MAX_AGE_SECONDS"]
    )
    # A CDN keys on the cookie: a signed-in person's request is never answered with a
    # reader's stored page.
    patch_vary_headers(response, ["Cookie"])
    return response


def article_purge(*, article: Article) -> None:
    """Ask the CDN in front (STET_PURGE_URL, if set) to drop the pages `article` prints
    on: its page, its letter of the index and the home page. Queued in the caller's
    transaction through the outbox, so it goes once the change commits, and is retried
    while the CDN is away."""
    url = settings.STET["PURGE_URL"]
    if not url:
        return
    site = settings.STET["SITE_URL"]
    first = article.title[:1].upper()
    letter = first if first in string.ascii_uppercase else "%23"
    pages = [
        article.get_absolute_url(),
        f"/article/{article.slug}/",
        f"/articles/?letter={letter}",
        "/",
    ]
    outbox_call(url=url, payload={"urls": [site + page for page in pages]})


# The article page's address, whose cache key the front door can tell from the path alone.
_ARTICLE_PATH = re.compile(r"^/article/(?P<number>[0-9]{6})/$")
# Kept beside the page: the headers the stack gives every reader's copy of it. What
# differs per response or per version of the page is never kept: it comes from the
# entry (ETag, Last-Modified) or from the server.
_NOT_KEPT = frozenset({"content-length", "date", "set-cookie", "etag", "last-modified"})


def _headers_key(page_key: str) -> str:
    # A key of its own, so that storing the headers can never bring back a page that a
    # change dropped in the meantime: the front door needs both.
    return f"{page_key}:headers"


class ReaderPageMiddleware:
    """Answer a reader's request for an article page from its cache entry, with the
    headers the whole stack gave the page, without running the middleware below this
    one or the view. Placed after WhiteNoise: static files are answered before it, and
    the security headers are still added after it, as on any page."""

    def __init__(self, get_response: Callable) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        match = _ARTICLE_PATH.match(request.path_info)
        if not (
            match is not None
            and request.method == "GET"
            and settings.PAGE_CACHE_SECONDS
            and is_reader(request)
        ):
            return self.get_response(request)
        page_key = article_key(match["number"])
        found = cache.get_many([page_key, _headers_key(page_key)])
        if len(found) == 2:
            return _replayed(request, found[page_key], found[_headers_key(page_key)])
        response = self.get_response(request)
        if request.META.get(READER_PAGE) == page_key and not response.cookies:
            headers = [(n, v) for n, v in response.items() if n.lower() not in _NOT_KEPT]
            cache.add(_headers_key(page_key), headers, timeout=settings.PAGE_CACHE_SECONDS)
        return response


def _replayed(request: HttpRequest, entry: dict, headers: list) -> HttpResponse:
    response = get_conditional_response(
        request, etag=entry["etag"], last_modified=parse_http_date_safe(entry["last_modified"])
    ) or HttpResponse(entry["content"])
    for name, value in headers:
        if response.status_code == 200 or name.lower() != "content-type":
            response[name] = value
    response["ETag"] = entry["etag"]
    response["Last-Modified"] = entry["last_modified"]
    return response
