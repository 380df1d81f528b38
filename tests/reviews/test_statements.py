"""The evidence a signer sees on the review page: statements of a dose, a number or advice
that cite nothing, and the sentences citing a work under out-of-cycle review; and how
the correction rule reads citations renumbered after a reorder."""

import dataclasses
import datetime

import pytest
from django.urls import reverse

from encyclopedia.services import ReferenceInput, SectionInput
from reviews import cycles
from reviews.corrections import Content, change_assess
from reviews.statements import Statement, states_a_claim, unsupported_statements
from tests.encyclopedia.factories import published_article
from tests.mail import committed
from tests.reviews.factories import draft_change

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 11, 27, 15, tzinfo=datetime.UTC)
RETRACTED_DOI = "10.5555/retracted.2024.0007"
REFERENCES = [
    ReferenceInput(citation="Osei A. Rhythm control. 2024.", doi=RETRACTED_DOI),
    ReferenceInput(citation="Demo Heart Society. Rhythm guideline. 2023.", pubmed_id="31234567"),
]
SECTIONS = [
    SectionInput("Causes", "A fast heartbeat starts in the atria [2]. It runs in families."),
    SectionInput(
        "Treatment",
        "Rhythm control works best early [1]. Rest helps. Drink two glasses of water a day.",
    ),
]

# The same page with its two references swapped and the citations following them.
REORDERED_SECTIONS = [
    SectionInput("Causes", "A fast heartbeat starts in the atria [1]. It runs in families."),
    SectionInput(
        "Treatment",
        "Rhythm control works best early [2]. Rest helps. Drink two glasses of water a day.",
    ),
]


@pytest.fixture(autouse=True)
def frozen(time_machine):
    time_machine.move_to(NOW, tick=False)


@pytest.fixture
def article(cardiology, maria):
    return published_article(
        specialty=cardiology, author=maria, sections=SECTIONS, references=REFERENCES
    )


# --- Which sentences state a claim -------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Adults should take 400 mg every 6 hours.",
        "Use the inhaler twice a day.",
        "About 30% of people have no symptoms.",
        "Ibuprofen is recommended for pain.",
        "Give 5 mL of the syrup.",
    ],
)
def test_doses_numbers_frequencies_and_advice_are_claims(sentence):
    assert states_a_claim(sentence)


@pytest.mark.parametrize(
    "sentence",
    ["The heart has four chambers.", "It runs in families.", "The first sign is tiredness."],
)
def test_plain_description_is_not_a_claim(sentence):
    # "four chambers" is a number word without a unit: a description, not a dose.
    assert not states_a_claim(sentence)


def test_a_claim_with_a_citation_is_supported_and_new_ones_are_marked():
    live = [("Treatment", "Rest helps. Drink 2 glasses of water a day.")]
    draft = [
        (
            "Treatment",
            "Adults should take 400 mg every 6 hours [1]. Drink 2 glasses of water a day.",
        ),
        ("Outlook", "Most people should recover within 3 weeks."),
    ]

    assert unsupported_statements(draft, live=live) == [
        Statement("Treatment", "Drink 2 glasses of water a day.", is_new=False),
        Statement("Outlook", "Most people should recover within 3 weeks.", is_new=True),
    ]


# --- On the review page ------------------------------------------------------------------


def test_the_review_page_lists_unsupported_statements(client, article, maria):
    draft = draft_change(
        article,
        editor=maria,
        sections=[
            SECTIONS[0],
            SectionInput("Treatment", "Adults should take 400 mg every 6 hours. Rest helps [2]."),
        ],
        references=REFERENCES,
    )
    client.force_login(maria)

    response = client.get(reverse("reviews:revision-review", args=[draft.pk]))

    page = response.content.decode()
    assert "Unsupported statements (1)" in page
    assert "Treatment: “Adults should take 400 mg every 6 hours.”" in page
    assert "1 new in this revision" in page


def test_a_page_whose_claims_all_cite_a_source_shows_no_warning(client, article, maria):
    draft = draft_change(
        article,
        editor=maria,
        sections=[SectionInput("Treatment", "Adults should take 400 mg every 6 hours [2].")],
        references=REFERENCES,
    )
    client.force_login(maria)

    response = client.get(reverse("reviews:revision-review", args=[draft.pk]))

    assert "Unsupported statements" not in response.content.decode()


def open_review_of_retracted(brenda, reason="Retraction notice, Nov 2026"):
    return committed(
        cycles.review_cycles_open_out_of_cycle,
        director=brenda,
        reason=reason,
        reference=f"https://doi.org/{RETRACTED_DOI}",
        today=NOW.date(),
        now=NOW,
    )


def test_sentences_citing_a_reference_under_review_are_highlighted_with_the_reason(
    client, article, maria, brenda
):
    open_review_of_retracted(brenda)
    draft = draft_change(
        article,
        editor=maria,
        sections=REORDERED_SECTIONS,
        # The retracted paper moved to second place: matched by its DOI, not its number.
        references=[REFERENCES[1], REFERENCES[0]],
    )
    client.force_login(maria)

    response = client.get(reverse("reviews:revision-review", args=[draft.pk]))

    page = response.content.decode()
    assert "Cites a reference under out-of-cycle review" in page
    assert "Retraction notice, Nov 2026" in page
    assert "<mark>Treatment: “Rhythm control works best early [2].”</mark>" in page
    assert "Causes:" not in page.split("Cites a reference under")[1].split("</div>")[0]


def test_the_cycle_page_lists_the_live_sentences_citing_the_reference(
    client, article, maria, brenda
):
    open_review_of_retracted(brenda)
    cycle = article.review_cycles.get()
    client.force_login(brenda)

    response = client.get(reverse("reviews:cycle", args=[cycle.pk]))

    page = response.content.decode()
    assert f"Where the live page cites https://doi.org/{RETRACTED_DOI}" in page
    assert "<mark>Treatment: “Rhythm control works best early [1].”</mark>" in page


def test_the_review_page_of_an_article_not_under_review_shows_no_highlight(client, article, maria):
    draft = draft_change(article, editor=maria, sections=SECTIONS, references=REFERENCES)
    client.force_login(maria)

    response = client.get(reverse("reviews:revision-review", args=[draft.pk]))

    assert "under out-of-cycle review" not in response.content.decode()


# --- The correction rule and renumbered citations ----------------------------------------


LIVE = Content(
    title="Atrial fibrillation",
    summary="An irregular heartbeat.",
    sections=tuple(SECTIONS),
    references=tuple(REFERENCES),
)


def test_a_reorder_whose_citations_follow_is_no_medical_change():
    draft = dataclasses.replace(
        LIVE, sections=tuple(REORDERED_SECTIONS), references=(REFERENCES[1], REFERENCES[0])
    )

    assessment = change_assess(live=LIVE, draft=draft)

    assert assessment.reasons == ()
    assert assessment.is_correction
    assert "References: reordered" in assessment.notes


def test_citing_a_different_source_is_a_medical_change():
    draft = dataclasses.replace(LIVE, sections=(SECTIONS[0], REORDERED_SECTIONS[1]))

    assessment = change_assess(live=LIVE, draft=draft)

    assert not assessment.is_correction
    assert "In Treatment, the sources cited changed." in assessment.reasons
