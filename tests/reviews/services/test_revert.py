"""Scenario 5: a draft started from an earlier published version ("revert") goes through
review like any change; nothing on the live page moves until it is published."""

import pytest

from core.errors import InvalidTransition, PermissionDenied
from encyclopedia import services as content
from encyclopedia.models import Revision
from reviews import services
from reviews.models import AuditEvent
from tests.reviews.factories import (
    LIVE_SECTIONS,
    NEW_TREATMENT,
    draft_change,
    fresh,
    live_article,
    published_revision,
    sign_all,
    submit,
)

State = Revision.State


@pytest.fixture
def v1_and_v2(article, maria, signers):
    """v1 was live; Maria's v2 (the new Treatment text) is live now."""
    v1 = article.live_revision
    v2 = published_revision(article, editor=maria, signers=signers)
    return v1, v2


def treatment_of(revision):
    return revision.sections.get(heading="Treatment").body


def test_a_draft_started_from_an_earlier_version_copies_that_content(
    article, maria, tom, v1_and_v2
):
    v1, v2 = v1_and_v2

    draft = services.revision_start_draft(article=article, editor=tom, source=v1)

    assert (draft.state, draft.number, draft.author) == (State.DRAFT, 3, tom)
    assert (draft.copied_from, draft.based_on) == (v1, v2)
    assert content.revision_content(draft) == content.revision_content(v1)
    event = AuditEvent.objects.get(revision=draft)
    assert (event.action, event.actor, event.to_state, event.note) == (
        "start_draft",
        tom,
        State.DRAFT,
        "Revert: draft started from v1",
    )


def test_a_revert_goes_through_review_and_the_live_page_waits_for_the_publish(
    article, maria, tom, signers, v1_and_v2
):
    v1, v2 = v1_and_v2
    revert = services.revision_start_draft(article=article, editor=tom, source=v1)

    submit(revert, change_summary="Revert to v1: the new threshold was withdrawn")
    article.refresh_from_db()
    assert article.live_revision == v2
    assert treatment_of(article.live_revision) == NEW_TREATMENT

    sign_all(revert, *signers)
    article.refresh_from_db()
    assert article.live_revision == v2

    services.revision_publish(revision=revert, editor=tom)
    article.refresh_from_db()
    assert article.live_revision == revert
    assert treatment_of(article.live_revision) == LIVE_SECTIONS[1].body
    assert fresh(v1).state == fresh(v2).state == State.PUBLISHED
    assert treatment_of(v2) == NEW_TREATMENT


def test_a_draft_from_the_live_version_is_not_called_a_revert(article, maria):
    draft = services.revision_start_draft(article=article, editor=maria)

    note = AuditEvent.objects.get(revision=draft).note
    assert note == "Draft started from the live v1"
    assert "Revert" not in note


def test_a_revert_cannot_start_from_an_unpublished_revision(article, maria, tom):
    unpublished = draft_change(article, editor=maria)
    drafts = Revision.objects.count()

    with pytest.raises(InvalidTransition):
        services.revision_start_draft(article=article, editor=tom, source=unpublished)

    assert Revision.objects.count() == drafts


def test_a_revert_cannot_start_from_another_articles_version(article, cardiology, maria):
    angina = live_article(specialty=cardiology, author=maria, title="Angina")
    drafts = Revision.objects.count()

    with pytest.raises(InvalidTransition):
        services.revision_start_draft(article=article, editor=maria, source=angina.live_revision)

    assert Revision.objects.count() == drafts


@pytest.mark.parametrize("who", ["okafor", "brenda", "charlie"])
def test_only_editors_start_drafts(article, charlie, signers, who):
    okafor, _, brenda = signers
    person = {"okafor": okafor, "brenda": brenda, "charlie": charlie}[who]
    drafts, events = Revision.objects.count(), AuditEvent.objects.count()

    with pytest.raises(PermissionDenied) as refused:
        services.revision_start_draft(article=article, editor=person)

    assert refused.value.code == "wrong_role"
    assert (Revision.objects.count(), AuditEvent.objects.count()) == (drafts, events)
