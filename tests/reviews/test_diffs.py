"""reviews.diffs: the word-level diff reviewers read, and the section-by-section and
reference-by-reference comparison of two revisions."""

import datetime
import html
import itertools
import re

import pytest

from encyclopedia.services import ReferenceInput, SectionInput
from reviews import services
from reviews.diffs import compare_revisions, word_diff_html
from tests.reviews.factories import draft_change, live_article

_PIECES = re.compile(r"<(ins|del)>(.*?)</\1>|([^<]+)", re.S)


def pieces(diff: str) -> list[tuple[str, str]]:
    """The diff as [(op, unescaped text)], op one of "=", "+", "-"."""
    result = []
    for tag, inside, plain in _PIECES.findall(diff):
        op = {"ins": "+", "del": "-"}.get(tag, "=")
        result.append((op, html.unescape(inside if tag else plain)))
    assert "".join(f"<{t}>{i}</{t}>" if t else p for t, i, p in _PIECES.findall(diff)) == diff
    return result


def sides(diff: str) -> tuple[str, str]:
    """(old text, new text) as the diff tells them."""
    parts = pieces(diff)
    old = "".join(text for op, text in parts if op != "+")
    new = "".join(text for op, text in parts if op != "-")
    return old, new


def split_words(diff: str) -> list[str]:
    """Words the diff cuts in two, on either side."""
    cut = []
    for side in ("-", "+"):
        parts = [(op, text) for op, text in pieces(diff) if op in ("=", side) and text]
        for (op1, left), (op2, right) in itertools.pairwise(parts):
            if op1 != op2 and left[-1].isalnum() and right[0].isalnum():
                cut.append(f"{left}|{right}")
    return cut


def test_an_unchanged_text_has_no_marks():
    diff = word_diff_html("Medicines slow the heart rate.", "Medicines slow the heart rate.")

    assert diff == "Medicines slow the heart rate."


def test_a_replaced_word_is_one_deletion_and_one_insertion():
    diff = word_diff_html("Medicines slow the heart rate.", "Medicines slow the heart rhythm.")

    assert diff == "Medicines slow the heart <del>rate</del><ins>rhythm</ins>."


def test_an_inserted_phrase_is_marked_as_inserted():
    diff = word_diff_html(
        "Anticoagulants prevent clots.", "Anticoagulants such as apixaban prevent clots."
    )

    assert diff == "Anticoagulants <ins>such as apixaban </ins>prevent clots."


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("anticoagulation thresholds", "anticoagulant threshold"),
        ("Take warfarin daily.", "Take warfarins daily."),
        ("The heartbeat is fast.", "The heart beats fast."),
        ("Anticoagulants prevent clots.", "Anticoagulation prevents clotting."),
        ("hypertension", "hypotension"),
    ],
)
def test_words_are_never_split(old, new):
    diff = word_diff_html(old, new)

    assert split_words(diff) == []
    assert sides(diff) == (old, new)


def test_the_diff_rebuilds_both_texts():
    old = "Medicines slow the heart rate. Anticoagulants prevent clots in people at risk."
    new = "Beta blockers slow the heart rate. Anticoagulants prevent clots if the score is 2."

    assert sides(word_diff_html(old, new)) == (old, new)


def test_markup_in_the_text_is_escaped():
    diff = word_diff_html("Safe & sound.", 'Safe & <script>alert("x")</script> sound.')

    assert "<script>" not in diff
    assert "&lt;script&gt;" in diff
    assert "&amp;" in diff
    assert sides(diff) == ("Safe & sound.", 'Safe & <script>alert("x")</script> sound.')


def test_a_new_text_is_all_inserted_and_a_removed_one_all_deleted():
    assert word_diff_html("", "New section.") == "<ins>New section.</ins>"
    assert word_diff_html("Old section.", "") == "<del>Old section.</del>"
    assert word_diff_html(None, None) == ""


# --- compare_revisions ----------------------------------------------------------------

DOI_REF = ReferenceInput(
    citation="Marlow JT. Extended-interval dosing. 2021;14:211-9.",
    doi="10.5555/stet.demo.2021.0142",
    accessed_on=datetime.date(2024, 7, 1),
)
PMID_REF = ReferenceInput(citation="Osei A. Rhythm control. 2019.", pubmed_id="31234567")
URL_REF = ReferenceInput(citation="Heart society page.", url="https://example.org/af")
PLAIN_REF = ReferenceInput(citation="Textbook of cardiology, 5th ed.")
OLD_SECTIONS = [
    SectionInput("Causes", "It starts in the atria."),
    SectionInput("Symptoms", "Palpitations."),
    SectionInput("Treatment", "Medicines slow the heart rate."),
]


@pytest.fixture
def old(cardiology, maria):
    return live_article(
        specialty=cardiology,
        author=maria,
        sections=OLD_SECTIONS,
        references=[DOI_REF, PMID_REF, URL_REF, PLAIN_REF],
    ).live_revision


def test_sections_are_paired_by_heading_and_classified(old, maria):
    new = draft_change(
        old.article,
        editor=maria,
        sections=[
            SectionInput("Causes", "It starts in the atria."),
            SectionInput("treatment", "Medicines slow the heart rhythm."),
            SectionInput("Outlook", "Most people live well."),
        ],
        references=[DOI_REF, PMID_REF, URL_REF, PLAIN_REF],
    )

    comparison = compare_revisions(old, new)

    assert [(c.status, c.heading) for c in comparison.sections] == [
        ("unchanged", "Causes"),
        ("removed", "Symptoms"),
        ("changed", "treatment"),
        ("added", "Outlook"),
    ]
    changed = comparison.sections[2]
    assert changed.old_heading == "Treatment"
    assert changed.heading_changed
    assert changed.diff == "Medicines slow the heart <del>rate</del><ins>rhythm</ins>."
    assert comparison.sections[1].diff == "<del>Palpitations.</del>"
    assert comparison.sections[3].diff == "<ins>Most people live well.</ins>"
    assert not comparison.sections[0].heading_changed
    assert comparison.has_changes


def test_references_are_matched_by_doi_pmid_or_url(old, maria):
    new = draft_change(
        old.article,
        editor=maria,
        references=[
            ReferenceInput(
                citation="Marlow JT, Osei A. Extended-interval dosing. 2021;14:211-219.",
                doi=DOI_REF.doi,
                url="https://doi.org/10.5555/stet.demo.2021.0142",
                accessed_on=datetime.date(2026, 11, 2),
            ),
            ReferenceInput(
                citation="Osei A. Rhythm control, revised. 2019.",
                pubmed_id=PMID_REF.pubmed_id,
            ),
            ReferenceInput(citation="Heart society page (2026).", url=URL_REF.url),
            ReferenceInput(citation="ACC/AHA guideline 2025.", doi="10.5555/stet.demo.2025.1"),
        ],
    )

    comparison = compare_revisions(old, new)

    assert [(c.status, c.reference.citation, c.changed_fields) for c in comparison.references] == [
        (
            "changed",
            "Marlow JT, Osei A. Extended-interval dosing. 2021;14:211-219.",
            ["citation", "url", "accessed_on"],
        ),
        ("changed", "Osei A. Rhythm control, revised. 2019.", ["citation"]),
        ("changed", "Heart society page (2026).", ["citation"]),
        ("removed", "Textbook of cardiology, 5th ed.", []),
        ("added", "ACC/AHA guideline 2025.", []),
    ]


def test_an_unchanged_draft_has_no_changes(old, maria):
    new = services.revision_start_draft(article=old.article, editor=maria)

    comparison = compare_revisions(old, new)

    assert not comparison.has_changes
    assert {c.status for c in comparison.sections} == {"unchanged"}
    assert {c.status for c in comparison.references} == {"unchanged"}


def test_a_title_change_alone_is_a_change(old, maria):
    new = draft_change(old.article, editor=maria, title="Atrial fibrillation (AFib)")

    comparison = compare_revisions(old, new)

    assert comparison.has_changes
    assert comparison.title_diff == "Atrial fibrillation<ins> (AFib)</ins>"


def test_a_first_version_is_all_new(old):
    comparison = compare_revisions(None, old)

    assert {c.status for c in comparison.sections} == {"added"}
    assert {c.status for c in comparison.references} == {"added"}
    assert comparison.title_diff == "<ins>Atrial fibrillation</ins>"
