"""Read queries for the public encyclopedia pages."""

import string

from django.db.models import QuerySet
from django.db.models.functions import Lower

from encyclopedia import search
from encyclopedia.models import Article, Revision

LETTERS = [*string.ascii_uppercase, "#"]


def article_get_for_reader(*, number: str) -> Article | None:
    """The article at /article/<number>/ with everything its page prints, in one query:
    the live revision's content comes rendered (encyclopedia.page_content), and its
    `has_corrections` (kept by publishing) says whether correction_list_for_reader has
    anything to list."""
    # get(), not first(): a number is unique, and the page should not pay for sorting
    # one row by title.
    try:
        return Article.objects.select_related("live_revision__rendering", "specialty").get(
            number=number
        )
    except Article.DoesNotExist:
        return None


def article_get_by_slug(*, slug: str) -> Article | None:
    """The article a reader's slug address names: one that has been public (published or
    retired). A draft's slug answers as if it did not exist, so no address leaks it."""
    articles = Article.objects.exclude(status=Article.Status.DRAFT).only("number", "status")
    return articles.filter(slug=slug).first()


def article_list_for_index(*, letter: str | None = None, query: str = "") -> QuerySet[Article]:
    """Published articles for the A–Z index: by first letter, or, for a search, every
    page whose words match, best first (see encyclopedia.search)."""
    articles = Article.objects.published().only("number", "title", "slug", "specialty__name")
    articles = articles.select_related("specialty")
    if query:
        return search.matching(articles, query)
    return articles.starting_with(letter or "A").order_by(Lower("title"), "title")


def article_list_recently_updated(*, limit: int = 8) -> QuerySet[Article]:
    return (
        Article.objects.published()
        .exclude(last_updated_on=None)
        .only("number", "title", "last_updated_on")
        .order_by("-last_updated_on", "title")[:limit]
    )


def correction_list_for_reader(*, article: Article) -> QuerySet[Revision]:
    """The corrections an article's page lists: every correction that was published with
    a public note, newest first, whether or not a later version has replaced it."""
    return (
        Revision.objects.filter(article=article)
        .public_corrections()
        .only("published_at", "public_note")
        .order_by("-published_at", "-number")
    )
