"""Scenario 2 in a real browser: Maria and Tom open the same draft. Tom saves first.
Maria's save is refused with "Tom changed this draft 2 minutes ago"; her text is still in
the form, Tom's change is shown beside it; she merges and saves."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from reviews import services
from tests.browser.accessibility import assert_accessible
from tests.browser.pages import sign_in
from tests.encyclopedia.factories import published_article

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
MARIAS_CAUSES = "A fast, irregular heartbeat starts in the upper chambers, often after age 65."
TOMS_TREATMENT = "Medicines slow the heart rate; anticoagulants prevent clots and strokes."


def section_body(page: Page, label: str):
    """The body of one section of the draft form, found by the section's legend."""
    return page.get_by_role("group", name=label).get_by_label("Body")


@pytest.fixture
def draft(maria, tom, cardiology):
    """Maria's draft of a change to the live Atrial fibrillation page."""
    article = published_article(author=maria, specialty=cardiology)
    return services.revision_start_draft(article=article, editor=maria)


def test_a_stale_save_keeps_her_text_beside_his_and_she_merges(
    live_server, draft, page: Page, time_machine
):
    base = live_server.url
    # The server's clock moves on two minutes between the saves, as a person's would.
    time_machine.move_to(timezone.now(), tick=True)
    marias = page
    browser: Browser = page.context.browser
    toms_context = browser.new_context()
    toms = toms_context.new_page()
    toms.set_default_timeout(15_000)

    # Maria opens her draft from My drafts…
    sign_in(marias, base, "maria")
    marias.goto(f"{base}/work/drafts/")
    marias.get_by_role("link", name="Atrial fibrillation").first.click()
    marias.get_by_role("link", name="Edit draft").click()
    expect(marias.get_by_role("heading", name="Edit draft")).to_be_visible()

    # …and Tom opens the same draft from the article's history.
    sign_in(toms, base, "tom")
    toms.goto(f"{base}/work/articles/{draft.article.number}/history/")
    toms.get_by_role("link", name=f"v{draft.number}").first.click()
    toms.get_by_role("link", name="Edit draft").click()
    expect(toms.get_by_role("heading", name="Edit draft")).to_be_visible()

    # Tom rewrites Treatment and saves first.
    section_body(toms, "Section 2 (Treatment)").fill(TOMS_TREATMENT)
    toms.get_by_role("button", name="Save draft", exact=True).click()
    expect(toms.get_by_text("Draft saved.")).to_be_visible()

    time_machine.shift(datetime.timedelta(minutes=2))

    # Maria, still on the page she opened, rewrites Causes and saves: refused.
    section_body(marias, "Section 1 (Causes)").fill(MARIAS_CAUSES)
    marias.get_by_role("button", name="Save draft", exact=True).click()
    expect(marias.get_by_text("Tom Becker changed this draft 2 minutes ago.")).to_be_visible()
    expect(marias.get_by_text("Draft saved.")).to_have_count(0)
    # Her text is still in the form…
    expect(section_body(marias, "Section 1 (Causes)")).to_have_value(MARIAS_CAUSES)
    # …and beside it, what Tom saved, his words marked as only in his.
    theirs = marias.locator(
        "section", has=marias.get_by_role("heading", name="What Tom Becker saved meanwhile")
    )
    expect(theirs).to_be_visible()
    expect(theirs.locator("ins", has_text="strokes")).to_be_visible()
    assert_accessible(marias)

    # She takes Tom's Treatment into her form and saves again: both changes are kept.
    section_body(marias, "Section 2 (Treatment)").fill(TOMS_TREATMENT)
    marias.get_by_role("button", name="Save draft", exact=True).click()
    expect(marias.get_by_text("Draft saved.")).to_be_visible()

    marias.get_by_role("link", name="Edit draft").click()
    expect(section_body(marias, "Section 1 (Causes)")).to_have_value(MARIAS_CAUSES)
    expect(section_body(marias, "Section 2 (Treatment)")).to_have_value(TOMS_TREATMENT)
    toms_context.close()
