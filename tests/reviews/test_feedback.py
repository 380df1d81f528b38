"""Readers report a problem with a page, without an account; editorial directors triage
the reports, reply, and open an out-of-cycle review from one."""

import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from core.errors import DomainError
from core.models import OutgoingEmail
from reviews import cycles, selectors
from reviews import feedback as reader_feedback
from reviews.models import FeedbackReply, ReaderFeedback, ReviewCycle

pytestmark = pytest.mark.django_db

PROBLEM = "The warfarin dose in Treatment looks out of date."
State = ReaderFeedback.State


@pytest.fixture(autouse=True)
def empty_rate_limits():
    """The rate limit counts in the (locmem) cache: every test starts with none."""
    cache.clear()
    yield
    cache.clear()


def report_url(article) -> str:
    return reverse("report-problem", args=[article.number])


def submit(article, **fields):
    values = {"article": article, "message": PROBLEM, "ip": "203.0.113.9", **fields}
    return reader_feedback.feedback_submit(**values)


def test_a_reader_without_an_account_reports_a_problem(client, article):
    response = client.post(report_url(article), {"message": PROBLEM})

    assert response.status_code == 302
    thanks = client.get(response["Location"])
    assert "Thank you: your report has reached our editorial team." in thanks.text
    report = ReaderFeedback.objects.get()
    assert (report.article, report.message, report.state) == (article, PROBLEM, State.NEW)
    assert report.revision == article.live_revision
    assert (report.email, report.email_consent) == ("", False)


def test_the_report_page_is_never_cached(client, article):
    response = client.get(report_url(article))

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    assert 'name="website"' in response.text
    assert "only to reply to this report" in response.text


def test_a_filled_honeypot_looks_accepted_but_stores_nothing(client, article):
    response = client.post(
        report_url(article), {"message": PROBLEM, "website": "https://spam.example"}
    )

    assert response.status_code == 302
    assert "Thank you" in client.get(response["Location"]).text
    assert not ReaderFeedback.objects.exists()


def test_the_sixth_report_within_the_hour_from_one_address_is_refused(client, article, today):
    for _ in range(5):
        assert client.post(report_url(article), {"message": PROBLEM}).status_code == 302

    refused = client.post(report_url(article), {"message": PROBLEM})

    assert refused.status_code == 200
    assert "several reports in the last hour" in refused.text
    assert PROBLEM in refused.text  # the reader's text comes back to them
    assert ReaderFeedback.objects.count() == 5
    with pytest.raises(DomainError) as refusal:
        submit(article, ip="127.0.0.1")
    assert refusal.value.code == "too_many_reports"
    # Another address is not held back, and the same one may write again an hour later.
    assert submit(article, ip="198.51.100.7") is not None
    today.shift(datetime.timedelta(minutes=61))
    assert client.post(report_url(article), {"message": PROBLEM}).status_code == 302


def test_an_email_without_consent_is_refused_and_nothing_is_kept(client, article):
    response = client.post(report_url(article), {"message": PROBLEM, "email": "ann@example.org"})

    assert response.status_code == 200
    assert "tick the box" in response.text
    assert not ReaderFeedback.objects.exists()
    with pytest.raises(DomainError) as refusal:
        submit(article, email="ann@example.org", email_consent=False)
    assert refusal.value.code == "consent_required"


def test_an_email_with_consent_is_kept(client, article):
    client.post(
        report_url(article),
        {"message": PROBLEM, "email": "ann@example.org", "email_consent": "on"},
    )

    report = ReaderFeedback.objects.get()
    assert (report.email, report.email_consent) == ("ann@example.org", True)


def test_an_empty_or_oversized_report_is_refused(article):
    with pytest.raises(DomainError, match="what is wrong"):
        submit(article, message="   ")
    with pytest.raises(DomainError, match="2,000 characters"):
        submit(article, message="x" * 2001)
    assert not ReaderFeedback.objects.exists()


def test_triage_moves_new_to_accepted_to_resolved(article, brenda):
    report = submit(article)

    reader_feedback.feedback_triage(feedback=report, state=State.ACCEPTED, by=brenda)
    resolved = reader_feedback.feedback_triage(feedback=report, state=State.RESOLVED, by=brenda)

    assert resolved.state == State.RESOLVED
    assert resolved.resolved_at is not None


@pytest.mark.parametrize(
    ("path", "wanted"),
    [
        ([State.DECLINED], State.ACCEPTED),  # declined is final
        ([State.DECLINED], State.RESOLVED),
        ([], State.RESOLVED),  # a new report is accepted before it is resolved
        ([State.ACCEPTED, State.RESOLVED], State.ACCEPTED),
    ],
)
def test_an_invalid_transition_is_refused(article, brenda, path, wanted):
    report = submit(article)
    for state in path:
        reader_feedback.feedback_triage(feedback=report, state=state, by=brenda)

    with pytest.raises(DomainError) as refusal:
        reader_feedback.feedback_triage(feedback=report, state=wanted, by=brenda)

    assert refusal.value.code == "invalid_transition"
    report.refresh_from_db()
    assert report.state == (path[-1] if path else State.NEW)


def test_only_editorial_directors_triage(article, maria):
    report = submit(article)
    with pytest.raises(DomainError):
        reader_feedback.feedback_triage(feedback=report, state=State.ACCEPTED, by=maria)


def test_the_first_response_time_is_recorded_once_and_shown_on_the_list(
    client, article, brenda, today
):
    report = submit(article)
    today.shift(datetime.timedelta(hours=2, minutes=15))
    reader_feedback.feedback_triage(feedback=report, state=State.ACCEPTED, by=brenda)
    first = ReaderFeedback.objects.get().first_response_at
    today.shift(datetime.timedelta(days=1))
    reader_feedback.feedback_reply(feedback=report, body="Thank you, we fixed it.", by=brenda)
    reader_feedback.feedback_triage(feedback=report, state=State.RESOLVED, by=brenda)

    report.refresh_from_db()
    assert report.first_response_at == first
    assert report.first_response_at - report.submitted_at == datetime.timedelta(hours=2, minutes=15)
    assert report.first_response_by == brenda

    unanswered = submit(article, message="A broken link in References.")
    client.force_login(brenda)
    page = client.get(reverse("reviews:feedback-list"))
    assert page.status_code == 200
    assert "2 h 15 min" in page.text
    assert "Not answered yet" in page.text
    assert "Median time to first response" in page.text
    assert unanswered.message in page.text
    new_only = client.get(reverse("reviews:feedback-list"), {"state": "new"})
    assert unanswered.message in new_only.text
    assert PROBLEM not in new_only.text


def test_the_median_is_over_the_listed_reports(article, brenda, today):
    for minutes in (10, 30, 240):
        report = submit(article)
        today.shift(datetime.timedelta(minutes=minutes))
        reader_feedback.feedback_triage(feedback=report, state=State.DECLINED, by=brenda)
    submit(article)  # not answered: not in the median

    median = selectors.feedback_median_response(selectors.feedback_list())
    assert median == datetime.timedelta(minutes=30)


def test_a_reply_is_emailed_only_to_a_reader_who_consented(client, article, brenda):
    consented = submit(article, email="ann@example.org", email_consent=True)
    anonymous = submit(article)
    client.force_login(brenda)

    sent = client.post(
        reverse("reviews:feedback-reply", args=[consented.pk]),
        {"body": "Thank you: the dose is corrected."},
        follow=True,
    )
    kept = client.post(
        reverse("reviews:feedback-reply", args=[anonymous.pk]),
        {"body": "Corrected, thank you."},
        follow=True,
    )

    assert "e-mailed to the reader" in sent.text
    assert "it was not sent" in kept.text
    email = OutgoingEmail.objects.get()
    assert email.to == "ann@example.org"
    assert "Thank you: the dose is corrected." in email.body
    assert PROBLEM in email.body
    assert FeedbackReply.objects.get(feedback=consented).email == email
    assert FeedbackReply.objects.get(feedback=anonymous).email is None


def test_an_empty_reply_is_refused_on_the_page(client, article, brenda):
    report = submit(article)
    client.force_login(brenda)

    response = client.post(reverse("reviews:feedback-reply", args=[report.pk]), {"body": " "})

    assert response.status_code == 200
    assert "Write the reply first." in response.text
    assert not FeedbackReply.objects.exists()


def test_opening_an_out_of_cycle_review_from_a_report_links_the_cycle(
    client, article, brenda, okafor
):
    report = submit(article)
    client.force_login(brenda)

    response = client.post(
        reverse("reviews:feedback-open-review", args=[report.pk]),
        {"reason": "Reader reports an outdated warfarin dose"},
        follow=True,
    )

    assert "Out-of-cycle review opened." in response.text
    report.refresh_from_db()
    cycle = ReviewCycle.objects.get(article=article)
    assert report.cycle == cycle
    assert cycle.origin == ReviewCycle.Origin.OUT_OF_CYCLE
    assert cycle.reason == "Reader reports an outdated warfarin dose"
    assert cycle.assignee == okafor.user
    assert report.state == State.ACCEPTED
    assert report.first_response_by == brenda
    assert reverse("reviews:cycle", args=[cycle.pk]) in response.text

    again = client.post(
        reverse("reviews:feedback-open-review", args=[report.pk]), {"reason": "Again"}
    )
    assert "already been opened" in again.text
    assert ReviewCycle.objects.count() == 1


def test_a_review_needs_a_reason(client, article, brenda):
    report = submit(article)
    client.force_login(brenda)

    response = client.post(reverse("reviews:feedback-open-review", args=[report.pk]), {})

    assert "Say why" in response.text
    assert not ReviewCycle.objects.exists()


def test_the_feedback_pages_are_for_editorial_directors(client, article, maria):
    report = submit(article)
    client.force_login(maria)

    assert client.get(reverse("reviews:feedback-list")).status_code == 403
    assert client.get(reverse("reviews:feedback", args=[report.pk])).status_code == 403


def test_the_detail_page_offers_the_next_triage_steps(client, article, brenda):
    report = submit(article)
    client.force_login(brenda)

    page = client.get(reverse("reviews:feedback", args=[report.pk]))

    assert page.status_code == 200
    assert PROBLEM in page.text
    assert ">Accept<" in page.text and ">Decline<" in page.text
    assert ">Resolve<" not in page.text
    assert "Open an out-of-cycle review" in page.text


def test_the_article_page_links_to_the_report_form(client, article):
    page = client.get(article.get_absolute_url())

    assert page.status_code == 200
    assert "Report a problem with this page" in page.text
    assert report_url(article) in page.text


def test_the_list_costs_the_same_queries_however_many_reports(
    client, article, brenda, django_assert_max_num_queries
):
    client.force_login(brenda)
    reader_feedback.feedback_triage(feedback=submit(article), state=State.ACCEPTED, by=brenda)
    with django_assert_max_num_queries(30) as few:
        assert client.get(reverse("reviews:feedback-list")).status_code == 200

    for n in range(12):
        report = submit(article, ip=f"198.51.100.{n}")
        reader_feedback.feedback_reply(feedback=report, body="Thank you.", by=brenda)
    cache.clear()
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(reverse("reviews:feedback-list"))
    assert page.text.count(PROBLEM) == 13


def test_a_report_on_an_article_under_review_is_linked_to_that_review(article, brenda, okafor):
    cycles.review_cycles_open_out_of_cycle(
        director=brenda, reason="Guideline changed", article=article, today=timezone.localdate()
    )
    report = submit(article)

    opened = reader_feedback.feedback_open_review(
        feedback=report, by=brenda, reason="Reader reports an outdated dose"
    )

    assert opened.opened is False
    assert ReviewCycle.objects.get() == opened.cycle
    report.refresh_from_db()
    assert report.cycle == opened.cycle


def test_a_declined_report_opens_no_review(client, article, brenda):
    report = submit(article)
    reader_feedback.feedback_triage(feedback=report, state=State.DECLINED, by=brenda)
    client.force_login(brenda)
    page = client.get(reverse("reviews:feedback", args=[report.pk]))
    assert "Open an out-of-cycle review" not in page.text

    with pytest.raises(DomainError) as refusal:
        reader_feedback.feedback_open_review(feedback=report, by=brenda, reason="Why not")

    assert refusal.value.code == "invalid_transition"
    assert not ReviewCycle.objects.exists()


def test_a_forged_forwarded_for_does_not_dodge_the_limit(client, article, settings):
    for n in range(5):
        client.post(report_url(article), {"message": PROBLEM}, HTTP_X_FORWARDED_FOR=f"10.0.0.{n}")

    refused = client.post(
        report_url(article), {"message": PROBLEM}, HTTP_X_FORWARDED_FOR="10.9.9.9"
    )

    assert "several reports in the last hour" in refused.text


def test_behind_the_proxy_each_reader_has_their_own_limit(client, article, settings):
    settings.BEHIND_HTTPS_PROXY = True
    for _ in range(5):
        client.post(
            report_url(article), {"message": PROBLEM}, HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.7"
        )

    # The proxy appended the reader's address last: what comes before it is forgeable.
    same_reader = client.post(
        report_url(article), {"message": PROBLEM}, HTTP_X_FORWARDED_FOR="9.9.9.9, 198.51.100.7"
    )
    another_reader = client.post(
        report_url(article), {"message": PROBLEM}, HTTP_X_FORWARDED_FOR="203.0.113.20"
    )

    assert "several reports in the last hour" in same_reader.text
    assert another_reader.status_code == 302
    assert ReaderFeedback.objects.count() == 6
