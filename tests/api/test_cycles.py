"""Review cycles through the API: the list and its filters, one cycle, re-certifying,
and assigning — each through the same services as the pages."""

import datetime

import pytest

from accounts.models import ReviewerProfile
from encyclopedia.models import Article
from reviews.models import RECERTIFICATION, AuditEvent, ChainStep, ReviewCycle, Step
from tests.accounts.factories import PASSWORD
from tests.reviews.cycles.factories import (
    assigned_cycle,
    due_article,
    fresh,
    open_cycle,
    reviewer,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def recertified_by_the_reviewer_alone(db):
    """The API's cycle endpoints, with a re-certification signed by its reviewer alone;
    a chain of several sign-offs goes through the approvals endpoints
    (tests/reviews/cycles/test_recertification_chain.py)."""
    ChainStep.objects.create(kind=RECERTIFICATION, position=0, step=Step.MEDICAL_REVIEW)


CYCLES = "/api/v1/cycles/"


def cycle_url(cycle: ReviewCycle, action: str = "") -> str:
    return f"{CYCLES}{cycle.pk}/" + (f"{action}/" if action else "")


@pytest.fixture
def cycle(article, okafor):
    """Scenario 10: the review of "Atrial fibrillation" (due 2026-07-23), assigned by the
    scheduler to Dr. Okafor."""
    return assigned_cycle(article, to=okafor.user)


@pytest.fixture
def unassigned(dermatology, maria):
    """An open review of a dermatology article: no dermatology reviewer exists."""
    article = due_article(
        datetime.date(2026, 10, 1), specialty=dermatology, author=maria, title="Eczema"
    )
    return open_cycle(article)


def test_the_team_lists_review_cycles_most_urgent_first(signed_in, cycle, unassigned, maria):
    response = signed_in(maria).get(CYCLES)

    assert response.status_code == 200
    rows = response.json()["results"]
    assert [row["id"] for row in rows] == [cycle.pk, unassigned.pk]
    first = rows[0]
    assert first["article"]["number"] == cycle.article.number
    assert first["article"]["specialty"]["slug"] == "cardiology"
    assert first["due_on"] == "2026-07-23"
    assert first["days_overdue"] == 127
    assert first["state"] == "open" and first["origin"] == "due"
    assert first["assignee"]["name"] == str(cycle.assignee)
    assert rows[1]["assignee"] is None


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("unassigned=true", ["unassigned"]),
        ("unassigned=false", ["cycle"]),
        ("specialty=dermatology", ["unassigned"]),
        ("is_open=true", ["cycle", "unassigned"]),
        ("is_open=false", []),
        ("state=open", ["cycle", "unassigned"]),
        ("state=completed", []),
        ("origin=due", ["cycle", "unassigned"]),
        ("due_before=2026-08-01", ["cycle"]),
        ("due_after=2026-08-01", ["unassigned"]),
    ],
)
def test_the_team_filters_review_cycles(signed_in, cycle, unassigned, brenda, query, expected):
    cycles = {"cycle": cycle.pk, "unassigned": unassigned.pk}

    response = signed_in(brenda).get(f"{CYCLES}?{query}")

    assert response.status_code == 200
    assert [row["id"] for row in response.json()["results"]] == [cycles[n] for n in expected]


def test_cycles_are_filtered_by_article_and_by_assignee(signed_in, cycle, unassigned, brenda):
    client = signed_in(brenda)

    by_article = client.get(f"{CYCLES}?article={unassigned.article.number}").json()
    by_assignee = client.get(f"{CYCLES}?assignee={cycle.assignee_id}").json()

    assert [row["id"] for row in by_article["results"]] == [unassigned.pk]
    assert [row["id"] for row in by_assignee["results"]] == [cycle.pk]


@pytest.mark.parametrize(
    "query", ["state=late", "is_open=perhaps", "assignee=x", "article=12", "due_before=soon"]
)
def test_bad_cycle_filters_get_field_errors(signed_in, cycle, brenda, query):
    response = signed_in(brenda).get(f"{CYCLES}?{query}")

    assert response.status_code == 400
    assert list(response.json()["fields"]) == [query.split("=")[0]]


def test_cycles_are_for_the_team_only(anonymous, signed_in, charlie, cycle):
    assert anonymous.get(CYCLES).status_code == 401
    assert anonymous.get(cycle_url(cycle)).status_code == 401
    assert signed_in(charlie).get(cycle_url(cycle)).status_code == 403


def test_the_team_reads_a_cycle(signed_in, cycle, okafor):
    response = signed_in(okafor.user).get(cycle_url(cycle))

    assert response.status_code == 200
    assert response.json()["id"] == cycle.pk
    assert response.json()["outcome"] == ""
    assert signed_in(okafor.user).get(f"{CYCLES}987654/").status_code == 404


# --- Re-certifying ---------------------------------------------------------------------------


def test_the_assigned_reviewer_recertifies_the_article(with_token, cycle, okafor, anonymous):
    """Scenario 10: the Review Date becomes today and the credit line names her."""
    response = with_token(okafor.user).post(
        cycle_url(cycle, "recertify"), {"attested": True, "password": PASSWORD}
    )

    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["state"] == "completed"
    assert body["outcome"] == "recertified"
    assert body["closed_by"]["id"] == okafor.user.pk
    assert body["days_overdue"] == 0
    article = Article.objects.get(pk=cycle.article_id)
    assert article.last_reviewed_on == datetime.date(2026, 11, 27)
    assert article.reviewed_by == okafor
    page = anonymous.get(f"/api/v1/articles/{article.number}/live/").json()
    assert page["last_reviewed_on"] == "2026-11-27"
    assert page["credits"]["updated_by"].startswith("Ngozi Okafor, MD")
    assert AuditEvent.objects.filter(cycle=cycle, action="recertify").exists()


@pytest.mark.parametrize("payload", [{"attested": False}, {}, {"attested": "maybe"}])
def test_recertifying_needs_the_attestation(signed_in, cycle, okafor, payload):
    response = signed_in(okafor.user).post(cycle_url(cycle, "recertify"), payload)

    assert response.status_code == 400
    assert list(response.json()["fields"]) == ["attested"]
    assert fresh(cycle).state == ReviewCycle.State.OPEN


def test_only_the_assigned_reviewer_recertifies(signed_in, cycle, cardiology):
    colleague = reviewer("adams", credit_name="Jo Adams, MD", specialties=[cardiology])

    response = signed_in(colleague.user).post(
        cycle_url(cycle, "recertify"), {"attested": True, "password": PASSWORD}
    )

    assert response.status_code == 403
    assert response.json()["code"] == "assigned_to_someone_else"
    assert fresh(cycle).state == ReviewCycle.State.OPEN


def test_editors_and_directors_do_not_recertify(signed_in, cycle, maria, brenda):
    for person in (maria, brenda):
        response = signed_in(person).post(
            cycle_url(cycle, "recertify"), {"attested": True, "password": PASSWORD}
        )
        assert response.status_code == 403
        assert response.json()["code"] == "wrong_role"


def test_a_completed_review_cannot_be_recertified_again(signed_in, cycle, okafor):
    client = signed_in(okafor.user)
    client.post(cycle_url(cycle, "recertify"), {"attested": True, "password": PASSWORD})

    response = client.post(cycle_url(cycle, "recertify"), {"attested": True, "password": PASSWORD})

    assert response.status_code == 409
    assert response.json()["code"] == "invalid_transition"


# --- Assigning ---------------------------------------------------------------------------------


@pytest.fixture
def dermatologist(dermatology):
    return reviewer("patel", credit_name="Asha Patel, MD", specialties=[dermatology])


def test_the_editorial_director_assigns_a_cycle(with_token, unassigned, brenda, dermatologist):
    response = with_token(brenda).post(
        cycle_url(unassigned, "assign"), {"reviewer": dermatologist.pk}
    )

    assert response.status_code == 200, response.json()
    assert response.json()["assignee"]["id"] == dermatologist.user_id
    assert fresh(unassigned).assignee == dermatologist.user


def test_a_cycle_goes_only_to_an_eligible_reviewer(signed_in, unassigned, brenda, okafor):
    response = signed_in(brenda).post(cycle_url(unassigned, "assign"), {"reviewer": okafor.pk})

    assert response.status_code == 403
    assert response.json()["code"] == "reviewer_not_eligible"
    assert "does not review Dermatology" in response.json()["detail"]
    assert fresh(unassigned).assignee is None


@pytest.mark.parametrize("reviewer_id", ["placeholder", 987654, "x", None])
def test_the_reviewer_must_be_a_reviewer_with_an_account(
    signed_in, unassigned, brenda, reviewer_id
):
    if reviewer_id == "placeholder":
        reviewer_id = ReviewerProfile.objects.create(
            credit_name="Imported Person, MD", credentials="MD", needs_completion=True
        ).pk
    payload = {} if reviewer_id is None else {"reviewer": reviewer_id}

    response = signed_in(brenda).post(cycle_url(unassigned, "assign"), payload)

    assert response.status_code == 400
    assert list(response.json()["fields"]) == ["reviewer"]


def test_only_the_editorial_director_assigns(signed_in, unassigned, okafor, dermatologist):
    response = signed_in(okafor.user).post(
        cycle_url(unassigned, "assign"), {"reviewer": dermatologist.pk}
    )

    assert response.status_code == 403
    assert response.json()["code"] == "wrong_role"


def test_a_closed_cycle_is_not_assigned(signed_in, cycle, okafor, brenda):
    signed_in(okafor.user).post(
        cycle_url(cycle, "recertify"), {"attested": True, "password": PASSWORD}
    )

    response = signed_in(brenda).post(cycle_url(cycle, "assign"), {"reviewer": okafor.pk})

    assert response.status_code == 409
    assert response.json()["code"] == "invalid_transition"


def test_the_director_assigns_several_cycles_at_once(
    signed_in, unassigned, dermatology, maria, brenda, dermatologist
):
    other = open_cycle(
        due_article(datetime.date(2026, 9, 1), specialty=dermatology, author=maria, title="Hives")
    )

    response = signed_in(brenda).post(
        f"{CYCLES}assign/", {"cycles": [unassigned.pk, other.pk], "reviewer": dermatologist.pk}
    )

    assert response.status_code == 200, response.json()
    assert [row["id"] for row in response.json()] == [other.pk, unassigned.pk]
    assert {c.assignee for c in ReviewCycle.objects.all()} == {dermatologist.user}


def test_assigning_several_is_all_or_nothing(signed_in, cycle, unassigned, brenda, dermatologist):
    response = signed_in(brenda).post(
        f"{CYCLES}assign/", {"cycles": [unassigned.pk, cycle.pk], "reviewer": dermatologist.pk}
    )

    assert response.status_code == 403
    assert response.json()["code"] == "reviewer_not_eligible"
    assert fresh(unassigned).assignee is None


@pytest.mark.parametrize("cycles", [[], [987654], "all", [0]])
def test_assigning_unknown_cycles_is_a_field_error(
    signed_in, unassigned, brenda, dermatologist, cycles
):
    response = signed_in(brenda).post(
        f"{CYCLES}assign/", {"cycles": cycles, "reviewer": dermatologist.pk}
    )

    assert response.status_code == 400
    assert list(response.json()["fields"]) == ["cycles"]
