"""services.revision_submit: a draft goes into review with a fresh approval chain."""

import datetime

import pytest

from accounts.roles import Role
from core.errors import DomainError, InvalidTransition, PermissionDenied
from encyclopedia import services as content
from encyclopedia.models import Revision, Topic
from reviews import services
from reviews.models import Approval, AuditEvent, ChainStep, Step, Submission
from tests.reviews.factories import (
    CHANGE_SUMMARY,
    LIVE_SECTIONS,
    TODAY,
    draft_change,
    edit,
    fresh,
    live_article,
    published_revision,
    reviewer,
    revision_in_state,
    sign_all,
    steps_of,
    submit,
    submitted_revision,
    with_roles,
    workflow_snapshot,
)

State = Revision.State
Kind = Revision.Kind


def test_submitting_a_draft_puts_it_in_review_with_the_default_chain(article, maria, okafor):
    draft = draft_change(article, editor=maria)

    submission = submit(draft, kind=Kind.UPDATE)

    draft = fresh(draft)
    assert draft.state == State.IN_REVIEW
    assert draft.kind == Kind.UPDATE
    assert draft.change_summary == CHANGE_SUMMARY
    assert submission.number == 1
    assert submission.state == Submission.State.OPEN
    assert submission.kind == Kind.UPDATE
    assert submission.change_summary == CHANGE_SUMMARY
    assert submission.edit_version == draft.edit_version
    assert submission.submitted_by == maria
    assert submission.submitted_at == TODAY
    steps = steps_of(draft)
    assert [(s.step, s.decision) for s in steps] == [
        (Step.MEDICAL_REVIEW, Approval.Decision.PENDING),
        (Step.MEDICAL_DIRECTOR, Approval.Decision.WAITING),
        (Step.EDITORIAL_DIRECTOR, Approval.Decision.WAITING),
    ]
    assert [s.pending_since for s in steps] == [TODAY, None, None]
    assert [s.assignee for s in steps] == [okafor.user, None, None]


def test_a_full_review_walks_the_same_three_steps(article, maria, okafor):
    draft = draft_change(article, editor=maria)

    submit(draft, kind=Kind.FULL_REVIEW)

    assert [s.step for s in steps_of(draft)] == [
        Step.MEDICAL_REVIEW,
        Step.MEDICAL_DIRECTOR,
        Step.EDITORIAL_DIRECTOR,
    ]


def test_a_correction_needs_only_the_editorial_director(article, maria, okafor):
    draft = draft_change(article, editor=maria, correction=True)

    submit(draft, kind=Kind.CORRECTION, change_summary="Typo: 'artial' → 'atrial'")

    steps = steps_of(draft)
    assert [(s.step, s.decision, s.assignee) for s in steps] == [
        (Step.EDITORIAL_DIRECTOR, Approval.Decision.PENDING, None)
    ]


def test_the_chain_is_read_from_the_chain_steps_in_the_database(article, maria, okafor):
    ChainStep.objects.filter(kind=Kind.UPDATE, step=Step.MEDICAL_DIRECTOR).delete()
    draft = draft_change(article, editor=maria)

    submit(draft, kind=Kind.UPDATE)

    assert [s.step for s in steps_of(draft)] == [Step.MEDICAL_REVIEW, Step.EDITORIAL_DIRECTOR]


def test_the_live_page_does_not_change_when_a_draft_is_submitted(article, maria, okafor):
    live = article.live_revision
    before = content.revision_content(live)

    submitted_revision(article, editor=maria)

    article.refresh_from_db()
    assert article.live_revision == live
    assert content.revision_content(live) == before
    assert article.last_updated_on == datetime.date(2024, 7, 23)


def test_submitting_writes_an_audit_event_with_who_from_to_and_the_summary(article, maria):
    draft = draft_change(article, editor=maria)

    submit(draft)

    event = AuditEvent.objects.filter(revision=draft).latest("pk")
    assert (event.action, event.actor, event.from_state, event.to_state, event.note, event.at) == (
        "submit",
        maria,
        State.DRAFT,
        State.IN_REVIEW,
        CHANGE_SUMMARY,
        TODAY,
    )
    assert event.article == article


def test_submitting_records_who_and_why_in_the_revision_history(article, maria):
    draft = draft_change(article, editor=maria)

    submit(draft)

    latest = fresh(draft).history.first()
    assert latest.state == State.IN_REVIEW
    assert latest.history_user == maria
    assert latest.history_change_reason == f"Submitted for review: {CHANGE_SUMMARY}"
    submission = Submission.objects.get(revision=draft)
    assert submission.history.first().history_user == maria
    assert all(step.history.first().history_user == maria for step in steps_of(draft))


def test_any_editor_may_submit_a_colleagues_draft(article, maria, tom, okafor):
    draft = draft_change(article, editor=maria)

    submission = submit(draft, editor=tom)

    assert submission.submitted_by == tom
    assert fresh(draft).state == State.IN_REVIEW


@pytest.mark.parametrize("summary", ["", "   \n "])
def test_a_summary_of_the_change_is_required(article, maria, summary):
    draft = draft_change(article, editor=maria)
    before = workflow_snapshot(draft)

    with pytest.raises(DomainError) as refused:
        submit(draft, change_summary=summary)

    assert refused.value.code == "comment_required"
    assert workflow_snapshot(draft) == before


@pytest.mark.parametrize("kind", [Kind.UPDATE, Kind.CORRECTION])
def test_a_new_articles_first_version_needs_a_full_review(cardiology, maria, kind):
    article = services.article_create(
        editor=maria,
        title="Heart murmur",
        specialty=cardiology,
        sections=LIVE_SECTIONS,
    )
    draft = article.revisions.get()
    before = workflow_snapshot(draft)

    with pytest.raises(DomainError) as refused:
        submit(draft, kind=kind)

    assert refused.value.code == "full_review_required"
    assert workflow_snapshot(draft) == before


def test_a_new_articles_first_version_goes_to_full_review(cardiology, maria, okafor):
    article = services.article_create(
        editor=maria, title="Heart murmur", specialty=cardiology, sections=LIVE_SECTIONS
    )
    draft = article.revisions.get()

    submit(draft, kind=Kind.FULL_REVIEW, change_summary="New article")

    assert fresh(draft).state == State.IN_REVIEW
    assert steps_of(draft)[0].assignee == okafor.user


def test_a_draft_of_a_superseded_live_page_is_refused_until_rebased(article, maria, tom, signers):
    stale = draft_change(article, editor=maria)
    published_revision(article, editor=tom, signers=signers)
    before = workflow_snapshot(stale)

    with pytest.raises(InvalidTransition) as refused:
        submit(stale)

    assert refused.value.code == "live_revision_changed"
    assert "Rebase" in refused.value.message
    assert workflow_snapshot(stale) == before
    assert fresh(stale).state == State.DRAFT


@pytest.mark.parametrize(
    "state",
    [
        State.IN_REVIEW,
        State.APPROVED,
        State.PUBLISHED,
        State.REJECTED,
        State.WITHDRAWN,
        State.SUPERSEDED,
    ],
)
def test_only_a_draft_or_a_revision_sent_back_can_be_submitted(article, maria, tom, signers, state):
    revision = revision_in_state(state, article, editor=maria, other_editor=tom, signers=signers)
    before = workflow_snapshot(revision)

    with pytest.raises(InvalidTransition) as refused:
        submit(revision)

    assert refused.value.code == "invalid_transition"
    assert workflow_snapshot(revision) == before


def test_a_revision_sent_back_is_resubmitted_with_a_new_submission(article, maria, signers):
    revision = revision_in_state(
        State.CHANGES_REQUESTED, article, editor=maria, other_editor=maria, signers=signers
    )
    edit(revision, editor=maria, title="Atrial fibrillation (AF)")

    second = submit(revision, change_summary="Cited the trial")

    assert second.number == 2
    assert second.change_summary == "Cited the trial"
    assert fresh(revision).state == State.IN_REVIEW
    assert Submission.objects.get(revision=revision, number=1).state == (
        Submission.State.CHANGES_REQUESTED
    )


@pytest.mark.parametrize("who", ["charlie", "okafor", "brenda"])
def test_only_editors_can_submit(article, maria, charlie, okafor, brenda, who):
    person = {"charlie": charlie, "okafor": okafor.user, "brenda": brenda}[who]
    draft = draft_change(article, editor=maria)
    before = workflow_snapshot(draft)

    with pytest.raises(PermissionDenied) as refused:
        submit(draft, editor=person)

    assert refused.value.code == "wrong_role"
    assert workflow_snapshot(draft) == before


def test_a_revision_in_review_cannot_be_edited(article, maria, okafor):
    revision = submitted_revision(article, editor=maria)
    before = workflow_snapshot(revision)

    with pytest.raises(InvalidTransition):
        edit(revision, editor=maria, title="Sneaky change")

    assert workflow_snapshot(revision) == before


# --- Who gets the medical review ------------------------------------------------------


@pytest.fixture
def adams(cardiology):
    """A second cardiology reviewer, whose credit name sorts before Dr. Okafor's."""
    return reviewer("adams", credit_name="Aaron Adams, MD", specialties=[cardiology])


def give_load(profile, cardiology, maria, count=1):
    """Assign `count` pending medical reviews of other articles to `profile`."""
    for n in range(count):
        other = live_article(specialty=cardiology, author=maria, title=f"Angina {n}")
        submitted_revision(other, editor=maria, reviewer=profile)


def test_the_medical_review_goes_to_the_least_loaded_eligible_reviewer(
    article, cardiology, maria, okafor, adams
):
    give_load(adams, cardiology, maria)

    revision = submitted_revision(article, editor=maria)

    assert steps_of(revision)[0].assignee == okafor.user


def test_equally_loaded_reviewers_are_chosen_by_credit_name(article, maria, okafor, adams):
    revision = submitted_revision(article, editor=maria)

    assert steps_of(revision)[0].assignee == adams.user


def test_finished_reviews_do_not_count_towards_the_load(
    article, cardiology, maria, okafor, adams, dugdale, brenda
):
    for n in range(2):
        other = live_article(specialty=cardiology, author=maria, title=f"Angina {n}")
        done = submitted_revision(other, editor=maria, reviewer=adams)
        sign_all(done, adams.user)

    revision = submitted_revision(article, editor=maria)

    assert steps_of(revision)[0].assignee == adams.user


def test_a_reviewer_at_capacity_is_not_assigned(article, cardiology, maria, okafor, adams):
    okafor.capacity = 1
    okafor.save()
    give_load(okafor, cardiology, maria)
    give_load(adams, cardiology, maria, count=2)

    revision = submitted_revision(article, editor=maria)

    assert steps_of(revision)[0].assignee == adams.user


def test_with_every_reviewer_at_capacity_the_step_waits_in_the_pool(
    article, cardiology, maria, okafor
):
    okafor.capacity = 1
    okafor.save()
    give_load(okafor, cardiology, maria)

    revision = submitted_revision(article, editor=maria)

    step = steps_of(revision)[0]
    assert (step.assignee, step.decision) == (None, Approval.Decision.PENDING)


def test_the_author_is_never_assigned_the_medical_review(article, cardiology, okafor, adams):
    author = with_roles(adams.user, Role.EDITOR)
    draft = draft_change(article, editor=author)

    submit(draft, editor=author)

    assert steps_of(draft)[0].assignee == okafor.user


def test_a_colleague_who_edited_the_draft_is_never_assigned(article, maria, okafor, adams):
    colleague = with_roles(adams.user, Role.EDITOR)
    draft = draft_change(article, editor=maria)
    edit(draft, editor=colleague, title="Atrial fibrillation (AF)")

    submit(draft)

    assert steps_of(draft)[0].assignee == okafor.user


def make_ineligible(profile, how, article):
    if how == "licence expired":
        profile.licence_expires_on = datetime.date(2026, 11, 26)
    elif how == "profile inactive":
        profile.is_active = False
    elif how == "account disabled":
        profile.user.is_active = False
        profile.user.save()
    elif how == "conflict on the specialty":
        profile.conflict_specialties.add(article.specialty)
    elif how == "conflict on a topic":
        topic = Topic.objects.create(name="Anticoagulants", slug="anticoagulants")
        topic.conflicted_reviewers.add(profile)
        article.topics.add(topic)
    elif how == "not a medical reviewer":
        profile.user.groups.clear()
    elif how == "other specialty":
        profile.specialties.clear()
    profile.save()


INELIGIBLE = [
    "licence expired",
    "profile inactive",
    "account disabled",
    "conflict on the specialty",
    "conflict on a topic",
    "not a medical reviewer",
    "other specialty",
]


@pytest.mark.parametrize("how", INELIGIBLE)
def test_an_ineligible_reviewer_is_never_assigned(article, maria, okafor, adams, how):
    make_ineligible(adams, how, article)

    revision = submitted_revision(article, editor=maria)

    assert steps_of(revision)[0].assignee == okafor.user


def test_dr_lee_whose_licence_expired_is_not_assigned(article, maria, lee):
    revision = submitted_revision(article, editor=maria)

    step = steps_of(revision)[0]
    assert (step.assignee, step.decision) == (None, Approval.Decision.PENDING)


def test_with_no_eligible_reviewer_the_medical_review_waits_in_the_pool(dermatology, maria, okafor):
    rash = live_article(specialty=dermatology, author=maria, title="Eczema")

    revision = submitted_revision(rash, editor=maria)

    step = steps_of(revision)[0]
    assert (step.step, step.assignee, step.decision) == (
        Step.MEDICAL_REVIEW,
        None,
        Approval.Decision.PENDING,
    )


def test_a_chosen_reviewer_gets_the_step_whatever_their_load(
    article, cardiology, maria, okafor, adams
):
    give_load(adams, cardiology, maria, count=2)

    revision = submitted_revision(article, editor=maria, reviewer=adams)

    assert steps_of(revision)[0].assignee == adams.user


@pytest.mark.parametrize(
    "how",
    [
        "licence expired",
        "profile inactive",
        "conflict on the specialty",
        "conflict on a topic",
        "other specialty",
    ],
)
def test_a_chosen_reviewer_must_be_eligible(article, maria, adams, how):
    make_ineligible(adams, how, article)
    draft = draft_change(article, editor=maria)
    before = workflow_snapshot(draft)

    with pytest.raises(PermissionDenied) as refused:
        submit(draft, reviewer=adams)

    assert refused.value.code == "reviewer_not_eligible"
    assert workflow_snapshot(draft) == before


def test_dr_lee_cannot_be_chosen_as_the_reviewer(article, maria, lee):
    draft = draft_change(article, editor=maria)

    with pytest.raises(PermissionDenied) as refused:
        submit(draft, reviewer=lee)

    assert refused.value.code == "reviewer_not_eligible"
    assert "licence is not valid on November 27, 2026" in refused.value.message
    assert fresh(draft).state == State.DRAFT


def test_a_chosen_reviewer_cannot_be_an_editor_of_the_draft(article, maria, adams):
    colleague = with_roles(adams.user, Role.EDITOR)
    draft = draft_change(article, editor=maria)
    edit(draft, editor=colleague, title="Atrial fibrillation (AF)")
    before = workflow_snapshot(draft)

    with pytest.raises(PermissionDenied) as refused:
        submit(draft, reviewer=adams)

    assert refused.value.code == "own_revision"
    assert workflow_snapshot(draft) == before


def test_a_chosen_reviewer_must_hold_the_medical_reviewer_role(article, cardiology, maria):
    # A cardiologist who is only a medical director could never sign the medical
    # review: assigning it to him would leave the step stuck.
    director = reviewer(
        "hart",
        credit_name="Henry Hart, MD",
        specialties=[cardiology],
        roles=[Role.MEDICAL_DIRECTOR],
    )
    draft = draft_change(article, editor=maria)
    before = workflow_snapshot(draft)

    with pytest.raises(PermissionDenied) as refused:
        submit(draft, reviewer=director)

    assert refused.value.code in {"wrong_role", "reviewer_not_eligible"}
    assert workflow_snapshot(draft) == before


def test_a_correction_assigns_no_medical_reviewer(article, maria, okafor):
    revision = submitted_revision(article, editor=maria, kind=Kind.CORRECTION)

    assert not Approval.objects.filter(submission__revision=revision, assignee=okafor.user)
