"""A published revision never changes (rule 3): not through the model, the queryset,
the content rows, or the admin. The Review Date and credits on a page are evidence
for what was live; rewriting a published revision would falsify the audit trail.
"""

import pytest
from django.db import transaction
from django.urls import reverse

from encyclopedia.models import (
    PublishedRevisionImmutable,
    Reference,
    Revision,
    Section,
)
from tests.encyclopedia.factories import (
    admin_form_data,
    draft_article,
    edited_draft,
    publish,
    published_article,
    superuser,
)

CONTENT_MODELS = [Section, Reference]


@pytest.fixture
def article(cardiology, maria):
    return published_article(specialty=cardiology, author=maria)


@pytest.fixture
def live(article) -> Revision:
    return article.live_revision


def stored_title(revision: Revision) -> str:
    return Revision.objects.values_list("title", flat=True).get(pk=revision.pk)


def snapshot(revision: Revision):
    """Everything a reader of this revision would see, as stored."""
    row = Revision.objects.values("title", "summary", "state").get(pk=revision.pk)
    return (
        row,
        list(Section.objects.filter(revision=revision).values_list("pk", "heading", "body")),
        list(Reference.objects.filter(revision=revision).values_list("pk", "citation", "url")),
    )


def content_row(model, revision: Revision):
    return model.objects.filter(revision=revision).first()


def new_content_row(model, revision: Revision):
    if model is Section:
        return Section(revision=revision, position=9, heading="Added", body="Added later.")
    return Reference(revision=revision, position=9, citation="Added later.")


# --- The revision row -----------------------------------------------------------------


def test_the_instance_that_was_published_cannot_be_saved_again(article, maria):
    draft = draft_article(title="Angina", author=maria)
    revision = draft.revisions.get()
    publish(revision)

    revision.title = "Rewritten"
    with pytest.raises(PublishedRevisionImmutable):
        revision.save()

    assert stored_title(revision) == "Angina"


def test_a_published_revision_cannot_be_saved_after_refreshing_it(live):
    live.refresh_from_db()
    live.title = "Rewritten"

    with pytest.raises(PublishedRevisionImmutable):
        live.save()

    assert stored_title(live) == "Atrial fibrillation"


def test_a_freshly_fetched_published_revision_cannot_be_saved(live):
    fetched = Revision.objects.get(pk=live.pk)
    fetched.title = "Rewritten"

    with pytest.raises(PublishedRevisionImmutable):
        fetched.save()
    with pytest.raises(PublishedRevisionImmutable):
        fetched.save(update_fields=["title"])

    assert stored_title(live) == "Atrial fibrillation"


def test_a_copy_loaded_before_publishing_cannot_overwrite_the_published_revision(maria):
    article = draft_article(title="Angina", author=maria)
    revision = article.revisions.get()
    loaded_while_draft = Revision.objects.get(pk=revision.pk)
    publish(revision)
    before = snapshot(revision)

    loaded_while_draft.title = "Rewritten from a stale copy"
    with pytest.raises(PublishedRevisionImmutable):
        loaded_while_draft.save()

    assert snapshot(revision) == before
    assert Revision.objects.get(pk=revision.pk).state == Revision.State.PUBLISHED


def test_a_published_revision_cannot_be_deleted(live):
    with pytest.raises(PublishedRevisionImmutable):
        Revision.objects.get(pk=live.pk).delete()

    assert Revision.objects.filter(pk=live.pk).exists()


def test_a_published_revision_cannot_be_updated_through_a_queryset(live):
    with pytest.raises(PublishedRevisionImmutable):
        Revision.objects.filter(pk=live.pk).update(title="Rewritten")
    with pytest.raises(PublishedRevisionImmutable):
        Revision.objects.filter(pk=live.pk).update(state=Revision.State.DRAFT)

    assert stored_title(live) == "Atrial fibrillation"
    assert Revision.objects.get(pk=live.pk).state == Revision.State.PUBLISHED


def test_a_queryset_update_that_includes_a_published_revision_changes_nothing(article, maria):
    draft = edited_draft(article, editor=maria, title="Draft title")

    with pytest.raises(PublishedRevisionImmutable):
        Revision.objects.filter(article=article).update(summary="Everywhere")

    assert stored_title(draft) == "Draft title"
    assert not Revision.objects.filter(summary="Everywhere").exists()


def test_a_published_revision_cannot_be_bulk_updated(live):
    live.title = "Rewritten"

    # bulk_update runs in atomic(savepoint=False); the savepoint stands in for the
    # transaction a request would have, so the test can read the row afterwards.
    with pytest.raises(PublishedRevisionImmutable), transaction.atomic():
        Revision.objects.bulk_update([live], ["title"])

    assert stored_title(live) == "Atrial fibrillation"


def test_a_published_revision_cannot_be_deleted_through_a_queryset(live):
    with pytest.raises(PublishedRevisionImmutable):
        Revision.objects.filter(pk=live.pk).delete()

    assert Revision.objects.filter(pk=live.pk).exists()


# --- Its sections and references -----------------------------------------------------


@pytest.mark.parametrize("model", CONTENT_MODELS)
def test_a_published_revisions_content_row_cannot_be_saved(live, model):
    before = snapshot(live)
    row = content_row(model, live)
    if model is Section:
        row.body = "Rewritten"
    else:
        row.citation = "Rewritten"

    with pytest.raises(PublishedRevisionImmutable):
        row.save()

    assert snapshot(live) == before


@pytest.mark.parametrize("model", CONTENT_MODELS)
def test_a_published_revision_cannot_gain_a_content_row(live, model):
    before = snapshot(live)

    with pytest.raises(PublishedRevisionImmutable):
        new_content_row(model, live).save()

    assert snapshot(live) == before


@pytest.mark.parametrize("model", CONTENT_MODELS)
def test_a_published_revision_cannot_gain_content_rows_in_bulk(live, model):
    before = snapshot(live)

    with pytest.raises(PublishedRevisionImmutable), transaction.atomic():
        model.objects.bulk_create([new_content_row(model, live)])

    assert snapshot(live) == before


@pytest.mark.parametrize("model", CONTENT_MODELS)
def test_a_published_revisions_content_row_cannot_be_deleted(live, model):
    before = snapshot(live)

    with pytest.raises(PublishedRevisionImmutable):
        content_row(model, live).delete()

    assert snapshot(live) == before


@pytest.mark.parametrize("model", CONTENT_MODELS)
def test_a_published_revisions_content_cannot_be_updated_through_a_queryset(live, model):
    before = snapshot(live)
    field = "body" if model is Section else "citation"

    with pytest.raises(PublishedRevisionImmutable):
        model.objects.filter(revision=live).update(**{field: "Rewritten"})

    assert snapshot(live) == before


@pytest.mark.parametrize("model", CONTENT_MODELS)
def test_a_published_revisions_content_cannot_be_deleted_through_a_queryset(live, model):
    before = snapshot(live)

    with pytest.raises(PublishedRevisionImmutable):
        model.objects.filter(revision=live).delete()

    assert snapshot(live) == before


# --- Drafts stay editable ----------------------------------------------------------------


def test_a_draft_revision_and_its_content_can_still_be_changed(article, maria):
    draft = edited_draft(article, editor=maria)

    draft.title = "Draft title"
    draft.save()
    section = draft.sections.first()
    section.body = "Draft body"
    section.save()
    Reference.objects.filter(revision=draft).update(citation="Draft citation")
    Section.objects.create(revision=draft, position=5, heading="New", body="New section.")

    assert stored_title(draft) == "Draft title"
    assert Section.objects.get(pk=section.pk).body == "Draft body"
    assert set(draft.references.values_list("citation", flat=True)) == {"Draft citation"}
    assert draft.sections.filter(heading="New").exists()
    assert stored_title(article.live_revision) == "Atrial fibrillation"


def test_a_draft_revision_can_be_deleted(article, maria):
    draft = edited_draft(article, editor=maria)

    draft.delete()

    assert not Revision.objects.filter(pk=draft.pk).exists()
    assert Revision.objects.filter(pk=article.live_revision_id).exists()


# --- The admin ---------------------------------------------------------------------------


def test_the_admin_shows_a_published_revision_read_only(client, live):
    client.force_login(superuser())

    response = client.get(reverse("admin:encyclopedia_revision_change", args=[live.pk]))

    assert response.status_code == 200
    assert not response.context["has_change_permission"]
    assert not response.context["has_delete_permission"]
    assert 'name="_save"' not in response.content.decode()
    assert 'name="title"' not in response.content.decode()


def test_the_admin_refuses_a_change_to_a_published_revision(client, live, maria):
    before = snapshot(live)
    client.force_login(superuser())
    data = {
        "article": live.article_id,
        "number": live.number,
        "title": "Rewritten in the admin",
        "summary": "Rewritten.",
        "kind": live.kind,
        "change_summary": "",
        "author": maria.pk,
        "_save": "Save",
    }

    response = client.post(reverse("admin:encyclopedia_revision_change", args=[live.pk]), data)

    assert response.status_code == 403
    assert snapshot(live) == before


def test_the_admin_refuses_to_delete_a_published_revision(client, live):
    client.force_login(superuser())

    response = client.post(
        reverse("admin:encyclopedia_revision_delete", args=[live.pk]), {"post": "yes"}
    )

    assert response.status_code == 403
    assert Revision.objects.filter(pk=live.pk).exists()


def test_the_admin_history_cannot_revert_a_published_revision(client, live):
    before = snapshot(live)
    client.force_login(superuser())
    as_first_saved = live.history.order_by("history_id").first()
    url = reverse(
        "admin:encyclopedia_revision_simple_history", args=[live.pk, as_first_saved.history_id]
    )
    data = admin_form_data(client.get(url))
    data["title"] = "Reverted in the admin"
    client.raise_request_exception = False

    response = client.post(url, data)

    assert response.status_code == 403
    assert snapshot(live) == before


@pytest.mark.parametrize("model", CONTENT_MODELS)
def test_the_admin_refuses_a_change_to_a_published_revisions_content(client, live, model):
    before = snapshot(live)
    row = content_row(model, live)
    client.force_login(superuser())
    url = reverse(f"admin:encyclopedia_{model._meta.model_name}_change", args=[row.pk])
    field = "body" if model is Section else "citation"

    page = client.get(url)
    response = client.post(
        url,
        {"revision": live.pk, "position": 0, "heading": "Rewritten", field: "Rewritten"},
    )

    assert page.status_code == 200
    assert not page.context["has_change_permission"]
    assert response.status_code == 403
    assert snapshot(live) == before


def test_the_admin_saves_a_change_to_a_draft_revision(client, article, maria):
    draft = edited_draft(article, editor=maria)
    client.force_login(superuser())
    url = reverse("admin:encyclopedia_revision_change", args=[draft.pk])
    data = admin_form_data(client.get(url))
    data["title"] = "Retitled in the admin"
    data["sections-0-body"] = "Rewritten in the admin."

    response = client.post(url, data)

    assert response.status_code == 302
    assert stored_title(draft) == "Retitled in the admin"
    assert draft.sections.first().body == "Rewritten in the admin."
    assert stored_title(article.live_revision) == "Atrial fibrillation"
