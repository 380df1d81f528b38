"""The accreditation audit report: for one article or every article, as of a date, which
version was live, its Review Date, who signed it off and with which credentials.

Everything comes from the recorded history, never from today's rows: the article's
state is read from its history as of the end of that day, the sign-offs are the
approvals recorded against the published version (they are never changed after the
fact), and each signer's credentials are read from their profile's history as of
that day. Change a reviewer's title today and last year's report still shows last
year's title.
"""

import datetime
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.db.models import Max, Prefetch, Subquery
from django.utils import timezone

from accounts.models import ReviewerProfile
from encyclopedia.models import Article, Revision
from reviews.models import STEP_CREDIT_TITLES, Approval, ReviewCycle, Step, Submission

CHUNK = 500


@dataclass(frozen=True)
class SignOff:
    step: str
    name: str
    credentials: str  # the credit line as the profile read on the report's date
    signed_at: datetime.datetime | None
    attestation: str
    # The electronic signature behind it: how the signer proved it was them, and the
    # SHA-256 of the content they signed (empty for sign-offs from before signatures).
    proof: str = ""
    content_sha256: str = ""


@dataclass
class AuditEntry:
    number: str
    title: str
    status: str
    version: int | None
    live_since: datetime.datetime | None
    review_date: datetime.date | None
    updated_on: datetime.date | None
    updated_by: str
    also_reviewed_by: str
    basis: str
    sign_offs: list[SignOff] = field(default_factory=list)


def end_of_day(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.max))


def _article_states(*, as_of: datetime.datetime, article_ids: list[int] | None):
    """Each article's last history row recorded up to `as_of`, in id order."""
    history = Article.history.model.objects.filter(history_date__lte=as_of)
    if article_ids is not None:
        history = history.filter(id__in=article_ids)
    latest = history.values("id").annotate(last=Max("history_id")).values("last")
    return Article.history.model.objects.filter(history_id__in=Subquery(latest)).order_by("id")


def _credit_lines(profile_ids: set[int], as_of: datetime.datetime) -> dict[int, str]:
    history = ReviewerProfile.history.model.objects.filter(
        id__in=profile_ids, history_date__lte=as_of
    )
    latest = history.values("id").annotate(last=Max("history_id")).values("last")
    lines = {}
    for row in ReviewerProfile.history.model.objects.filter(history_id__in=Subquery(latest)):
        parts = [row.credit_name, row.title, row.department, row.institution]
        lines[row.id] = ", ".join(part for part in parts if part)
    return lines


def _published_sign_offs(article_ids: list[int], as_of: datetime.datetime) -> dict:
    """{article id: [(revision, [approvals in chain order]), … newest first]} for every
    version of these articles published by `as_of`."""
    by_revision: dict[int, list[Approval]] = {}
    revisions: dict[int, Revision] = {}
    for approval in (
        Approval.objects.filter(
            submission__revision__article_id__in=article_ids,
            submission__revision__published_at__lte=as_of,
            submission__state=Submission.State.PUBLISHED,
            decision=Approval.Decision.APPROVED,
        )
        .select_related("submission__revision", "decided_by__reviewer_profile", "signature")
        .order_by("submission__revision_id", "position")
    ):
        revision = approval.submission.revision
        revisions[revision.pk] = revision
        by_revision.setdefault(revision.pk, []).append(approval)
    history: dict[int, list] = {}
    for revision in sorted(revisions.values(), key=lambda r: r.number, reverse=True):
        history.setdefault(revision.article_id, []).append((revision, by_revision[revision.pk]))
    return history


def _medical_date(approvals: list[Approval]) -> datetime.date | None:
    for approval in approvals:
        if approval.step == Step.MEDICAL_REVIEW:
            return timezone.localdate(approval.decided_at)
    return None


def _recertification_approvals(cycle: ReviewCycle) -> list[Approval]:
    submission = cycle.recertification
    return list(submission.approvals.all()) if submission is not None else []


def _recertified_on(cycle: ReviewCycle) -> datetime.date | None:
    """The Review Date a re-certification gave: its reviewer's day (the later signers may
    sign on other days)."""
    medical = _medical_date(_recertification_approvals(cycle))
    return medical or (timezone.localdate(cycle.closed_at) if cycle.closed_at else None)


def _entries(states: list, as_of: datetime.datetime) -> list[AuditEntry]:
    live_ids = [s.live_revision_id for s in states if s.live_revision_id]
    revisions = {r.pk: r for r in Revision.objects.filter(pk__in=live_ids)}
    published = _published_sign_offs([s.id for s in states], as_of)
    recertifications: dict[int, ReviewCycle] = {}
    for cycle in (
        ReviewCycle.objects.filter(
            article_id__in=[s.id for s in states],
            outcome=ReviewCycle.Outcome.RECERTIFIED,
            closed_at__lte=as_of,
        )
        .select_related("closed_by__reviewer_profile")
        .prefetch_related(
            Prefetch(
                "recertification__approvals",
                queryset=Approval.objects.filter(decision=Approval.Decision.APPROVED)
                .select_related("decided_by__reviewer_profile", "signature")
                .order_by("position"),
            )
        )
        .order_by("article_id", "closed_at")
    ):
        recertifications[cycle.article_id] = cycle  # the latest wins
    signers = [
        *(a.decided_by for versions in published.values() for _, approvals in versions
          for a in approvals),
        *(c.closed_by for c in recertifications.values()),
        *(a.decided_by for c in recertifications.values() for a in _recertification_approvals(c)),
    ]  # fmt: skip
    profile_ids = {
        profile.pk
        for signer in signers
        if (profile := getattr(signer, "reviewer_profile", None)) is not None
    }
    credentials = _credit_lines(profile_ids, as_of)

    def credential_of(user, fallback: str) -> str:
        profile = getattr(user, "reviewer_profile", None)
        return credentials.get(profile.pk, fallback) if profile else fallback

    def sign_offs_of(revision: Revision, approvals: list[Approval], *, live: bool) -> list:
        # A sign-off of an earlier version is labelled with it.
        suffix = "" if live else f" (v{revision.number})"
        return [sign_off_of(a, STEP_CREDIT_TITLES[Step(a.step)] + suffix) for a in approvals]

    def sign_off_of(approval: Approval, step: str) -> SignOff:
        signature = getattr(approval, "signature", None)
        return SignOff(
            step=step,
            name=approval.signer_name,
            credentials=credential_of(approval.decided_by, approval.signer_credit),
            signed_at=approval.decided_at,
            attestation=approval.attestation,
            proof=signature.proof if signature else "",
            content_sha256=signature.content_sha256 if signature else "",
        )

    entries = []
    for state in states:
        revision = revisions.get(state.live_revision_id)
        versions = published.get(state.id, [])
        live_approvals: list[Approval] = next(
            (a for r, a in versions if r.pk == state.live_revision_id), []
        )
        sign_offs, basis = [], ""
        if revision is not None:
            sign_offs = sign_offs_of(revision, live_approvals, live=True)
            basis = f"Sign-offs of v{revision.number}" if sign_offs else ""
        # What the Review Date rests on: the live version's medical review, or an
        # earlier version's (a correction or partial update leaves the date alone), or
        # a re-certification of the live page.
        cycle = recertifications.get(state.id)
        if state.last_reviewed_on is not None and _medical_date(live_approvals) != (
            state.last_reviewed_on
        ):
            if cycle and state.last_reviewed_on == _recertified_on(cycle):
                basis = "Re-certification, no change"
                chain = _recertification_approvals(cycle)
                sign_offs += [
                    sign_off_of(a, f"Re-certification: {STEP_CREDIT_TITLES[Step(a.step)]}")
                    for a in chain
                ] or [
                    # Re-certified before re-certifications had a chain: the reviewer alone.
                    SignOff(
                        step="Re-certification",
                        name=cycle.signer_credit.split(",")[0] if cycle.signer_credit else "",
                        credentials=credential_of(cycle.closed_by, cycle.signer_credit),
                        signed_at=cycle.closed_at,
                        attestation=cycle.attestation,
                    )
                ]
            else:
                earlier = next(
                    (
                        (r, a)
                        for r, a in versions
                        if r.pk != state.live_revision_id
                        and _medical_date(a) == state.last_reviewed_on
                    ),
                    None,
                )
                if earlier is not None:
                    own = f"v{revision.number} has no sign-off of its own" if revision else ""
                    basis = f"Review Date from the medical review of v{earlier[0].number}; " + (
                        basis or own
                    )
                    sign_offs += sign_offs_of(*earlier, live=False)
        if revision and not sign_offs:
            basis = "No recorded sign-off (imported or published before Stet)"
        entries.append(
            AuditEntry(
                number=state.number,
                title=state.title,
                status=state.status,
                version=revision.number if revision else None,
                live_since=revision.published_at if revision else None,
                review_date=state.last_reviewed_on,
                updated_on=state.last_updated_on,
                updated_by=state.reviewed_by_credit,
                also_reviewed_by=", ".join(
                    f"{credit['name']}, {credit['role']}" for credit in state.also_reviewed_by or []
                ),
                basis=basis,
                sign_offs=sign_offs,
            )
        )
    return entries


def audit_report(*, as_of: datetime.date, article: Article | None = None) -> Iterator[AuditEntry]:
    """The report as of the end of `as_of`, article by article in number order, computed
    a chunk at a time so that every article of a large encyclopedia can be streamed."""
    moment = end_of_day(as_of)
    states = _article_states(as_of=moment, article_ids=[article.pk] if article else None)
    last_id = 0
    while True:
        chunk = [
            state for state in states.filter(id__gt=last_id)[:CHUNK] if state.history_type != "-"
        ]
        if not chunk:
            return
        last_id = chunk[-1].id
        yield from _entries(chunk, moment)
        if len(chunk) < CHUNK:
            return


CSV_HEADER = [
    "Article",
    "Title",
    "Status",
    "Live version",
    "Live since",
    "Review Date",
    "Updated",
    "Updated by (as printed)",
    "Also reviewed by (as printed)",
    "Basis",
    "Step",
    "Signed by",
    "Credentials on the report date",
    "Signed at",
    "Attestation",
    "Authenticated by",
    "Content SHA-256",
]


def csv_rows(entries) -> Iterator[list[str]]:
    """One row per sign-off (an article without one still gets a row)."""
    yield CSV_HEADER
    for entry in entries:
        head = [
            entry.number,
            entry.title,
            entry.status,
            f"v{entry.version}" if entry.version else "",
            _local(entry.live_since),
            entry.review_date.isoformat() if entry.review_date else "",
            entry.updated_on.isoformat() if entry.updated_on else "",
            entry.updated_by,
            entry.also_reviewed_by,
            entry.basis,
        ]
        if not entry.sign_offs:
            yield [*head, *[""] * (len(CSV_HEADER) - len(head))]
        for sign_off in entry.sign_offs:
            yield [
                *head,
                sign_off.step,
                sign_off.name,
                sign_off.credentials,
                _local(sign_off.signed_at),
                sign_off.attestation,
                sign_off.proof,
                sign_off.content_sha256,
            ]


def _local(moment: datetime.datetime | None) -> str:
    """A time as the pages show it: in the encyclopedia's time zone, with its offset."""
    return timezone.localtime(moment).isoformat(timespec="minutes") if moment else ""
