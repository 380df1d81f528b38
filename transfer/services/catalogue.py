"""Reading Stet's own JSON export back: the whole file is checked before anything is
written, and every problem names where it is ("export.json line 57: article 002321 ›
revisions[1] (v2) › sections[0] › body: …").

The reader is strict: an unknown key is an error rather than something silently
dropped, because the export is lossless and a key the reader does not know would be
lost on the way in. The format is described in transfer.services.export.
"""

import datetime
import json
import re
from collections.abc import Iterable
from typing import Any, Literal, overload

from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.core.validators import validate_slug

from encyclopedia.models import Article, Revision
from encyclopedia.services import Credit, ReferenceInput, SectionInput
from reviews.models import ReviewCycle, Step
from transfer.services import checks
from transfer.services.records import (
    ArticleData,
    CycleData,
    ImportProblem,
    ParsedFile,
    Person,
    PersonCredit,
    ReviewData,
    RevisionData,
    SignOffData,
    SpecialtyData,
    SubmissionData,
    TopicData,
)

FORMAT = "stet-catalogue"
VERSION = 1
MAX_CATALOGUE_BYTES = 1024 * 1024 * 1024

_username_validator = UnicodeUsernameValidator()
_ARTICLE_NUMBER = re.compile(r'"number"\s*:\s*"(\d{6})"')


def parse_catalogue(name: str, data: bytes, *, today: datetime.date) -> ParsedFile:
    if len(data) > MAX_CATALOGUE_BYTES:
        raise ImportProblem(
            f"the file is {len(data) / 1024 / 1024:.0f} MB; an export is at most "
            f"{MAX_CATALOGUE_BYTES // 1024 // 1024} MB",
            file=name,
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportProblem(
            f"is not UTF-8 text (byte {error.start} cannot be read)", file=name
        ) from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportProblem(
            f"column {error.colno}: not valid JSON ({error.msg})", file=name, line=error.lineno
        ) from None
    except RecursionError:
        raise ImportProblem("the JSON is nested too deeply", file=name) from None
    try:
        return _Catalogue(name, text, document, today).parse()
    except ImportProblem as problem:
        raise problem.in_file(name) from None


class _Node:
    """One JSON object being read, with where it is for the messages."""

    def __init__(self, value: Any, where: str, line: int | None) -> None:
        if not isinstance(value, dict):
            raise ImportProblem(f"should be an object, not {_kind(value)}", where=where, line=line)
        self.value = value
        self.where = where
        self.line = line
        self.read: set[str] = set()

    def problem(self, key: str, message: str) -> ImportProblem:
        return ImportProblem(message, where=f"{self.where} › {key}", line=self.line)

    def _get(self, key: str) -> Any:
        if key not in self.value:
            raise ImportProblem(f"{key!r} is missing", where=self.where, line=self.line)
        self.read.add(key)
        return self.value[key]

    def done(self) -> None:
        unknown = sorted(set(self.value) - self.read)
        if unknown:
            raise ImportProblem(
                f"unexpected key {unknown[0]!r} (not part of the export format)",
                where=self.where,
                line=self.line,
            )

    def text(self, key: str, *, max_chars: int | None = None, blank: bool = True) -> str:
        value = self._get(key)
        if not isinstance(value, str):
            raise self.problem(key, f"should be text, not {_kind(value)}")
        if not blank and not value.strip():
            raise self.problem(key, "is empty")
        if max_chars is not None and len(value) > max_chars:
            raise self.problem(key, f"is {len(value):,} characters long; at most {max_chars:,}")
        if "\x00" in value:
            raise self.problem(key, "contains a NUL character")
        return value

    def optional_text(self, key: str, *, max_chars: int | None = None) -> str | None:
        if self._get(key) is None:
            return None
        return self.text(key, max_chars=max_chars, blank=False)

    @overload
    def whole(
        self, key: str, *, nullable: Literal[False] = ..., low: int = ..., high: int = ...
    ) -> int: ...
    @overload
    def whole(self, key: str, *, nullable: bool, low: int = ..., high: int = ...) -> int | None: ...
    def whole(
        self, key: str, *, nullable: bool = False, low: int = 1, high: int = 2**31
    ) -> int | None:
        value = self._get(key)
        if value is None and nullable:
            return None
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.problem(key, f"should be a whole number, not {_kind(value)}")
        if not low <= value <= high:
            raise self.problem(key, f"{value} is out of range ({low}–{high})")
        return value

    def flag(self, key: str) -> bool:
        value = self._get(key)
        if not isinstance(value, bool):
            raise self.problem(key, f"should be true or false, not {_kind(value)}")
        return value

    def choice(self, key: str, choices: Iterable[str], *, blank: bool = False) -> str:
        value = self.text(key)
        allowed = set(choices) | ({""} if blank else set())
        if value not in allowed:
            raise self.problem(
                key, f"{value!r} is not one of {', '.join(sorted(c for c in allowed if c))}"
            )
        return value

    @overload
    def day(self, key: str, *, nullable: Literal[False]) -> datetime.date: ...
    @overload
    def day(self, key: str, *, nullable: bool = ...) -> datetime.date | None: ...
    def day(self, key: str, *, nullable: bool = True) -> datetime.date | None:
        value = self._get(key)
        if value is None and nullable:
            return None
        if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise self.problem(key, f"{value!r} is not a date as YYYY-MM-DD")
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            raise self.problem(key, f"{value!r} is not a real date") from None

    @overload
    def moment(self, key: str, *, nullable: Literal[False]) -> datetime.datetime: ...
    @overload
    def moment(self, key: str, *, nullable: bool = ...) -> datetime.datetime | None: ...
    def moment(self, key: str, *, nullable: bool = True) -> datetime.datetime | None:
        value = self._get(key)
        if value is None and nullable:
            return None
        if not isinstance(value, str):
            raise self.problem(key, f"{value!r} is not a date and time (ISO 8601)")
        try:
            moment = datetime.datetime.fromisoformat(value)
        except ValueError:
            raise self.problem(key, f"{value!r} is not a real date and time (ISO 8601)") from None
        if moment.tzinfo is None:
            raise self.problem(key, f"{value!r} has no time zone (write it in UTC, +00:00)")
        return moment

    def items(self, key: str) -> list:
        value = self._get(key)
        if not isinstance(value, list):
            raise self.problem(key, f"should be a list, not {_kind(value)}")
        return value

    def nodes(self, key: str, label=None) -> list["_Node"]:
        items = self.items(key)
        return [
            _Node(
                item, f"{self.where} › {key}[{index}]" + (label(item) if label else ""), self.line
            )
            for index, item in enumerate(items)
        ]

    def strings(self, key: str, *, max_chars: int = 300) -> tuple[str, ...]:
        items = self.items(key)
        for index, item in enumerate(items):
            if not isinstance(item, str) or not item or len(item) > max_chars:
                raise self.problem(f"{key}[{index}]", f"{item!r} is not a valid name")
        return tuple(items)


class _Catalogue:
    def __init__(self, name: str, text: str, document: Any, today: datetime.date) -> None:
        self.name = name
        self.today = today
        self.root = _Node(document, "the file", 1)
        self.lines = _article_lines(text)

    def parse(self) -> ParsedFile:
        root = self.root
        if root.value.get("format") != FORMAT:
            raise ImportProblem(
                f'not a Stet catalogue export (it should say "format": "{FORMAT}")', line=None
            )
        root.text("format")
        version = root._get("version")
        if version != VERSION:
            raise root.problem("version", f"{version!r}: this Stet reads version {VERSION}")

        specialties = [self._specialty(node) for node in root.nodes("specialties")]
        topics = [self._topic(node) for node in root.nodes("topics")]
        people = [self._person(node) for node in root.nodes("people")]
        self.specialty_slugs = _unique([s.slug for s in specialties], "specialties", "slug")
        self.topic_slugs = _unique([t.slug for t in topics], "topics", "slug")
        self.usernames = _unique([p.username for p in people], "people", "username")
        reviewers = {}
        for node in root.nodes("reviewers"):
            key, reviewer = self._reviewer(node)
            if key in reviewers:
                raise node.problem("key", f"{key!r} appears twice")
            reviewers[key] = reviewer
        self.reviewers = reviewers

        articles = []
        numbers, slugs = set(), set()
        for index, item in enumerate(root.items("articles")):
            number = item.get("number") if isinstance(item, dict) else None
            label = f"article {number}" if isinstance(number, str) else f"articles[{index}]"
            node = _Node(item, label, self.lines.get(number) if isinstance(number, str) else None)
            article = self._article(node)
            if article.number in numbers:
                raise node.problem("number", f"article {article.number} appears twice")
            if article.slug in slugs:
                raise node.problem("slug", f"{article.slug!r} is used by two articles")
            numbers.add(article.number)
            slugs.add(article.slug)
            articles.append(article)
        root.done()
        return ParsedFile(
            name=self.name,
            kind="catalogue",
            articles=articles,
            specialties=specialties,
            topics=topics,
            people=people,
        )

    # --- Reference data -----------------------------------------------------------------

    def _specialty(self, node: _Node) -> SpecialtyData:
        specialty = SpecialtyData(
            name=node.text("name", max_chars=100, blank=False),
            slug=_slug(node, "slug", 100),
            review_interval_months=node.whole(
                "review_interval_months", nullable=True, low=1, high=120
            ),
        )
        node.done()
        return specialty

    def _topic(self, node: _Node) -> TopicData:
        topic = TopicData(
            name=node.text("name", max_chars=100, blank=False), slug=_slug(node, "slug", 100)
        )
        node.done()
        return topic

    def _person(self, node: _Node) -> Person:
        username = node.text("username", max_chars=150, blank=False)
        try:
            _username_validator(username)
        except ValidationError:
            raise node.problem("username", f"{username!r} is not a valid username") from None
        person = Person(
            username=username,
            first_name=node.text("first_name", max_chars=150),
            last_name=node.text("last_name", max_chars=150),
        )
        node.done()
        return person

    def _reviewer(self, node: _Node) -> tuple[str, PersonCredit]:
        key = node.text("key", max_chars=300, blank=False)
        reviewer = PersonCredit(
            credit_name=node.text("credit_name", max_chars=200, blank=False),
            credentials=node.text("credentials", max_chars=100),
            title=node.text("title", max_chars=200),
            department=node.text("department", max_chars=200),
            institution=node.text("institution", max_chars=300),
            specialties=node.strings("specialties", max_chars=100),
        )
        for slug in reviewer.specialties:
            self._known(slug, self.specialty_slugs, node, "specialties", "specialty")
        node.done()
        return key, reviewer

    # --- Articles -------------------------------------------------------------------------

    def _article(self, node: _Node) -> ArticleData:
        number = node.text("number")
        if not re.fullmatch(r"\d{6}", number):
            raise node.problem("number", f"{number!r} is not six digits")
        title = node.text("title")
        checks.check_title(title, where=f"{node.where} › title", line=node.line)
        specialty = node.text("specialty")
        self._known(specialty, self.specialty_slugs, node, "specialty", "specialty")
        topics = node.strings("topics", max_chars=100)
        for slug in topics:
            self._known(slug, self.topic_slugs, node, "topics", "topic")
        status = node.choice("status", Article.Status.values)

        reviewed_by = node.optional_text("reviewed_by", max_chars=300)
        if reviewed_by is not None and reviewed_by not in self.reviewers:
            raise node.problem("reviewed_by", f"{reviewed_by!r} is not among the file's reviewers")
        also = []
        for credit in node.nodes("also_reviewed_by"):
            also.append(
                Credit(
                    name=credit.text("name", max_chars=200, blank=False),
                    role=credit.text("role", max_chars=200, blank=False),
                )
            )
            credit.done()
        review = ReviewData(
            reviewed_on=node.day("review_date"),
            reviewer=self.reviewers[reviewed_by] if reviewed_by else None,
            reviewer_credit=node.text("updated_by", max_chars=600),
            also_reviewed_by=tuple(also),
        )
        if review.reviewed_on and review.reviewed_on > self.today:
            raise node.problem("review_date", f"{review.reviewed_on} is in the future")

        revisions = [self._revision(child) for child in node.nodes("revisions", _revision_label)]
        numbers = [revision.number for revision in revisions]
        if numbers != sorted(set(numbers)):
            raise node.problem("revisions", "revision numbers must be unique and in order")
        live = node.whole("live_revision", nullable=True)
        if status == Article.Status.DRAFT and (revisions or live is not None):
            raise node.problem(
                "status", "a draft article has no published revisions and no live revision"
            )
        if status != Article.Status.DRAFT and live not in numbers:
            raise node.problem(
                "live_revision",
                f"a {status} article's live revision must be one of its revisions "
                f"({', '.join(f'v{n}' for n in numbers) or 'none given'})",
            )
        cycles = [self._cycle(child, numbers) for child in node.nodes("review_cycles")]
        if sum(cycle.state in ReviewCycle.OPEN_STATES for cycle in cycles) > 1:
            raise node.problem("review_cycles", "an article has at most one open review cycle")
        retired_at = node.moment("retired_at")
        if (status == Article.Status.RETIRED) != (retired_at is not None):
            raise node.problem("retired_at", "is given exactly when the article is retired")

        article = ArticleData(
            number=number,
            slug=_slug(node, "slug", 300),
            title=title,
            specialty=specialty,
            topics=topics,
            status=status,
            review=review,
            updated_on=node.day("updated_on"),
            review_interval_months=node.whole(
                "review_interval_months", nullable=True, low=1, high=120
            ),
            created_at=node.moment("created_at", nullable=False),
            retired_at=retired_at,
            live_revision=live,
            revisions=tuple(revisions),
            cycles=tuple(cycles),
            where=node.where,
        )
        node.done()
        return article

    def _revision(self, node: _Node) -> RevisionData:
        sections = []
        for child in node.nodes("sections"):
            section = SectionInput(heading=child.text("heading"), body=child.text("body"))
            child.done()
            checks.check_section(section, where=child.where, line=node.line)
            sections.append(section)
        references = []
        for child in node.nodes("references"):
            reference = ReferenceInput(
                citation=child.text("citation"),
                url=child.text("url"),
                accessed_on=child.day("accessed_on"),
                pubmed_id=child.text("pubmed_id"),
                doi=child.text("doi"),
            )
            child.done()
            checks.check_reference(reference, where=child.where, today=self.today, line=node.line)
            references.append(reference)
        checks.check_counts(len(sections), len(references), where=node.where, line=node.line)
        summary = node.text("summary")
        checks.check_summary(summary, where=f"{node.where} › summary", line=node.line)
        title = node.text("title")
        checks.check_title(title, where=f"{node.where} › title", line=node.line)
        author = node.text("author", blank=False)
        self._known(author, self.usernames, node, "author", "person")

        submission = None
        if node._get("submission") is not None:
            submission = self._submission(
                _Node(node.value["submission"], f"{node.where} › submission", node.line)
            )
        revision = RevisionData(
            number=node.whole("number"),
            title=title,
            summary=summary,
            kind=node.choice("kind", Revision.Kind.values),
            change_summary=node.text("change_summary", max_chars=20_000),
            author=author,
            created_at=node.moment("created_at", nullable=False),
            published_at=node.moment("published_at", nullable=False),
            sections=tuple(sections),
            references=tuple(references),
            submission=submission,
        )
        node.done()
        return revision

    def _submission(self, node: _Node) -> SubmissionData:
        submitted_by = node.text("submitted_by", blank=False)
        self._known(submitted_by, self.usernames, node, "submitted_by", "person")
        sign_offs = []
        signers = set()
        for child in node.nodes("sign_offs"):
            signed_by = child.optional_text("signed_by")
            if signed_by is not None:
                self._known(signed_by, self.usernames, child, "signed_by", "person")
                if signed_by in signers:
                    raise child.problem("signed_by", "one person cannot sign two steps")
                signers.add(signed_by)
            sign_offs.append(
                SignOffData(
                    step=child.choice("step", Step.values),
                    signer_name=child.text("signer_name", max_chars=200),
                    signer_credit=child.text("signer_credit", max_chars=600),
                    signed_by=signed_by,
                    decided_at=child.moment("decided_at", nullable=False),
                    attestation=child.text("attestation", max_chars=5_000),
                    comment=child.text("comment", max_chars=20_000),
                    reviewed_whole_page=child.flag("reviewed_whole_page"),
                    specialty_override_reason=child.text(
                        "specialty_override_reason", max_chars=5_000
                    ),
                )
            )
            child.done()
        submission = SubmissionData(
            submitted_at=node.moment("submitted_at", nullable=False),
            submitted_by=submitted_by,
            sign_offs=tuple(sign_offs),
        )
        node.done()
        return submission

    def _cycle(self, node: _Node, revision_numbers: list[int]) -> CycleData:
        users: dict[str, str | None] = {}
        for key in ("opened_by", "assignee", "closed_by"):
            username = users[key] = node.optional_text(key)
            if username is not None:
                self._known(username, self.usernames, node, key, "person")
        revision = node.whole("revision", nullable=True)
        if revision is not None and revision not in revision_numbers:
            raise node.problem("revision", f"v{revision} is not among the article's revisions")
        cycle = CycleData(
            due_on=node.day("due_on", nullable=False),
            origin=node.choice("origin", ReviewCycle.Origin.values),
            reason=node.text("reason", max_chars=20_000),
            state=node.choice("state", ReviewCycle.State.values),
            outcome=node.choice("outcome", ReviewCycle.Outcome.values, blank=True),
            opened_at=node.moment("opened_at", nullable=False),
            opened_by=users["opened_by"],
            assignee=users["assignee"],
            assigned_at=node.moment("assigned_at"),
            unassigned_reason=node.text("unassigned_reason", max_chars=300),
            revision=revision,
            attestation=node.text("attestation", max_chars=5_000),
            signer_credit=node.text("signer_credit", max_chars=600),
            closed_at=node.moment("closed_at"),
            closed_by=users["closed_by"],
        )
        if (cycle.state in ReviewCycle.OPEN_STATES) != (cycle.closed_at is None):
            raise node.problem("closed_at", "is given exactly when the cycle is closed")
        node.done()
        return cycle

    def _known(self, value: str, known: set[str], node: _Node, key: str, what: str) -> None:
        if value not in known:
            plural = {"person": "people", "specialty": "specialties"}.get(what, f"{what}s")
            raise node.problem(key, f"{value!r} is not among the file's {plural}")


def _slug(node: _Node, key: str, max_chars: int) -> str:
    value = node.text(key, max_chars=max_chars, blank=False)
    try:
        validate_slug(value)
    except ValidationError:
        raise node.problem(key, f"{value!r} is not a slug (letters, digits, - and _)") from None
    return value


def _unique(values: list[str], where: str, key: str) -> set[str]:
    seen = set()
    for value in values:
        if value in seen:
            raise ImportProblem(f"{key} {value!r} appears twice", where=where)
        seen.add(value)
    return seen


def _revision_label(item: Any) -> str:
    number = item.get("number") if isinstance(item, dict) else None
    return f" (v{number})" if isinstance(number, int) else ""


def _article_lines(text: str) -> dict[str, int]:
    """The line each article starts on (its "number" key), to point messages at it."""
    lines: dict[str, int] = {}
    line, position = 1, 0
    for match in _ARTICLE_NUMBER.finditer(text):
        line += text.count("\n", position, match.start())
        position = match.start()
        lines.setdefault(match.group(1), line)
    return lines


def _kind(value: Any) -> str:
    return {
        dict: "an object",
        list: "a list",
        str: "text",
        bool: "true/false",
        int: "a number",
        float: "a number",
        type(None): "null",
    }.get(type(value), type(value).__name__)
