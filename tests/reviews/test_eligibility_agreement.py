"""One rule for who may sign, asked every way Stet asks it.

For every combination of what decides eligibility — licence (valid, expired, missing),
specialty (covered, not covered, overridden by a director), declared conflict (on the
specialty, on a topic, none), relation to the text (author, contributor, other, already
signed another step of the submission), account (active, inactive) and the superuser
who holds no role — the same answer must come from:

- the verdict the pages show (eligibility.step_verdict / review_verdict),
- the sign-off itself (the service accepts or refuses it),
- the person's queue (their steps, their periodic reviews),
- the people notified and the candidates for assignment (step_signers, the Assigner),
- the drop-downs a director picks from on the revision and review pages (offered, or
  listed disabled with the rule's reason), and the list assigning many reviews at once
  (which can judge only what holds of a reviewer whatever the review),
- the medical reviewers offered to an editor at submit,

and that answer must be what the rule says (the oracle below, written from DESIGN's
rules 1 and 2, not from the code).
"""

import datetime
import itertools
from dataclasses import dataclass

import pytest
from bs4 import BeautifulSoup
from django.db import transaction
from django.urls import reverse

from accounts.roles import Role
from core.errors import DomainError
from encyclopedia.models import Topic
from reviews import cycles, eligibility, services
from reviews.models import Approval, ReviewCycle, Step
from tests.accounts.factories import ReviewerProfileFactory, SpecialtyFactory, UserFactory
from tests.reviews.factories import (
    TODAY,
    live_article,
    proof_of,
)

pytestmark = pytest.mark.django_db

ON = TODAY.date()
LICENCES = {
    "valid": datetime.date(2027, 6, 30),
    "expired": datetime.date(2026, 10, 31),
    "missing": None,
}
CONFLICTS = ("specialty", "topic", "none")
RELATIONS = ("author", "contributor", "other", "signed another step")
ACCOUNTS = ("active", "inactive")


@dataclass(frozen=True)
class Signer:
    licence: str
    specialty: str  # covered / not covered; "overridden" is a property of the step
    conflict: str
    account: str
    superuser_without_role: bool = False

    @property
    def label(self) -> str:
        if self.superuser_without_role:
            return "superuser-without-role"
        return f"licence-{self.licence}/{self.specialty}/conflict-{self.conflict}/{self.account}"


SIGNERS = [
    Signer(licence, specialty, conflict, account)
    for licence, specialty, conflict, account in itertools.product(
        LICENCES, ("covered", "not covered"), CONFLICTS, ACCOUNTS
    )
] + [Signer("valid", "covered", "none", "active", superuser_without_role=True)]


def may_sign(signer: Signer, *, specialty: str, relation: str) -> bool:
    """DESIGN rules 1 and 2, as the editorial team states them."""
    return (
        not signer.superuser_without_role
        and signer.account == "active"
        and signer.licence == "valid"
        and specialty in ("covered", "overridden")
        and signer.conflict == "none"
        and relation == "other"
    )


def may_take_some_review(signer: Signer) -> bool:
    """What holds of a reviewer whatever the periodic review: rules 1 and 2 without the
    article's specialty, topics or authors."""
    return (
        not signer.superuser_without_role
        and signer.account == "active"
        and signer.licence == "valid"
    )


@pytest.fixture
def world(maria, tom, brenda):
    cardiology = SpecialtyFactory(name="Cardiology", slug="cardiology")
    dermatology = SpecialtyFactory(name="Dermatology", slug="dermatology")
    anticoagulants = Topic.objects.create(name="Anticoagulants", slug="anticoagulants")
    # The editorial director signs first, so the medical review can follow a signature.
    services.approval_chain_set(
        kind="update", steps=[Step.EDITORIAL_DIRECTOR, Step.MEDICAL_REVIEW], director=brenda
    )
    return {
        "cardiology": cardiology,
        "dermatology": dermatology,
        "anticoagulants": anticoagulants,
        "maria": maria,
        "tom": tom,
        "brenda": brenda,
    }


def make_signer(signer: Signer, world) -> object:
    if signer.superuser_without_role:
        user = UserFactory(username="root", first_name="Site", last_name="Admin")
        user.is_superuser = user.is_staff = True
        user.save()
    else:
        user = UserFactory(
            username="signer",
            first_name="Sam",
            last_name="Signer",
            roles=[Role.MEDICAL_REVIEWER, Role.EDITORIAL_DIRECTOR],
        )
        user.is_active = signer.account == "active"
        user.save()
    covered = world["cardiology"] if signer.specialty == "covered" else world["dermatology"]
    profile = ReviewerProfileFactory(
        user=user,
        credit_name="Sam Signer, MD",
        licence_expires_on=LICENCES[signer.licence],
        specialties=[covered],
    )
    if signer.conflict == "specialty":
        profile.conflict_specialties.add(world["cardiology"])
    elif signer.conflict == "topic":
        profile.conflict_topics.add(world["anticoagulants"])
    return user


def step_in_review(world, user, *, relation: str, overridden: bool, title: str) -> Approval:
    """A cardiology update, tagged Anticoagulants, in review with its medical review step
    pending (the editorial director's step signed first, by `user` when `relation` says
    so), in the pool."""
    maria, tom, brenda = world["maria"], world["tom"], world["brenda"]
    article = live_article(
        specialty=world["cardiology"],
        author=maria,
        title=title,
        topics=[world["anticoagulants"]],
    )
    draft = services.revision_start_draft(article=article, editor=maria)
    if relation == "author":
        draft.author = user
        draft.save(update_fields=["author"])
    elif relation == "contributor":
        draft.contributors.add(user)
    submission = services.revision_submit(
        revision=draft, editor=tom, kind="update", change_summary="Thresholds"
    )
    director_step, medical_step = submission.approvals.order_by("position")
    # The first signature is written as the database keeps it: it may have been given
    # while the signer was still eligible (an account deactivated, a licence lapsed since).
    signed_by = user if relation == "signed another step" else brenda
    Approval.objects.filter(pk=director_step.pk).update(
        decision=Approval.Decision.APPROVED, decided_by=signed_by, decided_at=TODAY
    )
    Approval.objects.filter(pk=medical_step.pk).update(
        decision=Approval.Decision.PENDING, pending_since=TODAY, assignee=None
    )
    if overridden:
        services.approval_override_specialty(
            approval=medical_step, director=brenda, reason="Cross-cover during a shortage"
        )
    return Approval.objects.get(pk=medical_step.pk)


def review_of(world, user, *, relation: str, title: str, assigned: bool) -> ReviewCycle:
    """An open periodic review of a cardiology article tagged Anticoagulants, whose live
    version `user` wrote (relation "author") or Maria did; given to `user` (as the
    database keeps it: they may have lost eligibility since) or to nobody."""
    article = live_article(
        specialty=world["cardiology"],
        author=user if relation == "author" else world["maria"],
        title=title,
        topics=[world["anticoagulants"]],
    )
    return ReviewCycle.objects.create(
        article=article, due_on=ON, assignee=user if assigned else None
    )


def options(page: bytes, name: str) -> set[str]:
    """The people a drop-down offers (those it lists as not eligible are disabled)."""
    select = BeautifulSoup(page, "html.parser").find("select", attrs={"name": name})
    return {
        option["value"]
        for option in select.find_all("option")
        if option.get("value") and not option.has_attr("disabled")
    }


def refusals(page: bytes, name: str) -> dict[str, str]:
    """The people a drop-down lists as not eligible, each with the text it shows."""
    select = BeautifulSoup(page, "html.parser").find("select", attrs={"name": name})
    return {
        option["value"]: option.get_text()
        for option in select.find_all("option")
        if option.has_attr("disabled")
    }


def says_why(page: bytes, name: str, user, verdict, *, listed: bool) -> bool:
    """The drop-down lists a refused holder of the role disabled with the rule's reason,
    and nobody else as refused (someone without the role is not listed at all)."""
    shown = refusals(page, name)
    if verdict or not listed:
        return str(user.pk) not in shown
    return verdict.reason in shown.get(str(user.pk), "")


def signs(action) -> bool:
    """Whether the service accepts the sign-off (undone either way)."""
    try:
        with transaction.atomic():
            action()
            raise _Undo
    except _Undo:
        return True
    except DomainError:
        return False


class _Undo(Exception):
    pass


@pytest.mark.parametrize("signer", SIGNERS, ids=lambda s: s.label)
def test_every_way_of_asking_who_may_sign_a_step_gives_the_rules_answer(signer, world, client):
    user = make_signer(signer, world)
    client.force_login(world["brenda"])
    # An override only matters to someone outside the specialty.
    overrides = (False,) if signer.specialty == "covered" else (False, True)
    steps = {}
    for n, (overridden, relation) in enumerate(itertools.product(overrides, RELATIONS)):
        specialty = "overridden" if overridden else signer.specialty
        steps[(specialty, relation)] = step_in_review(
            world, user, relation=relation, overridden=overridden, title=f"Condition {n}"
        )
    queue = {a.pk for a in eligibility.approval_queue(user=user, on=ON)}

    for (specialty, relation), step in steps.items():
        case = f"{signer.label}, specialty {specialty}, {relation}"
        expected = may_sign(signer, specialty=specialty, relation=relation)
        verdict = eligibility.step_verdict(approval=step, user=user, on=ON)
        page = client.get(reverse("reviews:revision", args=[step.submission.revision_id]))

        answers = {
            "verdict": bool(verdict),
            "sign-off": signs(
                lambda step=step: services.approval_approve(
                    approval=step,
                    signer=user,
                    proof=proof_of(user, now=TODAY),
                    attested=True,
                    now=TODAY,
                )
            ),
            "queue": step.pk in queue,
            "notified": eligibility.step_signers(approval=step, on=ON).filter(pk=user.pk).exists(),
            "assignable": eligibility.step_assignment_verdict(
                approval=step, user=user, on=ON
            ).allowed,
            "drop-down": str(user.pk) in options(page.content, "assignee"),
        }
        assert answers == dict.fromkeys(answers, expected), case
        assert bool(verdict.reason) == (not expected), case
        assignment = eligibility.step_assignment_verdict(approval=step, user=user, on=ON)
        listed = not signer.superuser_without_role
        assert says_why(page.content, "assignee", user, assignment, listed=listed), case


@pytest.mark.parametrize("signer", SIGNERS, ids=lambda s: s.label)
def test_every_way_of_asking_who_may_review_a_page_gives_the_rules_answer(signer, world, client):
    """The medical review an editor asks for at submit, and the periodic re-review of
    the live page (re-certification, its queue, its assignment and auto-assignment)."""
    user = make_signer(signer, world)
    client.force_login(world["brenda"])
    specialty = signer.specialty
    for n, relation in enumerate(("author", "contributor", "other")):
        case = f"{signer.label}, {relation}"
        draft = step_in_review(
            world, user, relation=relation, overridden=False, title=f"Draft {n}"
        ).submission.revision
        expected = may_sign(signer, specialty=specialty, relation=relation)
        offered = {
            c.person.user_id for c in eligibility.submission_reviewers(revision=draft, on=ON)
        }
        verdict = eligibility.submission_reviewer_verdict(revision=draft, user=user, on=ON)
        assert (bool(verdict), user.pk in offered) == (expected, expected), case

    for n, relation in enumerate(("author", "other")):
        case = f"{signer.label}, periodic review, {relation}"
        expected = may_sign(signer, specialty=specialty, relation=relation)
        mine = review_of(world, user, relation=relation, title=f"Review {n}", assigned=True)
        pool = review_of(world, user, relation=relation, title=f"Pool {n}", assigned=False)
        queue = eligibility.review_queue(user=user, on=ON)
        page = client.get(reverse("reviews:cycle", args=[mine.pk]))
        (work,) = eligibility.Assigner(on=ON).works([pool])
        auto = {p.user_id for p, v in eligibility.Assigner(on=ON).verdicts(work) if v}

        answers = {
            "verdict": eligibility.review_verdict(cycle=mine, user=user, on=ON).allowed,
            "re-certification": signs(
                lambda mine=mine: cycles.review_cycle_recertify(
                    cycle=mine,
                    reviewer=user,
                    proof=proof_of(user, now=TODAY),
                    attested=True,
                    now=TODAY,
                )
            ),
            "queue": mine in queue.signable,
            "refused in queue": mine not in [c for c, _ in queue.refused],
            "assignable": eligibility.review_reviewers(cycle=mine, on=ON)
            .filter(pk=user.pk)
            .exists(),
            "drop-down": str(user.pk) in options(page.content, "reviewer"),
            "auto-assignment": user.pk in auto,
            "hand assignment": eligibility.review_assignment_verdict(
                cycle=pool, user=user, on=ON
            ).allowed,
        }
        assert answers == dict.fromkeys(answers, expected), case
        assignment = eligibility.review_assignment_verdict(cycle=mine, user=user, on=ON)
        listed = not signer.superuser_without_role
        assert says_why(page.content, "reviewer", user, assignment, listed=listed), case

    # The list of many reviews judges the licence and the account, not a review's own
    # specialty, conflicts or authors (those are judged row by row when assigned).
    case = f"{signer.label}, list of many reviews"
    expected = may_take_some_review(signer)
    page = client.get(reverse("reviews:cycles"))
    verdicts = [
        c.verdict for c in eligibility.reviewer_choices(on=ON) if c.person.user_id == user.pk
    ]
    offered = str(user.pk) in options(page.content, "reviewer")
    assert (offered, any(verdicts)) == (expected, expected), case
    listed = not signer.superuser_without_role
    assert verdicts or not listed, case
    for verdict in verdicts:
        assert says_why(page.content, "reviewer", user, verdict, listed=listed), case
