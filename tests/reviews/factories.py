"""Revisions brought to each workflow state through the services, as people would.

Every helper calls reviews.services (or the encyclopedia's content services for the
editing itself), so a test starts only from states the application can reach.
"""

import datetime
from collections.abc import Sequence
from zoneinfo import ZoneInfo

from django.contrib.auth.models import Group
from django.utils import timezone

from accounts.models import Reauthentication, ReviewerProfile, Specialty, User
from accounts.roles import Role
from encyclopedia import services as content
from encyclopedia.models import Article, Revision
from encyclopedia.services import ReferenceInput, SectionInput
from reviews import services
from reviews.models import Approval, AuditEvent, Notification, Submission
from tests.accounts.factories import ReviewerProfileFactory, UserFactory
from tests.encyclopedia.factories import published_article

NEW_YORK = ZoneInfo("America/New_York")
TODAY = datetime.datetime(2026, 11, 27, 10, tzinfo=NEW_YORK)
OLD_REVIEW_DATE = datetime.date(2024, 7, 23)
OLD_CREDIT = "Linda J. Vorvick, MD, Clinical Associate Professor"

LIVE_SECTIONS = [
    SectionInput("Causes", "A fast, irregular heartbeat starts in the upper chambers."),
    SectionInput(
        "Treatment",
        "Medicines slow the heart rate. Anticoagulants prevent clots in people at risk "
        "of stroke. Some people need a procedure to restore a normal rhythm.",
    ),
]
LIVE_REFERENCES = [
    ReferenceInput(
        citation="Marlow JT, Osei A. Extended-interval dosing. J Demo Clin Med. 2021;14:211-9.",
        url="https://doi.org/10.5555/stet.demo.2021.0142",
        accessed_on=datetime.date(2024, 7, 1),
        doi="10.5555/stet.demo.2021.0142",
    ),
    ReferenceInput(citation="Demo Heart Society. Rhythm guideline. 2023.", pubmed_id="31234567"),
]
# Scenario 1: Maria rewrites two sentences of Treatment and adds a 2025 guideline.
NEW_TREATMENT = (
    "Medicines slow the heart rate. Anticoagulants prevent clots in people whose "
    "CHA2DS2-VASc score is 2 or more. Some people need a procedure to restore a normal rhythm."
)
GUIDELINE_2025 = ReferenceInput(
    citation="Demo ACC/AHA. Atrial fibrillation guideline. 2025.",
    url="https://example.org/guidelines/af-2025",
    accessed_on=datetime.date(2026, 11, 2),
    doi="10.5555/stet.demo.2025.0001",
)
CHANGE_SUMMARY = "2025 ACC/AHA guideline: anticoagulation thresholds"
EVERY_SIGNER = ("okafor", "dugdale", "brenda")


def at(day: datetime.date | str, hour: int = 10, minute: int = 0) -> datetime.datetime:
    """A moment on `day` in the encyclopedia's time zone."""
    if isinstance(day, str):
        day = datetime.date.fromisoformat(day)
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=NEW_YORK)


def with_roles(user: User, *roles: Role) -> User:
    """Give `user` more roles (and forget the roles cached on the instance)."""
    user.groups.add(*Group.objects.filter(name__in=[role.value for role in roles]))
    user.__dict__.pop("_role_names", None)
    return user


def reviewer(
    username: str,
    *,
    credit_name: str,
    specialties: Sequence[Specialty] = (),
    roles: Sequence[Role] = (Role.MEDICAL_REVIEWER,),
    licence_expires_on: datetime.date = datetime.date(2027, 12, 31),
    user: User | None = None,
    **fields,
) -> ReviewerProfile:
    """A clinician with a Stet login and a reviewer profile."""
    user = user or UserFactory(username=username, roles=list(roles))
    return ReviewerProfileFactory(
        user=user,
        credit_name=credit_name,
        licence_expires_on=licence_expires_on,
        specialties=list(specialties),
        **fields,
    )


def live_article(
    *,
    specialty: Specialty,
    author: User,
    title: str = "Atrial fibrillation",
    topics=None,
    sections=LIVE_SECTIONS,
    references=LIVE_REFERENCES,
) -> Article:
    """A published article: v1 is live, reviewed on 2024-07-23 and credited to Dr. Vorvick."""
    return published_article(
        title=title,
        specialty=specialty,
        author=author,
        topics=topics,
        sections=sections,
        references=references,
        reviewed_on=OLD_REVIEW_DATE,
    )


def edit(
    revision: Revision,
    *,
    editor: User,
    sections: Sequence[SectionInput] | None = None,
    references: Sequence[ReferenceInput] | None = None,
    title: str | None = None,
) -> Revision:
    """Save `editor`'s change to a draft (by default: scenario 1's Treatment rewrite)."""
    revision = Revision.objects.get(pk=revision.pk)
    current_sections, current_references = content.revision_content(revision)
    if sections is None:
        sections = [
            SectionInput(s.heading, NEW_TREATMENT) if s.heading == "Treatment" else s
            for s in current_sections
        ]
    if references is None:
        references = [*current_references, GUIDELINE_2025]
    return content.revision_save_draft(
        revision=revision,
        editor=editor,
        expected_version=revision.edit_version,
        title=revision.title if title is None else title,
        summary=revision.summary,
        sections=sections,
        references=references,
    )


def typo_fixed(revision: Revision) -> dict:
    """What a correction changes: a doubled space in the first section closed up — no
    word, number, sentence or reference moves (reviews.corrections)."""
    sections, references = content.revision_content(revision)
    first = sections[0]
    sections[0] = SectionInput(first.heading, first.body.replace(" ", "  ", 1))
    return {"sections": sections, "references": references}


def draft_change(
    article: Article,
    *,
    editor: User,
    source: Revision | None = None,
    correction: bool = False,
    **changes,
):
    """A new draft of a published article with `editor`'s change saved in it (with
    `correction`, a change a correction may make)."""
    draft = services.revision_start_draft(article=article, editor=editor, source=source)
    if correction and not changes:
        changes = typo_fixed(draft)
    return edit(draft, editor=editor, **changes)


def submit(
    revision: Revision,
    *,
    editor: User | None = None,
    kind: str = Revision.Kind.UPDATE,
    change_summary: str = CHANGE_SUMMARY,
    reviewer: ReviewerProfile | None = None,
    now: datetime.datetime | None = None,
) -> Submission:
    return services.revision_submit(
        revision=revision,
        editor=editor or revision.author,
        kind=kind,
        change_summary=change_summary,
        reviewer=reviewer,
        now=now,
    )


def submitted_revision(
    article: Article,
    *,
    editor: User,
    kind: str = Revision.Kind.UPDATE,
    change_summary: str = CHANGE_SUMMARY,
    reviewer: ReviewerProfile | None = None,
    now: datetime.datetime | None = None,
    **changes,
) -> Revision:
    """A draft change to `article`, submitted for review by its author."""
    revision = draft_change(
        article, editor=editor, correction=kind == Revision.Kind.CORRECTION, **changes
    )
    submit(
        revision,
        editor=editor,
        kind=kind,
        change_summary=change_summary,
        reviewer=reviewer,
        now=now,
    )
    return fresh(revision)


def fresh(obj):
    return type(obj).objects.get(pk=obj.pk)


def live_submission(revision: Revision) -> Submission:
    return Submission.objects.get(revision=revision, state__in=Submission.LIVE_STATES)


def steps_of(revision: Revision, number: int | None = None) -> list[Approval]:
    """The approval steps of the revision's latest (or `number`th) submission, in order."""
    submissions = Submission.objects.filter(revision=revision)
    submission = (
        submissions.get(number=number) if number else submissions.order_by("-number").first()
    )
    return list(submission.approvals.order_by("position"))


def pending_step(revision: Revision) -> Approval:
    return Approval.objects.get(submission__revision=revision, decision=Approval.Decision.PENDING)


def proof_of(user: User, *, now: datetime.datetime | None = None) -> Reauthentication:
    """The signer's fresh re-authentication, as the page or API records it once they
    re-entered their password (the tests of re-authentication itself go through
    accounts.security)."""
    return Reauthentication.objects.create(
        user=user, at=now or timezone.now(), method="password", channel="test"
    )


def sign(
    revision: Revision,
    signer: User,
    *,
    now: datetime.datetime | None = None,
    reviewed_whole_page: bool = False,
    comment: str = "",
    acknowledged_warnings: Sequence[str] = (),
) -> Approval:
    """`signer` approves the step the revision waits on."""
    return services.approval_approve(
        approval=pending_step(revision),
        signer=signer,
        attested=True,
        proof=proof_of(signer, now=now),
        comment=comment,
        reviewed_whole_page=reviewed_whole_page,
        acknowledged_warnings=acknowledged_warnings,
        now=now,
    )


def sign_all(
    revision: Revision,
    *signers: User,
    now=None,
    reviewed_whole_page=False,
    acknowledged_warnings: Sequence[str] = (),
) -> Revision:
    """Each signer in turn approves the step the revision waits on."""
    for signer in signers:
        sign(
            revision,
            signer,
            now=now,
            reviewed_whole_page=reviewed_whole_page,
            acknowledged_warnings=acknowledged_warnings,
        )
    return fresh(revision)


def approved_revision(
    article: Article,
    *,
    editor: User,
    signers: Sequence[User],
    kind: str = Revision.Kind.UPDATE,
    sign_at: datetime.datetime | None = None,
    reviewed_whole_page: bool = False,
    acknowledged_warnings: Sequence[str] = (),
    **changes,
) -> Revision:
    revision = submitted_revision(article, editor=editor, kind=kind, **changes)
    return sign_all(
        revision,
        *signers,
        now=sign_at,
        reviewed_whole_page=reviewed_whole_page,
        acknowledged_warnings=acknowledged_warnings,
    )


def published_revision(
    article: Article,
    *,
    editor: User,
    signers: Sequence[User],
    publisher: User | None = None,
    **kwargs,
) -> Revision:
    revision = approved_revision(article, editor=editor, signers=signers, **kwargs)
    services.revision_publish(revision=revision, editor=publisher or editor)
    return fresh(revision)


def revision_in_state(
    state: str,
    article: Article,
    *,
    editor: User,
    other_editor: User,
    signers: Sequence[User],
) -> Revision:
    """A revision of `article`, by `editor`, brought to `state` through the workflow.

    `signers` sign the default three-step chain in order; `other_editor` writes the
    revision published first when `state` is superseded.
    """
    State = Revision.State
    if state == State.DRAFT:
        return draft_change(article, editor=editor)
    revision = submitted_revision(article, editor=editor)
    if state == State.IN_REVIEW:
        return revision
    if state == State.CHANGES_REQUESTED:
        services.approval_request_changes(
            approval=pending_step(revision), signer=signers[0], comment="Cite the trial."
        )
    elif state == State.REJECTED:
        services.approval_reject(
            approval=pending_step(revision), signer=signers[0], comment="Not supported."
        )
    elif state == State.WITHDRAWN:
        services.revision_withdraw(revision=revision, editor=editor)
    elif state == State.APPROVED:
        sign_all(revision, *signers)
    elif state == State.PUBLISHED:
        sign_all(revision, *signers)
        services.revision_publish(revision=revision, editor=editor)
    elif state == State.SUPERSEDED:
        published_revision(
            article,
            editor=other_editor,
            signers=signers,
            sections=[*LIVE_SECTIONS, SectionInput("Outlook", "Most people live well.")],
        )
    else:  # pragma: no cover - a typo in a test's parameters
        raise ValueError(state)
    revision = fresh(revision)
    assert revision.state == state
    return revision


def workflow_snapshot(revision: Revision) -> dict:
    """Everything a refused action must leave as it was."""
    revision = fresh(revision)
    article = Article.objects.get(pk=revision.article_id)
    return {
        "revision": (
            revision.state,
            revision.kind,
            revision.change_summary,
            revision.edit_version,
            revision.based_on_id,
            revision.title,
            revision.history.count(),
        ),
        "content": content.revision_content(revision),
        "submissions": list(
            Submission.objects.filter(revision__article=article)
            .order_by("pk")
            .values_list("pk", "state", "closed_at")
        ),
        "approvals": list(
            Approval.objects.filter(submission__revision__article=article)
            .order_by("pk")
            .values_list(
                "pk",
                "decision",
                "assignee_id",
                "decided_by_id",
                "comment",
                "specialty_override_reason",
            )
        ),
        "revision_states": list(
            Revision.objects.filter(article=article).order_by("pk").values_list("pk", "state")
        ),
        "audit_events": AuditEvent.objects.filter(article=article).count(),
        "notifications": Notification.objects.count(),
        "article": (
            article.status,
            article.live_revision_id,
            article.title,
            article.last_reviewed_on,
            article.last_updated_on,
            article.next_review_due,
            article.reviewed_by_id,
            article.reviewed_by_credit,
            article.also_reviewed_by,
            article.history.count(),
        ),
    }


def last_event(revision: Revision) -> AuditEvent:
    return AuditEvent.objects.filter(revision=revision).order_by("-at", "-pk").first()
