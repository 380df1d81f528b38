"""The editorial team's pages. Every action calls a service; a refusal comes back as a
message on the page (never a 500), and every form works without JavaScript."""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from accounts.decorators import role_required
from accounts.models import ReviewerProfile
from accounts.roles import Role
from core.clock import today
from core.errors import DomainError
from encyclopedia import services as content
from encyclopedia.models import Article, ReviewPolicy, Revision, Section, SpecialtyReviewInterval
from encyclopedia.rendering import render_markdown
from encyclopedia.services import StaleDraft
from reviews import cycles as review_cycles
from reviews import selectors, services, workflow
from reviews.diffs import compare_revisions, word_diff_html
from reviews.forms import (
    ArticleCreateForm,
    AssignForm,
    ChainForm,
    CommentForm,
    CycleAssignForm,
    CycleChangesForm,
    DecisionForm,
    DraftForm,
    OutOfCycleForm,
    OverrideForm,
    PolicyForm,
    RecertifyForm,
    SpecialtyIntervalForm,
    SubmitForm,
)
from reviews.models import Approval, ChainStep, Comment, ReviewCycle, Step

TEAM = (Role.EDITOR, Role.MEDICAL_REVIEWER, Role.MEDICAL_DIRECTOR, Role.EDITORIAL_DIRECTOR)
SIGNERS = (Role.MEDICAL_REVIEWER, Role.MEDICAL_DIRECTOR, Role.EDITORIAL_DIRECTOR)


@dataclass(frozen=True)
class _Outcome:
    ok: bool
    result: object = None

    def __bool__(self) -> bool:
        return self.ok


def _attempt(request: HttpRequest, action: Callable, success: str | Callable) -> _Outcome:
    """Run a service call; report its refusal as a message instead of an error page.
    `success` is the message, or a function of the service's result that writes it."""
    try:
        result = action()
    except DomainError as refusal:
        messages.error(request, refusal.message)
        return _Outcome(False)
    except ValidationError as invalid:
        messages.error(request, " ".join(invalid.messages))
        return _Outcome(False)
    messages.success(request, success(result) if callable(success) else success)
    return _Outcome(True, result)


def _revision_or_404(revision_id: int) -> Revision:
    revision = selectors.revision_get(revision_id=revision_id)
    if revision is None:
        raise Http404("No such revision.")
    return revision


# --- Homes ----------------------------------------------------------------------------


@role_required(Role.EDITOR)
@require_safe
def drafts(request: HttpRequest) -> HttpResponse:
    revisions = list(selectors.revision_list_drafts(user=request.user)[:200])
    return render(
        request,
        "reviews/drafts.html",
        {
            "revisions": revisions,
            "changes_requested": [
                r for r in revisions if r.state == Revision.State.CHANGES_REQUESTED
            ],
            "recently_published": selectors.revision_list_recently_published(user=request.user),
            "step_labels": dict(Step.choices),
        },
    )


@role_required(*SIGNERS)
@require_safe
def queue(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "reviews/queue.html",
        {
            "approvals": selectors.approval_queue(user=request.user, today=today())[:200],
            "cycles": selectors.cycle_list_for_reviewer(user=request.user)[:200],
            "decided": selectors.approval_list_decided(user=request.user),
            "today": today(),
        },
    )


# --- Articles and drafts ------------------------------------------------------------------


@role_required(Role.EDITOR)
def article_create(request: HttpRequest) -> HttpResponse:
    form = ArticleCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        created = _attempt(
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
    return render(request, "reviews/article_create.html", {"form": form})


@role_required(Role.EDITOR)
@require_POST
def draft_start(request: HttpRequest, number: str) -> HttpResponse:
    article = get_object_or_404(Article, number=number)
    source = None
    if request.POST.get("source"):
        source = get_object_or_404(Revision, pk=request.POST["source"], article=article)
    started = _attempt(
        request,
        lambda: services.revision_start_draft(article=article, editor=request.user, source=source),
        "Draft started. The live page does not change until it is published.",
    )
    if started:
        return redirect("reviews:revision-edit", revision_id=started.result.pk)
    return redirect("reviews:article-history", number=number)


@role_required(Role.EDITOR)
def revision_edit(request: HttpRequest, revision_id: int) -> HttpResponse:
    revision = _revision_or_404(revision_id)
    if not revision.is_editable:
        messages.error(
            request,
            f"This revision is {revision.get_state_display().lower()}: its text is frozen. "
            "Take it back to draft to change it.",
        )
        return redirect("reviews:revision", revision_id=revision.pk)
    stale = None
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
                )
            except StaleDraft as conflict:
                messages.error(request, conflict.message)
                stale = _stale_context(revision_id, form)
                # The next save merges on top of what is now stored.
                form.data = form.data.copy()
                form.data["edit_version"] = stale["theirs"].edit_version
            except (DomainError, ValidationError) as refusal:
                messages.error(
                    request, getattr(refusal, "message", None) or " ".join(refusal.messages)
                )
            else:
                messages.success(request, "Draft saved.")
                if "save_and_continue" in request.POST:
                    return redirect("reviews:revision-edit", revision_id=revision.pk)
                return redirect("reviews:revision", revision_id=revision.pk)
    else:
        form = DraftForm(initial=DraftForm.initial_for(revision))
    return render(
        request,
        "reviews/revision_edit.html",
        {"revision": revision, "form": form, "stale": stale},
    )


def _stale_context(revision_id: int, form: DraftForm) -> dict:
    """Their saved text beside the editor's, section by section, for a merge by hand."""
    theirs = _revision_or_404(revision_id)
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
    return HttpResponse(render_markdown(request.POST.get("body", "")[:60_000]))


# --- The revision page and its workflow actions --------------------------------------------


@role_required(*TEAM)
@require_safe
def revision_detail(request: HttpRequest, revision_id: int) -> HttpResponse:
    revision = _revision_or_404(revision_id)
    submissions = selectors.submission_list_for(revision=revision)
    current = submissions[0] if submissions else None
    pending = next(
        (a for a in (current.approvals.all() if current else []) if a.decision == "pending"), None
    )
    day = today()
    qualified = services.eligible_reviewers(
        article=revision.article,
        exclude_users=[revision.author_id, *[u.pk for u in revision.contributors.all()]],
        on=day,
    )
    reviewers = ReviewerProfile.objects.filter(pk__in=[profile.pk for profile in qualified])
    return render(
        request,
        "reviews/revision_detail.html",
        {
            "revision": revision,
            "article": revision.article,
            "submissions": submissions,
            "current": current,
            "pending": pending,
            "refusal": services.sign_off_refusal(approval=pending, user=request.user, on=day)
            if pending
            else None,
            "can": {name: workflow.allowed(revision, name) for name in workflow.TRANSITIONS},
            "is_stale": revision.based_on_id != revision.article.live_revision_id,
            "submit_form": SubmitForm(
                initial={"kind": revision.kind, "change_summary": revision.change_summary},
                reviewers=reviewers,
            ),
            "assign_form": AssignForm(step=pending.step, initial={"assignee": pending.assignee_id})
            if pending
            else None,
            "comments": selectors.comment_list_for(revision=revision),
            "comment_form": CommentForm(),
            "events": selectors.audit_event_list_for(revision=revision),
        },
    )


def _workflow_action(request, revision_id: int, action: Callable, success: str):
    revision = get_object_or_404(Revision, pk=revision_id)
    _attempt(request, lambda: action(revision), success)
    return redirect("reviews:revision", revision_id=revision_id)


@role_required(Role.EDITOR)
@require_POST
def revision_submit(request: HttpRequest, revision_id: int) -> HttpResponse:
    form = SubmitForm(request.POST, reviewers=ReviewerProfile.objects.all())
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        return redirect("reviews:revision", revision_id=revision_id)
    return _workflow_action(
        request,
        revision_id,
        lambda r: services.revision_submit(
            revision=r,
            editor=request.user,
            kind=form.cleaned_data["kind"],
            change_summary=form.cleaned_data["change_summary"],
            reviewer=form.cleaned_data["reviewer"],
        ),
        "Submitted for review. The live page does not change until it is published.",
    )


@role_required(Role.EDITOR)
@require_POST
def revision_take_back(request: HttpRequest, revision_id: int) -> HttpResponse:
    return _workflow_action(
        request,
        revision_id,
        lambda r: services.revision_take_back(revision=r, editor=request.user),
        "Taken back to draft. Sign-offs already given are void; resubmit when ready.",
    )


@role_required(Role.EDITOR)
@require_POST
def revision_withdraw(request: HttpRequest, revision_id: int) -> HttpResponse:
    return _workflow_action(
        request,
        revision_id,
        lambda r: services.revision_withdraw(
            revision=r, editor=request.user, note=request.POST.get("note", "")
        ),
        "Revision withdrawn.",
    )


@role_required(Role.EDITOR)
@require_POST
def revision_publish(request: HttpRequest, revision_id: int) -> HttpResponse:
    return _workflow_action(
        request,
        revision_id,
        lambda r: services.revision_publish(revision=r, editor=request.user),
        "Published: the live page now shows this revision.",
    )


@role_required(Role.EDITOR)
@require_POST
def revision_rebase(request: HttpRequest, revision_id: int) -> HttpResponse:
    revision = get_object_or_404(Revision, pk=revision_id)
    try:
        result = services.revision_rebase(revision=revision, editor=request.user)
    except DomainError as refusal:
        messages.error(request, refusal.message)
        return redirect("reviews:revision", revision_id=revision_id)
    if result.conflicts:
        messages.warning(
            request,
            "Rebased onto the live version. These parts were changed on both sides and kept "
            f"as in your draft — check them against the live page: {', '.join(result.conflicts)}.",
        )
    else:
        messages.success(request, "Rebased onto the live version; your changes were replayed.")
    return redirect("reviews:revision-edit", revision_id=revision_id)


# --- Reviewing ---------------------------------------------------------------------------


@role_required(*TEAM)
@require_safe
def revision_review(request: HttpRequest, revision_id: int) -> HttpResponse:
    """The change as a reviewer reads it: a word-level diff against the live page."""
    revision = _revision_or_404(revision_id)
    live = revision.article.live_revision
    baseline = selectors.revision_get(revision_id=live.pk) if live else None
    submissions = selectors.submission_list_for(revision=revision)
    current = submissions[0] if submissions else None
    pending = next(
        (a for a in (current.approvals.all() if current else []) if a.decision == "pending"), None
    )
    return render(
        request,
        "reviews/revision_review.html",
        {
            "revision": revision,
            "article": revision.article,
            "comparison": compare_revisions(baseline, revision),
            "current": current,
            "pending": pending,
            "refusal": services.sign_off_refusal(approval=pending, user=request.user, on=today())
            if pending
            else None,
            "decision_form": DecisionForm(),
            "override_form": OverrideForm(),
            "comments": selectors.comment_list_for(revision=revision),
            "comment_form": CommentForm(),
        },
    )


@role_required(*SIGNERS)
@require_POST
def approval_decide(request: HttpRequest, approval_id: int) -> HttpResponse:
    approval = get_object_or_404(Approval.objects.select_related("submission"), pk=approval_id)
    revision_id = approval.submission.revision_id
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose approve, request changes or reject.")
        return redirect("reviews:revision-review", revision_id=revision_id)
    data = form.cleaned_data
    decision = data["decision"]
    if decision == DecisionForm.APPROVE:
        ok = _attempt(
            request,
            lambda: services.approval_approve(
                approval=approval,
                signer=request.user,
                attested=data["attested"],
                comment=data["comment"],
                reviewed_whole_page=data["reviewed_whole_page"],
            ),
            f"Signed: {approval.get_step_display()}.",
        )
    elif decision == DecisionForm.REQUEST_CHANGES:
        ok = _attempt(
            request,
            lambda: services.approval_request_changes(
                approval=approval, signer=request.user, comment=data["comment"]
            ),
            "Changes requested; the editors have been told.",
        )
    else:
        ok = _attempt(
            request,
            lambda: services.approval_reject(
                approval=approval, signer=request.user, comment=data["comment"]
            ),
            "Revision rejected; the editors have been told.",
        )
    if ok:
        return redirect("reviews:queue")
    return redirect("reviews:revision-review", revision_id=revision_id)


@role_required(Role.EDITORIAL_DIRECTOR)
@require_POST
def approval_override(request: HttpRequest, approval_id: int) -> HttpResponse:
    approval = get_object_or_404(Approval.objects.select_related("submission"), pk=approval_id)
    form = OverrideForm(request.POST)
    reason = form.data.get("reason", "")
    _attempt(
        request,
        lambda: services.approval_override_specialty(
            approval=approval, director=request.user, reason=reason
        ),
        "Specialty match overridden; the reason is recorded on the step.",
    )
    return redirect("reviews:revision", revision_id=approval.submission.revision_id)


@role_required(Role.EDITORIAL_DIRECTOR)
@require_POST
def approval_assign(request: HttpRequest, approval_id: int) -> HttpResponse:
    approval = get_object_or_404(Approval.objects.select_related("submission"), pk=approval_id)
    form = AssignForm(request.POST, step=approval.step)
    if form.is_valid():
        _attempt(
            request,
            lambda: services.approval_assign(
                approval=approval, assignee=form.cleaned_data["assignee"], director=request.user
            ),
            "Step reassigned.",
        )
    else:
        messages.error(request, "Choose a person who holds the step's role.")
    return redirect("reviews:revision", revision_id=approval.submission.revision_id)


# --- Comments ------------------------------------------------------------------------------


@role_required(*TEAM)
@require_POST
def comment_add(request: HttpRequest, revision_id: int) -> HttpResponse:
    revision = get_object_or_404(Revision, pk=revision_id)
    form = CommentForm(request.POST)
    section = None
    if form.is_valid() and form.cleaned_data.get("section"):
        section = Section.objects.filter(pk=form.cleaned_data["section"]).first()
    _attempt(
        request,
        lambda: services.comment_add(
            revision=revision,
            author=request.user,
            body=form.data.get("body", ""),
            section=section,
        ),
        "Comment added.",
    )
    return redirect(request.POST.get("next") or reverse("reviews:revision", args=[revision_id]))


@role_required(*TEAM)
@require_POST
def comment_resolve(request: HttpRequest, comment_id: int) -> HttpResponse:
    comment = get_object_or_404(Comment, pk=comment_id)
    resolved = request.POST.get("resolved", "1") == "1"
    _attempt(
        request,
        lambda: services.comment_resolve(comment=comment, user=request.user, resolved=resolved),
        "Comment resolved." if resolved else "Comment reopened.",
    )
    return redirect(
        request.POST.get("next") or reverse("reviews:revision", args=[comment.revision_id])
    )


# --- Article history and comparison -----------------------------------------------------------


@role_required(*TEAM)
@require_safe
def article_history(request: HttpRequest, number: str) -> HttpResponse:
    article = get_object_or_404(
        Article.objects.select_related("specialty", "live_revision"), number=number
    )
    revisions = selectors.revision_list_for_history(article=article)
    published = [r for r in revisions if r.state == Revision.State.PUBLISHED]
    return render(
        request,
        "reviews/article_history.html",
        {
            "article": article,
            "revisions": revisions,
            "published": published,
            "in_progress": [r for r in revisions if r.state in selectors.UNFINISHED_STATES],
            "trail": selectors.article_audit_trail(article=article),
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


# --- The approval chain -------------------------------------------------------------------------


@role_required(Role.EDITORIAL_DIRECTOR)
def chains(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        kind = request.POST.get("kind", "")
        form = ChainForm(request.POST)
        if kind in Revision.Kind.values and form.is_valid():
            ordered = [s for s in Step.values if s in form.cleaned_data["steps"]]
            _attempt(
                request,
                lambda: services.chain_set(kind=kind, steps=ordered, director=request.user),
                f"Approval chain for {Revision.Kind(kind).label.lower()} saved.",
            )
        else:
            messages.error(request, "Choose at least one step.")
        return redirect("reviews:chains")
    current = {kind: services.chain_for(kind) for kind in Revision.Kind.values}
    return render(
        request,
        "reviews/chains.html",
        {
            "chains": [
                (kind, label, ChainForm(initial={"steps": current[kind]}), current[kind])
                for kind, label in Revision.Kind.choices
            ],
            "step_labels": dict(Step.choices),
            "history": ChainStep.history.select_related("history_user").order_by("-history_date")[
                :20
            ],
        },
    )


# --- Periodic review cycles --------------------------------------------------------------------


@role_required(Role.EDITORIAL_DIRECTOR)
@require_safe
def cycles(request: HttpRequest) -> HttpResponse:
    unassigned_only = request.GET.get("unassigned") == "1"
    page = Paginator(selectors.cycle_list_open(unassigned_only=unassigned_only), 50).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "reviews/cycles.html",
        {
            "page": page,
            "unassigned_only": unassigned_only,
            "today": today(),
            "assign_form": CycleAssignForm(),
        },
    )


def _cycle_or_404(cycle_id: int) -> ReviewCycle:
    cycle = selectors.cycle_get(cycle_id=cycle_id)
    if cycle is None:
        raise Http404("No such review cycle.")
    return cycle


@role_required(*TEAM)
@require_safe
def cycle_detail(request: HttpRequest, cycle_id: int) -> HttpResponse:
    cycle = _cycle_or_404(cycle_id)
    is_assignee = cycle.assignee_id == request.user.pk
    refusal = None
    if is_assignee and cycle.state == ReviewCycle.State.OPEN:
        refusal = review_cycles.assignment_refusal_for_signing(
            cycle=cycle, reviewer=request.user, today=today()
        )
    return render(
        request,
        "reviews/cycle_detail.html",
        {
            "cycle": cycle,
            "article": cycle.article,
            "live": cycle.article.live_revision,
            "is_assignee": is_assignee,
            "refusal": refusal,
            "recertify_form": RecertifyForm(),
            "changes_form": CycleChangesForm(),
            "assign_form": CycleAssignForm(initial={"reviewer": cycle.assignee_id}),
            "days_overdue": (today() - cycle.due_on).days,
        },
    )


@role_required(Role.MEDICAL_REVIEWER)
@require_POST
def cycle_recertify(request: HttpRequest, cycle_id: int) -> HttpResponse:
    cycle = get_object_or_404(ReviewCycle, pk=cycle_id)
    form = RecertifyForm(request.POST)
    form.is_valid()
    if not request.user.check_password(form.cleaned_data.get("password", "")):
        messages.error(request, "That password is not right: the sign-off was not recorded.")
        return redirect("reviews:cycle", cycle_id=cycle_id)
    if _attempt(
        request,
        lambda: review_cycles.cycle_recertify(
            cycle=cycle, reviewer=request.user, attested=form.cleaned_data.get("attested", False)
        ),
        "Re-certified: the page's Review Date is today and the credit names you.",
    ):
        return redirect("reviews:queue")
    return redirect("reviews:cycle", cycle_id=cycle_id)


@role_required(Role.MEDICAL_REVIEWER)
@require_POST
def cycle_request_changes(request: HttpRequest, cycle_id: int) -> HttpResponse:
    cycle = get_object_or_404(ReviewCycle, pk=cycle_id)
    _attempt(
        request,
        lambda: review_cycles.cycle_request_changes(
            cycle=cycle, reviewer=request.user, note=request.POST.get("note", "")
        ),
        "Changes requested: a draft is open for the page's editor, with your note.",
    )
    return redirect("reviews:cycle", cycle_id=cycle_id)


@role_required(Role.EDITORIAL_DIRECTOR)
@require_POST
def cycle_assign(request: HttpRequest) -> HttpResponse:
    """Assign one cycle, or every cycle ticked on a list, to a reviewer."""
    form = CycleAssignForm(request.POST)
    ids = [int(value) for value in request.POST.getlist("cycle") if value.isdigit()]
    if not ids:
        messages.error(request, "Tick the reviews to assign.")
    elif not form.is_valid():
        messages.error(request, "Choose an active medical reviewer.")
    else:
        chosen = ReviewCycle.objects.filter(pk__in=ids)
        _attempt(
            request,
            lambda: review_cycles.cycles_assign(
                cycles=chosen,
                reviewer=form.cleaned_data["reviewer"],
                director=request.user,
                today=today(),
            ),
            f"Assigned {len(ids)} review(s) to {form.cleaned_data['reviewer']}.",
        )
    return redirect(request.POST.get("next") or reverse("reviews:cycles"))


@role_required(Role.EDITORIAL_DIRECTOR)
def out_of_cycle(request: HttpRequest) -> HttpResponse:
    form = OutOfCycleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if _attempt(
            request,
            lambda: review_cycles.cycles_open_out_of_cycle(
                director=request.user,
                reason=data["reason"],
                specialty=data["specialty"],
                topic=data["topic"],
                reference=data["reference"],
                today=today(),
            ),
            lambda result: (
                f"{result.matched} articles matched: {result.opened} reviews opened, "
                f"{result.already_open} already had one open; "
                f"{result.assignment.assigned_count} assigned."
            ),
        ):
            return redirect("reviews:cycles")
    return render(request, "reviews/out_of_cycle.html", {"form": form})


@role_required(Role.EDITORIAL_DIRECTOR)
def policy(request: HttpRequest) -> HttpResponse:
    current = ReviewPolicy.current()
    form = PolicyForm(request.POST or None, instance=current, prefix="policy")
    interval_form = SpecialtyIntervalForm(prefix="interval")
    if request.method == "POST" and "interval-specialty" in request.POST:
        interval_form = SpecialtyIntervalForm(request.POST, prefix="interval")
        if interval_form.is_valid():
            _attempt(
                request,
                lambda: content.specialty_interval_set(
                    user=request.user,
                    specialty=interval_form.cleaned_data["specialty"],
                    interval_months=interval_form.cleaned_data["interval_months"],
                ),
                "Specialty interval saved; its articles are rescheduled.",
            )
            return redirect("reviews:policy")
    elif request.method == "POST" and form.is_valid():
        _attempt(
            request,
            lambda: content.review_policy_update(user=request.user, **form.cleaned_data),
            "Review policy saved.",
        )
        return redirect("reviews:policy")
    return render(
        request,
        "reviews/policy.html",
        {
            "form": form,
            "interval_form": interval_form,
            "intervals": SpecialtyReviewInterval.objects.select_related("specialty"),
            "history": ReviewPolicy.history.select_related("history_user").order_by(
                "-history_date"
            )[:10],
        },
    )


@role_required(Role.EDITORIAL_DIRECTOR)
@require_POST
def article_retire(request: HttpRequest, number: str) -> HttpResponse:
    article = get_object_or_404(Article, number=number)
    _attempt(
        request,
        lambda: services.article_retire(
            article=article, director=request.user, reason=request.POST.get("reason", "")
        ),
        "Article retired: its page now answers 410 Gone, and its open review is cancelled.",
    )
    return redirect("reviews:article-history", number=number)
