"""Writing a checked import file into Stet: articles, their published revisions, credits,
sign-offs and review cycles, each row saved with simple-history's user and a reason
("Imported from page-3.html"), and one `import` audit event per article.

Runs inside the caller's transaction (one per file): anything refused here rolls the
whole file back.

Re-importing never duplicates. An article is the one with the same number (a page
without a number: the one with the same title), and then:
- the same content and credits as Stet's live page → nothing is written ("unchanged");
- content equal to an *earlier* published revision, or a Review Date older than Stet's →
  nothing is written ("skipped"): the file is an older copy, and importing it would
  quietly revert the page;
- the same content with a later Review Date or other credits → the Review Date and
  credits move, as a re-certification would ("review"), and an open review cycle is
  completed;
- different content → a new revision is published on top of the live one ("updated"),
  so the page's history keeps every version; an open review cycle is completed when
  the Review Date moved.
A new article gets its whole published history from a JSON export (revision numbers,
dates, authors, sign-offs, cycles), or a live v1 from a page. An article already in
Stet keeps its own settings (slug, specialty, topics, interval) and its own history of
revisions and review cycles: a file brings content and credits, not policy.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify
from simple_history.utils import bulk_create_with_history

from accounts.models import ReviewerProfile, Specialty, User
from encyclopedia import services as content
from encyclopedia.models import (
    Article,
    Reference,
    ReviewPolicy,
    Revision,
    Section,
    SpecialtyReviewInterval,
    Topic,
)
from encyclopedia.services import ReferenceInput, ReviewRecord, SectionInput, revision_content
from reviews import cycles as review_cycles
from reviews.corrections import Content, change_assess
from reviews.models import Approval, AuditEvent, ReviewCycle, Submission
from reviews.services import Publication, revision_make_live
from transfer.services.records import (
    ArticleData,
    CycleData,
    ImportProblem,
    ParsedFile,
    Person,
    PersonCredit,
    ReviewData,
    RevisionData,
    SpecialtyData,
    SubmissionData,
    TopicData,
)

UNCLASSIFIED = ("Unclassified", "unclassified")


@dataclass(frozen=True)
class ArticleOutcome:
    number: str
    title: str
    outcome: str  # created, updated, review, unchanged, skipped
    note: str = ""

    def as_json(self) -> dict:
        return {
            "number": self.number,
            "title": self.title,
            "outcome": self.outcome,
            "note": self.note,
        }


@dataclass
class _Context:
    source: str
    user: User
    now: datetime.datetime
    default_specialty: Specialty | None
    specialties: dict[str, Specialty] = field(default_factory=dict)
    topics: dict[str, Topic] = field(default_factory=dict)
    users: dict[str, User] = field(default_factory=dict)
    profiles: dict[PersonCredit, ReviewerProfile] = field(default_factory=dict)
    created_profiles: set[int] = field(default_factory=set)

    @property
    def reason(self) -> str:
        return f"Imported from {self.source}"

    @property
    def today(self) -> datetime.date:
        return timezone.localdate(self.now)

    def track(self, obj, reason: str | None = None) -> None:
        obj._history_user = self.user
        obj._change_reason = reason or self.reason

    def save(self, obj, *, where: str, reason: str | None = None, exclude=(), **kwargs) -> None:
        """Check the row as the model sees it, then save it with history."""
        self.track(obj, reason)
        try:
            obj.full_clean(exclude=list(exclude), validate_unique=False, validate_constraints=False)
        except ValidationError as invalid:
            raise ImportProblem(" ".join(invalid.messages), where=where) from None
        obj.save(**kwargs)

    def user_for(self, username: str | None) -> User:
        if username is None:
            return self.user
        if username not in self.users:
            self.users[username] = _person(Person(username=username), self)
        return self.users[username]


def write_file(
    parsed: ParsedFile, *, user: User, now: datetime.datetime, default_specialty: Specialty | None
) -> list[ArticleOutcome]:
    """Write everything `parsed` asks for. Call inside a transaction."""
    ctx = _Context(source=parsed.name, user=user, now=now, default_specialty=default_specialty)
    for specialty in parsed.specialties:
        ctx.specialties[specialty.slug] = _specialty(specialty, ctx)
    for topic in parsed.topics:
        ctx.topics[topic.slug] = _topic(topic, ctx)
    for person in parsed.people:
        ctx.users[person.username] = _person(person, ctx)
    return [_article(article, ctx) for article in parsed.articles]


# --- Reference data: specialties, topics, people, reviewer profiles -------------------------


def _specialty(data: SpecialtyData, ctx: _Context) -> Specialty:
    """The specialty with this slug (or name), created if Stet has none. A specialty's own
    review interval comes with it only when the import creates it: changing the
    interval of an existing one is a policy decision, not an import."""
    existing = (
        Specialty.objects.filter(slug=data.slug).first()
        or Specialty.objects.filter(name=data.name).first()
    )
    if existing is not None:
        return existing
    specialty = Specialty(name=data.name, slug=data.slug)
    ctx.save(specialty, where=f"specialty {data.slug!r}")
    if data.review_interval_months:
        interval = SpecialtyReviewInterval(
            specialty=specialty, interval_months=data.review_interval_months
        )
        ctx.save(interval, where=f"specialty {data.slug!r}", exclude=["specialty"])
    return specialty


def _default_specialty(ctx: _Context) -> Specialty:
    if ctx.default_specialty is None:
        name, slug = UNCLASSIFIED
        ctx.default_specialty = _specialty(SpecialtyData(name=name, slug=slug), ctx)
    return ctx.default_specialty


def _topic(data: TopicData, ctx: _Context) -> Topic:
    existing = (
        Topic.objects.filter(slug=data.slug).first() or Topic.objects.filter(name=data.name).first()
    )
    if existing is not None:
        return existing
    topic = Topic(name=data.name, slug=data.slug)
    ctx.save(topic, where=f"topic {data.slug!r}")
    return topic


def _person(data: Person, ctx: _Context) -> User:
    """The account with this username; a missing one is created without a role, inactive,
    and with no usable password, so that authorship survives the move but nobody can
    sign in as an imported person until an administrator enables the account."""
    user = User.objects.filter(username=data.username).first()
    if user is not None:
        return user
    user = User(
        username=data.username,
        first_name=data.first_name,
        last_name=data.last_name,
        is_active=False,
    )
    user.set_unusable_password()
    try:
        user.full_clean(exclude=["password"], validate_unique=False)
    except ValidationError as invalid:
        raise ImportProblem(" ".join(invalid.messages), where=f"person {data.username!r}") from None
    user.save()
    return user


def _profile(person: PersonCredit, ctx: _Context) -> ReviewerProfile:
    """The reviewer profile a credit names: the one printed exactly so, else the one with
    the same credit name (an active one first), else a new inactive placeholder flagged
    for an editorial director to complete (no login, no licence: it signs nothing)."""
    if person in ctx.profiles:
        return ctx.profiles[person]
    profile = (
        ReviewerProfile.objects.filter(
            credit_name=person.credit_name,
            credentials=person.credentials,
            title=person.title,
            department=person.department,
            institution=person.institution,
        )
        .order_by("-is_active", "pk")
        .first()
    )
    if profile is None:
        profile = (
            ReviewerProfile.objects.filter(credit_name__iexact=person.credit_name.strip())
            .exclude(pk__in=ctx.created_profiles)
            .order_by("-is_active", "pk")
            .first()
        )
    if profile is None:
        profile = ReviewerProfile(
            user=None,
            credit_name=person.credit_name,
            credentials=person.credentials,
            title=person.title,
            department=person.department,
            institution=person.institution,
            is_active=False,
            needs_completion=True,
        )
        # Credentials may be missing from a credit: the director completes the profile.
        ctx.save(
            profile,
            where=f"reviewer {person.credit_name!r}",
            reason=f"Placeholder from the credits in {ctx.source}; to be completed",
            exclude=["user", "credentials"],
        )
        if person.specialties:
            ctx.track(profile, f"Placeholder from the credits in {ctx.source}; to be completed")
            profile.specialties.set([ctx.specialties[slug] for slug in person.specialties])
        ctx.created_profiles.add(profile.pk)
    ctx.profiles[person] = profile
    return profile


# --- Articles -------------------------------------------------------------------------------


def _article(data: ArticleData, ctx: _Context) -> ArticleOutcome:
    article = _existing(data)
    if article is None:
        return _create(data, ctx)
    return _bring_up_to_date(article, data, ctx)


def _existing(data: ArticleData) -> Article | None:
    """The article this one already is in Stet, locked for the rest of the file."""
    articles = Article.objects.select_for_update(of=("self",))
    if data.number:
        return articles.filter(number=data.number).first()
    # A page without a number is recognised by its title.
    matches = list(articles.filter(title__iexact=data.title.strip())[:2])
    if len(matches) > 1:
        raise ImportProblem(
            f"{len(matches)} articles in Stet are titled {data.title!r}; give the page its "
            "article number (its canonical URL) so it is imported into the right one",
            where="<h1> title",
        )
    return matches[0] if matches else None


def _create(data: ArticleData, ctx: _Context) -> ArticleOutcome:
    specialty = ctx.specialties[data.specialty] if data.specialty else _default_specialty(ctx)
    article = Article(
        number=data.number or "",
        title=data.title,
        slug=_free_slug(data.slug, data.title),
        specialty=specialty,
        status=Article.Status.DRAFT,
        review_interval_months=data.review_interval_months,
        created_at=data.created_at or ctx.now,
    )
    ctx.save(article, where=data.where, exclude=["live_revision", "reviewed_by", "specialty"])
    if data.topics:
        ctx.track(article)
        article.topics.set([ctx.topics[slug] for slug in data.topics])

    revisions: dict[int, Revision] = {}
    previous = None
    for revision_data in data.revisions:
        is_live = revision_data.number == data.live_revision
        previous = _publish_revision(
            article,
            revision_data,
            based_on=previous,
            ctx=ctx,
            # The page's Review Date and credits are the live version's; a catalogue
            # says when it was updated, a page's content is as of its Review Date.
            review=_review_record(data.review, ctx) if is_live else None,
            updated_on=(_updated_on(None, data, ctx) if data.from_page else data.updated_on)
            if is_live
            else None,
        )
        revisions[previous.number] = previous

    if data.status == Article.Status.DRAFT:
        # A never-published article travels as its identity; its draft's text does not.
        draft = Revision(
            article=article,
            number=1,
            title=data.title,
            author=ctx.user,
            created_at=article.created_at,
            updated_at=article.created_at,
        )
        ctx.save(draft, where=data.where, exclude=["article", "author"])
        draft.contributors.add(ctx.user)
        note = "draft article created"
        live = None
    else:
        assert data.live_revision is not None, "a published article names its live version"
        live = revisions[data.live_revision]
        article.refresh_from_db()
        if data.status == Article.Status.RETIRED:
            article.status = data.status
            article.retired_at = data.retired_at
            ctx.save(
                article, where=data.where, exclude=["live_revision", "reviewed_by", "specialty"]
            )
        note = _versions(revisions) + (
            f", Review Date {_day(data.review.reviewed_on)}" if data.review.reviewed_on else ""
        )
    for cycle in data.cycles:
        _cycle(article, cycle, revisions, ctx)
    if data.cycles:
        note += f", {len(data.cycles)} review cycle{'s' if len(data.cycles) > 1 else ''}"
    _audit(article, live, ctx, from_state="", note=note)
    return ArticleOutcome(article.number, article.title, "created", note)


def _bring_up_to_date(article: Article, data: ArticleData, ctx: _Context) -> ArticleOutcome:
    def outcome(kind: str, note: str) -> ArticleOutcome:
        return ArticleOutcome(article.number, article.title, kind, note)

    incoming = data.live
    if incoming is None:
        return outcome("unchanged", "already in Stet (the file has no published version)")
    if article.status == Article.Status.DRAFT:
        raise ImportProblem(
            f"article {article.number} is in Stet as a draft that was never published; "
            "publish or retire it there, or import the page under another number",
            where=data.where,
        )
    if article.status == Article.Status.RETIRED:
        return outcome("skipped", "retired in Stet; a retired article is not brought back")

    live = article.live_revision
    assert live is not None, "a published or retired article has a live revision"
    stet_review = article.last_reviewed_on
    file_review = data.review.reviewed_on
    if file_review and stet_review and file_review < stet_review:
        return outcome(
            "skipped",
            f"Stet's copy is newer (Review Date {_day(stet_review)}; "
            f"the file's is {_day(file_review)})",
        )
    same_content = incoming.same_content(_as_data(live))
    review_changed = file_review is not None and data.review.as_stored() != (
        stet_review,
        article.reviewed_by_credit,
        article.also_reviewed_by,
    )
    review_moved = file_review is not None and file_review != stet_review
    if same_content and not review_changed:
        return outcome("unchanged", f"v{live.number} is already live")
    if not same_content:
        earlier = _earlier_version_with(article, incoming)
        if earlier is not None:
            return outcome(
                "skipped",
                f"the file has v{earlier.number}'s text; Stet's live page is the newer "
                f"v{live.number}",
            )

    previous_status = article.status
    revision = None
    review = _review_record(data.review, ctx) if review_changed else None
    if not same_content:
        revision_data = RevisionData(
            number=_next_number(article),
            title=incoming.title,
            summary=incoming.summary,
            # Content with a new Review Date was reviewed whole; without one, an update —
            # or a correction, if that is all the change is (the rule submit applies).
            kind=incoming.kind if review_moved else Revision.Kind.CORRECTION,
            change_summary=incoming.change_summary or ctx.reason,
            sections=incoming.sections,
            references=incoming.references,
            author=None,
            created_at=ctx.now,
            published_at=ctx.now,
        )
        revision = _publish_revision(
            article,
            revision_data,
            based_on=live,
            ctx=ctx,
            review=review,
            updated_on=_updated_on(article.last_updated_on, data, ctx),
            answers_review=review_moved,
        )
        note = f"v{revision.number} published over v{live.number}"
        kind = "updated"
    else:
        assert review is not None, "same content is brought only for a changed review"
        content.article_record_review(
            article=article, user=ctx.user, review=review, reason=ctx.reason
        )
        article.refresh_from_db()
        if review_moved:
            _complete_open_cycles(article, ctx)
        note = "credits updated"
        kind = "review"
    if review_moved:
        note += (
            f", Review Date {_day(stet_review) if stet_review else 'none'} → {_day(file_review)}"
        )
    _audit(article, revision or live, ctx, from_state=previous_status, note=note)
    return outcome(kind, note)


def _as_data(revision: Revision) -> RevisionData:
    sections, references = revision_content(revision)
    return RevisionData(
        number=revision.number,
        title=revision.title,
        summary=revision.summary,
        kind=revision.kind,
        change_summary=revision.change_summary,
        sections=tuple(sections),
        references=tuple(references),
    )


def _earlier_version_with(article: Article, incoming: RevisionData) -> Revision | None:
    earlier = (
        article.revisions.filter(state=Revision.State.PUBLISHED, title=incoming.title)
        .exclude(pk=article.live_revision_id)
        .order_by("-number")
    )
    for revision in earlier:
        if incoming.same_content(_as_data(revision)):
            return revision
    return None


def _next_number(article: Article) -> int:
    return (article.revisions.aggregate(last=Max("number"))["last"] or 0) + 1


def _updated_on(current: datetime.date | None, data: ArticleData, ctx: _Context) -> datetime.date:
    """The updated date when an import publishes new content: the file's own date (a
    catalogue's updated date; a page prints none, so its Review Date) when that is later
    than what Stet knew, else the day of the import — never earlier than before."""
    day = data.review.reviewed_on if data.from_page else data.updated_on
    if day and (current is None or day > current):
        return day
    return ctx.today


def _review_record(review: ReviewData, ctx: _Context) -> ReviewRecord | None:
    """The file's review as Stet records it, its clinicians matched to reviewer profiles
    (or given placeholder ones); None when the file gives no Review Date."""
    reviewer = _profile(review.reviewer, ctx) if review.reviewer else None
    for clinician in review.clinicians:
        _profile(clinician, ctx)
    if review.reviewed_on is None:
        return None
    return ReviewRecord(
        reviewed_on=review.reviewed_on,
        reviewer=reviewer,
        reviewer_credit=review.reviewer_credit,
        also_reviewed_by=review.also_reviewed_by,
    )


def _publish_revision(
    article: Article,
    data: RevisionData,
    *,
    based_on: Revision | None,
    ctx: _Context,
    review: ReviewRecord | None = None,
    updated_on: datetime.date | None = None,
    answers_review: bool | None = None,
) -> Revision:
    """A revision written as a draft (content rows can only be written then), with its
    sign-offs when the file has them, then published as the workflow publishes: through
    reviews.services.revision_make_live, so superseding, the open review, the audit event
    and the credits follow the same rules. The file vouches for the text, so no
    approval chain is walked here, and its editors are not e-mailed."""
    author = ctx.user_for(data.author)
    where = f"{article.number} v{data.number}"
    revision = Revision(
        article=article,
        number=data.number,
        title=data.title,
        summary=data.summary,
        kind=_kind_checked(data, based_on=based_on),
        change_summary=data.change_summary,
        author=author,
        based_on=based_on,
        copied_from=based_on,
        created_at=data.created_at or ctx.now,
        updated_at=data.published_at or ctx.now,
    )
    ctx.save(revision, where=where, exclude=["article", "author", "based_on", "copied_from"])
    revision.contributors.add(author)
    _write_rows(revision, Section, data.sections, ctx)
    _write_rows(revision, Reference, data.references, ctx)
    if data.submission is not None:
        _submission(revision, data.submission, ctx)
    revision_make_live(
        revision=revision,
        user=ctx.user,
        publication=Publication(
            published_at=data.published_at or ctx.now,
            reason=ctx.reason,
            note=f"{ctx.reason}: v{revision.number}",
            review=review,
            updated_on=updated_on,
            answers_review=answers_review,
            tell_editors=False,
        ),
    )
    return revision


def _kind_checked(data: RevisionData, *, based_on: Revision | None) -> str:
    """The file's kind of change, unless it calls a correction what the correction rule
    (reviews.corrections, as submit applies it) says alters medical content: then it is
    recorded as the update it is."""
    if data.kind != Revision.Kind.CORRECTION or based_on is None:
        return data.kind
    assessment = change_assess(
        live=Content.of(based_on),
        draft=Content(
            title=data.title,
            summary=data.summary,
            sections=tuple(data.sections),
            references=tuple(data.references),
        ),
        word_budget=ReviewPolicy.current().correction_word_budget,
    )
    return Revision.Kind.CORRECTION if assessment.is_correction else Revision.Kind.UPDATE


def _write_rows(
    revision: Revision,
    model: type[Section] | type[Reference],
    rows: Iterable[SectionInput | ReferenceInput],
    ctx: _Context,
) -> None:
    # One INSERT for the rows and one for their history (values were checked on reading).
    objects = [
        model(revision=revision, position=position, **vars(row))
        for position, row in enumerate(rows)
    ]
    if objects:
        bulk_create_with_history(
            objects,
            model,
            batch_size=200,
            default_user=ctx.user,
            default_change_reason=ctx.reason,
            default_date=ctx.now,
        )


def _submission(revision: Revision, data: SubmissionData, ctx: _Context) -> None:
    decided = [sign_off.decided_at for sign_off in data.sign_offs]
    submission = Submission(
        revision=revision,
        number=1,
        kind=revision.kind,
        change_summary=revision.change_summary,
        edit_version=revision.edit_version,
        submitted_by=ctx.user_for(data.submitted_by),
        submitted_at=data.submitted_at,
        state=Submission.State.PUBLISHED,
        closed_at=max(decided) if decided else data.submitted_at,
    )
    ctx.track(submission)
    submission.save()
    for position, sign_off in enumerate(data.sign_offs):
        approval = Approval(
            submission=submission,
            position=position,
            step=sign_off.step,
            decision=Approval.Decision.APPROVED,
            comment=sign_off.comment,
            attestation=sign_off.attestation,
            reviewed_whole_page=sign_off.reviewed_whole_page,
            decided_by=ctx.user_for(sign_off.signed_by) if sign_off.signed_by else None,
            decided_at=sign_off.decided_at,
            signer_credit=sign_off.signer_credit,
            signer_name=sign_off.signer_name,
            specialty_override_reason=sign_off.specialty_override_reason,
        )
        ctx.track(approval)
        approval.save()


def _cycle(
    article: Article, data: CycleData, revisions: dict[int, Revision], ctx: _Context
) -> None:
    cycle = ReviewCycle(
        article=article,
        due_on=data.due_on,
        origin=data.origin,
        reason=data.reason,
        opened_at=data.opened_at,
        opened_by=ctx.user_for(data.opened_by) if data.opened_by else None,
        state=data.state,
        assignee=ctx.user_for(data.assignee) if data.assignee else None,
        assigned_at=data.assigned_at,
        unassigned_reason=data.unassigned_reason,
        outcome=data.outcome,
        revision=revisions.get(data.revision) if data.revision else None,
        attestation=data.attestation,
        signer_credit=data.signer_credit,
        closed_at=data.closed_at,
        closed_by=ctx.user_for(data.closed_by) if data.closed_by else None,
    )
    ctx.track(cycle)
    cycle.save()


def _complete_open_cycles(article: Article, ctx: _Context) -> None:
    """An imported later Review Date answers the article's open periodic review, as a
    re-certification would; the cycle records where the answer came from."""
    for cycle in ReviewCycle.objects.open().select_for_update().filter(article=article):
        cycle.signer_credit = article.reviewed_by_credit
        review_cycles.review_cycle_close(
            cycle,
            transition="complete",
            outcome=ReviewCycle.Outcome.RECERTIFIED,
            user=ctx.user,
            now=ctx.now,
            reason=f"Answered by the Review Date imported from {ctx.source}",
            action="complete_cycle",
            note=f"Review Date {_day(article.last_reviewed_on)} imported from {ctx.source}",
        )


def _audit(
    article: Article, revision: Revision | None, ctx: _Context, *, from_state: str, note: str
) -> None:
    AuditEvent.objects.create(
        article=article,
        revision=revision,
        actor=ctx.user,
        at=ctx.now,
        action="import",
        from_state=from_state,
        to_state=article.status,
        note=f"{ctx.reason}: {note}",
    )


def _free_slug(wanted: str | None, title: str) -> str:
    base = (wanted or slugify(title))[:280] or "article"
    slug, n = base, 2
    while Article.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _versions(revisions: dict[int, Revision]) -> str:
    numbers = sorted(revisions)
    if len(numbers) == 1:
        return f"v{numbers[0]} live"
    return f"v{numbers[0]}–v{numbers[-1]} ({len(numbers)} published versions)"


def _day(day: datetime.date | None) -> str:
    return f"{day.month}/{day.day}/{day.year}" if day else "none"
