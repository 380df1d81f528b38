"""The OpenAPI schema is valid and complete, and the documentation pages render it without
anything fetched from outside the site."""

import re

import pytest
import yaml
from django.core.management import call_command
from drf_spectacular.validation import validate_schema

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def schema(django_db_blocker) -> dict:
    from api.pages import api_schema

    with django_db_blocker.unblock():
        return api_schema()


def test_the_schema_generates_without_warnings_and_validates(tmp_path):
    # The same check as `manage.py spectacular --validate --fail-on-warn`.
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "s.yml"))

    validate_schema(yaml.safe_load((tmp_path / "s.yml").read_text()))


def test_the_schema_is_served_to_anyone(anonymous):
    response = anonymous.get("/api/schema/?format=json")

    assert response.status_code == 200
    assert response.json()["info"]["title"] == "Stet API"
    assert response.json()["openapi"].startswith("3.")


def test_every_endpoint_is_under_v1_and_documents_its_errors(schema):
    for path, methods in schema["paths"].items():
        assert path.startswith("/api/v1/"), path
        for method, operation in methods.items():
            responses = operation["responses"]
            assert "429" in responses, (method, path)
            if "{" in path:
                assert "404" in responses, (method, path)
            if {} not in operation["security"]:
                assert {"401", "403"} <= set(responses), (method, path)
            if method in ("post", "put"):
                assert responses.keys() & {"400", "409"}, (method, path)


def test_the_workflow_refusals_are_documented(schema):
    approve = schema["paths"]["/api/v1/approvals/{approval_id}/approve/"]["post"]
    save = schema["paths"]["/api/v1/revisions/{revision_id}/"]["put"]

    assert {"200", "400", "401", "403", "404", "409", "429"} <= set(approve["responses"])
    assert "own_revision" in approve["description"]
    stale = save["responses"]["409"]["content"]["application/json"]["schema"]["$ref"]
    assert stale.endswith("/StaleDraftError")
    assert save["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "/DraftInputRequest"
    )


def test_public_reads_are_marked_as_open_to_anonymous_readers(schema):
    public = {
        path
        for path, methods in schema["paths"].items()
        if {} in methods.get("get", {}).get("security", [])
    }
    assert public == {
        "/api/v1/articles/",
        "/api/v1/articles/{number}/",
        "/api/v1/articles/{number}/live/",
        "/api/v1/specialties/",
        "/api/v1/topics/",
    }
    assert set(schema["components"]["securitySchemes"]) == {"tokenAuth", "cookieAuth"}


def test_reviewer_components_carry_no_licence_fields(schema):
    reviewer = schema["components"]["schemas"]["Reviewer"]["properties"]

    assert not {"licence_number", "licence_expires_on", "conflict_of_interest"} & set(reviewer)


def test_the_documentation_page_lists_every_operation(anonymous, schema):
    response = anonymous.get("/api/docs/")

    assert response.status_code == 200
    page = response.content.decode()
    for path, methods in schema["paths"].items():
        for method in methods:
            assert f"{method.upper()} {path}" in page
    assert 'id="schema-Article"' in page
    assert "Authorization: Bearer" in page


@pytest.mark.parametrize("url", ["/api/docs/", "/api/v1/"])
def test_the_documentation_loads_nothing_from_outside_the_site(signed_in, maria, url):
    page = signed_in(maria).get(url, HTTP_ACCEPT="text/html").content.decode()

    # What a browser fetches to show the page: scripts, images, stylesheets.
    loaded = re.findall(r'src="([^"]*)"', page) + re.findall(r'<link[^>]*href="([^"]*)"', page)
    assert loaded
    assert [url for url in loaded if re.match(r"(https?:)?//", url)] == []


@pytest.mark.parametrize(
    "path", ["articles/", "articles/{number}/", "articles/{number}/revisions/", "revisions/{id}/"]
)
def test_the_browsable_api_renders_for_a_signed_in_person(signed_in, maria, article, path):
    url = "/api/v1/" + path.format(number=article.number, id=article.live_revision_id)

    response = signed_in(maria).get(url, HTTP_ACCEPT="text/html")

    assert response.status_code == 200
    page = response.content.decode()
    assert "Atrial fibrillation" in page
    assert "/static/rest_framework/" in page


def test_the_browsable_api_offers_the_json_form_of_a_write(signed_in, maria, article):
    url = f"/api/v1/revisions/{article.live_revision_id}/"

    page = signed_in(maria).get(url, HTTP_ACCEPT="text/html").content.decode()

    assert 'id="put-generic-content-form"' in page
    assert "edit_version" in page


def test_the_api_root_links_to_the_collections(signed_in, maria):
    response = signed_in(maria).get("/api/v1/")

    assert response.status_code == 200
    assert response.json()["articles"].endswith("/api/v1/articles/")
    assert response.json()["docs"].endswith("/api/docs/")
