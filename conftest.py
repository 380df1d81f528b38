"""Shared fixtures: the people of the encyclopedia, one per role, and an outsider.

Maria and Tom edit, Dr. Okafor reviews cardiology (licence valid to 2027), Dr. Lee's
licence expired, Dr. Dugdale is the medical director, Brenda the editorial director,
and Charlie has an account but no role: he should have no access.
"""

import datetime

import pytest

from accounts.roles import Role
from tests.accounts.factories import ReviewerProfileFactory, SpecialtyFactory, UserFactory


@pytest.fixture(autouse=True)
def guarded_mail(settings):
    """Every test's e-mail goes to the guarded in-memory outbox (tests/mail.py), which
    fails the test if anything is sent inside a transaction. (Django's test set-up
    replaces EMAIL_BACKEND with its plain in-memory one, so it is set here, per test.)"""
    settings.EMAIL_BACKEND = "tests.mail.GuardedBackend"


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with nothing cached: the readers' pages are keyed by article
    number, and every test numbers its articles from 000001."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def cardiology(db):
    return SpecialtyFactory(name="Cardiology", slug="cardiology")


@pytest.fixture
def dermatology(db):
    return SpecialtyFactory(name="Dermatology", slug="dermatology")


@pytest.fixture
def maria(db):
    return UserFactory(
        username="maria", first_name="Maria", last_name="Santos", roles=[Role.EDITOR]
    )


@pytest.fixture
def tom(db):
    return UserFactory(username="tom", first_name="Tom", last_name="Becker", roles=[Role.EDITOR])


@pytest.fixture
def okafor(db, cardiology):
    user = UserFactory(
        username="okafor", first_name="Ngozi", last_name="Okafor", roles=[Role.MEDICAL_REVIEWER]
    )
    return ReviewerProfileFactory(
        user=user,
        credit_name="Ngozi Okafor, MD",
        title="Associate Professor of Medicine",
        department="Division of Cardiology",
        licence_expires_on=datetime.date(2027, 6, 30),
        specialties=[cardiology],
    )


@pytest.fixture
def lee(db, cardiology):
    user = UserFactory(
        username="lee", first_name="Daniel", last_name="Lee", roles=[Role.MEDICAL_REVIEWER]
    )
    return ReviewerProfileFactory(
        user=user,
        credit_name="Daniel Lee, MD",
        licence_expires_on=datetime.date(2026, 10, 31),
        specialties=[cardiology],
    )


@pytest.fixture
def dugdale(db):
    user = UserFactory(
        username="dugdale", first_name="David", last_name="Dugdale", roles=[Role.MEDICAL_DIRECTOR]
    )
    return ReviewerProfileFactory(
        user=user, credit_name="David C. Dugdale, MD", title="Medical Director"
    )


@pytest.fixture
def brenda(db):
    return UserFactory(
        username="brenda",
        first_name="Brenda",
        last_name="Conaway",
        roles=[Role.EDITORIAL_DIRECTOR],
    )


@pytest.fixture
def charlie(db):
    return UserFactory(username="charlie", first_name="Charlie", last_name="Outsider")
