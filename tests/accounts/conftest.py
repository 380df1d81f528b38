import pytest
import time_machine

from tests.accounts.reviewer_helpers import NOW, placeholder


@pytest.fixture
def reviewer_clock():
    """The reviewer tests' day (tests.accounts.reviewer_helpers), frozen."""
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def vorvick(db):
    """A placeholder an import left: Dr. Vorvick, credited on imported pages."""
    return placeholder()
