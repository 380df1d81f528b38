"""Who is e-mailed about each workflow event: the next signer on submit and on each
advance, the revision's editors when it is sent back, approved, published or superseded.
Messages are written as rows in the transaction, their e-mail in the outbox, which sends
it after commit."""

import pytest
from django.core import mail
from django.urls import reverse

from accounts.roles import Role
from core import tasks
from core.models import OutgoingEmail
from core.outbox import outbox_send
from encyclopedia.models import Revision
from reviews import notifications, services
from reviews.models import AuditEvent, Notification
from reviews.services import publishing
from tests.accounts.factories import UserFactory
from tests.reviews.factories import (
    approved_revision,
    draft_change,
    edit,
    pending_step,
    reviewer,
    sign,
    submit,
    submitted_revision,
    typo_fixed,
    with_roles,
)

Kind = Revision.Kind
SUBJECT = "Atrial fibrillation v2"


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a workflow call and its after-commit tasks; return the e-mails it sent as
    [(recipients, subject)]."""

    def run(action, *args, **kwargs):
        sent_before = len(mail.outbox)
        with django_capture_on_commit_callbacks(execute=True):
            action(*args, **kwargs)
        return [(m.to, m.subject) for m in mail.outbox[sent_before:]]

    return run


def test_the_assigned_reviewer_is_emailed_on_submit(article, maria, okafor, committed):
    draft = draft_change(article, editor=maria)

    sent = committed(submit, draft)

    assert sent == [(["okafor@stet.example"], f"Review needed (medical review): {SUBJECT}")]
    body = mail.outbox[0].body
    assert "2025 ACC/AHA guideline: anticoagulation thresholds" in body
    assert "https://encyclopedia.example" + reverse("reviews:revision", args=[draft.pk]) in body


def test_each_advance_emails_the_next_steps_pool_then_the_author(
    article, maria, okafor, dugdale, brenda, committed
):
    revision = submitted_revision(article, editor=maria)

    assert committed(sign, revision, okafor.user) == [
        (["dugdale@stet.example"], f"Review needed (medical director): {SUBJECT}")
    ]
    assert committed(sign, revision, dugdale.user) == [
        (["brenda@stet.example"], f"Review needed (editorial director): {SUBJECT}")
    ]
    assert committed(sign, revision, brenda) == [
        (["maria@stet.example"], f"Approved — ready to publish: {SUBJECT}")
    ]


def test_the_author_is_emailed_when_a_colleague_publishes(article, maria, tom, signers, committed):
    revision = approved_revision(article, editor=maria, signers=signers)

    sent = committed(services.revision_publish, revision=revision, editor=tom)

    assert sent == [(["maria@stet.example"], f"Published: {SUBJECT}")]


def test_nobody_is_told_what_they_did_themselves(article, maria, signers, committed):
    revision = approved_revision(article, editor=maria, signers=signers)

    assert committed(services.revision_publish, revision=revision, editor=maria) == []


def test_a_pool_step_emails_everyone_who_holds_the_role(article, maria, brenda, committed):
    second = UserFactory(username="ines", roles=[Role.EDITORIAL_DIRECTOR])
    draft = draft_change(article, editor=maria, correction=True)

    sent = committed(submit, draft, kind=Kind.CORRECTION, change_summary="Typo")

    subject = f"Review needed (editorial director): {SUBJECT}"
    assert sorted(sent) == [(["brenda@stet.example"], subject), (["ines@stet.example"], subject)]
    assert second.email == "ines@stet.example"


def test_a_pool_email_skips_the_revisions_own_editors(article, maria, tom, brenda, committed):
    with_roles(tom, Role.EDITORIAL_DIRECTOR)
    draft = draft_change(article, editor=maria, correction=True)
    edit(draft, editor=tom, title="Atrial fibrillation (AF)", **typo_fixed(draft))

    sent = committed(submit, draft, kind=Kind.CORRECTION, change_summary="Typo")

    assert [to for to, _ in sent] == [["brenda@stet.example"]]


def test_a_pool_email_for_the_medical_review_skips_reviewers_who_cannot_sign(
    article, cardiology, maria, okafor, lee, committed
):
    # Dr. Okafor is at capacity, so the step waits in the pool. Dr. Lee's licence
    # expired: asking him to review something he may not sign is noise (scenario 8).
    okafor.capacity = 0
    okafor.save()
    draft = draft_change(article, editor=maria)

    sent = committed(submit, draft)

    assert pending_step(draft).assignee is None
    assert [to for to, _ in sent] == [["okafor@stet.example"]]


def test_every_editor_of_the_revision_hears_once_when_changes_are_requested(
    article, maria, tom, okafor, committed
):
    revision = draft_change(article, editor=maria)
    edit(revision, editor=tom, title="Atrial fibrillation (AF)")
    edit(revision, editor=maria, title="Atrial fibrillation")
    submit(revision)

    sent = committed(
        services.approval_request_changes,
        approval=pending_step(revision),
        signer=okafor.user,
        comment="Cite the trial.",
    )

    assert sorted(sent) == [
        (["maria@stet.example"], f"Changes requested: {SUBJECT}"),
        (["tom@stet.example"], f"Changes requested: {SUBJECT}"),
    ]


def test_a_reassigned_step_emails_its_new_assignee(
    article, maria, okafor, brenda, cardiology, committed
):
    adams = reviewer("adams", credit_name="Aaron Adams, MD", specialties=[cardiology])
    revision = submitted_revision(article, editor=maria, reviewer=okafor)

    sent = committed(
        services.approval_assign,
        approval=pending_step(revision),
        assignee=adams.user,
        director=brenda,
    )

    assert sent == [(["adams@stet.example"], f"Review needed (medical review): {SUBJECT}")]


def test_the_author_of_a_superseded_revision_is_told(article, maria, tom, signers, committed):
    rival = submitted_revision(article, editor=tom)
    winner = approved_revision(article, editor=maria, signers=signers)

    sent = committed(services.revision_publish, revision=winner, editor=maria)

    assert (["tom@stet.example"], f"Superseded: Atrial fibrillation v{rival.number}") in sent


def test_e_mail_goes_out_only_after_the_transaction_commits(
    article, maria, okafor, django_capture_on_commit_callbacks
):
    draft = draft_change(article, editor=maria)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        submit(draft)

    assert mail.outbox == []
    row = Notification.objects.get()
    assert (row.recipient, row.sent_at) == (okafor.user, None)
    assert len(callbacks) == 1


def test_a_rolled_back_action_writes_and_sends_nothing(
    article, maria, tom, signers, monkeypatch, committed
):
    submitted_revision(article, editor=tom)  # a rival to supersede
    winner = approved_revision(article, editor=maria, signers=signers)
    notifications_before = Notification.objects.count()
    emails_before = OutgoingEmail.objects.count()

    def fail(*args, **kwargs):
        raise RuntimeError("lock timeout")

    monkeypatch.setattr(publishing, "close_live_submission", fail)

    with pytest.raises(RuntimeError):
        committed(services.revision_publish, revision=winner, editor=tom)

    assert mail.outbox == []
    assert Notification.objects.count() == notifications_before
    assert OutgoingEmail.objects.count() == emails_before


def test_sending_an_events_mail_twice_sends_it_once(article, maria, okafor, committed):
    draft = draft_change(article, editor=maria)
    committed(submit, draft)
    event = AuditEvent.objects.get(revision=draft, action="submit")
    assert len(mail.outbox) == 1

    assert outbox_send() == 0
    assert tasks.send_outbox() == 0

    assert len(mail.outbox) == 1
    assert Notification.objects.get(event=event).email.status == OutgoingEmail.Status.SENT


def test_writing_an_events_messages_twice_writes_one_per_person(article, maria, okafor):
    draft = draft_change(article, editor=maria)
    submit(draft)
    event = AuditEvent.objects.get(revision=draft, action="submit")

    notifications.notifications_create(event=event)
    notifications.notifications_create(event=event)

    assert Notification.objects.filter(event=event).count() == 1


def test_a_person_without_an_email_address_is_skipped(article, maria, okafor):
    okafor.user.email = ""
    okafor.user.save()
    draft = draft_change(article, editor=maria)
    submit(draft)
    event = AuditEvent.objects.get(revision=draft, action="submit")

    email = Notification.objects.get(event=event).email
    assert (email.status, email.last_error) == (
        OutgoingEmail.Status.CANCELLED,
        "No e-mail address.",
    )
    assert outbox_send() == 0
    assert mail.outbox == []


def test_events_nobody_needs_to_hear_about_send_nothing(article, maria, okafor, committed):
    revision = submitted_revision(article, editor=maria)

    assert committed(services.revision_take_back, revision=revision, editor=maria) == []
    assert committed(services.revision_withdraw, revision=revision, editor=maria) == []


def test_the_mail_says_what_happened_in_words_and_names_people_as_printed(
    article, maria, okafor, committed
):
    revision = draft_change(article, editor=maria)
    submit(revision)

    committed(
        services.approval_request_changes,
        approval=pending_step(revision),
        signer=okafor.user,
        comment="Cite the trial.",
    )

    [letter] = [m for m in mail.outbox if m.to == ["maria@stet.example"]]
    assert letter.body.startswith("Hello Maria,\n\nNgozi Okafor asked for changes.\n")
    assert "okafor" not in letter.body.split("Open it in Stet")[0]
