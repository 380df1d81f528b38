"""The README's pictures, taken by the browser as each person sees the page: the public
article, the review diff, the director's dashboard and the finder.

    STET_SCREENSHOTS=docs/screenshots .venv/bin/pytest tests/browser/test_screenshots.py

writes them where the README shows them; without it they go to a temporary folder, so
the suite still proves each page can be pictured.
"""

import os
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.pages import open_page, sign_in
from tests.browser.test_accessibility import newsroom  # noqa: F401

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
SCREEN = {"width": 1280, "height": 860}


@pytest.fixture
def folder(tmp_path) -> Path:
    chosen = os.environ.get("STET_SCREENSHOTS")
    return Path(chosen) if chosen else tmp_path


def picture(page: Page, folder: Path, name: str) -> None:
    path = folder / f"{name}.png"
    page.screenshot(path=str(path))
    assert path.read_bytes().startswith(b"\x89PNG")


def test_the_readme_pictures(live_server, newsroom, folder, page: Page):  # noqa: F811
    base = live_server.url
    page.set_viewport_size(SCREEN)

    open_page(page, f"{base}/article/{newsroom.live.number}/")
    expect(page.get_by_role("heading", name="Atrial fibrillation", level=1)).to_be_visible()
    picture(page, folder, "public-article")

    sign_in(page, base, "okafor")
    open_page(page, f"{base}/work/revisions/{newsroom.in_review.pk}/review/")
    expect(page.locator("ins").first).to_be_visible()
    page.evaluate("document.querySelector('ins').closest('section').scrollIntoView()")
    picture(page, folder, "review-diff")

    sign_in(page, base, "brenda")
    open_page(page, f"{base}/work/dashboard/")
    expect(page.get_by_role("heading", name="Review dashboard")).to_be_visible()
    picture(page, folder, "dashboard")

    sign_in(page, base, "maria")
    open_page(page, f"{base}/work/articles/?sort=title")
    expect(page.get_by_role("heading", name="Find an article")).to_be_visible()
    picture(page, folder, "finder")
