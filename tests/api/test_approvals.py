"""Signing a step through the API: approve with the attestation, request changes,
reject — and every refusal the rules give, with its code."""

import pytest

from accounts.roles import Role
from encyclopedia.models import Revision
from reviews import services
from reviews.models import Approval
from tests.accounts.factories import PASSWORD
from tests.reviews.factories import (
    draft_change,
    fresh,
    pending_step,
    reviewer,
    sign,
    submit,
    submitted_revision,
    with_roles,
    workflow_snapshot,
)

pytestmark = pytest.mark.django_db
State = Revision.State


def step_url(approval: Approval, action: str) -> str:
    return f"/api/v1/approvals/{approval.pk}/{action}/"


@pytest.fixture
def in_review(article, maria, okafor):
    """Maria's change in review; its medical review is assigned to Dr. Okafor."""
    revision = submitted_revision(article, editor=maria)
    assert pending_step(revision).assignee == okafor.user
    return revision


def test_the_assigned_reviewer_approves_the_medical_review(with_token, in_review, okafor):
    step = pending_step(in_review)

    response = with_token(okafor.user).post(
        step_url(step, "approve"), {"attested": True, "comment": "Accurate.", "password": PASSWORD}
    )

    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["state"] == "in_review"
    approvals = body["submissions"][0]["approvals"]
    assert approvals[0]["decision"] == "approved"
    assert approvals[0]["decided_by"]["id"] == okafor.user.pk
    assert approvals[0]["attestation"] == "I have reviewed this content for medical accuracy."
    assert approvals[0]["signer_credit"].startswith("Ngozi Okafor, MD")
    assert approvals[1]["decision"] == "pending"
    assert body["pending_step"] == approvals[1]["id"]


def test_the_last_sign_off_approves_the_revision(signed_in, in_review, okafor, dugdale, brenda):
    sign(in_review, okafor.user)
    sign(in_review, dugdale.user)

    response = signed_in(brenda).post(
        step_url(pending_step(in_review), "approve"), {"attested": True, "password": PASSWORD}
    )

    assert response.status_code == 200
    assert response.json()["state"] == "approved"
    assert response.json()["pending_step"] is None


@pytest.mark.parametrize("payload", [{"attested": False}, {}])
def test_a_sign_off_needs_the_attestation(signed_in, in_review, okafor, payload):
    before = workflow_snapshot(in_review)

    response = signed_in(okafor.user).post(step_url(pending_step(in_review), "approve"), payload)

    assert response.status_code == 400
    assert list(response.json()["fields"]) == ["attested"]
    assert workflow_snapshot(in_review) == before


def test_nobody_approves_a_revision_they_wrote(signed_in, article, okafor):
    """Scenario 7: Dr. Okafor (who also edits) tries to approve her own revision."""
    author = with_roles(okafor.user, Role.EDITOR)
    revision = draft_change(article, editor=author)
    submit(revision, editor=author)
    step = pending_step(revision)
    assert step.assignee is None  # nobody else is eligible: the step waits in the pool
    before = workflow_snapshot(revision)

    response = signed_in(author).post(
        step_url(step, "approve"), {"attested": True, "password": PASSWORD}
    )

    assert response.status_code == 403
    assert response.json() == {
        "code": "own_revision",
        "detail": "You wrote or edited this revision, so you cannot sign any of its steps.",
    }
    assert workflow_snapshot(revision) == before


def test_a_step_is_signed_by_its_role(signed_in, in_review, dugdale):
    response = signed_in(dugdale.user).post(
        step_url(pending_step(in_review), "approve"), {"attested": True, "password": PASSWORD}
    )

    assert response.status_code == 403
    assert response.json()["code"] == "wrong_role"


def test_editors_sign_nothing(signed_in, in_review, tom):
    response = signed_in(tom).post(
        step_url(pending_step(in_review), "approve"), {"attested": True, "password": PASSWORD}
    )

    assert response.status_code == 403
    assert response.json() == {
        "code": "wrong_role",
        "detail": "This is for the medical reviewer or medical director or editorial director "
        "role.",
    }


def test_a_step_assigned_to_a_colleague_is_theirs_to_sign(signed_in, in_review, cardiology):
    colleague = reviewer("adams", credit_name="Jo Adams, MD", specialties=[cardiology])

    response = signed_in(colleague.user).post(
        step_url(pending_step(in_review), "approve"), {"attested": True, "password": PASSWORD}
    )

    assert response.status_code == 403
    assert response.json()["code"] == "assigned_to_someone_else"


def test_a_reviewer_whose_licence_expired_cannot_sign(signed_in, in_review, lee, brenda):
    """Scenario 8: Dr. Lee's licence expired last month."""
    step = services.approval_assign(
        approval=pending_step(in_review), assignee=None, director=brenda
    )

    response = signed_in(lee.user).post(
        step_url(step, "approve"), {"attested": True, "password": PASSWORD}
    )

    assert response.status_code == 403
    assert response.json()["code"] == "reviewer_not_eligible"
    assert "licence is not valid" in response.json()["detail"]


def test_a_decided_step_cannot_be_decided_again(signed_in, in_review, okafor):
    step = pending_step(in_review)
    sign(in_review, okafor.user)

    response = signed_in(okafor.user).post(
        step_url(step, "approve"), {"attested": True, "password": PASSWORD}
    )

    assert response.status_code == 409
    assert response.json()["code"] == "invalid_transition"


def test_a_reviewer_requests_changes(signed_in, in_review, okafor):
    response = signed_in(okafor.user).post(
        step_url(pending_step(in_review), "request-changes"), {"comment": "Cite the trial."}
    )

    assert response.status_code == 200
    assert response.json()["state"] == "changes_requested"
    assert response.json()["submissions"][0]["approvals"][0]["comment"] == "Cite the trial."


def test_a_reviewer_rejects_a_revision(signed_in, in_review, okafor):
    response = signed_in(okafor.user).post(
        step_url(pending_step(in_review), "reject"), {"comment": "Not supported by evidence."}
    )

    assert response.status_code == 200
    assert response.json()["state"] == "rejected"
    assert fresh(in_review).state == State.REJECTED


@pytest.mark.parametrize("action", ["request-changes", "reject"])
@pytest.mark.parametrize("payload", [{}, {"comment": "   "}])
def test_sending_a_revision_back_needs_a_comment(signed_in, in_review, okafor, action, payload):
    before = workflow_snapshot(in_review)

    response = signed_in(okafor.user).post(step_url(pending_step(in_review), action), payload)

    assert response.status_code == 400
    assert list(response.json()["fields"]) == ["comment"]
    assert workflow_snapshot(in_review) == before


@pytest.mark.parametrize("action", ["request-changes", "reject"])
def test_a_signer_of_another_role_cannot_send_it_back(signed_in, in_review, brenda, action):
    response = signed_in(brenda).post(step_url(pending_step(in_review), action), {"comment": "No."})

    assert response.status_code == 403
    assert response.json()["code"] == "wrong_role"


@pytest.mark.parametrize("action", ["approve", "request-changes", "reject"])
def test_an_unknown_step_is_404(signed_in, okafor, action):
    response = signed_in(okafor.user).post(
        f"/api/v1/approvals/987654/{action}/",
        {"attested": True, "comment": "x", "password": PASSWORD},
    )

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_anonymous_clients_sign_nothing(anonymous, in_review):
    response = anonymous.post(
        step_url(pending_step(in_review), "approve"), {"attested": True, "password": PASSWORD}
    )

    assert response.status_code == 401
