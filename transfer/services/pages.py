"""Reading an article page of a public medical encyclopedia, as such sites publish it.

The shape: an <h1> title, a summary paragraph, <h2> sections, a "References" section of
citations ("… Accessed July 1, 2024."), a "Review Date M/D/YYYY" line, an
"Updated by: <name>, <credentials>, <title>, …" line and an "Also reviewed by <name>,
<role>, …, and the <org> Editorial team." line. The article number is read from the
page's canonical URL (/article/002321/ or …/000184.htm) when it has one.

Section bodies become Markdown, the format editors write in Stet: paragraphs, lists,
sub-headings, bold and italic, tables, and links — http(s) links only; a page with a
`javascript:` (or any other scheme's) link is refused, not cleaned. Script and style
elements are dropped before anything is read, and text is stored as text: a
"<script>" written in a heading stays the eight characters it is.
"""

import codecs
import datetime
import re
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import CData, Comment, Declaration, Doctype, ProcessingInstruction

from encyclopedia.services import Credit, ReferenceInput, SectionInput
from transfer.services import checks
from transfer.services.records import (
    ArticleData,
    ImportProblem,
    ParsedFile,
    PersonCredit,
    ReviewData,
    RevisionData,
)

# A long encyclopedia page is ~200 KB of HTML; reading one takes ~0.1 s per 100 KB here.
MAX_PAGE_BYTES = 2 * 1024 * 1024
BLOCK_TAGS = ("p", "ul", "ol", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "dl")
# Site furniture, never article content.
FURNITURE = ("nav", "footer", "aside", "form", "button", "select")
DROPPED = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg")
IGNORED_HEADINGS = {"on this page", "how to cite this page", "how to cite"}
REFERENCES_HEADINGS = {"references", "reference", "sources"}

_NUMBER_IN_PATH = re.compile(r"(?:^|/)(\d{6})(?:\.html?)?/?$")
_REVIEW_DATE = re.compile(r"Review Date\s*:?\s*(\S+)", re.IGNORECASE)
_UPDATED_BY = re.compile(r"\b(?:Updated|Reviewed) by\s*:\s*", re.IGNORECASE)
_UPDATED_BY_LINE = re.compile(r"\b(?:Updated|Reviewed) by\s*:\s*\S", re.IGNORECASE)
_ALSO_REVIEWED_BY = re.compile(r"\bAlso reviewed by\s+", re.IGNORECASE)
_ALSO_REVIEWED_BY_LINE = re.compile(r"\bAlso reviewed by\s+\S", re.IGNORECASE)
# Where each credit line starts, to find the element that holds it.
_REVIEW_DATE_ANCHOR = re.compile(r"Review Date", re.IGNORECASE)
_UPDATED_BY_ANCHOR = re.compile(r"(?:Updated|Reviewed) by", re.IGNORECASE)
_EDITORIAL_TEAM = re.compile(r",?\s*(?:and\s+)?the\s+.*?Editorial team\.?\s*$", re.IGNORECASE)
_CREDIT_LINE = re.compile(
    r"^\s*(Review Date\b|Also reviewed by\b)|\b(Updated|Reviewed) by\s*:", re.I
)
_ACCESSED = re.compile(
    r"\bAccessed\s*:?\s*(?P<date>[A-Za-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}/\d{1,2}/\d{4}"
    r"|\d{4}-\d{1,2}-\d{1,2})\.?",
    re.IGNORECASE,
)
_DOI = re.compile(r"\bdoi\s*:\s*(10\.\d{4,9}/\S+)", re.IGNORECASE)
_PMID = re.compile(r"\bPMID\s*:?\s*(\d{1,9})\b\.?")
_BARE_URL = re.compile(r"https?://[^\s<>\"]+")
_CREDENTIAL = re.compile(r"^[A-Za-z][A-Za-z.\-]{0,11}$")
MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}


def parse_page(name: str, data: bytes, *, today: datetime.date) -> ParsedFile:
    """The article a page describes, checked; ImportProblem names the element at fault."""
    if len(data) > MAX_PAGE_BYTES:
        raise ImportProblem(
            f"the file is {len(data) / 1024 / 1024:.1f} MB; an article page is at most "
            f"{MAX_PAGE_BYTES // 1024 // 1024} MB",
            file=name,
        )
    try:
        return _Page(name, data, today).parse()
    except ImportProblem as problem:
        raise problem.in_file(name) from None


_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))  # fmt: skip
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w.:]+)""", re.IGNORECASE
)  # <meta charset="…">, and http-equiv's content="text/html; charset=…"


def decode_page(data: bytes) -> str:
    """A page's text, read as the page says it is written: a byte-order mark, else the
    charset its <meta> declares (HTML's own rule: in the first 1,024 bytes), else UTF-8.
    A page that is not what it declares, or not UTF-8 and declares nothing, is refused:
    a guess (Mac Roman, say) would publish mangled text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decoded(data, encoding, "its byte-order mark says")
    declared = _META_CHARSET.search(data[:1024])
    if declared:
        name = declared.group(1).decode("ascii", "replace")
        try:
            encoding = codecs.lookup(name).name
        except LookupError:
            raise ImportProblem(
                f"declares the character set {name!r}, which is not one known"
            ) from None
        return _decoded(data, encoding, f"its <meta> declares {name}")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ImportProblem(
            f"the page is not UTF-8 (byte {error.start:,} is not valid) and declares no "
            'character set: add <meta charset="…"> naming the one it is written in'
        ) from None


def _decoded(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise ImportProblem(
            f"the page is not valid {encoding}, as {source} (byte {error.start:,})"
        ) from None


class _Page:
    def __init__(self, name: str, data: bytes, today: datetime.date) -> None:
        self.name = name
        self.today = today
        self.soup = BeautifulSoup(decode_page(data), "html.parser")
        for tag in self.soup(DROPPED):
            tag.decompose()
        self.base_url, self.number = self._canonical()

    # --- The page as a whole ---------------------------------------------------------

    def parse(self) -> ParsedFile:
        h1 = next((h for h in self.soup.find_all("h1") if not _in_furniture(h)), None)
        if h1 is None:
            raise ImportProblem(
                "no <h1> element: an article page names its title in an <h1>", line=None
            )
        title = _plain(h1)
        checks.check_title(title, where="<h1> title", line=h1.sourceline)

        h2s = [h for h in h1.find_all_next("h2") if not _in_furniture(h)]
        summary = self._summary(h1, h2s[0] if h2s else None)
        sections: list[SectionInput] = []
        references: list[ReferenceInput] = []
        for index, h2 in enumerate(h2s):
            heading = _plain(h2)
            key = heading.lower().rstrip(":")
            if key in IGNORED_HEADINGS:
                continue
            blocks = _blocks_between(h2, h2s[index + 1] if index + 1 < len(h2s) else None)
            if key in REFERENCES_HEADINGS:
                references += self._references(blocks, first=len(references) + 1)
                continue
            where = f"<h2> {_quote(heading)}"
            body = "\n\n".join(text for block in blocks if (text := self._markdown(block, where)))
            if not body:
                continue  # a heading with nothing under it (e.g. "Images")
            section = SectionInput(heading=heading, body=body)
            checks.check_section(section, where=where, line=h2.sourceline)
            sections.append(section)
        if not sections:
            raise ImportProblem(
                "no <h2> section with text under it: an article has at least one section",
                where="<h2> sections",
                line=h1.sourceline,
            )
        checks.check_counts(len(sections), len(references), where="the page")

        revision = RevisionData(
            number=1,
            title=title,
            summary=summary,
            kind="full_review",
            change_summary=f"Imported from {self.name}",
            sections=tuple(sections),
            references=tuple(references),
        )
        article = ArticleData(
            title=title,
            revisions=(revision,),
            review=self._review(),
            where=f"article {self.number}" if self.number else _quote(title),
            number=self.number,
            live_revision=1,
            from_page=True,
        )
        return ParsedFile(name=self.name, kind="page", articles=[article])

    def _canonical(self) -> tuple[str, str | None]:
        """The page's own address (to resolve relative links) and the number in it."""
        addresses = [
            str(link.get("href", ""))
            for link in self.soup.find_all("link", href=True)
            if "canonical" in (link.get("rel") or [])
        ]
        addresses += [
            str(meta.get("content", ""))
            for meta in self.soup.find_all("meta", attrs={"property": "og:url"})
        ]
        base = next((a for a in addresses if checks.scheme_of(a) in ("http", "https")), "")
        for address in addresses:
            match = _NUMBER_IN_PATH.search(urlsplit(address.strip()).path)
            if match:
                return base, match.group(1)
        tagged = self.soup.find(None, {"data-article-number": True})
        if tagged:
            tagged_number = str(tagged["data-article-number"]).strip()
            if re.fullmatch(r"\d{6}", tagged_number):
                return base, tagged_number
        return base, None

    def _summary(self, h1: Tag, first_h2: Tag | None) -> str:
        container = self.soup.find(id="ency_summary") or self.soup.find(class_="summary")
        if container is not None:
            blocks = [b for b in container.find_all(BLOCK_TAGS) if not b.find_parent(BLOCK_TAGS)]
            texts = [self._markdown(b, "summary") for b in blocks] or [
                self._paragraph(container, "summary")
            ]
            line = container.sourceline
        else:
            paragraph = None
            for element in h1.next_elements:
                if element is first_h2:
                    break
                if (
                    isinstance(element, Tag)
                    and element.name == "p"
                    and not _in_furniture(element)
                    and not element.find_parent("header")
                    and not _is_credit_line(element)
                    and _plain(element)
                ):
                    paragraph = element
                    break
            texts = [self._markdown(paragraph, "summary")] if paragraph else []
            line = paragraph.sourceline if paragraph else None
        summary = "\n\n".join(text for text in texts if text)
        checks.check_summary(summary, where="summary", line=line)
        return summary

    # --- Review Date and credits ---------------------------------------------------------

    def _review(self) -> ReviewData:
        reviewed_on = None
        block = self._block_containing(_REVIEW_DATE, _REVIEW_DATE_ANCHOR)
        if block is None:
            # Published, the page would print credits with no date of review: the one
            # claim a surveyor checks first.
            raise ImportProblem(
                'the page has no Review Date (a line such as "Review Date 7/23/2024"): a '
                "page is imported with the date its medical review was done"
            )
        found = _REVIEW_DATE.search(_plain(block))
        assert found is not None  # _block_containing matched the block by this pattern
        value = found.group(1).rstrip(".,;")
        reviewed_on = parse_day(value, what="Review Date", line=block.sourceline)
        if reviewed_on > self.today:
            raise ImportProblem(f"Review Date {value!r} is in the future", line=block.sourceline)

        reviewer, credit = None, ""
        block = self._block_containing(_UPDATED_BY_LINE, _UPDATED_BY_ANCHOR)
        if block is not None:
            text = _plain(block)
            credit = _UPDATED_BY.split(text, maxsplit=1)[1]
            credit = _ALSO_REVIEWED_BY.split(credit, maxsplit=1)[0].strip().rstrip(".").strip()
            if not credit:
                raise ImportProblem("names nobody", where="Updated by", line=block.sourceline)
            if len(credit) > 600:
                raise ImportProblem(
                    f"is {len(credit):,} characters long; at most 600",
                    where="Updated by",
                    line=block.sourceline,
                )
            reviewer = person_from_credit(credit)

        also: list[Credit] = []
        clinicians: list[PersonCredit] = []
        block = self._block_containing(_ALSO_REVIEWED_BY_LINE, _UPDATED_BY_ANCHOR)
        if block is not None:
            text = _ALSO_REVIEWED_BY.split(_plain(block), maxsplit=1)[1]
            for person, role in _also_reviewed(text, line=block.sourceline):
                also.append(Credit(name=person.credit_name, role=role))
                if person.credentials:
                    clinicians.append(person)
        return ReviewData(
            reviewed_on=reviewed_on,
            reviewer=reviewer,
            reviewer_credit=credit,
            also_reviewed_by=tuple(also),
            clinicians=tuple(clinicians),
        )

    def _block_containing(self, pattern: re.Pattern, anchor: re.Pattern) -> Tag | None:
        """The smallest element whose text matches `pattern`: the phrase may be split over
        elements ("<strong>Review Date</strong> 7/23/2024"), so climb from where it starts."""
        strings = (
            node
            for node in self.soup.descendants
            if isinstance(node, NavigableString) and anchor.search(node)
        )
        for string in strings:
            node = string.parent
            while isinstance(node, Tag) and node.name not in ("body", "html", "[document]"):
                if node.name in FURNITURE:
                    break
                if pattern.search(_plain(node)):
                    return node
                node = node.parent
        return None

    # --- References -----------------------------------------------------------------------

    def _references(self, blocks: list[Tag], *, first: int) -> list[ReferenceInput]:
        items: list[Tag] = []
        for block in blocks:
            if block.name in ("ul", "ol"):
                items += block.find_all("li", recursive=False)
            elif block.name == "p" or block.name == "div":
                items.append(block)
        references: list[ReferenceInput] = []
        for item in items:
            if not _plain(item):
                continue
            where = f"reference {first + len(references)}"
            reference = self._reference(item, where)
            checks.check_reference(reference, where=where, today=self.today, line=item.sourceline)
            references.append(reference)
        return references

    def _reference(self, item: Tag, where: str) -> ReferenceInput:
        text = _plain(item)
        url = doi = ""
        link_texts = []
        for link in item.find_all("a", href=True):
            href = str(link["href"]).strip()
            checks.check_link(href, where=where, line=item.sourceline)
            href = self._absolute(href)
            if not href:
                continue
            link_texts.append(_plain(link))
            host = urlsplit(href).netloc.lower()
            if host.endswith("doi.org") and urlsplit(href).path.lstrip("/").startswith("10."):
                doi = doi or urlsplit(href).path.lstrip("/")
            url = url or href  # a doi.org link is also where to read it
        if not url:
            bare = next(
                (m.group(0) for m in _BARE_URL.finditer(text) if "doi.org/" not in m.group(0)),
                "",
            )
            url = bare.rstrip(".,;)")
        accessed_on = None
        match = _ACCESSED.search(text)
        if match:
            accessed_on = parse_day(
                match.group("date"), what="accessed date", line=item.sourceline, where=where
            )
        doi_match = _DOI.search(text)
        if doi_match:
            doi = doi_match.group(1).rstrip(".,;")
        pmid_match = _PMID.search(text)

        citation = self._citation_markdown(item)
        for span in (match, doi_match, pmid_match):
            if span is not None:
                citation = citation.replace(span.group(0), " ")
                citation = citation.replace(_escape(span.group(0)), " ")
        # The addresses as printed ("https://…", or "doi.org/…" without the scheme) are
        # stored in their own fields, not in the citation.
        for shown in [*link_texts, url, f"https://doi.org/{doi}" if doi else ""]:
            if shown and _looks_like_address(shown):
                citation = citation.replace(_escape(shown), " ").replace(shown, " ")
        citation = _tidy_citation(citation)
        if not citation:
            raise ImportProblem("has no citation text", where=where, line=item.sourceline)
        return ReferenceInput(
            citation=citation,
            url=url,
            accessed_on=accessed_on,
            pubmed_id=pmid_match.group(1) if pmid_match else "",
            doi=doi,
        )

    def _citation_markdown(self, node: Tag) -> str:
        """A citation's text as Markdown: the italics of a journal's or book's title
        kept, links as their words, a link that only shows its address left out (the
        address is the reference's URL)."""
        parts = []
        for child in node.children:
            if (text := _text_of(child)) is not None:
                parts.append(text)
            elif isinstance(child, Tag):
                if child.name == "a" and _looks_like_address(_plain(child).rstrip("/") + "/"):
                    parts.append(" ")
                elif child.name in ("em", "i", "cite"):
                    parts.append(_wrap(self._citation_markdown(child), "*"))
                else:
                    parts.append(self._citation_markdown(child))
        return "".join(parts)

    def _absolute(self, href: str) -> str:
        """An http(s) address for a link, or "" for one to keep as text only."""
        scheme = checks.scheme_of(href)
        if scheme in ("http", "https"):
            return href
        if scheme or href.startswith("#"):
            return ""  # mailto:, an anchor on the page itself
        if self.base_url:
            return urljoin(self.base_url, href)
        return ""

    # --- Section bodies as Markdown -------------------------------------------------------

    def _markdown(self, block: Tag, where: str) -> str:
        name = block.name
        if name in ("ul", "ol"):
            return "\n".join(self._list(block, where, depth=0))
        if name in ("h3", "h4", "h5", "h6"):
            text = self._paragraph(block, where)
            return f"### {text}" if text else ""
        if name == "blockquote":
            inner = [b for b in block.find_all(BLOCK_TAGS) if b.find_parent(BLOCK_TAGS) is block]
            texts = [self._markdown(b, where) for b in inner] or [self._paragraph(block, where)]
            return "\n>\n".join("> " + t.replace("\n", "\n> ") for t in texts if t)
        if name == "pre":
            text = block.get_text().strip("\n")
            return f"```\n{text.replace('```', '` ` `')}\n```" if text.strip() else ""
        if name == "table":
            return self._table(block, where)
        if name == "dl":
            lines = []
            for item in block.find_all(["dt", "dd"]):
                text = self._paragraph(item, where)
                if text:
                    lines.append(f"**{text}**" if item.name == "dt" else text)
            return "\n\n".join(lines)
        return self._paragraph(block, where)

    def _paragraph(self, tag: Tag, where: str) -> str:
        text = self._inline(tag, where)
        lines = [re.sub(r" {2,}", " ", line).strip() for line in text.split("\n")]
        text = "\n".join(line for line in lines if line)
        return _escape_block_start(text)

    def _inline(self, node: Tag, where: str) -> str:
        parts = []
        for child in node.children:
            if (text := _text_of(child)) is not None:
                parts.append(text)
                continue
            if not isinstance(child, Tag) or child.name in ("ul", "ol"):
                continue  # nested lists are written by _list
            name = child.name
            if name == "br":
                parts.append("\n")
            elif name in ("strong", "b"):
                parts.append(_wrap(self._inline(child, where), "**"))
            elif name in ("em", "i"):
                parts.append(_wrap(self._inline(child, where), "*"))
            elif name == "a":
                parts.append(self._link(child, where))
            elif name in ("p", "div") and parts:
                parts.append(" " + self._inline(child, where))
            else:
                parts.append(self._inline(child, where))
        return "".join(parts)

    def _link(self, link: Tag, where: str) -> str:
        text = self._inline(link, where).strip()
        href = str(link.get("href") or "").strip()
        if not href:
            return text
        checks.check_link(href, where=where, line=link.sourceline)
        address = self._absolute(href)
        if not address or not text:
            return text
        return f"[{text}]({address.replace(' ', '%20').replace(')', '%29')})"

    def _list(self, tag: Tag, where: str, depth: int) -> list[str]:
        lines = []
        indent = "    " * depth
        for number, item in enumerate(tag.find_all("li", recursive=False), start=1):
            marker = f"{number}." if tag.name == "ol" else "-"
            text = self._paragraph(item, where).replace("\n", " ")
            if text:
                lines.append(f"{indent}{marker} {text}")
            for nested in item.find_all(["ul", "ol"], recursive=False):
                lines += self._list(nested, where, depth + 1)
        return lines

    def _table(self, table: Tag, where: str) -> str:
        rows = []
        for row in table.find_all("tr"):
            cells = [
                self._paragraph(cell, where).replace("\n", " ").replace("|", "\\|")
                for cell in row.find_all(["th", "td"], recursive=False)
            ]
            if any(cells):
                rows.append(cells)
        if not rows:
            return ""
        width = max(len(row) for row in rows)
        rows = [row + [""] * (width - len(row)) for row in rows]
        lines = ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * width]
        lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
        return "\n".join(lines)


# --- Credits ---------------------------------------------------------------------------------


def is_credential(token: str) -> bool:
    """MD, DO, RN, PhD, PharmD, MPH, FACP, M.D. — not a name, not a job title."""
    token = token.strip()
    return bool(_CREDENTIAL.match(token)) and sum(c.isupper() for c in token) >= 2


def person_from_credit(credit: str) -> PersonCredit:
    """ "Linda J. Vorvick, MD, Clinical Associate Professor, Department of Family Medicine,
    UW Medicine, Seattle, WA" → name with credentials, title, department, institution."""
    # "… Seattle, WA. Review provided by VeriMed Healthcare Network." is printed with the
    # credit, but is not where the reviewer works.
    person = re.split(r"\.\s+Review provided by\b", credit, maxsplit=1, flags=re.I)[0]
    parts = [part.strip() for part in person.split(",") if part.strip()]
    name, rest = parts[0], parts[1:]
    credentials = []
    while rest and is_credential(rest[0]):
        credentials.append(rest.pop(0))
    return PersonCredit(
        credit_name=", ".join([name, *credentials])[:200],
        credentials=", ".join(credentials)[:100],
        title=rest[0][:200] if rest else "",
        department=rest[1][:200] if len(rest) > 1 else "",
        institution=", ".join(rest[2:])[:300],
    )


def _also_reviewed(text: str, *, line: int | None) -> list[tuple[PersonCredit, str]]:
    """ "David C. Dugdale, MD, Medical Director, Brenda Conaway, Editorial Director, and the
    A.D.A.M. Editorial team." → [(Dugdale, MD; "Medical Director"), (Conaway; "Editorial
    Director")]. Each person is a name, any credentials, then their role."""
    text = _EDITORIAL_TEAM.sub("", text.strip()).strip().rstrip(".").strip()
    tokens = [token.strip() for token in text.split(",") if token.strip()]
    people = []
    while tokens:
        name = re.sub(r"^and\s+", "", tokens.pop(0), flags=re.IGNORECASE)
        credentials = []
        while tokens and is_credential(tokens[0]):
            credentials.append(tokens.pop(0))
        if not tokens:
            raise ImportProblem(
                f"{_quote(name)} has no role after the name (expected e.g. "
                "'David C. Dugdale, MD, Medical Director')",
                where="Also reviewed by",
                line=line,
            )
        role = re.sub(r"^and\s+", "", tokens.pop(0), flags=re.IGNORECASE)
        credit_name = ", ".join([name, *credentials])
        if len(credit_name) > 200 or len(role) > 200:
            raise ImportProblem(
                "a name or role is longer than 200 characters", where="Also reviewed by", line=line
            )
        people.append(
            (
                PersonCredit(
                    credit_name=credit_name, credentials=", ".join(credentials), title=role
                ),
                role,
            )
        )
    return people


# --- Dates -----------------------------------------------------------------------------------


def parse_day(value: str, *, what: str, line: int | None = None, where: str = "") -> datetime.date:
    """7/23/2024, July 23, 2024, Jul 23 2024 or 2024-07-23; an impossible date is refused."""
    value = value.strip()
    numbers: tuple[int, int, int] | None = None
    if match := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", value):
        numbers = (int(match.group(3)), int(match.group(1)), int(match.group(2)))
    elif match := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", value):
        numbers = (int(match.group(1)), int(match.group(2)), int(match.group(3)))
    elif match := re.fullmatch(r"([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})", value):
        month = MONTHS.get(match.group(1).lower())
        if month is not None:
            numbers = (int(match.group(3)), month, int(match.group(2)))
    if numbers is None:
        raise ImportProblem(
            f"{what} {value!r} is not a date (expected M/D/YYYY, e.g. 7/23/2024)",
            line=line,
            where=where,
        )
    try:
        return datetime.date(*numbers)
    except ValueError:
        raise ImportProblem(
            f"{what} {value!r} is not a real date", line=line, where=where
        ) from None


# --- Helpers ---------------------------------------------------------------------------------


def _text_of(node) -> str | None:
    """A text node as Markdown text (escaped, spaces collapsed); "" for a comment or a
    declaration; None for an element."""
    if isinstance(node, Comment | Doctype | Declaration | ProcessingInstruction | CData):
        return ""
    if isinstance(node, NavigableString):
        return _escape(re.sub(r"\s+", " ", str(node)))
    return None


def _plain(tag: Tag) -> str:
    return re.sub(r"\s+", " ", tag.get_text()).strip()


def _has_ancestor(tag: Tag | None, names: tuple[str, ...]) -> bool:
    # A plain walk up the tree: bs4's find_parent is much slower on big pages.
    node = tag.parent if tag is not None else None
    while node is not None:
        if node.name in names:
            return True
        node = node.parent
    return False


def _in_furniture(tag: Tag | None) -> bool:
    return _has_ancestor(tag, FURNITURE)


def _is_credit_line(tag: Tag) -> bool:
    return bool(_CREDIT_LINE.search(_plain(tag)))


def _blocks_between(start: Tag, stop: Tag | None) -> list[Tag]:
    """The outermost content blocks after `start` and before `stop`, in page order."""
    blocks = []
    for element in start.next_elements:
        if element is stop:
            break
        if not isinstance(element, Tag):
            continue
        is_block = element.name in BLOCK_TAGS or (
            element.name == "div"
            and not element.find(["div", *BLOCK_TAGS])
            and any(isinstance(c, NavigableString) and c.strip() for c in element.children)
        )
        if (
            is_block
            and not _has_ancestor(element, BLOCK_TAGS)
            and not _in_furniture(element)
            and not _is_credit_line(element)
            and _plain(element)
        ):
            blocks.append(element)
    return blocks


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]])")


def _escape(text: str) -> str:
    """Page text is text: characters Markdown would read as formatting are escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _escape_block_start(text: str) -> str:
    # A paragraph that starts like a list item or a heading must stay a paragraph.
    text = re.sub(r"^(\d+)([.)])(\s)", r"\1\\\2\3", text)
    return re.sub(r"^([#>+\-])", r"\\\1", text)


def _wrap(text: str, mark: str) -> str:
    inner = text.strip()
    if not inner:
        return text
    lead = " " if text[:1].isspace() else ""
    trail = " " if text[-1:].isspace() else ""
    return f"{lead}{mark}{inner}{mark}{trail}"


def _looks_like_address(text: str) -> bool:
    return " " not in text.strip() and bool(re.match(r"(https?://)?[\w.-]+\.[a-z]{2,}/", text))


def _tidy_citation(text: str) -> str:
    text = re.sub(r"\s+", " ", text)
    # Brackets or parentheses that held the address the page printed, now empty.
    text = re.sub(r"\\?\[\s*\\?\]|\(\s*\)|<\s*>", " ", text)
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\s+([.,;:])", r"\1", text)
    text = re.sub(r"(?:\.\s*){2,}", ". ", text)
    return text.strip().rstrip(",;:").strip()


def _quote(text: str, limit: int = 60) -> str:
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")
