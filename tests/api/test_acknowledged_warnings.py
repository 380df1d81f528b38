"""A sign-off through the API names the warnings it acknowledges, as the page's boxes do."""

import pytest

from tests.accounts.factories import PASSWORD

# The revision in review whose grade is above the target, as the page tests use it.
from tests.encyclopedia.test_readability import dense_in_review  # noqa: F401
from tests.reviews.factories import pending_step

pytestmark = pytest.mark.django_db


def test_the_api_names_the_warning_to_acknowledge_and_then_signs(
    with_token,
    okafor,
    dense_in_review,  # noqa: F811 (the fixture imported above)
):
    client = with_token(okafor.user)
    url = f"/api/v1/approvals/{pending_step(dense_in_review).pk}/approve/"

    refused = client.post(url, {"attested": True, "password": PASSWORD}, format="json")
    signed = client.post(
        url,
        {
            "attested": True,
            "password": PASSWORD,
            "acknowledged_warnings": ["reading_grade_above_target"],
        },
        format="json",
    )

    assert refused.status_code == 400
    assert refused.json()["code"] == "warnings_not_acknowledged"
    assert signed.status_code == 200, signed.json()
    medical = signed.json()["submissions"][0]["approvals"][0]
    assert medical["acknowledged_warnings"][0]["code"] == "reading_grade_above_target"
