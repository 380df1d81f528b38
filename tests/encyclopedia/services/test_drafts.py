"""Drafting a change: revision_start_draft and revision_save_draft."""

import datetime
import zoneinfo

import pytest
from django.core.exceptions import ValidationError

from core.errors import InvalidTransition
from encyclopedia import services
from encyclopedia.models import Reference, Revision, Section
from encyclopedia.services import ReferenceInput, SectionInput, StaleDraft
from tests.encyclopedia.factories import draft_article, edited_draft, publish, published_article

TODAY = datetime.datetime(2026, 11, 27, 12, tzinfo=zoneinfo.ZoneInfo("America/New_York"))

LIVE_SECTIONS = [
    SectionInput("Causes", "A fast, irregular heartbeat."),
    SectionInput("Symptoms", "Palpitations and breathlessness."),
    SectionInput("Treatment", "Medicines slow the heart rate."),
]
LIVE_REFERENCES = [
    ReferenceInput(
        citation="Marlow JT, Osei A. Extended-interval dosing. J Demo Clin Med. 2021;14:211-9.",
        url="https://doi.org/10.5555/stet.demo.2021.0142",
        accessed_on=datetime.date(2024, 7, 1),
        pubmed_id="31234567",
        doi="10.5555/stet.demo.2021.0142",
    ),
    ReferenceInput(citation="Demo Heart Society. Rhythm guideline. 2023."),
]


@pytest.fixture(autouse=True)
def today(time_machine):
    time_machine.move_to(TODAY, tick=False)


@pytest.fixture
def article(cardiology, maria):
    return published_article(
        title="Atrial fibrillation",
        summary="An irregular heartbeat.",
        specialty=cardiology,
        author=maria,
        sections=LIVE_SECTIONS,
        references=LIVE_REFERENCES,
    )


def content_of(revision: Revision):
    sections = [(s.position, s.heading, s.body) for s in Section.objects.filter(revision=revision)]
    references = [
        (r.position, r.citation, r.url, r.accessed_on, r.pubmed_id, r.doi)
        for r in Reference.objects.filter(revision=revision)
    ]
    return sections, references


def save(draft: Revision, editor, *, expected_version: int | None = None, **changes) -> Revision:
    """Save `draft` as `editor` would from a form loaded now, with `changes` applied."""
    sections, references = services.revision_content(draft)
    return services.revision_save_draft(
        revision=draft,
        editor=editor,
        expected_version=draft.edit_version if expected_version is None else expected_version,
        title=changes.get("title", draft.title),
        summary=changes.get("summary", draft.summary),
        sections=changes.get("sections", sections),
        references=changes.get("references", references),
    )


# --- Starting a draft -----------------------------------------------------------------


def test_a_new_draft_copies_the_live_revision(article, tom):
    live = article.live_revision

    draft = services.revision_copy_to_draft(article=article, author=tom)

    assert draft.number == 2
    assert draft.state == Revision.State.DRAFT
    assert draft.title == "Atrial fibrillation"
    assert draft.summary == "An irregular heartbeat."
    assert draft.based_on == live
    assert draft.copied_from == live
    assert draft.author == tom
    assert list(draft.contributors.all()) == [tom]
    assert content_of(draft) == content_of(live)
    assert [heading for _, heading, _ in content_of(draft)[0]] == [
        "Causes",
        "Symptoms",
        "Treatment",
    ]


def test_a_new_draft_copies_every_field_of_every_reference(article, tom):
    draft = services.revision_copy_to_draft(article=article, author=tom)

    copied = draft.references.all()[0]
    assert copied.citation.startswith("Marlow JT")
    assert copied.url == "https://doi.org/10.5555/stet.demo.2021.0142"
    assert copied.accessed_on == datetime.date(2024, 7, 1)
    assert copied.pubmed_id == "31234567"
    assert copied.doi == "10.5555/stet.demo.2021.0142"


def test_a_new_draft_has_its_own_rows_and_leaves_the_live_revision_untouched(article, tom):
    live = article.live_revision
    live_content = content_of(live)
    live_section_ids = set(live.sections.values_list("pk", flat=True))
    section_history = Section.history.filter(revision_id=live.pk).count()

    draft = services.revision_copy_to_draft(article=article, author=tom)
    save(draft, tom, title="AFib", sections=[SectionInput("Causes", "Rewritten.")])

    live.refresh_from_db()
    assert live.state == Revision.State.PUBLISHED
    assert live.title == "Atrial fibrillation"
    assert content_of(live) == live_content
    assert set(live.sections.values_list("pk", flat=True)) == live_section_ids
    assert not live_section_ids & set(draft.sections.values_list("pk", flat=True))
    assert Section.history.filter(revision_id=live.pk).count() == section_history
    article.refresh_from_db()
    assert article.live_revision == live
    assert article.title == "Atrial fibrillation"


def test_a_draft_started_from_an_earlier_version_copies_that_version(article, maria, tom):
    first = article.live_revision
    second = edited_draft(
        article,
        editor=maria,
        title="AFib",
        summary="Rewritten summary.",
        sections=[SectionInput("Overview", "All new.")],
        references=[],
    )
    publish(second)
    article.refresh_from_db()

    revert = services.revision_copy_to_draft(article=article, author=tom, source=first)

    assert revert.number == 3
    assert revert.title == "Atrial fibrillation"
    assert revert.summary == "An irregular heartbeat."
    assert content_of(revert) == content_of(first)
    assert revert.copied_from == first
    assert revert.based_on == article.live_revision
    assert article.live_revision.pk == second.pk
    assert "revert" in revert.history.latest().history_change_reason


def test_a_never_published_article_cannot_get_a_new_draft(cardiology, maria, tom):
    article = draft_article(specialty=cardiology, author=maria)

    with pytest.raises(InvalidTransition):
        services.revision_copy_to_draft(article=article, author=tom)

    assert article.revisions.count() == 1


def test_a_retired_article_cannot_get_a_new_draft(article, brenda, tom):
    services.article_mark_retired(article=article, user=brenda, reason="Merged into Arrhythmia")

    with pytest.raises(InvalidTransition):
        services.revision_copy_to_draft(article=article, author=tom)

    assert article.revisions.count() == 1


def test_a_draft_cannot_start_from_an_unpublished_revision(article, maria, tom):
    unpublished = edited_draft(article, editor=maria, title="Unpublished")

    with pytest.raises(InvalidTransition):
        services.revision_copy_to_draft(article=article, author=tom, source=unpublished)


def test_a_draft_cannot_start_from_another_articles_revision(article, cardiology, maria, tom):
    other = published_article(title="Angina", specialty=cardiology, author=maria)

    with pytest.raises(InvalidTransition):
        services.revision_copy_to_draft(article=article, author=tom, source=other.live_revision)


# --- Saving a draft --------------------------------------------------------------------


def test_saving_a_draft_stores_its_content(article, tom):
    draft = services.revision_copy_to_draft(article=article, author=tom)

    save(
        draft,
        tom,
        title="Atrial fibrillation (AFib)",
        summary="A common irregular heartbeat.",
        sections=[SectionInput("Causes", "New causes."), SectionInput("Outlook", "Good.")],
        references=[ReferenceInput("ACC/AHA guideline 2025.", url="https://example.org/g")],
    )

    draft.refresh_from_db()
    assert draft.title == "Atrial fibrillation (AFib)"
    assert draft.summary == "A common irregular heartbeat."
    assert content_of(draft) == (
        [(0, "Causes", "New causes."), (1, "Outlook", "Good.")],
        [(0, "ACC/AHA guideline 2025.", "https://example.org/g", None, "", "")],
    )


def test_each_save_bumps_the_edit_version(article, tom):
    draft = services.revision_copy_to_draft(article=article, author=tom)
    assert draft.edit_version == 1

    draft = save(draft, tom, summary="Once.")
    draft = save(draft, tom, summary="Twice.")

    assert Revision.objects.get(pk=draft.pk).edit_version == 3


def test_an_editor_who_saves_a_draft_becomes_a_contributor(article, maria, tom):
    draft = services.revision_copy_to_draft(article=article, author=maria)

    save(draft, tom, summary="Tom's wording.")

    assert set(draft.contributors.all()) == {maria, tom}
    assert Revision.objects.get(pk=draft.pk).author == maria


def test_editing_one_section_changes_only_that_row(article, maria, tom):
    draft = services.revision_copy_to_draft(article=article, author=maria)
    causes, symptoms, treatment = draft.sections.all()
    sections, _ = services.revision_content(draft)
    sections[2] = SectionInput("Treatment", "Anticoagulants prevent strokes.")

    save(draft, tom, sections=sections)

    assert list(draft.sections.values_list("pk", flat=True)) == [
        causes.pk,
        symptoms.pk,
        treatment.pk,
    ]
    assert Section.objects.get(pk=treatment.pk).body == "Anticoagulants prevent strokes."
    assert causes.history.count() == 1
    assert symptoms.history.count() == 1
    copied, changed = treatment.history.order_by("history_id")
    assert changed.history_type == "~"
    assert changed.history_user == tom
    assert changed.history_change_reason == "Draft v2 edited"
    assert [change.field for change in changed.diff_against(copied).changes] == ["body"]


def test_rows_beyond_the_new_content_are_removed(article, tom):
    draft = services.revision_copy_to_draft(article=article, author=tom)
    kept = draft.sections.all()[0]
    removed = list(draft.sections.all()[1:]) + list(draft.references.all())

    save(
        draft, tom, sections=[SectionInput("Causes", "A fast, irregular heartbeat.")], references=[]
    )

    assert list(draft.sections.all()) == [kept]
    assert not draft.references.exists()
    for row in removed:
        deletion = type(row).history.filter(id=row.pk).latest()
        assert deletion.history_type == "-"
        assert deletion.history_user == tom


def test_a_save_from_a_stale_copy_is_refused_and_names_who_saved_first(
    article, maria, tom, time_machine
):
    draft = services.revision_copy_to_draft(article=article, author=maria)
    marias_copy_version = draft.edit_version
    time_machine.move_to(TODAY + datetime.timedelta(minutes=5), tick=False)
    save(draft, tom, title="Tom's title", summary="Tom's summary.")
    time_machine.move_to(TODAY + datetime.timedelta(minutes=7), tick=False)

    with pytest.raises(StaleDraft) as refused:
        save(
            draft,
            maria,
            expected_version=marias_copy_version,
            title="Maria's title",
            sections=[SectionInput("Causes", "Maria's text.")],
        )

    assert str(refused.value).startswith("Tom Becker changed this draft ")
    assert refused.value.changed_by == tom
    assert refused.value.code == "stale_version"
    draft.refresh_from_db()
    assert draft.title == "Tom's title"
    assert draft.summary == "Tom's summary."
    assert draft.edit_version == marias_copy_version + 1
    assert [s.heading for s in draft.sections.all()] == ["Causes", "Symptoms", "Treatment"]
    assert set(draft.contributors.all()) == {maria, tom}


def test_a_revision_in_review_cannot_be_edited(article, maria):
    draft = services.revision_copy_to_draft(article=article, author=maria)
    Revision.objects.filter(pk=draft.pk).update(state=Revision.State.IN_REVIEW)
    before = content_of(draft)

    with pytest.raises(InvalidTransition):
        save(draft, maria, title="Changed in review", sections=[])

    draft.refresh_from_db()
    assert draft.title == "Atrial fibrillation"
    assert draft.edit_version == 1
    assert content_of(draft) == before


def test_a_revision_sent_back_with_changes_requested_can_be_edited(article, maria):
    draft = services.revision_copy_to_draft(article=article, author=maria)
    Revision.objects.filter(pk=draft.pk).update(state=Revision.State.CHANGES_REQUESTED)
    draft.refresh_from_db()

    save(draft, maria, summary="Answered the reviewer.")

    assert Revision.objects.get(pk=draft.pk).summary == "Answered the reviewer."


def test_a_published_revision_cannot_be_edited_as_a_draft(article, maria):
    live = article.live_revision

    with pytest.raises(InvalidTransition):
        save(live, maria, title="Edited live")

    assert Revision.objects.get(pk=live.pk).title == "Atrial fibrillation"


BAD_INPUT = {
    "an oversized section body": {"sections": [SectionInput("Causes", "x" * 60_001)]},
    "a javascript: reference link": {
        "references": [ReferenceInput("A citation.", url="javascript:alert(1)")]
    },
    "a malformed DOI": {"references": [ReferenceInput("A citation.", doi="abc")]},
    "a malformed PubMed id": {"references": [ReferenceInput("A citation.", pubmed_id="PMID12")]},
}


@pytest.mark.parametrize("bad_input", BAD_INPUT.values(), ids=BAD_INPUT.keys())
def test_bad_input_is_refused_and_nothing_of_that_save_is_written(article, maria, tom, bad_input):
    draft = services.revision_copy_to_draft(article=article, author=maria)
    before = content_of(draft)
    history = Revision.history.count() + Section.history.count() + Reference.history.count()

    with pytest.raises(ValidationError):
        save(draft, tom, title="A title that must not be saved", **bad_input)

    draft.refresh_from_db()
    assert draft.title == "Atrial fibrillation"
    assert draft.edit_version == 1
    assert content_of(draft) == before
    assert list(draft.contributors.all()) == [maria]
    assert Revision.history.count() + Section.history.count() + Reference.history.count() == history


def test_a_section_body_at_the_limit_is_accepted(article, maria):
    draft = services.revision_copy_to_draft(article=article, author=maria)

    save(draft, maria, sections=[SectionInput("Causes", "x" * 60_000)])

    assert len(draft.sections.get().body) == 60_000
