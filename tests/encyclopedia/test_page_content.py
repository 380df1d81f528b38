"""A published revision is rendered once: at its last sign-off (tests/reviews/services/
test_publish.py), at publish when it was not, or on the first read of one published
before renderings were kept. The reader's page does no Markdown work."""

from unittest import mock

import pytest
from django.db import connection
from django.utils import timezone

from encyclopedia import page_content
from encyclopedia.models import Rendering
from encyclopedia.services import SectionInput
from tests.encyclopedia.factories import edited_draft, publish, published_article


@pytest.fixture
def article(maria, cardiology):
    return published_article(
        author=maria,
        specialty=cardiology,
        sections=[SectionInput("Treatment", "Medicines slow the heart rate; **rest** helps.")],
    )


def test_publishing_stores_the_rendered_content(article):
    stored = Rendering.objects.get(revision=article.live_revision)

    assert "<strong>rest</strong>" in stored.html
    assert "<h2>Treatment</h2>" in stored.html
    assert stored.renderer == page_content.RENDERER


def test_the_readers_page_prints_the_stored_rendering_without_rendering_markdown(client, article):
    with mock.patch("encyclopedia.rendering.render_markdown") as render_markdown:
        page = client.get(article.get_absolute_url()).content.decode()

    render_markdown.assert_not_called()
    assert "<strong>rest</strong> helps." in page


def test_a_revision_published_before_renderings_is_rendered_on_its_first_read(client, article):
    Rendering.objects.all().delete()

    page = client.get(article.get_absolute_url()).content.decode()

    assert "<strong>rest</strong> helps." in page
    assert Rendering.objects.filter(revision=article.live_revision).exists()


def test_a_rendering_by_other_code_is_made_again(client, article):
    Rendering.objects.update(html="<p>stale</p>", renderer="older-code")

    page = client.get(article.get_absolute_url()).content.decode()

    assert "stale" not in page
    assert Rendering.objects.get(revision=article.live_revision).renderer == page_content.RENDERER


def test_each_publish_renders_the_new_live_revision(client, article, maria):
    draft = edited_draft(
        article, editor=maria, sections=[SectionInput("Treatment", "Ablation *may* help.")]
    )
    publish(draft)

    page = client.get(article.get_absolute_url()).content.decode()

    assert "Ablation <em>may</em> help." in page
    assert "<strong>rest</strong>" not in page


def test_code_from_before_the_search_text_can_still_store_a_rendering(article):
    # While a deploy migrates, workers still running the previous release write
    # renderings without the fields added since; the database fills them in.
    revision_id = article.live_revision_id
    Rendering.objects.all().delete()
    table = connection.ops.quote_name(Rendering._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (revision_id, html, renderer, rendered_at) "
            "VALUES (%s, %s, %s, %s)",
            [revision_id, "<p>Rest.</p>", "older-code", timezone.now()],
        )

    stored = Rendering.objects.get(revision_id=revision_id)
    assert (stored.text, stored.edit_version) == ("", None)
