"""The database connection lost in the middle of a publish (PostgreSQL, its backend
terminated as a failover would): nothing is half-published, the editor reads why,
and publishing again works."""

import pytest
from django.db import connection
from django.db.models.signals import post_save
from django.urls import reverse

from api.services import api_token_create
from core.errors import DATABASE_AWAY
from encyclopedia.models import Article, Revision
from tests.api.clients import bearer
from tests.faults.conftest import pg_connect
from tests.reviews.factories import approved_revision, live_article

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="terminates a PostgreSQL backend"),
]


def terminate(pid: int) -> None:
    with pg_connect() as other:
        other.execute("SELECT pg_terminate_backend(%s)", [pid])


@pytest.fixture
def cut_mid_publish():
    """Arms a cut: the next time an article row is written, its connection is
    terminated, so the rest of the publish (credits, the review record, the audit
    event, the commit) fails."""

    def cut(sender, instance, **kwargs):
        post_save.disconnect(cut, sender=Article)
        terminate(connection.connection.info.backend_pid)

    yield lambda: post_save.connect(cut, sender=Article, weak=False)
    post_save.disconnect(cut, sender=Article)


def test_a_publish_cut_off_from_the_database_saves_nothing_and_can_be_retried(
    client, maria, okafor, dugdale, brenda, cardiology, cut_mid_publish
):
    article = live_article(specialty=cardiology, author=maria)
    live_before = article.live_revision_id
    revision = approved_revision(article, editor=maria, signers=[okafor.user, dugdale.user, brenda])
    client.force_login(maria)
    cut_mid_publish()

    cut = client.post(
        reverse("reviews:revision-publish", args=[revision.pk]), {"confirm": "1"}, follow=True
    )

    assert cut.status_code == 200
    assert DATABASE_AWAY in [str(message) for message in cut.context["messages"]]
    assert Article.objects.get(pk=article.pk).live_revision_id == live_before
    assert Revision.objects.get(pk=revision.pk).state == Revision.State.APPROVED

    again = client.post(
        reverse("reviews:revision-publish", args=[revision.pk]), {"confirm": "1"}, follow=True
    )

    assert "Published: the live page now shows this revision." in again.content.decode()
    assert Article.objects.get(pk=article.pk).live_revision_id == revision.pk


def test_the_api_answers_503_and_the_call_can_be_repeated(
    maria, okafor, dugdale, brenda, cardiology, cut_mid_publish
):
    article = live_article(specialty=cardiology, author=maria)
    revision = approved_revision(article, editor=maria, signers=[okafor.user, dugdale.user, brenda])
    api = bearer(api_token_create(user=maria, name="Site build").key)
    cut_mid_publish()

    cut = api.post(f"/api/v1/revisions/{revision.pk}/publish/")
    again = api.post(f"/api/v1/revisions/{revision.pk}/publish/")

    assert (cut.status_code, cut.json()["code"]) == (503, "database_unavailable")
    assert again.status_code == 200
    assert Article.objects.get(pk=article.pk).live_revision_id == revision.pk
