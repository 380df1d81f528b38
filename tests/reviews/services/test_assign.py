"""services.approval_assign: an editorial director gives an undecided step to a person,
or back to the pool, and the same eligibility rules as signing apply."""

import pytest

from accounts.roles import Role
from core.errors import InvalidTransition, PermissionDenied
from reviews import services
from reviews.models import Approval
from tests.reviews.factories import (
    draft_change,
    edit,
    fresh,
    last_event,
    live_article,
    pending_step,
    reviewer,
    sign,
    steps_of,
    submit,
    submitted_revision,
    with_roles,
    workflow_snapshot,
)


def assign(approval, assignee, director):
    return services.approval_assign(approval=approval, assignee=assignee, director=director)


@pytest.fixture
def adams(cardiology):
    return reviewer("adams", credit_name="Aaron Adams, MD", specialties=[cardiology])


def test_brenda_reassigns_the_medical_review(article, maria, okafor, adams, brenda):
    revision = submitted_revision(article, editor=maria, reviewer=okafor)

    assign(pending_step(revision), adams.user, brenda)

    step = pending_step(revision)
    assert step.assignee == adams.user
    event = last_event(revision)
    assert (event.action, event.actor, event.note) == (
        "assign",
        brenda,
        f"Medical review assigned to {adams.user}",
    )
    assert step.history.first().history_user == brenda


def test_a_step_goes_back_to_the_pool(article, maria, okafor, brenda):
    revision = submitted_revision(article, editor=maria)

    assign(pending_step(revision), None, brenda)

    assert pending_step(revision).assignee is None
    assert last_event(revision).note == "Medical review assigned to the pool"


def test_a_later_step_can_be_assigned_before_it_opens(article, maria, okafor, dugdale, brenda):
    revision = submitted_revision(article, editor=maria)
    director_step = steps_of(revision)[1]

    assign(director_step, dugdale.user, brenda)

    director_step = fresh(director_step)
    assert (director_step.assignee, director_step.decision) == (
        dugdale.user,
        Approval.Decision.WAITING,
    )


def test_dr_lee_cannot_be_assigned(article, maria, okafor, lee, brenda):
    revision = submitted_revision(article, editor=maria)
    before = workflow_snapshot(revision)

    with pytest.raises(PermissionDenied) as refused:
        assign(pending_step(revision), lee.user, brenda)

    assert refused.value.code == "reviewer_not_eligible"
    assert workflow_snapshot(revision) == before


def test_a_reviewer_outside_the_specialty_is_assigned_only_after_an_override(
    dermatology, maria, okafor, brenda
):
    eczema = live_article(specialty=dermatology, author=maria, title="Eczema")
    revision = submitted_revision(eczema, editor=maria)

    with pytest.raises(PermissionDenied) as refused:
        assign(pending_step(revision), okafor.user, brenda)
    assert refused.value.code == "reviewer_not_eligible"

    services.approval_override_specialty(
        approval=pending_step(revision), director=brenda, reason="No dermatologist free"
    )
    assign(pending_step(revision), okafor.user, brenda)

    assert pending_step(revision).assignee == okafor.user
    sign(revision, okafor.user)
    assert steps_of(revision)[0].decided_by == okafor.user


def test_an_editor_of_the_revision_cannot_be_assigned(article, maria, okafor, adams, brenda):
    colleague = with_roles(adams.user, Role.EDITOR)
    revision = draft_change(article, editor=maria)
    edit(revision, editor=colleague, title="Atrial fibrillation (AF)")
    submit(revision)
    before = workflow_snapshot(revision)

    with pytest.raises(PermissionDenied) as refused:
        assign(pending_step(revision), colleague, brenda)

    assert refused.value.code == "own_revision"
    assert workflow_snapshot(revision) == before


def test_only_someone_holding_the_steps_role_can_be_assigned(article, maria, dugdale, brenda):
    revision = submitted_revision(article, editor=maria)

    with pytest.raises(PermissionDenied) as refused:
        assign(pending_step(revision), dugdale.user, brenda)

    assert refused.value.code == "wrong_role"


@pytest.mark.parametrize("who", ["maria", "okafor", "dugdale", "charlie"])
def test_only_an_editorial_director_assigns(article, maria, okafor, dugdale, charlie, adams, who):
    person = {"maria": maria, "okafor": okafor.user, "dugdale": dugdale.user, "charlie": charlie}
    revision = submitted_revision(article, editor=maria)
    before = workflow_snapshot(revision)

    with pytest.raises(PermissionDenied) as refused:
        assign(pending_step(revision), adams.user, person[who])

    assert refused.value.code == "wrong_role"
    assert workflow_snapshot(revision) == before


def test_a_decided_step_cannot_be_reassigned(article, maria, okafor, adams, brenda):
    revision = submitted_revision(article, editor=maria, reviewer=okafor)
    signed = sign(revision, okafor.user)
    before = workflow_snapshot(revision)

    with pytest.raises(InvalidTransition):
        assign(signed, adams.user, brenda)

    assert workflow_snapshot(revision) == before
