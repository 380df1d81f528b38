"""The reviewer finds the page needs changes: a draft opens for its editor, and publishing
it answers the review. Other publishes, and retiring the article, close reviews too."""

import datetime

import pytest
from django.core import mail

from core.errors import DomainError, InvalidTransition, PermissionDenied
from encyclopedia import services as content
from encyclopedia.models import Article, Revision
from encyclopedia.services import SectionInput
from reviews import cycles, services
from reviews.models import AuditEvent, Comment, ReviewCycle
from tests.reviews.cycles.factories import (
    NOW,
    OLD_REVIEW_DATE,
    TODAY,
    assigned_cycle,
    at,
    due_article,
    flag,
    fresh,
    open_cycle,
)
from tests.reviews.factories import draft_change, proof_of

pytestmark = pytest.mark.django_db

NOTE = "The 2025 guideline lowered the anticoagulation threshold; update Treatment."


@pytest.fixture
def article(maria, cardiology):
    return due_article(datetime.date(2026, 7, 23), specialty=cardiology, author=maria)


@pytest.fixture
def cycle(article, okafor):
    return assigned_cycle(article, to=okafor.user)


def ask_for_changes(cycle, reviewer_user, note=NOTE, now=NOW):
    return cycles.review_cycle_request_changes(
        cycle=cycle, reviewer=reviewer_user, note=note, now=now
    )


def rewrite_treatment(draft, editor):
    sections, references = content.revision_content(draft)
    sections = [
        SectionInput(s.heading, "Anticoagulants are offered from a score of 2.")
        if s.heading == "Treatment"
        else s
        for s in sections
    ]
    return content.revision_save_draft(
        revision=fresh(draft),
        editor=editor,
        expected_version=fresh(draft).edit_version,
        title=draft.title,
        summary=draft.summary,
        sections=sections,
        references=references,
    )


def sign_and_publish(draft, *, editor, signers, kind, reviewed_whole_page=False, day=25):
    """Submit `draft`, have each signer approve in turn (on the `day`th), and publish it."""
    services.revision_submit(
        revision=draft, editor=editor, kind=kind, change_summary="Answering the review"
    )
    for signer in signers:
        step = draft.submissions.get(state="open").approvals.get(decision="pending")
        services.approval_approve(
            approval=step,
            signer=signer,
            proof=proof_of(signer, now=at(datetime.date(2026, 11, day))),
            attested=True,
            reviewed_whole_page=reviewed_whole_page,
            now=at(datetime.date(2026, 11, day)),
        )
    return services.revision_publish(revision=draft, editor=editor, now=at(TODAY, 15))


# --- Asking for changes ----------------------------------------------------------------


def test_asking_for_changes_opens_a_draft_for_the_pages_editor_linked_to_the_review(
    article, cycle, okafor, maria
):
    live = article.live_revision

    draft = ask_for_changes(cycle, okafor.user)

    assert (draft.author, draft.state, draft.based_on_id) == (maria, Revision.State.DRAFT, live.pk)
    assert content.revision_content(draft) == content.revision_content(live)
    cycle = fresh(cycle)
    assert (cycle.state, cycle.revision) == (ReviewCycle.State.IN_PROGRESS, draft)
    assert cycle.closed_at is None
    # The live page does not move until the draft is published.
    assert fresh(article).live_revision_id == live.pk
    assert fresh(article).last_reviewed_on == OLD_REVIEW_DATE


def test_the_reviewers_note_is_the_drafts_first_comment(article, cycle, okafor):
    draft = ask_for_changes(cycle, okafor.user)

    comment = Comment.objects.get(revision=draft)
    assert (comment.author, comment.body, comment.created_at) == (okafor.user, NOTE, NOW)


def test_the_comment_on_the_draft_is_tracked_with_its_author(article, cycle, okafor):
    draft = ask_for_changes(cycle, okafor.user)

    row = Comment.history.get(revision_id=draft.pk)
    assert row.history_user == okafor.user
    assert row.history_change_reason


def test_asking_for_changes_is_audited_and_tracked(article, cycle, okafor):
    draft = ask_for_changes(cycle, okafor.user)

    event = AuditEvent.objects.get(action="cycle_request_changes")
    assert (event.cycle_id, event.revision_id, event.actor, event.at, event.note) == (
        cycle.pk,
        draft.pk,
        okafor.user,
        NOW,
        NOTE,
    )
    assert (event.from_state, event.to_state) == ("open", "in_progress")
    row = fresh(cycle).history.first()
    assert (row.history_user, row.history_change_reason) == (
        okafor.user,
        f"Changes requested: {NOTE}",
    )


def test_the_pages_editor_is_emailed(article, cycle, okafor, django_capture_on_commit_callbacks):
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        ask_for_changes(cycle, okafor.user)

    assert [m.to for m in mail.outbox] == [["maria@stet.example"]]
    assert mail.outbox[0].subject == "Periodic review asks for changes: Atrial fibrillation v2"
    assert NOTE in mail.outbox[0].body


def test_asking_for_changes_needs_a_note(article, cycle, okafor):
    with pytest.raises(DomainError, match="Write what needs to change"):
        ask_for_changes(cycle, okafor.user, note="  ")

    assert fresh(cycle).state == ReviewCycle.State.OPEN
    assert Revision.objects.filter(article=article).count() == 1


def test_only_the_assigned_reviewer_may_ask_for_changes(article, cycle, adeyemi):
    with pytest.raises(PermissionDenied, match="assigned to Ngozi Okafor"):
        ask_for_changes(cycle, adeyemi.user)

    assert fresh(cycle).state == ReviewCycle.State.OPEN
    assert Revision.objects.filter(article=article).count() == 1


def test_changes_cannot_be_asked_twice(article, cycle, okafor):
    ask_for_changes(cycle, okafor.user)

    with pytest.raises(InvalidTransition):
        ask_for_changes(cycle, okafor.user, note="And the doses too.")

    assert Revision.objects.filter(article=article).count() == 2


# --- Publishing answers the review ----------------------------------------------------------


def test_publishing_the_requested_draft_completes_the_review_as_revised(
    article, cycle, okafor, maria, dugdale, brenda
):
    draft = ask_for_changes(cycle, okafor.user)
    rewrite_treatment(draft, maria)

    sign_and_publish(
        draft, editor=maria, signers=[okafor.user, dugdale.user, brenda], kind="full_review"
    )

    cycle = fresh(cycle)
    assert (cycle.state, cycle.outcome, cycle.revision_id) == ("completed", "revised", draft.pk)
    assert (cycle.closed_at, cycle.closed_by) == (at(TODAY, 15), maria)
    event = AuditEvent.objects.get(action="complete_cycle")
    assert (event.cycle_id, event.actor, event.note) == (cycle.pk, maria, "Revised: v2 published")
    article = fresh(article)
    assert article.live_revision_id == draft.pk
    assert article.last_reviewed_on == datetime.date(2026, 11, 25)
    assert flag().opened == 0


def test_publishing_the_requested_draft_as_an_update_still_completes_the_review(
    article, cycle, okafor, maria, dugdale, brenda
):
    draft = ask_for_changes(cycle, okafor.user)
    rewrite_treatment(draft, maria)

    sign_and_publish(
        draft,
        editor=maria,
        signers=[okafor.user, dugdale.user, brenda],
        kind="update",
        reviewed_whole_page=True,
    )

    assert fresh(cycle).outcome == ReviewCycle.Outcome.REVISED
    assert fresh(article).last_reviewed_on == datetime.date(2026, 11, 25)


def test_answering_the_review_with_a_partial_update_does_not_leave_the_article_due(
    article, cycle, okafor, maria, dugdale, brenda
):
    # The reviewer signs the requested draft without reviewing the whole page: the
    # Review Date cannot move. The review must not then count as answered while the
    # article stays overdue, or the next night opens the same review again.
    draft = ask_for_changes(cycle, okafor.user)
    rewrite_treatment(draft, maria)

    sign_and_publish(
        draft, editor=maria, signers=[okafor.user, dugdale.user, brenda], kind="update"
    )

    assert flag(datetime.date(2026, 11, 28)).opened == 0
    assert ReviewCycle.objects.filter(article=article).count() == 1


def test_publishing_an_unrelated_full_review_answers_the_open_review(
    article, cycle, okafor, maria, dugdale, brenda
):
    draft = services.revision_start_draft(article=article, editor=maria)
    rewrite_treatment(draft, maria)

    sign_and_publish(
        draft, editor=maria, signers=[okafor.user, dugdale.user, brenda], kind="full_review"
    )

    cycle = fresh(cycle)
    assert (cycle.state, cycle.outcome, cycle.revision_id) == ("completed", "revised", draft.pk)
    assert fresh(article).last_reviewed_on == datetime.date(2026, 11, 25)


def test_publishing_a_correction_leaves_the_review_open(article, cycle, maria, brenda):
    draft = draft_change(article, editor=maria, correction=True)

    sign_and_publish(draft, editor=maria, signers=[brenda], kind="correction")

    cycle = fresh(cycle)
    assert (cycle.state, cycle.outcome, cycle.closed_at) == ("open", "", None)
    assert fresh(article).last_reviewed_on == OLD_REVIEW_DATE
    assert fresh(article).live_revision_id == draft.pk


def test_publishing_an_update_not_reviewed_as_a_whole_leaves_the_review_open(
    article, cycle, okafor, maria, dugdale, brenda
):
    draft = services.revision_start_draft(article=article, editor=maria)
    rewrite_treatment(draft, maria)

    sign_and_publish(
        draft, editor=maria, signers=[okafor.user, dugdale.user, brenda], kind="update"
    )

    assert fresh(cycle).state == ReviewCycle.State.OPEN
    assert fresh(article).last_reviewed_on == OLD_REVIEW_DATE


def _withdraw(draft, *, maria, okafor, **_):
    services.revision_withdraw(revision=draft, editor=maria, note="Not needed after all")


def _reject(draft, *, maria, okafor, **_):
    rewrite_treatment(draft, maria)
    services.revision_submit(revision=draft, editor=maria, kind="update", change_summary="Doses")
    step = draft.submissions.get(state="open").approvals.get(decision="pending")
    services.approval_reject(approval=step, signer=okafor.user, comment="Wrong thresholds.")


@pytest.mark.parametrize(
    "abandon",
    [pytest.param(_withdraw, id="withdrawn"), pytest.param(_reject, id="rejected")],
)
def test_a_review_whose_draft_is_abandoned_can_still_be_answered(
    article, cycle, okafor, maria, abandon
):
    draft = ask_for_changes(cycle, okafor.user)
    abandon(draft, maria=maria, okafor=okafor)

    # Whatever the nightly jobs do with it, the article's review must not stay stuck
    # "in progress" on a draft that will never be published.
    flag(datetime.date(2026, 11, 28))
    cycles.review_cycles_auto_assign(today=datetime.date(2026, 11, 28))
    review = ReviewCycle.objects.open().get(article=article)
    assert review.state == ReviewCycle.State.OPEN
    assert review.assignee == okafor.user
    recertify_on_28th = at(datetime.date(2026, 11, 28))
    cycles.review_cycle_recertify(
        cycle=review,
        reviewer=okafor.user,
        proof=proof_of(okafor.user, now=recertify_on_28th),
        attested=True,
        now=recertify_on_28th,
    )
    assert fresh(article).last_reviewed_on == datetime.date(2026, 11, 28)


# --- Retiring the article cancels its review ------------------------------------------------


def test_retiring_an_article_cancels_its_open_review(article, cycle, brenda):
    services.article_retire(
        article=article, director=brenda, reason="Merged into Arrhythmia", now=NOW
    )

    cycle = fresh(cycle)
    assert (cycle.state, cycle.outcome) == (ReviewCycle.State.CANCELLED, "")
    assert (cycle.closed_at, cycle.closed_by) == (NOW, brenda)
    event = AuditEvent.objects.get(action="cancel_cycle")
    assert (event.cycle_id, event.actor, event.note) == (
        cycle.pk,
        brenda,
        "Article retired: Merged into Arrhythmia",
    )
    row = cycle.history.first()
    assert (row.history_user, row.history_change_reason) == (
        brenda,
        "Article retired: Merged into Arrhythmia",
    )
    assert fresh(article).status == Article.Status.RETIRED


def test_retiring_an_article_cancels_a_review_whose_draft_is_in_progress(
    article, cycle, okafor, brenda
):
    ask_for_changes(cycle, okafor.user)

    services.article_retire(article=article, director=brenda, reason="Merged", now=NOW)

    assert fresh(cycle).state == ReviewCycle.State.CANCELLED


@pytest.mark.parametrize("person", ["maria", "okafor", "dugdale", "charlie"])
def test_only_an_editorial_director_retires_an_article(request, article, person):
    cycle = open_cycle(article)
    someone = request.getfixturevalue(person)

    with pytest.raises(PermissionDenied):
        services.article_retire(
            article=article, director=getattr(someone, "user", someone), reason="Merged"
        )

    assert fresh(cycle).state == ReviewCycle.State.OPEN
    assert fresh(article).status == Article.Status.PUBLISHED
