"""The limits and rules every imported value meets, whichever file it came from.

They are the limits of the editing forms and the models (so an imported page could have
been typed in by an editor), checked before anything is written, with messages that
say which element broke which rule. Scenario 16: a 30 MB body, a `javascript:` link,
an impossible date — refused with a message, never half-saved.
"""

import datetime
import html
import re
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError

from core.validators import visible_text
from encyclopedia.models import (
    SECTION_BODY_MAX_CHARS,
    SUMMARY_MAX_CHARS,
    doi_validator,
    http_url_validator,
    pubmed_id_validator,
)
from encyclopedia.services import ReferenceInput, SectionInput
from transfer.services.records import ImportProblem

TITLE_MAX_CHARS = 300
HEADING_MAX_CHARS = 200
CITATION_MAX_CHARS = 2_000
URL_MAX_CHARS = 1_000
# The editing form's limits (reviews.forms): an article is not longer than an editor
# could have written.
MAX_SECTIONS = 60
MAX_REFERENCES = 200
SAFE_SCHEMES = {"http", "https", "mailto"}

# Link destinations in Markdown: inline [text](dest), autolinks <dest>, and reference
# definitions "[label]: dest". The renderer drops unsafe ones anyway; an import refuses
# them, so what is stored is what an editor could have saved.
_INLINE_LINK = re.compile(r"\]\(\s*<?([^\s>]*)")
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.\-]{1,31}:[^<>\s]*)>")
_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")


def scheme_of(url: str) -> str:
    """The scheme a browser would see: entities decoded, whitespace and controls removed
    (browsers ignore them, so "java\tscript:" is javascript:)."""
    cleaned = _CONTROL.sub("", html.unescape(url or ""))
    if ":" not in cleaned:
        return ""
    try:
        return urlsplit(cleaned).scheme.lower()
    except ValueError:
        return "invalid"


def check_link(url: str, *, where: str, line: int | None = None) -> None:
    scheme = scheme_of(url)
    if scheme and scheme not in SAFE_SCHEMES:
        raise ImportProblem(
            f"the link {_shorten(url)!r} is refused: only http(s) and mailto links are imported",
            where=where,
            line=line,
        )


def check_markdown_links(text: str, *, where: str, line: int | None = None) -> None:
    for pattern in (_INLINE_LINK, _AUTOLINK, _DEFINITION):
        for match in pattern.finditer(text):
            destination = match.group(1)
            while destination.endswith(")") and destination.count(")") > destination.count("("):
                destination = destination[:-1]  # the link's closing parenthesis
            check_link(destination, where=where, line=line)


def check_text(
    value: str,
    *,
    max_chars: int,
    where: str,
    line: int | None = None,
    required: bool = True,
) -> None:
    if required and not value.strip():
        raise ImportProblem("is empty", where=where, line=line)
    if len(value) > max_chars:
        raise ImportProblem(
            f"is {len(value):,} characters long; at most {max_chars:,} are allowed",
            where=where,
            line=line,
        )
    if "\x00" in value:
        raise ImportProblem("contains a NUL character", where=where, line=line)


def check_visible(value: str, *, where: str, line: int | None = None) -> None:
    if problem := visible_text.problem(value):
        raise ImportProblem(problem, where=where, line=line)


def check_title(title: str, *, where: str = "title", line: int | None = None) -> None:
    check_text(title, max_chars=TITLE_MAX_CHARS, where=where, line=line)
    check_visible(title, where=where, line=line)


def check_summary(summary: str, *, where: str = "summary", line: int | None = None) -> None:
    check_text(summary, max_chars=SUMMARY_MAX_CHARS, where=where, line=line, required=False)
    check_markdown_links(summary, where=where, line=line)


def check_section(section: SectionInput, *, where: str, line: int | None = None) -> None:
    check_text(section.heading, max_chars=HEADING_MAX_CHARS, where=f"{where} heading", line=line)
    check_visible(section.heading, where=f"{where} heading", line=line)
    check_text(section.body, max_chars=SECTION_BODY_MAX_CHARS, where=f"{where} body", line=line)
    check_markdown_links(section.body, where=where, line=line)


def check_reference(
    reference: ReferenceInput, *, where: str, today: datetime.date, line: int | None = None
) -> None:
    check_text(reference.citation, max_chars=CITATION_MAX_CHARS, where=where, line=line)
    if reference.url:
        check_link(reference.url, where=where, line=line)
        if len(reference.url) > URL_MAX_CHARS:
            raise ImportProblem(
                f"the URL is {len(reference.url):,} characters long; at most {URL_MAX_CHARS:,}",
                where=where,
                line=line,
            )
        _validate(http_url_validator, reference.url, "URL", where=where, line=line)
    if reference.doi:
        _validate(doi_validator, reference.doi, "DOI", where=where, line=line)
    if reference.pubmed_id:
        _validate(pubmed_id_validator, reference.pubmed_id, "PMID", where=where, line=line)
    if reference.accessed_on and reference.accessed_on > today:
        raise ImportProblem(
            f"accessed on {reference.accessed_on:%-m/%-d/%Y}, which is in the future",
            where=where,
            line=line,
        )


def check_counts(sections: int, references: int, *, where: str, line: int | None = None):
    if sections > MAX_SECTIONS:
        raise ImportProblem(
            f"has {sections} sections; an article has at most {MAX_SECTIONS}",
            where=where,
            line=line,
        )
    if references > MAX_REFERENCES:
        raise ImportProblem(
            f"has {references} references; an article has at most {MAX_REFERENCES}",
            where=where,
            line=line,
        )


def _validate(validator, value: str, label: str, *, where: str, line: int | None) -> None:
    try:
        validator(value)
    except ValidationError as invalid:
        raise ImportProblem(
            f"{label} {_shorten(value)!r} is not valid: {' '.join(invalid.messages)}",
            where=where,
            line=line,
        ) from None


def _shorten(value: str, limit: int = 80) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"
