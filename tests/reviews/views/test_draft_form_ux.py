"""The draft editor on a long page: an error summary linking to each bad field, folded
sections, an oversized paste sent back whole with its limit named, topics edited on
any draft, and a notice of the article's other versions in progress."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from encyclopedia.models import Article, Topic
from reviews import services
from reviews.forms import DraftForm
from tests.reviews.factories import (
    fresh,
    submitted_revision,
)
from tests.reviews.views.forms import draft_post_data

pytestmark = pytest.mark.django_db


def page_of(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def text_of(response) -> str:
    return page_of(response).get_text(" ", strip=True)


def textarea_text(element) -> str:
    # A browser drops the newline Django writes after <textarea>.
    return element.get_text().removeprefix("\n")


def messages_of(response) -> str:
    return " ".join(str(message) for message in response.context["messages"])


@pytest.fixture
def draft(article, maria):
    return services.revision_start_draft(article=article, editor=maria)


@pytest.fixture
def anticoagulants(db):
    return Topic.objects.create(name="Anticoagulants", slug="anticoagulants")


def save(client, draft, **changes):
    return client.post(
        reverse("reviews:revision-edit", args=[draft.pk]), draft_post_data(draft, **changes)
    )


# --- The error summary ---------------------------------------------------------------


def test_a_refused_save_lists_every_error_at_the_top_each_linking_to_its_field(
    client, maria, draft
):
    client.force_login(maria)
    data = draft_post_data(draft, title="")
    data["sections-1-body"] = ""
    data["references-0-url"] = "ftp://example.org/paper"

    page = page_of(client.post(reverse("reviews:revision-edit", args=[draft.pk]), data))

    summary = page.select_one(".error-summary")
    assert summary["role"] == "alert" and summary["tabindex"] == "-1"
    links = [(a.get_text(" ", strip=True), a["href"]) for a in summary.select("a")]
    assert [href for _, href in links] == [
        "#id_title",
        "#id_sections-1-body",
        "#id_references-0-url",
    ]
    assert links[0][0] == "Title: This field is required."
    assert links[1][0] == "Section 2 (Treatment) — Body: This field is required."
    assert links[2][0].startswith("Reference 1 (Marlow JT, Osei A. Extended-interval dosing.")
    assert "— URL:" in links[2][0]
    for _, href in links:  # each link leads to a field on the page
        assert page.select_one(href) is not None
    assert fresh(draft).edit_version == draft.edit_version


def test_sections_with_errors_stay_unfolded_and_the_others_fold(client, maria, draft):
    client.force_login(maria)
    data = draft_post_data(draft)
    data["sections-1-heading"] = ""

    page = page_of(client.post(reverse("reviews:revision-edit", args=[draft.pk]), data))

    assert page.select_one("details#section-1").has_attr("open")
    assert not page.select_one("details#section-0").has_attr("open")
    assert (
        textarea_text(page.select_one("details#section-0 textarea"))
        == draft.sections.get(position=0).body
    )  # folded, not lost


def test_a_fresh_draft_shows_every_section_unfolded_and_no_summary(client, maria, draft):
    client.force_login(maria)

    page = page_of(client.get(reverse("reviews:revision-edit", args=[draft.pk])))

    assert page.select_one(".error-summary") is None
    rows = page.select("details[id^=section-]")
    assert len(rows) == draft.sections.count() + 1  # and the blank one to add a section
    assert all(row.has_attr("open") for row in rows)
    assert page.select_one(".draft-actions button[type=submit]").get_text() == "Save draft"
    assert page.select_one("form#draft-form").has_attr("data-unsaved-warning")
    assert not page.select_one("form#draft-form").has_attr("data-unsaved")


def test_too_many_sections_is_in_the_summary_linking_to_the_sections(maria, draft):
    data = draft_post_data(draft, sections=[{"heading": f"H{i}", "body": "B"} for i in range(61)])
    form = DraftForm(data=data)

    assert not form.is_valid()
    assert ("Sections: Please submit at most 60 forms.", "sections") in form.error_summary()


# --- An oversized paste ----------------------------------------------------------------


def test_an_oversized_section_body_comes_back_whole_with_its_limit_in_words(client, maria, draft):
    client.force_login(maria)
    paste = "x" * 61_204
    data = draft_post_data(draft)
    data["sections-1-body"] = paste

    response = client.post(reverse("reviews:revision-edit", args=[draft.pk]), data)

    page = page_of(response)
    message = "A section body can be at most 60,000 characters; this one has 61,204."
    assert page.select_one("#id_sections-1-body_error").get_text(strip=True) == message
    assert page.select_one(".error-summary a[href='#id_sections-1-body']") is not None
    body = page.select_one("#id_sections-1-body")
    assert textarea_text(body) == paste
    # No maxlength: a browser would cut the paste short without a word.
    assert not body.has_attr("maxlength") and body["data-max-chars"] == "60000"
    assert page.select_one("form#draft-form").has_attr("data-unsaved")
    assert fresh(draft).edit_version == draft.edit_version


def test_a_long_page_of_two_hundred_references_saves(client, maria, draft):
    client.force_login(maria)
    references = [
        {
            "citation": f"Author A. Study {n}. J Demo Med. 2020;1:{n}.",
            "url": f"https://example.org/{n}",
            "accessed_on": "",
            "pubmed_id": "",
            "doi": "",
            "ORDER": n,
        }
        for n in range(1, 201)
    ]
    data = draft_post_data(draft, references=references)
    assert len(data) > 1_000  # beyond Django's default field limit

    response = client.post(reverse("reviews:revision-edit", args=[draft.pk]), data)

    assert response.status_code == 302
    assert fresh(draft).references.count() == 200


def test_an_oversized_title_and_summary_on_a_new_article_name_their_limits(
    client, maria, cardiology
):
    client.force_login(maria)

    response = client.post(
        reverse("reviews:article-create"),
        {"title": "T" * 301, "specialty": cardiology.pk, "summary": "s" * 5_001},
    )

    text = text_of(response)
    assert "A title can be at most 300 characters; this one has 301." in text
    assert "A summary can be at most 5,000 characters; this one has 5,001." in text
    summary = page_of(response).select_one(".error-summary")
    assert [a["href"] for a in summary.select("a")] == ["#id_title", "#id_summary"]
    assert not Article.objects.exists()


# --- Topics on any draft ------------------------------------------------------------------


def test_a_later_draft_changes_the_articles_topics_with_the_change_in_its_history(
    client, maria, article, draft, anticoagulants
):
    client.force_login(maria)
    page = page_of(client.get(reverse("reviews:revision-edit", args=[draft.pk])))
    assert page.select_one(f"input[name=topics][value='{anticoagulants.pk}']") is not None

    response = save(client, draft, topics=[anticoagulants.pk])

    assert response.status_code == 302
    assert list(fresh(article).topics.all()) == [anticoagulants]
    last = article.history.order_by("-history_date", "-history_id").first()
    assert last.history_user == maria
    assert last.history_change_reason == "Draft v2 edited: topics added Anticoagulants"
    page = page_of(client.get(reverse("reviews:revision-edit", args=[draft.pk])))
    assert page.select_one(f"input[name=topics][value='{anticoagulants.pk}']").has_attr("checked")


def test_the_articles_audit_trail_shows_its_topics_changing(
    client, maria, article, draft, anticoagulants
):
    client.force_login(maria)
    save(client, draft, topics=[anticoagulants.pk])

    trail = page_of(client.get(reverse("reviews:article-history", args=[article.number])))

    rows = [" ".join(row.get_text(" ", strip=True).split()) for row in trail.select("tr")]
    assert any("Topics none Anticoagulants" in row and "Maria Santos" in row for row in rows)


def test_removing_every_topic_clears_them_and_an_unchanged_save_leaves_no_topic_history(
    client, maria, article, draft, anticoagulants
):
    article.topics.add(anticoagulants)
    client.force_login(maria)
    rows_before = article.history.count()

    save(client, draft, topics=[anticoagulants.pk])
    assert article.history.count() == rows_before

    save(client, fresh(draft))
    assert list(fresh(article).topics.all()) == []
    last = article.history.order_by("-history_date", "-history_id").first()
    assert last.history_change_reason == "Draft v2 edited: topics removed Anticoagulants"


def test_a_stale_save_changes_no_topics(client, maria, tom, article, draft, anticoagulants):
    loaded = draft_post_data(draft, topics=[anticoagulants.pk])
    client.force_login(tom)
    save(client, draft)  # Tom saves first
    client.force_login(maria)

    response = client.post(reverse("reviews:revision-edit", args=[draft.pk]), loaded)

    assert "Tom Becker changed this draft" in text_of(response)  # refused as stale
    assert list(fresh(article).topics.all()) == []


def test_a_reviewer_conflicted_on_a_newly_added_topic_is_no_longer_offered(
    client, maria, okafor, draft, anticoagulants
):
    anticoagulants.conflicted_reviewers.add(okafor)
    client.force_login(maria)

    def offered():
        page = page_of(client.get(reverse("reviews:revision", args=[draft.pk])))
        return [o.get_text(strip=True) for o in page.select("#id_reviewer option")]

    assert "Ngozi Okafor, MD" in offered()
    save(client, draft, topics=[anticoagulants.pk])
    assert "Ngozi Okafor, MD" not in offered()


# --- Another version in progress ---------------------------------------------------------------


def test_a_second_draft_warns_of_the_version_in_review_and_links_to_it(client, article, maria, tom):
    in_review = submitted_revision(article, editor=maria)
    client.force_login(tom)

    response = client.post(reverse("reviews:draft-start", args=[article.number]), follow=True)

    page = page_of(response)
    notice = page.select_one("[data-testid=other-versions]")
    assert notice is not None
    link = notice.select_one("a")
    assert link["href"] == reverse("reviews:revision", args=[in_review.pk])
    assert link.get_text() == "v2"
    assert "in review, by Maria Santos" in notice.get_text(" ", strip=True)


def test_a_draft_alone_on_its_article_shows_no_such_notice(client, maria, draft):
    client.force_login(maria)

    page = page_of(client.get(reverse("reviews:revision-edit", args=[draft.pk])))

    assert page.select_one("[data-testid=other-versions]") is None


def test_the_edit_page_does_not_grow_in_queries_with_the_versions_in_progress(
    client, article, maria, tom, django_assert_max_num_queries
):
    draft = services.revision_start_draft(article=article, editor=maria)
    services.revision_start_draft(article=article, editor=tom)
    client.force_login(maria)
    url = reverse("reviews:revision-edit", args=[draft.pk])
    with django_assert_max_num_queries(30) as few:
        client.get(url)

    for _ in range(4):
        services.revision_start_draft(article=article, editor=tom)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = page_of(client.get(url))
    assert len(page.select("[data-testid=other-versions] li")) == 5
