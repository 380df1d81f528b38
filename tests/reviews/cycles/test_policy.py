"""Changing the review policy, or a specialty's interval, reschedules exactly the articles
that follow it; only editorial directors may change it."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from core.errors import PermissionDenied
from encyclopedia import services as content
from encyclopedia.models import Article, ReviewPolicy, SpecialtyReviewInterval
from tests.encyclopedia.factories import published_article

pytestmark = pytest.mark.django_db

D = datetime.date
REVIEWED = D(2025, 6, 1)


def due(article) -> datetime.date | None:
    return Article.objects.get(pk=article.pk).next_review_due


@pytest.fixture
def articles(maria, cardiology, oncology, brenda):
    """Reviewed 2025-06-01: one on the default, one with its own 36 months, one in
    Oncology (18 months for the specialty), one never reviewed."""
    content.specialty_interval_set(user=brenda, specialty=oncology, interval_months=18)

    def make(title, specialty, reviewed_on=REVIEWED):
        return published_article(
            title=title, specialty=specialty, author=maria, reviewed_on=reviewed_on
        )

    made = {
        "default": make("Atrial fibrillation", cardiology),
        "own": make("Angina", cardiology),
        "oncology": make("Lymphoma", oncology),
        "oncology_own": make("Melanoma", oncology),
        "never": make("Palpitations", cardiology, reviewed_on=None),
    }
    for name in ("own", "oncology_own"):
        content.article_set_review_interval(
            article=made[name], user=brenda, review_interval_months=36, reason="Stable topic"
        )
    assert {name: due(a) for name, a in made.items()} == {
        "default": D(2027, 6, 1),
        "own": D(2028, 6, 1),
        "oncology": D(2026, 12, 1),
        "oncology_own": D(2028, 6, 1),
        "never": None,
    }
    return made


def test_a_new_default_interval_reschedules_the_articles_that_follow_it(articles, brenda):
    content.review_policy_update(user=brenda, default_interval_months=12)

    assert {name: due(a) for name, a in articles.items()} == {
        "default": D(2026, 6, 1),
        "own": D(2028, 6, 1),
        "oncology": D(2026, 12, 1),
        "oncology_own": D(2028, 6, 1),
        "never": None,
    }


def test_a_policy_change_is_tracked_with_the_director_and_what_changed(policy, brenda):
    content.review_policy_update(user=brenda, default_interval_months=12, due_soon_days=30)

    row = ReviewPolicy.history.latest()
    assert (row.default_interval_months, row.due_soon_days) == (12, 30)
    assert (row.history_user, row.history_change_reason) == (
        brenda,
        "Policy changed: default_interval_months, due_soon_days",
    )


def test_saving_the_policy_unchanged_writes_no_history(policy, brenda):
    before = ReviewPolicy.history.count()

    content.review_policy_update(user=brenda, default_interval_months=24)

    assert ReviewPolicy.history.count() == before


def test_a_specialty_interval_reschedules_that_specialty_only(articles, brenda, oncology):
    content.specialty_interval_set(user=brenda, specialty=oncology, interval_months=6)

    assert {name: due(a) for name, a in articles.items()} == {
        "default": D(2027, 6, 1),
        "own": D(2028, 6, 1),
        "oncology": D(2025, 12, 1),
        "oncology_own": D(2028, 6, 1),
        "never": None,
    }


def test_clearing_a_specialty_interval_puts_its_articles_back_on_the_default(
    articles, brenda, oncology
):
    content.specialty_interval_set(user=brenda, specialty=oncology, interval_months=None)

    assert due(articles["oncology"]) == D(2027, 6, 1)
    assert due(articles["oncology_own"]) == D(2028, 6, 1)
    assert not SpecialtyReviewInterval.objects.filter(specialty=oncology).exists()


def test_specialty_interval_changes_are_tracked(articles, brenda, oncology):
    content.specialty_interval_set(user=brenda, specialty=oncology, interval_months=6)
    content.specialty_interval_set(user=brenda, specialty=oncology, interval_months=None)

    rows = SpecialtyReviewInterval.history.filter(specialty=oncology).order_by("history_id")
    assert [(r.history_type, r.interval_months, r.history_user) for r in rows] == [
        ("+", 18, brenda),
        ("~", 6, brenda),
        ("-", 6, brenda),
    ]
    assert rows.last().history_change_reason.startswith("Oncology: review every ")


@pytest.mark.parametrize("person", ["maria", "okafor", "dugdale", "charlie"])
def test_only_an_editorial_director_changes_the_policy(request, articles, oncology, person):
    someone = request.getfixturevalue(person)
    someone = getattr(someone, "user", someone)
    before = {name: due(a) for name, a in articles.items()}
    history = ReviewPolicy.history.count()

    with pytest.raises(PermissionDenied):
        content.review_policy_update(user=someone, default_interval_months=12)
    with pytest.raises(PermissionDenied):
        content.specialty_interval_set(user=someone, specialty=oncology, interval_months=6)

    assert ReviewPolicy.current().default_interval_months == 24
    assert SpecialtyReviewInterval.objects.get(specialty=oncology).interval_months == 18
    assert {name: due(a) for name, a in articles.items()} == before
    assert ReviewPolicy.history.count() == history


def test_an_impossible_interval_is_refused_and_changes_nothing(articles, brenda):
    before = {name: due(a) for name, a in articles.items()}

    with pytest.raises(ValidationError):
        content.review_policy_update(user=brenda, default_interval_months=0)

    assert ReviewPolicy.current().default_interval_months == 24
    assert {name: due(a) for name, a in articles.items()} == before


# --- The policy page -----------------------------------------------------------------------


def test_the_director_changes_the_policy_on_its_page(client, articles, brenda):
    client.force_login(brenda)

    response = client.post(
        reverse("reviews:policy"),
        {
            "policy-default_interval_months": "12",
            "policy-due_soon_days": "60",
            "policy-reminder_every_days": "7",
            "policy-escalate_after_days": "30",
            "policy-correction_word_budget": "10",
            "policy-reference_age_limit_years": "5",
        },
        follow=True,
    )

    assert "Review policy saved." in response.content.decode()
    assert due(articles["default"]) == D(2026, 6, 1)
    assert "Policy changed: default_interval_months" in response.content.decode()


def test_the_director_sets_a_specialty_interval_on_the_policy_page(
    client, articles, brenda, oncology
):
    client.force_login(brenda)

    response = client.post(
        reverse("reviews:policy"),
        {"interval-specialty": oncology.pk, "interval-interval_months": "6"},
        follow=True,
    )

    assert "Specialty interval saved; its articles are rescheduled." in response.content.decode()
    assert due(articles["oncology"]) == D(2025, 12, 1)


@pytest.mark.parametrize("person", ["maria", "okafor", "charlie"])
def test_the_policy_page_is_for_editorial_directors_only(client, request, policy, person):
    someone = request.getfixturevalue(person)
    client.force_login(getattr(someone, "user", someone))

    assert client.get(reverse("reviews:policy")).status_code == 403


def test_the_policy_form_asks_in_plain_words(client, brenda, policy):
    client.force_login(brenda)

    page = client.get(reverse("reviews:policy")).content.decode()

    labels = [
        "Review every (months)",
        "Remind reviewers every (days)",
        "Tell editorial directors after (days overdue)",
        "Words a correction may change",
    ]
    assert [label for label in labels if label not in page] == []
    assert "Reminder every days" not in page
