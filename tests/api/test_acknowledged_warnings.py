"""A sign-off through the API names the warnings it acknowledges, as the page's boxes do."""

import pytest

from tests.accounts.factories import PASSWORD
from tests.encyclopedia.test_readability import DENSE, PLAIN, sections_with
from tests.reviews.factories import draft_change, live_article, pending_step, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def dense_in_review(cardiology, maria, okafor):
    article = live_article(specialty=cardiology, author=maria, sections=sections_with(PLAIN))
    draft = draft_change(article, editor=maria, sections=sections_with(DENSE))
    submit(draft, editor=maria, reviewer=okafor)
    return draft


def test_the_api_names_the_warning_to_acknowledge_and_then_signs(
    with_token, okafor, dense_in_review
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
