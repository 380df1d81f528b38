"""services.revision_rebase: a draft whose live page changed is replayed onto the new live
revision (a three-way merge), and its old sign-offs are void."""

import dataclasses

import pytest

from core.errors import InvalidTransition, PermissionDenied
from encyclopedia import services as content
from encyclopedia.models import Revision
from encyclopedia.services import ReferenceInput, SectionInput
from reviews import services
from reviews.models import Approval, AuditEvent, Submission
from tests.reviews.factories import (
    GUIDELINE_2025,
    LIVE_REFERENCES,
    LIVE_SECTIONS,
    NEW_TREATMENT,
    TODAY,
    approved_revision,
    draft_change,
    fresh,
    last_event,
    published_revision,
    revision_in_state,
    submit,
    submitted_revision,
    workflow_snapshot,
)

State = Revision.State
CAUSES, TREATMENT = (s.body for s in LIVE_SECTIONS)
# Treatment is three sentences; each test changes some of them on each side.
FIRST = "Medicines slow the heart rate."
SECOND = "Anticoagulants prevent clots in people at risk of stroke."
THIRD = "Some people need a procedure to restore a normal rhythm."
assert f"{FIRST} {SECOND} {THIRD}" == TREATMENT


def with_sections(**bodies) -> list[SectionInput]:
    """The live sections with some bodies replaced (keyword = heading)."""
    return [SectionInput(s.heading, bodies.get(s.heading, s.body)) for s in LIVE_SECTIONS]


def bodies(revision) -> dict[str, str]:
    return dict(fresh(revision).sections.values_list("heading", "body"))


def headings(revision) -> list[str]:
    return list(fresh(revision).sections.values_list("heading", flat=True))


def rebase(revision, editor):
    return services.revision_rebase(revision=revision, editor=editor)


@pytest.fixture
def publish_on_live(article, tom, signers):
    """Tom publishes his change to the live page (v3 once Maria's draft is v2)."""

    def publish(**changes):
        return published_revision(article, editor=tom, signers=signers, **changes)

    return publish


def test_changes_to_different_sections_both_survive(article, maria, publish_on_live):
    draft = draft_change(article, editor=maria)  # Treatment
    live = publish_on_live(sections=with_sections(Causes="It starts in the atria."))

    result = rebase(draft, maria)

    assert result.conflicts == []
    assert bodies(draft) == {"Causes": "It starts in the atria.", "Treatment": NEW_TREATMENT}
    assert fresh(draft).based_on == live


def test_a_live_change_after_the_drafts_change_in_one_section_survives(
    article, maria, publish_on_live
):
    draft = draft_change(article, editor=maria)  # the second sentence
    live_third = "Some people need catheter ablation to restore a normal rhythm."
    publish_on_live(sections=with_sections(Treatment=f"{FIRST} {SECOND} {live_third}"))

    result = rebase(draft, maria)

    assert result.conflicts == []
    assert bodies(draft)["Treatment"] == NEW_TREATMENT.replace(THIRD, live_third)


def test_a_live_change_before_the_drafts_change_in_one_section_survives(
    article, maria, publish_on_live
):
    draft = draft_change(article, editor=maria)  # the second sentence
    live_first = "Beta blockers and other medicines slow the heart rate."
    publish_on_live(sections=with_sections(Treatment=f"{live_first} {SECOND} {THIRD}"))

    result = rebase(draft, maria)

    assert result.conflicts == []
    assert bodies(draft)["Treatment"] == NEW_TREATMENT.replace(FIRST, live_first)


def test_overlapping_changes_are_reported_and_the_drafts_text_is_kept(
    article, maria, publish_on_live
):
    draft = draft_change(article, editor=maria)  # the second sentence
    publish_on_live(
        sections=with_sections(
            Treatment=f"{FIRST} Anticoagulants prevent clots in people over 65. {THIRD}"
        )
    )

    result = rebase(draft, maria)

    assert result.conflicts == ["Treatment"]
    assert bodies(draft)["Treatment"] == NEW_TREATMENT
    event = last_event(draft)
    assert event.action == "rebase"
    assert event.note == "Rebased onto the live v3; conflicts in Treatment"


def test_a_section_added_on_the_live_page_appears_where_it_stands_there(
    article, maria, publish_on_live
):
    draft = draft_change(article, editor=maria)
    publish_on_live(
        sections=[
            LIVE_SECTIONS[0],
            SectionInput("Symptoms", "Palpitations and breathlessness."),
            LIVE_SECTIONS[1],
        ]
    )

    rebase(draft, maria)

    assert headings(draft) == ["Causes", "Symptoms", "Treatment"]
    assert bodies(draft)["Treatment"] == NEW_TREATMENT


def test_a_section_the_draft_added_is_kept(article, maria, publish_on_live):
    draft = draft_change(
        article,
        editor=maria,
        sections=[*LIVE_SECTIONS, SectionInput("Outlook", "Most people live well.")],
    )
    publish_on_live(sections=with_sections(Causes="It starts in the atria."))

    rebase(draft, maria)

    assert headings(draft) == ["Causes", "Treatment", "Outlook"]
    assert bodies(draft)["Causes"] == "It starts in the atria."


def test_a_section_removed_on_the_live_page_and_untouched_in_the_draft_goes(
    article, maria, publish_on_live
):
    draft = draft_change(article, editor=maria)
    publish_on_live(sections=[LIVE_SECTIONS[1]])

    result = rebase(draft, maria)

    assert result.conflicts == []
    assert headings(draft) == ["Treatment"]
    assert bodies(draft)["Treatment"] == NEW_TREATMENT


def test_a_section_the_draft_removed_but_the_live_page_changed_comes_back_as_a_conflict(
    article, maria, publish_on_live
):
    draft = draft_change(article, editor=maria, sections=[LIVE_SECTIONS[1]])
    publish_on_live(sections=with_sections(Causes="It starts in the atria."))

    result = rebase(draft, maria)

    assert result.conflicts == ["Causes"]
    assert bodies(draft) == {"Causes": "It starts in the atria.", "Treatment": TREATMENT}


def test_references_added_on_either_side_are_all_kept(article, maria, publish_on_live):
    draft = draft_change(article, editor=maria)  # adds the 2025 guideline
    added_live = ReferenceInput(citation="Demo registry report. 2026.", pubmed_id="39876543")
    publish_on_live(references=[*LIVE_REFERENCES, added_live])

    rebase(draft, maria)

    assert content.revision_content(fresh(draft))[1] == [
        *LIVE_REFERENCES,
        GUIDELINE_2025,
        added_live,
    ]


def test_a_reference_corrected_on_the_live_page_keeps_the_correction(
    article, maria, publish_on_live
):
    draft = draft_change(article, editor=maria)  # adds a reference, keeps the others as they were
    corrected = dataclasses.replace(
        LIVE_REFERENCES[0],
        citation="Marlow JT, Osei A. Extended-interval dosing. J Demo Clin Med. 2021;14:211-219.",
    )
    publish_on_live(references=[corrected, LIVE_REFERENCES[1]])

    rebase(draft, maria)

    references = content.revision_content(fresh(draft))[1]
    assert references[0] == corrected
    assert GUIDELINE_2025 in references


def test_a_title_changed_on_the_live_page_follows_it(article, maria, publish_on_live):
    draft = draft_change(article, editor=maria)
    publish_on_live(title="Atrial fibrillation (AFib)")

    rebase(draft, maria)

    assert fresh(draft).title == "Atrial fibrillation (AFib)"


def test_rebasing_records_the_new_base_in_the_audit_trail_and_history(
    article, maria, publish_on_live
):
    draft = draft_change(article, editor=maria)
    version = draft.edit_version
    live = publish_on_live(sections=with_sections(Causes="It starts in the atria."))

    rebase(draft, maria)

    draft = fresh(draft)
    assert draft.based_on == live
    assert draft.state == State.DRAFT
    assert draft.edit_version == version + 1
    event = last_event(draft)
    assert (event.action, event.actor, event.from_state, event.to_state, event.note) == (
        "rebase",
        maria,
        State.DRAFT,
        State.DRAFT,
        "Rebased onto the live v3",
    )
    latest = draft.history.first()
    assert (latest.history_user, latest.history_change_reason) == (
        maria,
        "Rebased onto the live v3",
    )


def test_a_rebased_draft_can_be_submitted_again(article, maria, okafor, publish_on_live):
    draft = draft_change(article, editor=maria)
    publish_on_live(sections=with_sections(Causes="It starts in the atria."))
    rebase(draft, maria)

    submit(draft)

    assert fresh(draft).state == State.IN_REVIEW


def test_a_superseded_revision_is_rebased_back_to_draft(article, maria, tom, signers):
    revision = revision_in_state(
        State.SUPERSEDED, article, editor=maria, other_editor=tom, signers=signers
    )

    rebase(revision, maria)

    revision = fresh(revision)
    assert revision.state == State.DRAFT
    assert revision.based_on == fresh(article).live_revision
    assert [
        e.from_state for e in AuditEvent.objects.filter(revision=revision, action="rebase")
    ] == [
        State.SUPERSEDED,
        State.DRAFT,
    ]
    submit(revision, change_summary="Rebased")
    assert fresh(revision).state == State.IN_REVIEW


def test_rebasing_an_approved_revision_voids_its_sign_offs(article, maria, tom, signers):
    revision = approved_revision(article, editor=maria, signers=signers)
    # The live page changed underneath (through the content layer, as an import would).
    other = content.revision_copy_to_draft(article=article, author=tom)
    content.article_publish_revision(
        revision=other, user=tom, published_at=TODAY, reason="Imported"
    )

    rebase(revision, maria)

    revision = fresh(revision)
    assert revision.state == State.DRAFT
    assert revision.based_on == other
    assert Submission.objects.get(revision=revision).state == Submission.State.VOIDED
    assert not Submission.objects.filter(
        revision=revision, state__in=Submission.LIVE_STATES
    ).exists()


def test_a_revision_sent_back_is_rebased_to_draft(article, maria, tom, signers, publish_on_live):
    revision = revision_in_state(
        State.CHANGES_REQUESTED, article, editor=maria, other_editor=tom, signers=signers
    )
    publish_on_live(sections=with_sections(Causes="It starts in the atria."))

    rebase(revision, maria)

    revision = fresh(revision)
    assert revision.state == State.DRAFT
    assert Submission.objects.get(revision=revision).state == Submission.State.CHANGES_REQUESTED
    assert bodies(revision)["Causes"] == "It starts in the atria."


def test_a_draft_already_on_the_live_page_is_not_rebased(article, maria):
    draft = draft_change(article, editor=maria)
    before = workflow_snapshot(draft)

    with pytest.raises(InvalidTransition):
        rebase(draft, maria)

    assert workflow_snapshot(draft) == before


@pytest.mark.parametrize(
    "state", [State.IN_REVIEW, State.PUBLISHED, State.REJECTED, State.WITHDRAWN]
)
def test_only_a_draft_sent_back_approved_or_superseded_revision_can_be_rebased(
    article, maria, tom, signers, state
):
    revision = revision_in_state(state, article, editor=maria, other_editor=tom, signers=signers)
    if state != State.PUBLISHED:
        # The live page moves on without superseding anything (the content layer, as an
        # import would), so only the revision's own state can refuse the rebase.
        other = content.revision_copy_to_draft(article=article, author=tom)
        content.article_publish_revision(
            revision=other, user=tom, published_at=TODAY, reason="Imported"
        )
    before = workflow_snapshot(revision)

    with pytest.raises(InvalidTransition):
        rebase(revision, maria)

    assert workflow_snapshot(revision) == before


@pytest.mark.parametrize("who", ["okafor", "brenda", "charlie"])
def test_only_editors_can_rebase(article, maria, charlie, signers, publish_on_live, who):
    okafor, _, brenda = signers
    person = {"okafor": okafor, "brenda": brenda, "charlie": charlie}[who]
    draft = draft_change(article, editor=maria)
    publish_on_live(sections=with_sections(Causes="It starts in the atria."))
    before = workflow_snapshot(draft)

    with pytest.raises(PermissionDenied) as refused:
        rebase(draft, person)

    assert refused.value.code == "wrong_role"
    assert workflow_snapshot(draft) == before


def test_sign_offs_of_the_old_text_are_never_reused_after_a_rebase(article, maria, tom, signers):
    revision = submitted_revision(article, editor=maria)
    published_revision(article, editor=tom, signers=signers, title="Atrial fibrillation (AF)")
    rebase(revision, maria)  # superseded → draft

    submit(revision, change_summary="Rebased")

    assert Submission.objects.filter(revision=revision).count() == 2
    assert [
        a.decision
        for a in Approval.objects.filter(submission__revision=revision, submission__number=2)
    ] == [Approval.Decision.PENDING, Approval.Decision.WAITING, Approval.Decision.WAITING]
