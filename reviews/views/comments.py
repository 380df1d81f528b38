"""Comments on a revision, and their resolution."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from accounts.decorators import role_required
from core.pages import attempt, next_page
from encyclopedia.models import Revision, Section
from reviews import services
from reviews.forms import (
    CommentForm,
)
from reviews.models import Comment
from reviews.views.common import TEAM


@role_required(*TEAM)
@require_POST
def comment_add(request: HttpRequest, revision_id: int) -> HttpResponse:
    revision = get_object_or_404(Revision, pk=revision_id)
    form = CommentForm(request.POST)
    section = None
    if form.is_valid() and form.cleaned_data.get("section"):
        section = Section.objects.filter(pk=form.cleaned_data["section"]).first()
    attempt(
        request,
        lambda: services.comment_add(
            revision=revision,
            author=request.user,
            body=form.data.get("body", ""),
            section=section,
        ),
        "Comment added.",
    )
    return redirect(next_page(request, reverse("reviews:revision", args=[revision_id])))


@role_required(*TEAM)
@require_POST
def comment_resolve(request: HttpRequest, comment_id: int) -> HttpResponse:
    comment = get_object_or_404(Comment, pk=comment_id)
    resolved = request.POST.get("resolved", "1") == "1"
    attempt(
        request,
        lambda: services.comment_resolve(comment=comment, user=request.user, resolved=resolved),
        "Comment resolved." if resolved else "Comment reopened.",
    )
    return redirect(next_page(request, reverse("reviews:revision", args=[comment.revision_id])))
