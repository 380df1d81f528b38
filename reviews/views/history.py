"""An article's history: its versions, signers and audit trail, and the comparison of
any two versions."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_safe

from accounts.decorators import role_required
from encyclopedia.models import Article, Revision
from reviews import selectors
from reviews.diffs import compare_revisions
from reviews.models import Step
from reviews.views.common import TEAM


@role_required(*TEAM)
@require_safe
def article_history(request: HttpRequest, number: str) -> HttpResponse:
    article = get_object_or_404(
        Article.objects.select_related("specialty", "live_revision"), number=number
    )
    versions = selectors.revision_list_for_history(article=article)
    return render(
        request,
        "reviews/article_history.html",
        {
            "article": article,
            "published": [v for v in versions if v.revision.state == Revision.State.PUBLISHED],
            "in_progress": [
                v.revision for v in versions if v.revision.state in selectors.UNFINISHED_STATES
            ],
            "page": Paginator(selectors.article_audit_trail(article=article), 50).get_page(
                request.GET.get("page")
            ),
        },
    )


@role_required(*TEAM)
@require_safe
def article_compare(request: HttpRequest, number: str) -> HttpResponse:
    article = get_object_or_404(Article, number=number)
    try:
        old_id, new_id = int(request.GET["from"]), int(request.GET["to"])
    except (KeyError, ValueError):
        messages.error(request, "Choose two versions to compare.")
        return redirect("reviews:article-history", number=number)
    old = selectors.revision_get(revision_id=old_id)
    new = selectors.revision_get(revision_id=new_id)
    if old is None or new is None or old.article_id != article.pk or new.article_id != article.pk:
        raise Http404("Those versions are not both of this article.")
    return render(
        request,
        "reviews/article_compare.html",
        {"article": article, "comparison": compare_revisions(old, new)},
    )


@role_required(*TEAM)
@require_safe
def article_staff_bar(request: HttpRequest, number: str) -> HttpResponse:
    """What the team sees above a live page (loaded into it for signed-in staff only):
    the article's revisions in progress and its open periodic review."""
    article = get_object_or_404(Article, number=number)
    return render(
        request,
        "reviews/_staff_bar.html",
        {
            "article": article,
            "in_progress": selectors.revision_list_in_progress(article=article).annotate(
                **selectors.pending_step_annotations()
            ),
            "open_cycle": article.review_cycles.open().select_related("assignee").first(),
            "step_labels": dict(Step.choices),
        },
    )
