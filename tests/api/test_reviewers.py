"""Reviewers through the API: the credit fields printed on pages, never the licence."""

import pytest

from tests.reviews.cycles.factories import reviewer

pytestmark = pytest.mark.django_db
REVIEWERS = "/api/v1/reviewers/"
PUBLIC_FIELDS = {
    "id", "user", "credit_name", "credentials", "title", "department", "institution",
    "credit_line", "specialties", "is_active",
}  # fmt: skip


def test_the_team_lists_reviewers_with_their_credit_fields_only(signed_in, okafor, lee, maria):
    response = signed_in(maria).get(REVIEWERS)

    assert response.status_code == 200
    rows = response.json()["results"]
    assert [row["credit_name"] for row in rows] == ["Daniel Lee, MD", "Ngozi Okafor, MD"]
    okafor_row = rows[1]
    assert set(okafor_row) == PUBLIC_FIELDS
    assert okafor_row["user"] == okafor.user_id
    assert okafor_row["title"] == "Associate Professor of Medicine"
    assert okafor_row["specialties"] == [{"slug": "cardiology", "name": "Cardiology"}]
    assert okafor_row["credit_line"] == okafor.credit_line
    text = response.content.decode()
    assert okafor.licence_number not in text and "2027-06-30" not in text


def test_reviewers_are_filtered_by_specialty_and_activity(signed_in, okafor, dermatology, maria):
    patel = reviewer("patel", credit_name="Asha Patel, MD", specialties=[dermatology])
    reviewer("gone", credit_name="Retired Person, MD", specialties=[dermatology], is_active=False)
    client = signed_in(maria)

    by_specialty = client.get(f"{REVIEWERS}?specialty=dermatology&active=true").json()
    inactive = client.get(f"{REVIEWERS}?active=false").json()

    assert [row["id"] for row in by_specialty["results"]] == [patel.pk]
    assert [row["credit_name"] for row in inactive["results"]] == ["Retired Person, MD"]
    assert client.get(f"{REVIEWERS}?active=sometimes").status_code == 400


def test_the_team_reads_one_reviewer(signed_in, okafor, maria):
    response = signed_in(maria).get(f"{REVIEWERS}{okafor.pk}/")

    assert response.status_code == 200
    assert set(response.json()) == PUBLIC_FIELDS
    assert signed_in(maria).get(f"{REVIEWERS}987654/").status_code == 404


def test_the_reviewer_directory_is_for_the_team(anonymous, signed_in, okafor, charlie):
    assert anonymous.get(REVIEWERS).status_code == 401
    assert signed_in(charlie).get(f"{REVIEWERS}{okafor.pk}/").status_code == 403
