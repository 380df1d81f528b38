"""Fixtures for the import and export tests.

Time is frozen at 2026-11-27 10:00 in New York: Review Dates, accessed dates ("not in
the future") and due dates depend on "today". The sample pages in pages/ are synthetic,
written for these tests in the shape public encyclopedia pages have.
"""

from pathlib import Path

import pytest
import time_machine

from reviews.models import RECERTIFICATION, ChainStep, Step
from tests.transfer.factories import NOW

PAGES = Path(__file__).parent / "pages"


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def pages_dir() -> Path:
    return PAGES


def page_bytes(name: str) -> bytes:
    return (PAGES / name).read_bytes()


@pytest.fixture(autouse=True)
def recertified_by_the_reviewer_alone(db):
    """The catalogue's re-certified review was signed by its reviewer alone; the chain of
    several sign-offs is tested in tests/reviews/cycles/test_recertification_chain.py."""
    ChainStep.objects.create(kind=RECERTIFICATION, position=0, step=Step.MEDICAL_REVIEW)
