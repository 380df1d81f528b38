"""Finding articles by the words in them, for the reader's search and the staff finder.

One entry per published article (`SearchEntry`) holds the plain text of its live
revision, rewritten at every publish. On PostgreSQL the entry carries a weighted
tsvector (title, then summary, then body) with a GIN index, ranked with ts_rank, and a
trigram index on the title so a misspelt query still finds the page ("calcificaton").
Elsewhere (SQLite, the zero-set-up default) every word of the query must appear in the
title, summary or body, and title matches come first: slower and without stemming, but
the same results for ordinary queries.
"""

import re

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    TrigramWordSimilarity,
)
from django.db import connection
from django.db.models import (
    Case,
    Exists,
    F,
    FloatField,
    IntegerField,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from encyclopedia.models import Article, Revision, SearchEntry
from encyclopedia.rendering import plain_text

CONFIG = "english"
MAX_WORDS = 8
SNIPPET_WORDS = 30
# Markers ts_headline puts around matches; characters no article contains, so the
# snippet can be escaped first and marked up after.
_START, _STOP = "\ue000", "\ue001"


def postgres() -> bool:
    return connection.vendor == "postgresql"


def search_entry_write(*, revision: Revision, body: str) -> None:
    """Make the article's search entry say what `revision` (now live) says: its title,
    its summary and `body`, its sections as plain text (rendering.sections_text, kept
    with its rendering). Called by publishing, inside its transaction."""
    title, summary = revision.title, plain_text(revision.summary)
    if postgres():
        _write_entry_with_documents(revision.article_id, title, summary, body)
        return
    SearchEntry.objects.bulk_create(
        [SearchEntry(article_id=revision.article_id, title=title, summary=summary, body=body)],
        update_conflicts=True,
        unique_fields=["article"],
        update_fields=["title", "summary", "body"],
    )


def _write_entry_with_documents(article_id: int, title: str, summary: str, body: str) -> None:
    """The entry and its tsvectors in one statement: publishing waits for it."""
    table = connection.ops.quote_name(SearchEntry._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {table} (article_id, title, summary, body, document, title_document)
            SELECT v.article_id, v.title, v.summary, v.body,
                   setweight(to_tsvector(v.config, v.title), 'A')
                   || setweight(to_tsvector(v.config, v.summary), 'B')
                   || setweight(to_tsvector(v.config, v.body), 'C'),
                   to_tsvector(v.config, v.title)
            FROM (SELECT %s::bigint AS article_id, %s::text AS title, %s::text AS summary,
                         %s::text AS body, %s::regconfig AS config) AS v
            ON CONFLICT (article_id) DO UPDATE SET
                title = EXCLUDED.title, summary = EXCLUDED.summary, body = EXCLUDED.body,
                document = EXCLUDED.document, title_document = EXCLUDED.title_document
            """,
            [article_id, title, summary, body, CONFIG],
        )


def words(query: str) -> list[str]:
    """The query's words (at most MAX_WORDS), without the punctuation tsquery reads as
    operators."""
    cleaned = (re.sub(r"[^\w'-]", "", word).strip("'-") for word in query.split())
    return [word for word in cleaned if word][:MAX_WORDS]


def _tsquery(query: str) -> SearchQuery:
    """Every word, stemmed, as a prefix: "fib atrial" finds "Atrial fibrillation", as a
    reader typing expects, and "spurs" finds "spur". A word with an apostrophe or hyphen
    ("Crohn's") is its parts, each required."""
    parts = [part for word in words(query) for part in re.findall(r"\w+", word)]
    return SearchQuery(" & ".join(f"{part}:*" for part in parts), search_type="raw", config=CONFIG)


def matching(articles: QuerySet[Article], query: str) -> QuerySet[Article]:
    """`articles` whose live text matches `query`: title matches first, then the best
    ranked. Staff searches also find an article by its number, and one never published
    by its title."""
    query_words = words(query)
    if not query_words:
        return articles.none()
    query = " ".join(query_words)
    number = Q(number=query) if re.fullmatch(r"\d{6}", query) else Q(pk__in=[])
    never_published = Q(live_revision=None)
    for word in query_words:
        never_published &= Q(title__icontains=word)
    if postgres():
        return _ranked(articles, query, number | never_published)
    in_title = Q()
    anywhere = Q()
    for word in query_words:
        in_title &= Q(search_entry__title__icontains=word)
        anywhere &= (
            Q(search_entry__title__icontains=word)
            | Q(search_entry__summary__icontains=word)
            | Q(search_entry__body__icontains=word)
        )
    return (
        articles.filter(number | anywhere | never_published)
        .annotate(
            rank=Case(
                When(number, then=Value(3.0)),
                When(in_title | never_published, then=Value(2.0)),
                default=Value(1.0),
                output_field=FloatField(),
            )
        )
        .order_by("-rank", "title", "pk")
    )


def _ranked(articles: QuerySet[Article], query: str, also: Q) -> QuerySet[Article]:
    search_query = _tsquery(query)
    # Each condition is a set of entries found by its own index (GIN on the document,
    # trigrams on the title), so no page's whole document is read unless it matches.
    entries = SearchEntry.objects.values("article_id")
    found = Q(pk__in=entries.filter(document=search_query))
    # Only when no page has the words: titles that look like the query, at pg_trgm's
    # word_similarity threshold (0.6). Checked once per search.
    misspelt = Q(pk__in=entries.filter(title__trigram_word_similar=query)) & ~Exists(
        articles.filter(found)
    )
    return (
        articles.filter(found | misspelt | also)
        .annotate(
            title_first=Case(
                When(Q(search_entry__title_document=search_query) | also, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            ),
            rank=Coalesce(SearchRank(F("search_entry__document"), search_query), Value(0.0))
            + Coalesce(TrigramWordSimilarity(query, "search_entry__title"), Value(0.0)),
        )
        .order_by("-title_first", "-rank", "title", "pk")
    )


def snippets(article_ids: list[int], query: str) -> dict[int, SafeString]:
    """A short passage of each article around the words the query matched (one query,
    for a page of results)."""
    entries = SearchEntry.objects.filter(article_id__in=article_ids)
    if not words(query):
        return {}
    if postgres():
        search_query = _tsquery(query)
        rows = entries.annotate(
            passage=SearchHeadline(
                "body",
                search_query,
                config=CONFIG,
                start_sel=_START,
                stop_sel=_STOP,
                max_words=SNIPPET_WORDS,
                min_words=12,
            )
        ).values_list("article_id", "passage", "summary")
        return {
            article_id: _marked(passage if _START in passage else summary or passage)
            for article_id, passage, summary in rows
        }
    return {
        article_id: _marked(_passage(body, summary, words(query)))
        for article_id, body, summary in entries.values_list("article_id", "body", "summary")
    }


def _passage(body: str, summary: str, query_words: list[str]) -> str:
    """SQLite's headline: the body's words around the first one the query names, with
    every named word marked; the summary when the body names none."""
    pattern = re.compile("|".join(re.escape(word) for word in query_words), re.IGNORECASE)
    found = pattern.search(body)
    if found is None:
        text, start = summary or body, 0
    else:
        text, start = body, found.start()
    tokens = text[start:].split()
    before = text[:start].split()[-8:]
    passage = " ".join([*before, *tokens[: SNIPPET_WORDS - len(before)]])
    return pattern.sub(lambda match: f"{_START}{match.group(0)}{_STOP}", passage)


def _marked(passage: str) -> SafeString:
    marked = escape(" ".join(passage.split()))
    return mark_safe(marked.replace(_START, "<mark>").replace(_STOP, "</mark>"))
