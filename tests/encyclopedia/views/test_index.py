"""The home page and the A–Z index with title search: how readers find an article."""

import datetime
import re
import zoneinfo

import pytest
from django.utils import timezone

from encyclopedia import services
from tests.encyclopedia.factories import draft_article, published_article

TODAY = datetime.datetime(2026, 11, 27, 12, tzinfo=zoneinfo.ZoneInfo("America/New_York"))
# The index: one COUNT for the paginator and one SELECT (with the specialty joined) for
# the page; a search adds one for the page's snippets. The home page: one SELECT for the
# recently updated list.
INDEX_QUERIES = 2
SEARCH_QUERIES = 3
HOME_QUERIES = 1


@pytest.fixture(autouse=True)
def today(time_machine):
    time_machine.move_to(TODAY, tick=False)


@pytest.fixture
def publish_titled(cardiology, maria):
    def publish_titled(*titles: str, **kwargs):
        return [
            published_article(title=title, specialty=cardiology, author=maria, **kwargs)
            for title in titles
        ]

    return publish_titled


def listed_titles(response) -> list[str]:
    """The titles an index page lists: a letter's list, or a search's results in order."""
    assert response.status_code == 200
    page = response.content.decode()
    listing = re.search(r'<(ul|ol) class="(article-list|search-results)">(.*?)</\1>', page, re.S)
    if listing is None:
        return []
    return re.findall(r'<a href="/article/\d{6}/">(.*?)</a>', listing.group(3))


# --- Home -------------------------------------------------------------------------------


def test_the_home_page_links_every_letter_of_the_index(client, db):
    page = client.get("/").content.decode()

    links = re.findall(r'<a href="/articles/\?letter=([^"]+)"', page)
    assert links == [*"ABCDEFGHIJKLMNOPQRSTUVWXYZ", "%23"]


def test_the_home_page_lists_recently_updated_articles_newest_first(client, cardiology, maria):
    for day, title in [(3, "Angina"), (20, "Eczema"), (11, "Gout")]:
        published_article(
            title=title,
            specialty=cardiology,
            author=maria,
            reviewed_on=None,
            published_at=timezone.make_aware(datetime.datetime(2026, 11, day, 10)),
        )
    draft_article(title="Asthma", specialty=cardiology, author=maria)

    response = client.get("/")

    assert listed_titles(response) == ["Eczema", "Gout", "Angina"]
    assert "updated Nov. 20, 2026" in response.content.decode()


def test_the_home_page_lists_only_the_eight_most_recently_updated(client, cardiology, maria):
    for day in range(1, 11):
        published_article(
            title=f"Article of November {day}",
            specialty=cardiology,
            author=maria,
            reviewed_on=None,
            published_at=timezone.make_aware(datetime.datetime(2026, 11, day, 10)),
        )

    titles = listed_titles(client.get("/"))

    assert titles == [f"Article of November {day}" for day in range(10, 2, -1)]


def test_the_home_page_leaves_out_retired_articles(client, publish_titled, brenda):
    _angina, eczema = publish_titled("Angina", "Eczema")
    services.article_mark_retired(article=eczema, user=brenda, reason="Merged")

    assert listed_titles(client.get("/")) == ["Angina"]


# --- Browsing by letter -------------------------------------------------------------------


def test_a_letter_lists_only_published_titles_starting_with_it(
    client, publish_titled, cardiology, maria, brenda
):
    publish_titled("Eczema", "Erythema", "Epilepsy", "Angina", "Heart failure with E")
    (retired,) = publish_titled("Endocarditis")
    services.article_mark_retired(article=retired, user=brenda, reason="Merged")
    draft_article(title="Emphysema", specialty=cardiology, author=maria)

    response = client.get("/articles/?letter=E")

    assert listed_titles(response) == ["Eczema", "Epilepsy", "Erythema"]
    assert "Articles starting with E" in response.content.decode()
    assert 'href="/articles/?letter=E" aria-current="page"' in response.content.decode()


def test_a_letter_lists_titles_alphabetically_whatever_their_case(client, publish_titled):
    publish_titled("Eczema", "Erythema", "eGFR test", "Epilepsy")

    assert listed_titles(client.get("/articles/?letter=E")) == [
        "Eczema",
        "eGFR test",
        "Epilepsy",
        "Erythema",
    ]


def test_a_lowercase_letter_is_read_as_the_capital(client, publish_titled):
    publish_titled("eczema herpeticum", "Angina")

    assert listed_titles(client.get("/articles/?letter=e")) == ["eczema herpeticum"]


def test_the_hash_letter_lists_titles_starting_with_a_digit(client, publish_titled):
    publish_titled("5-alpha-reductase deficiency", "17-hydroxyprogesterone test", "Angina")

    titles = listed_titles(client.get("/articles/?letter=%23"))

    assert titles == ["17-hydroxyprogesterone test", "5-alpha-reductase deficiency"]


@pytest.mark.parametrize("letter", ["", "AB", "Ω", "1", "<script>"])
def test_an_unknown_letter_falls_back_to_a(client, publish_titled, letter):
    publish_titled("Angina", "Eczema")

    response = client.get("/articles/", {"letter": letter})

    assert listed_titles(response) == ["Angina"]
    assert "Articles starting with A" in response.content.decode()


def test_a_letter_without_articles_says_so(client, publish_titled):
    publish_titled("Angina")

    response = client.get("/articles/?letter=Q")

    assert listed_titles(response) == []
    assert "No articles start with Q." in response.content.decode()


def test_each_listed_article_shows_its_specialty(client, publish_titled):
    publish_titled("Angina")

    assert "Cardiology" in client.get("/articles/?letter=A").content.decode()


# --- Searching (the words inside pages: tests/encyclopedia/test_search.py) ---------------


def test_a_search_finds_a_title_by_part_of_a_word_in_any_case(client, publish_titled):
    publish_titled("Atrial fibrillation", "Angina", "Cystic fibrosis")

    assert listed_titles(client.get("/articles/?q=fib")) == [
        "Atrial fibrillation",
        "Cystic fibrosis",
    ]
    assert listed_titles(client.get("/articles/?q=FIBRILL")) == ["Atrial fibrillation"]


def test_every_word_of_a_search_must_match(client, publish_titled):
    publish_titled("Atrial fibrillation", "Atrial flutter", "Ventricular fibrillation")

    response = client.get("/articles/", {"q": "fib atrial"})

    assert listed_titles(response) == ["Atrial fibrillation"]
    assert "Articles matching “fib atrial”" in response.content.decode()


def test_a_search_leaves_out_drafts_and_retired_articles(
    client, publish_titled, cardiology, maria, brenda
):
    (retired,) = publish_titled("Ventricular fibrillation")
    services.article_mark_retired(article=retired, user=brenda, reason="Merged")
    draft_article(title="Atrial fibrillation in pregnancy", specialty=cardiology, author=maria)
    publish_titled("Atrial fibrillation")

    assert listed_titles(client.get("/articles/?q=fibrillation")) == ["Atrial fibrillation"]


def test_a_search_without_matches_says_so(client, publish_titled):
    publish_titled("Angina")

    response = client.get("/articles/?q=zzz")

    assert listed_titles(response) == []
    assert "No article mentions “zzz”." in response.content.decode()


def test_a_search_for_markup_is_shown_as_text(client, publish_titled):
    publish_titled("Angina")

    page = client.get("/articles/", {"q": "<script>alert(1)</script>"}).content.decode()

    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


# --- Pagination ---------------------------------------------------------------------------


@pytest.fixture
def hundred_and_one_e_articles(publish_titled):
    return publish_titled(*[f"E article {n:03d}" for n in range(1, 102)], reviewed_on=None)


def test_a_long_letter_is_split_into_pages(client, hundred_and_one_e_articles):
    first = client.get("/articles/?letter=E")
    second = client.get("/articles/?letter=E&page=2")

    first_titles, second_titles = listed_titles(first), listed_titles(second)
    assert len(first_titles) == 100
    assert first_titles[0] == "E article 001"
    assert second_titles == ["E article 101"]
    assert "Page 1 of 2" in first.content.decode()
    assert 'href="?letter=E&amp;page=2">Next</a>' in first.content.decode()
    assert 'href="?letter=E&amp;page=1">Previous</a>' in second.content.decode()


def test_a_long_search_keeps_the_query_across_pages(client, hundred_and_one_e_articles):
    page = client.get("/articles/?q=article").content.decode()

    assert 'href="?q=article&amp;page=2">Next</a>' in page


@pytest.mark.parametrize("page", ["99", "abc"])
def test_a_page_out_of_range_shows_a_real_page(client, hundred_and_one_e_articles, page):
    response = client.get("/articles/", {"letter": "E", "page": page})

    assert listed_titles(response)


# --- Cost ---------------------------------------------------------------------------------


@pytest.mark.parametrize("articles", [3, 30])
def test_the_index_costs_the_same_queries_however_many_articles(
    client, publish_titled, django_assert_max_num_queries, articles
):
    publish_titled(*[f"Eczema type {n:02d}" for n in range(articles)])

    with django_assert_max_num_queries(INDEX_QUERIES):
        by_letter = client.get("/articles/?letter=E")
    with django_assert_max_num_queries(SEARCH_QUERIES):
        by_search = client.get("/articles/?q=eczema")

    assert len(listed_titles(by_letter)) == articles
    assert len(listed_titles(by_search)) == min(articles, 20)  # a page of results


@pytest.mark.parametrize("articles", [3, 30])
def test_the_home_page_costs_the_same_queries_however_many_articles(
    client, publish_titled, django_assert_max_num_queries, articles
):
    publish_titled(*[f"Eczema type {n:02d}" for n in range(articles)])

    with django_assert_max_num_queries(HOME_QUERIES):
        response = client.get("/")

    assert len(listed_titles(response)) == min(articles, 8)
