"""Fixtures for the periodic-review tests.

The clock is frozen at 2026-11-27 10:00 in New York for every test here: the services
are given `today`/`now` explicitly, but licence checks in the pages, the commands and
the tasks read the clock. A test that needs another day moves `clock`.
"""

import pytest
import time_machine

from accounts.roles import Role
from encyclopedia.models import ReviewPolicy, Topic
from reviews.models import RECERTIFICATION, ChainStep, Step
from tests.accounts.factories import SpecialtyFactory, UserFactory
from tests.reviews.cycles.factories import NOW, reviewer


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def policy(db):
    return ReviewPolicy.current()


@pytest.fixture
def nephrology(db):
    return SpecialtyFactory(name="Nephrology", slug="nephrology")


@pytest.fixture
def oncology(db):
    return SpecialtyFactory(name="Oncology", slug="oncology")


@pytest.fixture
def anticoagulants(db):
    return Topic.objects.create(name="Anticoagulants", slug="anticoagulants")


@pytest.fixture
def adeyemi(db, cardiology):
    """A second cardiology reviewer whose credit name sorts before Dr. Okafor's."""
    return reviewer(
        "adeyemi",
        credit_name="Amara Adeyemi, MD",
        specialties=[cardiology],
        title="Assistant Professor of Medicine",
    )


@pytest.fixture
def osei(db):
    """A second editorial director."""
    return UserFactory(
        username="osei", first_name="Kofi", last_name="Osei", roles=[Role.EDITORIAL_DIRECTOR]
    )


@pytest.fixture(autouse=True)
def recertified_by_the_reviewer_alone(db):
    """These tests are about the periodic review itself: its re-certification is the
    reviewer's sign-off alone. The default chain (reviewer, medical director, editorial
    director) is tested in test_recertification_chain.py."""
    ChainStep.objects.create(kind=RECERTIFICATION, position=0, step=Step.MEDICAL_REVIEW)
