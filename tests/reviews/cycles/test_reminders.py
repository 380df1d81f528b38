"""Reminder digests to reviewers on the policy's cadence, escalation digests to editorial
directors, and the record that keeps either from going out twice."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from core.models import OutgoingEmail
from core.outbox import outbox_send
from encyclopedia import services as content
from reviews import cycles, services
from reviews.cycles import reminders
from reviews.models import ReminderSent, ReviewCycle
from tests.mail import committed
from tests.reviews.cycles.factories import TODAY, at, days, due_article, flag
from tests.reviews.factories import proof_of

pytestmark = pytest.mark.django_db

D = datetime.date
REMINDER_SUBJECT = "Your open periodic reviews"
ESCALATION_SUBJECT = "Periodic reviews overdue beyond the escalation threshold"


def assign_on(day: datetime.date) -> None:
    """The nightly jobs of `day`: open what is due and assign it (with its digest)."""
    flag(day)
    committed(cycles.review_cycles_auto_assign, today=day, now=at(day, 6))


def remind(day: datetime.date = TODAY) -> cycles.ReminderResult:
    """The day's reminder job, committed: its digests leave through the outbox."""
    return committed(cycles.review_cycles_remind, today=day, now=at(day, 13))


def mails(subject_start: str, to: str | None = None) -> list:
    return [
        m
        for m in mail.outbox
        if m.subject.startswith(subject_start) and (to is None or m.to == [to])
    ]


def cycle_of(article) -> ReviewCycle:
    return ReviewCycle.objects.get(article=article)


@pytest.fixture
def okafors_three(maria, cardiology, okafor):
    """Three cardiology reviews assigned to Dr. Okafor on November 13."""
    articles = [
        due_article(D(2026, 10, 20), specialty=cardiology, author=maria),
        due_article(D(2026, 11, 10), specialty=cardiology, author=maria, title="Angina"),
        due_article(D(2026, 11, 12), specialty=cardiology, author=maria, title="Heart murmur"),
    ]
    assign_on(D(2026, 11, 13))
    assert {cycle_of(a).assignee for a in articles} == {okafor.user}
    mail.outbox.clear()
    return articles


# --- Reminders ----------------------------------------------------------------------------


def test_each_reviewer_gets_one_digest_listing_all_their_open_reviews(
    okafors_three, maria, cardiology, adeyemi
):
    angioplasty = due_article(D(2026, 11, 20), specialty=cardiology, author=maria, title="Stent")
    assign_on(D(2026, 11, 24))
    assert cycle_of(angioplasty).assignee == adeyemi.user
    mail.outbox.clear()

    result = remind(D(2026, 11, 27))

    assert (result.reminders, result.emails) == (3, 1)
    (digest,) = mails(REMINDER_SUBJECT)
    assert digest.to == ["okafor@stet.example"]
    assert digest.subject == "Your open periodic reviews (3)"
    body = digest.body
    assert "- Atrial fibrillation (000001): 38 days overdue" in body
    assert "- Angina (000002): 17 days overdue" in body
    assert "- Heart murmur (000003): 15 days overdue" in body
    assert f"https://encyclopedia.example/work/cycles/{cycle_of(okafors_three[0]).pk}/" in body
    # Dr. Adeyemi was given hers three days ago: her reminder is not due yet.
    assert mails(REMINDER_SUBJECT, to="adeyemi@stet.example") == []


def test_the_assignment_digest_counts_as_the_first_reminder(okafors_three):
    assert remind(D(2026, 11, 19)).reminders == 0
    assert remind(D(2026, 11, 20)).reminders == 3


def test_no_second_reminder_within_the_cadence_and_another_after_it(okafors_three):
    remind(D(2026, 11, 20))
    assert len(mails(REMINDER_SUBJECT)) == 1

    assert remind(D(2026, 11, 26)).emails == 0
    assert len(mails(REMINDER_SUBJECT)) == 1

    assert remind(D(2026, 11, 27)).reminders == 3
    assert len(mails(REMINDER_SUBJECT)) == 2
    sent_on = ReminderSent.objects.filter(kind=ReminderSent.Kind.REMINDER).values_list(
        "sent_on", flat=True
    )
    assert sorted(set(sent_on)) == [D(2026, 11, 20), D(2026, 11, 27)]


def test_the_cadence_follows_the_policy(okafors_three, brenda):
    content.review_policy_update(user=brenda, reminder_every_days=3)

    assert remind(D(2026, 11, 15)).reminders == 0
    assert remind(D(2026, 11, 16)).reminders == 3
    assert remind(D(2026, 11, 18)).reminders == 0
    assert remind(D(2026, 11, 19)).reminders == 3


def test_running_twice_on_the_same_day_sends_nothing_the_second_time(okafors_three, brenda):
    first = remind()
    assert first.emails == 2  # Dr. Okafor's reminder, Brenda's escalation

    second = remind()

    assert (second.reminders, second.escalations, second.emails) == (0, 0, 0)
    assert len(mail.outbox) == 2
    assert ReminderSent.objects.filter(sent_on=TODAY).count() == 4


def test_with_the_mail_server_down_the_run_finishes_and_its_digest_goes_out_once_later(
    okafors_three, settings
):
    settings.EMAIL_BACKEND = "tests.mail.MailServerDown"
    first = remind()
    assert first.emails == 1
    assert mail.outbox == []
    (email,) = OutgoingEmail.objects.filter(subject__startswith=REMINDER_SUBJECT)
    assert (email.status, email.attempts) == (OutgoingEmail.Status.QUEUED, 1)
    assert "SMTPServerDisconnected" in email.last_error

    settings.EMAIL_BACKEND = "tests.mail.GuardedBackend"
    remind()  # the same day again: nothing new to say
    assert outbox_send(now=at(TODAY, 13) + datetime.timedelta(minutes=5)) == 1
    assert outbox_send(now=at(TODAY, 14)) == 0

    assert len(mails(REMINDER_SUBJECT)) == 1
    assert all(row.sent_at for row in ReminderSent.objects.filter(sent_on=TODAY))


# --- Closing a cycle stops its reminders -------------------------------------------------


def test_re_certifying_a_review_takes_it_out_of_the_next_digest(okafors_three, okafor):
    cycles.review_cycle_recertify(
        cycle=cycle_of(okafors_three[0]),
        reviewer=okafor.user,
        proof=proof_of(okafor.user, now=at(TODAY, 9)),
        attested=True,
        now=at(TODAY, 9),
    )

    remind()

    (digest,) = mails(REMINDER_SUBJECT)
    assert digest.subject == "Your open periodic reviews (2)"
    assert "Atrial fibrillation" not in digest.body


def test_a_reminder_recorded_but_not_yet_in_a_digest_is_dropped_when_its_cycle_closes(
    okafors_three, okafor
):
    # Recorded, as a run does before it writes the digest (another run may hold them).
    reminders.record_reminders(
        [(cycle_of(a).pk, okafor.user_id) for a in okafors_three],
        kind=ReminderSent.Kind.REMINDER,
        today=TODAY,
    )
    closed = cycle_of(okafors_three[0])
    assert ReminderSent.objects.filter(cycle=closed, sent_on=TODAY, email=None).exists()

    cycles.review_cycle_recertify(
        cycle=closed,
        reviewer=okafor.user,
        proof=proof_of(okafor.user, now=at(TODAY, 14)),
        attested=True,
        now=at(TODAY, 14),
    )
    remind()

    (digest,) = mails(REMINDER_SUBJECT)
    assert digest.subject == "Your open periodic reviews (2)"
    assert "Atrial fibrillation" not in digest.body
    assert not ReminderSent.objects.filter(cycle=closed, sent_on=TODAY).exists()


def test_retiring_an_article_takes_its_review_out_of_the_next_digest(okafors_three, brenda):
    services.article_retire(article=okafors_three[1], director=brenda, reason="Merged")

    remind()

    (digest,) = mails(REMINDER_SUBJECT)
    assert digest.subject == "Your open periodic reviews (2)"
    assert "Angina" not in digest.body


# --- Escalation ---------------------------------------------------------------------------


@pytest.fixture
def overdue_mix(maria, cardiology, nephrology, okafor):
    """On the 27th: one review 31 days overdue, one exactly 30, one unassignable 45."""
    articles = {
        "31 days": due_article(D(2026, 10, 27), specialty=cardiology, author=maria, title="AF"),
        "30 days": due_article(D(2026, 10, 28), specialty=cardiology, author=maria, title="Angina"),
        "unassigned": due_article(
            D(2026, 10, 13), specialty=nephrology, author=maria, title="Kidney stones"
        ),
    }
    assign_on(TODAY)
    assert cycle_of(articles["unassigned"]).assignee is None
    mail.outbox.clear()
    return articles


def test_reviews_overdue_beyond_the_threshold_are_escalated_to_every_editorial_director(
    overdue_mix, brenda, osei
):
    result = remind()

    assert result.escalations == 4  # two cycles, two directors
    digests = mails(ESCALATION_SUBJECT)
    assert sorted(m.to[0] for m in digests) == ["brenda@stet.example", "osei@stet.example"]
    for digest in digests:
        assert digest.subject == f"{ESCALATION_SUBJECT} (2)"
        assert "- AF (000001): 31 days overdue — assigned to Ngozi Okafor" in digest.body
        assert "Kidney stones (000003): 45 days overdue" in digest.body
        assert "Angina" not in digest.body


def test_an_unassigned_review_is_escalated_as_unassigned_not_as_assigned_to_none(
    overdue_mix, brenda
):
    remind()

    (digest,) = mails(ESCALATION_SUBJECT)
    line = next(line for line in digest.body.splitlines() if "Kidney stones" in line)
    assert "None" not in line
    assert "unassigned" in line.lower()


def test_a_deactivated_director_gets_no_escalation(overdue_mix, brenda, osei):
    osei.is_active = False
    osei.save()

    remind()

    assert [m.to for m in mails(ESCALATION_SUBJECT)] == [["brenda@stet.example"]]


def test_no_escalation_below_the_threshold(maria, cardiology, okafor, brenda):
    due_article(D(2026, 10, 28), specialty=cardiology, author=maria)
    assign_on(TODAY)

    assert remind().escalations == 0
    assert mails(ESCALATION_SUBJECT) == []


def test_the_escalation_threshold_follows_the_policy(overdue_mix, brenda):
    content.review_policy_update(user=brenda, escalate_after_days=10)

    remind()

    (digest,) = mails(ESCALATION_SUBJECT)
    assert digest.subject == f"{ESCALATION_SUBJECT} (3)"
    assert "Angina" in digest.body


def test_escalations_repeat_on_the_reminder_cadence_not_daily(overdue_mix, brenda):
    def escalated_on(day):
        remind(day)
        return sorted(
            ReminderSent.objects.filter(kind=ReminderSent.Kind.ESCALATION, sent_on=day).values_list(
                "cycle__article__title", flat=True
            )
        )

    assert escalated_on(TODAY) == ["AF", "Kidney stones"]
    # The next day only the review that has just crossed the threshold is news.
    assert escalated_on(TODAY + days(1)) == ["Angina"]
    assert escalated_on(TODAY + days(6)) == []
    assert escalated_on(TODAY + days(7)) == ["AF", "Kidney stones"]
    assert escalated_on(TODAY + days(8)) == ["Angina"]


# --- Shown on the cycle ------------------------------------------------------------------


def test_the_cycle_page_lists_the_reminders_sent_about_it(client, okafors_three, okafor):
    remind(D(2026, 11, 20))
    cycle = cycle_of(okafors_three[0])
    client.force_login(okafor.user)

    page = client.get(reverse("reviews:cycle", args=[cycle.pk])).content.decode()

    assert "Reminders sent" in page
    assert "2026-11-20 — Reminder to Ngozi Okafor" in page
    assert "2026-11-13 — New assignment to Ngozi Okafor" in page
