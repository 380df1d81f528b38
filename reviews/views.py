from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from accounts.decorators import role_required
from accounts.roles import Role
from core.clock import today
from reviews import selectors


@role_required(Role.EDITOR)
def drafts(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "reviews/drafts.html",
        {"revisions": selectors.revision_list_drafts(user=request.user)[:200]},
    )


@role_required(Role.MEDICAL_REVIEWER, Role.MEDICAL_DIRECTOR, Role.EDITORIAL_DIRECTOR)
def queue(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "reviews/queue.html",
        {"revisions": selectors.revision_list_in_review()[:200]},
    )


@role_required(Role.EDITORIAL_DIRECTOR)
def dashboard(request: HttpRequest) -> HttpResponse:
    day = today()
    page = Paginator(selectors.article_list_overdue(today=day), 50).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "reviews/dashboard.html",
        {"counts": selectors.review_schedule_counts(today=day), "page": page, "today": day},
    )
