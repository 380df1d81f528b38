"""The permission matrix (matrix.py): every URL of Stet, as every kind of visitor,
answers what the table says. A URL added without a row there fails the suite, and so
does a page that lets in, or shuts out, the wrong person."""

import pytest
import time_machine
from django.urls import reverse

from tests.permissions.matrix import LOGIN, MATRIX, PEOPLE, TEAM, all_routes
from tests.permissions.world import (
    admin_object_id,
    admin_url_args,
    build_world,
)
from tests.reviews.factories import TODAY

pytestmark = pytest.mark.django_db

ROUTES = all_routes()
PAGES = [route for route in ROUTES if not route.is_admin]
ADMIN = [route for route in ROUTES if route.is_admin]
NAMED_IDS = {"revision_id", "approval_id", "cycle_id", "job_id", "feedback_id", "pk"}


@pytest.fixture
def world(maria, okafor, lee, dugdale, brenda, charlie, cardiology):
    with time_machine.travel(TODAY, tick=False):
        yield build_world(
            maria=maria, okafor=okafor, lee=lee, dugdale=dugdale, brenda=brenda,
            charlie=charlie, cardiology=cardiology,
        )  # fmt: skip


def answer(client, person, url) -> int | str:
    client.logout()
    if person is not None:
        client.force_login(person)
    response = client.get(url)
    if response.status_code == 302 and response["Location"].startswith(
        (reverse("accounts:login"), reverse("admin:login"))
    ):
        return LOGIN
    return response.status_code


def test_every_url_has_a_row_in_the_matrix():
    missing = [f"{route.name} ({route.pattern})" for route in PAGES if route.name not in MATRIX]
    stale = set(MATRIX) - {route.name for route in PAGES}

    assert missing == [], "URLs with no access rule in tests/permissions/matrix.py"
    assert stale == set(), "rules for URLs that no longer exist"


@pytest.mark.parametrize("route", PAGES, ids=lambda route: route.name)
def test_each_url_answers_each_visitor_as_the_matrix_says(client, world, route):
    url = reverse(route.name, kwargs={key: world["values"][key] for key in route.converters})
    with time_machine.travel(TODAY, tick=False):
        got = {person: answer(client, world["people"][person], url) for person in PEOPLE}

    wrong = {
        person: got[person]
        for person, expected in MATRIX[route.name].items()
        if not (got[person] in expected if isinstance(expected, set) else got[person] == expected)
    }
    assert wrong == {}, f"{url}: expected {MATRIX[route.name]}"


@pytest.mark.parametrize(
    "route",
    [route for route in PAGES if NAMED_IDS & set(route.converters)
     and 200 in MATRIX[route.name].values()],
    ids=lambda route: route.name,
)  # fmt: skip
def test_an_id_that_names_nothing_is_not_found_for_those_let_in(client, world, route):
    kwargs = {key: world["values"][key] for key in route.converters}
    kwargs.update({key: 10**9 for key in kwargs if key.endswith("id") or key == "pk"})
    url = reverse(route.name, kwargs=kwargs)
    allowed = [person for person, status in MATRIX[route.name].items() if status == 200]

    with time_machine.travel(TODAY, tick=False):
        got = {person: answer(client, world["people"][person], url) for person in allowed}

    assert set(got.values()) == {404}, got


@pytest.mark.parametrize("route", ADMIN, ids=lambda route: route.name)
def test_the_admin_is_for_administrators_only(client, world, route):
    kwargs = {}
    for key in route.converters:
        kwargs[key] = admin_object_id(route) if key in ("object_id", "pk") else {
            "app_label": "encyclopedia", "content_type_id": "1", "object_id": "1",
            "history_id": "1", "url": "x",
        }.get(key, "1")  # fmt: skip
    args = admin_url_args(route)
    url = reverse(route.name, args=args) if args else reverse(route.name, kwargs=kwargs)

    with time_machine.travel(TODAY, tick=False):
        visitors = [answer(client, world["people"][person], url) for person in (*TEAM, "outsider")]
        anonymous = answer(client, None, url)
        administrator = answer(client, world["people"]["admin"], url)

    if route.name == "admin:login":
        assert anonymous == 200  # its own form; the signed-in are sent on or asked again
        assert administrator == 302
        return
    if route.name == "admin:logout":
        # Not an administrator: sent to the admin, which asks for one; signing out is a POST.
        assert (anonymous, set(visitors), administrator) == (302, {302}, 405)
        return
    assert anonymous == LOGIN
    assert set(visitors) == {LOGIN}  # not staff: the admin asks for an administrator
    assert isinstance(administrator, int) and administrator < 500
