"""Readers' reports: the public "report a problem with this page" form, and the editorial
directors' list and triage of what readers sent."""

import datetime

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from accounts.decorators import role_required
from accounts.roles import Role
from core.clients import client_address
from core.pages import attempt
from encyclopedia import selectors as encyclopedia_selectors
from encyclopedia.forms import ReportProblemForm
from encyclopedia.models import Article
from reviews import feedback as reader_feedback
from reviews import selectors
from reviews.models import ReaderFeedback

State = ReaderFeedback.State
THANKS = "Thank you: your report has reached our editorial team."
# What each triage button says, by the state it moves the report to.
TRIAGE_ACTIONS = {State.ACCEPTED: "Accept", State.DECLINED: "Decline", State.RESOLVED: "Resolve"}


def waited(duration: datetime.timedelta | None) -> str:
    """A response time as a director reads it: "3 d 4 h", "2 h 15 min", "5 min"."""
    if duration is None:
        return ""
    minutes = max(int(duration.total_seconds() // 60), 0)
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    if days:
        return f"{days} d {hours} h"
    if hours:
        return f"{hours} h {minutes} min"
    return f"{minutes} min"


# The article pages are cached whole for readers; this page carries a form with a CSRF
# token and the reader's own messages, so it is never cached.
@never_cache
def report_problem(request: HttpRequest, number: str) -> HttpResponse:
    article = encyclopedia_selectors.article_get_for_reader(number=number)
    if article is None or article.status != Article.Status.PUBLISHED:
        raise Http404("No article with this number is published.")
    form = ReportProblemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if attempt(
            request,
            lambda: reader_feedback.feedback_submit(
                article=article,
                message=data["message"],
                email=data["email"],
                email_consent=data["email_consent"],
                ip=client_address(request),
                honeypot_filled=bool(data["website"]),
            ),
            THANKS,
        ):
            return redirect(reverse("report-problem", args=[article.number]) + "?sent=1")
    return render(
        request,
        "encyclopedia/report_problem.html",
        {
            "article": article,
            "revision": article.live_revision,
            "form": form,
            "sent": request.method == "GET" and request.GET.get("sent") == "1",
        },
    )


@role_required(Role.EDITORIAL_DIRECTOR)
@require_safe
def feedback_list(request: HttpRequest) -> HttpResponse:
    state = request.GET.get("state", "")
    if state not in State.values:
        state = ""
    reports = selectors.feedback_list(state=state)
    page = Paginator(reports, 50).get_page(request.GET.get("page"))
    for report in page.object_list:
        report.waited = waited(report.response_time)
    return render(
        request,
        "reviews/feedback_list.html",
        {
            "page": page,
            "state": state,
            "states": State.choices,
            "median": waited(selectors.feedback_median_response(reports)),
        },
    )


def _feedback_or_404(feedback_id: int) -> ReaderFeedback:
    report = selectors.feedback_get(feedback_id=feedback_id)
    if report is None:
        raise Http404("No such report.")
    return report


def _detail(request: HttpRequest, report: ReaderFeedback, **kept) -> HttpResponse:
    return render(
        request,
        "reviews/feedback_detail.html",
        {
            "report": report,
            "waited": waited(report.response_time),
            "triage": [
                (state, TRIAGE_ACTIONS[state])
                for state in State.values
                if state in reader_feedback.TRANSITIONS[report.state]
            ],
            "can_open_review": reader_feedback.open_review_refusal(report) is None,
            **kept,
        },
    )


@role_required(Role.EDITORIAL_DIRECTOR)
@require_safe
def feedback_detail(request: HttpRequest, feedback_id: int) -> HttpResponse:
    return _detail(request, _feedback_or_404(feedback_id))


@role_required(Role.EDITORIAL_DIRECTOR)
@require_POST
def feedback_triage(request: HttpRequest, feedback_id: int) -> HttpResponse:
    report = _feedback_or_404(feedback_id)
    state = request.POST.get("state", "")
    attempt(
        request,
        lambda: reader_feedback.feedback_triage(feedback=report, state=state, by=request.user),
        lambda result: f"The report is now {result.get_state_display().lower()}.",
    )
    return redirect("reviews:feedback", feedback_id=report.pk)


@role_required(Role.EDITORIAL_DIRECTOR)
@require_POST
def feedback_reply(request: HttpRequest, feedback_id: int) -> HttpResponse:
    report = _feedback_or_404(feedback_id)
    body = request.POST.get("body", "")
    if attempt(
        request,
        lambda: reader_feedback.feedback_reply(feedback=report, body=body, by=request.user),
        lambda reply: (
            "Reply saved and e-mailed to the reader."
            if reply.email_id
            else "Reply saved. The reader left no e-mail address, so it was not sent."
        ),
    ):
        return redirect("reviews:feedback", feedback_id=report.pk)
    # Refused: the page again, with the director's text kept for them.
    return _detail(request, report, reply_body=body)


@role_required(Role.EDITORIAL_DIRECTOR)
@require_POST
def feedback_open_review(request: HttpRequest, feedback_id: int) -> HttpResponse:
    report = _feedback_or_404(feedback_id)
    reason = request.POST.get("reason", "")
    if attempt(
        request,
        lambda: reader_feedback.feedback_open_review(
            feedback=report, by=request.user, reason=reason
        ),
        lambda result: (
            "Out-of-cycle review opened."
            if result.opened
            else "The article already had an open review; this report is now linked to it."
        ),
    ):
        return redirect("reviews:feedback", feedback_id=report.pk)
    return _detail(request, report, review_reason=reason)
