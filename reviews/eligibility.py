"""Who may sign: the one place that decides it (DESIGN rules 1 and 2).

Two questions, one rule:

- *May this person sign this step of this revision (or this re-certification) on this
  day, and if not, why not?* — `step_verdict`, `review_verdict` and their variants for
  someone choosing a person (`step_assignment_verdict`, `review_assignment_verdict`,
  `submission_reviewer_verdict`). Each returns a `Verdict`: allowed, or a code and a
  sentence the editorial team can act on.
- *Who may?* — `step_signers`, `submission_reviewers`, `review_reviewers` (people), and
  `approval_queue`, `review_queue` (work). Every list is built by running the same
  `judge()` over facts loaded in a fixed number of queries, so a drop-down, a queue,
  a notification and auto-assignment can never disagree with the sign-off itself.
  The drop-downs a director assigns from (`step_assignees`, `review_choices`,
  `reviewer_choices`) keep the people refused, with the reason; `nobody_qualifies`
  finds the medical reviews no one may sign, and says why.

The rule, in the order its refusals are given:
1. the signer holds the step's role (membership of the role's group: a superuser is
   an administrator, not a signer) and their account is active;
2. when signing: the work is assigned to them, or to nobody (the pool);
3. nobody signs text they wrote or edited, nor two steps of one submission;
4. a medical step (medical review, medical director, re-certification) needs an active
   reviewer profile, a licence valid on the day, and no declared conflict of interest
   on the article's specialty or topics; the medical review also needs the article's
   specialty, unless an editorial director overrode it with a recorded reason;
5. when auto-assigning or assigning a periodic review: room in the reviewer's capacity.
"""

import datetime
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from django.db.models import Count, Q, QuerySet

from accounts.models import ReviewerProfile, User
from accounts.roles import Role
from core.errors import DomainError, InvalidTransition, PermissionDenied
from encyclopedia.models import Article, Revision
from reviews.models import (
    MEDICAL_STEPS,
    RECERTIFICATION,
    STEP_ROLES,
    Approval,
    ReviewCycle,
    Step,
    Submission,
)

# --- The facts the rule reads ---------------------------------------------------------


@dataclass(frozen=True)
class Credentials:
    """A clinician's reviewer profile, as far as eligibility is concerned."""

    credit_name: str
    is_active: bool
    licence_expires_on: datetime.date | None
    specialty_ids: frozenset[int]
    conflict_specialty_ids: frozenset[int]
    conflict_topic_ids: frozenset[int]
    capacity: int

    def licensed_on(self, day: datetime.date) -> bool:
        return (
            self.is_active
            and self.licence_expires_on is not None
            and self.licence_expires_on >= day
        )

    def covers(self, specialty_id: int, *, on: datetime.date) -> bool:
        """An active, licensed reviewer of this specialty (conflicts aside)."""
        return self.licensed_on(on) and specialty_id in self.specialty_ids


@dataclass(frozen=True)
class Person:
    """Someone who might sign: what they hold, and how much review work they carry."""

    user_id: int
    name: str
    is_active: bool
    roles: frozenset[str]
    credentials: Credentials | None
    load: int = 0  # open periodic reviews plus undecided review steps assigned to them

    @property
    def printed_name(self) -> str:
        """As the encyclopedia prints them: the credit name of a clinician."""
        return self.credentials.credit_name if self.credentials else self.name

    @property
    def has_room(self) -> bool:
        return self.credentials is not None and self.load < self.credentials.capacity


@dataclass(frozen=True)
class Work:
    """What is to be signed: one step of one submission, or one periodic review."""

    step: Step
    article_id: int
    specialty_id: int
    specialty_name: str
    topics: Mapping[int, str]
    editor_ids: frozenset[int]  # wrote or edited the text being signed
    signed_ids: frozenset[int] = frozenset()  # signed another step of this submission
    assignee_id: int | None = None
    assignee_name: str = ""
    specialty_overridden: bool = False
    is_review: bool = False  # a periodic re-review of the live page, not a revision
    pending: bool = True  # the step (or review) is waiting for a decision
    pk: int | None = None  # the approval's or cycle's id, for lists of work


@dataclass(frozen=True)
class Verdict:
    """Allowed (an empty code), or refused with a machine-readable code and a reason."""

    code: str = ""
    reason: str = ""
    error: type[DomainError] = PermissionDenied

    @property
    def allowed(self) -> bool:
        return not self.code

    def __bool__(self) -> bool:
        return self.allowed

    def check(self) -> None:
        """Raise the refusal (a DomainError carrying the code), if there is one."""
        if self.code:
            raise self.error(self.reason, code=self.code)


ALLOWED = Verdict()
# Codes of refusals about a clinician's credentials rather than about the work itself.
CREDENTIAL_CODES = frozenset({"reviewer_not_eligible"})


# --- The rule -----------------------------------------------------------------------------


def judge(
    person: Person,
    work: Work,
    *,
    on: datetime.date,
    signing: bool,
    mind_capacity: bool = False,
    voice: str = "they",
) -> Verdict:
    """The rule itself, over plain facts (no queries). `signing`: the person is about to
    sign (the work must be theirs or the pool's); otherwise someone is choosing them.
    `voice` words the reason for the person themself ("you") or for the one choosing."""
    you = voice == "you"
    name = person.name
    role = STEP_ROLES[work.step]
    if not work.pending:
        what = "review" if work.is_review else "step"
        return Verdict(
            "invalid_transition",
            f"This {what} is not waiting for a decision.",
            InvalidTransition,
        )
    if role.value not in person.roles:
        if work.is_review:
            reason = (
                "Only medical reviewers re-certify articles."
                if you
                else f"{name} is not a medical reviewer."
            )
        else:
            reason = (
                f"The {Step(work.step).label.lower()} step is signed by "
                f"{_article(role.label.lower())}."
                if you
                else f"{name} is not {_article(role.label.lower())}."
            )
        return Verdict("wrong_role", reason)
    if not person.is_active:
        return Verdict("inactive", f"{name}'s account is not active.")
    if signing and work.assignee_id is not None and work.assignee_id != person.user_id:
        what = "review" if work.is_review else "step"
        return Verdict(
            "assigned_to_someone_else", f"This {what} is assigned to {work.assignee_name}."
        )
    if signing and work.is_review and work.assignee_id is None:
        return Verdict("assigned_to_someone_else", "This review is assigned to nobody yet.")
    if person.user_id in work.editor_ids:
        if work.is_review:
            reason = (
                "You wrote or edited the live version of this article; another reviewer "
                "must re-certify it."
                if you
                else f"{name} wrote or edited the live version of this article."
            )
        else:
            reason = (
                "You wrote or edited this revision, so you cannot sign any of its steps."
                if you
                else f"{name} wrote or edited this revision and cannot sign it."
            )
        return Verdict("own_revision", reason)
    if person.user_id in work.signed_ids:
        reason = (
            "You already signed a step of this submission; another person must sign this one."
            if you
            else f"{name} already signed a step of this submission."
        )
        return Verdict("already_signed", reason)
    if work.step in MEDICAL_STEPS:
        refusal = _credential_refusal(person.credentials, work, on)
        if refusal:
            return Verdict("reviewer_not_eligible", refusal)
    if mind_capacity and not person.has_room:
        credentials = person.credentials
        capacity = credentials.capacity if credentials else 0
        return Verdict(
            "at_capacity",
            f"{credentials.credit_name if credentials else name} is at capacity "
            f"({person.load} of {capacity} open reviews).",
        )
    return ALLOWED


def _credential_refusal(
    credentials: Credentials | None, work: Work, on: datetime.date
) -> str | None:
    if credentials is None:
        return "A medical sign-off needs a reviewer profile with credentials."
    who = credentials.credit_name
    if not credentials.is_active:
        return f"{who} is not an active reviewer."
    if credentials.licence_expires_on is None or credentials.licence_expires_on < on:
        return f"{who}'s licence is not valid on {on:%B %-d, %Y}."
    if work.specialty_id in credentials.conflict_specialty_ids:
        return f"{who} declared a conflict of interest covering {work.specialty_name}."
    conflicted = sorted(
        name for pk, name in work.topics.items() if pk in credentials.conflict_topic_ids
    )
    if conflicted:
        return f"{who} declared a conflict of interest covering {conflicted[0]}."
    if (
        work.step == Step.MEDICAL_REVIEW
        and not work.specialty_overridden
        and work.specialty_id not in credentials.specialty_ids
    ):
        return (
            f"{who} does not review {work.specialty_name}; an editorial director can allow "
            "it with a recorded reason."
        )
    return None


def _article(noun: str) -> str:
    return ("an " if noun[0] in "aeiou" else "a ") + noun


# --- Loading the facts (a fixed number of queries) ---------------------------------------


def people(users: QuerySet[User], *, with_loads: bool = True) -> list[Person]:
    """Each of `users` as the rule sees them, with their review load (what capacity is
    measured against) unless told it is not needed. Five queries, or seven: the facts
    are read as plain values, not as model instances with their related managers, which
    for a list of every reviewer cost more than the queries themselves."""
    rows = list(
        users.order_by("pk").values(
            "pk",
            "username",
            "first_name",
            "last_name",
            "is_active",
            "reviewer_profile__pk",
            "reviewer_profile__credit_name",
            "reviewer_profile__is_active",
            "reviewer_profile__licence_expires_on",
            "reviewer_profile__capacity",
        )
    )
    user_ids = [row["pk"] for row in rows]
    profile_ids = [row["reviewer_profile__pk"] for row in rows if row["reviewer_profile__pk"]]
    roles = _grouped(
        User.groups.through.objects.filter(user_id__in=user_ids).values_list(
            "user_id", "group__name"
        )
    )
    specialties = _grouped(
        ReviewerProfile.specialties.through.objects.filter(
            reviewerprofile_id__in=profile_ids
        ).values_list("reviewerprofile_id", "specialty_id")
    )
    conflict_specialties = _grouped(
        ReviewerProfile.conflict_specialties.through.objects.filter(
            reviewerprofile_id__in=profile_ids
        ).values_list("reviewerprofile_id", "specialty_id")
    )
    conflict_topics = _grouped(
        ReviewerProfile.conflict_topics.through.objects.filter(
            reviewerprofile_id__in=profile_ids
        ).values_list("reviewerprofile_id", "topic_id")
    )
    loads = workloads(user_ids) if with_loads else {}
    result = []
    for row in rows:
        profile_id = row["reviewer_profile__pk"]
        credentials = None
        if profile_id is not None:
            credentials = Credentials(
                credit_name=row["reviewer_profile__credit_name"],
                is_active=row["reviewer_profile__is_active"],
                licence_expires_on=row["reviewer_profile__licence_expires_on"],
                specialty_ids=frozenset(specialties.get(profile_id, ())),
                conflict_specialty_ids=frozenset(conflict_specialties.get(profile_id, ())),
                conflict_topic_ids=frozenset(conflict_topics.get(profile_id, ())),
                capacity=row["reviewer_profile__capacity"],
            )
        result.append(
            Person(
                user_id=row["pk"],
                name=User.name_of(row["first_name"], row["last_name"], row["username"]),
                is_active=row["is_active"],
                roles=frozenset(roles.get(row["pk"], ())),
                credentials=credentials,
                load=loads.get(row["pk"], 0),
            )
        )
    return result


def _grouped(pairs) -> dict[int, list]:
    grouped: dict[int, list] = defaultdict(list)
    for key, value in pairs:
        grouped[key].append(value)
    return grouped


def person(user: User) -> Person:
    """One person's facts, for a verdict on what they are about to sign (capacity does
    not limit signing, so their load is not counted)."""
    return people(User.objects.filter(pk=user.pk), with_loads=False)[0]


def workloads(user_ids: Iterable[int]) -> dict[int, int]:
    """Open periodic reviews plus undecided review steps assigned to each person: what a
    reviewer's capacity is measured against. Two queries."""
    user_ids = list(user_ids)
    loads: dict[int, int] = defaultdict(int)
    cycles = (
        ReviewCycle.objects.open()
        .filter(assignee__in=user_ids)
        .values("assignee")
        # COUNT(*), not of a column: answered from the open-review index alone.
        .annotate(n=Count("*"))
        .values_list("assignee", "n")
    )
    for assignee, n in cycles:
        loads[assignee] += n
    for assignee, n in review_steps_by_assignee(user_ids).items():
        loads[assignee] += n
    return loads


def review_steps_by_assignee(user_ids: Iterable[int]) -> dict[int, int]:
    """Undecided revision review steps assigned to each person."""
    return dict(
        Approval.objects.filter(assignee__in=list(user_ids), decision__in=Approval.OPEN_DECISIONS)
        .values("assignee")
        .annotate(n=Count("pk"))
        .values_list("assignee", "n")
    )


def _role_holders(role: Role) -> QuerySet[User]:
    return User.objects.filter(groups__name=role.value).distinct()


def _topics_of(article_ids: Iterable[int]) -> dict[int, dict[int, str]]:
    topics: dict[int, dict[int, str]] = defaultdict(dict)
    rows = Article.topics.through.objects.filter(article_id__in=list(article_ids)).values_list(
        "article_id", "topic_id", "topic__name"
    )
    for article_id, topic_id, name in rows:
        topics[article_id][topic_id] = name
    return topics


def _editors_of(revisions: Iterable[Revision]) -> dict[int, set[int]]:
    """Who wrote or edited each revision: its author and its contributors. One query."""
    editors: dict[int, set[int]] = defaultdict(set)
    for revision in revisions:
        editors[revision.pk].add(revision.author_id)
    revision_ids = list(editors)
    contributors = Revision.contributors.through.objects.filter(revision_id__in=revision_ids)
    for revision_id, user_id in contributors.values_list("revision_id", "user_id"):
        editors[revision_id].add(user_id)
    return editors


def _signed_in(submission_ids: Iterable[int]) -> dict[int, set[int]]:
    signed: dict[int, set[int]] = defaultdict(set)
    rows = Approval.objects.filter(
        submission_id__in=list(submission_ids), decision=Approval.Decision.APPROVED
    ).values_list("submission_id", "decided_by_id")
    for submission_id, user_id in rows:
        signed[submission_id].add(user_id)
    return signed


def _in_review(submission: Submission) -> bool:
    """Whether the submission's steps are being signed: a revision in review, or a live
    page's re-certification still collecting its sign-offs."""
    if submission.kind == RECERTIFICATION:
        return submission.state == Submission.State.OPEN
    return submission.revision.state == Revision.State.IN_REVIEW


def _approvals(approvals: QuerySet[Approval]) -> list[tuple[Approval, Work]]:
    """Approvals with the work each one is, in four queries whatever their number."""
    rows = list(
        approvals.select_related(
            "submission__revision__article__specialty",
            "submission__submitted_by",
            "assignee",
        ).order_by("pending_since", "pk")
    )
    topics = _topics_of({a.submission.revision.article_id for a in rows})
    editors = _editors_of({a.submission.revision for a in rows})
    signed = _signed_in({a.submission_id for a in rows})
    return [
        (
            approval,
            Work(
                step=Step(approval.step),
                article_id=approval.submission.revision.article_id,
                specialty_id=approval.submission.revision.article.specialty_id,
                specialty_name=approval.submission.revision.article.specialty.name,
                topics=topics.get(approval.submission.revision.article_id, {}),
                editor_ids=frozenset(editors.get(approval.submission.revision_id, ())),
                signed_ids=frozenset(
                    signed.get(approval.submission_id, set()) - {approval.decided_by_id}
                ),
                assignee_id=approval.assignee_id,
                assignee_name=str(approval.assignee) if approval.assignee else "",
                specialty_overridden=bool(approval.specialty_override_reason),
                pending=approval.decision == Approval.Decision.PENDING
                and _in_review(approval.submission),
                pk=approval.pk,
            ),
        )
        for approval in rows
    ]


def _with_work_facts(cycles: QuerySet[ReviewCycle]) -> QuerySet[ReviewCycle]:
    """Review cycles, soonest due first, with what _cycle_works reads of each."""
    return cycles.select_related(
        "article__specialty", "article__live_revision", "assignee"
    ).order_by("due_on", "pk")


def _cycles(cycles: Iterable[ReviewCycle]) -> list[tuple[ReviewCycle, Work]]:
    """Review cycles (loaded by _with_work_facts) with the work each one is (a review of
    the live page)."""
    rows = list(cycles)
    return list(zip(rows, _cycle_works(rows), strict=True))


def _cycle_works(cycles: list[ReviewCycle]) -> list[Work]:
    """The work each review is, in two queries whatever their number (their article, its
    specialty and live revision, and their assignee already loaded)."""
    topics = _topics_of({c.article_id for c in cycles})
    editors = _editors_of(
        {c.article.live_revision for c in cycles if c.article.live_revision is not None}
    )
    return [_cycle_work(cycle, topics, editors) for cycle in cycles]


def _cycle_work(cycle: ReviewCycle, topics, editors) -> Work:
    article = cycle.article
    return Work(
        step=Step.MEDICAL_REVIEW,
        article_id=article.pk,
        specialty_id=article.specialty_id,
        specialty_name=article.specialty.name,
        topics=topics.get(article.pk, {}),
        editor_ids=frozenset(editors.get(article.live_revision_id, ())),
        assignee_id=cycle.assignee_id,
        assignee_name=str(cycle.assignee) if cycle.assignee else "",
        is_review=True,
        pending=cycle.state == ReviewCycle.State.OPEN,
        pk=cycle.pk,
    )


def step_work(approval: Approval) -> Work:
    return _approvals(Approval.objects.filter(pk=approval.pk))[0][1]


def review_work(cycle: ReviewCycle) -> Work:
    return _cycles(_with_work_facts(ReviewCycle.objects.filter(pk=cycle.pk)))[0][1]


def submission_work(revision: Revision) -> Work:
    """The medical review a revision's submission will open (before it exists)."""
    article = Article.objects.select_related("specialty").get(pk=revision.article_id)
    return Work(
        step=Step.MEDICAL_REVIEW,
        article_id=article.pk,
        specialty_id=article.specialty_id,
        specialty_name=article.specialty.name,
        topics=_topics_of([article.pk]).get(article.pk, {}),
        editor_ids=frozenset(_editors_of([revision]).get(revision.pk, ())),
    )


# --- May this person sign? ------------------------------------------------------------------


def step_verdict(*, approval: Approval, user: User, on: datetime.date) -> Verdict:
    """May `user` decide this step now, and if not, why not."""
    return judge(person(user), step_work(approval), on=on, signing=True, voice="you")


def step_assignment_verdict(*, approval: Approval, user: User, on: datetime.date) -> Verdict:
    """May a director give this step to `user`?"""
    work = replace(step_work(approval), pending=True)
    return judge(person(user), work, on=on, signing=False)


def submission_reviewer_verdict(*, revision: Revision, user: User, on: datetime.date) -> Verdict:
    """May the editor ask `user` for the medical review of this revision?"""
    return judge(person(user), submission_work(revision), on=on, signing=False)


def review_verdict(*, cycle: ReviewCycle, user: User, on: datetime.date) -> Verdict:
    """May `user` re-certify this periodic review (or ask for changes) now?"""
    return judge(person(user), review_work(cycle), on=on, signing=True, voice="you")


def review_assignment_verdict(*, cycle: ReviewCycle, user: User, on: datetime.date) -> Verdict:
    """May a director give this periodic review to `user` (capacity counts)?"""
    fresh = ReviewCycle.objects.select_related(
        "article__specialty", "article__live_revision", "assignee"
    ).get(pk=cycle.pk)
    return review_assignment_verdicts(cycles=[fresh], user=user, on=on)[0]


def review_assignment_verdicts(
    *, cycles: list[ReviewCycle], user: User, on: datetime.date
) -> list[Verdict]:
    """May a director give each of these periodic reviews to `user`, taken in order: each
    one given counts against their capacity for the next, so a set larger than their room
    is refused from the first review that does not fit. A closed review is refused as
    not waiting. Nine queries whatever their number (each cycle's article, specialty,
    live revision and assignee already loaded)."""
    (me,) = people(User.objects.filter(pk=user.pk))
    verdicts = []
    for cycle, work in zip(cycles, _cycle_works(cycles), strict=True):
        work = replace(work, pending=cycle.is_open)
        if cycle.assignee_id == user.pk:
            # Already theirs: it is counted in their load, so capacity does not refuse it.
            verdicts.append(judge(me, work, on=on, signing=False))
            continue
        verdict = judge(me, work, on=on, signing=False, mind_capacity=True)
        if verdict:
            me = replace(me, load=me.load + 1)
        verdicts.append(verdict)
    return verdicts


# --- Who may? ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Choice:
    """A person with the verdict on them, for lists that show who is and is not eligible."""

    person: Person
    verdict: Verdict


def _choices(
    holders: QuerySet[User], work: Work, *, on: datetime.date, mind_capacity: bool
) -> list[Choice]:
    return [
        Choice(p, judge(p, work, on=on, signing=False, mind_capacity=mind_capacity))
        for p in people(holders, with_loads=mind_capacity)
    ]


def step_choices(*, approval: Approval, on: datetime.date) -> list[Choice]:
    """Every holder of the step's role, with whether they may sign it."""
    work = replace(step_work(approval), pending=True)
    return _choices(_role_holders(STEP_ROLES[work.step]), work, on=on, mind_capacity=False)


def step_assignees(*, approval: Approval, on: datetime.date) -> list[Choice]:
    """Who a director may give this step to, and who not with why: every holder of the
    step's role, those the rule allows first, each part by printed name."""
    return sorted(step_choices(approval=approval, on=on), key=_allowed_first)


def step_signers(*, approval: Approval, on: datetime.date) -> QuerySet[User]:
    """Who may sign this step (its assignee, if it is assigned and they may)."""
    work = step_work(approval)
    choices = _choices(
        _role_holders(STEP_ROLES[work.step]),
        replace(work, pending=True),
        on=on,
        mind_capacity=False,
    )
    ids = [c.person.user_id for c in choices if c.verdict]
    if work.assignee_id is not None:
        ids = [pk for pk in ids if pk == work.assignee_id]
    return User.objects.filter(pk__in=ids)


def submission_reviewers(*, revision: Revision, on: datetime.date) -> list[Choice]:
    """Medical reviewers who may review this revision, least loaded first (ties: credit
    name), with capacity marked: the first one with room is auto-assignment's pick."""
    work = submission_work(revision)
    choices = [
        c
        for c in _choices(_role_holders(Role.MEDICAL_REVIEWER), work, on=on, mind_capacity=True)
        if c.verdict or c.verdict.code == "at_capacity"
    ]
    return sorted(choices, key=_least_loaded)


def review_choices(*, cycle: ReviewCycle, on: datetime.date) -> list[Choice]:
    """Every medical reviewer, with whether a director may give them this review."""
    work = replace(review_work(cycle), pending=True)
    choices = []
    for p in people(_role_holders(Role.MEDICAL_REVIEWER)):
        mind = p.user_id != cycle.assignee_id
        choices.append(Choice(p, judge(p, work, on=on, signing=False, mind_capacity=mind)))
    return sorted(choices, key=_least_loaded)


def review_reviewers(*, cycle: ReviewCycle, on: datetime.date) -> QuerySet[User]:
    """Who may be given this periodic review."""
    ids = [c.person.user_id for c in review_choices(cycle=cycle, on=on) if c.verdict]
    return User.objects.filter(pk__in=ids).order_by("reviewer_profile__credit_name", "pk")


# A periodic review no article's facts stand against (no specialty to match, no topic,
# nobody who wrote it): a reviewer judged against it is refused only for what holds of
# them whatever review they are given (role, account, profile, licence, capacity).
_ANY_REVIEW = Work(
    step=Step.MEDICAL_REVIEW,
    article_id=0,
    specialty_id=0,
    specialty_name="",
    topics={},
    editor_ids=frozenset(),
    specialty_overridden=True,
    is_review=True,
)


def reviewer_choices(*, on: datetime.date) -> list[Choice]:
    """Every medical reviewer, with what the rule says of them whatever periodic reviews
    are chosen: what a list assigning many reviews at once can show (those allowed first,
    each part by printed name). Each review's own verdict is given when it is assigned
    (`review_assignment_verdicts`). Seven queries."""
    choices = _choices(_role_holders(Role.MEDICAL_REVIEWER), _ANY_REVIEW, on=on, mind_capacity=True)
    return sorted(choices, key=_allowed_first)


def _allowed_first(choice: Choice) -> tuple:
    return (not choice.verdict, choice.person.printed_name, choice.person.user_id)


def _least_loaded_person(person: Person) -> tuple:
    credentials = person.credentials
    return (person.load, credentials.credit_name if credentials else "", person.user_id)


def _least_loaded(choice: Choice) -> tuple:
    return _least_loaded_person(choice.person)


# --- What may this person sign? (their queue) --------------------------------------------


def approval_queue(*, user: User, on: datetime.date, me: Person | None = None) -> list[Approval]:
    """Steps awaiting this person's decision that they may sign, oldest first: those
    assigned to them, and those in the pool of a step their role signs. (`me`: their
    facts, when the caller already has them.)"""
    me = me or person(user)
    steps = [step for step, role in STEP_ROLES.items() if role.value in me.roles]
    candidates = Approval.objects.filter(
        Q(assignee=user) | Q(assignee=None),
        Q(submission__revision__state=Revision.State.IN_REVIEW)
        | Q(submission__kind=RECERTIFICATION, submission__state=Submission.State.OPEN),
        decision=Approval.Decision.PENDING,
        step__in=steps,
    )
    return [
        approval
        for approval, work in _approvals(candidates)
        if judge(me, work, on=on, signing=True)
    ]


@dataclass
class ReviewQueue:
    """A reviewer's open periodic reviews: those they may sign, and those assigned to them
    that they may not (with why), so nothing assigned to them disappears silently."""

    signable: list[ReviewCycle] = field(default_factory=list)
    refused: list[tuple[ReviewCycle, Verdict]] = field(default_factory=list)


def assigned_reviews(user: User) -> QuerySet[ReviewCycle]:
    """A reviewer's open periodic reviews, soonest due first (what review_queue judges)."""
    return _with_work_facts(
        ReviewCycle.objects.open().filter(assignee=user).select_related("revision")
    )


def review_queue(
    *,
    user: User,
    on: datetime.date,
    me: Person | None = None,
    cycles: Iterable[ReviewCycle] | None = None,
) -> ReviewQueue:
    """`user`'s open periodic reviews, those they may sign and those they may not: all of
    them, or `cycles`, a page of assigned_reviews(user)."""
    me = me or person(user)
    queue = ReviewQueue()
    for cycle, work in _cycles(assigned_reviews(user) if cycles is None else cycles):
        # A review whose revision is being drafted waits on the editor, not on a verdict.
        verdict = judge(me, replace(work, pending=True), on=on, signing=True)
        if verdict:
            queue.signable.append(cycle)
        else:
            queue.refused.append((cycle, verdict))
    return queue


# --- Auto-assignment of periodic reviews -----------------------------------------------------


class Assigner:
    """Chooses reviewers for many periodic reviews in one run: every reviewer's facts are
    loaded once, and their loads are counted up as reviews are given out, so the work
    spreads evenly within the run too."""

    def __init__(self, *, on: datetime.date) -> None:
        self.on = on
        self.people = [
            p for p in people(_role_holders(Role.MEDICAL_REVIEWER)) if p.credentials is not None
        ]

    def works(self, cycles: Iterable[ReviewCycle]) -> list[Work]:
        return _cycle_works(list(cycles))

    def verdicts(self, work: Work) -> list[tuple[Person, Verdict]]:
        """Every reviewer with the rule's verdict on giving them `work` now."""
        work = replace(work, pending=True)
        return [
            (p, judge(p, work, on=self.on, signing=False, mind_capacity=True)) for p in self.people
        ]

    def choose(self, work: Work) -> tuple[Person | None, str]:
        """The least-loaded reviewer who may take `work` and has room (ties: credit name,
        then id), or why there is none, in the words the director's list shows."""
        verdicts = self.verdicts(work)
        allowed = [p for p, verdict in verdicts if verdict]
        if allowed:
            chosen = min(allowed, key=_least_loaded_person)
            index = self.people.index(chosen)
            self.people[index] = replace(chosen, load=chosen.load + 1)
            return self.people[index], ""
        return None, why_nobody(work, verdicts, on=self.on)


def why_nobody(work: Work, verdicts: list[tuple[Person, Verdict]], *, on: datetime.date) -> str:
    """Why none of the people judged may take `work`, in one sentence the editorial team
    can act on: nobody covers it (recruit or renew), or everyone who does is full, or
    ruled out by what they wrote, signed or declared."""
    covering = [
        (p, verdict)
        for p, verdict in verdicts
        if verdict.code not in ("wrong_role", "inactive")
        and p.credentials is not None
        and (
            p.credentials.licensed_on(on)
            if work.specialty_overridden
            else p.credentials.covers(work.specialty_id, on=on)
        )
    ]
    if not covering:
        if work.specialty_overridden:
            return "No active reviewer has a valid licence."
        return f"No active reviewer with a valid licence covers {work.specialty_name}."
    who = "licensed reviewer" if work.specialty_overridden else f"{work.specialty_name} reviewer"
    codes = {verdict.code for _, verdict in covering}
    if "at_capacity" in codes:
        return f"Every {who} is at capacity."
    if work.is_review:
        return f"Every {who} wrote the live version or declared a conflict of interest."
    causes = [
        cause
        for code, cause in (
            ("own_revision", "wrote or edited this revision"),
            ("already_signed", "signed another step of this submission"),
            ("reviewer_not_eligible", "declared a conflict of interest"),
        )
        if code in codes
    ]
    return f"Every {who} {_or(causes)}."


def _or(phrases: list[str]) -> str:
    if len(phrases) < 3:
        return " or ".join(phrases)
    return ", ".join(phrases[:-1]) + ", or " + phrases[-1]


# --- Medical reviews nobody may sign ------------------------------------------------------


def nobody_qualifies(
    *, on: datetime.date, revision_ids: Iterable[int] | None = None
) -> list[tuple[Approval, str]]:
    """Medical reviews of revisions in review (of these revisions, or of every one) that
    no medical reviewer may sign, oldest first, each with why: what an editor is told of
    their revision and an editorial director's queue lists. Who holds the step does not
    matter: the question is whether anyone could be given it, which only a director can
    answer (assign, override the specialty, renew or recruit a reviewer). Nine queries
    whatever their number, none when there is nothing to judge."""
    candidates = Approval.objects.filter(
        step=Step.MEDICAL_REVIEW,
        decision=Approval.Decision.PENDING,
        submission__revision__state=Revision.State.IN_REVIEW,
    )
    if revision_ids is not None:
        candidates = candidates.filter(submission__revision__in=list(revision_ids))
    rows = _approvals(candidates)
    if not rows:
        return []
    reviewers = people(_role_holders(Role.MEDICAL_REVIEWER), with_loads=False)
    found = []
    for approval, work in rows:
        verdicts = [(p, judge(p, work, on=on, signing=False)) for p in reviewers]
        if not any(verdict for _, verdict in verdicts):
            found.append((approval, why_nobody(work, verdicts, on=on)))
    return found
