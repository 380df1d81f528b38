"""services.revision_publish: an approved revision becomes the live page, atomically with
its Review Date and credits (DESIGN rules 3 and 4); rivals of the old page are superseded."""

import datetime
from unittest import mock

import pytest
from django.db import connection

from core.errors import InvalidTransition, PermissionDenied
from encyclopedia import services as content
from encyclopedia.models import Article, Rendering, Revision
from encyclopedia.page_content import RENDERER
from encyclopedia.search import matching
from encyclopedia.services import SectionInput
from reviews import services
from reviews.models import Approval, AuditEvent, Step, Submission
from reviews.services import publishing
from tests.encyclopedia.factories import DEFAULT_ALSO_REVIEWED_BY
from tests.reviews.factories import (
    CHANGE_SUMMARY,
    LIVE_SECTIONS,
    OLD_CREDIT,
    OLD_REVIEW_DATE,
    TODAY,
    approved_revision,
    at,
    draft_change,
    fresh,
    last_event,
    live_article,
    pending_step,
    revision_in_state,
    sign,
    sign_all,
    steps_of,
    submit,
    submitted_revision,
    workflow_snapshot,
)

State = Revision.State
Kind = Revision.Kind
OKAFOR_CREDIT = (
    "Ngozi Okafor, MD, Associate Professor of Medicine, Division of Cardiology, "
    "Riverside University School of Medicine"
)
LATER_SIGNERS = [
    {"name": "David C. Dugdale, MD", "role": "Medical Director"},
    {"name": "Brenda Conaway", "role": "Editorial Director"},
]
OLD_ALSO_REVIEWED_BY = [credit.as_json() for credit in DEFAULT_ALSO_REVIEWED_BY]


def publish(revision, editor, **kwargs):
    return services.revision_publish(revision=revision, editor=editor, **kwargs)


@pytest.fixture
def reviewed_last_week(article, maria, okafor, dugdale, brenda, today):
    """A full review of Atrial fibrillation submitted on 11/18, signed by Dr. Okafor on
    11/20, by Dr. Dugdale on 11/23 and by Brenda on 11/24; today is 11/27."""
    today.move_to(at("2026-11-18"))
    revision = submitted_revision(article, editor=maria, kind=Kind.FULL_REVIEW)
    sign(revision, okafor.user, now=at("2026-11-20"))
    sign(revision, dugdale.user, now=at("2026-11-23"))
    sign(revision, brenda, now=at("2026-11-24"))
    today.move_to(TODAY)
    return fresh(revision)


# --- What a publish moves -------------------------------------------------------------


def test_a_full_review_moves_the_review_date_to_the_medical_sign_off(
    article, maria, okafor, reviewed_last_week
):
    published = publish(reviewed_last_week, maria)

    article = Article.objects.get(pk=published.pk)
    assert article.live_revision == reviewed_last_week
    assert article.last_reviewed_on == datetime.date(2026, 11, 20)
    assert article.next_review_due == datetime.date(2028, 11, 20)
    assert article.last_updated_on == datetime.date(2026, 11, 27)
    assert article.reviewed_by == okafor
    assert article.reviewed_by_credit == OKAFOR_CREDIT
    assert article.also_reviewed_by == LATER_SIGNERS


def test_publishing_marks_the_revision_and_its_submission_published(
    article, maria, reviewed_last_week
):
    publish(reviewed_last_week, maria)

    revision = fresh(reviewed_last_week)
    assert (revision.state, revision.published_at) == (State.PUBLISHED, TODAY)
    assert Submission.objects.get(revision=revision).state == Submission.State.PUBLISHED
    event = last_event(revision)
    assert (event.action, event.actor, event.from_state, event.to_state, event.note) == (
        "publish",
        maria,
        State.APPROVED,
        State.PUBLISHED,
        CHANGE_SUMMARY,
    )
    reason = "Published v2 (full review)"
    revision_history = revision.history.first()
    assert (
        revision_history.state,
        revision_history.history_type,
        revision_history.history_user,
        revision_history.history_change_reason,
    ) == (State.PUBLISHED, "~", maria, reason)
    submission_history = Submission.history.filter(revision_id=revision.pk).first()
    assert (
        submission_history.state,
        submission_history.history_type,
        submission_history.history_user,
        submission_history.history_change_reason,
    ) == (Submission.State.PUBLISHED, "~", maria, reason)
    article_history = Article.objects.get(pk=article.pk).history.first()
    assert article_history.history_user == maria
    assert article_history.history_change_reason == reason


def test_the_previous_live_revision_stays_published_and_unchanged(
    article, maria, reviewed_last_week
):
    old_live = article.live_revision
    old_content = content.revision_content(old_live)

    publish(reviewed_last_week, maria)

    old_live = fresh(old_live)
    assert old_live.state == State.PUBLISHED
    assert content.revision_content(old_live) == old_content


def test_the_credit_is_the_reviewers_title_as_it_was_when_she_signed(
    article, maria, okafor, reviewed_last_week
):
    okafor.title = "Professor of Medicine and Chief of Cardiology"
    okafor.save()

    publish(reviewed_last_week, maria)

    article.refresh_from_db()
    assert article.reviewed_by_credit == OKAFOR_CREDIT


def test_the_review_date_is_the_sign_off_day_in_new_york(article, maria, signers):
    # 23:30 in New York is already the next day in UTC.
    revision = submitted_revision(article, editor=maria, kind=Kind.FULL_REVIEW)
    sign_all(revision, *signers, now=at("2026-11-26", 23, 30))

    publish(revision, maria)

    article.refresh_from_db()
    assert article.last_reviewed_on == datetime.date(2026, 11, 26)


def test_the_review_date_is_backed_by_the_recorded_sign_off(article, maria, reviewed_last_week):
    publish(reviewed_last_week, maria)

    article.refresh_from_db()
    medical = Approval.objects.get(
        submission__revision=reviewed_last_week, step=Step.MEDICAL_REVIEW
    )
    assert medical.decision == Approval.Decision.APPROVED
    assert article.reviewed_by.user == medical.decided_by
    assert article.last_reviewed_on == medical.decided_at.astimezone(TODAY.tzinfo).date()
    assert article.reviewed_by_credit == medical.signer_credit


def test_an_update_moves_only_the_updated_date(article, maria, tom, signers):
    revision = approved_revision(
        article, editor=maria, signers=signers, kind=Kind.UPDATE, sign_at=at("2026-11-20")
    )

    publish(revision, tom)

    article.refresh_from_db()
    assert article.live_revision == revision
    assert article.last_updated_on == datetime.date(2026, 11, 27)
    assert article.last_reviewed_on == OLD_REVIEW_DATE
    assert article.next_review_due == datetime.date(2026, 7, 23)
    assert article.reviewed_by_credit == OLD_CREDIT
    assert article.also_reviewed_by == OLD_ALSO_REVIEWED_BY


def test_an_update_whose_reviewer_reviewed_the_whole_page_moves_the_review_date(
    article, maria, okafor, signers
):
    revision = approved_revision(
        article,
        editor=maria,
        signers=signers,
        kind=Kind.UPDATE,
        sign_at=at("2026-11-20"),
        reviewed_whole_page=True,
    )

    publish(revision, maria)

    article.refresh_from_db()
    assert article.last_reviewed_on == datetime.date(2026, 11, 20)
    assert article.next_review_due == datetime.date(2028, 11, 20)
    assert article.reviewed_by == okafor
    assert article.reviewed_by_credit == OKAFOR_CREDIT
    assert article.also_reviewed_by == LATER_SIGNERS


def test_a_publish_reads_the_articles_open_review_once_and_locks_it(
    article, maria, signers, django_assert_max_num_queries
):
    # An update whose reviewer did not review the whole page asks whether it answers a
    # review in progress, and the publish then closes the reviews it answers: both are
    # judged from one locked read of the article's open reviews.
    revision = approved_revision(article, editor=maria, signers=signers, kind=Kind.UPDATE)

    with django_assert_max_num_queries(30) as captured:
        publish(revision, maria)

    reads = [
        query["sql"]
        for query in captured.captured_queries
        if query["sql"].startswith("SELECT") and '"reviews_reviewcycle"' in query["sql"]
    ]
    assert len(reads) == 1
    if connection.features.has_select_for_update:
        assert reads[0].endswith("FOR UPDATE")


# Besides BEGIN and COMMIT (a savepoint and its release here): the locks and reads (the
# article, the revision with its rendering, the sign-offs, the open review), the
# revision, the article with its history and its topics, the search entry, the
# submission, the audit event, and who to tell. PostgreSQL writes a row and its history
# in one statement; SQLite picks the row first, then writes each.
PUBLISH_STATEMENTS = {"postgresql": 12, "sqlite": 16}


def test_a_revision_rendered_at_its_last_sign_off_is_published_without_rendering_it(
    client, article, maria, signers, django_assert_num_queries
):
    body = "Ablation *may* help when medicines do not."
    revision = approved_revision(
        article, editor=maria, signers=signers, sections=[SectionInput("Treatment", body)]
    )
    signed = Rendering.objects.get(revision=revision)
    assert (signed.edit_version, signed.renderer) == (revision.edit_version, RENDERER)

    expected = PUBLISH_STATEMENTS[connection.vendor] + 2
    with (
        mock.patch("encyclopedia.page_content.render_to_string") as render,
        django_assert_num_queries(expected) as captured,
    ):
        publish(revision, maria)

    render.assert_not_called()
    read = " ".join(query["sql"] for query in captured.captured_queries)
    assert '"encyclopedia_section"' not in read and '"encyclopedia_reference"' not in read
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Ablation <em>may</em> help" in page
    assert list(matching(Article.objects.all(), "ablation")) == [article]


def test_a_rendering_of_other_text_is_made_again_when_the_revision_is_published(
    client, article, maria, signers
):
    revision = approved_revision(
        article, editor=maria, signers=signers, sections=[SectionInput("Treatment", "Rest.")]
    )
    Rendering.objects.filter(revision=revision).update(
        html="<p>an older draft</p>", text="an older draft", edit_version=revision.edit_version - 1
    )

    publish(revision, maria)

    page = client.get(article.get_absolute_url()).content.decode()
    assert "an older draft" not in page and "<p>Rest.</p>" in page
    assert Rendering.objects.get(revision=revision).edit_version == revision.edit_version
    assert not matching(Article.objects.all(), "older").exists()


def test_a_correction_signed_by_the_editorial_director_keeps_the_review_date(
    article, maria, brenda
):
    # Scenario 4.
    note = "Typo: 'ventricals' → 'ventricles'"
    revision = approved_revision(
        article, editor=maria, signers=[brenda], kind=Kind.CORRECTION, change_summary=note
    )
    assert [s.step for s in steps_of(revision)] == [Step.EDITORIAL_DIRECTOR]

    publish(revision, maria)

    article.refresh_from_db()
    assert article.live_revision == revision
    assert article.last_reviewed_on == OLD_REVIEW_DATE
    assert article.reviewed_by_credit == OLD_CREDIT
    assert article.also_reviewed_by == OLD_ALSO_REVIEWED_BY
    assert article.last_updated_on == datetime.date(2026, 11, 27)
    publish_event = AuditEvent.objects.get(revision=revision, action="publish")
    assert publish_event.note == note
    assert article.history.first().history_change_reason == (
        "Published v2 (minor edit / correction)"
    )


def test_a_new_article_goes_live_with_its_first_full_review(cardiology, maria, signers):
    article = services.article_create(
        editor=maria, title="Heart murmur", specialty=cardiology, sections=LIVE_SECTIONS
    )
    revision = article.revisions.get()
    submit(revision, kind=Kind.FULL_REVIEW, change_summary="New article")
    sign_all(revision, *signers, now=at("2026-11-25"))

    publish(revision, maria)

    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    assert article.live_revision == revision
    assert article.last_reviewed_on == datetime.date(2026, 11, 25)
    assert article.next_review_due == datetime.date(2028, 11, 25)
    assert article.last_updated_on == datetime.date(2026, 11, 27)
    assert article.also_reviewed_by == LATER_SIGNERS


def test_any_editor_may_publish(article, maria, tom, signers):
    revision = approved_revision(article, editor=maria, signers=signers)

    publish(revision, tom)

    assert fresh(revision).state == State.PUBLISHED
    assert last_event(revision).actor == tom


@pytest.mark.parametrize("who", ["okafor", "dugdale", "brenda", "charlie"])
def test_only_editors_can_publish(article, maria, charlie, signers, who):
    okafor, dugdale, brenda = signers
    person = {"okafor": okafor, "dugdale": dugdale, "brenda": brenda, "charlie": charlie}[who]
    revision = approved_revision(article, editor=maria, signers=signers)
    before = workflow_snapshot(revision)

    with pytest.raises(PermissionDenied) as refused:
        publish(revision, person)

    assert refused.value.code == "wrong_role"
    assert workflow_snapshot(revision) == before


@pytest.mark.parametrize(
    "state",
    [
        State.DRAFT,
        State.IN_REVIEW,
        State.CHANGES_REQUESTED,
        State.PUBLISHED,
        State.REJECTED,
        State.WITHDRAWN,
        State.SUPERSEDED,
    ],
)
def test_only_an_approved_revision_can_be_published(article, maria, tom, signers, state):
    revision = revision_in_state(state, article, editor=maria, other_editor=tom, signers=signers)
    before = workflow_snapshot(revision)

    with pytest.raises(InvalidTransition):
        publish(revision, maria)

    assert workflow_snapshot(revision) == before


def test_the_second_of_two_editors_publishing_the_same_revision_is_refused(
    article, maria, tom, signers
):
    revision = approved_revision(article, editor=maria, signers=signers)
    seen_by_tom = fresh(revision)
    publish(revision, maria)
    before = workflow_snapshot(revision)

    with pytest.raises(InvalidTransition):
        publish(seen_by_tom, tom)

    assert workflow_snapshot(revision) == before
    assert AuditEvent.objects.filter(revision=revision, action="publish").count() == 1


def test_publishing_over_a_changed_live_page_is_refused(article, maria, tom, signers):
    revision = approved_revision(article, editor=maria, signers=signers)
    # The live page changes underneath (here through the content layer, as an import
    # would): the signers compared Maria's text with a page that is no longer live.
    other = content.revision_copy_to_draft(article=article, author=tom)
    content.article_publish_revision(
        revision=other, user=tom, published_at=TODAY, reason="Imported"
    )
    before = workflow_snapshot(revision)

    with pytest.raises(InvalidTransition) as refused:
        publish(revision, maria)

    assert refused.value.code == "live_revision_changed"
    assert "rebase" in refused.value.message.lower()
    assert workflow_snapshot(revision) == before
    assert fresh(revision).state == State.APPROVED


def test_a_revision_of_a_retired_article_is_not_published(article, maria, brenda, signers):
    revision = approved_revision(article, editor=maria, signers=signers)
    services.article_retire(article=article, director=brenda, reason="Merged into Chest pain")
    before = workflow_snapshot(revision)

    with pytest.raises(InvalidTransition) as refused:
        publish(revision, maria)

    assert refused.value.code == "article_retired"
    assert "is retired" in refused.value.message
    assert workflow_snapshot(revision) == before
    assert Article.objects.get(pk=article.pk).status == Article.Status.RETIRED


# --- Superseding rivals of the old live page -----------------------------------------


def test_revisions_in_review_or_approved_against_the_old_page_are_superseded(
    article, maria, tom, signers
):
    in_review = submitted_revision(article, editor=tom)
    sign(in_review, signers[0])
    approved = approved_revision(article, editor=tom, signers=signers)
    winner = approved_revision(article, editor=maria, signers=signers)

    publish(winner, maria)

    for loser in (in_review, approved):
        loser = fresh(loser)
        assert loser.state == State.SUPERSEDED
        submission = Submission.objects.get(revision=loser)
        assert (submission.state, submission.closed_at) == (Submission.State.VOIDED, TODAY)
        assert not Approval.objects.filter(
            submission=submission, decision__in=Approval.OPEN_DECISIONS
        ).exists()
        event = last_event(loser)
        assert (event.action, event.actor, event.from_state, event.to_state, event.note) == (
            "supersede",
            maria,
            {in_review.pk: State.IN_REVIEW, approved.pk: State.APPROVED}[loser.pk],
            State.SUPERSEDED,
            f"v{winner.number} was published first",
        )
    # The sign-off given to the superseded text is void with the rest.
    assert [s.decision for s in steps_of(in_review)] == [Approval.Decision.VOIDED] * 3


def test_drafts_and_revisions_sent_back_stay_as_they_are_when_another_is_published(
    article, maria, tom, signers
):
    draft = draft_change(article, editor=tom)
    sent_back = revision_in_state(
        State.CHANGES_REQUESTED, article, editor=tom, other_editor=tom, signers=signers
    )
    winner = approved_revision(article, editor=maria, signers=signers)

    publish(winner, maria)

    assert fresh(draft).state == State.DRAFT
    assert fresh(sent_back).state == State.CHANGES_REQUESTED
    # …and they must be rebased before they can go to review again.
    with pytest.raises(InvalidTransition) as refused:
        submit(draft)
    assert refused.value.code == "live_revision_changed"


def test_a_revision_of_another_article_is_never_superseded(
    article, cardiology, maria, tom, signers
):
    angina = live_article(specialty=cardiology, author=tom, title="Angina")
    elsewhere = submitted_revision(angina, editor=tom)
    winner = approved_revision(article, editor=maria, signers=signers)

    publish(winner, maria)

    assert fresh(elsewhere).state == State.IN_REVIEW


# --- Rule 4: all or nothing -----------------------------------------------------------


def test_a_failure_after_the_page_was_updated_leaves_the_old_page_live(
    article, maria, reviewed_last_week, monkeypatch
):
    real_audit = publishing.audit

    def audit_then_fail(**kwargs):
        if kwargs["action"] == "publish":
            # By now the article row already points at the new revision.
            assert Article.objects.get(pk=article.pk).live_revision_id == reviewed_last_week.pk
            raise RuntimeError("disk full")
        return real_audit(**kwargs)

    monkeypatch.setattr(publishing, "audit", audit_then_fail)
    before = workflow_snapshot(reviewed_last_week)

    with pytest.raises(RuntimeError):
        publish(reviewed_last_week, maria)

    assert workflow_snapshot(reviewed_last_week) == before
    article.refresh_from_db()
    assert article.live_revision.number == 1
    assert article.last_reviewed_on == OLD_REVIEW_DATE
    assert article.reviewed_by_credit == OLD_CREDIT
    assert fresh(reviewed_last_week).state == State.APPROVED
    assert live_submission_state(reviewed_last_week) == Submission.State.APPROVED


def live_submission_state(revision):
    return Submission.objects.get(revision=revision).state


def test_a_failure_saving_the_article_leaves_the_revision_approved(
    article, maria, reviewed_last_week, monkeypatch
):
    real_save = Article.save

    def save_then_fail(self, *args, **kwargs):
        if self.live_revision_id == reviewed_last_week.pk:
            raise RuntimeError("connection lost")
        return real_save(self, *args, **kwargs)

    monkeypatch.setattr(Article, "save", save_then_fail)
    before = workflow_snapshot(reviewed_last_week)

    with pytest.raises(RuntimeError):
        publish(reviewed_last_week, maria)

    assert workflow_snapshot(reviewed_last_week) == before
    revision = fresh(reviewed_last_week)
    assert (revision.state, revision.published_at) == (State.APPROVED, None)


def test_a_failure_superseding_a_rival_undoes_the_whole_publish(
    article, maria, tom, signers, monkeypatch
):
    rival = submitted_revision(article, editor=tom)
    winner = approved_revision(article, editor=maria, signers=signers)

    def fail(*args, **kwargs):
        raise RuntimeError("lock timeout")

    monkeypatch.setattr(publishing, "close_live_submission", fail)
    before = workflow_snapshot(winner)

    with pytest.raises(RuntimeError):
        publish(winner, maria)

    assert workflow_snapshot(winner) == before
    assert fresh(rival).state == State.IN_REVIEW
    assert pending_step(rival).decision == Approval.Decision.PENDING
