"""services.article_create: a new, never-published article with its first draft."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from core.errors import DomainError
from encyclopedia import services
from encyclopedia.models import Article, Reference, Revision, Section
from tests.encyclopedia.factories import DEFAULT_REFERENCES, DEFAULT_SECTIONS, draft_article


def test_articles_are_numbered_sequentially_with_six_digits(cardiology, maria):
    first = draft_article(title="Angina", specialty=cardiology, author=maria)
    second = draft_article(title="Asthma", specialty=cardiology, author=maria)
    third = draft_article(title="Acne", specialty=cardiology, author=maria)

    assert [first.number, second.number, third.number] == ["000001", "000002", "000003"]


def test_the_next_number_follows_the_highest_number_in_use(cardiology, maria):
    draft_article(title="Angina", specialty=cardiology, author=maria, number="002321")

    article = draft_article(title="Asthma", specialty=cardiology, author=maria)

    assert article.number == "002322"


def test_a_given_number_is_kept(cardiology, maria):
    article = draft_article(specialty=cardiology, author=maria, number="002321")

    assert Article.objects.get(pk=article.pk).number == "002321"
    assert article.get_absolute_url() == "/article/002321/"


def test_a_taken_number_is_refused_and_nothing_is_written(cardiology, maria):
    draft_article(title="Angina", specialty=cardiology, author=maria, number="002321")
    articles, revisions = Article.objects.count(), Revision.objects.count()
    sections, references = Section.objects.count(), Reference.objects.count()
    history = Article.history.count()

    with pytest.raises(DomainError) as refused:
        draft_article(title="Asthma", specialty=cardiology, author=maria, number="002321")

    assert refused.value.code == "number_taken"
    assert "002321" in str(refused.value)
    assert Article.objects.count() == articles
    assert Revision.objects.count() == revisions
    assert Section.objects.count() == sections
    assert Reference.objects.count() == references
    assert Article.history.count() == history
    assert not Article.objects.filter(title="Asthma").exists()


def test_two_articles_with_the_same_title_get_different_slugs(dermatology, maria):
    first = draft_article(title="Eczema", specialty=dermatology, author=maria)
    second = draft_article(title="Eczema", specialty=dermatology, author=maria)

    assert first.slug == "eczema"
    assert second.slug != first.slug
    assert second.slug.startswith("eczema")


def test_a_new_article_is_a_draft_with_a_first_revision_by_its_author(cardiology, maria):
    article = draft_article(
        title="Atrial fibrillation",
        specialty=cardiology,
        author=maria,
        summary="An irregular heartbeat.",
    )

    assert article.status == Article.Status.DRAFT
    assert article.live_revision is None
    assert article.last_reviewed_on is None
    assert article.next_review_due is None
    draft = article.revisions.get()
    assert draft.number == 1
    assert draft.state == Revision.State.DRAFT
    assert draft.title == "Atrial fibrillation"
    assert draft.summary == "An irregular heartbeat."
    assert draft.author == maria
    assert list(draft.contributors.all()) == [maria]
    assert draft.based_on is None


def test_the_first_draft_holds_the_sections_and_references_in_order(cardiology, maria):
    article = draft_article(specialty=cardiology, author=maria)

    draft = article.revisions.get()
    assert [(s.heading, s.body) for s in draft.sections.all()] == [
        (s.heading, s.body) for s in DEFAULT_SECTIONS
    ]
    first_reference = draft.references.all()[0]
    assert [r.citation for r in draft.references.all()] == [r.citation for r in DEFAULT_REFERENCES]
    assert first_reference.url == "https://doi.org/10.5555/stet.demo.2021.0142"
    assert first_reference.accessed_on == datetime.date(2024, 7, 1)
    assert first_reference.doi == "10.5555/stet.demo.2021.0142"


@pytest.mark.parametrize("model", [Article, Revision, Section, Reference])
def test_every_row_written_is_in_the_history_with_its_author_and_a_reason(cardiology, maria, model):
    article = draft_article(specialty=cardiology, author=maria)

    history = model.history.all()
    if model is Article:
        history = history.filter(id=article.pk)
    assert history.exists()
    for row in history:
        assert row.history_type == "+"
        assert row.history_user == maria
        assert row.history_change_reason.strip()


def test_an_article_with_a_bad_section_is_refused_and_nothing_is_written(cardiology, maria):
    with pytest.raises(ValidationError):
        services.article_insert(
            title="Angina",
            specialty=cardiology,
            author=maria,
            sections=[services.SectionInput("Causes", "x" * 60_001)],
        )

    assert not Article.objects.exists()
    assert not Revision.objects.exists()
    assert not Article.history.exists()
