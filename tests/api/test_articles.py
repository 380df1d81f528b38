"""Articles: the list with its filters and cursor pages, one article, its live page, and
creating one. Readers see what the public site shows; the team sees everything."""

import datetime

import pytest

from encyclopedia.models import Article, Revision
from reviews import services
from reviews.models import AuditEvent
from tests.encyclopedia.factories import draft_article, published_article

pytestmark = pytest.mark.django_db

ARTICLES = "/api/v1/articles/"


@pytest.fixture
def catalogue(cardiology, dermatology, maria, brenda):
    """One article in each state and review state (today is 2026-11-27; due soon = within
    60 days)."""
    made = {
        "overdue": published_article(
            title="Atrial fibrillation", specialty=cardiology, author=maria,
            reviewed_on=datetime.date(2024, 7, 23),
        ),
        "due_soon": published_article(
            title="Bradycardia", specialty=cardiology, author=maria,
            reviewed_on=datetime.date(2025, 1, 10),
        ),
        "current": published_article(
            title="Eczema", specialty=dermatology, author=maria,
            reviewed_on=datetime.date(2026, 1, 5),
        ),
        "never_reviewed": published_article(
            title="Hives", specialty=dermatology, author=maria, reviewed_on=None,
            published_at=datetime.datetime(2026, 3, 2, 12, tzinfo=datetime.UTC),
        ),
        "draft": draft_article(title="Gout", specialty=cardiology, author=maria),
        "retired": published_article(
            title="Dropsy", specialty=cardiology, author=maria,
            reviewed_on=datetime.date(2026, 2, 1),
        ),
    }  # fmt: skip
    services.article_retire(article=made["retired"], director=brenda, reason="Merged")
    return {name: Article.objects.get(pk=article.pk) for name, article in made.items()}


def titles(response) -> list[str]:
    assert response.status_code == 200, response.json()
    return [row["title"] for row in response.json()["results"]]


def test_readers_list_only_published_articles_without_the_schedule(anonymous, catalogue):
    response = anonymous.get(ARTICLES)

    assert titles(response) == ["Atrial fibrillation", "Bradycardia", "Eczema", "Hives"]
    first = response.json()["results"][0]
    assert first["schedule"] is None
    assert first["last_reviewed_on"] == "2024-07-23"
    assert first["url"] == f"https://encyclopedia.example/article/{first['number']}/"
    assert first["credits"]["updated_by"].startswith("Linda J. Vorvick, MD")


def test_the_team_lists_every_article_with_its_schedule(signed_in, catalogue, okafor):
    response = signed_in(okafor.user).get(ARTICLES)

    assert len(titles(response)) == 6
    rows = {row["title"]: row for row in response.json()["results"]}
    assert rows["Atrial fibrillation"]["schedule"] == {
        "next_review_due": "2026-07-23",
        "review_interval_months": None,
        "review_state": "overdue",
    }
    assert rows["Gout"]["schedule"]["review_state"] is None
    assert rows["Gout"]["live_revision"] is None
    assert rows["Dropsy"]["status"] == "retired"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("specialty=dermatology", ["Eczema", "Hives"]),
        ("status=draft", ["Gout"]),
        ("status=retired", ["Dropsy"]),
        ("review_state=overdue", ["Atrial fibrillation"]),
        ("review_state=due_soon", ["Bradycardia"]),
        ("review_state=current", ["Eczema"]),
        ("review_state=never_reviewed", ["Hives"]),
        ("due_before=2027-01-10", ["Atrial fibrillation"]),
        ("due_after=2027-01-10", ["Eczema", "Dropsy"]),
        ("due_after=2027-01-09&due_before=2027-01-11", ["Bradycardia"]),
        ("updated_since=2026-01-06", ["Hives", "Dropsy"]),
        ("updated_since=2026-01-05", ["Eczema", "Hives", "Dropsy"]),
        ("specialty=cardiology&review_state=overdue", ["Atrial fibrillation"]),
        ("status=&specialty=", ["Atrial fibrillation", "Bradycardia", "Eczema", "Hives",
                                "Gout", "Dropsy"]),
    ],
)  # fmt: skip
def test_the_team_filters_articles(signed_in, catalogue, brenda, query, expected):
    response = signed_in(brenda).get(f"{ARTICLES}?{query}")

    assert sorted(titles(response)) == sorted(expected)


def test_readers_filter_by_specialty_and_updated_date(anonymous, catalogue):
    assert titles(anonymous.get(f"{ARTICLES}?specialty=dermatology")) == ["Eczema", "Hives"]
    assert titles(anonymous.get(f"{ARTICLES}?updated_since=2026-03-01")) == ["Hives"]
    assert titles(anonymous.get(f"{ARTICLES}?status=draft")) == []


def test_readers_search_the_words_in_published_pages(anonymous, signed_in, catalogue, maria):
    # Every page's treatment section mentions anticoagulants (the factories' default).
    assert titles(anonymous.get(f"{ARTICLES}?q=anticoagulants")) == [
        "Atrial fibrillation", "Bradycardia", "Eczema", "Hives",
    ]  # fmt: skip
    assert titles(anonymous.get(f"{ARTICLES}?q=eczema explained")) == ["Eczema"]
    assert titles(anonymous.get(f"{ARTICLES}?q=gout")) == []  # a draft
    assert titles(signed_in(maria).get(f"{ARTICLES}?q=gout")) == ["Gout"]


@pytest.mark.parametrize("query", ["review_state=overdue", "due_before=2027-01-01"])
def test_the_review_schedule_is_not_searchable_by_readers(anonymous, catalogue, query):
    response = anonymous.get(f"{ARTICLES}?{query}")

    assert response.status_code == 403
    assert response.json()["code"] == "wrong_role"


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("status=lost", "status"),
        ("review_state=late", "review_state"),
        ("due_before=2026-02-30", "due_before"),
        ("updated_since=yesterday", "updated_since"),
        ("specialty=not a slug", "specialty"),
    ],
)
def test_bad_filters_get_field_errors(signed_in, catalogue, maria, query, field):
    response = signed_in(maria).get(f"{ARTICLES}?{query}")

    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid"
    assert list(body["fields"]) == [field]


def test_the_list_comes_in_cursor_pages_in_number_order(anonymous, catalogue):
    first = anonymous.get(f"{ARTICLES}?page_size=3").json()
    assert [row["title"] for row in first["results"]] == [
        "Atrial fibrillation", "Bradycardia", "Eczema",
    ]  # fmt: skip
    assert first["previous"] is None

    second = anonymous.get(first["next"]).json()
    assert [row["title"] for row in second["results"]] == ["Hives"]
    assert second["next"] is None

    bad = anonymous.get(f"{ARTICLES}?cursor=garbage")
    assert bad.status_code == 404
    assert bad.json()["code"] == "not_found"


# --- One article ----------------------------------------------------------------------------


def test_readers_read_a_published_article(anonymous, catalogue):
    article = catalogue["overdue"]

    response = anonymous.get(f"{ARTICLES}{article.number}/")

    assert response.status_code == 200
    body = response.json()
    assert body["number"] == article.number
    assert body["live_revision"] == {"id": article.live_revision_id, "number": 1}
    assert body["specialty"] == {"slug": "cardiology", "name": "Cardiology"}
    assert body["schedule"] is None


def test_readers_get_404_for_a_draft_and_410_for_a_retired_article(anonymous, catalogue):
    for path in ("", "live/"):
        draft = anonymous.get(f"{ARTICLES}{catalogue['draft'].number}/{path}")
        assert draft.status_code == 404
        assert draft.json()["code"] == "not_found"
        retired = anonymous.get(f"{ARTICLES}{catalogue['retired'].number}/{path}")
        assert retired.status_code == 410
        assert retired.json() == {"code": "retired", "detail": "This article was retired."}
    assert anonymous.get(f"{ARTICLES}999999/").status_code == 404


def test_the_team_reads_drafts_and_retired_articles(signed_in, catalogue, maria):
    client = signed_in(maria)

    assert client.get(f"{ARTICLES}{catalogue['draft'].number}/").json()["status"] == "draft"
    assert client.get(f"{ARTICLES}{catalogue['retired'].number}/").status_code == 200
    # A draft article has no live page yet.
    assert client.get(f"{ARTICLES}{catalogue['draft'].number}/live/").status_code == 404


def test_the_live_page_has_the_content_dates_and_credits_the_site_prints(anonymous, article):
    response = anonymous.get(f"{ARTICLES}{article.number}/live/")

    assert response.status_code == 200
    body = response.json()
    assert body["article"]["number"] == article.number
    assert body["revision"] == {"id": article.live_revision_id, "number": 1}
    assert body["last_reviewed_on"] == "2024-07-23"
    assert body["credits"]["also_reviewed_by"] == [
        {"name": "David C. Dugdale, MD", "role": "Medical Director"},
        {"name": "Brenda Conaway", "role": "Editorial Director"},
    ]
    assert [s["heading"] for s in body["sections"]] == ["Causes", "Treatment"]
    assert body["sections"][0]["body_html"].startswith("<p>A fast, irregular")
    assert body["references"][0]["accessed_on"] == "2024-07-01"
    assert body["references"][1]["pubmed_id"] == "31234567"


def test_a_draft_change_does_not_show_on_the_live_page(anonymous, signed_in, article, maria):
    draft = services.revision_start_draft(article=article, editor=maria)
    signed_in(maria).put(
        f"/api/v1/revisions/{draft.pk}/",
        {
            "edit_version": draft.edit_version,
            "title": "Atrial fibrillation (AFib)",
            "summary": "Changed.",
            "sections": [{"heading": "Causes", "body": "Rewritten."}],
            "references": [],
        },
    )

    body = anonymous.get(f"{ARTICLES}{article.number}/live/").json()

    assert body["title"] == "Atrial fibrillation"
    assert len(body["sections"]) == 2


# --- Creating an article ---------------------------------------------------------------------


def test_an_editor_creates_an_article_with_its_first_draft(with_token, maria, cardiology):
    client = with_token(maria)

    response = client.post(
        ARTICLES,
        {
            "title": "Heart murmur",
            "specialty": "cardiology",
            "summary": "Sounds the heart makes.",
            "number": "004321",
            "review_interval_months": 12,
            "sections": [{"heading": "Causes", "body": "Often harmless."}],
            "references": [
                {"citation": "Demo Heart Society. Murmurs. 2024.", "url": "https://example.org/m"}
            ],
        },
    )

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["number"] == "004321"
    assert body["status"] == "draft"
    assert body["schedule"]["review_interval_months"] == 12
    article = Article.objects.get(number="004321")
    draft = article.revisions.get()
    assert draft.state == Revision.State.DRAFT and draft.author == maria
    assert [s.heading for s in draft.sections.all()] == ["Causes"]
    assert draft.references.get().url == "https://example.org/m"
    assert AuditEvent.objects.filter(article=article, action="create_article").exists()


def test_an_article_number_already_taken_is_a_field_error(signed_in, maria, article):
    response = signed_in(maria).post(
        ARTICLES, {"title": "Another", "specialty": "cardiology", "number": article.number}
    )

    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "number_taken"
    assert list(body["fields"]) == ["number"]


@pytest.mark.parametrize(
    ("payload", "fields"),
    [
        ({}, {"title", "specialty"}),
        ({"title": "X", "specialty": "oncology"}, {"specialty"}),
        ({"title": "X", "specialty": "cardiology", "number": "12345"}, {"number"}),
        ({"title": "X", "specialty": "cardiology", "number": "١٢٣٤٥٦"}, {"number"}),
        ({"title": "X" * 301, "specialty": "cardiology"}, {"title"}),
        ({"title": "X", "specialty": "cardiology", "review_interval_months": 0},
         {"review_interval_months"}),
        ({"title": "X\x00", "specialty": "cardiology"}, {"title"}),
        ({"title": "X", "specialty": "cardiology", "topics": ["nothing"]}, {"topics"}),
        ({"title": "X", "specialty": "cardiology",
          "references": [{"citation": "C", "url": "javascript:alert(1)"}]}, {"references"}),
        ({"title": "X", "specialty": "cardiology",
          "sections": [{"heading": "H", "body": "b" * 60_001}]}, {"sections"}),
    ],
)  # fmt: skip
def test_bad_article_input_gets_field_errors_and_creates_nothing(
    signed_in, maria, cardiology, payload, fields
):
    response = signed_in(maria).post(ARTICLES, payload)

    assert response.status_code == 400
    assert set(response.json()["fields"]) == fields
    assert not Article.objects.exists()


def test_a_lone_surrogate_in_json_text_is_a_field_error_not_a_crash(signed_in, maria, cardiology):
    response = signed_in(maria).generic(
        "POST",
        ARTICLES,
        '{"title": "Bad \\ud800 text", "specialty": "cardiology"}',
        content_type="application/json",
    )

    assert response.status_code == 400
    assert list(response.json()["fields"]) == ["title"]


def test_only_editors_create_articles(signed_in, anonymous, okafor, cardiology):
    payload = {"title": "Heart murmur", "specialty": "cardiology"}

    refused = signed_in(okafor.user).post(ARTICLES, payload)
    assert refused.status_code == 403
    assert refused.json() == {"code": "wrong_role", "detail": "This is for the editor role."}
    assert anonymous.post(ARTICLES, payload).status_code == 401
    assert not Article.objects.exists()


def test_specialties_and_topics_are_listed_for_everyone(anonymous, cardiology, dermatology):
    assert anonymous.get("/api/v1/specialties/").json() == [
        {"slug": "cardiology", "name": "Cardiology"},
        {"slug": "dermatology", "name": "Dermatology"},
    ]
    assert anonymous.get("/api/v1/topics/").json() == []
