"""The losing side of real races: two people acting on the same revision at the same
moment, each in their own transaction on their own connection.

PostgreSQL only: it needs row locks and concurrent transactions, which the in-memory
SQLite test database cannot give two threads.
"""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from core.errors import DomainError
from encyclopedia.models import Article, Revision
from reviews import services
from reviews.models import Approval, AuditEvent, Submission
from tests.reviews.factories import (
    approved_revision,
    fresh,
    pending_step,
    proof_of,
    reviewer,
    steps_of,
    submitted_revision,
)

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL row locks and transactions"
    ),
    # serialized_rollback: the flush after a transactional test would otherwise take the
    # roles and chains the data migrations created away from the tests that follow.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
State = Revision.State


def race(*actions, timeout: float = 30):
    """Start every action at the same moment, each on its own thread and connection.
    Returns [(result, None) or (None, exception)] in the order given."""
    start = threading.Barrier(len(actions))

    def run(action):
        from django.db import connection as thread_connection

        try:
            start.wait(timeout=timeout)
            return action(), None
        except Exception as error:
            return None, error
        finally:
            thread_connection.close()

    with ThreadPoolExecutor(max_workers=len(actions)) as pool:
        futures = [pool.submit(run, action) for action in actions]
        return [future.result(timeout=timeout * 2) for future in futures]


def errors_of(outcomes) -> list[Exception]:
    return [error for _, error in outcomes if error is not None]


@pytest.fixture
def adams(cardiology):
    return reviewer("adams", credit_name="Aaron Adams, MD", specialties=[cardiology])


@pytest.fixture
def pool_step(article, maria, okafor, adams, brenda):
    """A medical review waiting in the pool, which Dr. Okafor and Dr. Adams may both sign."""
    revision = submitted_revision(article, editor=maria)
    services.approval_assign(approval=pending_step(revision), assignee=None, director=brenda)
    return pending_step(revision)


def test_two_reviewers_signing_the_same_step_at_once_one_wins(pool_step, okafor, adams):
    def signs(person):
        return lambda: services.approval_approve(
            approval=pool_step, signer=person, proof=proof_of(person), attested=True
        )

    outcomes = race(signs(okafor.user), signs(adams.user))

    errors = errors_of(outcomes)
    assert len(errors) == 1
    assert isinstance(errors[0], DomainError), repr(errors[0])
    revision = pool_step.submission.revision
    medical, director, _ = steps_of(revision)
    assert medical.decision == Approval.Decision.APPROVED
    assert medical.decided_by in (okafor.user, adams.user)
    assert director.decision == Approval.Decision.PENDING
    assert (
        Approval.objects.filter(
            submission__revision=revision, decision=Approval.Decision.APPROVED
        ).count()
        == 1
    )
    assert AuditEvent.objects.filter(revision=revision, action="sign_off").count() == 1


def test_an_approval_and_a_request_for_changes_at_once_one_wins(pool_step, okafor, adams):
    outcomes = race(
        lambda: services.approval_approve(
            approval=pool_step, signer=okafor.user, proof=proof_of(okafor.user), attested=True
        ),
        lambda: services.approval_request_changes(
            approval=pool_step, signer=adams.user, comment="Cite the trial."
        ),
    )

    errors = errors_of(outcomes)
    assert len(errors) == 1
    assert isinstance(errors[0], DomainError), repr(errors[0])
    revision = fresh(pool_step.submission.revision)
    medical = fresh(pool_step)
    if revision.state == State.IN_REVIEW:
        assert (medical.decision, medical.decided_by) == (Approval.Decision.APPROVED, okafor.user)
    else:
        assert revision.state == State.CHANGES_REQUESTED
        assert (medical.decision, medical.decided_by) == (
            Approval.Decision.CHANGES_REQUESTED,
            adams.user,
        )


def test_taking_back_while_a_reviewer_signs_leaves_no_open_sign_off(article, maria, okafor):
    revision = submitted_revision(article, editor=maria)
    step = pending_step(revision)

    outcomes = race(
        lambda: services.approval_approve(
            approval=step, signer=okafor.user, proof=proof_of(okafor.user), attested=True
        ),
        lambda: services.revision_take_back(revision=revision, editor=maria),
    )

    _, take_back_error = outcomes[1]
    assert take_back_error is None  # in review either way: taking back always works
    assert all(isinstance(error, DomainError) for error in errors_of(outcomes))
    assert fresh(revision).state == State.DRAFT
    assert Submission.objects.get(revision=revision).state == Submission.State.VOIDED
    assert not Approval.objects.filter(
        submission__revision=revision, decision__in=Approval.OPEN_DECISIONS
    ).exists()


def test_two_editors_publishing_rival_revisions_at_once_one_wins(article, maria, tom, signers):
    first = approved_revision(article, editor=maria, signers=signers)
    second = approved_revision(article, editor=tom, signers=signers)

    outcomes = race(
        lambda: services.revision_publish(revision=first, editor=maria),
        lambda: services.revision_publish(revision=second, editor=tom),
    )

    errors = errors_of(outcomes)
    assert len(errors) == 1
    states = {fresh(first).state, fresh(second).state}
    assert states == {State.PUBLISHED, State.SUPERSEDED}
    winner = first if fresh(first).state == State.PUBLISHED else second
    assert Article.objects.get(pk=article.pk).live_revision_id == winner.pk
    # The loser is told why (the other revision went live first), not shown a database
    # error such as a deadlock.
    assert isinstance(errors[0], DomainError), repr(errors[0])


def test_signing_a_rival_while_another_revision_is_published_never_fails_with_a_db_error(
    article, maria, tom, okafor, signers
):
    rival = submitted_revision(article, editor=tom)
    winner = approved_revision(article, editor=maria, signers=signers)
    step = pending_step(rival)

    outcomes = race(
        lambda: services.revision_publish(revision=winner, editor=maria),
        lambda: services.approval_approve(
            approval=step, signer=okafor.user, proof=proof_of(okafor.user), attested=True
        ),
    )

    _, publish_error = outcomes[0]
    assert publish_error is None, repr(publish_error)
    assert fresh(winner).state == State.PUBLISHED
    assert fresh(rival).state == State.SUPERSEDED
    assert not Approval.objects.filter(
        submission__revision=rival, decision__in=Approval.OPEN_DECISIONS
    ).exists()
    # Signing either happened first (and was then superseded) or was refused with a reason.
    assert all(isinstance(error, DomainError) for error in errors_of(outcomes)), outcomes
