"""Every page a reader or the editorial team reaches, checked by axe-core in a real
browser as each role sees it, with data on it; and the pages a reviewer or director
opens on a phone fit its width.

A sweep visits every page before failing, so one run lists everything to fix.
"""

import datetime
from dataclasses import dataclass

import pytest
from dateutil.relativedelta import relativedelta
from django.utils import timezone
from playwright.sync_api import Page, expect

from accounts.models import ReviewerProfile
from api import services as api_services
from core.clock import today
from core.jobs import periods
from core.models import JobRun
from encyclopedia.models import Article, Revision
from reviews import cycles
from reviews import feedback as reader_feedback
from reviews import services as review_services
from reviews.models import ReaderFeedback, ReviewCycle
from tests.browser.accessibility import (
    assert_accessible,
    assert_no_sideways_scroll,
    axe_violations,
    blocking,
    describe,
)
from tests.browser.pages import open_page, sign_in
from tests.encyclopedia.factories import published_article
from tests.reviews.factories import (
    approved_revision,
    draft_change,
    proof_of,
    submitted_revision,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
PHONE = {"width": 390, "height": 844}


def failures_here(page: Page) -> list[str]:
    """The accessibility failures of the page as it is now, under its address."""
    found = blocking(axe_violations(page))
    return [f"{page.url}:\n{describe(found)}"] if found else []


def sweep(page: Page, urls: list[str]) -> list[str]:
    """The accessibility failures of each page, visited in turn."""
    failures = []
    for url in urls:
        open_page(page, url)
        failures += failures_here(page)
    return failures


@dataclass
class Newsroom:
    """A small encyclopedia mid-week: a change in review, one signed and ready to
    publish, a draft being written, an overdue review assigned to Dr. Okafor, one she has
    re-certified (waiting on the directors) and one nobody has yet."""

    live: Article
    in_review: Revision
    approved: Revision
    draft: Revision
    assigned_cycle: ReviewCycle
    recertifying_cycle: ReviewCycle
    unassigned_cycle: ReviewCycle
    reviewer: ReviewerProfile
    report: ReaderFeedback


@pytest.fixture
def newsroom(maria, tom, okafor, lee, dugdale, brenda, cardiology) -> Newsroom:
    live = published_article(title="Atrial fibrillation", author=maria, specialty=cardiology)
    in_review = submitted_revision(live, editor=maria)
    review_services.comment_add(
        revision=in_review, author=okafor.user, body="Which guideline sets the threshold?"
    )
    heart_failure = published_article(title="Heart failure", author=maria, specialty=cardiology)
    draft = draft_change(heart_failure, editor=maria)
    hypertension = published_article(title="Hypertension", author=maria, specialty=cardiology)
    approved = approved_revision(
        hypertension, editor=maria, signers=[okafor.user, dugdale.user, brenda]
    )

    thirty_months_ago = today() - relativedelta(months=30)
    for title in ("Angina", "Bradycardia", "Cardiomyopathy"):
        published_article(
            title=title, author=tom, specialty=cardiology, reviewed_on=thirty_months_ago
        )
    cycles.review_cycles_flag_overdue(today=today())
    assigned_cycle = ReviewCycle.objects.open().get(article__title="Angina")
    recertifying_cycle = ReviewCycle.objects.open().get(article__title="Cardiomyopathy")
    cycles.review_cycles_assign(
        cycles=[assigned_cycle, recertifying_cycle],
        reviewer=okafor.user,
        director=brenda,
        today=today(),
    )
    cycles.review_cycle_recertify(
        cycle=recertifying_cycle, reviewer=okafor.user, attested=True, proof=proof_of(okafor.user)
    )

    now = timezone.now()
    for job, period in periods().items():
        started = now - period / 2
        JobRun.objects.create(
            job=job,
            started_at=started,
            finished_at=started + datetime.timedelta(seconds=2),
            succeeded=True,
            summary={"opened": 2},
        )
    api_services.api_token_create(user=maria, name="Reference checker")
    report = reader_feedback.feedback_submit(
        article=live,
        message="The dose of warfarin in Treatment looks out of date.",
        email="ann@example.org",
        email_consent=True,
    )
    reader_feedback.feedback_reply(feedback=report, body="Thank you: it is corrected.", by=brenda)
    return Newsroom(
        live=live,
        in_review=in_review,
        approved=approved,
        draft=draft,
        assigned_cycle=assigned_cycle,
        recertifying_cycle=recertifying_cycle,
        unassigned_cycle=ReviewCycle.objects.open().get(article__title="Bradycardia"),
        reviewer=okafor,
        report=report,
    )


def test_the_checker_reports_an_image_without_alternative_text(page: Page):
    page.set_content(
        '<!doctype html><html lang="en"><head><title>A test page</title></head>'
        '<body><main><h1>Heart</h1><img src="data:," width="10" height="10"></main></body></html>'
    )

    with pytest.raises(AssertionError, match=r"image-alt \(critical\).*\n  - img: <img"):
        assert_accessible(page)


def test_the_checker_passes_the_same_image_with_alternative_text(page: Page):
    page.set_content(
        '<!doctype html><html lang="en"><head><title>A test page</title></head>'
        '<body><main><h1>Heart</h1><img src="data:," width="10" height="10" alt="A heart">'
        "</main></body></html>"
    )

    assert_accessible(page)


def test_the_sideways_check_reports_a_page_wider_than_the_window(page: Page):
    page.set_viewport_size(PHONE)
    page.set_content('<!doctype html><html><body><div style="width:800px">Wide</div></body></html>')

    with pytest.raises(AssertionError, match=r"is 8\d\dpx wide in a 390px window"):
        assert_no_sideways_scroll(page)


def test_every_public_page_is_accessible(live_server, newsroom, page: Page):
    base = live_server.url
    article = f"{base}/article/{newsroom.live.number}/"

    failures = sweep(
        page,
        [
            f"{base}/",
            f"{base}/articles/",
            f"{base}/articles/?letter=H",
            f"{base}/articles/?q=heart",
            article,
            f"{article}report/",
            f"{base}/accounts/login/",
            f"{base}/accounts/password/reset/",
        ],
    )
    # A refused sign-in, its message and the form sent back.
    open_page(page, f"{base}/accounts/login/")
    page.get_by_label("Username").fill("maria")
    page.get_by_label("Password").fill("not-her-password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_be_visible()
    failures += failures_here(page)

    assert not failures, "\n\n".join(failures)


def test_every_page_an_editor_uses_is_accessible(live_server, newsroom, page: Page):
    base = live_server.url
    sign_in(page, base, "maria")
    number = newsroom.live.number

    failures = sweep(
        page,
        [
            f"{base}/article/{number}/",
            f"{base}/work/drafts/",
            f"{base}/work/articles/",
            f"{base}/work/articles/new/",
            f"{base}/work/articles/{number}/history/",
            f"{base}/work/revisions/{newsroom.in_review.pk}/",
            f"{base}/work/revisions/{newsroom.draft.pk}/",
            f"{base}/work/revisions/{newsroom.draft.pk}/edit/",
            f"{base}/accounts/security/",
            f"{base}/accounts/password/",
            f"{base}/api/tokens/",
        ],
    )
    # The draft form sent back with its error summary…
    open_page(page, f"{base}/work/revisions/{newsroom.draft.pk}/edit/")
    # (Spaces pass the browser's own check of a required field; the server refuses them.)
    page.get_by_label("Title").fill("   ")
    page.get_by_role("button", name="Save draft", exact=True).click()
    expect(page.get_by_text("before this draft can be saved")).to_be_visible()
    failures += failures_here(page)
    # …the confirmation before publishing a signed revision…
    open_page(page, f"{base}/work/revisions/{newsroom.approved.pk}/")
    page.get_by_role("button", name="Publish…").click()
    publish = page.get_by_role("button", name=f"Publish v{newsroom.approved.number} now")
    expect(publish).to_be_visible()
    failures += failures_here(page)
    # …and the message of a draft saved.
    open_page(page, f"{base}/work/revisions/{newsroom.draft.pk}/edit/")
    page.get_by_role("button", name="Save draft", exact=True).click()
    expect(page.get_by_text("Draft saved.")).to_be_visible()
    failures += failures_here(page)

    assert not failures, "\n\n".join(failures)


def test_every_page_a_medical_reviewer_uses_is_accessible(live_server, newsroom, page: Page):
    base = live_server.url
    sign_in(page, base, "okafor")

    failures = sweep(
        page,
        [
            f"{base}/work/queue/",
            f"{base}/work/revisions/{newsroom.in_review.pk}/review/",
            f"{base}/work/cycles/{newsroom.assigned_cycle.pk}/",
            f"{base}/work/cycles/{newsroom.recertifying_cycle.pk}/",
            f"{base}/article/{newsroom.live.number}/",
        ],
    )
    # A signature refused for a wrong password.
    open_page(page, f"{base}/work/revisions/{newsroom.in_review.pk}/review/")
    page.get_by_role("radio", name="Approve", exact=True).check()
    page.get_by_label("I have reviewed this content for medical accuracy.").check()
    page.get_by_label("Your password").fill("not-her-password")
    page.get_by_role("button", name="Record decision").click()
    expect(page.get_by_text("That password is not right")).to_be_visible()
    failures += failures_here(page)

    assert not failures, "\n\n".join(failures)


def test_every_page_the_medical_director_uses_is_accessible(live_server, newsroom, page: Page):
    base = live_server.url
    sign_in(page, base, "dugdale")

    failures = sweep(
        page,
        [
            f"{base}/work/queue/",
            f"{base}/work/revisions/{newsroom.in_review.pk}/review/",
            f"{base}/work/cycles/{newsroom.recertifying_cycle.pk}/",
            f"{base}/work/articles/{newsroom.live.number}/history/",
        ],
    )

    assert not failures, "\n\n".join(failures)


def test_every_page_the_editorial_director_uses_is_accessible(live_server, newsroom, page: Page):
    base = live_server.url
    sign_in(page, base, "brenda")
    day = today().isoformat()

    failures = sweep(
        page,
        [
            f"{base}/work/dashboard/",
            f"{base}/work/dashboard/articles/",
            f"{base}/work/dashboard/articles/?status=overdue",
            f"{base}/work/dashboard/revisions-waiting/",
            f"{base}/work/articles/",
            f"{base}/work/articles/?q=angina",
            f"{base}/work/queue/",
            f"{base}/work/cycles/",
            f"{base}/work/cycles/{newsroom.assigned_cycle.pk}/",
            f"{base}/work/cycles/{newsroom.unassigned_cycle.pk}/",
            f"{base}/work/audit/",
            f"{base}/work/audit/?date={day}&article={newsroom.live.number}",
            f"{base}/work/jobs/",
            f"{base}/work/evidence/",
            f"{base}/work/feedback/",
            f"{base}/work/feedback/{newsroom.report.pk}/",
            f"{base}/accounts/reviewers/",
            f"{base}/accounts/reviewers/{newsroom.reviewer.pk}/",
            f"{base}/work/policy/",
            f"{base}/work/chains/",
            f"{base}/work/transfer/",
            f"{base}/accounts/security/",
            f"{base}/api/tokens/",
        ],
    )

    assert not failures, "\n\n".join(failures)


# Each page a reviewer or director opens on a phone, as (who, the page's address from the
# newsroom).
PHONE_PAGES = [
    pytest.param("okafor", "/work/queue/", id="queue"),
    pytest.param("okafor", "/work/revisions/{in_review}/review/", id="revision-review"),
    pytest.param("okafor", "/work/cycles/{assigned_cycle}/", id="cycle-detail"),
    pytest.param("brenda", "/work/dashboard/", id="dashboard"),
    pytest.param("brenda", "/work/cycles/", id="cycles"),
]


@pytest.mark.parametrize(("username", "path"), PHONE_PAGES)
def test_a_page_opened_on_a_phone_does_not_scroll_sideways(
    live_server, newsroom, username, path, page: Page
):
    page.set_viewport_size(PHONE)
    sign_in(page, live_server.url, username)
    open_page(
        page,
        live_server.url
        + path.format(in_review=newsroom.in_review.pk, assigned_cycle=newsroom.assigned_cycle.pk),
    )

    assert_no_sideways_scroll(page)
    # A table scrolling in its own box must still be reachable from the keyboard.
    assert_accessible(page)
