"""The editorial director's reporting pages: the dashboard and the article list behind
each of its figures (with CSV and bulk assignment), revisions waiting, and the audit
report. Read-only: the one write they offer (bulk assignment) posts to the review
cycle pages, which call the assignment service."""

import itertools
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from accounts.decorators import role_required
from accounts.roles import Role
from core.clock import today
from core.csv_stream import streaming_csv
from core.jobs import jobs_overview
from core.pagination import CountedPaginator
from encyclopedia import reference_checks, search
from encyclopedia.models import Article, LinkCheck, ReviewPolicy
from reporting import audit
from reporting import dashboard as dashboard_reads
from reporting.forms import AuditReportForm
from reviews import eligibility, selectors
from reviews.forms import CycleAssignForm
from reviews.models import Step


@role_required(Role.EDITORIAL_DIRECTOR)
@require_safe
def dashboard(request: HttpRequest) -> HttpResponse:
    day = today()
    specialties = dashboard_reads.by_specialty(today=day)
    figures = dashboard_reads.headline(today=day, specialties=specialties)
    trend = dashboard_reads.trend(today=day)
    list_url = reverse("reporting:dashboard-articles")
    age = [
        (name, label, figures[name], f"{list_url}?bucket={name}")
        for name, label in dashboard_reads.BUCKET_LABELS.items()
    ]
    chart_data = {
        "age": {
            "labels": [label for _, label, _, _ in age],
            "values": [count for _, _, count, _ in age],
            "links": [link for _, _, _, link in age],
        },
        "specialty": {
            "labels": [row["specialty__name"] for row in specialties],
            "overdue": [row["overdue"] for row in specialties],
            "due_soon": [row["due_soon"] for row in specialties],
            "links": [
                f"{list_url}?status=overdue&specialty={row['specialty_id']}" for row in specialties
            ],
        },
        "trend": {
            "labels": [snapshot.day.isoformat() for snapshot in trend],
            "overdue": [snapshot.overdue for snapshot in trend],
            "due_soon": [snapshot.due_soon for snapshot in trend],
        },
    }
    return render(
        request,
        "reporting/dashboard.html",
        {
            "today": day,
            "figures": figures,
            "age": age,
            "specialties": specialties,
            "reviewers": dashboard_reads.by_reviewer(today=day),
            "trend": trend,
            "chart_data": chart_data,
        },
    )


@role_required(Role.EDITORIAL_DIRECTOR)
@require_safe
def dashboard_articles(request: HttpRequest) -> HttpResponse:
    """The articles behind any dashboard figure: filtered, sorted, paginated, exportable,
    and assignable in bulk."""
    day = today()
    filters = dashboard_reads.ArticleFilter.from_query(request.GET)
    articles = dashboard_reads.article_list(today=day, filters=filters)
    if request.GET.get("format") == "csv":
        return streaming_csv(_article_csv_rows(articles, day), filename=f"articles-{day}.csv")
    page = CountedPaginator(
        articles, 50, count=lambda: dashboard_reads.article_count(today=day, filters=filters)
    ).get_page(request.GET.get("page"))
    _annotate_rows(page.object_list, day)
    return render(
        request,
        "reporting/dashboard_articles.html",
        {
            "page": page,
            "filters": filters,
            "choices": dashboard_reads.filter_choices(),
            "filter_query": urlencode(filters.as_query()),
            "sort_links": _sort_links(filters),
            "assign_form": CycleAssignForm(reviewers=eligibility.reviewer_choices(on=day))
            if page.object_list
            else None,
            "today": day,
        },
    )


def _annotate_rows(rows, day) -> None:
    """What a listed article's row prints beside its fields: days overdue, who holds it."""
    for row in rows:
        due = row["next_review_due"]
        row["days_overdue"] = (day - due).days if due and due < day else None
        row["assignee_name"] = dashboard_reads.assignee_name(row)


def _sort_links(filters: dashboard_reads.ArticleFilter) -> dict[str, str]:
    """Each column's sort as a query string, keeping the other filters ("due_desc" for
    the reversed sort of "due")."""
    return {
        name.removeprefix("-") + ("_desc" if name.startswith("-") else ""): urlencode(
            filters.as_query(sort=name)
        )
        for name in dashboard_reads.SORTS
    }


def _article_csv_rows(articles, day):
    yield [
        "Article",
        "Title",
        "Specialty",
        "Review Date",
        "Next review due",
        "Days overdue",
        "Open review",
        "Reviewer",
    ]
    for row in articles.iterator(chunk_size=2000):
        due = row["next_review_due"]
        reviewer = dashboard_reads.assignee_name(row)
        yield [
            row["number"],
            row["title"],
            row["specialty__name"],
            row["last_reviewed_on"] or "",
            due or "",
            (day - due).days if due and due < day else "",
            row["open_cycle__state"] or "",
            reviewer,
        ]


@role_required(Role.EDITORIAL_DIRECTOR)
@require_safe
def dashboard_table_csv(request: HttpRequest, table: str) -> HttpResponse:
    """Each dashboard table as CSV."""
    day = today()
    if table == "specialties":
        rows = [["Specialty", "Published", "Overdue", "Due soon", "Never reviewed"]] + [
            [r["specialty__name"], r["published"], r["overdue"], r["due_soon"], r["never_reviewed"]]
            for r in dashboard_reads.by_specialty(today=day)
        ]
    elif table == "reviewers":
        header = ["Reviewer", "Open reviews", "Overdue", "Workload", "Capacity",
                  "Median days to complete", "Licence expires"]  # fmt: skip
        rows = [header] + [
            [
                r.profile.credit_name,
                r.open_reviews,
                r.overdue,
                r.workload,
                r.profile.capacity,
                r.median_days if r.median_days is not None else "",
                r.profile.licence_expires_on or "",
            ]
            for r in dashboard_reads.by_reviewer(today=day)
        ]
    elif table == "age":
        figures = dashboard_reads.headline(today=day)
        rows = [["Overdue by", "Articles"]] + [
            [label, figures[name]] for name, label in dashboard_reads.BUCKET_LABELS.items()
        ]
    elif table == "trend":
        rows = [["Day", "Current", "Due soon", "Overdue", "Never reviewed"]] + [
            [s.day, s.current, s.due_soon, s.overdue, s.never_reviewed]
            for s in dashboard_reads.trend(today=day)
        ]
    else:
        raise Http404("No such table.")
    return streaming_csv(rows, filename=f"{table}-{day}.csv")


@role_required(Role.EDITORIAL_DIRECTOR)
@require_safe
def revisions_waiting(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "reporting/revisions_waiting.html",
        {"approvals": selectors.approval_list_pending()[:500]},
    )


@role_required(Role.EDITORIAL_DIRECTOR)
@require_safe
def audit_report(request: HttpRequest) -> HttpResponse:
    """What was live on a day, who signed it, with their credentials as they were then."""
    form = AuditReportForm(request.GET or None)
    entries = None
    if form.is_bound and form.is_valid():
        article, day = form.cleaned_data["article"], form.cleaned_data["date"]
        report = audit.audit_report(as_of=day, article=article)
        if request.GET.get("format") == "csv":
            name = f"audit-{article.number if article else 'all'}-{day}"
            return streaming_csv(audit.csv_rows(report), filename=f"{name}.csv")
        entries = list(itertools.islice(report, 200))
    return render(
        request,
        "reporting/audit_report.html",
        {"form": form, "entries": entries, "filter_query": request.GET.urlencode()},
    )


# The scheduled jobs in the team's words: what each does for them.
JOB_LABELS = {
    "flag_overdue_reviews": ("Overdue sweep", "opens a review for every article past its date"),
    "assign_reviewers": ("Reviewer assignment", "assigns open reviews to qualified reviewers"),
    "send_review_reminders": ("Reminders", "sends reviewers their digests, escalates"),
    "snapshot_review_metrics": (
        "Metrics snapshot",
        "records the dashboard's figures for the trend",
    ),
    "check_reference_links": (
        "Reference links",
        "checks every cited address and lists the broken ones",
    ),
    "send_outbox": ("Outbox", "sends the e-mail and CDN purges that wait in the outbox"),
}


@role_required(Role.EDITORIAL_DIRECTOR)
@require_safe
def scheduled_jobs(request: HttpRequest) -> HttpResponse:
    """Each scheduled job's last runs and next one: an outage shows here first."""
    overview = [
        (
            JOB_LABELS.get(item.health.job, (item.health.job, "")),
            item,
            [(run, _what_it_did(run)) for run in item.runs],
        )
        for item in jobs_overview(now=timezone.now())
    ]
    return render(request, "reporting/jobs.html", {"overview": overview})


def _what_it_did(run) -> str:
    if run.error:
        return run.error.strip().splitlines()[-1]
    return ", ".join(f"{key.replace('_', ' ')}: {value}" for key, value in run.summary.items())


@role_required(*Role)
@require_safe
def finder(request: HttpRequest) -> HttpResponse:
    """Every article, for everyone on the team: by words in the page, title or number,
    and by the director's list's filters plus topic and article status."""
    day = today()
    filters = dashboard_reads.ArticleFilter.from_query(request.GET)
    everything = Article.objects.all()
    articles = dashboard_reads.article_list(today=day, filters=filters, articles=everything)
    matches = dashboard_reads.article_matches(today=day, filters=filters, articles=everything)
    page = CountedPaginator(articles, 50, count=matches.count).get_page(request.GET.get("page"))
    rows = list(page.object_list)
    ids = [row["pk"] for row in rows]
    in_progress = selectors.revisions_in_progress_by_article(ids)
    passages = search.snippets(ids, filters.query) if filters.query else {}
    _annotate_rows(rows, day)
    for row in rows:
        row["in_progress"] = in_progress.get(row["pk"], [])
        row["snippet"] = passages.get(row["pk"], "")
    page.object_list = rows
    return render(
        request,
        "reporting/finder.html",
        {
            "page": page,
            "filters": filters,
            "choices": {
                **dashboard_reads.filter_choices(),
                **dashboard_reads.article_choices_for_finder(),
            },
            "filtered": bool(filters.as_query().keys() - {"sort"}),
            "sort_links": _sort_links(filters),
            "step_labels": dict(Step.choices),
            "today": day,
        },
    )


@role_required(Role.EDITORIAL_DIRECTOR)
@require_safe
def evidence_report(request: HttpRequest) -> HttpResponse:
    """The live pages' evidence that needs attention: links the weekly check found broken,
    and pages citing references older than the policy's limit, each with the out-of-cycle
    review one click away."""
    broken = Paginator(reference_checks.reference_list_with_broken_links(), 50).get_page(
        request.GET.get("broken")
    )
    old = Paginator(
        reference_checks.article_list_citing_old_references(today=today()), 50
    ).get_page(request.GET.get("old"))
    review = reverse("reviews:out-of-cycle")
    for reference in broken.object_list:
        reference.outcome_label = LinkCheck.Outcome(reference.link_outcome).label
        reference.review_url = f"{review}?" + urlencode(
            {"reference": reference.url, "reason": f"Broken link: {reference.url}"}
        )
    for article in old.object_list:
        article.review_url = f"{review}?" + urlencode(
            {
                "article": article.number,
                "reason": (
                    f"Cites evidence from {article.oldest_year}, older than the policy allows"
                ),
            }
        )
    return render(
        request,
        "reporting/evidence.html",
        {
            "broken": broken,
            "old": old,
            "limit_years": ReviewPolicy.current().reference_age_limit_years,
        },
    )
