"""Writes to the content: creating articles, drafting revisions, and recording on an
article what a publish or a review decided.

Every function here sets simple-history's user and change reason on the rows it
saves, validates what it is given (a bad value raises ValidationError and nothing is
written), and runs in one transaction. The review workflow that decides *when* a
revision may be published lives in reviews.services and calls these.
"""

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass

from django.contrib.humanize.templatetags.humanize import naturaltime
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from accounts.models import ReviewerProfile, Specialty, User
from core.errors import DomainError, InvalidTransition, PermissionDenied, StaleVersion
from core.history import track
from encyclopedia import inline_citations
from encyclopedia.models import (
    PUBLIC_NOTE_MAX_CHARS,
    Article,
    PublishedRevisionImmutable,
    Reference,
    ReviewPolicy,
    Revision,
    Section,
    SpecialtyReviewInterval,
    Topic,
)
from encyclopedia.page_cache import article_purge
from encyclopedia.page_content import rendering_of
from encyclopedia.readability import readability_scores_write
from encyclopedia.search import search_entry_write


def plain_newlines(text: str) -> str:
    """Text with the line endings Stet stores: browsers send a textarea's lines ended
    with CR LF, which would mark an untouched section as changed against the live one."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


@dataclass(frozen=True)
class SectionInput:
    heading: str
    body: str

    def __post_init__(self) -> None:
        # Every write path (page, API, import, demo) builds its sections through here.
        object.__setattr__(self, "heading", plain_newlines(self.heading))
        object.__setattr__(self, "body", plain_newlines(self.body))


@dataclass(frozen=True)
class ReferenceInput:
    citation: str
    url: str = ""
    accessed_on: datetime.date | None = None
    pubmed_id: str = ""
    doi: str = ""
    published_year: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "citation", plain_newlines(self.citation))


@dataclass(frozen=True)
class Credit:
    """One "Also reviewed by" entry as printed: "David C. Dugdale, MD, Medical Director"."""

    name: str
    role: str

    def as_json(self) -> dict[str, str]:
        return {"name": self.name, "role": self.role}


@dataclass(frozen=True)
class ReviewRecord:
    """A medical review as the page prints it: the Review Date, who reviewed ("Updated
    by"), and who else signed ("Also reviewed by"). Recorded on the article by a publish
    that earned it, a re-certification, or an import that brings one."""

    reviewed_on: datetime.date
    reviewer: ReviewerProfile | None
    reviewer_credit: str = ""
    also_reviewed_by: Sequence[Credit] = ()


def _tracked_save(obj, *, user: User | None, reason: str, **save_kwargs) -> None:
    track(obj, user=user, reason=reason)
    obj.full_clean(exclude=_unvalidated_fields(obj))
    obj.save(**save_kwargs)


def _unvalidated_fields(obj) -> list[str]:
    # Uniqueness of the number and slug is checked by the database (and retried), and
    # foreign keys are model instances the caller already holds.
    if isinstance(obj, Article):
        return ["number", "slug", "live_revision", "reviewed_by", "specialty"]
    if isinstance(obj, Revision):
        return ["article", "author", "based_on", "copied_from"]
    if isinstance(obj, SpecialtyReviewInterval):
        return ["specialty"]
    return ["revision"]


def _unique_slug(title: str, *, exclude_pk: int | None = None) -> str:
    base = slugify(title)[:280] or "article"
    slug, n = base, 2
    taken = Article.objects.all() if exclude_pk is None else Article.objects.exclude(pk=exclude_pk)
    while taken.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _write_content(
    revision: Revision,
    *,
    sections: Sequence[SectionInput],
    references: Sequence[ReferenceInput],
    user: User | None,
    reason: str,
) -> None:
    """Make a draft's sections and references the given ones, in order.

    Rows are matched by position and saved only when they change, so the history
    shows field-level changes ("Treatment: body changed") rather than churn.
    """
    _sync_rows(
        _match_sections(list(revision.sections.all()), sections),
        [asdict(section) for section in sections],
        lambda **values: Section(revision=revision, **values),
        user=user,
        reason=reason,
    )
    _sync_rows(
        list(revision.references.all()),
        [asdict(reference) for reference in references],
        lambda **values: Reference(revision=revision, **values),
        user=user,
        reason=reason,
    )
    # Every write of content passes here (creating, copying, saving, rebasing, import),
    # so the scores a page shows are always those of the text as saved.
    readability_scores_write(
        revision=revision, sections=[(section.heading, section.body) for section in sections]
    )


def _match_sections(existing: list[Section], wanted: Sequence[SectionInput]) -> list:
    """The stored sections lined up with the wanted ones by heading, so a section keeps
    its row (and the comments anchored to it) when others are added, moved or removed.
    Rows without a match come last, to be reused or deleted."""
    by_heading: dict[str, list[Section]] = {}
    for row in existing:
        by_heading.setdefault(row.heading.strip().lower(), []).append(row)
    lined_up = []
    for section in wanted:
        rows = by_heading.get(section.heading.strip().lower())
        lined_up.append(rows.pop(0) if rows else None)
    spare = [row for rows in by_heading.values() for row in rows]
    # A renamed section takes a spare row in its place; the rest are removed.
    lined_up = [row if row is not None else (spare.pop(0) if spare else None) for row in lined_up]
    return [*lined_up, *spare]


def _sync_rows(existing, wanted: list[dict], make, *, user: User | None, reason: str) -> None:
    """Save `wanted` (in order) over `existing` rows lined up with them; rows past the
    end, and None placeholders, become deletions and inserts."""
    for position, values in enumerate(wanted):
        values["position"] = position
        row = existing[position] if position < len(existing) else None
        if row is None:
            row = make(**values)
        elif all(getattr(row, field) == value for field, value in values.items()):
            continue
        else:
            for field, value in values.items():
                setattr(row, field, value)
        _tracked_save(row, user=user, reason=reason)
    for row in existing[len(wanted) :]:
        if row is None:
            continue
        track(row, user=user, reason=reason)
        row.delete()


def revision_content(revision: Revision) -> tuple[list[SectionInput], list[ReferenceInput]]:
    sections = [SectionInput(heading=s.heading, body=s.body) for s in revision.sections.all()]
    references = [
        ReferenceInput(
            citation=r.citation,
            url=r.url,
            accessed_on=r.accessed_on,
            pubmed_id=r.pubmed_id,
            doi=r.doi,
            published_year=r.published_year,
        )
        for r in revision.references.all()
    ]
    return sections, references


@transaction.atomic
def article_insert(
    *,
    title: str,
    specialty: Specialty,
    author: User,
    summary: str = "",
    topics: Iterable[Topic] = (),
    number: str = "",
    review_interval_months: int | None = None,
    sections: Sequence[SectionInput] = (),
    references: Sequence[ReferenceInput] = (),
    created_at: datetime.datetime | None = None,
) -> Article:
    """A new, never-published article with its first draft (v1)."""
    reason = "Article created"
    for attempt in range(5):
        article = Article(
            number=number,
            title=title,
            slug=_unique_slug(title),
            specialty=specialty,
            review_interval_months=review_interval_months,
            created_at=created_at or timezone.now(),
        )
        try:
            # A savepoint, so a number taken by a concurrent create can be retried.
            with transaction.atomic():
                _tracked_save(article, user=author, reason=reason)
            break
        except IntegrityError:
            if number or attempt == 4:
                raise DomainError(
                    f"Article number {number or article.number} is already taken.",
                    code="number_taken",
                ) from None
    if topics:
        track(article, user=author, reason=reason)
        article.topics.set(topics)
    draft = Revision(
        article=article,
        number=1,
        title=title,
        summary=plain_newlines(summary),
        author=author,
        created_at=article.created_at,
        updated_at=article.created_at,
    )
    _tracked_save(draft, user=author, reason=reason)
    draft.contributors.add(author)
    _write_content(draft, sections=sections, references=references, user=author, reason=reason)
    return article


@transaction.atomic
def revision_copy_to_draft(
    *, article: Article, author: User, source: Revision | None = None
) -> Revision:
    """A new draft of a published article, copying the live revision's content.

    Given an earlier published `source`, the draft starts from that content instead
    (a revert): it still goes through review like any other change.
    """
    article = Article.objects.select_for_update().get(pk=article.pk)
    if article.status != Article.Status.PUBLISHED:
        raise InvalidTransition("Only a published article can get a new draft.")
    source = source or article.live_revision
    if source is None or source.article_id != article.pk or not source.is_published:
        raise InvalidTransition("A draft can only start from a published version of this article.")
    is_revert = source.pk != article.live_revision_id
    reason = f"Draft started from v{source.number}" + (" (revert)" if is_revert else "")
    now = timezone.now()
    draft = Revision(
        article=article,
        number=_next_revision_number(article),
        title=source.title,
        summary=source.summary,
        author=author,
        based_on=article.live_revision,
        copied_from=source,
        created_at=now,
        updated_at=now,
    )
    _tracked_save(draft, user=author, reason=reason)
    draft.contributors.add(author)
    sections, references = revision_content(source)
    _write_content(draft, sections=sections, references=references, user=author, reason=reason)
    return draft


def _next_revision_number(article: Article) -> int:
    last = article.revisions.order_by("-number").values_list("number", flat=True).first()
    return (last or 0) + 1


@transaction.atomic
def revision_save_draft(
    *,
    revision: Revision,
    editor: User,
    expected_version: int,
    title: str,
    summary: str,
    sections: Sequence[SectionInput],
    references: Sequence[ReferenceInput],
    topics: Iterable[Topic] | None = None,
    reference_positions: Sequence[int | None] | None = None,
    public_note: str | None = None,
) -> Revision:
    """Save an editor's edit of a draft, refusing it if someone else saved first.

    `expected_version` is the `edit_version` the editor's form was loaded with. The row
    lock serialises two saves arriving together; the version check catches the save
    made from a stale copy, however old.

    `topics`, when given, become the article's: topics belong to the article, not to
    one version, and conflicts of interest are judged on them from the moment they are
    saved (so the reviewer of this very draft is chosen against the new ones). None
    leaves them as they are; so does a `public_note` of None (the note a published
    correction prints in the article's list of corrections).

    `reference_positions`, when given, says for each reference the position it had in
    the stored draft (None for a new one): the sections' citations then follow their
    references to their new numbers, and citing a removed one is refused.
    """
    article = None
    if topics is not None:
        # The article before the revision: the order every writer locks them in.
        article = Article.objects.select_for_update().get(pk=revision.article_id)
    revision = _locked_editable(revision)
    if revision.edit_version != expected_version:
        raise StaleDraft(revision)
    if public_note is not None:
        public_note = plain_newlines(public_note).strip()
        if len(public_note) > PUBLIC_NOTE_MAX_CHARS:
            raise DomainError(
                f"Keep the public note of the correction to {PUBLIC_NOTE_MAX_CHARS:,} "
                f"characters (it has {len(public_note):,}).",
                code="too_long",
            )
        revision.public_note = public_note
    if reference_positions is not None:
        bodies = inline_citations.renumbered(
            [(section.heading, section.body) for section in sections],
            inline_citations.moves(reference_positions, revision.references.count()),
        )
        sections = [
            SectionInput(heading=section.heading, body=body)
            for section, body in zip(sections, bodies, strict=True)
        ]
    reason = f"Draft v{revision.number} edited"
    _save_content(
        revision,
        editor=editor,
        title=title,
        summary=summary,
        sections=sections,
        references=references,
        reason=reason,
    )
    if article is not None and topics is not None:
        _set_topics(article, topics, editor=editor, reason=reason)
    return revision


def _set_topics(article: Article, topics: Iterable[Topic], *, editor: User, reason: str) -> None:
    """Make the article's topics `topics`, with a history row naming what changed (none
    when nothing did)."""
    wanted = {topic.pk: topic for topic in topics}
    current = {topic.pk: topic for topic in article.topics.all()}
    if wanted.keys() == current.keys():
        return
    added = sorted(wanted[pk].name for pk in wanted.keys() - current.keys())
    removed = sorted(current[pk].name for pk in current.keys() - wanted.keys())
    change = "; ".join(
        part
        for part in (
            f"added {', '.join(added)}" if added else "",
            f"removed {', '.join(removed)}" if removed else "",
        )
        if part
    )
    track(article, user=editor, reason=f"{reason}: topics {change}")
    article.topics.set(wanted.values())


@transaction.atomic
def revision_replace_base(
    *,
    revision: Revision,
    editor: User,
    base: Revision,
    title: str,
    summary: str,
    sections: Sequence[SectionInput],
    references: Sequence[ReferenceInput],
    reason: str,
) -> Revision:
    """Re-base a draft on `base` (the new live revision) with its merged content."""
    revision = _locked_editable(revision)
    revision.based_on = base
    _save_content(
        revision,
        editor=editor,
        title=title,
        summary=summary,
        sections=sections,
        references=references,
        reason=reason,
    )
    return revision


def _locked_editable(revision: Revision) -> Revision:
    revision = Revision.objects.select_for_update().get(pk=revision.pk)
    if not revision.is_editable:
        raise InvalidTransition(
            f"This revision is {revision.get_state_display().lower()}; "
            "its content cannot be changed now."
        )
    return revision


def _save_content(
    revision: Revision,
    *,
    editor: User,
    title: str,
    summary: str,
    sections: Sequence[SectionInput],
    references: Sequence[ReferenceInput],
    reason: str,
) -> None:
    inline_citations.citations_check(
        [(section.heading, section.body) for section in sections], len(references)
    )
    revision.title = title
    revision.summary = plain_newlines(summary)
    revision.edit_version += 1
    revision.updated_at = timezone.now()
    _tracked_save(revision, user=editor, reason=reason)
    revision.contributors.add(editor)
    _write_content(revision, sections=sections, references=references, user=editor, reason=reason)


class StaleDraft(StaleVersion):
    """The draft was saved by someone else since the editor loaded it."""

    def __init__(self, revision: Revision) -> None:
        last = (
            revision.history.order_by("-history_date", "-history_id")
            .select_related("history_user")
            .first()
        )
        who = last.history_user if last and last.history_user else "Someone"
        super().__init__(
            f"{who} changed this draft {naturaltime(revision.updated_at)}. Your text is kept "
            "below beside theirs: merge the two and save again."
        )
        self.revision = revision
        self.changed_by = who


def publish_refusal(*, article: Article, revision: Revision) -> InvalidTransition | None:
    """Why `revision` cannot become `article`'s live page whatever its sign-offs, or None."""
    if article.status == Article.Status.RETIRED:
        # Publishing would quietly bring a retired page back to readers.
        return InvalidTransition(
            f"Article {article.number} is retired: its revisions can no longer be published.",
            code="article_retired",
        )
    # Against `article` as the caller locked it, not the revision's possibly older copy.
    if revision.based_on_id != article.live_revision_id:
        live = f" (it is now v{article.live_revision.number})" if article.live_revision else ""
        return InvalidTransition(
            f"The live page changed since this draft was started{live}; rebase the draft "
            "before publishing.",
            code="live_revision_changed",
        )
    return None


# No savepoint of its own: every caller publishes inside its own transaction, and a
# failure here fails the whole publish.
@transaction.atomic(savepoint=False)
def article_publish_revision(
    *,
    revision: Revision,
    user: User,
    published_at: datetime.datetime,
    review: ReviewRecord | None = None,
    updated_on: datetime.date | None = None,
    reason: str,
    locked_article: Article | None = None,
) -> Article:
    """Make `revision` the live page. The content side of publishing.

    The caller (reviews.services.publishing) has checked that the revision may be
    published and decides the Review Date: a `review` for a full review, None to leave
    the Review Date and credits as they are. The updated date is the publish's day
    unless the caller says otherwise (an import keeps the page's own). Live revision,
    dates and credits change together, inside the caller's transaction.

    `locked_article` is the revision's article when the caller has locked its row and
    read it since, in this transaction; without it, the article is locked and read here.
    """
    article = locked_article or Article.objects.select_for_update().get(pk=revision.article_id)
    if article.pk != revision.article_id:
        raise ValueError("The locked article is not the revision's.")
    refusal = publish_refusal(article=article, revision=revision)
    if refusal is not None:
        raise refusal
    moved = Revision.objects.filter(pk=revision.pk).mark_published(
        published_at=published_at, user_id=user.pk, reason=reason
    )
    if not moved:
        raise PublishedRevisionImmutable()
    revision.state = Revision.State.PUBLISHED
    revision.published_at = published_at
    article.has_corrections = article.has_corrections or revision.is_public_correction

    article.live_revision = revision
    article.title = revision.title
    article.status = Article.Status.PUBLISHED
    article.last_updated_on = updated_on or timezone.localdate(published_at)
    if review is not None:
        _record_review(article, review)
    _tracked_save(article, user=user, reason=reason)
    search_entry_write(revision=revision, body=rendering_of(revision).text)
    article_purge(article=article)
    return article


def _record_review(article: Article, review: ReviewRecord) -> None:
    article.last_reviewed_on = review.reviewed_on
    article.reviewed_by = review.reviewer
    article.reviewed_by_credit = review.reviewer_credit or (
        review.reviewer.credit_line if review.reviewer else ""
    )
    article.also_reviewed_by = [credit.as_json() for credit in review.also_reviewed_by]


@transaction.atomic
def article_record_review(
    *, article: Article, user: User, review: ReviewRecord, reason: str
) -> Article:
    """Move the Review Date and credits without new content (a re-certification, or an
    import bringing a later review of the same text)."""
    article = Article.objects.select_for_update().get(pk=article.pk)
    if not article.is_published:
        raise InvalidTransition("Only a published article can be re-certified.")
    _record_review(article, review)
    _tracked_save(article, user=user, reason=reason)
    article_purge(article=article)
    return article


@transaction.atomic
def article_mark_retired(*, article: Article, user: User, reason: str) -> Article:
    """Take an article off the site. Its URL answers 410 Gone from now on."""
    article = Article.objects.select_for_update().get(pk=article.pk)
    if article.status != Article.Status.PUBLISHED:
        raise InvalidTransition("Only a published article can be retired.")
    if not reason.strip():
        raise DomainError("Say why the article is retired.", code="reason_required")
    article.status = Article.Status.RETIRED
    article.retired_at = timezone.now()
    _tracked_save(article, user=user, reason=f"Retired: {reason}")
    article_purge(article=article)
    return article


@transaction.atomic
def article_set_review_interval(
    *, article: Article, user: User, review_interval_months: int | None, reason: str
) -> Article:
    """Give an article its own review cycle (or None for the policy's); the due date follows."""
    article = Article.objects.select_for_update().get(pk=article.pk)
    article.review_interval_months = review_interval_months
    _tracked_save(article, user=user, reason=reason)
    return article


def review_schedule_recompute(*, specialty: Specialty | None = None) -> int:
    """Re-derive the stored due dates after the review policy (or a specialty's interval)
    changed, in one UPDATE. Returns how many articles were rescheduled.

    The due date is derived data: the policy's own history records the change that
    moved it, so no per-article history row is written for it.
    """
    articles = Article.objects.exclude(last_reviewed_on=None)
    if specialty is not None:
        articles = articles.filter(specialty=specialty)
    return articles.reschedule()


POLICY_FIELDS = (
    "default_interval_months",
    "due_soon_days",
    "open_cycles_when_due_soon",
    "reminder_every_days",
    "escalate_after_days",
    "correction_word_budget",
    "reference_age_limit_years",
)


@transaction.atomic
def review_policy_update(*, user: User, **values) -> ReviewPolicy:
    """Change the review policy. A new default interval reschedules every article that
    follows it, in the same transaction."""
    if not user.has_perm("encyclopedia.change_reviewpolicy"):
        raise PermissionDenied("Only editorial directors change the review policy.")
    policy = ReviewPolicy.objects.select_for_update().get(pk=ReviewPolicy.current().pk)
    changed = [
        name for name in POLICY_FIELDS if name in values and getattr(policy, name) != values[name]
    ]
    for name in changed:
        setattr(policy, name, values[name])
    if not changed:
        return policy
    _tracked_save(policy, user=user, reason="Policy changed: " + ", ".join(changed))
    if "default_interval_months" in changed:
        review_schedule_recompute()
    return policy


@transaction.atomic
def specialty_interval_set(
    *, user: User, specialty: Specialty, interval_months: int | None
) -> SpecialtyReviewInterval | None:
    """Give a specialty its own review interval (None: back to the policy default), and
    reschedule its articles."""
    if not user.has_perm("encyclopedia.change_reviewpolicy"):
        raise PermissionDenied("Only editorial directors change the review policy.")
    current = SpecialtyReviewInterval.objects.filter(specialty=specialty).first()
    reason = f"{specialty.name}: review every {interval_months or 'default'} months"
    if interval_months is None:
        if current is not None:
            track(current, user=user, reason=reason)
            current.delete()
        result = None
    else:
        result = current or SpecialtyReviewInterval(specialty=specialty)
        result.interval_months = interval_months
        _tracked_save(result, user=user, reason=reason)
    review_schedule_recompute(specialty=specialty)
    return result
