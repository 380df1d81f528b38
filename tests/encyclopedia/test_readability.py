"""Readability: scores of the body text only, computed offline, stored with the tool
that made them, shown to the editor and to the signer, and a grade above the policy's
target acknowledged by the signer before they sign."""

import socket

import pytest
from django.urls import reverse

from core.errors import DomainError
from encyclopedia import readability
from encyclopedia.models import ReadabilityScore, ReviewPolicy
from encyclopedia.services import ReferenceInput, SectionInput
from reviews import services
from tests.accounts.factories import PASSWORD
from tests.reviews.factories import (
    draft_change,
    fresh,
    live_article,
    pending_step,
    proof_of,
    submit,
)

pytestmark = pytest.mark.django_db

# Plain words, short sentences: a reader at grade 8 or below reads it easily.
PLAIN = (
    "Your heart has four rooms. Blood moves from one room to the next. "
    "A beat starts at the top of the heart. It then moves down to the bottom. "
    "In this problem the top of the heart shakes. It does not squeeze well. "
    "You may feel your heart race. You may feel tired or weak. "
    "Some people feel no change at all. A doctor can check your heart with a test. "
    "The test is quick and does not hurt. You lie still while it runs. "
    "Pads on your chest pick up each beat. The doctor reads the lines on a screen. "
    "Then you talk about what to do next. Many people feel well with care. "
)
# Long sentences of long words: well above grade 8.
DENSE = (
    "Atrial fibrillation, characterised by disorganised atrial electrical activity and "
    "consequently irregular ventricular contraction, substantially increases the "
    "probability of thromboembolic complications, particularly ischaemic stroke, among "
    "individuals with additional cardiovascular comorbidities. "
    "Anticoagulation therapy, individualised according to validated stratification "
    "instruments incorporating hypertension, diabetes mellitus, congestive cardiac "
    "failure and previous cerebrovascular events, considerably diminishes this "
    "probability, although haemorrhagic complications necessitate continuous "
    "consideration. "
    "Pharmacological rhythm management, electrical cardioversion and catheter ablation "
    "constitute alternative therapeutic strategies whose appropriateness depends upon "
    "symptom severity, ventricular function, atrial dimensions and patient preference, "
    "determined collaboratively following comprehensive explanation of anticipated "
    "benefits and potential complications. "
    "Consequently, longitudinal surveillance incorporating echocardiographic evaluation "
    "remains indispensable. "
)


def sections_with(body: str) -> list[SectionInput]:
    return [SectionInput("Overview", body)]


def test_too_little_text_says_so_and_gives_no_number():
    measurement = readability.measure(readability.body_text([("Overview", "A fast heartbeat.")]))

    assert not measurement.enough_text
    assert measurement.values == {}
    assert readability.NOT_ENOUGH_TEXT == "not enough text to score"


def test_scoring_works_with_the_network_off(monkeypatch):
    def no_network(*args, **kwargs):
        raise OSError("the network is off")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    # Loaded afresh with the network off, as a new worker process would.
    readability._textstat.cache_clear()
    readability._pronunciations.cache_clear()

    measurement = readability.measure(readability.body_text([("Overview", DENSE)]))

    assert measurement.enough_text
    assert measurement.values[ReadabilityScore.Measure.FLESCH_KINCAID_GRADE] > 12


def test_plain_text_scores_lower_than_dense_text():
    plain = readability.measure(readability.body_text([("Overview", PLAIN)])).values
    dense = readability.measure(readability.body_text([("Overview", DENSE)])).values
    grade = ReadabilityScore.Measure.FLESCH_KINCAID_GRADE
    ease = ReadabilityScore.Measure.READING_EASE

    assert plain[grade] <= 8 < dense[grade]
    assert plain[ease] > dense[ease]


def test_the_body_text_leaves_out_citations_and_references():
    text = readability.body_text(
        [("Treatment", "Warfarin lowers the risk of stroke [1, 2].\n\n- Take it daily")]
    )

    assert text == "Treatment.\nWarfarin lowers the risk of stroke.\nTake it daily."


def test_a_saved_draft_stores_each_score_with_the_tool_and_its_version(cardiology, maria):
    article = live_article(specialty=cardiology, author=maria)
    draft = draft_change(
        article,
        editor=maria,
        sections=sections_with(DENSE),
        references=[ReferenceInput(citation="A very long reference title " * 20)],
    )

    rows = {row.measure: row for row in ReadabilityScore.objects.filter(revision=draft)}

    assert set(rows) == set(readability.MEASURES)
    assert {row.tool for row in rows.values()} == {"textstat"}
    assert {row.tool_version for row in rows.values()} == {readability.tool_version()}
    # The reference list is not read: only the section's words are counted.
    assert rows[ReadabilityScore.Measure.SMOG].words == readability.measure(readability.body_text(
        [("Overview", DENSE)]
    )).words  # fmt: skip


def test_the_editor_sees_the_scores_while_drafting(client, cardiology, maria):
    article = live_article(specialty=cardiology, author=maria)
    draft = draft_change(article, editor=maria, sections=sections_with(PLAIN))
    client.force_login(maria)

    page = client.get(reverse("reviews:revision-edit", args=[draft.pk])).content.decode()

    assert 'data-testid="readability"' in page
    assert "Flesch–Kincaid grade" in page or "Flesch-Kincaid" in page
    assert "At or below the target of grade 8" in page


def test_a_stub_draft_reads_not_enough_text_to_score(client, cardiology, maria):
    article = live_article(specialty=cardiology, author=maria)
    draft = draft_change(article, editor=maria, sections=sections_with("A fast heartbeat."))
    client.force_login(maria)

    page = client.get(reverse("reviews:revision-edit", args=[draft.pk])).content.decode()

    assert "Readability: not enough text to score" in page


@pytest.fixture
def dense_in_review(cardiology, maria, okafor):
    article = live_article(specialty=cardiology, author=maria, sections=sections_with(PLAIN))
    draft = draft_change(article, editor=maria, sections=sections_with(DENSE))
    submit(draft, editor=maria, reviewer=okafor)
    return draft


def test_the_signer_sees_the_change_from_the_live_page_and_the_warning(
    client, okafor, dense_in_review
):
    client.force_login(okafor.user)

    page = client.get(reverse("reviews:revision-review", args=[dense_in_review.pk]))
    html = page.content.decode()

    assert "the live page" in html
    assert "(harder)" in html
    assert 'data-testid="above-target"' in html
    assert 'name="acknowledged_warnings" value="reading_grade_above_target"' in html


def test_a_grade_above_the_target_must_be_acknowledged_to_sign(okafor, dense_in_review):
    step = pending_step(dense_in_review)

    with pytest.raises(DomainError) as refusal:
        services.approval_approve(
            approval=step, signer=okafor.user, attested=True, proof=proof_of(okafor.user)
        )

    assert refusal.value.code == "warnings_not_acknowledged"
    assert "above target 8" in str(refusal.value)
    assert fresh(step).decision == "pending"


def test_the_acknowledgement_is_kept_on_the_sign_off_and_printed_in_the_chain(
    client, okafor, dense_in_review
):
    step = pending_step(dense_in_review)
    grade = readability.readability_for(dense_in_review).grade

    services.approval_approve(
        approval=step,
        signer=okafor.user,
        attested=True,
        proof=proof_of(okafor.user),
        acknowledged_warnings=["reading_grade_above_target"],
    )

    assert fresh(step).acknowledged_warnings == [
        {"code": "reading_grade_above_target", "message": f"reading grade {grade} above target 8"}
    ]
    client.force_login(okafor.user)
    page = client.get(reverse("reviews:revision", args=[dense_in_review.pk]))
    assert f"acknowledged: reading grade {grade} above target 8" in page.content.decode()


def test_the_page_refuses_a_sign_off_without_the_box_ticked(client, okafor, dense_in_review):
    client.force_login(okafor.user)
    step = pending_step(dense_in_review)

    response = client.post(
        reverse("reviews:approval-decide", args=[step.pk]),
        {"decision": "approve", "attested": "on", "password": PASSWORD},
        follow=True,
    )

    assert "Acknowledge each warning to sign" in response.content.decode()
    assert fresh(step).decision == "pending"


def test_a_higher_target_asks_for_no_acknowledgement(okafor, dense_in_review):
    ReviewPolicy.objects.update_or_create(pk=1, defaults={"target_reading_grade": 40})

    step = pending_step(dense_in_review)

    services.approval_approve(
        approval=step, signer=okafor.user, attested=True, proof=proof_of(okafor.user)
    )

    assert fresh(step).decision == "approved"
    assert fresh(step).acknowledged_warnings == []
