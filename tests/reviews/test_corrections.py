"""reviews.corrections: which changes may go out as a correction, without a medical review.

Pure functions over two contents; no database."""

import dataclasses
import datetime
from types import SimpleNamespace

import pytest

from encyclopedia.services import ReferenceInput, SectionInput
from reviews.corrections import ChangeAssessment, Content, change_assess

CAUSES = (
    "People with asthma have sensitive airways that react to triggers by swelling. "
    "Common triggers include:\n\n- Colds and other infections\n- Pollen and dust mites"
)
TREATMENT = (
    "Your provider will write an asthma action plan with you. "
    "Adults take 5 mg of the controller medicine each day. "
    "See the [inhaler guide](https://example.org/inhalers) for technique."
)
OUTLOOK = "Most people with asthma can be fully active. Asthma cannot be cured."

LIVE = Content(
    title="Asthma",
    summary="Asthma makes the airways narrow. It often begins in childhood.",
    sections=(
        SectionInput(heading="Causes", body=CAUSES),
        SectionInput(heading="Treatment", body=TREATMENT),
        SectionInput(heading="Outlook", body=OUTLOOK),
    ),
    references=(
        ReferenceInput(citation="Global Initiative for Asthma. Global strategy. 2024."),
        ReferenceInput(
            citation="Smith J. Inhaled corticosteroids in adults. Lancet. 2020;395:10-20.",
            url="https://example.org/smith",
            accessed_on=datetime.date(2025, 1, 10),
            pubmed_id="31234567",
            doi="10.1016/S0140-6736(20)30001-1",
        ),
    ),
)


def edit_body(heading: str, old: str, new: str, content: Content = LIVE) -> Content:
    """`content` with `old` replaced by `new` in the body of the section `heading`."""
    sections = []
    for section in content.sections:
        if section.heading == heading:
            assert old in section.body, f"{old!r} is not in {heading}"
            section = SectionInput(heading=section.heading, body=section.body.replace(old, new))
        sections.append(section)
    return dataclasses.replace(content, sections=tuple(sections))


def edit_reference(number: int, **changes) -> Content:
    references = list(LIVE.references)
    references[number - 1] = dataclasses.replace(references[number - 1], **changes)
    return dataclasses.replace(LIVE, references=tuple(references))


def assess(draft: Content, **options) -> ChangeAssessment:
    return change_assess(live=LIVE, draft=draft, **options)


# --- What a correction may fix ---------------------------------------------------------


def test_identical_content_is_a_correction_with_no_changes():
    result = assess(LIVE)

    assert result == ChangeAssessment(is_correction=True, changed_words=0, reasons=(), notes=())
    assert result.message == ""


def test_a_misspelt_word_fixed_is_a_correction_of_one_word():
    live = edit_body("Causes", "sensitive", "sensative")

    result = change_assess(live=live, draft=LIVE)

    assert result.is_correction
    assert result.changed_words == 1
    assert result.reasons == ()
    assert result.notes == ("Spelling and punctuation: 1 word (Causes)",)


def test_a_comma_added_is_a_correction():
    result = assess(
        edit_body("Outlook", "Most people with asthma can", "Most people, with asthma, can")
    )

    assert result.is_correction
    assert result.changed_words == 2


def test_a_spelling_fix_in_the_title_is_a_correction():
    live = dataclasses.replace(LIVE, title="Asthmaa")

    result = change_assess(live=live, draft=LIVE)

    assert result.is_correction
    assert result.notes == ("Spelling and punctuation: 1 word (the title)",)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("an asthma action plan", "an **asthma action plan**"),
        ("an asthma action plan", "an *asthma* _action_ `plan`"),
        ("Adults take 5 mg", "Adults take\n5 mg"),
        ("Adults take 5 mg", "Adults   take 5 mg"),
    ],
)
def test_markdown_emphasis_and_spacing_change_no_words(old, new):
    result = assess(edit_body("Treatment", old, new))

    assert result.is_correction
    assert result.changed_words == 0
    assert result.notes == ("Formatting: Treatment",)


def test_crlf_line_endings_and_list_markers_change_no_words():
    body = CAUSES.replace("\n", "\r\n").replace("- ", "* ")
    draft = edit_body("Causes", CAUSES, body)

    result = assess(draft)

    assert result.is_correction
    assert result.changed_words == 0
    assert result.notes == ("Formatting: Causes",)


def test_a_paragraph_turned_into_a_numbered_list_changes_no_words():
    draft = edit_body(
        "Outlook",
        OUTLOOK,
        "1. Most people with asthma can be fully active.\n2. Asthma cannot be cured.",
    )

    result = assess(draft)

    assert result.is_correction
    assert result.changed_words == 0


def test_a_link_changed_in_a_body_is_a_correction_with_a_note():
    draft = edit_body(
        "Treatment", "https://example.org/inhalers", "https://example.org/inhaler-guide"
    )

    result = assess(draft)

    assert result.is_correction
    assert result.changed_words == 0
    assert result.notes == ("Treatment: link changed",)


def test_a_bare_address_changed_in_a_body_is_a_correction():
    live = edit_body("Outlook", "fully active.", "fully active (see https://example.org/a1).")
    draft = edit_body("Outlook", "fully active.", "fully active (see https://example.org/b2).")

    result = change_assess(live=live, draft=draft)

    assert result.is_correction
    assert result.changed_words == 0
    assert result.notes == ("Outlook: link changed",)


def test_a_reference_link_and_accessed_date_changed_are_a_correction_with_a_note():
    draft = edit_reference(
        2, url="https://example.org/smith-2020", accessed_on=datetime.date(2026, 11, 1)
    )

    result = assess(draft)

    assert result.is_correction
    assert result.changed_words == 0
    assert result.notes == ("Reference 2: link and accessed date changed",)


def test_a_doi_written_as_a_link_is_the_same_doi():
    draft = edit_reference(2, doi="https://doi.org/10.1016/s0140-6736(20)30001-1")

    assert assess(draft).is_correction


# --- What needs a medical review -------------------------------------------------------


def test_a_dose_change_is_not_a_correction():
    result = assess(edit_body("Treatment", "5 mg", "50 mg"))

    assert not result.is_correction
    assert result.changed_words == 1
    assert result.reasons == ("In Treatment, “5 mg” became “50 mg”.",)


def test_a_unit_change_next_to_the_same_number_is_not_a_correction():
    result = assess(edit_body("Treatment", "5 mg", "5 g"))

    assert result.reasons == ("In Treatment, “5 mg” became “5 g”.",)


def test_a_number_added_is_not_a_correction():
    live = edit_body("Outlook", "Asthma cannot be cured.", "Take tablets with food.")
    draft = edit_body("Outlook", "Asthma cannot be cured.", "Take 2 tablets with food.")

    result = change_assess(live=live, draft=draft)

    assert not result.is_correction
    assert result.changed_words == 1
    assert result.reasons == ("In Outlook, “2 tablets” was added.",)


def test_a_number_removed_is_not_a_correction():
    result = assess(edit_body("Treatment", "take 5 mg of", "take some of"))

    assert result.reasons == ("In Treatment, “5 mg” was removed.",)


def test_a_number_spelt_out_in_digits_is_not_a_correction():
    live = edit_body("Outlook", "Asthma cannot be cured.", "Use it twice a day.")
    draft = edit_body("Outlook", "Asthma cannot be cured.", "Use it 2 times a day.")

    assert change_assess(live=live, draft=draft).reasons == (
        "In Outlook, “twice” became “2 times”.",
    )


def test_the_spacing_of_a_dose_is_not_a_change_of_dose():
    result = assess(edit_body("Treatment", "5 mg", "5mg"))

    assert result.is_correction


@pytest.mark.parametrize(
    ("old", "new", "reason"),
    [
        ("5 mg", "5 mg/kg", "“5 mg” became “5 mg/kg”"),
        ("5 mg", "<5 mg", "“5 mg” became “<5 mg”"),
        ("5 mg", "2.5 mg", "“5 mg” became “2.5 mg”"),
        ("each day", "for 14 days", "“14 days” was added"),
        ("5 mg of the controller", "5 mg of the B12", "“B12” was added"),
    ],
)
def test_any_number_or_unit_changed_is_not_a_correction(old, new, reason):
    result = assess(edit_body("Treatment", old, new))

    assert result.reasons == (f"In Treatment, {reason}.",)


def test_a_number_changed_in_the_title_summary_or_a_citation_is_not_a_correction():
    references = list(LIVE.references)
    references[1] = dataclasses.replace(
        references[1], citation=references[1].citation.replace("2020", "2021")
    )
    draft = dataclasses.replace(
        LIVE,
        title="Asthma in 2 forms",
        summary=LIVE.summary.replace("narrow.", "narrow in 9 of 10 people."),
        references=tuple(references),
    )
    live = dataclasses.replace(LIVE, title="Asthma in 3 forms")

    result = change_assess(live=live, draft=draft)

    assert result.reasons == (
        "In the title, “3” became “2”.",
        "In the summary, “9” was added.",
        "In the summary, “10” was added.",
        "In Reference 2, “2020” became “2021”.",
    )


def test_a_new_sentence_is_not_a_correction():
    result = assess(edit_body("Outlook", "be cured.", "be cured. Avoid smoke."))

    assert not result.is_correction
    assert result.changed_words == 3
    assert result.reasons == ("In Outlook, a sentence was added: “Avoid smoke.”",)


def test_a_sentence_removed_from_the_summary_is_not_a_correction():
    draft = dataclasses.replace(LIVE, summary="Asthma makes the airways narrow.")

    result = assess(draft)

    assert result.reasons == (
        "In the summary, a sentence was removed: “It often begins in childhood.”",
    )


def test_a_removed_section_is_not_a_correction_and_is_named():
    draft = dataclasses.replace(LIVE, sections=(LIVE.sections[0], LIVE.sections[2]))

    result = assess(draft)

    assert not result.is_correction
    # Outlook is still compared with Outlook, not with Treatment: nothing else is reported
    # but the removed section's words.
    assert result.reasons == (
        "The section “Treatment” was removed.",
        "In all, 30 words changed; a correction may change no more than 10 words.",
    )


def test_an_added_section_is_not_a_correction():
    draft = dataclasses.replace(
        LIVE, sections=(*LIVE.sections, SectionInput(heading="Prevention", body="Avoid smoke."))
    )

    result = assess(draft)

    assert result.reasons == ("A section was added: “Prevention”.",)
    assert result.changed_words == 4


def test_a_section_renamed_is_counted_as_words():
    sections = list(LIVE.sections)
    sections[2] = SectionInput(heading="Outlook (Prognosis)", body=OUTLOOK)

    result = assess(dataclasses.replace(LIVE, sections=tuple(sections)))

    assert result.is_correction
    assert result.changed_words == 3


def test_an_added_reference_is_not_a_correction():
    added = ReferenceInput(citation="Jones K. Asthma in children. BMJ.")
    draft = dataclasses.replace(LIVE, references=(*LIVE.references, added))

    result = assess(draft)

    assert not result.is_correction
    assert result.reasons == ("Reference 3 was added: “Jones K. Asthma in children. BMJ.”",)


def test_a_removed_reference_is_not_a_correction():
    draft = dataclasses.replace(LIVE, references=LIVE.references[1:])

    result = assess(draft)

    assert result.reasons == (
        "Reference 1 was removed: “Global Initiative for Asthma. Global strategy. 2024.”",
    )


def test_a_doi_change_is_not_a_correction():
    result = assess(edit_reference(2, doi="10.1016/S0140-6736(20)30002-2"))

    assert not result.is_correction
    assert result.reasons == (
        "In Reference 2, the DOI changed from “10.1016/s0140-6736(20)30001-1” to "
        "“10.1016/s0140-6736(20)30002-2”, so it may cite a different source.",
    )


def test_a_pubmed_id_added_is_not_a_correction():
    result = assess(edit_reference(1, pubmed_id="30000001"))

    assert result.reasons == (
        "In Reference 1, the PubMed id “30000001” was added, so it may cite a different source.",
    )


MISSPELT = [
    ("Causes", "People", "Peeple"),
    ("Causes", "sensitive", "sensative"),
    ("Causes", "airways", "airwaes"),
    ("Causes", "swelling", "swellin"),
    ("Causes", "Common", "Comon"),
    ("Causes", "infections", "infectons"),
    ("Treatment", "provider", "providor"),
    ("Treatment", "action", "acton"),
    ("Treatment", "controller", "controler"),
    ("Outlook", "people", "peopel"),
    ("Outlook", "cured", "curred"),
]


def misspelt_live() -> Content:
    live = LIVE
    for heading, right, wrong in MISSPELT:
        live = edit_body(heading, right, wrong, content=live)
    return live


def test_eleven_spelling_fixes_are_more_than_a_budget_of_ten():
    result = change_assess(live=misspelt_live(), draft=LIVE, word_budget=10)

    assert not result.is_correction
    assert result.changed_words == 11
    assert result.reasons == (
        "In all, 11 words changed; a correction may change no more than 10 words.",
    )
    assert "more than 10 words" in result.message


def test_eleven_spelling_fixes_are_a_correction_with_a_budget_of_eleven():
    result = change_assess(live=misspelt_live(), draft=LIVE, word_budget=11)

    assert result.is_correction
    assert result.notes == ("Spelling and punctuation: 11 words (Causes, Treatment, Outlook)",)


# --- The message -----------------------------------------------------------------------


def test_the_refusal_message_gives_the_first_reasons_and_asks_for_an_update():
    result = assess(edit_body("Treatment", "5 mg", "50 mg"))

    assert result.message == (
        "This change alters medical content, so it needs a medical review: "
        "In Treatment, “5 mg” became “50 mg”. Submit it as an update."
    )


def test_the_refusal_message_with_many_reasons_shows_two_and_counts_the_rest():
    draft = edit_body("Treatment", "5 mg", "50 mg")
    draft = edit_body("Outlook", "be cured.", "be cured. Avoid smoke.", content=draft)
    draft = dataclasses.replace(draft, references=draft.references[:1])

    result = assess(draft)
    message = result.message

    assert len(result.reasons) == 4  # and the reference's words put it over the budget

    assert message.startswith(
        "This change alters medical content, so it needs a medical review: "
        "In Treatment, “5 mg” became “50 mg”. In Outlook, a sentence was added: “Avoid smoke.” "
    )
    assert message.endswith(" And 2 more changes. Submit it as an update.")


# --- Reading a revision ----------------------------------------------------------------


def test_content_of_a_revision_reads_its_title_summary_sections_and_references():
    section = SimpleNamespace(heading="Treatment", body=TREATMENT)
    reference = SimpleNamespace(
        citation="Smith J.", url="", accessed_on=None, pubmed_id="", doi="", published_year=None
    )
    revision = SimpleNamespace(
        title="Asthma",
        summary="Asthma makes the airways narrow.",
        sections=SimpleNamespace(all=lambda: [section]),
        references=SimpleNamespace(all=lambda: [reference]),
    )

    assert Content.of(revision) == Content(
        title="Asthma",
        summary="Asthma makes the airways narrow.",
        sections=(SectionInput(heading="Treatment", body=TREATMENT),),
        references=(ReferenceInput(citation="Smith J."),),
    )


def test_a_frequency_written_in_words_is_not_a_correction():
    draft = edit_body("Treatment", "each day", "twice a day", LIVE)

    assessment = change_assess(live=edit_body("Treatment", "each day", "once a day"), draft=draft)

    assert not assessment.is_correction
    assert "“once” became “twice”" in assessment.message
