"""What a parsed import file says, before anything is written.

Both readers (Stet's JSON export and a public encyclopedia's HTML pages) turn a file
into these records, fully checked, so the writer never meets a value it has to
refuse half-way through a file. `where` fields say where a record came from in its
file ("line 57: article 002321"), for the messages.
"""

import datetime
from dataclasses import dataclass, field

from core.errors import DomainError
from encyclopedia.services import Credit, ReferenceInput, SectionInput


class ImportProblem(DomainError):
    """A file that cannot be imported, and where in it the problem is."""

    code = "bad_import_file"

    def __init__(self, message: str, *, file: str = "", line: int | None = None, where: str = ""):
        self.file = file
        self.line = line
        self.where = where
        self.detail = message
        super().__init__(self._compose())

    def _compose(self) -> str:
        place = self.file + (f" line {self.line}" if self.line else "")
        text = f"{self.where}: {self.detail}" if self.where else self.detail
        return f"{place}: {text}" if place else text

    def in_file(self, file: str) -> "ImportProblem":
        """The same problem, naming the file it is in."""
        self.file = self.file or file
        self.message = self._compose()
        self.args = (self.message,)
        return self


@dataclass(frozen=True)
class PersonCredit:
    """A clinician as a page credits them: "Linda J. Vorvick, MD, Clinical Professor, …"."""

    credit_name: str
    credentials: str = ""
    title: str = ""
    department: str = ""
    institution: str = ""
    specialties: tuple[str, ...] = ()  # slugs; only Stet's export carries them


@dataclass(frozen=True)
class Person:
    username: str
    first_name: str = ""
    last_name: str = ""


@dataclass(frozen=True)
class SignOffData:
    step: str
    signer_name: str
    signer_credit: str
    signed_by: str | None  # username
    decided_at: datetime.datetime
    attestation: str
    comment: str = ""
    reviewed_whole_page: bool = False
    specialty_override_reason: str = ""


@dataclass(frozen=True)
class SubmissionData:
    submitted_at: datetime.datetime
    submitted_by: str  # username
    sign_offs: tuple[SignOffData, ...]


@dataclass(frozen=True)
class RevisionData:
    number: int
    title: str
    summary: str
    kind: str
    change_summary: str
    sections: tuple[SectionInput, ...]
    references: tuple[ReferenceInput, ...]
    author: str | None = None  # username; None: the importing user
    created_at: datetime.datetime | None = None  # None: the import's moment
    published_at: datetime.datetime | None = None
    submission: SubmissionData | None = None

    def same_content(self, other: "RevisionData") -> bool:
        return (self.title, self.summary, self.sections, self.references) == (
            other.title,
            other.summary,
            other.sections,
            other.references,
        )


@dataclass(frozen=True)
class CycleData:
    due_on: datetime.date
    origin: str
    reason: str
    state: str
    outcome: str
    opened_at: datetime.datetime
    opened_by: str | None
    assignee: str | None
    assigned_at: datetime.datetime | None
    unassigned_reason: str
    revision: int | None
    attestation: str
    signer_credit: str
    closed_at: datetime.datetime | None
    closed_by: str | None


@dataclass(frozen=True)
class ReviewData:
    """The Review Date and the credits printed with it."""

    reviewed_on: datetime.date | None
    reviewer: PersonCredit | None
    reviewer_credit: str
    also_reviewed_by: tuple[Credit, ...]
    # Clinicians among "Also reviewed by" (they carry credentials): matched to reviewer
    # profiles, or given placeholder profiles, like the main reviewer.
    clinicians: tuple[PersonCredit, ...] = ()

    def as_stored(self) -> tuple:
        return (
            self.reviewed_on,
            self.reviewer_credit,
            [credit.as_json() for credit in self.also_reviewed_by],
        )


@dataclass(frozen=True)
class ArticleData:
    title: str
    revisions: tuple[RevisionData, ...]
    review: ReviewData
    where: str
    number: str | None = None
    slug: str | None = None
    specialty: str | None = None  # slug; None: the import's default specialty
    topics: tuple[str, ...] = ()
    status: str = "published"
    updated_on: datetime.date | None = None  # None: decided by the writer (pages)
    review_interval_months: int | None = None
    created_at: datetime.datetime | None = None
    retired_at: datetime.datetime | None = None
    live_revision: int | None = None
    cycles: tuple[CycleData, ...] = ()
    from_page: bool = False

    @property
    def live(self) -> RevisionData | None:
        return next((r for r in self.revisions if r.number == self.live_revision), None)


@dataclass(frozen=True)
class SpecialtyData:
    name: str
    slug: str
    review_interval_months: int | None = None


@dataclass(frozen=True)
class TopicData:
    name: str
    slug: str


@dataclass
class ParsedFile:
    """Everything one file asks for, checked and ready to write."""

    name: str
    kind: str  # "page" or "catalogue"
    articles: list[ArticleData]
    specialties: list[SpecialtyData] = field(default_factory=list)
    topics: list[TopicData] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)

    @property
    def carries_numbers(self) -> bool:
        return all(article.number for article in self.articles)
