"""A published correction may carry a public note; the article's page lists its
corrections, each with the date it was published."""

import datetime
from importlib import import_module

import pytest
from django.apps import apps

from core.errors import DomainError
from encyclopedia import selectors
from encyclopedia import services as content
from encyclopedia.models import Article, Revision
from reviews import services
from tests.reviews.factories import draft_change, fresh, sign_all, submit

pytestmark = pytest.mark.django_db

Kind = Revision.Kind
DOSE = "The adult dose of ibuprofen was given in grams; it is 400 mg."


def save(revision: Revision, editor, **changes) -> Revision:
    """Save `revision` as it is, with `changes` to the service's arguments."""
    sections, references = content.revision_content(revision)
    return content.revision_save_draft(
        revision=revision,
        editor=editor,
        expected_version=fresh(revision).edit_version,
        title=revision.title,
        summary=revision.summary,
        sections=sections,
        references=references,
        **changes,
    )


def with_note(revision: Revision, note: str, editor) -> Revision:
    return save(revision, editor, public_note=note)


def published_correction(article, maria, brenda, note: str, kind=Kind.CORRECTION) -> Revision:
    draft = draft_change(article, editor=maria, correction=True)
    with_note(draft, note, maria)
    submit(draft, editor=maria, kind=kind)
    sign_all(draft, *([brenda] if kind == Kind.CORRECTION else []))
    services.revision_publish(revision=fresh(draft), editor=maria)
    return fresh(draft)


def test_the_page_lists_each_published_correction_with_its_date(
    client, article, maria, brenda, today
):
    published_correction(article, maria, brenda, "A link to the guideline was updated.")
    today.shift(datetime.timedelta(days=3))
    published_correction(article, maria, brenda, DOSE)

    page = client.get(article.get_absolute_url())

    assert page.status_code == 200
    assert ">Corrections</h2>" in page.text
    newest, older = page.text.index(DOSE), page.text.index("A link to the guideline")
    assert newest < older  # newest first
    assert '<time datetime="2026-11-30">November 30, 2026</time>' in page.text


def test_the_corrections_cost_the_page_one_query_however_many(
    client, article, maria, brenda, today, django_assert_num_queries
):
    published_correction(article, maria, brenda, "A link to the guideline was updated.")
    published_correction(article, maria, brenda, DOSE)

    # The article with what it prints, then its corrections.
    with django_assert_num_queries(2):
        page = client.get(article.get_absolute_url())

    assert page.text.count("<li><time") == 2


def test_the_article_knows_it_has_corrections_exactly_when_its_page_lists_some(
    article, maria, okafor, dugdale, brenda
):
    # The page asks for its corrections only when the article says it has some.
    def agrees() -> bool:
        listed = selectors.correction_list_for_reader(article=article).exists()
        return fresh(article).has_corrections == listed

    published_correction(article, maria, brenda, "   ")
    assert agrees() and not fresh(article).has_corrections
    update = draft_change(article, editor=maria)
    with_note(update, DOSE, maria)
    submit(update, editor=maria, kind=Kind.UPDATE)
    sign_all(update, okafor.user, dugdale.user, brenda)
    services.revision_publish(revision=fresh(update), editor=maria)
    assert agrees() and not fresh(article).has_corrections
    published_correction(article, maria, brenda, DOSE)
    assert agrees() and fresh(article).has_corrections
    published_correction(article, maria, brenda, "")  # a later one, without a note
    assert agrees() and fresh(article).has_corrections


def test_a_correction_without_a_note_is_not_listed(client, article, maria, brenda):
    published_correction(article, maria, brenda, "   ")

    page = client.get(article.get_absolute_url())

    assert "Corrections</h2>" not in page.text
    assert not selectors.correction_list_for_reader(article=article).exists()


def test_a_note_on_a_change_that_was_not_a_correction_is_not_listed(
    article, maria, okafor, dugdale, brenda
):
    draft = draft_change(article, editor=maria)
    with_note(draft, DOSE, maria)
    submit(draft, editor=maria, kind=Kind.UPDATE)
    sign_all(draft, okafor.user, dugdale.user, brenda)
    services.revision_publish(revision=fresh(draft), editor=maria)

    assert not selectors.correction_list_for_reader(article=article).exists()


def test_a_correction_still_waiting_is_not_listed(article, maria):
    draft = draft_change(article, editor=maria, correction=True)
    with_note(draft, DOSE, maria)
    submit(draft, editor=maria, kind=Kind.CORRECTION)

    assert not selectors.correction_list_for_reader(article=article).exists()


def test_a_replaced_correction_stays_listed(client, article, maria, brenda, today):
    published_correction(article, maria, brenda, DOSE)
    today.shift(datetime.timedelta(days=1))
    published_correction(article, maria, brenda, "")

    assert DOSE in client.get(article.get_absolute_url()).text


def test_a_note_over_the_limit_is_refused_and_the_draft_kept(article, maria):
    draft = draft_change(article, editor=maria, correction=True)
    before = fresh(draft).edit_version

    with pytest.raises(DomainError) as refusal:
        with_note(draft, "x" * 1001, maria)

    assert refusal.value.code == "too_long"
    assert "1,000 characters" in refusal.value.message
    assert (fresh(draft).public_note, fresh(draft).edit_version) == ("", before)


def test_saving_without_a_note_keeps_the_stored_one(article, maria):
    draft = draft_change(article, editor=maria, correction=True)
    with_note(draft, DOSE, maria)

    save(draft, maria)

    assert fresh(draft).public_note == DOSE


def test_the_draft_form_offers_the_note(client, article, maria):
    draft = draft_change(article, editor=maria, correction=True)
    with_note(draft, DOSE, maria)
    client.force_login(maria)

    page = client.get(f"/work/revisions/{draft.pk}/edit/")

    assert page.status_code == 200
    assert "Public note of the correction" in page.text
    assert DOSE in page.text


def test_the_signer_reads_the_note_before_signing(client, article, maria, brenda):
    draft = draft_change(article, editor=maria, correction=True)
    with_note(draft, DOSE, maria)
    submit(draft, editor=maria, kind=Kind.CORRECTION)
    client.force_login(brenda)

    page = client.get(f"/work/revisions/{draft.pk}/review/")

    assert page.status_code == 200
    assert DOSE in page.text


def test_the_corrections_published_before_the_flag_are_found_by_the_migration(
    article, maria, brenda
):
    fill = import_module("encyclopedia.migrations.0013_article_has_corrections").fill
    published_correction(article, maria, brenda, DOSE)
    Article.objects.filter(pk=article.pk).update(has_corrections=False)

    fill(apps, None)

    assert fresh(article).has_corrections
