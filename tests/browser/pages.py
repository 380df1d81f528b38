"""What every browser test does as a person would: sign in, open a page."""

from urllib.parse import urlsplit

from playwright.sync_api import Page

from tests.accounts.factories import PASSWORD


def sign_in(page: Page, base: str, username: str) -> None:
    """Sign in as `username` (everyone's password is the factories'), signed out first."""
    page.context.clear_cookies()
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def open_page(page: Page, url: str) -> None:
    response = page.goto(url)
    assert response is not None and response.ok, f"{url} answered {response and response.status}"
    # A page this person may not see would send them elsewhere, and go unchecked.
    assert urlsplit(page.url).path == urlsplit(url).path, f"{url} sent the browser to {page.url}"
    # The article page's team bar and other fragments arrive by htmx after the load.
    page.wait_for_load_state("networkidle")
