"""Revisions through the API: list, read, start, save (with the stale-draft check),
compare, and the editor's workflow verbs — each a call of the same service as the pages."""

import pytest

from encyclopedia.models import Revision
from encyclopedia.services import SectionInput
from reviews import services
from reviews.models import Submission
from tests.encyclopedia.factories import draft_article
from tests.reviews.factories import (
    CHANGE_SUMMARY,
    GUIDELINE_2025,
    LIVE_SECTIONS,
    NEW_TREATMENT,
    approved_revision,
    draft_change,
    edit,
    fresh,
    published_revision,
    submitted_revision,
    workflow_snapshot,
)

pytestmark = pytest.mark.django_db
State = Revision.State


def revision_url(revision, action: str = "") -> str:
    return f"/api/v1/revisions/{revision.pk}/" + (f"{action}/" if action else "")


def draft_body(revision, **changes) -> dict:
    """The PUT body that saves `revision` as it is, with `changes`."""
    revision = fresh(revision)
    return {
        "edit_version": revision.edit_version,
        "title": revision.title,
        "summary": revision.summary,
        "sections": [{"heading": s.heading, "body": s.body} for s in revision.sections.all()],
        "references": [
            {"citation": r.citation, "url": r.url, "doi": r.doi, "pubmed_id": r.pubmed_id}
            for r in revision.references.all()
        ],
        **changes,
    }


# --- Reading ---------------------------------------------------------------------------------


def test_the_team_lists_an_articles_revisions_newest_first(signed_in, article, maria, okafor):
    draft = draft_change(article, editor=maria)

    response = signed_in(okafor.user).get(f"/api/v1/articles/{article.number}/revisions/")

    assert response.status_code == 200
    rows = response.json()["results"]
    assert [(row["number"], row["state"]) for row in rows] == [(2, "draft"), (1, "published")]
    assert rows[0]["id"] == draft.pk
    assert rows[0]["author"] == {"id": maria.pk, "name": "Maria Santos"}
    assert rows[0]["based_on"] == article.live_revision_id
    assert rows[0]["edit_version"] == fresh(draft).edit_version


def test_revisions_are_for_the_team_only(anonymous, signed_in, charlie, article):
    assert anonymous.get(f"/api/v1/articles/{article.number}/revisions/").status_code == 401
    assert anonymous.get(revision_url(article.live_revision)).status_code == 401
    assert signed_in(charlie).get(revision_url(article.live_revision)).status_code == 403


def test_a_revision_shows_its_content_and_approval_chain(signed_in, article, maria, okafor):
    revision = submitted_revision(article, editor=maria)

    response = signed_in(maria).get(revision_url(revision))

    assert response.status_code == 200
    body = response.json()
    assert body["state"] == "in_review"
    assert body["kind"] == "update"
    assert body["change_summary"] == CHANGE_SUMMARY
    assert body["article"]["number"] == article.number
    assert body["is_stale"] is False
    assert {s["heading"]: s["body"] for s in body["sections"]}["Treatment"] == NEW_TREATMENT
    assert body["references"][-1]["doi"] == GUIDELINE_2025.doi
    [submission] = body["submissions"]
    assert submission["state"] == "open"
    assert [(a["step"], a["decision"]) for a in submission["approvals"]] == [
        ("medical_review", "pending"),
        ("medical_director", "waiting"),
        ("editorial_director", "waiting"),
    ]
    assert submission["approvals"][0]["assignee"] == {
        "id": okafor.user.pk,
        "name": str(okafor.user),
    }
    assert body["pending_step"] == submission["approvals"][0]["id"]


def test_an_unknown_revision_is_404(signed_in, maria, db):
    response = signed_in(maria).get("/api/v1/revisions/987654/")

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


# --- Starting and saving a draft --------------------------------------------------------------


def test_an_editor_starts_a_draft_from_the_live_revision(with_token, article, maria):
    response = with_token(maria).post(f"/api/v1/articles/{article.number}/revisions/", {})

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["number"] == 2 and body["state"] == "draft"
    assert body["based_on"] == body["copied_from"] == article.live_revision_id
    assert [s["heading"] for s in body["sections"]] == ["Causes", "Treatment"]
    assert fresh(article).live_revision_id == article.live_revision_id


def test_an_editor_starts_a_draft_from_an_earlier_version_a_revert(
    signed_in, article, maria, tom, signers
):
    first = article.live_revision
    published_revision(article, editor=tom, signers=signers)

    response = signed_in(maria).post(
        f"/api/v1/articles/{article.number}/revisions/", {"source": first.pk}
    )

    assert response.status_code == 201
    assert response.json()["copied_from"] == first.pk
    assert response.json()["based_on"] == fresh(article).live_revision_id


def test_a_draft_cannot_start_from_another_articles_revision(signed_in, article, maria, cardiology):
    other = draft_article(title="Gout", specialty=cardiology, author=maria)

    response = signed_in(maria).post(
        f"/api/v1/articles/{article.number}/revisions/", {"source": other.revisions.get().pk}
    )

    assert response.status_code == 400
    assert list(response.json()["fields"]) == ["source"]


def test_a_never_published_article_gets_no_second_draft(signed_in, maria, cardiology):
    article = draft_article(title="Gout", specialty=cardiology, author=maria)

    response = signed_in(maria).post(f"/api/v1/articles/{article.number}/revisions/", {})

    assert response.status_code == 409
    assert response.json()["code"] == "invalid_transition"


def test_only_editors_start_drafts(signed_in, article, okafor):
    response = signed_in(okafor.user).post(f"/api/v1/articles/{article.number}/revisions/", {})

    assert response.status_code == 403
    assert response.json()["code"] == "wrong_role"
    assert article.revisions.count() == 1


def test_an_editor_saves_a_draft(signed_in, article, maria):
    draft = services.revision_start_draft(article=article, editor=maria)
    body = draft_body(
        draft,
        title="Atrial fibrillation (AFib)",
        sections=[
            {"heading": "Causes", "body": "It starts in the atria."},
            {"heading": "Outlook", "body": "Most people live well."},
        ],
        references=[{"citation": "A new source.", "accessed_on": "2026-11-02"}],
    )

    response = signed_in(maria).put(revision_url(draft), body)

    assert response.status_code == 200, response.json()
    assert response.json()["edit_version"] == body["edit_version"] + 1
    draft = fresh(draft)
    assert draft.title == "Atrial fibrillation (AFib)"
    assert list(draft.sections.values_list("heading", flat=True)) == ["Causes", "Outlook"]
    assert draft.references.get().accessed_on.isoformat() == "2026-11-02"


def test_a_correction_s_public_note_is_saved_kept_and_limited(signed_in, article, maria):
    draft = services.revision_start_draft(article=article, editor=maria)
    note = "The adult dose was given in grams; it is 400 mg."

    saved = signed_in(maria).put(revision_url(draft), draft_body(draft, public_note=note))
    kept = signed_in(maria).put(revision_url(draft), draft_body(draft))
    too_long = signed_in(maria).put(revision_url(draft), draft_body(draft, public_note="x" * 1001))

    assert saved.status_code == 200, saved.json()
    assert saved.json()["public_note"] == note
    assert kept.status_code == 200 and kept.json()["public_note"] == note
    assert too_long.status_code == 400
    assert fresh(draft).public_note == note


def test_a_stale_save_is_refused_with_who_changed_the_draft(signed_in, article, maria, tom):
    draft = services.revision_start_draft(article=article, editor=maria)
    marias_copy = draft_body(draft, title="Maria's title")
    edit(draft, editor=tom)  # Tom saves first
    before = workflow_snapshot(draft)

    response = signed_in(maria).put(revision_url(draft), marias_copy)

    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "stale_version"
    assert body["changed_by"] == "Tom Becker"
    assert body["current_edit_version"] == marias_copy["edit_version"] + 1
    assert "Tom Becker changed this draft" in body["detail"]
    assert workflow_snapshot(draft) == before

    # She merges and saves with the current version.
    marias_copy["edit_version"] = body["current_edit_version"]
    assert signed_in(maria).put(revision_url(draft), marias_copy).status_code == 200


def test_a_revision_in_review_cannot_be_saved(signed_in, article, maria):
    revision = submitted_revision(article, editor=maria)

    response = signed_in(maria).put(revision_url(revision), draft_body(revision))

    assert response.status_code == 409
    assert response.json()["code"] == "invalid_transition"


@pytest.mark.parametrize(
    ("changes", "fields"),
    [
        ({"edit_version": None}, {"edit_version"}),
        ({"title": ""}, {"title"}),
        ({"sections": [{"heading": "H"}]}, {"sections"}),
        ({"sections": [{"heading": "H", "body": "b" * 60_001}]}, {"sections"}),
        ({"references": [{"citation": "C", "accessed_on": "2026-12-01"}]}, {"references"}),
        ({"references": [{"citation": "C", "doi": "not a doi"}]}, {"references"}),
        ({"references": [{"citation": "C", "url": "javascript:alert(1)"}]}, {"references"}),
        ({"references": "none"}, {"references"}),
    ],
)
def test_bad_draft_input_gets_field_errors_and_saves_nothing(
    signed_in, article, maria, changes, fields
):
    draft = services.revision_start_draft(article=article, editor=maria)
    before = workflow_snapshot(draft)
    body = {key: value for key, value in draft_body(draft, **changes).items() if value is not None}

    response = signed_in(maria).put(revision_url(draft), body)

    assert response.status_code == 400
    assert set(response.json()["fields"]) == fields
    assert workflow_snapshot(draft) == before


def test_the_field_errors_point_at_the_bad_section(signed_in, article, maria):
    draft = services.revision_start_draft(article=article, editor=maria)
    sections = [{"heading": "Fine", "body": "Fine."}, {"heading": "Bad", "body": ""}]

    response = signed_in(maria).put(revision_url(draft), draft_body(draft, sections=sections))

    assert response.json()["fields"] == {
        "sections": {"1": {"body": ["This field may not be blank."]}}
    }


def test_only_editors_save_drafts(signed_in, article, maria, okafor):
    draft = services.revision_start_draft(article=article, editor=maria)

    response = signed_in(okafor.user).put(revision_url(draft), draft_body(draft))

    assert response.status_code == 403
    assert response.json()["code"] == "wrong_role"


# --- Comparing ---------------------------------------------------------------------------------


def test_a_draft_is_compared_with_the_live_revision_by_default(signed_in, article, maria, okafor):
    draft = draft_change(article, editor=maria)

    response = signed_in(okafor.user).get(revision_url(draft, "compare"))

    assert response.status_code == 200
    body = response.json()
    assert body["from_revision"] == {"id": article.live_revision_id, "number": 1}
    assert body["to_revision"] == {"id": draft.pk, "number": 2}
    assert body["has_changes"] is True
    sections = {s["heading"]: s for s in body["sections"]}
    assert sections["Causes"]["status"] == "unchanged"
    assert sections["Treatment"]["status"] == "changed"
    assert "<ins>" in sections["Treatment"]["diff_html"]
    assert "<del>" in sections["Treatment"]["diff_html"]
    added = [r for r in body["references"] if r["status"] == "added"]
    assert [r["reference"]["doi"] for r in added] == [GUIDELINE_2025.doi]


def test_any_two_revisions_of_an_article_are_compared(signed_in, article, maria, tom, signers):
    first = article.live_revision
    second = published_revision(
        article, editor=tom, signers=signers,
        sections=[*LIVE_SECTIONS, SectionInput("Outlook", "Most people live well.")],
    )  # fmt: skip

    response = signed_in(maria).get(revision_url(second, "compare") + f"?against={first.pk}")

    body = response.json()
    assert body["from_revision"]["id"] == first.pk
    assert [s["status"] for s in body["sections"]] == ["unchanged", "unchanged", "added"]
    # The other way round, the section was removed.
    back = signed_in(maria).get(revision_url(first, "compare") + f"?against={second.pk}").json()
    assert [s["status"] for s in back["sections"]][-1] == "removed"


def test_a_revision_of_a_new_article_is_compared_with_nothing(signed_in, maria, cardiology):
    article = draft_article(title="Gout", specialty=cardiology, author=maria)

    body = signed_in(maria).get(revision_url(article.revisions.get(), "compare")).json()

    assert body["from_revision"] is None
    assert {s["status"] for s in body["sections"]} == {"added"}


@pytest.mark.parametrize("against", ["other", "987654", "x"])
def test_comparing_with_a_revision_of_another_article_is_a_field_error(
    signed_in, article, maria, cardiology, against
):
    other = draft_article(title="Gout", specialty=cardiology, author=maria)
    against = other.revisions.get().pk if against == "other" else against

    response = signed_in(maria).get(
        revision_url(article.live_revision, "compare") + f"?against={against}"
    )

    assert response.status_code == 400
    assert list(response.json()["fields"]) == ["against"]


# --- Submitting, taking back, publishing, withdrawing, rebasing -----------------------------------


def test_an_editor_submits_a_draft_for_review(with_token, article, maria, okafor):
    draft = draft_change(article, editor=maria)

    response = with_token(maria).post(
        revision_url(draft, "submit"), {"kind": "update", "change_summary": CHANGE_SUMMARY}
    )

    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["state"] == "in_review"
    assert body["submissions"][0]["approvals"][0]["assignee"]["id"] == okafor.user.pk
    assert fresh(article).live_revision_id == article.live_revision_id


def test_an_editor_chooses_the_medical_reviewer(signed_in, article, maria, okafor):
    draft = draft_change(article, editor=maria)

    response = signed_in(maria).post(
        revision_url(draft, "submit"),
        {"kind": "full_review", "change_summary": "Full review", "reviewer": okafor.pk},
    )

    assert response.status_code == 200
    assert response.json()["kind"] == "full_review"


def test_a_reviewer_whose_licence_expired_cannot_be_chosen(signed_in, article, maria, lee):
    draft = draft_change(article, editor=maria)

    response = signed_in(maria).post(
        revision_url(draft, "submit"),
        {"kind": "update", "change_summary": "A change", "reviewer": lee.pk},
    )

    assert response.status_code == 403
    assert response.json()["code"] == "reviewer_not_eligible"
    assert fresh(draft).state == State.DRAFT


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"kind": "update"}, "change_summary"),
        ({"kind": "update", "change_summary": "   "}, "change_summary"),
        ({"kind": "rewrite", "change_summary": "A change"}, "kind"),
        ({"kind": "update", "change_summary": "A change", "reviewer": 987654}, "reviewer"),
        ({"kind": "update", "change_summary": "A change", "reviewer": 2**70}, "reviewer"),
    ],
)
def test_bad_submit_input_gets_field_errors(signed_in, article, maria, payload, field):
    draft = draft_change(article, editor=maria)

    response = signed_in(maria).post(revision_url(draft, "submit"), payload)

    assert response.status_code == 400
    assert list(response.json()["fields"]) == [field]
    assert fresh(draft).state == State.DRAFT


def test_a_new_articles_first_version_must_go_to_full_review(signed_in, maria, cardiology):
    article = draft_article(title="Gout", specialty=cardiology, author=maria)

    response = signed_in(maria).post(
        revision_url(article.revisions.get(), "submit"),
        {"kind": "update", "change_summary": "First version"},
    )

    assert response.status_code == 400
    assert response.json()["code"] == "full_review_required"
    assert list(response.json()["fields"]) == ["kind"]


def test_a_revision_without_sections_cannot_be_submitted(signed_in, maria, cardiology):
    article = draft_article(title="Gout", specialty=cardiology, author=maria, sections=[])

    response = signed_in(maria).post(
        revision_url(article.revisions.get(), "submit"),
        {"kind": "full_review", "change_summary": "First version"},
    )

    assert response.status_code == 400
    assert response.json()["code"] == "no_sections"


def test_submitting_twice_is_an_illegal_transition(signed_in, article, maria):
    revision = submitted_revision(article, editor=maria)
    before = workflow_snapshot(revision)

    response = signed_in(maria).post(
        revision_url(revision, "submit"), {"kind": "update", "change_summary": "Again"}
    )

    assert response.status_code == 409
    assert response.json() == {
        "code": "invalid_transition",
        "detail": "You cannot submit this revision: it is in review.",
    }
    assert workflow_snapshot(revision) == before


def test_a_draft_of_an_old_live_page_must_be_rebased_before_submitting(
    signed_in, article, maria, tom, signers
):
    draft = draft_change(article, editor=maria)
    published_revision(article, editor=tom, signers=signers)

    response = signed_in(maria).post(
        revision_url(draft, "submit"), {"kind": "update", "change_summary": "A change"}
    )

    assert response.status_code == 409
    assert response.json()["code"] == "live_revision_changed"
    assert signed_in(maria).get(revision_url(draft)).json()["is_stale"] is True


def test_only_editors_submit(signed_in, article, maria, brenda):
    draft = draft_change(article, editor=maria)

    response = signed_in(brenda).post(
        revision_url(draft, "submit"), {"kind": "update", "change_summary": "A change"}
    )

    assert response.status_code == 403
    assert response.json()["code"] == "wrong_role"


def test_an_editor_takes_a_revision_back_to_draft(signed_in, article, maria):
    revision = submitted_revision(article, editor=maria)

    response = signed_in(maria).post(revision_url(revision, "take-back"), {"note": "One more fix"})

    assert response.status_code == 200
    assert response.json()["state"] == "draft"
    assert Submission.objects.get(revision=revision).state == Submission.State.VOIDED
    again = signed_in(maria).post(revision_url(revision, "take-back"), {})
    assert again.status_code == 409


def test_an_editor_publishes_an_approved_revision(with_token, article, maria, signers, anonymous):
    revision = approved_revision(article, editor=maria, signers=signers)

    response = with_token(maria).post(revision_url(revision, "publish"))

    assert response.status_code == 200, response.json()
    assert response.json()["state"] == "published"
    live = anonymous.get(f"/api/v1/articles/{article.number}/live/").json()
    assert live["revision"]["id"] == revision.pk
    assert {s["heading"]: s["body"] for s in live["sections"]}["Treatment"] == NEW_TREATMENT


def test_a_revision_still_in_review_cannot_be_published(signed_in, article, maria):
    revision = submitted_revision(article, editor=maria)
    before = workflow_snapshot(revision)

    response = signed_in(maria).post(revision_url(revision, "publish"))

    assert response.status_code == 409
    assert response.json()["code"] == "invalid_transition"
    assert workflow_snapshot(revision) == before


def test_only_editors_publish(signed_in, article, maria, signers, brenda):
    revision = approved_revision(article, editor=maria, signers=signers)

    response = signed_in(brenda).post(revision_url(revision, "publish"))

    assert response.status_code == 403
    assert fresh(revision).state == State.APPROVED


def test_the_author_withdraws_their_revision(signed_in, article, maria):
    revision = submitted_revision(article, editor=maria)

    response = signed_in(maria).post(revision_url(revision, "withdraw"), {"note": "Not needed"})

    assert response.status_code == 200
    assert response.json()["state"] == "withdrawn"


def test_only_the_author_withdraws_a_revision(signed_in, article, maria, tom):
    revision = submitted_revision(article, editor=maria)

    response = signed_in(tom).post(revision_url(revision, "withdraw"), {})

    assert response.status_code == 403
    assert response.json()["code"] == "not_author"
    assert fresh(revision).state == State.IN_REVIEW


def test_a_published_revision_cannot_be_withdrawn(signed_in, article, maria):
    response = signed_in(maria).post(revision_url(article.live_revision, "withdraw"), {})

    assert response.status_code == 409
    assert response.json()["code"] == "invalid_transition"


def test_an_editor_rebases_a_draft_onto_the_new_live_revision(
    signed_in, article, maria, tom, signers
):
    draft = draft_change(article, editor=maria)  # Treatment rewritten
    live = published_revision(
        article, editor=tom, signers=signers,
        sections=[SectionInput("Causes", "It starts in the atria."), LIVE_SECTIONS[1]],
        references=[],
    )  # fmt: skip

    response = signed_in(maria).post(revision_url(draft, "rebase"))

    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["conflicts"] == []
    assert body["revision"]["based_on"] == live.pk
    bodies = {s["heading"]: s["body"] for s in body["revision"]["sections"]}
    assert bodies == {"Causes": "It starts in the atria.", "Treatment": NEW_TREATMENT}


def test_rebasing_reports_the_parts_changed_on_both_sides(signed_in, article, maria, tom, signers):
    draft = draft_change(article, editor=maria)
    published_revision(
        article, editor=tom, signers=signers,
        sections=[LIVE_SECTIONS[0], SectionInput("Treatment", "Entirely different advice.")],
    )  # fmt: skip

    response = signed_in(maria).post(revision_url(draft, "rebase"))

    assert response.status_code == 200
    assert response.json()["conflicts"] == ["Treatment"]


def test_a_draft_already_on_the_live_revision_is_not_rebased(signed_in, article, maria):
    draft = draft_change(article, editor=maria)

    response = signed_in(maria).post(revision_url(draft, "rebase"))

    assert response.status_code == 409
    assert response.json()["code"] == "invalid_transition"


@pytest.mark.parametrize("action", ["submit", "take-back", "publish", "withdraw", "rebase"])
def test_workflow_actions_on_an_unknown_revision_are_404(signed_in, maria, db, action):
    response = signed_in(maria).post(f"/api/v1/revisions/987654/{action}/", {})

    assert response.status_code == 404
