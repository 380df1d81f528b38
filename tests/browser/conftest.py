"""A real Chromium (Debian's package) driven by Playwright against pytest-django's live
server. Nothing is downloaded: the browser must be installed (`.ci/run` installs it).

Playwright's sync API runs the test on a greenlet of its own, with its own context, in
which Django opens fresh database connections. So a browser test makes its data in
fixtures listed before `page`, and Playwright is started and stopped for each test, so
the tests that follow get their usual connections back.
"""

import os
import shutil

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture
def page(live_server):
    if CHROMIUM is None:
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    # Assertions made between page actions run inside Playwright's event loop.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        page = browser.new_page()
        page.set_default_timeout(15_000)
        yield page
        browser.close()
