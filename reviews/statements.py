"""What a signer should check a revision's statements against: the sentences that state
a number, a dose, a frequency or a recommendation and cite nothing (a warning, never a
block), and the sentences that cite a work an out-of-cycle review was opened for.

Sentences and their citations are read by encyclopedia.inline_citations; numbers and
units are found as the correction rule finds them (reviews.corrections), so a "dose"
means the same thing on both sides of the review.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from encyclopedia.inline_citations import sentences
from encyclopedia.models import Revision
from reviews import selectors
from reviews.corrections import _quantities, _read
from reviews.models import ReviewCycle

# Advice a reader may act on. Number words that are not a frequency ("the first sign")
# are left to the number check, which only counts digits, "once", "twice" and "thrice".
_ADVICE = re.compile(
    r"\b(?:should|must|recommended|recommends?|recommendation|advised?|take|taking|"
    r"avoid|never|always|do not|don't)\b",
    re.IGNORECASE,
)
_FREQUENCY_WORDS = frozenset({"once", "twice", "thrice"})


def states_a_claim(sentence: str) -> bool:
    """Whether a sentence (Markdown) states a number, a dose, a frequency or advice."""
    plain = _read(sentence).plain
    if _ADVICE.search(plain):
        return True
    return any(
        any(char.isdigit() for char in q.key[1]) or q.key[1] in _FREQUENCY_WORDS
        for q in _quantities(plain)
    )


@dataclass(frozen=True)
class Statement:
    section: str
    text: str
    is_new: bool = True


def unsupported_statements(
    sections: Sequence[tuple[str, str]], *, live: Sequence[tuple[str, str]] | None = None
) -> list[Statement]:
    """The (heading, body) sections' sentences that state a claim and cite nothing, in
    page order; each says whether the `live` sections already had it."""
    already = {s.plain for _, body in live or () for s in sentences(body)}
    return [
        Statement(section=heading, text=sentence.plain, is_new=sentence.plain not in already)
        for heading, body in sections
        for sentence in sentences(body)
        if not sentence.numbers and states_a_claim(sentence.text)
    ]


@dataclass(frozen=True)
class UnderReview:
    """An open out-of-cycle review of a work this revision cites, and where it is cited."""

    cycle: ReviewCycle
    numbers: tuple[int, ...]
    statements: tuple[Statement, ...]


def citing_work(revision: Revision, work: str) -> tuple[tuple[int, ...], list[Statement]]:
    """Which of `revision`'s references name `work`, and the sentences citing them."""
    numbers = tuple(
        position
        for position, reference in enumerate(revision.references.all(), start=1)
        if selectors.reference_cites_work(reference, work)
    )
    found = [
        Statement(section=section.heading, text=sentence.plain)
        for section in revision.sections.all()
        for sentence in sentences(section.body)
        if set(sentence.numbers) & set(numbers)
    ]
    return numbers, found


@dataclass(frozen=True)
class Evidence:
    unsupported: tuple[Statement, ...]
    under_review: tuple[UnderReview, ...]

    @property
    def new_unsupported(self) -> int:
        return sum(statement.is_new for statement in self.unsupported)


def evidence_for(revision: Revision, *, live: Revision | None) -> Evidence:
    """The statements panel of `revision`'s review page, against the `live` revision."""
    unsupported = unsupported_statements(
        [(s.heading, s.body) for s in revision.sections.all()],
        live=[(s.heading, s.body) for s in live.sections.all()] if live is not None else None,
    )
    cycles = ReviewCycle.objects.filter(
        article_id=revision.article_id,
        origin=ReviewCycle.Origin.OUT_OF_CYCLE,
        state__in=ReviewCycle.OPEN_STATES,
    ).exclude(reference="")
    under_review = []
    for cycle in cycles:
        numbers, citing = citing_work(revision, cycle.reference)
        if numbers:
            under_review.append(UnderReview(cycle=cycle, numbers=numbers, statements=tuple(citing)))
    return Evidence(unsupported=tuple(unsupported), under_review=tuple(under_review))


def cited_in_live(cycle: ReviewCycle) -> UnderReview | None:
    """For an out-of-cycle review of a work: where the article's live page cites it."""
    live = cycle.article.live_revision
    if cycle.origin != ReviewCycle.Origin.OUT_OF_CYCLE or not cycle.reference or live is None:
        return None
    numbers, citing = citing_work(live, cycle.reference)
    return UnderReview(cycle=cycle, numbers=numbers, statements=tuple(citing))
