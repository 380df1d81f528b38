"""The header a signed-in person works from: each link once, whatever roles they hold,
and the search box holding only what they searched for."""

import pytest
from django.urls import reverse

from accounts.roles import Role
from tests.reviews.factories import with_roles

pytestmark = pytest.mark.django_db


def work_nav(page: str) -> str:
    return page[page.index('<nav class="work-nav"') : page.index("</nav>", page.index("work-nav"))]


def test_a_director_who_also_reviews_sees_my_queue_once(client, dugdale, brenda):
    with_roles(brenda, Role.MEDICAL_REVIEWER)
    for person in (dugdale.user, brenda):
        client.force_login(person)
        nav = work_nav(client.get(reverse("reviews:queue")).content.decode())
        assert nav.count(">My queue<") == 1, person


def test_the_header_search_box_does_not_fill_with_a_lists_filters(client, brenda):
    client.force_login(brenda)

    page = client.get(reverse("reporting:dashboard-articles"), {"status": "overdue"})

    assert 'name="q" value=""' in page.content.decode()
    assert "?status=overdue&amp;sort=overdue&amp;format=csv" in page.content.decode()
