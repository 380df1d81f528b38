"""The demo encyclopedia as data: `team.toml` (people, roles, credentials, specialties,
topics) and one Markdown file per article in `articles/`, its front matter (between
`+++` lines, TOML) saying what the article is and where its review stands, its body
the sections as `## Heading` blocks of Markdown, as editors write them in Stet.

Everything here was written for Stet's demo: the articles are illustrative only, not
reviewed clinical content and not medical advice. Papers with DOIs under the
10.5555/stet.demo.* prefix (a prefix reserved for examples) are fictitious and exist so
the demo can show one source cited by many articles.
"""

import datetime
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from dateutil.relativedelta import relativedelta

from accounts.roles import Role
from encyclopedia.services import ReferenceInput, SectionInput

DATA = Path(__file__).resolve().parent
_HEADING = re.compile(r"^## (.+)$", re.MULTILINE)


class DemoDataError(ValueError):
    """A demo file that does not say what the loader needs, with the file named."""


@dataclass(frozen=True)
class DemoPerson:
    username: str
    first_name: str
    last_name: str
    roles: tuple[Role, ...]
    credentials: str = ""
    title: str = ""
    department: str = ""
    specialties: tuple[str, ...] = ()
    licence_months_left: int = 18  # negative: expired that many months ago

    @property
    def credit_name(self) -> str:
        return f"{self.first_name} {self.last_name}, {self.credentials}"


@dataclass(frozen=True)
class DemoTeam:
    institution: str
    specialties: tuple[str, ...]
    topics: tuple[str, ...]
    people: tuple[DemoPerson, ...]


@dataclass(frozen=True)
class DemoArticle:
    number: str
    title: str
    specialty: str
    topics: tuple[str, ...]
    editor: str
    summary: str
    sections: tuple[SectionInput, ...]
    references: tuple[dict, ...] = field(default=())
    state: str = "published"  # published, draft (never published) or retired
    # How long before today it was last reviewed; None: published by the previous
    # system with no recorded review.
    reviewed_ago: relativedelta | None = None
    draft_beside_live: bool = False

    def reference_inputs(self, accessed_on: datetime.date) -> list[ReferenceInput]:
        return [
            ReferenceInput(
                citation=ref["citation"],
                url=ref.get("url", ""),
                accessed_on=accessed_on,
                doi=ref.get("doi", ""),
                pubmed_id=ref.get("pubmed_id", ""),
                published_year=ref.get("published_year"),
            )
            for ref in self.references
        ]


def read_team(path: Path = DATA / "team.toml") -> DemoTeam:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    roles = {role.label: role for role in Role}
    people = tuple(
        DemoPerson(
            username=person["username"],
            first_name=person["first_name"],
            last_name=person["last_name"],
            roles=tuple(roles[label] for label in person["roles"]),
            credentials=person.get("credentials", ""),
            title=person.get("title", ""),
            department=person.get("department", ""),
            specialties=tuple(person.get("specialties", ())),
            licence_months_left=person.get("licence_months_left", 18),
        )
        for person in data["people"]
    )
    return DemoTeam(
        institution=data["institution"],
        specialties=tuple(data["specialties"]),
        topics=tuple(data["topics"]),
        people=people,
    )


def read_article(path: Path) -> DemoArticle:
    text = path.read_text(encoding="utf-8")
    parts = text.split("+++\n")
    if len(parts) < 3 or parts[0].strip():
        raise DemoDataError(f"{path.name}: front matter must open and close with +++ lines")
    meta = tomllib.loads(parts[1])
    body = "+++\n".join(parts[2:])
    headings = list(_HEADING.finditer(body))
    if not headings:
        raise DemoDataError(f"{path.name}: an article needs at least one '## ' section")
    sections = tuple(
        SectionInput(
            heading.group(1).strip(),
            body[
                heading.end() : headings[n + 1].start() if n + 1 < len(headings) else None
            ].strip(),
        )
        for n, heading in enumerate(headings)
    )
    ago = meta.get("reviewed_ago")
    return DemoArticle(
        number=meta["number"],
        title=meta["title"],
        specialty=meta["specialty"],
        topics=tuple(meta.get("topics", ())),
        editor=meta["editor"],
        summary=meta.get("summary", ""),
        sections=sections,
        references=tuple(meta.get("references", ())),
        state=meta.get("state", "published"),
        reviewed_ago=relativedelta(months=ago["months"], days=ago.get("days", 0)) if ago else None,
        draft_beside_live=meta.get("draft_beside_live", False),
    )


def read_articles(folder: Path = DATA / "articles") -> list[DemoArticle]:
    """Every demo article, in number order."""
    return sorted((read_article(path) for path in folder.glob("*.md")), key=lambda a: a.number)
