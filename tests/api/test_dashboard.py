"""The dashboard figures over the API: the same numbers as the page, for directors only."""

import datetime

import pytest
from django.urls import reverse

from tests.encyclopedia.factories import published_article

pytestmark = pytest.mark.django_db
URL = "/api/v1/dashboard/"


@pytest.fixture
def catalogue(maria, cardiology):
    published_article(
        title="Overdue", author=maria, specialty=cardiology, reviewed_on=datetime.date(2024, 1, 2)
    )
    published_article(
        title="Current", author=maria, specialty=cardiology, reviewed_on=datetime.date(2026, 6, 1)
    )
    published_article(title="Never", author=maria, specialty=cardiology, reviewed_on=None)


def test_a_director_reads_the_same_figures_as_the_dashboard_page(client, brenda, catalogue):
    client.force_login(brenda)

    figures = client.get(URL).json()
    page = client.get(reverse("reporting:dashboard")).context["figures"]

    for name in ("published", "current", "due_soon", "overdue", "never_reviewed"):
        assert figures[name] == page[name], name
    assert (figures["published"], figures["overdue"], figures["never_reviewed"]) == (3, 1, 1)
    assert sum(figures["overdue_by_age"].values()) == figures["overdue"]
    assert figures["by_specialty"][0]["specialty"] == "Cardiology"


@pytest.mark.parametrize("who", ["maria", "okafor", "dugdale"])
def test_other_roles_are_refused_with_a_code(client, request, who):
    person = request.getfixturevalue(who)
    client.force_login(getattr(person, "user", person))

    response = client.get(URL)

    assert response.status_code == 403
    assert response.json()["code"] == "wrong_role"


def test_anonymous_readers_must_authenticate(client):
    assert client.get(URL).status_code == 401
