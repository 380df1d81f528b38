"""Input an attacker or an accident sends: it never answers 500, never leads off the
site, never runs in a spreadsheet, and an oversized paste comes back in its form."""

import pytest
import time_machine
from django.urls import reverse

from api.services import api_token_create
from encyclopedia.models import Revision
from reviews.models import Comment
from tests.api.clients import bearer
from tests.encyclopedia.factories import draft_article
from tests.reviews.factories import TODAY, draft_change, live_article
from tests.reviews.views.forms import draft_post_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(TODAY, tick=False) as traveller:
        yield traveller


@pytest.fixture
def draft(maria, cardiology):
    return draft_change(live_article(specialty=cardiology, author=maria), editor=maria)


@pytest.mark.parametrize(
    "target",
    ["https://evil.example/", "//evil.example/", "javascript:alert(document.cookie)",
     "https:///evil.example", "\\\\evil.example"],
)  # fmt: skip
def test_a_comment_form_never_leads_off_the_site(client, maria, draft, target):
    client.force_login(maria)

    response = client.post(
        reverse("reviews:comment-add", args=[draft.pk]), {"body": "Check the dose.", "next": target}
    )

    assert response.status_code == 302
    assert response.url == reverse("reviews:revision", args=[draft.pk])
    assert Comment.objects.filter(revision=draft, body="Check the dose.").exists()


def test_a_next_page_of_this_site_is_followed(client, maria, draft):
    client.force_login(maria)
    queue = reverse("reviews:drafts")

    response = client.post(
        reverse("reviews:comment-add", args=[draft.pk]), {"body": "Noted.", "next": queue}
    )

    assert response.url == queue


def test_an_oversized_paste_comes_back_in_the_form_with_the_limit_named(client, maria, draft):
    client.force_login(maria)
    paste = "Heart failure. " * 2_000_000  # 30 MB
    data = draft_post_data(draft)
    data["sections-0-body"] = paste

    response = client.post(reverse("reviews:revision-edit", args=[draft.pk]), data)

    assert response.status_code == 200
    page = response.content.decode()
    assert "A section body can be at most 60,000 characters; this one has 29,999,999." in page
    assert paste in page  # the editor's text is still in the form
    assert Revision.objects.get(pk=draft.pk).edit_version == draft.edit_version


def test_a_five_megabyte_title_is_refused_in_the_form(client, maria, draft):
    client.force_login(maria)
    data = draft_post_data(draft, title="A" * 5_000_000)

    response = client.post(reverse("reviews:revision-edit", args=[draft.pk]), data)

    assert response.status_code == 200
    assert "at most 300 characters" in response.content.decode()


def test_a_body_past_what_any_request_may_carry_is_a_413_page_naming_it(
    client, maria, draft, settings
):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
    client.force_login(maria)
    data = draft_post_data(draft)
    data["sections-0-body"] = "x" * (2 * 1024 * 1024)

    response = client.post(reverse("reviews:revision-edit", args=[draft.pk]), data)

    assert response.status_code == 413
    assert "at most 1 MB" in response.content.decode()


def test_a_script_sending_a_30_mb_body_gets_a_413(maria, draft):
    key = api_token_create(user=maria, name="Site build").key
    body = '{"title": "' + "x" * (30 * 1024 * 1024) + '"}'

    response = bearer(key).generic(
        "PUT", f"/api/v1/revisions/{draft.pk}/", body, content_type="application/json"
    )

    assert response.status_code == 413
    assert response.json()["code"] == "too_large"


@pytest.mark.parametrize(
    "title",
    ["Dose: 10 mg\u202e01 gm\u202c", "Warfarin\u200b", "Heart\u2066 failure\u2069"],
)
def test_a_title_that_hides_or_reorders_text_is_refused(client, maria, draft, title):
    client.force_login(maria)

    response = client.post(
        reverse("reviews:revision-edit", args=[draft.pk]), draft_post_data(draft, title=title)
    )

    assert response.status_code == 200
    assert "invisible character" in response.content.decode()
    assert Revision.objects.get(pk=draft.pk).title == draft.title


def test_options_on_an_api_endpoint_describes_it(maria, draft):
    key = api_token_create(user=maria, name="Site build").key

    response = bearer(key).options(f"/api/v1/revisions/{draft.pk}/")

    assert response.status_code == 200
    assert response.json()["schema"] == "/api/schema/"
    assert "PUT" in response["Allow"]


def test_a_draft_only_articles_slug_is_not_found_like_any_unknown_one(client, maria, cardiology):
    unpublished = draft_article(title="Embargoed trial results", author=maria, specialty=cardiology)

    by_slug = client.get(reverse("encyclopedia:article-by-slug", args=[unpublished.slug]))
    unknown = client.get(reverse("encyclopedia:article-by-slug", args=["no-such-article"]))

    assert by_slug.status_code == unknown.status_code == 404
    assert unpublished.number not in by_slug.content.decode()
