"""Readers' pages are served from the cache, with the headers a CDN needs, and dropped the
moment what they print changes; the team never gets a reader's page, nor a reader theirs."""

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.contrib.sessions.middleware import SessionMiddleware
from django.test import Client

from core import outbox
from core.models import OutgoingCall
from encyclopedia import services
from encyclopedia.models import Article
from encyclopedia.services import SectionInput
from tests.encyclopedia.factories import edited_draft, publish, published_article
from tests.faults.conftest import free_port


@pytest.fixture
def article(maria, cardiology):
    return published_article(
        title="Angina", author=maria, specialty=cardiology, sections=[SectionInput("Care", "Rest.")]
    )


def test_a_readers_page_is_rendered_once_then_served_from_the_cache(
    client, article, django_assert_num_queries
):
    first = client.get(article.get_absolute_url())

    with django_assert_num_queries(0):
        second = client.get(article.get_absolute_url())

    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert "s-maxage=300" in second["Cache-Control"] and "public" in second["Cache-Control"]
    assert "Cookie" in second["Vary"]
    assert second["Last-Modified"]


def test_a_matching_if_none_match_answers_304_without_a_body(client, article):
    etag = client.get(article.get_absolute_url())["ETag"]

    again = client.get(article.get_absolute_url(), headers={"If-None-Match": etag})
    other = client.get(article.get_absolute_url(), headers={"If-None-Match": '"something-else"'})

    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == etag
    assert other.status_code == 200


def test_a_publish_is_visible_on_the_next_request(
    client, article, maria, django_capture_on_commit_callbacks
):
    before = client.get(article.get_absolute_url())
    draft = edited_draft(
        article, editor=maria, sections=[SectionInput("Care", "Rest and ablation.")]
    )

    with django_capture_on_commit_callbacks(execute=True):
        publish(draft)
    after = client.get(article.get_absolute_url())

    assert "Rest and ablation." in after.content.decode()
    assert after["ETag"] != before["ETag"]
    assert (
        client.get(
            article.get_absolute_url(), headers={"If-None-Match": before["ETag"]}
        ).status_code
        == 200
    )


# --- The front door: a stored page answered before the session is looked at --------------


def past_the_front_door(monkeypatch) -> None:
    """From now on, a request that reaches the session middleware fails: what the front
    door answers never gets that far."""

    def refuse(self, request):
        raise AssertionError("the request went past the front door")

    monkeypatch.setattr(SessionMiddleware, "process_request", refuse)


def test_a_stored_page_is_answered_at_the_front_door_with_the_headers_it_went_out_with(
    client, article, monkeypatch, django_assert_num_queries
):
    first = client.get(article.get_absolute_url())  # through the whole stack, and stored
    past_the_front_door(monkeypatch)

    with django_assert_num_queries(0):
        again = client.get(article.get_absolute_url())

    assert again.status_code == 200 and again.content == first.content
    for header in (
        "ETag",
        "Last-Modified",
        "Cache-Control",
        "Vary",
        "Content-Type",
        "Content-Security-Policy",
        "X-Frame-Options",
        "Referrer-Policy",
    ):
        assert again.get(header) == first.get(header), header


def test_the_front_door_answers_a_matching_if_none_match_with_304(client, article, monkeypatch):
    first = client.get(article.get_absolute_url())
    past_the_front_door(monkeypatch)

    again = client.get(article.get_absolute_url(), headers={"If-None-Match": first["ETag"]})

    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == first["ETag"]
    assert again["Cache-Control"] == first["Cache-Control"]
    assert "Content-Type" not in again or again["Content-Type"] == first["Content-Type"]


def test_a_publish_drops_the_page_the_front_door_answers(
    client, article, maria, django_capture_on_commit_callbacks
):
    client.get(article.get_absolute_url())
    assert "Rest." in client.get(article.get_absolute_url()).content.decode()  # front door
    draft = edited_draft(article, editor=maria, sections=[SectionInput("Care", "Rest, then walk.")])

    with django_capture_on_commit_callbacks(execute=True):
        publish(draft)

    assert "Rest, then walk." in client.get(article.get_absolute_url()).content.decode()


def test_the_front_door_never_answers_someone_signed_in(client, article, maria, monkeypatch):
    Client().get(article.get_absolute_url())  # a reader's page, stored with its headers
    client.force_login(maria)

    page = client.get(article.get_absolute_url())

    assert "staff-bar" in page.content.decode()
    assert "private" in page["Cache-Control"]


def test_the_index_and_home_page_follow_a_publish(client, article, maria, cardiology):
    assert "Asthma" not in client.get("/articles/?letter=A").content.decode()
    assert "Asthma" not in client.get("/").content.decode()

    published_article(title="Asthma", author=maria, specialty=cardiology)

    assert "Asthma" in client.get("/articles/?letter=A").content.decode()
    assert "Asthma" in client.get("/").content.decode()


def test_a_retired_page_stops_being_served_from_the_cache(client, article, brenda):
    assert client.get(article.get_absolute_url()).status_code == 200

    services.article_mark_retired(article=article, user=brenda, reason="Merged into Chest pain")

    assert client.get(article.get_absolute_url()).status_code == 410


def test_a_specialty_renamed_is_printed_at_once(client, article, cardiology):
    client.get(article.get_absolute_url())

    cardiology.name = "Cardiovascular medicine"
    cardiology.save()

    assert "Cardiovascular medicine" in client.get(article.get_absolute_url()).content.decode()


def test_a_signed_in_editor_never_gets_a_cached_readers_page(client, article, maria):
    client.get(article.get_absolute_url())  # a reader's page is now cached
    client.force_login(maria)

    page = client.get(article.get_absolute_url())

    assert "staff-bar" in page.content.decode()
    assert "private" in page["Cache-Control"] and "ETag" not in page


def test_a_reader_never_gets_the_team_bar(article, maria):
    editor, reader = Client(), Client()
    editor.force_login(maria)
    editor.get(article.get_absolute_url())  # the editor's page first: it must not be kept

    page = reader.get(article.get_absolute_url()).content.decode()

    assert "staff-bar" not in page and "csrfmiddlewaretoken" not in page


def test_a_reader_with_a_message_waiting_gets_a_fresh_page(client, article):
    client.get(article.get_absolute_url())
    client.cookies["messages"] = "a message set by the last page"

    page = client.get(article.get_absolute_url())

    assert "private" in page["Cache-Control"] and "ETag" not in page


# --- The CDN's purge hook -----------------------------------------------------------------


class PurgeEndpoint(BaseHTTPRequestHandler):
    received: list = []

    def do_POST(self):
        length = int(self.headers["Content-Length"])
        PurgeEndpoint.received.append(json.loads(self.rfile.read(length)))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def purge_url(settings):
    port = free_port()
    server = HTTPServer(("127.0.0.1", port), PurgeEndpoint)
    PurgeEndpoint.received = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.STET = {**settings.STET, "PURGE_URL": f"http://127.0.0.1:{port}/purge"}
    yield settings.STET["PURGE_URL"]
    server.shutdown()


def test_each_publish_calls_the_purge_hook_once_through_the_outbox(
    article, maria, purge_url, django_capture_on_commit_callbacks
):
    draft = edited_draft(article, editor=maria, title="Angina pectoris")
    with django_capture_on_commit_callbacks(execute=True):
        publish(draft)

    assert PurgeEndpoint.received == [
        {
            "urls": [
                "https://encyclopedia.example/article/000001/",
                f"https://encyclopedia.example/article/{Article.objects.get().slug}/",
                "https://encyclopedia.example/articles/?letter=A",
                "https://encyclopedia.example/",
            ]
        }
    ]
    assert OutgoingCall.objects.get().status == OutgoingCall.Status.SENT
    assert outbox.outbox_send_calls() == 0  # the sweep finds nothing left to send


def test_a_purge_hook_that_is_away_is_called_again_later(article, brenda, settings):
    settings.STET = {**settings.STET, "PURGE_URL": f"http://127.0.0.1:{free_port()}/purge"}

    services.article_mark_retired(article=article, user=brenda, reason="Merged")
    outbox.outbox_send_calls()

    call = OutgoingCall.objects.get()
    assert call.status == OutgoingCall.Status.QUEUED and call.attempts == 1
    assert "Connection refused" in call.last_error or "URLError" in call.last_error


def test_without_a_purge_hook_nothing_is_queued(article, brenda):
    services.article_mark_retired(article=article, user=brenda, reason="Merged")

    assert not OutgoingCall.objects.exists()
