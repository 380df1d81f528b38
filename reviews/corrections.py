"""Is this change a correction? The rule that lets a revision skip the medical review.

A correction goes out with only the editorial director's sign-off, so it may only fix
what a reader could never take as different medical advice: a misspelt word, a missing
comma, a broken link, the date a source was checked, or the Markdown that lays the page
out. Anything a clinician would want to see goes to medical review as an update:

- any number or unit (a dose, a duration, a count, a percentage, a year), changed,
  added or removed, wherever it is: title, summary, headings, bodies, citations;
- any sentence added or removed, in a section or the summary;
- any section or reference added or removed;
- a reference that now names a different source (its DOI or PubMed id changed);
- more changed words in all than the budget (10 unless the policy says otherwise),
  because many small edits together can change what a page says.

Words are counted, not judged: a word and a punctuation mark are one each, formatting
(bold, italics, code, list markers, line breaks, spacing) counts as nothing, and a
link's address is not a word. The answer comes with the reasons an editor can act on
and, for the signer, a list of what the correction touched.

Pure: it reads the two contents it is given and nothing else.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from encyclopedia import inline_citations
from encyclopedia.models import Revision
from encyclopedia.services import ReferenceInput, SectionInput, revision_content


@dataclass(frozen=True)
class Content:
    """What a reader sees of a revision, as the rule compares it."""

    title: str
    summary: str
    sections: Sequence[SectionInput]
    references: Sequence[ReferenceInput]

    @classmethod
    def of(cls, revision: Revision) -> Content:
        sections, references = revision_content(revision)
        return cls(
            title=revision.title,
            summary=revision.summary,
            sections=tuple(sections),
            references=tuple(references),
        )


@dataclass(frozen=True)
class ChangeAssessment:
    """The answer: whether the draft may go out as a correction, and why not.

    `changed_words` counts words and punctuation marks changed in all; `reasons` are
    the refusals, each a sentence naming where ("In Treatment, “5 mg” became “50 mg”."),
    in page order; `notes` tell the signer what the change touched ("Reference 2: link
    changed"), whether or not it is a correction.
    """

    is_correction: bool
    changed_words: int
    reasons: tuple[str, ...]
    notes: tuple[str, ...]

    @property
    def message(self) -> str:
        """The refusal as one paragraph, for the editor who chose "correction"."""
        if self.is_correction:
            return ""
        shown = list(self.reasons[:_REASONS_SHOWN])
        more = len(self.reasons) - len(shown)
        if more:
            shown.append(f"And {more} more {'change' if more == 1 else 'changes'}.")
        return (
            "This change alters medical content, so it needs a medical review: "
            f"{' '.join(shown)} Submit it as an update."
        )


_REASONS_SHOWN = 2
_NUMBERS_SHOWN = 3


def change_assess(*, live: Content, draft: Content, word_budget: int = 10) -> ChangeAssessment:
    """May `draft` replace `live` as a correction? Every reason it may not, and what it
    changed."""
    review = _Review()
    review.place("the title", [(live.title, draft.title)])
    summary = (live.summary, draft.summary)
    review.place("the summary", [summary], prose=summary)
    _compare_sections(review, live.sections, draft.sections)
    _compare_references(review, live.references, draft.references)
    _compare_citations(review, live, draft)
    if review.changed_words > word_budget:
        review.reasons.append(
            f"In all, {_plural(review.changed_words, 'word')} changed; a correction may "
            f"change no more than {_plural(word_budget, 'word')}."
        )
    return ChangeAssessment(
        is_correction=not review.reasons,
        changed_words=review.changed_words,
        reasons=tuple(review.reasons),
        notes=review.notes(),
    )


# --- Reading text: what is left of Markdown once formatting is taken away --------------

_WORD = r"\w+(?:['’]\w+)*"
_TOKEN = re.compile(rf"{_WORD}|[^\w\s]")
_HAS_WORD = re.compile(r"\w")

# A bare address becomes one private-use character: one token (adding or removing a
# link is seen) whose digits and slashes are not words or numbers (changing it is not).
_ADDRESS = "\ue000"
_CITED = "\ue001"
_INLINE_LINK = re.compile(
    r"!?\[(?P<text>(?:[^\[\]]|\[[^\[\]]*\])*)\]"
    r"\(\s*<?(?P<url>[^\s()<>]*(?:\([^\s()]*\)[^\s()<>]*)*)>?"
    r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"
)
_AUTOLINK = re.compile(r"<(?P<url>(?:https?|ftp|mailto):[^\s<>]+)>", re.I)
_BARE_URL = re.compile(r"(?P<url>https?://[^\s<>]*[^\s<>.,;:!?'\")\]])", re.I)
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_BLOCK_MARKERS = re.compile(
    r"^[^\S\n]*(?:>[^\S\n]*)*(?:#{1,6}[^\S\n]+|[-*+][^\S\n]+|\d{1,9}[.)][^\S\n]+)?", re.M
)
_RULE = re.compile(r"^[^\S\n]*([-*_])(?:[^\S\n]*\1){2,}[^\S\n]*$", re.M)
# Underscores only where they open or close emphasis: "_x_" is formatting, a name like
# "snake_case" is not.
_EMPHASIS_UNDERSCORE = re.compile(r"(?<!\w)_+|_+(?!\w)")


# Where a text may be cut for counting: after a sentence's end or a line. No token
# spans such a cut, so the pieces' tokens are the text's tokens.
_CUT = re.compile(r"(?<=[.!?])[\"'”’»)\]]*\s+|\n+")


@dataclass(frozen=True)
class _Text:
    plain: str
    pieces: tuple[tuple[str, ...], ...]  # the tokens, cut into sentences and lines
    links: tuple[str, ...]

    @property
    def tokens(self) -> tuple[str, ...]:
        return tuple(token for piece in self.pieces for token in piece)


def _read(markdown: str) -> _Text:
    text = markdown.replace("\r\n", "\n").replace("\r", "\n")
    links: list[str] = []

    def keep_text(match: re.Match[str]) -> str:
        links.append(match["url"])
        return match["text"]

    def mark_address(match: re.Match[str]) -> str:
        links.append(match["url"])
        return f" {_ADDRESS} "

    text = _INLINE_LINK.sub(keep_text, text)
    text = _without_citations(text)
    text = _AUTOLINK.sub(mark_address, text)
    text = _BARE_URL.sub(mark_address, text)
    text = _ESCAPE.sub(r"\1", text)
    text = _RULE.sub("", text)
    # Block markers go before the inline ones, so that "* item" loses its marker, not
    # just its asterisk, and "1. Take" does not leave a number and a full stop behind.
    text = _BLOCK_MARKERS.sub("", text)
    text = text.replace("*", "").replace("`", "")
    text = _EMPHASIS_UNDERSCORE.sub("", text)
    pieces = (tuple(_TOKEN.findall(piece)) for piece in _CUT.split(text))
    return _Text(plain=text, pieces=tuple(piece for piece in pieces if piece), links=tuple(links))


def _without_citations(text: str) -> str:
    """`text` with its citations as one mark each: citing one more source is a change
    of a word, and the numbers in "[3]" are no dose. Which source a sentence cites is
    compared by what the source is (_compare_citations), since renumbering follows a
    reordered list."""
    parts, last = [], 0
    for citation in inline_citations.citations(text):
        parts.append(text[last : citation.start])
        parts.append(f" {_CITED} ")
        last = citation.end
    parts.append(text[last:])
    return "".join(parts)


def _changed(old: _Text, new: _Text) -> int:
    """Tokens changed from `old` to `new`, a replacement counting its longer side."""
    # Sentences are aligned first and only the ones that differ compared token by token:
    # a correction is a few edits scattered through a long text, and comparing all its
    # tokens at once is quadratic in the length, seconds for a long section.
    total = 0
    matcher = SequenceMatcher(None, old.pieces, new.pieces, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            before = [token for piece in old.pieces[i1:i2] for token in piece]
            after = [token for piece in new.pieces[j1:j2] for token in piece]
            total += _changed_tokens(before, after)
    return total


def _changed_tokens(old: Sequence[str], new: Sequence[str]) -> int:
    start, shorter = 0, min(len(old), len(new))
    while start < shorter and old[start] == new[start]:
        start += 1
    end = 0
    while end < shorter - start and old[-1 - end] == new[-1 - end]:
        end += 1
    old, new = old[start : len(old) - end], new[start : len(new) - end]
    if not old or not new:
        return len(old) + len(new)
    # SequenceMatcher's heuristic for long inputs (autojunk) only applies to a rewrite of
    # 200 tokens or more, far past any budget, where a close count is enough.
    matcher = SequenceMatcher(None, old, new)
    return sum(
        max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"
    )


# --- Numbers and units -----------------------------------------------------------------

# Lower case; a unit is recognised whatever its case, but compared as written, so that
# "5 mg" and "5 Mg" differ: whether two spellings of a unit mean the same is a medical
# reviewer's call.
_UNITS = frozenset(
    word
    for group in (
        "mg g mcg µg μg ug ng kg gram grams milligram milligrams microgram micrograms",
        "kilogram kilograms lb lbs pound pounds oz ounce ounces",
        "ml l dl cl cc liter liters litre litres milliliter milliliters millilitre millilitres",
        "iu unit units meq mmol µmol μmol umol nmol pmol mol mosm",
        "mmhg cmh2o bpm % ‰ percent °c °f degree degrees",
        "mm cm m km inch inches ft foot feet kcal cal calorie calories msv gy",
        "h hr hrs hour hours min mins minute minutes sec secs second seconds",
        "day days week weeks wk wks month months year years yr yrs x × time times",
        "tablet tablets tab tabs capsule capsules cap caps pill pills lozenge lozenges",
        "puff puffs inhalation inhalations drop drops spray sprays dose doses",
        "patch patches injection injections suppository suppositories sachet sachets",
        "vial vials teaspoon teaspoons tsp tablespoon tablespoons tbsp cup cups",
        "glass glasses serving servings drink drinks application applications",
    )
    for word in group.split()
)
_NUMBER = re.compile(r"(?<!\w)(?P<sign>[<>≤≥±~≈]=?[^\S\n]?)?(?P<value>\w*\d(?:\w|[.,]\d)*)")
_ATTACHED_UNIT = re.compile(r"(?P<number>\d+(?:[.,]\d+)*)(?P<unit>[^\W\d_]+)")
# "5 mg", "5mg", "a 5-mg tablet", "38 °C"
_NEXT_UNIT = re.compile(r"(?:[^\S\n]*|-)(?P<unit>%|‰|×|°?[^\W\d_]+(?:/[^\W\d_]+)*)")
_PER_UNIT = re.compile(r"/[^\W\d_]+(?:/[^\W\d_]+)*")


@dataclass(frozen=True)
class _Quantity:
    key: tuple[str, str, str]  # sign, number, unit: spacing between them is formatting
    shown: str


def _unit(candidate: str) -> str:
    """The longest leading part of `candidate` ("mg/kg/day", "mg/dose") that is units."""
    parts = candidate.split("/")
    while parts and not all(part.lower() in _UNITS for part in parts):
        parts.pop()
    return "/".join(parts)


# Numbers written as words change a dose or a frequency as surely as digits do ("once
# daily" → "twice daily").
_NUMBER_WORDS = (
    "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    "thirty|forty|fifty|hundred|thousand|once|twice|thrice|half|quarter|double|triple|dozen|"
    "single|first|second|third|fourth|fifth"
)
_NUMBER_WORD = re.compile(rf"(?<!\w)(?P<value>{_NUMBER_WORDS})(?!\w)", re.IGNORECASE)


def _quantities(plain: str) -> list[_Quantity]:
    found = [
        (match.start(), _Quantity(key=("", match["value"].lower(), ""), shown=match["value"]))
        for match in _NUMBER_WORD.finditer(plain)
    ]
    for match in _NUMBER.finditer(plain):
        value, end = match["value"], match.end()
        number, unit = value, ""
        attached = _ATTACHED_UNIT.fullmatch(value)
        if attached and _unit(attached["unit"]):
            number, unit = attached["number"], attached["unit"]
            per = _PER_UNIT.match(plain, end)
            if per and _unit(unit + per.group()) != unit:
                unit = _unit(unit + per.group())
                end += len(unit) - len(attached["unit"])
        else:
            following = _NEXT_UNIT.match(plain, end)
            if following and (unit := _unit(following["unit"])):
                end = following.start("unit") + len(unit)
        sign = (match["sign"] or "").strip()
        shown = " ".join(plain[match.start() : end].split())
        found.append((match.start(), _Quantity(key=(sign, number, unit), shown=shown)))
    return [quantity for _, quantity in sorted(found, key=lambda pair: pair[0])]


# --- Sentences -------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"[.!?]+[\"'”’»)\]]*\s+")


def _sentences(plain: str) -> list[str]:
    pieces, start = [], 0
    for match in _SENTENCE_END.finditer(plain):
        following = plain[match.end() : match.end() + 1]
        if following.isupper() or following.isdigit():
            pieces.append(plain[start : match.end()])
            start = match.end()
    pieces.append(plain[start:])
    return [" ".join(piece.split()) for piece in pieces if _HAS_WORD.search(piece)]


# --- Comparing -------------------------------------------------------------------------


def _pairs(
    old: Sequence[tuple[str, ...]], new: Sequence[tuple[str, ...]]
) -> list[tuple[int | None, int | None]]:
    """Which old item each new one stands for, by position; when items were added or
    removed, by aligning their keys, so that one removed section is reported as that
    section rather than as every later section changed."""
    if len(old) == len(new):
        return [(index, index) for index in range(len(new))]
    pairs: list[tuple[int | None, int | None]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        common = min(i2 - i1, j2 - j1) if tag in ("equal", "replace") else 0
        pairs.extend((i1 + k, j1 + k) for k in range(common))
        pairs.extend((i, None) for i in range(i1 + common, i2))
        pairs.extend((None, j) for j in range(j1 + common, j2))
    return pairs


class _Review:
    """What the comparison found so far, place by place in page order."""

    def __init__(self) -> None:
        self.changed_words = 0
        self.reasons: list[str] = []
        self.worded: list[str] = []
        self.formatted: list[str] = []
        self.link_notes: list[str] = []
        self.reference_notes: list[str] = []

    def notes(self) -> tuple[str, ...]:
        notes = []
        if self.changed_words:
            notes.append(
                f"Spelling and punctuation: {_plural(self.changed_words, 'word')} "
                f"({', '.join(self.worded)})"
            )
        if self.formatted:
            notes.append(f"Formatting: {', '.join(self.formatted)}")
        return (*notes, *self.link_notes, *self.reference_notes)

    def count(self, where: str, words: int) -> None:
        if words:
            self.changed_words += words
            self.worded.append(where)

    def place(
        self,
        where: str,
        fields: list[tuple[str, str]],
        *,
        prose: tuple[str, str] | None = None,
    ) -> None:
        """Compare one place of the page: its (live, draft) texts, read together, and
        the sentences of its `prose` (a body, the summary; not a heading or a title)."""
        read = [(_read(old), _read(new)) for old, new in fields]
        words = sum(_changed(old, new) for old, new in read)
        self.count(where, words)
        old_links = [link for old, _ in read for link in old.links]
        new_links = [link for _, new in read for link in new.links]
        if words == 0 and old_links == new_links and any(a != b for a, b in fields):
            self.formatted.append(where)
        self._links(where, old_links, new_links)
        self._numbers(
            where,
            [q for old, _ in read for q in _quantities(old.plain)],
            [q for _, new in read for q in _quantities(new.plain)],
        )
        if prose:
            old_prose, new_prose = (_read(text).plain for text in prose)
            self._sentences(where, _sentences(old_prose), _sentences(new_prose))

    def _links(self, where: str, old: list[str], new: list[str]) -> None:
        changed = added = removed = 0
        for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
            common = min(i2 - i1, j2 - j1) if tag == "replace" else 0
            changed += common
            removed += (i2 - i1 - common) if tag != "equal" else 0
            added += (j2 - j1 - common) if tag != "equal" else 0
        parts = [
            f"{'link' if n == 1 else f'{n} links'} {verb}"
            for n, verb in ((changed, "changed"), (added, "added"), (removed, "removed"))
            if n
        ]
        if parts:
            self.link_notes.append(f"{_cap(where)}: {', '.join(parts)}")

    def _numbers(self, where: str, old: list[_Quantity], new: list[_Quantity]) -> None:
        matcher = SequenceMatcher(None, [q.key for q in old], [q.key for q in new], autojunk=False)
        found: list[str] = []
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                continue
            common = min(i2 - i1, j2 - j1)
            for before, after in zip(old[i1 : i1 + common], new[j1 : j1 + common], strict=True):
                found.append(f"In {where}, “{before.shown}” became “{after.shown}”.")
            for after in new[j1 + common : j2]:
                found.append(f"In {where}, “{after.shown}” was added.")
            for before in old[i1 + common : i2]:
                found.append(f"In {where}, “{before.shown}” was removed.")
        # A rewrite can change hundreds of numbers; the first few say enough.
        self.reasons.extend(found[:_NUMBERS_SHOWN])
        if len(found) > _NUMBERS_SHOWN:
            more = len(found) - _NUMBERS_SHOWN
            self.reasons.append(
                f"In {where}, {more} more {'number or unit' if more == 1 else 'numbers or units'}"
                " changed."
            )

    def _sentences(self, where: str, old: list[str], new: list[str]) -> None:
        if len(old) == len(new):
            return
        # Which sentences are new (or gone) is only for the message; the rule is the count.
        tokens = [tuple(_TOKEN.findall(s)) for s in (*old, *new)]
        matcher = SequenceMatcher(None, tokens[: len(old)], tokens[len(old) :], autojunk=False)
        if len(new) > len(old):
            extra, verb = len(new) - len(old), "added"
            quoted = [
                new[j]
                for tag, _, _, j1, j2 in matcher.get_opcodes()
                if tag == "insert"
                for j in range(j1, j2)
            ]
        else:
            extra, verb = len(old) - len(new), "removed"
            quoted = [
                old[i]
                for tag, i1, i2, _, _ in matcher.get_opcodes()
                if tag == "delete"
                for i in range(i1, i2)
            ]
        what = "a sentence was" if extra == 1 else f"{extra} sentences were"
        if quoted and len(quoted) == extra:
            self.reasons.append(
                _sentence(f"In {where}, {what} {verb}: {' '.join(_quote(s) for s in quoted)}")
            )
        else:
            self.reasons.append(
                f"In {where}, {what} {verb} ({len(new)} where the live page has {len(old)})."
            )


def _compare_sections(
    review: _Review, live: Sequence[SectionInput], draft: Sequence[SectionInput]
) -> None:
    keys = [tuple(_read(s.heading).tokens) for s in (*live, *draft)]
    for old, new in _pairs(keys[: len(live)], keys[len(live) :]):
        if old is not None and new is not None:
            before, after = live[old], draft[new]
            review.place(
                _section_name(draft, new),
                [(before.heading, after.heading), (before.body, after.body)],
                prose=(before.body, after.body),
            )
        elif new is not None:
            added = draft[new]
            review.count(_section_name(draft, new), _size(added.heading, added.body))
            name = _plain_heading(added.heading)
            review.reasons.append(
                f"A section was added: “{name}”." if name else f"Section {new + 1} was added."
            )
        elif old is not None:
            removed = live[old]
            review.count(_section_name(live, old), _size(removed.heading, removed.body))
            name = _plain_heading(removed.heading)
            review.reasons.append(
                f"The section “{name}” was removed." if name else f"Section {old + 1} was removed."
            )


def _compare_references(
    review: _Review, live: Sequence[ReferenceInput], draft: Sequence[ReferenceInput]
) -> None:
    keys = [tuple(_read(r.citation).tokens) for r in (*live, *draft)]
    old_keys, new_keys = keys[: len(live)], keys[len(live) :]
    pairs = _pairs(old_keys, new_keys)
    if old_keys != new_keys and sorted(old_keys) == sorted(new_keys):
        # The same sources in another order: each is compared with itself.
        unused = list(range(len(live)))
        pairs = []
        for j, key in enumerate(new_keys):
            i = next(i for i in unused if old_keys[i] == key)
            unused.remove(i)
            pairs.append((i, j))
        review.reference_notes.append("References: reordered")
    for old, new in pairs:
        if old is not None and new is not None:
            _compare_reference(review, new + 1, live[old], draft[new])
        elif new is not None:
            review.count(f"Reference {new + 1}", _size(draft[new].citation))
            review.reasons.append(
                _sentence(f"Reference {new + 1} was added: {_quote(draft[new].citation)}")
            )
        elif old is not None:
            review.count(f"Reference {old + 1}", _size(live[old].citation))
            review.reasons.append(
                _sentence(f"Reference {old + 1} was removed: {_quote(live[old].citation)}")
            )


def _compare_reference(
    review: _Review, number: int, before: ReferenceInput, after: ReferenceInput
) -> None:
    where = f"Reference {number}"
    review.place(where, [(before.citation, after.citation)])
    for label, old, new in (
        ("DOI", _doi(before.doi), _doi(after.doi)),
        ("PubMed id", before.pubmed_id.strip(), after.pubmed_id.strip()),
    ):
        # Even adding an identifier the reference lacked is refused: nothing here can
        # tell whether it names the work the citation describes.
        if old == new:
            continue
        if old and new:
            change = f"the {label} changed from “{old}” to “{new}”"
        elif new:
            change = f"the {label} “{new}” was added"
        else:
            change = f"the {label} “{old}” was removed"
        review.reasons.append(f"In {where}, {change}, so it may cite a different source.")
    changed = []
    if before.url.strip() != after.url.strip():
        changed.append("link")
    if before.accessed_on != after.accessed_on:
        changed.append("accessed date")
    if changed:
        review.reference_notes.append(f"{where}: {' and '.join(changed)} changed")


def _source(reference: ReferenceInput) -> tuple[str, ...]:
    return (_doi(reference.doi), reference.pubmed_id.strip(), *_read(reference.citation).tokens)


def _compare_citations(review: _Review, live: Content, draft: Content) -> None:
    """Each section's sentences cite the same sources as before, whatever their numbers."""

    def cited(content: Content, body: str) -> list[tuple[tuple[str, ...], ...]]:
        references = content.references
        return [
            tuple(
                _source(references[n - 1]) if 0 < n <= len(references) else (str(n),)
                for n in sentence.numbers
            )
            for sentence in inline_citations.sentences(body)
            if sentence.numbers
        ]

    keys = [tuple(_read(s.heading).tokens) for s in (*live.sections, *draft.sections)]
    pairs = _pairs(keys[: len(live.sections)], keys[len(live.sections) :])
    for old, new in pairs:
        if old is None or new is None:
            continue
        if cited(live, live.sections[old].body) != cited(draft, draft.sections[new].body):
            review.reasons.append(
                f"In {_section_name(draft.sections, new)}, the sources cited changed."
            )


# --- Small helpers ---------------------------------------------------------------------


def _doi(doi: str) -> str:
    # DOIs are case-insensitive and often pasted as a link or with a "doi:" label.
    value = doi.strip().lower()
    return re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", value)


def _size(*texts: str) -> int:
    return sum(len(_read(text).tokens) for text in texts)


def _plain_heading(heading: str) -> str:
    return " ".join(_read(heading).plain.split())


def _section_name(sections: Sequence[SectionInput], index: int) -> str:
    heading = _plain_heading(sections[index].heading)
    if not heading:
        return f"section {index + 1}"
    if sum(_plain_heading(s.heading) == heading for s in sections) > 1:
        return f"{heading} (section {index + 1})"
    return heading


def _quote(markdown: str, limit: int = 80) -> str:
    text = " ".join(_read(markdown).plain.replace(_ADDRESS, "[link]").replace(_CITED, "").split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return f"“{text}”"


def _sentence(text: str) -> str:
    """`text` with a full stop, unless a quotation it ends with already has one."""
    return text if re.search(r"[.!?…][”’\"')]*$", text) else f"{text}."


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]
