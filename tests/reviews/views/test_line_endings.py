"""A browser sends a textarea's lines ended with CR LF: saved through the draft form,
the text is stored with plain line ends, so the sections the editor did not touch read
"unchanged" on the review page; drafts saved before are put right by a migration."""

import importlib

import pytest
from django.apps import apps
from django.urls import reverse

from encyclopedia.models import Revision, Section
from encyclopedia.services import SectionInput
from tests.reviews.factories import draft_change, live_article
from tests.reviews.views.forms import draft_post_data

pytestmark = pytest.mark.django_db


def crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


PARAGRAPHS = [
    SectionInput(
        "Causes", "High blood pressure strains the heart.\n\nSo does heart valve disease."
    ),
    SectionInput("Treatment", "Medicines slow the heart rate.\n\nSome people need a procedure."),
    SectionInput("Outlook", "Most people live well with it.\n\n- Take medicines\n- Stay active"),
]


def test_sections_saved_from_a_browser_keep_untouched_ones_unchanged(client, maria, cardiology):
    article = live_article(specialty=cardiology, author=maria, sections=PARAGRAPHS)
    draft = draft_change(article, editor=maria)
    data = draft_post_data(draft)
    for key in [key for key in data if key.endswith("-body") or key == "summary"]:
        data[key] = crlf(data[key]) + ("\r\n" if key == "summary" else "")
    client.force_login(maria)

    saved = client.post(reverse("reviews:revision-edit", args=[draft.pk]), data)

    assert saved.status_code == 302
    assert not Section.objects.filter(revision=draft, body__contains="\r").exists()
    review = client.get(reverse("reviews:revision-review", args=[draft.pk]))
    statuses = [change.status for change in review.context["comparison"].sections]
    assert statuses.count("changed") == 1  # Treatment, which draft_change rewrote
    assert set(statuses) == {"changed", "unchanged"}


def test_the_migration_puts_right_drafts_saved_with_cr_lf_and_leaves_signed_text(maria, cardiology):
    article = live_article(specialty=cardiology, author=maria)
    draft = draft_change(article, editor=maria)
    Section.objects.filter(revision=draft).update(body="Line one.\r\nLine two.\r")
    Revision.objects.filter(pk=draft.pk).update(summary="A summary.\r\nMore.")
    live_body = article.live_revision.sections.first().body

    migration = importlib.import_module("encyclopedia.migrations.0006_drafts_plain_newlines")
    migration.normalise(apps, None)

    assert set(Section.objects.filter(revision=draft).values_list("body", flat=True)) == {
        "Line one.\nLine two.\n"
    }
    assert Revision.objects.get(pk=draft.pk).summary == "A summary.\nMore."
    assert article.live_revision.sections.first().body == live_body
