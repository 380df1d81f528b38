"""The command twins of the scheduled jobs: they say what they did, --dry-run changes
nothing and sends nothing, a bad --date is refused, and every run is recorded."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import CommandError, ManagementUtility, call_command
from django.core.management import base as management_base

from core.jobs import last_successes
from core.models import JobRun
from reporting.models import MetricSnapshot
from reviews import cycles
from reviews.models import ReminderSent, ReviewCycle
from tests.mail import committed
from tests.reviews.cycles.factories import TODAY, at, days, due_article, flag

pytestmark = pytest.mark.django_db

D = datetime.date
JOBS = [
    "flag_overdue_reviews",
    "assign_reviewers",
    "send_review_reminders",
    "snapshot_review_metrics",
]


class RecordingBackend(BaseEmailBackend):
    """The 'real' outgoing mail of these tests: whatever reaches it has left Stet."""

    sent: list = []

    def send_messages(self, messages):
        RecordingBackend.sent.extend(messages)
        return len(messages)


@pytest.fixture
def outgoing_mail(settings):
    settings.EMAIL_BACKEND = "tests.reviews.cycles.test_commands.RecordingBackend"
    RecordingBackend.sent = []
    return RecordingBackend.sent


def run(name: str, *args: str) -> str:
    """The command, run as from a shell: its transaction commits, so what it queued in the
    outbox is sent."""
    out = StringIO()
    committed(call_command, name, *args, stdout=out)
    return out.getvalue().strip()


@pytest.fixture
def due(maria, cardiology, nephrology):
    """Two cardiology articles and one nephrology article, all overdue on the 27th."""
    return [
        due_article(D(2026, 10, 1), specialty=cardiology, author=maria),
        due_article(D(2026, 11, 20), specialty=cardiology, author=maria, title="Angina"),
        due_article(D(2026, 11, 1), specialty=nephrology, author=maria, title="Kidney stones"),
    ]


# --- flag_overdue_reviews -------------------------------------------------------------------


def test_flag_overdue_reviews_says_what_it_opened_and_records_the_run(due):
    output = run("flag_overdue_reviews", "--date", "2026-11-27")

    assert output == "2026-11-27: opened 3 review cycles (0 due soon)."
    assert ReviewCycle.objects.count() == 3
    job = JobRun.objects.get()
    assert (job.job, job.succeeded, job.error) == ("flag_overdue_reviews", True, "")
    assert job.summary == {"opened": 3, "due_soon": 0}
    assert job.finished_at is not None


def test_flag_overdue_reviews_acts_on_today_in_new_york_without_a_date(due):
    assert run("flag_overdue_reviews") == "2026-11-27: opened 3 review cycles (0 due soon)."


def test_flag_overdue_reviews_acts_as_of_the_given_date(due):
    assert run("flag_overdue_reviews", "--date", "2026-11-05") == (
        "2026-11-05: opened 2 review cycles (0 due soon)."
    )


def test_flag_overdue_reviews_takes_a_batch_size(due):
    run("flag_overdue_reviews", "--batch-size", "1")

    assert ReviewCycle.objects.count() == 3


def test_a_dry_run_of_flag_overdue_reviews_says_what_it_would_open_and_opens_nothing(due):
    output = run("flag_overdue_reviews", "--dry-run")

    assert output == (
        "Dry run for 2026-11-27: opened 3 review cycles (0 due soon). Nothing was changed."
    )
    assert not ReviewCycle.objects.exists()
    assert not ReviewCycle.history.exists()
    assert not JobRun.objects.exists()


# --- assign_reviewers -----------------------------------------------------------------------


def test_assign_reviewers_says_what_it_assigned_and_why_it_could_not(due, okafor, outgoing_mail):
    flag()

    output = run("assign_reviewers", "--date", "2026-11-27")

    assert output == (
        "2026-11-27: assigned 2 review cycles; 1 unassignable: "
        "No active reviewer with a valid licence covers Nephrology."
    )
    assert [m.to for m in outgoing_mail] == [["okafor@stet.example"]]
    assert JobRun.objects.get().summary == {}


def test_a_dry_run_of_assign_reviewers_assigns_nothing_and_sends_nothing(
    due, okafor, outgoing_mail
):
    flag()

    output = run("assign_reviewers", "--dry-run")

    assert output.startswith("Dry run for 2026-11-27: assigned 2 review cycles; 1 unassignable")
    assert output.endswith("Nothing was changed.")
    assert not ReviewCycle.objects.exclude(assignee=None).exists()
    assert not ReviewCycle.objects.exclude(unassigned_reason="").exists()
    assert not ReminderSent.objects.exists()
    assert outgoing_mail == []


# --- send_review_reminders --------------------------------------------------------------------


@pytest.fixture
def assigned_a_week_ago(due, okafor):
    flag(D(2026, 11, 20))
    committed(cycles.review_cycles_auto_assign, today=D(2026, 11, 20), now=at(D(2026, 11, 20)))
    mail.outbox.clear()


def test_send_review_reminders_says_what_it_sent(assigned_a_week_ago, brenda, outgoing_mail):
    output = run("send_review_reminders", "--date", "2026-11-27")

    # Dr. Okafor: one digest of her two reviews; Brenda: one escalation (57 days overdue,
    # and the unassigned nephrology review is 26 days overdue, below the threshold).
    assert output == "2026-11-27: 2 reminders and 1 escalations recorded; 2 e-mails queued."
    assert sorted(m.to[0] for m in outgoing_mail) == ["brenda@stet.example", "okafor@stet.example"]
    assert JobRun.objects.get().summary == {"reminders": 2, "escalations": 1, "emails": 2}


def test_a_dry_run_of_send_review_reminders_records_nothing_and_sends_nothing(
    assigned_a_week_ago, brenda, outgoing_mail
):
    before = ReminderSent.objects.count()

    output = run("send_review_reminders", "--dry-run")

    assert output == (
        "Dry run for 2026-11-27: 2 reminders and 1 escalations recorded; 2 e-mails queued. "
        "Nothing was changed."
    )
    assert outgoing_mail == []
    assert ReminderSent.objects.count() == before
    # …and the real run afterwards still sends them.
    run("send_review_reminders")
    assert len(outgoing_mail) == 2


# --- snapshot_review_metrics ----------------------------------------------------------------


def test_snapshot_review_metrics_says_what_it_recorded(due):
    assert run("snapshot_review_metrics") == "2026-11-27: recorded 3 snapshot rows."
    assert MetricSnapshot.objects.filter(day=TODAY).count() == 3
    assert JobRun.objects.get().summary == {"result": 3}


def test_a_dry_run_of_snapshot_review_metrics_records_nothing(due):
    assert run("snapshot_review_metrics", "--dry-run") == (
        "Dry run for 2026-11-27: recorded 3 snapshot rows. Nothing was changed."
    )
    assert not MetricSnapshot.objects.exists()


# --- Bad input and failures -------------------------------------------------------------------


@pytest.mark.parametrize("job", JOBS)
@pytest.mark.parametrize("bad", ["2026-02-30", "27/11/2026", "tomorrow"])
def test_an_impossible_date_is_refused_with_a_clear_message(due, job, bad):
    with pytest.raises(CommandError) as refusal:
        run(job, "--date", bad)

    assert str(refusal.value) == f"--date must be a real date as YYYY-MM-DD, not {bad!r}."
    assert not JobRun.objects.exists()
    assert not ReviewCycle.objects.exists()


def test_from_the_shell_an_impossible_date_exits_non_zero(due, capsys, monkeypatch):
    # The shell entry point closes every connection when it ends; keep the test's open.
    monkeypatch.setattr(management_base.connections, "close_all", lambda: None)
    utility = ManagementUtility(["manage.py", "flag_overdue_reviews", "--date", "2026-02-30"])

    with pytest.raises(SystemExit) as exit_:
        utility.execute()

    assert exit_.value.code != 0
    assert "--date must be a real date as YYYY-MM-DD, not '2026-02-30'." in capsys.readouterr().err
    assert not ReviewCycle.objects.exists()


def database_went_away(**kwargs):
    raise RuntimeError("database went away")


def test_a_failing_run_is_recorded_with_its_error(due, monkeypatch):
    monkeypatch.setattr(cycles, "review_cycles_flag_overdue", database_went_away)

    with pytest.raises(RuntimeError):
        run("flag_overdue_reviews")

    job = JobRun.objects.get()
    assert (job.job, job.succeeded) == ("flag_overdue_reviews", False)
    assert "RuntimeError: database went away" in job.error
    assert job.finished_at is not None


def test_a_failed_run_does_not_count_as_the_last_success(due, monkeypatch, clock):
    run("flag_overdue_reviews")
    clock.shift(days(1))
    monkeypatch.setattr(cycles, "review_cycles_flag_overdue", database_went_away)
    with pytest.raises(RuntimeError):
        run("flag_overdue_reviews")

    assert last_successes()["flag_overdue_reviews"] == at(TODAY)
    assert JobRun.objects.filter(succeeded=False).count() == 1
