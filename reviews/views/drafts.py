"""Creating articles and editing drafts: the draft form with optimistic concurrency
(a stale save keeps the editor's text beside the other change), its error summary, the
notice of other versions of the article in progress, and the Markdown preview."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accounts.decorators import role_required
from accounts.roles import Role
from core.errors import DomainError
from core.pages import attempt
from encyclopedia import services as content
from encyclopedia.models import SECTION_BODY_MAX_CHARS, Article, Revision
from encyclopedia.readability import readability_for
from encyclopedia.rendering import render_markdown
from encyclopedia.services import StaleDraft
from reviews import selectors, services
from reviews.diffs import word_diff_html
from reviews.forms import (
    ArticleCreateForm,
    DraftForm,
)
from reviews.views.common import TEAM, revision_or_404


@role_required(Role.EDITOR)
def article_create(request: HttpRequest) -> HttpResponse:
    form = ArticleCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        created = attempt(
            request,
            lambda: services.article_create(
                editor=request.user,
                title=form.cleaned_data["title"],
                specialty=form.cleaned_data["specialty"],
                topics=form.cleaned_data["topics"],
                summary=form.cleaned_data["summary"],
                number=form.cleaned_data["number"] or "",
            ),
            "Article created. Write its first version below.",
        )
        if created:
            draft = created.result.revisions.get()
            return redirect("reviews:revision-edit", revision_id=draft.pk)
    return render(
        request,
        "reviews/article_create.html",
        {"form": form, "error_summary": form.error_summary()},
    )


@role_required(Role.EDITOR)
@require_POST
def draft_start(request: HttpRequest, number: str) -> HttpResponse:
    article = get_object_or_404(Article, number=number)
    source = None
    if request.POST.get("source"):
        source = get_object_or_404(Revision, pk=request.POST["source"], article=article)
    started = attempt(
        request,
        lambda: services.revision_start_draft(article=article, editor=request.user, source=source),
        "Draft started. The live page does not change until it is published.",
    )
    if started:
        return redirect("reviews:revision-edit", revision_id=started.result.pk)
    return redirect("reviews:article-history", number=number)


@role_required(Role.EDITOR)
def revision_edit(request: HttpRequest, revision_id: int) -> HttpResponse:
    revision = revision_or_404(revision_id)
    if not revision.is_editable:
        messages.error(
            request,
            f"This revision is {revision.get_state_display().lower()}: its text is frozen. "
            "Take it back to draft to change it.",
        )
        return redirect("reviews:revision", revision_id=revision.pk)
    stale = None
    # A citation the content cannot hold is one more thing to fix in the sections.
    citation_refusals: list[tuple[str, str]] = []
    if request.method == "POST":
        form = DraftForm(data=request.POST)
        if form.is_valid():
            try:
                content.revision_save_draft(
                    revision=revision,
                    editor=request.user,
                    expected_version=form.cleaned_data["edit_version"],
                    title=form.cleaned_data["title"],
                    summary=form.cleaned_data["summary"],
                    sections=form.section_inputs(),
                    references=form.reference_inputs(),
                    topics=form.cleaned_data["topics"],
                    reference_positions=form.reference_positions(),
                    public_note=form.cleaned_data["public_note"],
                )
            except StaleDraft as conflict:
                messages.error(request, conflict.message)
                stale = {**_stale_context(revision_id, form), "saved_by": conflict.changed_by}
                # The next save merges on top of what is now stored.
                form.data = form.data.copy()
                form.data["edit_version"] = stale["theirs"].edit_version
            except DomainError as refusal:
                if refusal.code.startswith("citation_"):
                    citation_refusals.append((f"Sections: {refusal.message}", "sections"))
                else:
                    messages.error(request, refusal.message)
            except ValidationError as refusal:
                messages.error(
                    request, getattr(refusal, "message", None) or " ".join(refusal.messages)
                )
            else:
                messages.success(request, "Draft saved.")
                if "save_and_continue" in request.POST:
                    return redirect("reviews:revision-edit", revision_id=revision.pk)
                if "save_and_submit" in request.POST:
                    return redirect(reverse("reviews:revision", args=[revision.pk]) + "#submit")
                return redirect("reviews:revision", revision_id=revision.pk)
    else:
        form = DraftForm(initial=DraftForm.initial_for(revision))
    return render(
        request,
        "reviews/revision_edit.html",
        {
            "revision": revision,
            "form": form,
            "stale": stale,
            "error_summary": form.error_summary() + citation_refusals,
            # Another version on its way to the same page: whichever is published
            # first, the other is superseded or has to be rebased onto it.
            "in_progress": selectors.revision_list_in_progress(
                article=revision.article, exclude=revision
            ),
            # Of the draft as saved: a refused save changed nothing, so neither did these.
            "readability": readability_for(revision),
        },
    )


def _stale_context(revision_id: int, form: DraftForm) -> dict:
    """Their saved text beside the editor's, section by section, for a merge by hand."""
    theirs = revision_or_404(revision_id)
    mine = {s.heading: s.body for s in form.section_inputs()}
    sections = [
        {
            "heading": section.heading,
            "body": section.body,
            "diff": word_diff_html(mine.get(section.heading, ""), section.body),
        }
        for section in theirs.sections.all()
    ]
    return {
        "theirs": theirs,
        "title_diff": word_diff_html(form.cleaned_data["title"], theirs.title),
        "sections": sections,
    }


@role_required(*TEAM)
@require_POST
def markdown_preview(request: HttpRequest) -> HttpResponse:
    return HttpResponse(render_markdown(request.POST.get("body", "")[:SECTION_BODY_MAX_CHARS]))
