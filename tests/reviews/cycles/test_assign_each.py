"""A director assigns the rows ticked on a list row by row: every review the reviewer may
take is assigned (audited, in one digest), and each of the others is reported with the
eligibility rule's reason, none of them holding the rest back."""

import pytest
from django.core import mail

from core.errors import PermissionDenied
from reviews import cycles, eligibility
from reviews.models import AuditEvent, ReminderSent, ReviewCycle
from tests.mail import committed
from tests.reviews.cycles.factories import NOW, TODAY, days, due_article, flag, fresh
from tests.reviews.factories import proof_of

pytestmark = pytest.mark.django_db

NEPHROLOGY_REFUSED = (
    "Ngozi Okafor, MD does not review Nephrology; an editorial director can allow it with "
    "a recorded reason."
)


def open_cycles(*articles) -> list[ReviewCycle]:
    flag()
    return [ReviewCycle.objects.open().get(article=article) for article in articles]


def assign_each(cycle_list, *, to, by):
    return committed(
        cycles.review_cycles_assign_each,
        cycles=cycle_list,
        reviewer=to,
        director=by,
        today=TODAY,
        now=NOW,
    )


def outcome(assignment) -> dict[str, str]:
    """Title → "assigned", or the reason it was not."""
    return {
        row.cycle.article.title: "assigned" if row.assigned else row.verdict.reason
        for row in assignment.rows
    }


@pytest.fixture
def mixed(maria, cardiology, nephrology):
    """Two cardiology reviews Dr. Okafor may take and a nephrology one she may not."""
    return open_cycles(
        due_article(TODAY - days(95), specialty=cardiology, author=maria, title="Angina"),
        due_article(TODAY - days(120), specialty=nephrology, author=maria, title="Gout"),
        due_article(TODAY - days(200), specialty=cardiology, author=maria, title="Endocarditis"),
    )


def test_one_ineligible_review_is_reported_and_the_others_are_assigned(
    brenda, okafor, mixed, django_capture_on_commit_callbacks
):
    angina, _, endocarditis = mixed

    with django_capture_on_commit_callbacks(execute=True):
        assignment = assign_each(mixed, to=okafor.user, by=brenda)

    assert outcome(assignment) == {
        "Angina": "assigned",
        "Gout": NEPHROLOGY_REFUSED,
        "Endocarditis": "assigned",
    }
    assert assignment.refusals() == {NEPHROLOGY_REFUSED: ["Gout"]}
    assert [c.pk for c in assignment.assigned] == [angina.pk, endocarditis.pk]
    assert [fresh(c).assignee for c in mixed] == [okafor.user, None, okafor.user]
    events = AuditEvent.objects.filter(action="assign_cycle")
    assert sorted(e.cycle_id for e in events) == [angina.pk, endocarditis.pk]
    assert {(e.actor, e.note) for e in events} == {(brenda, "Assigned to Ngozi Okafor")}
    assert sorted(ReminderSent.objects.values_list("cycle_id", flat=True)) == [
        angina.pk,
        endocarditis.pk,
    ]
    (digest,) = mail.outbox
    assert digest.subject == "New periodic reviews assigned to you (2)"
    assert "Gout" not in digest.body


def test_a_reviewer_is_given_reviews_up_to_their_capacity_and_told_the_rest_are_over_it(
    brenda, okafor, maria, cardiology
):
    okafor.capacity = 2
    okafor.save()
    chosen = open_cycles(
        *(
            due_article(TODAY - days(n), specialty=cardiology, author=maria, title=f"C {n}")
            for n in (95, 120, 200)
        )
    )

    assignment = assign_each(chosen, to=okafor.user, by=brenda)

    # Judged in the order they were opened: the third no longer fits.
    assert [row.assigned for row in assignment.rows] == [True, True, False]
    assert assignment.refused[0].verdict.reason == (
        "Ngozi Okafor, MD is at capacity (2 of 2 open reviews)."
    )
    assert ReviewCycle.objects.filter(assignee=okafor.user).count() == 2


def test_reviews_refused_for_the_same_reason_share_one_line(brenda, lee, mixed):
    assignment = assign_each(mixed, to=lee.user, by=brenda)

    assert assignment.assigned == []
    assert assignment.refusals() == {
        "Daniel Lee, MD's licence is not valid on November 27, 2026.": [
            "Angina",
            "Gout",
            "Endocarditis",
        ]
    }
    assert not ReviewCycle.objects.exclude(assignee=None).exists()
    assert not AuditEvent.objects.filter(action="assign_cycle").exists()
    assert not ReminderSent.objects.exists()
    assert mail.outbox == []


def test_a_review_closed_meanwhile_is_reported_and_the_others_are_assigned(
    brenda, okafor, adeyemi, mixed
):
    angina, _, endocarditis = mixed
    cycles.review_cycles_assign(
        cycles=[angina], reviewer=okafor.user, director=brenda, today=TODAY, now=NOW
    )
    cycles.review_cycle_recertify(
        cycle=angina, reviewer=okafor.user, proof=proof_of(okafor.user, now=NOW), attested=True
    )

    assignment = assign_each([angina, endocarditis], to=adeyemi.user, by=brenda)

    assert outcome(assignment) == {
        "Angina": "This review is not waiting for a decision.",
        "Endocarditis": "assigned",
    }
    assert fresh(angina).assignee == okafor.user
    assert fresh(endocarditis).assignee == adeyemi.user


def test_judging_many_reviews_takes_no_more_queries_than_judging_two(
    brenda, okafor, maria, cardiology, django_assert_max_num_queries
):
    def judged(lateness):
        chosen = open_cycles(
            *(
                due_article(TODAY - days(n), specialty=cardiology, author=maria, title=f"T{n}")
                for n in lateness
            )
        )
        return list(
            ReviewCycle.objects.filter(pk__in=[c.pk for c in chosen]).select_related(
                "article__specialty", "article__live_revision", "assignee"
            )
        )

    # Eight more, within Dr. Okafor's capacity of ten.
    few, many = judged(range(1, 3)), judged(range(3, 11))
    with django_assert_max_num_queries(9) as counted:
        assert all(eligibility.review_assignment_verdicts(cycles=few, user=okafor.user, on=TODAY))
    with django_assert_max_num_queries(len(counted.captured_queries)):
        verdicts = eligibility.review_assignment_verdicts(cycles=many, user=okafor.user, on=TODAY)
    assert len(verdicts) == 8 and all(verdicts)


@pytest.mark.parametrize("person", ["maria", "okafor", "dugdale", "charlie"])
def test_only_an_editorial_director_assigns_reviews_row_by_row(request, okafor, mixed, person):
    someone = request.getfixturevalue(person)
    someone = getattr(someone, "user", someone)

    with pytest.raises(PermissionDenied, match="Only editorial directors can assign reviews"):
        assign_each(mixed, to=okafor.user, by=someone)

    assert not ReviewCycle.objects.exclude(assignee=None).exists()
