"""Statements tied to their references: the `[2]`, `[2, 4]` and `[2-4]` an editor writes
after a sentence, numbered as the References list is (1-based, in order).

One reading of the Markdown source serves every use: refusing a citation of a reference
that does not exist, following the references when they are reordered, finding which
sentences cite what, and linking each number to its reference on the page. Markdown's own
brackets are not citations: a link (`[text](url)`, `[text][label]`), a link definition
(`[2]: https://…`), an escaped bracket (`\\[2]`), a footnote (`[^2]`) or code.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from core.errors import DomainError

# A group of numbers and ranges in square brackets, not part of a link or a definition.
_GROUP = re.compile(
    r"(?<![\\\]!])\[(?P<numbers>\d{1,3}(?:[^\S\n]*[-–][^\S\n]*\d{1,3})?"
    r"(?:[^\S\n]*,[^\S\n]*\d{1,3}(?:[^\S\n]*[-–][^\S\n]*\d{1,3})?)*)\](?![(\[:])"
)
_ITEM = re.compile(r"(?P<first>\d+)(?:\s*[-–]\s*(?P<last>\d+))?")
_CODE = re.compile(
    r"^(?P<fence>`{3,}|~{3,}).*?^(?P=fence)[^\S\n]*$|(?P<ticks>`+).+?(?P=ticks)", re.M | re.S
)
# A sentence ends at its full stop and any citations written after it ("…hours.[2]").
_SENTENCE_END = re.compile(
    r"[.!?]+[\"'”’»)]*(?:[^\S\n]*\[\d[\d\s,\-–]*\])*(?:\s+(?![\sa-z])|$)"
    r"|\n[^\S\n]*\n\s*|\n(?=[^\S\n]*(?:[-*+]|\d{1,9}[.)]|#{1,6})[^\S\n])"
)
_MARKERS = re.compile(r"^(?:>\s*)*(?:#{1,6}|[-*+]|\d{1,9}[.)])?\s*")
# Ranges wider than this are a typing slip, not a citation of forty references.
_RANGE_LIMIT = 20


@dataclass(frozen=True)
class Citation:
    """One bracketed group as written: where it is and the reference numbers it names."""

    start: int
    end: int
    numbers: tuple[int, ...]
    # The group as printed: each item is a number or a (first, last) range.
    items: tuple[tuple[int, int], ...]


def _masked(text: str) -> str:
    """`text` with code blanked out, keeping every offset, so brackets in code are not read."""
    return _CODE.sub(lambda match: " " * len(match.group()), text)


def citations(text: str) -> list[Citation]:
    """Every citation group in a Markdown text, in order."""
    found = []
    for match in _GROUP.finditer(_masked(text or "")):
        items = []
        numbers: list[int] = []
        for item in _ITEM.finditer(match["numbers"]):
            first = int(item["first"])
            last = int(item["last"]) if item["last"] else first
            if last < first or last - first > _RANGE_LIMIT:
                last = first
            items.append((first, last))
            numbers.extend(range(first, last + 1))
        found.append(
            Citation(
                start=match.start(),
                end=match.end(),
                numbers=tuple(dict.fromkeys(numbers)),
                items=tuple(items),
            )
        )
    return found


@dataclass(frozen=True)
class Sentence:
    """A sentence of a section as the editor wrote it, and the references it cites."""

    text: str
    start: int
    numbers: tuple[int, ...]

    @property
    def plain(self) -> str:
        """The sentence as quoted to people: one line, its Markdown links kept as text."""
        return " ".join(_MARKERS.sub("", self.text).split())


def sentences(text: str) -> list[Sentence]:
    """The sentences of a Markdown text with the reference numbers each one cites."""
    text = text or ""
    groups = citations(text)
    found, start = [], 0
    cuts = [match.end() for match in _SENTENCE_END.finditer(text)]
    for end in [*cuts, len(text)]:
        if end <= start:
            continue
        piece = text[start:end]
        if re.search(r"\w", piece):
            numbers = tuple(
                dict.fromkeys(
                    n for group in groups if start <= group.start < end for n in group.numbers
                )
            )
            lead = len(piece) - len(piece.lstrip())
            found.append(Sentence(text=piece.strip(), start=start + lead, numbers=numbers))
        start = end
    return found


def _quoted(sentence: str, limit: int = 90) -> str:
    text = " ".join(sentence.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return f"“{text}”"


def _where(heading: str, index: int) -> str:
    name = " ".join(heading.split())
    return f"“{name}”" if name else f"section {index + 1}"


def citation_refusal(sections: Sequence[tuple[str, str]], reference_count: int) -> str:
    """Why these (heading, body) sections cannot be saved with `reference_count`
    references, or "" when every citation names one that exists."""
    for index, (heading, body) in enumerate(sections):
        for sentence in sentences(body):
            missing = [n for n in sentence.numbers if n < 1 or n > reference_count]
            if missing:
                there = (
                    "there are no references"
                    if reference_count == 0
                    else "there is only 1 reference"
                    if reference_count == 1
                    else f"there are only {reference_count} references"
                )
                which = (
                    f"reference {missing[0]}"
                    if len(missing) == 1
                    else "references " + ", ".join(str(n) for n in missing)
                )
                return (
                    f"In {_where(heading, index)}, the sentence {_quoted(sentence.plain)} cites "
                    f"{which}, but {there}."
                )
    return ""


def citations_check(sections: Sequence[tuple[str, str]], reference_count: int) -> None:
    """Refuse a citation of a reference that does not exist."""
    refusal = citation_refusal(sections, reference_count)
    if refusal:
        raise DomainError(refusal, code="citation_out_of_range")


def _printed(numbers: list[int]) -> str:
    """Numbers as a citation prints them: runs of three or more become a range."""
    numbers = sorted(dict.fromkeys(numbers))
    parts, index = [], 0
    while index < len(numbers):
        last = index
        while last + 1 < len(numbers) and numbers[last + 1] == numbers[last] + 1:
            last += 1
        if last - index >= 2:
            parts.append(f"{numbers[index]}–{numbers[last]}")
        else:
            parts.extend(str(n) for n in numbers[index : last + 1])
        index = last + 1
    return f"[{', '.join(parts)}]"


def renumbered(sections: Sequence[tuple[str, str]], moves: dict[int, int | None]) -> list[str]:
    """The bodies of these (heading, body) sections with every citation following its
    reference to its new number. `moves` maps an old number to its new one, or to None
    for a reference removed; citing one still is refused, naming the sentence. A number
    not in `moves` is left as written (the validity check judges it)."""
    bodies = []
    for index, (heading, body) in enumerate(sections):
        groups = citations(body)
        if not groups or all(moves.get(n, n) == n for g in groups for n in g.numbers):
            bodies.append(body)
            continue
        for sentence in sentences(body):
            removed = [n for n in sentence.numbers if n in moves and moves[n] is None]
            if removed:
                which = (
                    f"reference {removed[0]}, which was"
                    if len(removed) == 1
                    else f"references {', '.join(map(str, removed))}, which were"
                )
                raise DomainError(
                    f"In {_where(heading, index)}, the sentence {_quoted(sentence.plain)} cites "
                    f"{which} removed. Remove the citation or keep the reference.",
                    code="citation_of_removed_reference",
                )
        parts, last = [], 0
        for group in groups:
            new = [moves.get(n, n) for n in group.numbers]
            parts.append(body[last : group.start])
            parts.append(_printed([n for n in new if n is not None]))
            last = group.end
        parts.append(body[last:])
        bodies.append("".join(parts))
    return bodies


# --- On the page ------------------------------------------------------------------------

_HTML_PARTS = re.compile(r"(<[^>]+>)")
_NO_LINKS_INSIDE = {"a", "code", "pre"}


def _linked(match: re.Match[str]) -> str:
    links = []
    for item in _ITEM.finditer(match["numbers"]):
        first = int(item["first"])
        last = int(item["last"]) if item["last"] else first
        link = f'<a href="#reference-{first}" aria-label="Reference {first}">{first}</a>'
        if last != first:
            link += f'–<a href="#reference-{last}" aria-label="Reference {last}">{last}</a>'
        links.append(link)
    return f"<sup>[{', '.join(links)}]</sup>"


def link_citations(html: str) -> str:
    """Rendered Markdown with each citation a superscript link to its reference's item
    (`#reference-2`). Only text is touched: not a link's text, not code."""
    out, inside = [], 0
    for part in _HTML_PARTS.split(html):
        if part.startswith("<"):
            name = re.match(r"</?\s*(\w+)", part)
            if name and name[1].lower() in _NO_LINKS_INSIDE:
                inside += -1 if part.startswith("</") else 1
            out.append(part)
        elif inside <= 0:
            out.append(_GROUP.sub(_linked, part))
        else:
            out.append(part)
    return "".join(out)


def moves(previous_positions: Sequence[int | None], stored: int) -> dict[int, int | None]:
    """Where each of the `stored` references went: `previous_positions` gives, for each
    reference now, the position (0-based) it had among them, or None for a new one."""
    moved: dict[int, int | None] = dict.fromkeys(range(1, stored + 1))
    for position, previous in enumerate(previous_positions):
        if previous is not None and 0 <= previous < stored:
            moved[previous + 1] = position + 1
    return moved
