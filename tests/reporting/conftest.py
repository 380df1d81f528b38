"""Fixtures for the dashboard tests: a small encyclopedia whose every figure is known.

Time is frozen at 2026-11-27 10:00 in New York for every test here; the review
policy is the default one: a 24-month interval and a 60-day due-soon window.
"""

from dataclasses import dataclass, field

import pytest
import time_machine

from encyclopedia.models import Article
from reviews import cycles, services
from reviews.models import RECERTIFICATION, ChainStep, Step
from tests.accounts.factories import SpecialtyFactory
from tests.encyclopedia.factories import draft_article
from tests.reporting.factories import (
    TODAY,
    at,
    days,
    due_article,
    flag,
    hand_over,
    open_cycle_of,
    submitted_change,
)
from tests.reviews.factories import TODAY as NOW


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


# Title → (specialty, days from today to the next review, None: never reviewed).
CARDIOLOGY = {
    "Angina": -400,  # over 365 days overdue
    "Aortic stenosis": -200,  # 181–365
    "Atrial fibrillation": -120,  # 91–180
    "Bradycardia": -45,  # 31–90
    "Cardiomyopathy": -10,  # 1–30
    "Chest pain": 0,  # due today: due soon
    "Endocarditis": 30,  # due soon
    "Heart failure": 200,  # current
    "Hypertension": None,  # never reviewed
}
NEPHROLOGY = {
    "Kidney stones": -95,  # 91–180
    "Dialysis": 10,  # due soon
    "Nephrotic syndrome": 61,  # current: one day past the due-soon window
}


@dataclass
class Encyclopedia:
    articles: dict[str, Article]
    expected: dict[str, set[str]] = field(default_factory=dict)

    def numbers(self, *titles: str) -> set[str]:
        return {self.articles[title].number for title in titles}


@pytest.fixture
def nephrology(db):
    return SpecialtyFactory(name="Nephrology", slug="nephrology")


@pytest.fixture
def encyclopedia(maria, brenda, okafor, cardiology, nephrology) -> Encyclopedia:
    """Twelve published articles, one draft and one retired page; eight open reviews
    (two assigned to Dr. Okafor, one she sent back for a revision, five unassigned);
    two revisions waiting in review, the older for five days."""
    articles = {}
    for titles, specialty in ((CARDIOLOGY, cardiology), (NEPHROLOGY, nephrology)):
        for title, offset in titles.items():
            due = None if offset is None else TODAY + days(offset)
            articles[title] = due_article(due, specialty=specialty, author=maria, title=title)
    draft_article(title="Unpublished page", specialty=cardiology, author=maria)
    retired = due_article(
        TODAY - days(300), specialty=nephrology, author=maria, title="Retired page"
    )

    flag()  # the nightly job: a review for everything due by today, or never reviewed
    services.article_retire(article=retired, director=brenda, reason="Merged into another")
    hand_over(
        [articles["Angina"], articles["Atrial fibrillation"], articles["Bradycardia"]],
        to=okafor,
        by=brenda,
    )
    cycles.review_cycle_request_changes(
        cycle=open_cycle_of(articles["Bradycardia"]),
        reviewer=okafor.user,
        note="The beta-blocker doses are out of date.",
    )
    submitted_change(articles["Heart failure"], editor=maria, now=at(TODAY - days(5), 9))
    submitted_change(articles["Dialysis"], editor=maria, now=at(TODAY - days(2), 9))
    return Encyclopedia(articles)


@pytest.fixture(autouse=True)
def recertified_by_the_reviewer_alone(db):
    """The dashboard's figures count re-certified reviews; how many sign-offs a
    re-certification takes is tested with the chain (tests/reviews/cycles)."""
    ChainStep.objects.create(kind=RECERTIFICATION, position=0, step=Step.MEDICAL_REVIEW)
