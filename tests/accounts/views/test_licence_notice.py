"""A medical reviewer is told on every page when their licence has lapsed (they can no
longer sign) or will within 30 days."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from accounts.models import ReviewerProfile

pytestmark = pytest.mark.django_db
TODAY = datetime.datetime(2026, 11, 27, 10, tzinfo=datetime.UTC)


def notice(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse("reviews:queue"))
    assert response.status_code == 200
    page = response.content.decode()
    if 'class="notice notice-licence"' not in page:
        return ""
    start = page.index('class="notice notice-licence"')
    return page[page.index(">", start) + 1 : page.index("</p>", start)]


@time_machine.travel(TODAY, tick=False)
def test_a_reviewer_whose_licence_lapsed_is_told_they_cannot_sign(client, lee):
    assert notice(client, lee.user) == (
        "Your licence expired on October 31, 2026: you cannot sign medical reviews until an "
        "editorial director records its renewal."
    )


@time_machine.travel(TODAY, tick=False)
def test_a_licence_lapsing_within_30_days_is_announced_with_the_days_left(client, okafor):
    ReviewerProfile.objects.filter(pk=okafor.pk).update(
        licence_expires_on=datetime.date(2026, 12, 7)
    )

    assert notice(client, okafor.user).startswith(
        "Your licence expires on December 7, 2026 (in 10 days)."
    )


@time_machine.travel(TODAY, tick=False)
def test_a_valid_licence_and_other_roles_show_nothing(client, okafor, dugdale, brenda):
    assert notice(client, okafor.user) == ""  # valid to June 2027
    assert notice(client, dugdale.user) == ""  # a medical director, no licence date
    assert notice(client, brenda) == ""
