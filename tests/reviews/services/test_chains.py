"""services.chain_set: the approval chain per kind of revision is data an editorial
director edits; it applies to the next submission."""

import pytest

from core.errors import DomainError, PermissionDenied
from encyclopedia.models import Revision
from reviews import services
from reviews.models import ChainStep, Step
from tests.reviews.factories import (
    draft_change,
    sign_all,
    steps_of,
    submit,
    submitted_revision,
)

Kind = Revision.Kind


def chain(kind) -> list[str]:
    return list(
        ChainStep.objects.filter(kind=kind).order_by("position").values_list("step", flat=True)
    )


def test_the_default_chains_are_seeded_as_data(db):
    assert chain(Kind.FULL_REVIEW) == [
        Step.MEDICAL_REVIEW,
        Step.MEDICAL_DIRECTOR,
        Step.EDITORIAL_DIRECTOR,
    ]
    assert chain(Kind.UPDATE) == chain(Kind.FULL_REVIEW)
    assert chain(Kind.CORRECTION) == [Step.EDITORIAL_DIRECTOR]


def test_an_editorial_director_replaces_a_chain(brenda):
    rows = services.approval_chain_set(
        kind=Kind.UPDATE,
        steps=[Step.MEDICAL_REVIEW, Step.EDITORIAL_DIRECTOR],
        director=brenda,
    )

    assert [(r.position, r.step) for r in rows] == [
        (0, Step.MEDICAL_REVIEW),
        (1, Step.EDITORIAL_DIRECTOR),
    ]
    assert chain(Kind.UPDATE) == [Step.MEDICAL_REVIEW, Step.EDITORIAL_DIRECTOR]
    assert chain(Kind.FULL_REVIEW) == [
        Step.MEDICAL_REVIEW,
        Step.MEDICAL_DIRECTOR,
        Step.EDITORIAL_DIRECTOR,
    ]


def test_changing_a_chain_is_recorded_in_its_history(brenda):
    services.approval_chain_set(
        kind=Kind.UPDATE, steps=[Step.MEDICAL_REVIEW, Step.EDITORIAL_DIRECTOR], director=brenda
    )

    history = ChainStep.history.filter(kind=Kind.UPDATE)
    reason = "Chain for update set to Medical review → Editorial director"
    assert list(
        history.order_by("history_id").values_list(
            "history_type", "position", "step", "history_user", "history_change_reason"
        )
    ) == [
        ("-", 0, Step.MEDICAL_REVIEW, brenda.pk, reason),
        ("-", 1, Step.MEDICAL_DIRECTOR, brenda.pk, reason),
        ("-", 2, Step.EDITORIAL_DIRECTOR, brenda.pk, reason),
        ("+", 0, Step.MEDICAL_REVIEW, brenda.pk, reason),
        ("+", 1, Step.EDITORIAL_DIRECTOR, brenda.pk, reason),
    ]


def test_a_correction_chain_may_add_a_medical_director(brenda):
    services.approval_chain_set(
        kind=Kind.CORRECTION,
        steps=[Step.MEDICAL_DIRECTOR, Step.EDITORIAL_DIRECTOR],
        director=brenda,
    )

    assert chain(Kind.CORRECTION) == [Step.MEDICAL_DIRECTOR, Step.EDITORIAL_DIRECTOR]


@pytest.mark.parametrize(
    ("kind", "steps", "code"),
    [
        (Kind.UPDATE, [], "empty_chain"),
        (Kind.CORRECTION, [], "empty_chain"),
        (Kind.UPDATE, [Step.MEDICAL_REVIEW, Step.MEDICAL_REVIEW], "duplicate_step"),
        (Kind.CORRECTION, [Step.EDITORIAL_DIRECTOR] * 2, "duplicate_step"),
        (
            Kind.FULL_REVIEW,
            [Step.MEDICAL_DIRECTOR, Step.EDITORIAL_DIRECTOR],
            "medical_step_required",
        ),
        (Kind.UPDATE, [Step.EDITORIAL_DIRECTOR], "medical_step_required"),
    ],
)
def test_a_chain_that_breaks_the_rules_is_refused_and_the_old_one_kept(brenda, kind, steps, code):
    before = chain(kind)
    history = ChainStep.history.count()

    with pytest.raises(DomainError) as refused:
        services.approval_chain_set(kind=kind, steps=steps, director=brenda)

    assert refused.value.code == code
    assert chain(kind) == before
    assert ChainStep.history.count() == history


@pytest.mark.parametrize("who", ["maria", "okafor", "dugdale", "charlie"])
def test_only_an_editorial_director_changes_a_chain(maria, okafor, dugdale, charlie, who):
    person = {"maria": maria, "okafor": okafor.user, "dugdale": dugdale.user, "charlie": charlie}
    before = chain(Kind.CORRECTION)

    with pytest.raises(PermissionDenied) as refused:
        services.approval_chain_set(
            kind=Kind.CORRECTION, steps=[Step.MEDICAL_DIRECTOR], director=person[who]
        )

    assert refused.value.code == "wrong_role"
    assert chain(Kind.CORRECTION) == before


def test_a_new_chain_applies_to_the_next_submission_only(article, maria, okafor, brenda):
    already_in_review = submitted_revision(article, editor=maria)
    draft = draft_change(article, editor=maria)

    services.approval_chain_set(
        kind=Kind.UPDATE, steps=[Step.MEDICAL_REVIEW, Step.EDITORIAL_DIRECTOR], director=brenda
    )
    submit(draft)

    assert [s.step for s in steps_of(already_in_review)] == [
        Step.MEDICAL_REVIEW,
        Step.MEDICAL_DIRECTOR,
        Step.EDITORIAL_DIRECTOR,
    ]
    assert [s.step for s in steps_of(draft)] == [Step.MEDICAL_REVIEW, Step.EDITORIAL_DIRECTOR]


def test_a_shorter_chain_approves_after_its_last_step(article, maria, okafor, brenda):
    services.approval_chain_set(
        kind=Kind.UPDATE, steps=[Step.MEDICAL_REVIEW, Step.EDITORIAL_DIRECTOR], director=brenda
    )
    revision = submitted_revision(article, editor=maria)

    assert sign_all(revision, okafor.user, brenda).state == Revision.State.APPROVED
