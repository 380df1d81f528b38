"""Fixtures for the review workflow's tests: the clock, the article, the signers.

Time is frozen at 2026-11-27 10:00 in New York for every test here: licence expiry,
Review Dates and due dates all depend on "today".
"""

import pytest
import time_machine

from tests.reviews.factories import TODAY, live_article


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(TODAY, tick=False) as traveller:
        yield traveller


@pytest.fixture
def article(cardiology, maria):
    """ "Atrial fibrillation": published, v1 live, last reviewed 2024-07-23."""
    return live_article(specialty=cardiology, author=maria)


@pytest.fixture
def signers(okafor, dugdale, brenda):
    """The default chain's signers in order: medical review, medical director, editorial
    director."""
    return [okafor.user, dugdale.user, brenda]
