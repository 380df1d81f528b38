"""The scheduler's assignment of open cycles: least loaded first, every exclusion rule, the
reasons left for the director, one digest per reviewer."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.services import system_user
from reviews import cycles, services
from reviews.models import AuditEvent, ReminderSent, ReviewCycle
from tests.encyclopedia.factories import edited_draft
from tests.mail import committed
from tests.reviews.cycles.factories import (
    NOW,
    TODAY,
    bulk_due_articles,
    days,
    due_article,
    flag,
    reviewer,
)
from tests.reviews.factories import proof_of

pytestmark = pytest.mark.django_db

NO_REVIEWER = "No active reviewer with a valid licence covers {}."
ALL_EXCLUDED = "Every {} reviewer wrote the live version or declared a conflict of interest."
ALL_FULL = "Every {} reviewer is at capacity."


def assign(**kwargs) -> cycles.AssignResult:
    return committed(cycles.review_cycles_auto_assign, today=TODAY, now=NOW, **kwargs)


def due_articles(count, *, specialty, author, first=0):
    """`count` cardiology-style articles, the first the most overdue."""
    return [
        due_article(
            TODAY - days(50 - n), specialty=specialty, author=author, title=f"Condition {n}"
        )
        for n in range(first, first + count)
    ]


def assignees(articles) -> list[str | None]:
    """Who holds each article's open cycle (username), in the articles' order."""
    held = dict(ReviewCycle.objects.open().values_list("article_id", "assignee__username"))
    return [held[article.pk] for article in articles]


def cycle_of(article) -> ReviewCycle:
    return ReviewCycle.objects.open().get(article=article)


# --- Least loaded first -------------------------------------------------------------------


def test_the_least_loaded_reviewer_gets_the_cycle(request, maria, cardiology, adeyemi):
    # Dr. Adeyemi took two reviews before Dr. Okafor joined.
    earlier = due_articles(2, specialty=cardiology, author=maria)
    flag()
    assign()
    request.getfixturevalue("okafor")
    later = due_articles(1, specialty=cardiology, author=maria, first=2)

    flag()
    assign()

    assert assignees([*earlier, *later]) == ["adeyemi", "adeyemi", "okafor"]


def test_ties_go_to_the_reviewer_whose_credit_name_sorts_first(maria, cardiology, okafor, adeyemi):
    # Dr. Okafor's account is older (lower id); "Amara Adeyemi" still sorts first.
    assert okafor.pk < adeyemi.pk
    article = due_article(TODAY, specialty=cardiology, author=maria)

    flag()
    assign()

    assert assignees([article]) == ["adeyemi"]


def test_a_single_run_spreads_the_cycles_evenly(maria, cardiology, okafor, adeyemi):
    articles = due_articles(4, specialty=cardiology, author=maria)

    flag()
    result = assign()

    assert assignees(articles) == ["adeyemi", "okafor", "adeyemi", "okafor"]
    assert result.assigned_count == 4


def test_open_review_steps_count_toward_a_reviewers_load(maria, cardiology, okafor, adeyemi):
    other = due_article(TODAY + days(300), specialty=cardiology, author=maria, title="Angina")
    draft = edited_draft(other, editor=maria, summary="Angina, updated.")
    services.revision_submit(
        revision=draft, editor=maria, kind="update", change_summary="Doses", reviewer=adeyemi
    )
    article = due_article(TODAY, specialty=cardiology, author=maria)

    flag()
    assign()

    assert assignees([article]) == ["okafor"]


def test_a_signed_review_step_no_longer_counts_toward_the_load(maria, cardiology, okafor, adeyemi):
    other = due_article(TODAY + days(300), specialty=cardiology, author=maria, title="Angina")
    draft = edited_draft(other, editor=maria, summary="Angina, updated.")
    submission = services.revision_submit(
        revision=draft, editor=maria, kind="update", change_summary="Doses", reviewer=adeyemi
    )
    services.approval_approve(
        approval=submission.approvals.get(position=0),
        signer=adeyemi.user,
        proof=proof_of(adeyemi.user),
        attested=True,
    )
    article = due_article(TODAY, specialty=cardiology, author=maria)

    flag()
    assign()

    assert assignees([article]) == ["adeyemi"]


# --- Capacity ---------------------------------------------------------------------------


def test_a_reviewer_at_capacity_is_passed_over(maria, cardiology, okafor, adeyemi):
    adeyemi.capacity = 1
    adeyemi.save()
    articles = due_articles(3, specialty=cardiology, author=maria)

    flag()
    assign()

    assert assignees(articles) == ["adeyemi", "okafor", "okafor"]


def test_when_every_reviewer_is_full_the_rest_wait_with_the_reason(
    maria, cardiology, okafor, adeyemi
):
    for profile in (okafor, adeyemi):
        profile.capacity = 1
        profile.save()
    articles = due_articles(3, specialty=cardiology, author=maria)

    flag()
    result = assign()

    assert assignees(articles) == ["adeyemi", "okafor", None]
    waiting = cycle_of(articles[2])
    assert waiting.unassigned_reason == ALL_FULL.format("Cardiology")
    assert result.unassignable == {waiting.pk: ALL_FULL.format("Cardiology")}


# --- Who is never assigned ----------------------------------------------------------------


def test_a_reviewer_whose_licence_expired_is_never_assigned(maria, cardiology, lee, okafor):
    """Scenario 8: Dr. Lee sorts first and holds nothing, and still gets nothing."""
    articles = due_articles(3, specialty=cardiology, author=maria)

    flag()
    assign()

    assert assignees(articles) == ["okafor", "okafor", "okafor"]


def test_a_licence_valid_through_today_still_counts(maria, cardiology):
    reviewer(
        "vance", credit_name="Iris Vance, MD", specialties=[cardiology], licence_expires_on=TODAY
    )
    article = due_article(TODAY, specialty=cardiology, author=maria)

    flag()
    assign()

    assert assignees([article]) == ["vance"]


def _expired_licence(okafor, **_):
    okafor.licence_expires_on = TODAY - days(1)
    okafor.save()


def _inactive_profile(okafor, **_):
    okafor.is_active = False
    okafor.save()


def _inactive_user(okafor, **_):
    okafor.user.is_active = False
    okafor.user.save()


def _no_reviewer_role(okafor, **_):
    okafor.user.groups.clear()


def _conflict_on_the_specialty(okafor, cardiology, **_):
    okafor.conflict_specialties.add(cardiology)


def _conflict_on_a_topic(okafor, anticoagulants, **_):
    anticoagulants.conflicted_reviewers.add(okafor)


@pytest.mark.parametrize(
    ("make_ineligible", "reason"),
    [
        pytest.param(_expired_licence, NO_REVIEWER, id="expired licence"),
        pytest.param(_inactive_profile, NO_REVIEWER, id="inactive profile"),
        pytest.param(_inactive_user, NO_REVIEWER, id="deactivated user"),
        pytest.param(_no_reviewer_role, NO_REVIEWER, id="no medical reviewer role"),
        pytest.param(_conflict_on_the_specialty, ALL_EXCLUDED, id="conflict on the specialty"),
        pytest.param(_conflict_on_a_topic, ALL_EXCLUDED, id="conflict on a topic"),
    ],
)
def test_an_ineligible_reviewer_is_not_assigned_and_the_cycle_says_why(
    maria, cardiology, okafor, anticoagulants, make_ineligible, reason
):
    article = due_article(TODAY, specialty=cardiology, author=maria, topics=[anticoagulants])
    make_ineligible(okafor=okafor, cardiology=cardiology, anticoagulants=anticoagulants)

    flag()
    result = assign()

    cycle = cycle_of(article)
    assert cycle.assignee is None
    assert cycle.unassigned_reason == reason.format("Cardiology")
    assert result.unassignable == {cycle.pk: reason.format("Cardiology")}
    assert not AuditEvent.objects.filter(action="assign_cycle").exists()
    assert mail.outbox == []


def test_a_reviewer_who_does_not_cover_the_specialty_is_not_assigned(maria, nephrology, okafor):
    article = due_article(TODAY, specialty=nephrology, author=maria, title="Kidney stones")

    flag()
    assign()

    cycle = cycle_of(article)
    assert cycle.assignee is None
    assert cycle.unassigned_reason == "No active reviewer with a valid licence covers Nephrology."


def test_a_topic_conflict_excludes_only_the_articles_in_that_topic(
    maria, cardiology, okafor, anticoagulants
):
    anticoagulants.conflicted_reviewers.add(okafor)
    in_topic = due_article(TODAY, specialty=cardiology, author=maria, topics=[anticoagulants])
    other = due_article(TODAY, specialty=cardiology, author=maria, title="Angina")

    flag()
    assign()

    assert assignees([in_topic, other]) == [None, "okafor"]


def test_the_author_of_the_live_version_is_not_assigned_its_review(cardiology, okafor, adeyemi):
    article = due_article(TODAY, specialty=cardiology, author=adeyemi.user)
    only_author = due_article(TODAY, specialty=cardiology, author=okafor.user, title="Angina")
    adeyemi.is_active = False
    adeyemi.save()

    flag()
    assign()

    assert assignees([article, only_author]) == ["okafor", None]
    assert cycle_of(only_author).unassigned_reason == ALL_EXCLUDED.format("Cardiology")


def test_the_reason_is_cleared_once_a_reviewer_can_take_the_cycle(maria, nephrology):
    article = due_article(TODAY, specialty=nephrology, author=maria, title="Kidney stones")
    flag()
    assign()
    assert cycle_of(article).unassigned_reason

    reviewer("haddad", credit_name="Samir Haddad, MD", specialties=[nephrology])
    assign()

    cycle = cycle_of(article)
    assert cycle.assignee.username == "haddad"
    assert cycle.unassigned_reason == ""


# --- What it leaves behind ---------------------------------------------------------------


def test_each_reviewer_gets_one_digest_listing_every_cycle_given_to_them(
    maria, cardiology, okafor, adeyemi
):
    articles = due_articles(3, specialty=cardiology, author=maria)

    flag()
    assign()

    assert sorted(message.to[0] for message in mail.outbox) == [
        "adeyemi@stet.example",
        "okafor@stet.example",
    ]
    to_adeyemi = next(m for m in mail.outbox if m.to == ["adeyemi@stet.example"])
    assert to_adeyemi.subject == "New periodic reviews assigned to you (2)"
    assert "Condition 0" in to_adeyemi.body and "Condition 2" in to_adeyemi.body
    assert "Condition 1" not in to_adeyemi.body
    assert f"/work/cycles/{cycle_of(articles[0]).pk}/" in to_adeyemi.body
    rows = ReminderSent.objects.filter(kind=ReminderSent.Kind.ASSIGNED)
    assert sorted((r.cycle.article.title, r.recipient.username) for r in rows) == [
        ("Condition 0", "adeyemi"),
        ("Condition 1", "okafor"),
        ("Condition 2", "adeyemi"),
    ]
    assert {(row.sent_on, row.sent_at) for row in rows} == {(TODAY, NOW)}


def test_a_second_run_assigns_nothing_and_sends_nothing(maria, cardiology, nephrology, okafor):
    due_articles(2, specialty=cardiology, author=maria)
    unassignable = due_article(TODAY, specialty=nephrology, author=maria, title="Kidney stones")
    flag()
    assign()
    events = AuditEvent.objects.count()
    history = ReviewCycle.history.count()
    mail.outbox.clear()

    again = assign()

    assert (again.assigned, list(again.unassignable)) == ({}, [cycle_of(unassignable).pk])
    assert mail.outbox == []
    assert AuditEvent.objects.count() == events
    assert ReviewCycle.history.count() == history


def test_each_assignment_is_audited_and_tracked_as_the_scheduler(maria, cardiology, okafor):
    article = due_article(TODAY, specialty=cardiology, author=maria)
    flag()

    assign()

    cycle = cycle_of(article)
    assert (cycle.assignee, cycle.assigned_at) == (okafor.user, NOW)
    event = AuditEvent.objects.get(action="assign_cycle")
    assert (event.cycle, event.actor, event.at, event.note) == (
        cycle,
        system_user(),
        NOW,
        "Assigned to Ngozi Okafor, MD (least loaded)",
    )
    row = cycle.history.first()
    assert (row.history_type, row.assignee_id, row.history_user, row.history_change_reason) == (
        "~",
        okafor.user.pk,
        system_user(),
        "Assigned by the scheduler",
    )


def test_only_the_cycles_given_are_assigned_when_a_set_is_given(maria, cardiology, okafor):
    chosen, left = due_articles(2, specialty=cardiology, author=maria)
    flag()

    assign(cycles=ReviewCycle.objects.filter(article=chosen))

    assert assignees([chosen, left]) == ["okafor", None]


def test_assigning_many_cycles_costs_no_more_queries_than_a_few(maria, cardiology, okafor, adeyemi):
    for profile in (okafor, adeyemi):
        profile.capacity = 100
        profile.save()
    counts = []
    for prefix, count in (("A", 4), ("B", 30)):
        bulk_due_articles(count, due_on=TODAY, specialty=cardiology, author=maria, prefix=prefix)
        flag()
        with CaptureQueriesContext(connection) as queries:
            assert assign().assigned_count == count
        counts.append(len(queries))

    assert counts[0] == counts[1]
    assert len(mail.outbox) == 4  # one digest per reviewer per run
