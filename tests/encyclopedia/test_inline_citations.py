"""Inline citations: `[2]`, `[2, 4]`, `[2-4]` in a section tie a statement to a reference,
link to it on the page, are refused when they name no reference, and follow their
references when the editor reorders or removes them."""

import datetime
import zoneinfo

import pytest
from django.urls import reverse

from core.errors import DomainError
from encyclopedia import inline_citations, services
from encyclopedia.models import Revision
from encyclopedia.rendering import render_markdown
from encyclopedia.services import ReferenceInput, SectionInput
from reviews import services as reviews_services
from tests.encyclopedia.factories import published_article
from tests.reviews.views.forms import draft_post_data

pytestmark = pytest.mark.django_db

TODAY = datetime.datetime(2026, 11, 27, 12, tzinfo=zoneinfo.ZoneInfo("America/New_York"))
REFERENCES = [
    ReferenceInput(citation="Marlow JT. Extended-interval dosing. 2021.", doi="10.5555/a"),
    ReferenceInput(citation="Demo Heart Society. Rhythm guideline. 2023.", pubmed_id="31234567"),
    ReferenceInput(citation="Osei A. Anticoagulation in practice. 2024."),
]
SECTIONS = [
    SectionInput("Causes", "A fast heartbeat starts in the atria [2]. It runs in families."),
    SectionInput("Treatment", "Adults should take 400 mg every 6 hours [1, 3]. Rest helps [3]."),
]


@pytest.fixture(autouse=True)
def today(time_machine):
    time_machine.move_to(TODAY, tick=False)


@pytest.fixture
def article(cardiology, maria):
    return published_article(
        specialty=cardiology, author=maria, sections=SECTIONS, references=REFERENCES
    )


def bodies(revision: Revision) -> list[str]:
    return list(revision.sections.order_by("position").values_list("body", flat=True))


# --- Reading what the editor wrote -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("Take it daily [2].", [(2,)]),
        ("Take it daily [2, 4].", [(2, 4)]),
        ("Take it daily [2-4].", [(2, 3, 4)]),
        ("Take it daily [2–4, 7].", [(2, 3, 4, 7)]),
        ("Take it daily.[1] Rest [3]", [(1,), (3,)]),
    ],
)
def test_citations_are_numbers_lists_and_ranges(text, numbers):
    assert [c.numbers for c in inline_citations.citations(text)] == numbers


@pytest.mark.parametrize(
    "text",
    [
        "See [2](https://example.org/).",
        "See [the guideline][2].",
        "[2]: https://example.org/",
        "A footnote[^2].",
        "Escaped \\[2] bracket.",
        "Code `items[2]` is not a citation.",
        "```\nvalues[2]\n```",
    ],
)
def test_markdown_brackets_are_not_citations(text):
    assert inline_citations.citations(text) == []


def test_each_sentence_knows_what_it_cites():
    found = inline_citations.sentences("Adults should take 400 mg [1]. Rest helps. Drink water.[2]")

    assert [(s.plain, s.numbers) for s in found] == [
        ("Adults should take 400 mg [1].", (1,)),
        ("Rest helps.", ()),
        ("Drink water.[2]", (2,)),
    ]


# --- On the page -------------------------------------------------------------------------


def test_a_citation_links_to_its_reference_with_an_accessible_name():
    html = render_markdown("Take it daily [2, 4].")

    assert (
        '<sup>[<a href="#reference-2" aria-label="Reference 2" rel="noopener noreferrer nofollow">'
        "2</a>, " in html
    )
    assert 'aria-label="Reference 4"' in html


def test_links_and_code_keep_their_brackets_as_written():
    html = render_markdown("See [2](https://example.org/) and `items[3]`.")

    assert "#reference-" not in html
    assert "items[3]" in html


def test_the_public_page_links_each_citation_to_its_reference_item(client, article):
    response = client.get(article.get_absolute_url())

    page = response.content.decode()
    assert 'href="#reference-2" aria-label="Reference 2"' in page
    assert '<li id="reference-2">' in page
    assert '<li id="reference-3">' in page


# --- Refusals ----------------------------------------------------------------------------


def draft_of(article, maria) -> Revision:
    return reviews_services.revision_start_draft(article=article, editor=maria)


def save(draft: Revision, maria, **changes) -> Revision:
    sections, references = services.revision_content(draft)
    return services.revision_save_draft(
        revision=draft,
        editor=maria,
        expected_version=draft.edit_version,
        title=draft.title,
        summary=draft.summary,
        sections=changes.get("sections", sections),
        references=changes.get("references", references),
        reference_positions=changes.get("reference_positions"),
    )


def test_citing_a_reference_that_does_not_exist_is_refused_naming_the_sentence(article, maria):
    draft = draft_of(article, maria)
    treatment = SectionInput("Treatment", "Adults should take 400 mg every 6 hours [7].")

    with pytest.raises(DomainError) as refusal:
        save(draft, maria, sections=[SECTIONS[0], treatment])

    assert refusal.value.code == "citation_out_of_range"
    assert refusal.value.message == (
        "In “Treatment”, the sentence “Adults should take 400 mg every 6 hours [7].” cites "
        "reference 7, but there are only 3 references."
    )
    assert bodies(Revision.objects.get(pk=draft.pk)) == [s.body for s in SECTIONS]


def test_the_draft_page_shows_the_refusal_in_its_error_summary(client, article, maria):
    draft = draft_of(article, maria)
    client.force_login(maria)
    data = draft_post_data(
        draft,
        sections=[
            {"heading": "Causes", "body": SECTIONS[0].body},
            {"heading": "Treatment", "body": "Adults should take 400 mg [9]."},
        ],
    )

    response = client.post(reverse("reviews:revision-edit", args=[draft.pk]), data)

    assert response.status_code == 200
    summary = response.context["error_summary"]
    assert summary == [
        (
            "Sections: In “Treatment”, the sentence “Adults should take 400 mg [9].” cites "
            "reference 9, but there are only 3 references.",
            "sections",
        )
    ]
    assert "Nothing was saved" in response.content.decode()
    assert bodies(Revision.objects.get(pk=draft.pk)) == [s.body for s in SECTIONS]


def test_the_api_refuses_a_citation_out_of_range_with_its_code(client, article, maria):
    draft = draft_of(article, maria)
    client.force_login(maria)
    body = {
        "edit_version": draft.edit_version,
        "title": draft.title,
        "summary": draft.summary,
        "sections": [{"heading": "Causes", "body": "It runs in families [4]."}],
        "references": [{"citation": r.citation} for r in REFERENCES],
    }

    response = client.put(f"/api/v1/revisions/{draft.pk}/", body, content_type="application/json")

    assert response.status_code == 400
    assert response.json()["code"] == "citation_out_of_range"


# --- Renumbering -------------------------------------------------------------------------


def test_moving_a_reference_to_the_top_renumbers_the_citations(client, article, maria):
    draft = draft_of(article, maria)
    client.force_login(maria)
    rows = [
        {"citation": r.citation, "doi": r.doi, "pubmed_id": r.pubmed_id, "ORDER": order}
        for r, order in zip(draft.references.order_by("position"), (2, 3, 1), strict=True)
    ]

    response = client.post(
        reverse("reviews:revision-edit", args=[draft.pk]), draft_post_data(draft, references=rows)
    )

    assert response.status_code == 302, response.context["error_summary"]
    draft = Revision.objects.get(pk=draft.pk)
    assert list(draft.references.order_by("position").values_list("citation", flat=True)) == [
        REFERENCES[2].citation,
        REFERENCES[0].citation,
        REFERENCES[1].citation,
    ]
    assert bodies(draft) == [
        "A fast heartbeat starts in the atria [3]. It runs in families.",
        "Adults should take 400 mg every 6 hours [1, 2]. Rest helps [1].",
    ]


def test_removing_a_reference_renumbers_the_later_ones(article, maria):
    draft = draft_of(article, maria)
    sections = [SECTIONS[0], SectionInput("Treatment", "Rest helps [3].")]

    save(
        draft,
        maria,
        sections=sections,
        references=[REFERENCES[1], REFERENCES[2]],
        reference_positions=[1, 2],
    )

    assert bodies(Revision.objects.get(pk=draft.pk)) == [
        "A fast heartbeat starts in the atria [1]. It runs in families.",
        "Rest helps [2].",
    ]


def test_removing_a_reference_still_cited_is_refused_naming_the_sentence(article, maria):
    draft = draft_of(article, maria)

    with pytest.raises(DomainError) as refusal:
        save(
            draft,
            maria,
            references=[REFERENCES[0], REFERENCES[2]],
            reference_positions=[0, 2],
        )

    assert refusal.value.code == "citation_of_removed_reference"
    assert refusal.value.message.startswith(
        "In “Causes”, the sentence “A fast heartbeat starts in the atria [2].” cites "
        "reference 2, which was removed."
    )


def test_a_new_reference_keeps_the_others_numbers(article, maria):
    draft = draft_of(article, maria)
    added = ReferenceInput(citation="A new source. 2026.")

    save(
        draft,
        maria,
        references=[added, *REFERENCES],
        reference_positions=[None, 0, 1, 2],
    )

    assert bodies(Revision.objects.get(pk=draft.pk))[1] == (
        "Adults should take 400 mg every 6 hours [2, 4]. Rest helps [4]."
    )


def test_a_run_of_three_renumbered_citations_prints_as_a_range():
    assert inline_citations.renumbered(
        [("Treatment", "Rest helps [1, 2, 3].")], {1: 2, 2: 3, 3: 4}
    ) == ["Rest helps [2–4]."]
