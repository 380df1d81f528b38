"""Scenarios 1 and 6 in a real browser: a change travels from an editor's draft through
every sign-off to the live page, and the live page does not move until it is published."""

import pytest
from playwright.sync_api import Page, expect

from tests.accounts.factories import PASSWORD
from tests.browser.pages import sign_in
from tests.encyclopedia.factories import published_article

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def article(maria, cardiology):
    return published_article(author=maria, specialty=cardiology)


def test_an_update_goes_from_draft_to_the_live_page(
    live_server, maria, okafor, dugdale, brenda, article, page: Page
):
    base = live_server.url

    # Maria drafts a change to Treatment and adds a 2025 guideline reference.
    sign_in(page, base, "maria")
    page.goto(f"{base}/work/articles/{article.number}/history/")
    page.get_by_role("button", name="Draft a change").click()
    expect(page.get_by_role("heading", name="Edit draft")).to_be_visible()
    page.locator("#id_sections-1-body").fill(
        "Medicines slow the heart rate. Anticoagulation is advised from a CHA2DS2-VA score of 2."
    )
    page.locator("#id_references-2-citation").fill(
        "Demo Heart Society. 2025 guideline for atrial fibrillation. 2025."
    )
    page.locator("#id_references-2-url").fill("https://example.org/af-2025")
    page.get_by_role("button", name="Save draft", exact=True).click()
    expect(page.get_by_text("Draft saved.")).to_be_visible()

    page.get_by_label("Update").check()
    page.get_by_label("Summary of the change").fill(
        "2025 ACC/AHA guideline: anticoagulation thresholds"
    )
    page.get_by_role("button", name="Submit for review").click()
    expect(page.get_by_test_id("revision-state")).to_contain_text(
        "In review — waiting on medical review"
    )

    # The live page has not changed.
    page.goto(f"{base}/article/{article.number}/")
    expect(page.get_by_text("CHA2DS2-VA")).to_have_count(0)

    # Dr. Okafor reads the word-level diff and approves with the attestation.
    sign_in(page, base, "okafor")
    page.goto(f"{base}/work/queue/")
    page.get_by_role("link", name="Compare with live").click()
    # Saved from a browser (CR LF line endings), the untouched section reads unchanged.
    expect(page.get_by_text("1 section unchanged (Causes)")).to_be_visible()
    expect(page.locator(".rendered-diff ins", has_text="CHA2DS2-VA")).to_be_visible()
    changed_reference = page.get_by_role("region", name="References").locator(
        "td", has_text="2025 guideline for atrial fibrillation"
    )
    expect(changed_reference).to_be_visible()
    # Its link has not been checked yet, and the signer is told so.
    expect(page.locator("#reference-check-3")).to_contain_text("Not checked yet")
    page.get_by_role("radio", name="Approve", exact=True).check()
    page.get_by_label("I have reviewed this content for medical accuracy.").check()
    page.get_by_label("Your password").fill(PASSWORD)
    page.get_by_role("button", name="Record decision").click()
    expect(page.get_by_text("Signed: Medical review.")).to_be_visible()

    # The medical director and the editorial director sign in turn.
    for username, attestation in (
        ("dugdale", "I have reviewed this content for medical accuracy."),
        ("brenda", "I have reviewed this content and approve it for publication."),
    ):
        sign_in(page, base, username)
        page.goto(f"{base}/work/queue/")
        page.get_by_role("link", name="Compare with live").click()
        page.get_by_role("radio", name="Approve", exact=True).check()
        page.get_by_label(attestation).check()
        page.get_by_label("Your password").fill(PASSWORD)
        page.get_by_role("button", name="Record decision").click()
        expect(page.get_by_text("Signed:")).to_be_visible()

    # Maria publishes; the reader sees the new text.
    sign_in(page, base, "maria")
    page.goto(f"{base}/work/drafts/")
    page.get_by_role("link", name="Atrial fibrillation").first.click()
    page.get_by_role("button", name="Publish…").click()
    expect(page.get_by_text("changes from v1 to v2 now")).to_be_visible()
    page.get_by_role("button", name="Publish v2 now").click()
    expect(page.get_by_text("Published: the live page now shows this revision.")).to_be_visible()

    page.goto(f"{base}/article/{article.number}/")
    expect(page.get_by_text("CHA2DS2-VA score of 2")).to_be_visible()
    expect(page.get_by_text("2025 guideline for atrial fibrillation")).to_be_visible()


def test_a_refused_save_names_each_bad_field_at_the_top_and_links_to_it(
    live_server, maria, article, page: Page
):
    base = live_server.url
    sign_in(page, base, "maria")
    page.goto(f"{base}/work/articles/{article.number}/history/")
    page.get_by_role("button", name="Draft a change").click()
    page.locator("#id_sections-1-body").fill("Rest and ablation may help.")
    page.locator("details:has(#id_references-0-url) > summary").click()  # unfold it
    page.locator("#id_references-0-url").fill("not an address")
    page.get_by_role("button", name="Save draft", exact=True).click()

    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Nothing was saved")
    summary.get_by_role("link").first.click()
    expect(page.locator("#id_references-0-url")).to_be_in_viewport()
    # Her text is still in the form.
    expect(page.locator("#id_sections-1-body")).to_have_value("Rest and ablation may help.")
