"""Walk a running Stet as its visitors do: every URL of the configuration, as a reader
and as each demo role, through the front door (gunicorn, HTTPS as the documented proxy
announces it), and fail on any 5xx or any answer the permission matrix forbids.

    python .ci/production_smoke.py http://127.0.0.1:8765

It reads the same database as the deployment (the same environment) only to find real
ids for the URLs and the demo directors' one-time codes. Exits non-zero with every
problem listed.
"""

import http.client
import json
import os
import re
import sys
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")

import django  # noqa: E402

django.setup()

from django.template.loader import render_to_string  # noqa: E402
from django.urls import reverse  # noqa: E402
from django_otp.oath import TOTP  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402

from core.models import JobRun  # noqa: E402
from demo.management.commands.load_demo import DEMO_PASSWORD  # noqa: E402
from encyclopedia.models import Article  # noqa: E402
from reviews.models import Approval, Comment, ReaderFeedback, ReviewCycle  # noqa: E402
from tests.permissions.matrix import LOGIN, MATRIX, all_routes  # noqa: E402

# Demo people whose roles are exactly those of the matrix's kinds of visitor.
DEMO_PEOPLE = {
    "editor": "maria",
    "reviewer": "okafor",
    "expired_reviewer": "lee",
    "editorial_director": "brenda",
}
# Signed in too, checked for "never a 5xx" only: the demo's medical director also
# reviews, and the administrator is asked to enrol in two-factor sign-in first.
OTHER_PEOPLE = {"dugdale": False, "admin": True}  # must enrol in two-factor sign-in

problems: list[str] = []


class Browser:
    """A visitor with a cookie jar, behind the TLS proxy the README documents."""

    def __init__(self, base: str) -> None:
        parts = urlsplit(base)
        self.host, self.port = parts.hostname, parts.port
        self.origin = f"https://{parts.hostname}:{parts.port}"
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, body: dict | None = None, *, https: bool = True):
        connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
        headers = {"Host": f"{self.host}:{self.port}", "User-Agent": "stet-production-check"}
        if https:
            headers["X-Forwarded-Proto"] = "https"
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        data = None
        if body is not None:
            data = urlencode(body)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = self.origin
            headers["Referer"] = self.origin + path
        connection.request(method, path, data, headers)
        response = connection.getresponse()
        content = response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel.value:
                    self.cookies[name] = morsel.value
                else:
                    self.cookies.pop(name, None)
        connection.close()
        return response, content.decode("utf-8", "replace")

    def get(self, path: str, **kwargs):
        return self.request("GET", path, **kwargs)

    def csrf_from(self, page: str) -> str:
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)

    def sign_in(self, username: str, *, must_enrol: bool = False) -> None:
        """Sign in with the demo password, and the one-time code where enrolled; one who
        `must_enrol` in two-factor sign-in is sent to set it up before anything else."""
        login = reverse("accounts:login")
        _, page = self.get(login)
        response, _ = self.request(
            "POST",
            login,
            {"username": username, "password": DEMO_PASSWORD,
             "csrfmiddlewaretoken": self.csrf_from(page)},
        )  # fmt: skip
        check(response.status == 302, f"{username} could not sign in ({response.status})")
        where = response.getheader("Location", "")
        if urlsplit(where).path == reverse("accounts:home"):
            response, _ = self.get(where)  # on to the page of one's role, or the code first
            where = response.getheader("Location", "")
        if urlsplit(where).path == reverse("accounts:two-factor-verify"):
            device = TOTPDevice.objects.get(user__username=username, confirmed=True)
            code = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
            _, page = self.get(where)
            response, _ = self.request(
                "POST",
                where,
                {"code": f"{code.token():06d}", "csrfmiddlewaretoken": self.csrf_from(page)},
            )
            check(response.status == 302, f"{username}'s one-time code was refused")
        response, _ = self.get(reverse("accounts:security"))
        if must_enrol:
            setup = urlsplit(response.getheader("Location", "")).path
            check(
                setup == reverse("accounts:two-factor-setup"), f"{username} was not asked to enrol"
            )
        else:
            check(response.status == 200, f"{username} is not signed in ({response.status})")


def check(condition: bool, problem: str) -> None:
    if not condition:
        problems.append(problem)
        print(f"FAIL {problem}", flush=True)


def status_of(response) -> int | str:
    location = response.getheader("Location", "")
    if response.status == 302 and urlsplit(location).path in (
        reverse("accounts:login"),
        reverse("admin:login"),
    ):
        return LOGIN
    return response.status


def ids() -> dict:
    """Real ids from the demo data where there are some; a missing one must be a 404."""
    article = Article.objects.published().order_by("number").first()
    step = Approval.objects.filter(decision=Approval.Decision.PENDING).order_by("pk").first()
    cycle = ReviewCycle.objects.order_by("pk").first()
    comment = Comment.objects.order_by("pk").first()
    report = ReaderFeedback.objects.order_by("pk").first()
    return {
        "number": article.number,
        "slug": article.slug,
        "revision_id": step.submission.revision_id if step else 999999,
        "approval_id": step.pk if step else 999999,
        "comment_id": comment.pk if comment else 999999,
        "cycle_id": cycle.pk if cycle else 999999,
        "job_id": 999999,
        "feedback_id": report.pk if report else 999999,
        "token_id": 999999,
        "pk": 1,
        "reviewer_id": 1,
        "table": "reviewers",
        "path": "no-such-endpoint/",
        "uidb64": "MQ",
        "token": "no-such-token",
    }


def walk(browser: Browser, who: str, kind: str | None) -> None:
    values = ids()
    pages = [route for route in all_routes() if not route.is_admin]
    for route in pages:
        path = reverse(route.name, kwargs={key: values[key] for key in route.converters})
        response, _ = browser.get(path)
        got = status_of(response)
        expected = MATRIX[route.name].get(kind) if kind else None
        if route.name == "healthz":
            continue  # 503 until every job has run once: read with its key at the end
        check(response.status < 500, f"{who}: GET {path} answered {response.status}")
        if expected is None or response.status >= 500:
            continue
        if kind == "anonymous":
            allowed = expected if isinstance(expected, set) else {expected}
            # Where the demo has no such object, a page that is public answers 404.
            check(got in allowed or got == 404, f"{who}: GET {path} answered {got}, not {expected}")
        elif expected in (403, LOGIN):
            check(got == expected, f"{who}: GET {path} answered {got}, not {expected}")
    print(f"ok   {who}: {len(pages)} URLs walked", flush=True)


def main(base: str) -> int:
    reader = Browser(base)

    # HTTPS: plain HTTP is sent to HTTPS, except the load balancer's health check.
    response, _ = reader.get("/", https=False)
    check(response.status == 301 and response.getheader("Location", "").startswith("https://"),
          f"plain HTTP was not redirected to HTTPS ({response.status})")  # fmt: skip
    response, body = reader.get("/healthz", https=False)
    check(response.status in (200, 503), f"/healthz over HTTP answered {response.status}")

    # Headers every page carries.
    response, page = reader.get("/")
    check(response.status == 200, f"the home page answered {response.status}")
    check("max-age=" in (response.getheader("Strict-Transport-Security") or ""), "no HSTS header")
    policy = response.getheader("Content-Security-Policy") or ""
    directives = {
        words[0]: words[1:] for words in (part.split() for part in policy.split(";")) if words
    }
    check(directives.get("script-src") == ["'self'"],
          f"scripts not limited to this site's files: {policy!r}")  # fmt: skip

    # Static files, from the manifest collectstatic wrote.
    stylesheet = re.search(r'href="(/static/css/stet\.[0-9a-f]+\.css)"', page)
    check(stylesheet is not None, "the home page links no hashed stylesheet")
    if stylesheet:
        response, _ = reader.get(stylesheet.group(1))
        check(response.status == 200, f"{stylesheet.group(1)} answered {response.status}")

    # Stet's own error pages.
    response, body = reader.get("/no-such-page/")
    check(response.status == 404 and "Page not found" in body, "no Stet 404 page")
    connection = http.client.HTTPConnection(reader.host, reader.port, timeout=30)
    connection.request("GET", "/", headers={"Host": "evil.example", "X-Forwarded-Proto": "https"})
    bad = connection.getresponse()
    check(bad.status == 400 and "could not be understood" in bad.read().decode(),
          f"a forged Host header did not get Stet's 400 page ({bad.status})")  # fmt: skip
    check("Something went wrong" in render_to_string("500.html"), "the 500 page does not render")

    # Every URL, as a reader and as each role.
    walk(reader, "anonymous", "anonymous")
    for kind, username in DEMO_PEOPLE.items():
        browser = Browser(base)
        browser.sign_in(username)
        if kind == "editor":
            response, body = browser.get(reverse("reporting:dashboard"))
            check(response.status == 403 and "You cannot open this page" in body,
                  "an editor opening the dashboard did not get Stet's 403 page")  # fmt: skip
        walk(browser, username, kind)
    for username, must_enrol in OTHER_PEOPLE.items():
        browser = Browser(base)
        browser.sign_in(username, must_enrol=must_enrol)
        walk(browser, username, None)

    # The broker, a worker and beat: beat's every-minute outbox job runs on a worker.
    started = time.monotonic()
    while time.monotonic() - started < 150:
        if JobRun.objects.filter(job="send_outbox", succeeded=True).exists():
            break
        time.sleep(3)
    check(JobRun.objects.filter(job="send_outbox", succeeded=True).exists(),
          "beat's every-minute job never ran on a worker")  # fmt: skip
    token = os.environ.get("HEALTHZ_TOKEN", "")
    connection = http.client.HTTPConnection(reader.host, reader.port, timeout=30)
    connection.request("GET", "/healthz", headers={"Authorization": f"Bearer {token}"})
    health = json.loads(connection.getresponse().read())
    check(health["database"]["ok"] and health["broker"]["ok"], f"/healthz: {health}")

    if problems:
        print(f"\n{len(problems)} problem(s) in the production shape.", file=sys.stderr)
        return 1
    print("\nThe production shape serves every page as the permission matrix says.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
