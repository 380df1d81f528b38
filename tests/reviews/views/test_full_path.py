"""The whole path of a change through the pages, with the demo roles (issue "Done when")."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from encyclopedia.models import Article, Revision
from tests.accounts.factories import PASSWORD
from tests.encyclopedia.factories import published_article
from tests.reviews.views.forms import draft_post_data

pytestmark = pytest.mark.django_db
NEW_YORK = ZoneInfo("America/New_York")


def at(day: int, hour: int = 10):
    return time_machine.travel(datetime.datetime(2026, 11, day, hour, tzinfo=NEW_YORK), tick=False)


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def test_a_change_goes_from_draft_to_the_live_page_through_every_sign_off(
    client, maria, okafor, dugdale, brenda, cardiology, django_capture_on_commit_callbacks
):
    article = published_article(author=maria, specialty=cardiology)
    live_v1 = article.live_revision

    # Maria drafts a change from the article's history page and edits Treatment.
    client.force_login(maria)
    with at(20):
        response = client.post(reverse("reviews:draft-start", args=[article.number]))
        draft = Revision.objects.get(article=article, state="draft")
        assert response.url == reverse("reviews:revision-edit", args=[draft.pk])
        data = draft_post_data(draft)
        data["sections-1-body"] = "Medicines slow the heart rate; apixaban prevents clots."
        response = client.post(reverse("reviews:revision-edit", args=[draft.pk]), data)
        assert response.status_code == 302
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                reverse("reviews:revision-submit", args=[draft.pk]),
                {"kind": "full_review", "change_summary": "2025 guideline: anticoagulants"},
                follow=True,
            )
    assert "Submitted for review" in " ".join(messages_of(response))
    assert "waiting on medical review" in response.content.decode()
    assert ["okafor@stet.example"] in [m.to for m in mail.outbox]
    # The live page has not changed.
    assert "apixaban" not in client.get(article.get_absolute_url()).content.decode()

    # Dr. Okafor finds it in her queue, reads the diff, and requests changes.
    client.force_login(okafor.user)
    queue = client.get(reverse("reviews:queue")).content.decode()
    assert "Atrial fibrillation v2" in queue
    review = client.get(reverse("reviews:revision-review", args=[draft.pk])).content.decode()
    assert "<del>**anticoagulants** prevent</del><ins>apixaban prevents</ins>" in review
    approval = draft.submissions.get().approvals.get(position=0)
    mail.outbox.clear()
    with at(21), django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("reviews:approval-decide", args=[approval.pk]),
            {"decision": "request_changes", "comment": "Name the dose adjustment for kidneys."},
        )
    draft.refresh_from_db()
    assert draft.state == "changes_requested"
    assert [m.to for m in mail.outbox] == [["maria@stet.example"]]

    # Maria fixes it and resubmits: a fresh chain.
    client.force_login(maria)
    with at(22):
        data = draft_post_data(draft)
        data["sections-1-body"] += " Doses are lower when the kidneys work less well."
        client.post(reverse("reviews:revision-edit", args=[draft.pk]), data)
        client.post(
            reverse("reviews:revision-submit", args=[draft.pk]),
            {"kind": "full_review", "change_summary": "2025 guideline, kidney dosing added"},
        )
    submission = draft.submissions.get(state="open")
    assert submission.number == 2

    # Reviewer, medical director and editorial director sign in turn.
    for day, person in ((23, okafor.user), (24, dugdale.user), (25, brenda)):
        client.force_login(person)
        step = submission.approvals.get(decision="pending")
        with at(day):
            response = client.post(
                reverse("reviews:approval-decide", args=[step.pk]),
                {"decision": "approve", "attested": "on", "comment": "", "password": PASSWORD},
                follow=True,
            )
        assert "Signed" in " ".join(messages_of(response)), messages_of(response)

    # Maria publishes, once the page has said what publishing does.
    client.force_login(maria)
    publish = reverse("reviews:revision-publish", args=[draft.pk])
    with at(27):
        asked = client.post(publish).content.decode()
        assert "Review Date becomes 11/23/2026" in asked
        response = client.post(publish, {"confirm": "1"}, follow=True)
    assert "Published" in " ".join(messages_of(response))

    article.refresh_from_db()
    assert article.live_revision_id == draft.pk
    assert article.last_reviewed_on == datetime.date(2026, 11, 23)  # the medical sign-off
    assert article.last_updated_on == datetime.date(2026, 11, 27)
    page = client.get(article.get_absolute_url()).content.decode()
    assert "apixaban" in page
    assert "Review Date</strong> 11/23/2026" in page
    assert "Updated by: Ngozi Okafor, MD, Associate Professor of Medicine" in page
    assert "David C. Dugdale, MD, Medical Director" in page
    assert "Brenda Conaway, Editorial Director" in page

    history = client.get(reverse("reviews:article-history", args=[article.number]))
    text = history.content.decode()
    assert "v1" in text and "v2" in text
    compare = client.get(
        reverse("reviews:article-compare", args=[article.number]),
        {"from": live_v1.pk, "to": draft.pk},
    ).content.decode()
    assert re.search(r"<ins>[^<]*apixaban prevents[^<]*</ins>", compare)


def test_the_new_article_page_creates_an_article_and_opens_its_first_draft(
    client, maria, cardiology
):
    client.force_login(maria)

    response = client.post(
        reverse("reviews:article-create"),
        {"title": "Angina", "specialty": cardiology.pk, "summary": "Chest pain.", "number": ""},
    )

    article = Article.objects.get(title="Angina")
    assert article.status == "draft"
    assert response.url == reverse("reviews:revision-edit", args=[article.revisions.get().pk])


def test_a_first_version_must_be_a_full_review(client, maria, cardiology):
    client.force_login(maria)
    client.post(
        reverse("reviews:article-create"),
        {"title": "Angina", "specialty": cardiology.pk, "summary": "", "number": ""},
    )
    draft = Article.objects.get(title="Angina").revisions.get()

    response = client.post(
        reverse("reviews:revision-submit", args=[draft.pk]),
        {"kind": "update", "change_summary": "first"},
        follow=True,
    )

    assert "needs a full medical review" in " ".join(messages_of(response))
    draft.refresh_from_db()
    assert draft.state == "draft"
