"""The kind of a change follows from the change (scenario 17): a correction — the
editorial director's sign-off alone — may fix what does not alter medical meaning; a
changed dose, an added sentence or a rewrite is refused as one, with why, and offered
as an update. Decided in the submit service, so the page and the API get it alike."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from django.urls import reverse
from rest_framework.test import APIClient

from encyclopedia import services as content
from encyclopedia.models import Revision
from encyclopedia.services import SectionInput
from reviews.models import Step
from tests.reviews.factories import (
    LIVE_SECTIONS,
    draft_change,
    fresh,
    published_revision,
    steps_of,
    submit,
)

pytestmark = pytest.mark.django_db
Kind = Revision.Kind
DOSE = "Medicines slow the heart rate: take 5 mg each morning. Anticoagulants prevent clots."


@pytest.fixture
def dosed(article, maria, okafor, dugdale, brenda):
    """A live page whose Treatment names a dose (v2)."""
    published_revision(
        article,
        editor=maria,
        signers=[okafor.user, dugdale.user, brenda],
        sections=[LIVE_SECTIONS[0], SectionInput("Treatment", DOSE)],
    )
    return fresh(article)


def with_treatment(article, editor, body):
    """A draft whose only change from the live page is the Treatment text."""
    _, live_references = content.revision_content(article.live_revision)
    return draft_change(
        article,
        editor=editor,
        sections=[LIVE_SECTIONS[0], SectionInput("Treatment", body)],
        references=live_references,
    )


def test_a_dose_change_submitted_as_a_correction_is_refused_with_the_reason(dosed, maria):
    draft = with_treatment(dosed, maria, DOSE.replace("5 mg", "50 mg"))

    with pytest.raises(Exception) as refused:
        submit(draft, kind=Kind.CORRECTION, change_summary="Typo")

    assert refused.value.code == "not_a_correction"
    assert refused.value.message == (
        "This change alters medical content, so it needs a medical review: In Treatment, "
        "“5 mg” became “50 mg”. Submit it as an update."
    )
    assert fresh(draft).state == Revision.State.DRAFT


def test_the_same_change_goes_in_as_an_update_with_its_medical_review(dosed, maria, okafor):
    draft = with_treatment(dosed, maria, DOSE.replace("5 mg", "50 mg"))

    submit(draft, kind=Kind.UPDATE, change_summary="New dose")

    assert steps_of(draft)[0].step == Step.MEDICAL_REVIEW


def test_a_punctuation_fix_goes_to_the_editorial_director_alone(dosed, maria):
    draft = with_treatment(dosed, maria, DOSE.replace("rate:", "rate;"))

    submit(draft, kind=Kind.CORRECTION, change_summary="Punctuation")

    assert [s.step for s in steps_of(draft)] == [Step.EDITORIAL_DIRECTOR]


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (DOSE + " Rest helps.", "a sentence was added"),
        (DOSE.replace("morning", "evening"), None),  # one word: within the budget
    ],
)
def test_a_new_sentence_is_medical_and_one_word_is_not(dosed, maria, change, reason):
    draft = with_treatment(dosed, maria, change)

    if reason is None:
        submit(draft, kind=Kind.CORRECTION, change_summary="Wording")
        assert fresh(draft).state == Revision.State.IN_REVIEW
    else:
        with pytest.raises(Exception, match=reason):
            submit(draft, kind=Kind.CORRECTION, change_summary="Wording")


def test_the_word_budget_is_the_policys(dosed, maria, brenda):
    content.review_policy_update(user=brenda, correction_word_budget=0)
    draft = with_treatment(dosed, maria, DOSE.replace("morning", "evening"))

    with pytest.raises(Exception, match="no more than 0 words"):
        submit(draft, kind=Kind.CORRECTION, change_summary="Wording")


def test_the_page_refuses_the_correction_and_offers_it_as_an_update(client, dosed, maria):
    draft = with_treatment(dosed, maria, DOSE.replace("5 mg", "50 mg"))
    client.force_login(maria)

    response = client.post(
        reverse("reviews:revision-submit", args=[draft.pk]),
        {"kind": "correction", "change_summary": "Typo in the dose"},
        follow=True,
    )

    (message,) = [str(m) for m in get_messages(response.wsgi_request)]
    assert message.startswith("This change alters medical content")
    form = BeautifulSoup(response.content, "html.parser").find(id="submit")
    assert form.find("input", attrs={"name": "kind", "checked": True})["value"] == "update"
    assert form.find("textarea", attrs={"name": "change_summary"}).text.strip() == (
        "Typo in the dose"
    )
    assert fresh(draft).state == Revision.State.DRAFT


def test_the_api_refuses_it_with_a_code(dosed, maria):
    draft = with_treatment(dosed, maria, DOSE.replace("5 mg", "50 mg"))
    client = APIClient()
    client.force_login(maria)

    response = client.post(
        f"/api/v1/revisions/{draft.pk}/submit/",
        {"kind": "correction", "change_summary": "Typo"},
        format="json",
    )

    assert response.status_code == 400
    assert response.json()["code"] == "not_a_correction"


def test_the_signer_of_a_correction_sees_what_it_changes(client, article, maria, brenda):
    draft = draft_change(article, editor=maria, correction=True)
    submit(draft, kind=Kind.CORRECTION, change_summary="Spacing")
    client.force_login(brenda)

    page = client.get(reverse("reviews:revision-review", args=[draft.pk])).content.decode()

    assert "What this correction changes" in page
    # The change is a doubled space closed up: formatting, no word.
    assert "0 words changed in all, no number, dose, sentence, section or reference" in page
