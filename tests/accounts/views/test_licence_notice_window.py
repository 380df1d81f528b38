"""The licence banner's edges: announced from 30 days before the expiry to the day itself
(when the reviewer may still sign), and the day after it says they no longer can, as
the eligibility rule refuses them from that day."""

import datetime

import pytest
import time_machine

from accounts.models import ReviewerProfile, User
from reviews import eligibility
from tests.accounts.views.test_licence_notice import TODAY, notice

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("expires_in_days", "says"),
    [
        (31, ""),
        (30, "Your licence expires on December 27, 2026 (in 30 days)."),
        (1, "Your licence expires on November 28, 2026 (in 1 day)."),
        (0, "Your licence expires on November 27, 2026 (today)."),
        (-1, "Your licence expired on November 26, 2026: you cannot sign medical reviews"),
    ],
)
@time_machine.travel(TODAY, tick=False)
def test_the_banner_starts_30_days_ahead_and_turns_to_expired_the_day_after(
    client, okafor, expires_in_days, says
):
    expires_on = TODAY.date() + datetime.timedelta(days=expires_in_days)
    ReviewerProfile.objects.filter(pk=okafor.pk).update(licence_expires_on=expires_on)

    shown = notice(client, okafor.user)

    assert shown.startswith(says) and bool(shown) == bool(says)
    # The banner's "expired" is the day the rule stops letting them sign.
    (me,) = eligibility.people(User.objects.filter(pk=okafor.user.pk))
    assert me.credentials.licensed_on(TODAY.date()) == (expires_in_days >= 0)
