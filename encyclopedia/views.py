"""The public encyclopedia: what readers see."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from core.clock import today
from encyclopedia import page_cache, page_content, search, selectors
from encyclopedia.citations import PageCitation
from encyclopedia.models import Article


@require_safe
@page_cache.cached_for_readers(lambda request: page_cache.list_key(request))
def home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "encyclopedia/home.html",
        {
            "letters": selectors.LETTERS,
            "recently_updated": selectors.article_list_recently_updated(),
        },
    )


@require_safe
@page_cache.cached_for_readers(lambda request: page_cache.list_key(request))
def index(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    letter = request.GET.get("letter", "A").upper()
    if letter not in selectors.LETTERS:
        letter = "A"
    articles = selectors.article_list_for_index(letter=letter, query=query)
    page = Paginator(articles, 20 if query else 100).get_page(request.GET.get("page"))
    if query:
        passages = search.snippets([article.pk for article in page.object_list], query)
        for article in page.object_list:
            article.snippet = passages.get(article.pk, "")
    return render(
        request,
        "encyclopedia/index.html",
        {
            "letters": selectors.LETTERS,
            "letter": None if query else letter,
            "query": query,
            "page": page,
        },
    )


@require_safe
@page_cache.cached_for_readers(lambda request, number: page_cache.article_key(number))
def article_detail(request: HttpRequest, number: str) -> HttpResponse:
    article = selectors.article_get_for_reader(number=number)
    if article is None or article.status == Article.Status.DRAFT:
        raise Http404("No article with this number has been published.")
    if article.status == Article.Status.RETIRED:
        return render(request, "encyclopedia/article_gone.html", {"article": article}, status=410)

    revision = article.live_revision
    stet = settings.STET
    url = f"{stet['SITE_URL']}{article.get_absolute_url()}"
    citation = PageCitation(
        title=revision.title,
        url=url,
        encyclopedia=stet["ENCYCLOPEDIA_NAME"],
        publisher=stet["PUBLISHER"],
        place=stet["PUBLISHER_PLACE"],
        updated_on=article.last_updated_on,
        reviewed_on=article.last_reviewed_on,
        cited_on=today(),
    )
    return render(
        request,
        "encyclopedia/article_detail.html",
        {
            "article": article,
            "revision": revision,
            "content": page_content.live_content(revision),
            "corrections": selectors.correction_list_for_reader(article=article)
            if article.has_corrections
            else (),
            "citation": citation,
            "canonical_url": url,
            "structured_data": _medical_web_page(article, url),
        },
    )


def _medical_web_page(article: Article, url: str) -> dict:
    """schema.org MedicalWebPage, with lastReviewed as encyclopedias publish it."""
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": article.live_revision.title,
        "url": url,
        "description": article.live_revision.summary,
        "about": {"@type": "MedicalCondition", "name": article.live_revision.title},
        "specialty": article.specialty.name,
        "publisher": {"@type": "Organization", "name": settings.STET["PUBLISHER"]},
        "isPartOf": {"@type": "WebSite", "name": settings.STET["ENCYCLOPEDIA_NAME"]},
    }
    if article.last_updated_on:
        data["dateModified"] = article.last_updated_on.isoformat()
    if article.last_reviewed_on:
        data["lastReviewed"] = article.last_reviewed_on.isoformat()
    if article.reviewed_by_credit:
        data["reviewedBy"] = {"@type": "Person", "name": article.reviewed_by_credit.split(",")[0]}
    return data


@require_safe
def article_by_slug(request: HttpRequest, slug: str) -> HttpResponse:
    article = selectors.article_get_by_slug(slug=slug)
    if article is None:
        raise Http404("No article has this address.")
    return redirect(article, permanent=True)


@require_safe
def article_canonical(request: HttpRequest, number: str, slug: str) -> HttpResponse:
    return redirect("encyclopedia:article", number=number, permanent=True)
