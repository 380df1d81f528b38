"""The link checker against a local server the test starts (never the internet)."""

import http.server
import threading
import time

import pytest

from encyclopedia.link_checker import LinkChecker, link_check_record, reference_links_check
from encyclopedia.models import LinkCheck


class Handler(http.server.BaseHTTPRequestHandler):
    seen: list[tuple[str, str, str]] = []

    def log_message(self, *args):
        pass

    def _answer(self):
        Handler.seen.append((self.command, self.path, self.headers.get("User-Agent", "")))
        if self.path == "/ok":
            self.send_response(200)
        elif self.path == "/gone":
            self.send_response(404)
        elif self.path == "/hop1":
            self.send_response(301)
            self.send_header("Location", "/hop2")
        elif self.path == "/hop2":
            self.send_response(302)
            self.send_header("Location", "/ok")
        elif self.path == "/no-head" and self.command == "HEAD":
            self.send_response(405)
        elif self.path == "/no-head":
            self.send_response(200)
        elif self.path == "/slow":
            time.sleep(1)
            self.send_response(200)
        elif self.path == "/to-ftp":
            self.send_response(302)
            self.send_header("Location", "ftp://files.example/paper.pdf")
        else:
            self.send_response(500)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_HEAD = _answer
    do_GET = _answer


@pytest.fixture
def server():
    Handler.seen = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


class FakeClock:
    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += max(seconds, 0)


def checker(per_minute=100, timeout=5.0, clock=None):
    clock = clock or FakeClock()
    return LinkChecker(
        timeout=timeout, per_host_per_minute=per_minute, clock=clock, sleep=clock.sleep
    )


def test_a_working_link_is_ok_and_names_stet_as_the_caller(server):
    result = checker().check(f"{server}/ok")

    assert (result.outcome, result.status_code, result.method) == ("ok", 200, "HEAD")
    assert Handler.seen[0][2] == "Stet link checker (+https://encyclopedia.example)"


def test_a_missing_page_is_broken_with_its_status(server):
    result = checker().check(f"{server}/gone")

    assert (result.outcome, result.status_code) == ("broken", 404)
    assert "404" in result.detail


def test_a_redirect_chain_is_followed_and_each_hop_recorded(server):
    result = checker().check(f"{server}/hop1")

    assert result.outcome == "redirected"
    assert result.final_url == f"{server}/ok"
    assert result.redirects == [
        {"status": 301, "url": f"{server}/hop2"},
        {"status": 302, "url": f"{server}/ok"},
    ]


def test_a_server_refusing_head_is_asked_with_get(server):
    result = checker().check(f"{server}/no-head")

    assert (result.outcome, result.status_code, result.method) == ("ok", 200, "GET")
    assert [method for method, _, _ in Handler.seen] == ["HEAD", "GET"]


def test_a_redirect_to_another_scheme_is_not_followed(server):
    result = checker().check(f"{server}/to-ftp")

    assert result.outcome == "broken"
    assert len(Handler.seen) == 1


def test_a_server_slower_than_the_timeout_is_a_timeout(server):
    result = checker(timeout=0.2).check(f"{server}/slow")

    assert result.outcome == "timeout"


def test_nothing_listening_is_unreachable():
    result = checker().check("http://127.0.0.1:9/ok")

    assert result.outcome == "unreachable"


def test_no_host_gets_more_requests_a_minute_than_allowed(server):
    clock = FakeClock()
    times = []
    link_checker = checker(per_minute=3, clock=clock)
    original = link_checker.session.request

    def counted(*args, **kwargs):
        times.append(clock.now)
        return original(*args, **kwargs)

    link_checker.session.request = counted
    for _ in range(10):
        link_checker.check(f"{server}/ok")

    assert len(times) == 10
    for start in times:
        assert len([t for t in times if start <= t < start + 60]) <= 3
    assert clock.now >= 180


@pytest.mark.django_db
def test_a_link_still_broken_keeps_the_moment_it_broke(server):
    import datetime

    from django.utils import timezone

    first = timezone.make_aware(datetime.datetime(2026, 11, 1, 2))
    later = timezone.make_aware(datetime.datetime(2026, 11, 8, 2))
    result = checker().check(f"{server}/gone")
    link_check_record(url=f"{server}/gone", result=result, now=first)
    check = link_check_record(url=f"{server}/gone", result=result, now=later)

    assert (check.broken_since, check.checked_at) == (first, later)
    ok = link_check_record(url=f"{server}/gone", result=checker().check(f"{server}/ok"), now=later)
    assert ok.broken_since is None


@pytest.mark.django_db
def test_the_weekly_task_checks_each_cited_address_once(server, settings, maria, cardiology):
    from encyclopedia.services import ReferenceInput
    from encyclopedia.tasks import check_reference_links
    from tests.encyclopedia.factories import published_article

    refs = [
        ReferenceInput(citation="Works.", url=f"{server}/ok"),
        ReferenceInput(citation="Gone.", url=f"{server}/gone"),
    ]
    published_article(title="One", author=maria, specialty=cardiology, references=refs)
    published_article(title="Two", author=maria, specialty=cardiology, references=refs)

    assert check_reference_links() == {"checked": 2, "broken": 1}
    assert dict(LinkCheck.objects.values_list("url", "outcome")) == {
        f"{server}/ok": "ok",
        f"{server}/gone": "broken",
    }
    assert len(Handler.seen) == 2


@pytest.mark.django_db
def test_a_spent_time_budget_leaves_the_rest_for_the_next_run(server):
    clock = FakeClock()
    run = reference_links_check(
        checker=checker(clock=clock), urls=[f"{server}/ok"], budget_seconds=0, clock=clock
    )

    assert (run.checked, run.left_for_next_run) == (0, 1)
