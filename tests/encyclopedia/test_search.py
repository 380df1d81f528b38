"""Search finds the words inside pages, not only titles: the reader's search box and the
staff finder both read encyclopedia.search. PostgreSQL ranks and forgives typos; SQLite
(the zero-set-up default) finds the same pages for ordinary queries."""

import re

import pytest
from django.db import connection

from encyclopedia import search, services
from encyclopedia.models import Article, SearchEntry
from encyclopedia.services import SectionInput
from tests.encyclopedia.factories import draft_article, edited_draft, publish, published_article

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="ranking and typo tolerance are PostgreSQL's"
)
HEEL = [
    SectionInput("Overview", "Calcium builds up in soft tissue."),
    SectionInput("Where it happens", "In the foot it shows as **heel spurs** on an X-ray."),
]


@pytest.fixture
def pages(cardiology, maria):
    """A page that names heel spurs only in its body, one that names them in its title,
    and one that does not name them at all."""
    return {
        "body": published_article(
            title="Calcification", sections=HEEL, specialty=cardiology, author=maria
        ),
        "title": published_article(title="Heel spur", specialty=cardiology, author=maria),
        "none": published_article(title="Angina", specialty=cardiology, author=maria),
    }


def found(query: str, articles=None) -> list[str]:
    articles = Article.objects.published() if articles is None else articles
    return [article.title for article in search.matching(articles, query)]


def results(client, query: str) -> tuple[list[str], list[str]]:
    """Titles and snippets of the reader's search results, in order."""
    page = client.get("/articles/", {"q": query}).content.decode()
    items = re.findall(r"<li>(.*?)</li>", page.split('class="search-results"')[-1], re.S)
    titles = [re.search(r'<a href="/article/\d{6}/">(.*?)</a>', item).group(1) for item in items]
    snippets = []
    for item in items:
        snippet = re.search(r'class="snippet">(.*?)</p>', item)
        snippets.append(snippet.group(1) if snippet else "")
    return titles, snippets


def test_a_search_finds_the_words_in_a_pages_body_title_matches_first(client, pages):
    titles, snippets = results(client, "heel spur")

    assert titles == ["Heel spur", "Calcification"]
    assert "<mark>heel</mark> <mark>spur" in snippets[1].lower()


def test_the_snippet_is_plain_text_around_the_match_never_markup(client, pages):
    _, snippets = results(client, "spurs")

    assert "**" not in snippets[-1]
    assert "X-ray" in snippets[-1]


def test_a_search_reads_the_live_text_and_follows_each_publish(pages, maria, dugdale):
    article = pages["body"]
    draft = edited_draft(
        article, editor=maria, sections=[SectionInput("Overview", "Deposits in the tendons.")]
    )
    assert found("tendons") == []  # a draft is not searched until it is live

    publish(draft)

    assert found("tendons") == ["Calcification"]
    assert "Heel spur" in found("heel") and "Calcification" not in found("heel")


def test_a_retired_page_leaves_the_readers_search(client, pages, brenda):
    services.article_mark_retired(article=pages["title"], user=brenda, reason="Merged")

    assert results(client, "heel")[0] == ["Calcification"]


def test_the_search_entry_holds_the_text_a_reader_reads(pages):
    entry = SearchEntry.objects.get(article=pages["body"])

    assert entry.title == "Calcification"
    assert "heel spurs on an X-ray" in entry.body
    assert "**" not in entry.body


def test_staff_searches_find_drafts_by_title_and_any_article_by_number(pages, cardiology, maria):
    draft = draft_article(title="Heel pain in runners", specialty=cardiology, author=maria)

    assert "Heel pain in runners" in found("heel runners", Article.objects.all())
    assert found(pages["none"].number, Article.objects.all()) == ["Angina"]
    assert found(draft.number, Article.objects.all()) == ["Heel pain in runners"]


def test_punctuation_in_a_query_is_not_an_operator(pages):
    assert found("heel & | ! ( spur") == ["Heel spur", "Calcification"]
    assert found("!!! ***") == []


@on_postgresql
def test_a_misspelt_title_is_still_found(pages):
    assert found("calcificaton") == ["Calcification"]


@on_postgresql
def test_words_are_matched_by_their_stem(pages):
    assert found("calcified") == ["Calcification"]


@on_postgresql
def test_a_publishs_words_go_into_the_search_indexes_at_once(db):
    # With GIN's pending list (fastupdate), each search would read every page published
    # since the last vacuum: searches would slow down as editors publish.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, reloptions FROM pg_class WHERE relname = ANY(%s)",
            [["searchentry_document_idx", "searchentry_title_trgm_idx"]],
        )
        options = dict(cursor.fetchall())

    assert options == {
        "searchentry_document_idx": ["fastupdate=off"],
        "searchentry_title_trgm_idx": ["fastupdate=off"],
    }
