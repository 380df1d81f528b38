"""How fast readers are served: the article page under gunicorn (2 sync workers) and wrk,
uncached, from the page cache, and as a conditional request answered 304, beside the
same server's bare Django view (the ceiling) in the same run; then search, publishing
one revision, and a web worker's peak memory.

    .venv/bin/python bench/public_pages.py [N]      (default: 100000)

Runs on whatever database DATABASE_URL names, in a database of its own (see _setup),
with N articles of three ~200-word sections and ten references each. The server runs
the production settings (DEBUG off, collected static files) with a bare view added
(bench/bench_urls.py). Needs wrk (`apt-get install wrk`). Prints `name: value unit`.
"""

import datetime
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from _setup import (
    ROOT,
    TODAY,
    BenchDatabase,
    analyse,
    build_catalogue,
    build_content,
    database_label,
    report,
)
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, setup_test_environment

from accounts.models import User
from accounts.roles import Role
from encyclopedia.models import Article
from reviews import services
from reviews.warnings import READING_GRADE_ABOVE_TARGET
from tests.accounts.factories import ReviewerProfileFactory, UserFactory
from tests.reviews.factories import approved_revision

PORT = int(os.environ.get("BENCH_PORT", "18011"))
WORKERS = os.environ.get("BENCH_WORKERS", "2")
WRK = ["wrk", "-t2", "-c16", f"-d{os.environ.get('BENCH_WRK_SECONDS', '15')}s", "--latency"]
WARMUP = ["wrk", "-t2", "-c16", "-d3s"]
SEARCHES = [
    "heel spur", "fibrillation", "blood pressure", "dose", "children fever", "asthma",
    "kidney", "sleep", "skin rash", "vaccine", "headache", "pain relief", "diet", "insulin",
    "pregnancy", "allergy", "cough", "stroke", "calcificaton", "arthritis",
]  # fmt: skip


def server_environment(*, page_cache_seconds: int) -> dict:
    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        url = f"sqlite:///{database['NAME']}"
    else:
        url = (
            f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/"
            f"{database['NAME']}"
        )
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench_settings",
        "PYTHONPATH": f"{ROOT}:{ROOT / 'bench'}",
        "DATABASE_URL": url,
        "DEBUG": "0",
        "HTTPS_ONLY": "0",
        "SECRET_KEY": "bench-only-secret-key-" + "x" * 40,
        "STET_SITE_URL": f"http://127.0.0.1:{PORT}",
        "PAGE_CACHE_SECONDS": str(page_cache_seconds),
    }
    environment.pop("CELERY_TASK_ALWAYS_EAGER", None)
    return environment


class Server:
    """gunicorn with the production settings on the benchmark's database."""

    def __init__(self, *, page_cache_seconds: int):
        self.environment = server_environment(page_cache_seconds=page_cache_seconds)

    def __enter__(self):
        self.process = subprocess.Popen(
            [
                str(ROOT / ".venv/bin/gunicorn"), "config.wsgi:application",
                "--bind", f"127.0.0.1:{PORT}", "--workers", WORKERS,
                "--log-level", "warning",
            ],
            cwd=ROOT, env=self.environment,
        )  # fmt: skip
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}/bare/", timeout=1).read()
                return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("gunicorn did not start")

    def worker_peak_memory_mb(self) -> float:
        peaks = []
        for status in Path("/proc").glob("[0-9]*/status"):
            try:
                text = status.read_text()
            except OSError:
                continue
            if re.search(rf"^PPid:\s+{self.process.pid}$", text, re.M):
                peaks.append(int(re.search(r"^VmHWM:\s+(\d+)", text, re.M).group(1)) / 1024)
        return max(peaks, default=0.0)

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)


def wrk(name: str, url: str, *headers: str) -> float:
    header_args = [arg for header in headers for arg in ("-H", header)]
    subprocess.run([*WARMUP, *header_args, url], check=True, capture_output=True)
    output = subprocess.run(
        [*WRK, *header_args, url], check=True, capture_output=True, text=True
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    report(f"{name}_rps", rps, "requests/s")
    for percentile in ("50", "99"):
        line = rf"^\s+{percentile}(?:\.000)?%\s+([\d.]+)(\w+)"
        value, unit = re.search(line, output, re.M).groups()
        factor = {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
        report(f"{name}_p{percentile}", float(value) * factor, "ms")
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if errors:
        report(f"{name}_errors", int(errors.group(1)), "responses")
    return rps


def measure_pages(count: int) -> None:
    number = f"{count // 2:06d}"
    article_url = f"http://127.0.0.1:{PORT}/article/{number}/"
    bare_url = f"http://127.0.0.1:{PORT}/bare/"
    label = f"[n={count}]"
    with Server(page_cache_seconds=0) as server:
        bare = wrk(f"bare_view{label}", bare_url)
        uncached = wrk(f"article_page_uncached{label}", article_url)
    with Server(page_cache_seconds=600) as server:
        cached = wrk(f"article_page_cached{label}", article_url)
        etag = urllib.request.urlopen(article_url).headers["ETag"]
        conditional = wrk(f"article_page_304{label}", article_url, f"If-None-Match: {etag}")
        report("web_worker_peak_memory", server.worker_peak_memory_mb(), "MB")
    report(f"article_page_uncached_vs_bare{label}", 100 * uncached / bare, "%")
    report(f"article_page_cached_vs_bare{label}", 100 * cached / bare, "%")
    report(f"article_page_304_vs_bare{label}", 100 * conditional / bare, "%")


def measure_search(count: int) -> None:
    client = Client()
    timings = []
    for query in SEARCHES:
        started = time.perf_counter()
        response = client.get("/articles/", {"q": query})
        timings.append(time.perf_counter() - started)
        assert response.status_code == 200
    report(f"search_median[n={count}]", statistics.median(timings) * 1000, "ms")


def _staff(username: str, role: Role, *, specialties=None) -> User:
    """One of the benchmark's signers, made on its first run (a database kept with
    BENCH_KEEP=1 has them already); `specialties` gives them a reviewer profile."""
    user = User.objects.filter(username=username).first()
    if user is not None:
        return user
    user = UserFactory(username=username, roles=[role])
    if specialties is not None:
        ReviewerProfileFactory(
            user=user,
            licence_expires_on=TODAY + datetime.timedelta(days=365),
            specialties=specialties,
            capacity=10_000,
        )
    return user


def measure_publish(count: int, runs: int = 50) -> None:
    """Publishing one approved revision (an update signed by the whole chain), as the
    editor's "Publish" runs it: the service only, the revisions made beforehand."""
    specialty = Article.objects.get(number=f"{1:06d}").specialty
    editor = _staff("bench-maria", Role.EDITOR)
    reviewer = _staff("bench-okafor", Role.MEDICAL_REVIEWER, specialties=[specialty])
    director = _staff("bench-dugdale", Role.MEDICAL_DIRECTOR, specialties=[])
    editorial = _staff("bench-brenda", Role.EDITORIAL_DIRECTOR)
    articles = Article.objects.filter(specialty=specialty).order_by("pk")[:runs]
    approved = [
        # The made-up words read above the target grade; the signers acknowledge it.
        approved_revision(
            article,
            editor=editor,
            signers=[reviewer, director, editorial],
            acknowledged_warnings=[READING_GRADE_ABOVE_TARGET],
        )
        for article in articles
    ]
    timings, queries = [], []
    for revision in approved:
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            services.revision_publish(revision=revision, editor=editor)
            timings.append(time.perf_counter() - started)
        queries.append(len(captured))
    report(f"publish_median[n={count}]", statistics.median(timings) * 1000, "ms")
    report(f"publish_queries[n={count}]", statistics.median(queries), "queries")


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed: apt-get install wrk")
    setup_test_environment()
    subprocess.run(
        [str(ROOT / ".venv/bin/python"), "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT, env=server_environment(page_cache_seconds=0), check=True,
    )  # fmt: skip
    with BenchDatabase("pages", count):
        report("database", database_label(), "")
        if Article.objects.count() != count:
            started = time.perf_counter()
            build_catalogue(count)
            build_content()
            analyse()
            report(f"build[n={count}]", time.perf_counter() - started, "s")
        connection.close()  # the server's workers take the database from here
        measure_pages(count)
        measure_search(count)
        measure_publish(count)


if __name__ == "__main__":
    main()
