"""Every refusal has the same body, and bad requests never reach a 500."""

import pytest

pytestmark = pytest.mark.django_db


def test_an_unknown_endpoint_answers_404_in_the_apis_shape(signed_in, maria):
    response = signed_in(maria).get("/api/v1/nothing/here/")

    assert response.status_code == 404
    assert response.json() == {"code": "not_found", "detail": "There is no such API endpoint."}


def test_a_malformed_article_number_is_a_404(anonymous):
    response = anonymous.get("/api/v1/articles/12ab/")

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_malformed_json_is_a_400(signed_in, maria):
    response = signed_in(maria).generic(
        "POST", "/api/v1/articles/", '{"title": ', content_type="application/json"
    )

    assert response.status_code == 400
    assert response.json()["code"] == "parse_error"


def test_a_body_that_is_not_an_object_is_a_400(signed_in, maria, cardiology):
    response = signed_in(maria).post("/api/v1/articles/", ["a", "list"], format="json")

    assert response.status_code == 400
    assert response.json()["fields"] == {
        "non_field_errors": ["Invalid data. Expected a dictionary, but got list."]
    }


def test_form_encoded_bodies_are_refused(signed_in, maria):
    response = signed_in(maria).post("/api/v1/articles/", {"title": "X"}, format="multipart")

    assert response.status_code == 415
    assert response.json()["code"] == "unsupported_media_type"


def test_a_method_the_endpoint_does_not_have_is_a_405(signed_in, maria, article):
    response = signed_in(maria).delete(f"/api/v1/articles/{article.number}/")

    assert response.status_code == 405
    assert response.json()["code"] == "method_not_allowed"


def test_an_oversized_id_is_a_404_not_a_crash(signed_in, maria):
    response = signed_in(maria).get(f"/api/v1/revisions/{10**30}/")

    assert response.status_code == 404


def test_a_body_past_the_upload_limit_is_refused_before_it_is_parsed(
    signed_in, maria, article, settings
):
    settings.API_MAX_BODY_BYTES = 1024 * 1024
    draft_url = f"/api/v1/articles/{article.number}/revisions/"
    body = '{"source": null, "padding": "' + "x" * (1024 * 1024) + '"}'

    response = signed_in(maria).generic("POST", draft_url, body, content_type="application/json")

    assert response.status_code == 413
    assert response.json()["code"] == "too_large"
    assert article.revisions.count() == 1
