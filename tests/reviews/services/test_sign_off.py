"""services.approval_approve and approval_override_specialty: who may sign a step, and
what a sign-off records (DESIGN rules 1 and 2)."""

import datetime

import pytest

from accounts.roles import Role
from core.errors import DomainError, InvalidTransition, PermissionDenied
from encyclopedia.models import Revision, Topic
from reviews import eligibility, services
from reviews.models import (
    ATTESTATION_TEXT,
    EDITORIAL_ATTESTATION_TEXT,
    Approval,
    AuditEvent,
    Submission,
)
from tests.accounts.factories import UserFactory
from tests.reviews.factories import (
    TODAY,
    at,
    draft_change,
    edit,
    fresh,
    last_event,
    live_article,
    pending_step,
    proof_of,
    reviewer,
    revision_in_state,
    sign,
    sign_all,
    steps_of,
    submit,
    submitted_revision,
    with_roles,
    workflow_snapshot,
)

State = Revision.State


def refusal(*, approval, user, on) -> str | None:
    """What the pages show: the eligibility rule's reason, or None when allowed."""
    return eligibility.step_verdict(approval=approval, user=user, on=on).reason or None


def approve(approval, signer, *, attested=True, **kwargs):
    return services.approval_approve(
        approval=approval, signer=signer, proof=proof_of(signer), attested=attested, **kwargs
    )


def refused_to(approval, signer, error=PermissionDenied, **kwargs):
    """Assert that `signer` cannot sign `approval` and that nothing changed; the error."""
    revision = approval.submission.revision
    before = workflow_snapshot(revision)
    with pytest.raises(error) as refused:
        approve(approval, signer, **kwargs)
    assert workflow_snapshot(revision) == before
    return refused.value


@pytest.fixture
def eczema(dermatology, maria):
    return live_article(specialty=dermatology, author=maria, title="Eczema")


@pytest.fixture
def anticoagulants():
    return Topic.objects.create(name="Anticoagulants", slug="anticoagulants")


# --- Signing --------------------------------------------------------------------------


def test_the_assigned_reviewer_signs_the_medical_review_and_the_next_step_opens(
    article, maria, okafor
):
    revision = submitted_revision(article, editor=maria)
    medical, director, editorial = steps_of(revision)

    signed = approve(medical, okafor.user, comment="Thresholds match the guideline.")

    signed = fresh(signed)
    assert signed.decision == Approval.Decision.APPROVED
    assert signed.decided_by == okafor.user
    assert signed.decided_at == TODAY
    assert signed.comment == "Thresholds match the guideline."
    assert signed.attestation == ATTESTATION_TEXT
    assert signed.signer_name == "Ngozi Okafor, MD"
    assert signed.signer_credit == (
        "Ngozi Okafor, MD, Associate Professor of Medicine, Division of Cardiology, "
        "Riverside University School of Medicine"
    )
    latest = signed.history.first()
    assert (latest.history_user, latest.history_change_reason) == (
        okafor.user,
        "Signed: Medical review",
    )
    director = fresh(director)
    assert (director.decision, director.pending_since) == (Approval.Decision.PENDING, TODAY)
    assert fresh(editorial).decision == Approval.Decision.WAITING
    assert fresh(revision).state == State.IN_REVIEW
    event = last_event(revision)
    assert (event.action, event.actor, event.from_state, event.to_state) == (
        "sign_off",
        okafor.user,
        State.IN_REVIEW,
        State.IN_REVIEW,
    )
    assert event.note == "Medical review signed: Thresholds match the guideline."


def test_the_last_sign_off_approves_the_revision(article, maria, okafor, dugdale, brenda):
    revision = submitted_revision(article, editor=maria)
    sign_all(revision, okafor.user, dugdale.user)

    signed = sign(revision, brenda)

    assert signed.attestation == EDITORIAL_ATTESTATION_TEXT
    assert signed.signer_name == "Brenda Conaway"
    revision = fresh(revision)
    assert revision.state == State.APPROVED
    submission = Submission.objects.get(revision=revision)
    assert (submission.state, submission.closed_at) == (Submission.State.APPROVED, TODAY)
    assert [s.decided_by for s in steps_of(revision)] == [okafor.user, dugdale.user, brenda]
    event = last_event(revision)
    assert (event.action, event.actor, event.from_state, event.to_state) == (
        "approve",
        brenda,
        State.IN_REVIEW,
        State.APPROVED,
    )
    latest = revision.history.first()
    assert latest.history_user == brenda
    assert latest.history_change_reason.startswith("Approved")


def test_whole_page_review_is_recorded_only_on_the_medical_step(article, maria, okafor, dugdale):
    revision = submitted_revision(article, editor=maria)

    medical = sign(revision, okafor.user, reviewed_whole_page=True)
    director = sign(revision, dugdale.user, reviewed_whole_page=True)

    assert fresh(medical).reviewed_whole_page is True
    assert fresh(director).reviewed_whole_page is False


def test_a_pool_step_can_be_signed_by_any_eligible_reviewer(article, maria, lee, cardiology):
    revision = submitted_revision(article, editor=maria)  # Dr. Lee expired: nobody assigned
    assert pending_step(revision).assignee is None
    park = reviewer("park", credit_name="Jin Park, MD", specialties=[cardiology])

    signed = sign(revision, park.user)

    assert fresh(signed).decided_by == park.user


# --- Rule 1: nobody approves their own revision, nobody signs twice -------------------


@pytest.mark.parametrize(
    ("author", "earlier_signers"),
    [("okafor", []), ("dugdale", ["okafor"]), ("brenda", ["okafor", "dugdale"])],
)
def test_the_author_cannot_approve_any_step_of_their_revision(
    article, okafor, dugdale, brenda, author, earlier_signers
):
    people = {"okafor": okafor.user, "dugdale": dugdale.user, "brenda": brenda}
    writer = with_roles(people[author], Role.EDITOR)
    revision = draft_change(article, editor=writer)
    submit(revision, editor=writer)
    sign_all(revision, *[people[name] for name in earlier_signers])

    error = refused_to(pending_step(revision), writer)

    assert error.code == "own_revision"
    assert "You wrote or edited this revision" in error.message


def test_dr_okafor_cannot_approve_a_revision_she_wrote(article, okafor):
    # Scenario 7: she is never assigned her own revision, and the pool refuses her too.
    author = with_roles(okafor.user, Role.EDITOR)
    revision = draft_change(article, editor=author)
    submit(revision, editor=author)
    step = pending_step(revision)
    assert step.assignee is None

    error = refused_to(step, author)

    assert error.code == "own_revision"
    assert refusal(approval=step, user=author, on=TODAY.date()) == error.message


def test_a_colleague_who_edited_the_revision_cannot_approve_it(
    article, maria, tom, okafor, dugdale
):
    with_roles(tom, Role.EDITORIAL_DIRECTOR)
    revision = draft_change(article, editor=maria)
    edit(revision, editor=tom, title="Atrial fibrillation (AF)")
    submit(revision, editor=maria)
    sign_all(revision, okafor.user, dugdale.user)

    error = refused_to(pending_step(revision), tom)

    assert error.code == "own_revision"


def test_one_person_cannot_sign_two_steps_of_one_submission(article, maria, cardiology):
    both = reviewer(
        "ramos",
        credit_name="Rosa Ramos, MD",
        specialties=[cardiology],
        roles=[Role.MEDICAL_REVIEWER, Role.MEDICAL_DIRECTOR],
    )
    revision = submitted_revision(article, editor=maria)
    assert pending_step(revision).assignee == both.user
    sign(revision, both.user)

    error = refused_to(pending_step(revision), both.user)

    assert error.code == "already_signed"
    assert Approval.objects.filter(submission__revision=revision, decided_by=both.user).count() == 1


# --- The step's role and assignee -----------------------------------------------------


@pytest.mark.parametrize(
    ("position", "who"),
    [
        (0, "tom"),
        (0, "dugdale"),
        (0, "brenda"),
        (0, "charlie"),
        (1, "okafor"),
        (1, "brenda"),
        (1, "tom"),
        (2, "dugdale"),
        (2, "tom"),
        (2, "charlie"),
    ],
)
def test_a_step_is_signed_only_by_its_role(
    article, maria, tom, charlie, okafor, dugdale, brenda, position, who
):
    people = {
        "tom": tom,
        "charlie": charlie,
        "okafor": okafor.user,
        "dugdale": dugdale.user,
        "brenda": brenda,
    }
    revision = submitted_revision(article, editor=maria)
    sign_all(revision, *[okafor.user, dugdale.user][:position])

    error = refused_to(pending_step(revision), people[who])

    assert error.code == "wrong_role"


def test_a_step_assigned_to_someone_else_cannot_be_signed(article, maria, okafor, cardiology):
    adams = reviewer("adams", credit_name="Aaron Adams, MD", specialties=[cardiology])
    revision = submitted_revision(article, editor=maria, reviewer=okafor)

    error = refused_to(pending_step(revision), adams.user)

    assert error.code == "assigned_to_someone_else"
    assert "Ngozi Okafor" in error.message


# --- Rule 2: licence, activity, specialty, conflicts ----------------------------------


def test_dr_lee_whose_licence_expired_cannot_sign(article, maria, lee):
    revision = submitted_revision(article, editor=maria)

    error = refused_to(pending_step(revision), lee.user)

    assert error.code == "reviewer_not_eligible"
    assert error.message == "Daniel Lee, MD's licence is not valid on November 27, 2026."


def test_a_licence_is_valid_through_its_expiry_day(article, maria, okafor):
    okafor.licence_expires_on = datetime.date(2026, 11, 27)
    okafor.save()
    revision = submitted_revision(article, editor=maria)

    signed = sign(revision, okafor.user)

    assert fresh(signed).decision == Approval.Decision.APPROVED


def test_a_licence_is_checked_on_the_day_of_signing(article, maria, okafor):
    revision = submitted_revision(article, editor=maria)

    error = refused_to(pending_step(revision), okafor.user, now=at("2027-07-01"))

    assert error.code == "reviewer_not_eligible"
    assert "not valid on July 1, 2027" in error.message


def test_an_inactive_reviewer_cannot_sign(article, maria, okafor):
    revision = submitted_revision(article, editor=maria)
    okafor.is_active = False
    okafor.save()

    error = refused_to(pending_step(revision), okafor.user)

    assert error.code == "reviewer_not_eligible"
    assert error.message == "Ngozi Okafor, MD is not an active reviewer."


def test_a_medical_director_whose_licence_expired_cannot_sign(article, maria, okafor, dugdale):
    dugdale.licence_expires_on = datetime.date(2026, 10, 31)
    dugdale.save()
    revision = submitted_revision(article, editor=maria)
    sign(revision, okafor.user)

    error = refused_to(pending_step(revision), dugdale.user)

    assert error.code == "reviewer_not_eligible"


def test_a_medical_director_without_credentials_cannot_sign(article, maria, okafor):
    director = UserFactory(username="nocreds", roles=[Role.MEDICAL_DIRECTOR])
    revision = submitted_revision(article, editor=maria)
    sign(revision, okafor.user)

    error = refused_to(pending_step(revision), director)

    assert error.code == "reviewer_not_eligible"
    assert "reviewer profile" in error.message


def test_the_editorial_step_needs_no_licence(article, maria, okafor, dugdale):
    editorial = UserFactory(username="ed", roles=[Role.EDITORIAL_DIRECTOR])
    revision = submitted_revision(article, editor=maria)
    sign_all(revision, okafor.user, dugdale.user, editorial)

    assert fresh(revision).state == State.APPROVED


def test_a_reviewer_outside_the_specialty_is_refused_with_the_override_hint(eczema, maria, okafor):
    revision = submitted_revision(eczema, editor=maria)
    step = pending_step(revision)
    assert step.assignee is None

    error = refused_to(step, okafor.user)

    assert error.code == "reviewer_not_eligible"
    assert "does not review Dermatology" in error.message
    assert "editorial director can allow it with a recorded reason" in error.message


def test_after_a_recorded_override_the_reviewer_can_sign_outside_her_specialty(
    eczema, maria, okafor, brenda
):
    revision = submitted_revision(eczema, editor=maria)
    reason = "No dermatologist free this month; the change is about a heart drug's rash."

    services.approval_override_specialty(
        approval=pending_step(revision), director=brenda, reason=reason
    )

    step = pending_step(revision)
    assert (step.specialty_override_reason, step.specialty_override_by) == (reason, brenda)
    assert step.history.first().history_change_reason == f"Specialty match overridden: {reason}"
    event = last_event(revision)
    assert (event.action, event.actor, event.note) == ("override_specialty", brenda, reason)
    assert refusal(approval=step, user=okafor.user, on=TODAY.date()) is None

    signed = approve(step, okafor.user)

    assert fresh(signed).decision == Approval.Decision.APPROVED


@pytest.mark.parametrize("reason", ["", "  "])
def test_an_override_needs_a_reason(eczema, maria, brenda, reason):
    revision = submitted_revision(eczema, editor=maria)
    before = workflow_snapshot(revision)

    with pytest.raises(DomainError) as refused:
        services.approval_override_specialty(
            approval=pending_step(revision), director=brenda, reason=reason
        )

    assert refused.value.code == "comment_required"
    assert workflow_snapshot(revision) == before


@pytest.mark.parametrize("who", ["maria", "okafor", "dugdale", "charlie"])
def test_only_an_editorial_director_can_override_the_specialty(
    eczema, maria, okafor, dugdale, charlie, who
):
    person = {"maria": maria, "okafor": okafor.user, "dugdale": dugdale.user, "charlie": charlie}
    revision = submitted_revision(eczema, editor=maria)
    before = workflow_snapshot(revision)

    with pytest.raises(PermissionDenied) as refused:
        services.approval_override_specialty(
            approval=pending_step(revision), director=person[who], reason="No one else"
        )

    assert refused.value.code == "wrong_role"
    assert workflow_snapshot(revision) == before


def test_only_an_undecided_medical_review_can_be_overridden(
    article, maria, okafor, dugdale, brenda
):
    revision = submitted_revision(article, editor=maria)
    medical = sign(revision, okafor.user)
    before = workflow_snapshot(revision)

    for step in (medical, pending_step(revision)):
        with pytest.raises(InvalidTransition):
            services.approval_override_specialty(approval=step, director=brenda, reason="Why not")

    assert workflow_snapshot(revision) == before


def test_a_conflict_of_interest_on_the_specialty_refuses_the_sign_off(
    article, maria, okafor, cardiology
):
    revision = submitted_revision(article, editor=maria)
    okafor.conflict_of_interest = "Consults for a device maker."
    okafor.save()
    okafor.conflict_specialties.add(cardiology)

    error = refused_to(pending_step(revision), okafor.user)

    assert error.code == "reviewer_not_eligible"
    assert "conflict of interest covering Cardiology" in error.message


def test_dr_okafor_cannot_sign_an_article_in_a_topic_she_is_conflicted_on(
    cardiology, maria, okafor, anticoagulants
):
    # Scenario 9.
    anticoagulants.conflicted_reviewers.add(okafor)
    warfarin = live_article(
        specialty=cardiology, author=maria, title="Warfarin", topics=[anticoagulants]
    )
    revision = submitted_revision(warfarin, editor=maria)
    assert pending_step(revision).assignee is None

    error = refused_to(pending_step(revision), okafor.user)

    assert error.code == "reviewer_not_eligible"
    assert "conflict of interest covering Anticoagulants" in error.message


def test_a_conflict_on_a_topic_also_bars_the_medical_director(
    cardiology, maria, okafor, dugdale, anticoagulants
):
    anticoagulants.conflicted_reviewers.add(dugdale)
    warfarin = live_article(
        specialty=cardiology, author=maria, title="Warfarin", topics=[anticoagulants]
    )
    revision = submitted_revision(warfarin, editor=maria)
    sign(revision, okafor.user)

    error = refused_to(pending_step(revision), dugdale.user)

    assert error.code == "reviewer_not_eligible"


def test_a_specialty_override_does_not_lift_a_conflict_of_interest(
    cardiology, maria, okafor, brenda, anticoagulants
):
    anticoagulants.conflicted_reviewers.add(okafor)
    warfarin = live_article(
        specialty=cardiology, author=maria, title="Warfarin", topics=[anticoagulants]
    )
    revision = submitted_revision(warfarin, editor=maria)
    services.approval_override_specialty(
        approval=pending_step(revision), director=brenda, reason="She knows the drug"
    )

    error = refused_to(pending_step(revision), okafor.user)

    assert "conflict of interest" in error.message


# --- Attestation ----------------------------------------------------------------------


def test_a_sign_off_needs_the_attestation(article, maria, okafor):
    revision = submitted_revision(article, editor=maria)

    error = refused_to(pending_step(revision), okafor.user, error=DomainError, attested=False)

    assert error.code == "attestation_required"
    step = pending_step(revision)
    assert (step.decided_by, step.attestation, step.decided_at) == (None, "", None)


# --- Sign-offs belong to one submission -----------------------------------------------


def test_sign_offs_never_carry_over_to_a_resubmission(article, maria, okafor, dugdale):
    # Scenario 3: Maria takes her revision back; every approval already given is void.
    revision = submitted_revision(article, editor=maria)
    sign_all(revision, okafor.user, dugdale.user)
    services.revision_take_back(revision=revision, editor=maria)
    edit(revision, editor=maria, title="Atrial fibrillation (AF)")

    submit(revision, change_summary="Retitled")

    first, second = Submission.objects.filter(revision=revision).order_by("number")
    assert first.state == Submission.State.VOIDED
    assert second.state == Submission.State.OPEN
    assert [s.decision for s in steps_of(revision, number=1)][2] == Approval.Decision.VOIDED
    assert [(s.decision, s.decided_by, s.attestation) for s in steps_of(revision, 2)] == [
        (Approval.Decision.PENDING, None, ""),
        (Approval.Decision.WAITING, None, ""),
        (Approval.Decision.WAITING, None, ""),
    ]
    assert fresh(revision).state == State.IN_REVIEW
    # The same people sign the new text afresh.
    sign_all(revision, okafor.user, dugdale.user)
    assert [s.decided_by for s in steps_of(revision, 2)][:2] == [okafor.user, dugdale.user]


def test_a_step_of_a_voided_submission_cannot_be_signed(article, maria, okafor):
    revision = submitted_revision(article, editor=maria)
    old_step = pending_step(revision)
    services.revision_take_back(revision=revision, editor=maria)
    submit(revision, change_summary="Again")

    error = refused_to(old_step, okafor.user, error=InvalidTransition)

    assert "not waiting for a decision" in error.message


# --- Illegal source states and the losing side of a race ------------------------------


@pytest.mark.parametrize(
    "state",
    [
        State.CHANGES_REQUESTED,
        State.APPROVED,
        State.PUBLISHED,
        State.REJECTED,
        State.WITHDRAWN,
        State.SUPERSEDED,
    ],
)
def test_no_step_can_be_signed_unless_the_revision_is_in_review(
    article, maria, tom, signers, state
):
    revision = revision_in_state(state, article, editor=maria, other_editor=tom, signers=signers)
    steps = steps_of(revision)
    step = steps[-1] if state in (State.APPROVED, State.PUBLISHED) else steps[0]

    refused_to(step, signers[step.position], error=InvalidTransition)


def test_a_revision_taken_back_to_draft_cannot_be_signed(article, maria, okafor):
    revision = submitted_revision(article, editor=maria)
    step = pending_step(revision)
    services.revision_take_back(revision=revision, editor=maria)

    refused_to(step, okafor.user, error=InvalidTransition)


def test_the_second_of_two_signers_of_a_pool_step_is_refused(
    article, maria, okafor, cardiology, brenda
):
    adams = reviewer("adams", credit_name="Aaron Adams, MD", specialties=[cardiology])
    revision = submitted_revision(article, editor=maria)
    services.approval_assign(approval=pending_step(revision), assignee=None, director=brenda)
    # Both open the review page while the step is waiting on anyone.
    seen_by_adams = pending_step(revision)
    seen_by_okafor = pending_step(revision)
    approve(seen_by_adams, adams.user)

    error = refused_to(seen_by_okafor, okafor.user, error=InvalidTransition)

    assert "not waiting for a decision" in error.message
    medical = steps_of(revision)[0]
    assert (medical.decision, medical.decided_by) == (Approval.Decision.APPROVED, adams.user)
    assert AuditEvent.objects.filter(revision=revision, action="sign_off").count() == 1


# --- The reasons, for the pages -------------------------------------------------------


def test_the_step_verdict_gives_the_pages_the_reason_the_service_would_raise(
    article, maria, tom, charlie, okafor, lee, dugdale
):
    revision = submitted_revision(article, editor=maria, reviewer=okafor)
    step = pending_step(revision)
    on = TODAY.date()

    for person in (maria, tom, charlie, lee.user, dugdale.user):
        reason = refusal(approval=step, user=person, on=on)
        with pytest.raises(DomainError) as refused:
            approve(step, person)
        assert reason == refused.value.message
    assert refusal(approval=step, user=okafor.user, on=on) is None


def test_the_step_verdict_explains_an_expired_licence(article, maria, lee):
    revision = submitted_revision(article, editor=maria)

    reason = refusal(approval=pending_step(revision), user=lee.user, on=datetime.date(2026, 11, 27))

    assert reason == "Daniel Lee, MD's licence is not valid on November 27, 2026."


def test_the_step_verdict_explains_a_second_signature(article, maria, cardiology):
    both = reviewer(
        "ramos",
        credit_name="Rosa Ramos, MD",
        specialties=[cardiology],
        roles=[Role.MEDICAL_REVIEWER, Role.MEDICAL_DIRECTOR],
    )
    revision = submitted_revision(article, editor=maria)
    sign(revision, both.user)

    reason = refusal(approval=pending_step(revision), user=both.user, on=TODAY.date())

    assert reason.startswith("You already signed a step of this submission")
