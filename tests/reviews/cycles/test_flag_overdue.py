"""The nightly job that opens a review cycle for every published article that is due."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.services import SYSTEM_USERNAME, system_user
from encyclopedia import services as content
from encyclopedia.models import ReviewPolicy
from reviews import cycles, services
from reviews.cycles import opening
from reviews.models import AuditEvent, ReviewCycle
from tests.encyclopedia.factories import draft_article, published_article
from tests.reviews.cycles.factories import (
    NOW,
    TODAY,
    assigned_cycle,
    at,
    bulk_due_articles,
    days,
    due_article,
    flag,
)

pytestmark = pytest.mark.django_db

# What one batch of up to 50 articles costs, whatever its size: the ids of the batch, a
# savepoint, the locking re-check, the cycles' insert, their history rows' insert (which
# SQLite splits in two at 50 rows, for its limit on query parameters), their audit
# events' insert, and the savepoint's release.
PER_BATCH_QUERIES = 8
# Reading the policy and the scheduler's account, and the last look, which finds nothing.
FIXED_QUERIES = 3


def cycle_of(article) -> ReviewCycle:
    return ReviewCycle.objects.get(article=article)


# --- Which articles are due ------------------------------------------------------------


def test_an_article_due_today_gets_an_open_cycle_due_today(maria, cardiology):
    article = due_article(TODAY, specialty=cardiology, author=maria)

    result = cycles.review_cycles_flag_overdue(today=TODAY, now=NOW)

    assert (result.opened, result.due_soon) == (1, 0)
    cycle = cycle_of(article)
    assert (cycle.state, cycle.due_on, cycle.origin, cycle.opened_at) == (
        ReviewCycle.State.OPEN,
        TODAY,
        ReviewCycle.Origin.DUE,
        NOW,
    )
    assert cycle.assignee is None
    assert cycle.opened_by.username == SYSTEM_USERNAME


def test_an_article_due_yesterday_gets_a_cycle_that_answers_to_yesterday(maria, cardiology):
    article = due_article(TODAY - days(1), specialty=cardiology, author=maria)

    flag()

    assert cycle_of(article).due_on == datetime.date(2026, 11, 26)
    assert cycle_of(article).origin == ReviewCycle.Origin.DUE


def test_an_article_due_tomorrow_gets_no_cycle_yet(maria, cardiology, policy):
    due_article(TODAY + days(1), specialty=cardiology, author=maria)

    assert flag().opened == 0
    assert not ReviewCycle.objects.exists()


def test_with_the_due_soon_policy_articles_entering_the_window_get_a_due_soon_cycle(
    maria, cardiology, brenda
):
    content.review_policy_update(user=brenda, open_cycles_when_due_soon=True, due_soon_days=30)
    tomorrow = due_article(TODAY + days(1), specialty=cardiology, author=maria, title="Angina")
    window_end = due_article(TODAY + days(30), specialty=cardiology, author=maria, title="Murmur")
    beyond = due_article(TODAY + days(31), specialty=cardiology, author=maria, title="Syncope")
    overdue = due_article(TODAY - days(3), specialty=cardiology, author=maria, title="Stroke")

    result = flag()

    assert (result.opened, result.due_soon) == (3, 2)
    assert cycle_of(tomorrow).origin == ReviewCycle.Origin.DUE_SOON
    assert cycle_of(tomorrow).due_on == TODAY + days(1)
    assert cycle_of(window_end).origin == ReviewCycle.Origin.DUE_SOON
    assert cycle_of(overdue).origin == ReviewCycle.Origin.DUE
    assert not ReviewCycle.objects.filter(article=beyond).exists()


def test_without_the_due_soon_policy_the_window_opens_nothing(maria, cardiology, brenda):
    content.review_policy_update(user=brenda, open_cycles_when_due_soon=False, due_soon_days=60)
    due_article(TODAY + days(1), specialty=cardiology, author=maria)

    assert flag().opened == 0


def test_a_published_article_never_reviewed_gets_a_cycle_due_today(maria, cardiology):
    article = due_article(None, specialty=cardiology, author=maria)
    assert article.last_reviewed_on is None and article.next_review_due is None

    assert flag().opened == 1

    assert cycle_of(article).due_on == TODAY
    assert cycle_of(article).origin == ReviewCycle.Origin.DUE


def test_drafts_and_retired_articles_get_no_cycle(maria, brenda, cardiology):
    draft_article(title="Never published", specialty=cardiology, author=maria)
    retired = due_article(TODAY - days(40), specialty=cardiology, author=maria, title="Old")
    services.article_retire(article=retired, director=brenda, reason="Merged into Angina")

    assert flag().opened == 0
    assert not ReviewCycle.objects.exists()


def test_an_article_reviewed_on_a_leap_day_falls_due_on_the_last_day_of_february(maria, cardiology):
    article = published_article(
        reviewed_on=datetime.date(2024, 2, 29), specialty=cardiology, author=maria
    )
    assert article.next_review_due == datetime.date(2026, 2, 28)

    assert flag(datetime.date(2026, 2, 27)).opened == 0
    assert flag(datetime.date(2026, 2, 28)).opened == 1
    assert cycle_of(article).due_on == datetime.date(2026, 2, 28)


def test_shortening_the_default_interval_brings_an_article_due(maria, brenda, cardiology):
    article = due_article(datetime.date(2027, 6, 1), specialty=cardiology, author=maria)
    assert flag().opened == 0

    content.review_policy_update(user=brenda, default_interval_months=12)

    assert flag().opened == 1
    assert cycle_of(article).due_on == datetime.date(2026, 6, 1)


def test_lengthening_the_default_interval_takes_an_article_out_of_due(maria, brenda, cardiology):
    due_article(datetime.date(2026, 10, 1), specialty=cardiology, author=maria)

    content.review_policy_update(user=brenda, default_interval_months=36)

    assert flag().opened == 0


def test_a_specialty_interval_brings_its_articles_due_and_no_others(
    maria, brenda, cardiology, oncology
):
    tumour = due_article(
        datetime.date(2027, 6, 1), specialty=oncology, author=maria, title="Tumour"
    )
    heart = due_article(datetime.date(2027, 6, 1), specialty=cardiology, author=maria)

    content.specialty_interval_set(user=brenda, specialty=oncology, interval_months=12)

    assert flag().opened == 1
    assert cycle_of(tumour).due_on == datetime.date(2026, 6, 1)
    assert not ReviewCycle.objects.filter(article=heart).exists()


def test_reverting_a_specialty_interval_takes_its_articles_out_of_due(maria, brenda, oncology):
    content.specialty_interval_set(user=brenda, specialty=oncology, interval_months=12)
    tumour = published_article(
        reviewed_on=datetime.date(2025, 9, 1), specialty=oncology, author=maria, title="Tumour"
    )
    assert tumour.next_review_due == datetime.date(2026, 9, 1)

    content.specialty_interval_set(user=brenda, specialty=oncology, interval_months=None)

    assert flag().opened == 0


# --- Idempotent, and catching up ---------------------------------------------------------


def test_a_second_run_opens_nothing(maria, cardiology):
    article = due_article(TODAY - days(10), specialty=cardiology, author=maria)
    flag()

    second = flag()

    assert second.opened == 0
    assert ReviewCycle.objects.filter(article=article).count() == 1
    assert AuditEvent.objects.filter(action="open_cycle").count() == 1


def test_an_article_whose_review_is_in_progress_gets_no_second_cycle(maria, okafor, cardiology):
    article = due_article(TODAY - days(10), specialty=cardiology, author=maria)
    cycle = assigned_cycle(article, to=okafor.user)
    cycles.review_cycle_request_changes(cycle=cycle, reviewer=okafor.user, note="Update the doses.")

    assert flag(TODAY + days(3)).opened == 0
    assert ReviewCycle.objects.filter(article=article).count() == 1


def test_a_run_after_four_missed_nights_opens_everything_that_fell_due_once(maria, cardiology):
    """Scenario 14: the worker host was down from the 23rd; the job runs again on the 27th."""
    due_dates = [TODAY - days(n) for n in (4, 3, 2, 1)]  # the 23rd to the 26th
    fell_due = {
        due_article(day, specialty=cardiology, author=maria, title=f"Due {day}"): day
        for day in due_dates
    }
    not_yet = due_article(TODAY + days(1), specialty=cardiology, author=maria, title="Not yet")

    assert flag().opened == 4
    assert flag().opened == 0

    opened = {cycle.article: cycle.due_on for cycle in ReviewCycle.objects.all()}
    assert opened == fell_due
    assert not_yet not in opened


# --- What it leaves behind ---------------------------------------------------------------


def test_each_opened_cycle_has_a_history_row_naming_the_scheduler_and_why(maria, cardiology):
    first = due_article(TODAY - days(2), specialty=cardiology, author=maria, title="One")
    second = due_article(None, specialty=cardiology, author=maria, title="Two")

    flag()

    rows = ReviewCycle.history.filter(article__in=[first, second]).order_by("article_id")
    assert [(row.article_id, row.history_type) for row in rows] == [
        (first.pk, "+"),
        (second.pk, "+"),
    ]
    assert {row.history_user for row in rows} == {system_user()}
    assert {row.history_change_reason for row in rows} == {
        "Review due: cycle opened by the scheduler"
    }
    assert {row.history_date for row in rows} == {at(TODAY, 5)}


def test_each_opened_cycle_has_one_audit_event_by_the_scheduler(maria, cardiology):
    articles = [
        due_article(TODAY - days(n), specialty=cardiology, author=maria, title=f"Due {n}")
        for n in (1, 2, 3)
    ]

    flag()

    events = AuditEvent.objects.filter(action="open_cycle")
    assert sorted(e.article_id for e in events) == sorted(a.pk for a in articles)
    assert [e.cycle_id for e in events.order_by("cycle_id")] == list(
        ReviewCycle.objects.order_by("pk").values_list("pk", flat=True)
    )
    assert {(e.actor, e.to_state) for e in events} == {(system_user(), "open")}
    assert events.get(article=articles[0]).note == "Review date passed (2026-11-26)"


# --- Set-based: queries per batch, not per article ------------------------------------------


def test_the_queries_grow_with_the_batches_not_with_the_articles(
    maria, cardiology, django_assert_max_num_queries
):
    ReviewPolicy.current()
    system_user()
    bulk_due_articles(20, due_on=TODAY - days(5), specialty=cardiology, author=maria, prefix="A")
    with django_assert_max_num_queries(FIXED_QUERIES + PER_BATCH_QUERIES):
        assert flag(batch_size=50).opened == 20

    # Ten times the articles: four batches, each far fewer statements than its 50 rows.
    bulk_due_articles(200, due_on=TODAY - days(5), specialty=cardiology, author=maria, prefix="B")
    with django_assert_max_num_queries(FIXED_QUERIES + 4 * PER_BATCH_QUERIES):
        assert flag(batch_size=50).opened == 200

    assert ReviewCycle.objects.count() == 220
    assert ReviewCycle.history.count() == 220
    assert AuditEvent.objects.filter(action="open_cycle").count() == 220


def test_each_further_batch_costs_the_same_fixed_set_of_queries(maria, cardiology):
    ReviewPolicy.current()
    system_user()
    counts = {}
    for count in (50, 100, 200):
        bulk_due_articles(
            count, due_on=TODAY - days(1), specialty=cardiology, author=maria, prefix=f"N{count}"
        )
        with CaptureQueriesContext(connection) as queries:
            assert flag(batch_size=50).opened == count
        counts[count] = len(queries)

    one_batch = counts[100] - counts[50]
    assert 0 < one_batch <= PER_BATCH_QUERIES
    assert counts[200] - counts[100] == 2 * one_batch


def test_one_batch_costs_the_same_for_3_articles_as_for_40(maria, cardiology):
    ReviewPolicy.current()
    system_user()
    counts = []
    for prefix, count in (("A", 3), ("B", 40)):
        bulk_due_articles(count, due_on=TODAY, specialty=cardiology, author=maria, prefix=prefix)
        with CaptureQueriesContext(connection) as queries:
            assert flag(batch_size=50).opened == count
        counts.append(len(queries))

    assert counts[0] == counts[1]


# --- A crash mid-run ---------------------------------------------------------------------


def test_a_crash_in_the_second_batch_keeps_the_first_and_the_next_run_finishes_the_rest(
    maria, cardiology, monkeypatch
):
    articles = [
        due_article(TODAY - days(n), specialty=cardiology, author=maria, title=f"Due {n}")
        for n in range(1, 6)
    ]
    real_batch = opening._open_batch
    batches = []

    # The second batch dies after writing its cycles, their history and audit rows, before
    # its commit: the batch's transaction must take all of them back.
    def batch_then_die_in_the_second(*args, **kwargs):
        opened = real_batch(*args, **kwargs)
        batches.append(opened)
        if len(batches) == 2:
            assert ReviewCycle.objects.count() == 4  # written, not yet committed
            raise RuntimeError("worker killed")
        return opened

    monkeypatch.setattr(opening, "_open_batch", batch_then_die_in_the_second)
    with pytest.raises(RuntimeError, match="worker killed"):
        flag(batch_size=2)

    first_batch = sorted(a.pk for a in articles)[:2]
    assert sorted(ReviewCycle.objects.values_list("article_id", flat=True)) == first_batch
    assert ReviewCycle.history.count() == 2
    assert AuditEvent.objects.filter(action="open_cycle").count() == 2

    monkeypatch.setattr(opening, "_open_batch", real_batch)
    assert flag(batch_size=2).opened == 3

    assert sorted(ReviewCycle.objects.values_list("article_id", flat=True)) == sorted(
        a.pk for a in articles
    )
    assert ReviewCycle.history.count() == 5
    assert AuditEvent.objects.filter(action="open_cycle").count() == 5
