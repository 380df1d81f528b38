"""reviews.merge: the three-way merge behind rebasing a draft onto a newer live page.

`base` is the live text the draft started from, `ours` the draft, `theirs` the new live.
"""

import pytest

from encyclopedia.services import ReferenceInput, SectionInput
from reviews.merge import merge_content, merge_text

BASE = (
    "Medicines slow the heart rate. Anticoagulants prevent clots in people at risk of "
    "stroke. Some people need a procedure to restore a normal rhythm."
)


def change(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new)


def test_text_nobody_changed_stays():
    assert merge_text(BASE, BASE, BASE) == (BASE, False)


def test_only_the_draft_changed_keeps_the_draft():
    ours = change(BASE, "at risk of stroke", "whose CHA2DS2-VASc score is 2 or more")

    assert merge_text(BASE, ours, BASE) == (ours, False)


def test_only_the_live_page_changed_takes_the_live_text():
    theirs = change(BASE, "a procedure", "catheter ablation")

    assert merge_text(BASE, BASE, theirs) == (theirs, False)


def test_the_same_change_on_both_sides_is_not_a_conflict():
    both = change(BASE, "a procedure", "catheter ablation")

    assert merge_text(BASE, both, both) == (both, False)


def test_non_overlapping_changes_both_survive_when_the_live_change_comes_later():
    ours = change(BASE, "at risk of stroke", "whose CHA2DS2-VASc score is 2 or more")
    theirs = change(BASE, "a procedure", "catheter ablation")

    merged, conflicted = merge_text(BASE, ours, theirs)

    assert not conflicted
    assert merged == change(ours, "a procedure", "catheter ablation")


def test_non_overlapping_changes_both_survive_when_the_live_change_comes_first():
    # The live page's edit earlier in the text shifts where the draft's edit lands.
    ours = change(BASE, "at risk of stroke", "whose CHA2DS2-VASc score is 2 or more")
    theirs = change(BASE, "Medicines slow", "Beta blockers and other medicines slow")

    merged, conflicted = merge_text(BASE, ours, theirs)

    assert not conflicted
    assert merged == change(ours, "Medicines slow", "Beta blockers and other medicines slow")


def test_a_paragraph_added_at_the_top_of_the_live_page_does_not_block_the_draft():
    ours = change(BASE, "a procedure", "catheter ablation")
    theirs = "Atrial fibrillation is the most common arrhythmia.\n\n" + BASE

    merged, conflicted = merge_text(BASE, ours, theirs)

    assert not conflicted
    assert merged == "Atrial fibrillation is the most common arrhythmia.\n\n" + ours


def test_overlapping_changes_conflict_and_keep_the_drafts_text():
    ours = change(BASE, "at risk of stroke", "whose CHA2DS2-VASc score is 2 or more")
    theirs = change(BASE, "at risk of stroke", "over 65")

    assert merge_text(BASE, ours, theirs) == (ours, True)


def test_a_change_is_never_spliced_into_a_different_sentence():
    # The sentence the draft edited was rewritten on the live page: its edit must not
    # land on some similar-looking text elsewhere.
    base = "Take one tablet daily. Take two tablets if the pain persists."
    ours = "Take one tablet daily. Take three tablets if the pain persists."
    theirs = "Take one tablet daily. Do not take more without advice."

    merged, conflicted = merge_text(base, ours, theirs)

    assert conflicted
    assert merged == ours


# --- Whole revisions ------------------------------------------------------------------

SECTIONS = [SectionInput("Causes", "It starts in the atria."), SectionInput("Treatment", BASE)]
REFERENCE = ReferenceInput(citation="Marlow 2021.", doi="10.5555/a")


def snapshot(
    title="Atrial fibrillation",
    summary="An irregular heartbeat.",
    sections=SECTIONS,
    references=(REFERENCE,),
):
    return title, summary, list(sections), list(references)


def test_merge_content_merges_title_summary_sections_and_references():
    ours = snapshot(
        sections=[SECTIONS[0], SectionInput("Treatment", change(BASE, "a procedure", "ablation"))],
        references=[REFERENCE, ReferenceInput(citation="Guideline 2025.", doi="10.5555/b")],
    )
    theirs = snapshot(
        title="Atrial fibrillation (AFib)",
        sections=[SectionInput("Causes", "It starts in the upper chambers."), SECTIONS[1]],
        references=[REFERENCE, ReferenceInput(citation="Registry 2026.", pubmed_id="39876543")],
    )

    result = merge_content(base=snapshot(), ours=ours, theirs=theirs)

    assert result.conflicts == []
    assert result.title == "Atrial fibrillation (AFib)"
    assert result.summary == "An irregular heartbeat."
    assert result.sections == [
        SectionInput("Causes", "It starts in the upper chambers."),
        SectionInput("Treatment", change(BASE, "a procedure", "ablation")),
    ]
    assert [r.citation for r in result.references] == [
        "Marlow 2021.",
        "Guideline 2025.",
        "Registry 2026.",
    ]


@pytest.mark.parametrize(("field", "label"), [(0, "Title"), (1, "Summary")])
def test_colliding_titles_or_summaries_are_reported(field, label):
    ours, theirs = list(snapshot()), list(snapshot())
    ours[field] += " (draft)"
    theirs[field] += " (live)"

    result = merge_content(base=snapshot(), ours=tuple(ours), theirs=tuple(theirs))

    assert result.conflicts == [label]
    assert (result.title, result.summary)[field] == ours[field]


def test_a_reference_removed_on_the_live_page_is_removed_from_the_draft():
    ours = snapshot(references=[REFERENCE, ReferenceInput(citation="Guideline.", doi="10.5/b")])
    theirs = snapshot(references=[])

    result = merge_content(base=snapshot(), ours=ours, theirs=theirs)

    assert [r.citation for r in result.references] == ["Guideline."]


def test_a_reference_the_draft_removed_stays_removed():
    result = merge_content(base=snapshot(), ours=snapshot(references=[]), theirs=snapshot())

    assert result.references == []


def test_sections_are_matched_by_heading_whatever_the_case_and_spacing():
    theirs = snapshot(
        sections=[
            SECTIONS[0],
            SectionInput("  treatment ", change(BASE, "a procedure", "ablation")),
        ]
    )
    ours = snapshot(
        sections=[SECTIONS[0], SectionInput("Treatment", change(BASE, "Medicines", "Drugs"))]
    )

    result = merge_content(base=snapshot(), ours=ours, theirs=theirs)

    assert result.conflicts == []
    assert len(result.sections) == 2
    assert result.sections[1].body == change(
        change(BASE, "Medicines", "Drugs"), "a procedure", "ablation"
    )
