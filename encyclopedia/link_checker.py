"""Checking the links of the references live pages cite, and recording what was found.

Each distinct address is asked once per run, however many articles cite it: HEAD first,
then GET when the server refuses HEAD (405, 501, and the 403 some servers send to HEAD
alone). Redirects are followed one hop at a time so each hop's status and address is
recorded, and a redirect to anything but http(s) is refused. Bodies are never read: a
GET is streamed and closed at once.

Politeness is the checker's own: at most `per_host_per_minute` requests to one host in
any sixty seconds. When a host's minute is full the checker sleeps until it is not,
through an injectable clock, so tests count requests without waiting. A run also has a
time budget; the addresses it did not reach are the stalest at the next run, which
starts with them (encyclopedia.reference_checks.reference_urls_to_check).
"""

import collections
import datetime
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import requests
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from encyclopedia.models import LinkCheck
from encyclopedia.reference_checks import reference_urls_to_check

REFUSED_HEAD = {403, 405, 501}
REDIRECTS = {301, 302, 303, 307, 308}
MAX_REDIRECTS = 10
WINDOW_SECONDS = 60.0


def user_agent() -> str:
    return f"Stet link checker (+{settings.STET['SITE_URL']})"


@dataclass(frozen=True)
class LinkResult:
    """What one check of one address found."""

    outcome: str  # a LinkCheck.Outcome
    status_code: int | None = None
    method: str = ""
    final_url: str = ""
    redirects: list[dict] = field(default_factory=list)
    detail: str = ""


class HostLimiter:
    """At most `per_minute` requests to one host in any sliding minute. `clock` reads
    seconds (monotonic); `sleep` waits, and in tests moves a fake clock instead."""

    def __init__(
        self,
        per_minute: int,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if per_minute < 1:
            raise ValueError("A host must be allowed at least one request a minute.")
        self.per_minute = per_minute
        self.clock = clock
        self.sleep = sleep
        self.sent: dict[str, collections.deque[float]] = collections.defaultdict(collections.deque)

    def wait_for(self, host: str) -> None:
        sent = self.sent[host]
        now = self.clock()
        while sent and sent[0] <= now - WINDOW_SECONDS:
            sent.popleft()
        if len(sent) >= self.per_minute:
            self.sleep(sent[0] + WINDOW_SECONDS - now)
            now = self.clock()
            while sent and sent[0] <= now - WINDOW_SECONDS:
                sent.popleft()
        sent.append(now)


class LinkChecker:
    def __init__(
        self,
        *,
        timeout: float,
        per_host_per_minute: int,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        session: requests.Session | None = None,
    ) -> None:
        self.timeout = timeout
        self.limiter = HostLimiter(per_host_per_minute, clock=clock, sleep=sleep)
        self.session = session or requests.Session()
        self.session.headers["User-Agent"] = user_agent()

    @classmethod
    def from_settings(cls, **kwargs) -> "LinkChecker":
        return cls(
            timeout=settings.STET["LINK_CHECK_TIMEOUT_SECONDS"],
            per_host_per_minute=settings.STET["LINK_CHECK_PER_HOST_PER_MINUTE"],
            **kwargs,
        )

    def check(self, url: str) -> LinkResult:
        if urlsplit(url).scheme.lower() not in ("http", "https"):
            return LinkResult(LinkCheck.Outcome.BROKEN, detail="Not a web address (http or https).")
        result = self._follow(url, "HEAD")
        if result.status_code in REFUSED_HEAD:
            result = self._follow(url, "GET")
        return result

    def _follow(self, url: str, method: str) -> LinkResult:
        hops: list[dict] = []
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            self.limiter.wait_for(urlsplit(current).hostname or "")
            try:
                response = self.session.request(
                    method,
                    current,
                    allow_redirects=False,
                    timeout=self.timeout,
                    stream=True,
                )
            except requests.Timeout:
                return LinkResult(
                    LinkCheck.Outcome.TIMEOUT,
                    method=method,
                    final_url=current,
                    redirects=hops,
                    detail=f"No answer within {self.timeout:g} seconds.",
                )
            except requests.RequestException as error:
                return LinkResult(
                    LinkCheck.Outcome.UNREACHABLE,
                    method=method,
                    final_url=current,
                    redirects=hops,
                    detail=_reason(error),
                )
            # The body is never read: closing returns the connection without downloading it.
            response.close()
            status = response.status_code
            location = response.headers.get("Location")
            if status in REDIRECTS and location:
                target = urljoin(current, location)
                hops.append({"status": status, "url": target})
                if urlsplit(target).scheme.lower() not in ("http", "https"):
                    return LinkResult(
                        LinkCheck.Outcome.BROKEN,
                        status_code=status,
                        method=method,
                        final_url=target,
                        redirects=hops,
                        detail="Redirected to an address that is not a web page.",
                    )
                current = target
                continue
            if status < 400:
                return LinkResult(
                    LinkCheck.Outcome.REDIRECTED if hops else LinkCheck.Outcome.OK,
                    status_code=status,
                    method=method,
                    final_url=current,
                    redirects=hops,
                )
            return LinkResult(
                LinkCheck.Outcome.BROKEN,
                status_code=status,
                method=method,
                final_url=current,
                redirects=hops,
                detail=f"The server answered {status} {response.reason or ''}".strip() + ".",
            )
        return LinkResult(
            LinkCheck.Outcome.BROKEN,
            method=method,
            final_url=current,
            redirects=hops,
            detail=f"More than {MAX_REDIRECTS} redirects.",
        )


def _reason(error: requests.RequestException) -> str:
    text = str(error.__context__ or error) or type(error).__name__
    return f"Could not connect: {text}"[:300]


@transaction.atomic
def link_check_record(*, url: str, result: LinkResult, now: datetime.datetime) -> LinkCheck:
    """Store `result` as `url`'s last check. A link broken at the last check too keeps
    the moment it broke; a working one has none."""
    check = LinkCheck.objects.select_for_update().filter(url=url).first() or LinkCheck(url=url)
    was_broken_since = check.broken_since if check.pk and check.is_broken else None
    check.outcome = result.outcome
    check.status_code = result.status_code
    check.method = result.method
    check.final_url = result.final_url[:1000]
    check.redirects = result.redirects
    check.detail = result.detail[:300]
    check.checked_at = now
    check.broken_since = (was_broken_since or now) if check.is_broken else None
    check.save()
    return check


@dataclass
class LinkRun:
    """What one run did (recorded as the job run's summary)."""

    checked: int = 0
    broken: int = 0
    left_for_next_run: int = 0


def reference_links_check(
    *,
    checker: LinkChecker | None = None,
    urls: Iterable[str] | None = None,
    budget_seconds: float | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> LinkRun:
    """Check every address live pages cite, the stalest first, until done or the time
    budget (settings.STET["LINK_CHECK_BUDGET_SECONDS"]) is spent."""
    checker = checker or LinkChecker.from_settings()
    pending = list(reference_urls_to_check() if urls is None else urls)
    budget = (
        settings.STET["LINK_CHECK_BUDGET_SECONDS"] if budget_seconds is None else budget_seconds
    )
    started = clock()
    run = LinkRun()
    for position, url in enumerate(pending):
        if clock() - started >= budget:
            run.left_for_next_run = len(pending) - position
            break
        check = link_check_record(url=url, result=checker.check(url), now=timezone.now())
        run.checked += 1
        run.broken += check.is_broken
    return run
