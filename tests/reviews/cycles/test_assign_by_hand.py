"""A director assigns one cycle, or a ticked set, to a reviewer: the scheduler's rules,
all or nothing, audited, and one digest for the reviewer."""

import re

import pytest
from django.core import mail

from core.errors import InvalidTransition, PermissionDenied
from reviews import cycles
from reviews.models import AuditEvent, ReminderSent, ReviewCycle
from tests.mail import committed
from tests.reviews.cycles.factories import (
    NOW,
    TODAY,
    days,
    due_article,
    flag,
    fresh,
    reviewer,
)
from tests.reviews.factories import proof_of

pytestmark = pytest.mark.django_db


def open_cycles(*articles) -> list[ReviewCycle]:
    flag()
    return [ReviewCycle.objects.open().get(article=article) for article in articles]


def hand_over(cycle_list, *, to, by):
    return committed(
        cycles.review_cycles_assign,
        cycles=cycle_list,
        reviewer=to,
        director=by,
        today=TODAY,
        now=NOW,
    )


def unassigned(cycle_list) -> bool:
    return all(fresh(cycle).assignee is None for cycle in cycle_list)


@pytest.fixture
def three(maria, cardiology):
    return [
        due_article(TODAY - days(n), specialty=cardiology, author=maria, title=f"Condition {n}")
        for n in (95, 120, 200)
    ]


def test_a_director_assigns_the_ticked_cycles_to_a_reviewer(
    brenda, okafor, three, django_capture_on_commit_callbacks
):
    chosen = open_cycles(*three)

    with django_capture_on_commit_callbacks(execute=True):
        hand_over(chosen, to=okafor.user, by=brenda)

    for cycle in map(fresh, chosen):
        assert (cycle.assignee, cycle.assigned_at, cycle.unassigned_reason) == (
            okafor.user,
            NOW,
            "",
        )
        row = cycle.history.first()
        assert (row.history_user, row.history_change_reason) == (
            brenda,
            "Assigned to Ngozi Okafor by Brenda Conaway",
        )
    events = AuditEvent.objects.filter(action="assign_cycle")
    assert sorted(e.cycle_id for e in events) == sorted(c.pk for c in chosen)
    assert {(e.actor, e.note) for e in events} == {(brenda, "Assigned to Ngozi Okafor")}
    # Scenario 11: the three land in one e-mail.
    assert [m.to for m in mail.outbox] == [["okafor@stet.example"]]
    assert mail.outbox[0].subject == "New periodic reviews assigned to you (3)"
    for n in (95, 120, 200):
        assert f"Condition {n}" in mail.outbox[0].body


def test_a_director_can_give_an_unassignable_cycle_to_a_reviewer_who_just_joined(
    brenda, maria, nephrology
):
    article = due_article(TODAY, specialty=nephrology, author=maria, title="Kidney stones")
    (cycle,) = open_cycles(article)
    cycles.review_cycles_auto_assign(today=TODAY, now=NOW)
    assert fresh(cycle).unassigned_reason
    haddad = reviewer("haddad", credit_name="Samir Haddad, MD", specialties=[nephrology])

    hand_over([cycle], to=haddad.user, by=brenda)

    assert (fresh(cycle).assignee, fresh(cycle).unassigned_reason) == (haddad.user, "")


@pytest.mark.parametrize("person", ["maria", "okafor", "dugdale", "charlie"])
def test_only_an_editorial_director_assigns_reviews(request, okafor, three, person):
    chosen = open_cycles(*three)
    someone = request.getfixturevalue(person)
    someone = getattr(someone, "user", someone)

    with pytest.raises(PermissionDenied, match="Only editorial directors can assign reviews"):
        hand_over(chosen, to=okafor.user, by=someone)

    assert unassigned(chosen)
    assert not AuditEvent.objects.filter(action="assign_cycle").exists()


def test_a_reviewer_whose_licence_expired_is_refused_with_the_reason(brenda, lee, three):
    chosen = open_cycles(*three)

    with pytest.raises(PermissionDenied) as refusal:
        hand_over(chosen, to=lee.user, by=brenda)

    assert re.fullmatch(
        r"Condition \d+: Daniel Lee, MD's licence is not valid on November 27, 2026\.",
        refusal.value.message,
    )
    assert unassigned(chosen)


def test_one_ineligible_cycle_refuses_the_whole_set(
    brenda, maria, okafor, nephrology, three, django_capture_on_commit_callbacks
):
    kidney = due_article(TODAY - days(400), specialty=nephrology, author=maria, title="Kidney")
    chosen = open_cycles(*three, kidney)

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(PermissionDenied) as no:
        hand_over(chosen, to=okafor.user, by=brenda)

    assert no.value.message == (
        "Kidney: Ngozi Okafor, MD does not review Nephrology; an editorial director can "
        "allow it with a recorded reason."
    )
    assert unassigned(chosen)
    assert not AuditEvent.objects.filter(action="assign_cycle").exists()
    assert not ReminderSent.objects.exists()
    assert mail.outbox == []


def test_a_reviewer_with_a_conflict_on_the_specialty_is_refused(brenda, okafor, cardiology, three):
    okafor.conflict_specialties.add(cardiology)
    chosen = open_cycles(*three)

    with pytest.raises(PermissionDenied, match="declared a conflict of interest covering Cardio"):
        hand_over(chosen, to=okafor.user, by=brenda)

    assert unassigned(chosen)


def test_the_author_of_the_live_version_is_refused(brenda, okafor, cardiology):
    article = due_article(TODAY, specialty=cardiology, author=okafor.user)
    chosen = open_cycles(article)

    with pytest.raises(PermissionDenied, match="Okafor wrote or edited the live version"):
        hand_over(chosen, to=okafor.user, by=brenda)

    assert unassigned(chosen)


def test_a_reviewer_is_not_given_more_than_their_capacity(brenda, okafor, three):
    okafor.capacity = 2
    okafor.save()
    chosen = open_cycles(*three)

    with pytest.raises(PermissionDenied) as refusal:
        hand_over(chosen, to=okafor.user, by=brenda)

    # Two of the three fit; the third is refused, and takes the other two with it.
    assert re.fullmatch(
        r"Condition \d+: Ngozi Okafor, MD is at capacity \(2 of 2 open reviews\)\.",
        refusal.value.message,
    )
    assert unassigned(chosen)


def test_someone_who_is_not_a_medical_reviewer_is_refused(brenda, maria, three):
    chosen = open_cycles(*three)

    with pytest.raises(PermissionDenied, match="Maria Santos is not a medical reviewer"):
        hand_over(chosen, to=maria, by=brenda)

    assert unassigned(chosen)


def test_a_closed_cycle_cannot_be_assigned(brenda, okafor, adeyemi, three):
    chosen = open_cycles(*three)
    hand_over(chosen[:1], to=okafor.user, by=brenda)
    cycles.review_cycle_recertify(
        cycle=chosen[0],
        reviewer=okafor.user,
        proof=proof_of(okafor.user, now=NOW),
        attested=True,
        now=NOW,
    )

    with pytest.raises(InvalidTransition, match="The review of Condition 95 is already closed"):
        hand_over(chosen, to=adeyemi.user, by=brenda)

    assert fresh(chosen[0]).assignee == okafor.user
    assert unassigned(chosen[1:])
