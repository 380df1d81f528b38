"""What a signer and a director are told about a reference: how old its evidence is,
and whether its link still works.

The age rule is decided here once. A reference is too old when it was published longer
ago than the policy's limit (`ReviewPolicy.reference_age_limit_years`), counted by the
year it was published, or, when no year is known, by the day it was accessed. The
review page asks `reference_age` about one reference; the director's report filters
with `AgeRule.q()`, the same cut-offs written as a query.
"""

import datetime
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.db.models import (
    Count,
    IntegerField,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce, ExtractYear

from accounts.models import Specialty
from core.clock import today as local_today
from encyclopedia.models import Article, LinkCheck, Reference, ReviewPolicy, Revision

EARLIEST_YEAR = 1800


def published_year_validator(value: int | None) -> None:
    """A reference's year is a real year, and not one still to come."""
    if value is None:
        return
    this_year = local_today().year
    if value < EARLIEST_YEAR:
        raise ValidationError(
            f"A year published is {EARLIEST_YEAR} or later.", code="year_too_early"
        )
    if value > this_year:
        raise ValidationError(
            f"A reference cannot be published after this year ({this_year}).",
            code="year_in_future",
        )


@dataclass(frozen=True)
class AgeRule:
    """The policy's age limit as cut-offs on one day: published before `year_cutoff`,
    or (with no year) accessed before `accessed_cutoff`, is too old."""

    limit_years: int
    today: datetime.date

    @classmethod
    def current(cls, *, today: datetime.date) -> "AgeRule":
        return cls(limit_years=ReviewPolicy.current().reference_age_limit_years, today=today)

    @property
    def year_cutoff(self) -> int:
        return self.today.year - self.limit_years

    @property
    def accessed_cutoff(self) -> datetime.date:
        return self.today - relativedelta(years=self.limit_years)

    def is_too_old(self, *, published_year: int | None, accessed_on: datetime.date | None) -> bool:
        if published_year is not None:
            return published_year < self.year_cutoff
        return accessed_on is not None and accessed_on < self.accessed_cutoff

    def q(self, prefix: str = "") -> Q:
        """`is_too_old` as a filter on references (through `prefix`, e.g.
        "live_revision__references__")."""
        return Q(**{f"{prefix}published_year__lt": self.year_cutoff}) | Q(
            **{
                f"{prefix}published_year": None,
                f"{prefix}accessed_on__lt": self.accessed_cutoff,
            }
        )


@dataclass(frozen=True)
class ReferenceAge:
    """How old one reference is, in the words the review page prints."""

    years_old: int | None  # None: neither a year nor an accessed date is known
    too_old: bool
    message: str


def _years(count: int) -> str:
    return f"{count} year{'' if count == 1 else 's'}"


def reference_age(
    *, published_year: int | None, accessed_on: datetime.date | None, rule: AgeRule
) -> ReferenceAge:
    too_old = rule.is_too_old(published_year=published_year, accessed_on=accessed_on)
    asks = f"the policy asks for evidence at most {_years(rule.limit_years)} old"
    if published_year is not None:
        age = max(rule.today.year - published_year, 0)
        said = f"Published {published_year} — {_years(age)} old"
    elif accessed_on is not None:
        age = max(relativedelta(rule.today, accessed_on).years, 0)
        said = (
            f"No year published; accessed {accessed_on:%B} {accessed_on.day}, "
            f"{accessed_on.year} — {_years(age)} ago"
        )
    else:
        return ReferenceAge(
            years_old=None,
            too_old=False,
            message="No year published and no accessed date: its age is not known.",
        )
    return ReferenceAge(
        years_old=age, too_old=too_old, message=f"{said}; {asks}" if too_old else said
    )


# --- The review page ---------------------------------------------------------------


@dataclass(frozen=True)
class ReferenceCheck:
    """One reference of a revision with what is known about it: its age, and its
    link's last check (None: never checked, or no link)."""

    number: int
    reference: Reference
    age: ReferenceAge
    link: LinkCheck | None

    @property
    def needs_attention(self) -> bool:
        return self.age.too_old or (self.link is not None and self.link.is_broken)


def reference_checks_for(*, revision: Revision, today: datetime.date) -> list[ReferenceCheck]:
    """Each reference of `revision`, in order, with its age and last link check: three
    queries (the policy, the references, their links' checks) whatever their number."""
    rule = AgeRule.current(today=today)
    references = list(revision.references.all())
    urls = {reference.url for reference in references if reference.url}
    links = {check.url: check for check in LinkCheck.objects.filter(url__in=urls)} if urls else {}
    return [
        ReferenceCheck(
            number=number,
            reference=reference,
            age=reference_age(
                published_year=reference.published_year,
                accessed_on=reference.accessed_on,
                rule=rule,
            ),
            link=links.get(reference.url),
        )
        for number, reference in enumerate(references, start=1)
    ]


# --- The director's reports ----------------------------------------------------------


def article_list_citing_old_references(
    *, today: datetime.date, specialty: Specialty | None = None
) -> QuerySet[Article]:
    """Published articles whose live page cites a reference older than the policy's
    limit, the most out-of-date first: each with how many (`old_references`) and the
    oldest year among them (`oldest_year`, by year published, else year accessed)."""
    rule = AgeRule.current(today=today)
    refs = "live_revision__references__"
    articles = Article.objects.published()
    if specialty is not None:
        articles = articles.filter(specialty=specialty)
    return (
        articles.filter(rule.q(refs))
        .annotate(
            old_references=Count(f"{refs}pk", filter=rule.q(refs), distinct=True),
            oldest_year=Min(
                Coalesce(
                    f"{refs}published_year",
                    ExtractYear(f"{refs}accessed_on"),
                    output_field=IntegerField(),
                ),
                filter=rule.q(refs),
                output_field=IntegerField(),
            ),
        )
        .select_related("specialty")
        .only("number", "title", "last_reviewed_on", "specialty__name")
        .order_by("oldest_year", "title", "pk")
    )


def _live_references() -> QuerySet[Reference]:
    return Reference.objects.filter(revision__live_for__status=Article.Status.PUBLISHED).exclude(
        url=""
    )


def reference_list_with_broken_links(
    *, specialty: Specialty | None = None, article: Article | None = None
) -> QuerySet[Reference]:
    """The references of live pages whose link's last check failed, with the check's
    outcome, status code, detail and since when (`link_outcome`, `link_status`,
    `link_detail`, `broken_since`, `link_checked_at`), the longest broken first."""
    broken = LinkCheck.objects.filter(outcome__in=LinkCheck.BROKEN_OUTCOMES)
    references = _live_references().filter(url__in=broken.values("url"))
    if specialty is not None:
        references = references.filter(revision__article__specialty=specialty)
    if article is not None:
        references = references.filter(revision__article=article)
    check = LinkCheck.objects.filter(url=OuterRef("url"))
    return (
        references.annotate(
            link_outcome=Subquery(check.values("outcome")[:1]),
            link_status=Subquery(check.values("status_code")[:1]),
            link_detail=Subquery(check.values("detail")[:1]),
            broken_since=Subquery(check.values("broken_since")[:1]),
            link_checked_at=Subquery(check.values("checked_at")[:1]),
        )
        .select_related("revision__article__specialty")
        .order_by("broken_since", "revision__article__title", "position", "pk")
    )


def reference_urls_to_check() -> list[str]:
    """Every distinct web address cited by a live page, the longest unchecked first
    (never checked before any), so a run cut short by its time budget is continued by
    the next from where the evidence is stalest."""
    urls = (
        _live_references()
        .filter(Q(url__istartswith="http://") | Q(url__istartswith="https://"))
        .values_list("url", flat=True)
        .distinct()
    )
    checked = dict(LinkCheck.objects.filter(url__in=urls).values_list("url", "checked_at"))
    never = datetime.datetime.min.replace(tzinfo=datetime.UTC)
    return sorted(set(urls), key=lambda url: (checked.get(url) or never, url))
