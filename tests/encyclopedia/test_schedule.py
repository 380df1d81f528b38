"""The stored due date of the next periodic review.

`next_review_due` is derived data: it must always equal the printed Review Date plus
the article's effective interval (its own, else its specialty's, else the review
policy's), whichever way the row was written. The overdue sweep and the dashboards
read only the stored column, so a path that forgets to re-derive it silently hides an
article from re-review.
"""

import datetime
import zoneinfo

import pytest
from django.urls import reverse

from encyclopedia import services
from encyclopedia.models import Article, ReviewPolicy, SpecialtyReviewInterval
from encyclopedia.services import ReviewRecord
from tests.encyclopedia.factories import (
    admin_form_data,
    edited_draft,
    published_article,
    superuser,
)

TODAY = datetime.datetime(2026, 11, 27, 12, tzinfo=zoneinfo.ZoneInfo("America/New_York"))
JULY_23_2024 = datetime.date(2024, 7, 23)


@pytest.fixture(autouse=True)
def today(time_machine):
    time_machine.move_to(TODAY, tick=False)


def stored_due(article: Article) -> datetime.date | None:
    """The due date as the database holds it, not as an instance in memory remembers it."""
    return Article.objects.values_list("next_review_due", flat=True).get(pk=article.pk)


def stored_review_date(article: Article) -> datetime.date | None:
    return Article.objects.values_list("last_reviewed_on", flat=True).get(pk=article.pk)


def set_policy_interval(months: int) -> None:
    policy = ReviewPolicy.current()
    policy.default_interval_months = months
    policy.save()


# --- Which interval applies -------------------------------------------------------


def test_an_article_is_due_the_policy_interval_after_its_review_date(cardiology, maria):
    article = published_article(reviewed_on=JULY_23_2024, specialty=cardiology, author=maria)

    assert ReviewPolicy.current().default_interval_months == 24
    assert stored_due(article) == datetime.date(2026, 7, 23)


def test_a_specialty_interval_overrides_the_policy_interval(cardiology, maria):
    SpecialtyReviewInterval.objects.create(specialty=cardiology, interval_months=12)

    article = published_article(reviewed_on=JULY_23_2024, specialty=cardiology, author=maria)

    assert stored_due(article) == datetime.date(2025, 7, 23)


def test_an_articles_own_interval_overrides_its_specialty_and_the_policy(cardiology, maria):
    SpecialtyReviewInterval.objects.create(specialty=cardiology, interval_months=12)

    article = published_article(
        reviewed_on=JULY_23_2024, specialty=cardiology, author=maria, review_interval_months=6
    )

    assert stored_due(article) == datetime.date(2025, 1, 23)


def test_a_never_reviewed_article_has_no_due_date(cardiology, maria):
    article = published_article(reviewed_on=None, specialty=cardiology, author=maria)

    assert stored_review_date(article) is None
    assert stored_due(article) is None


# --- Article.save() -----------------------------------------------------------------


def test_saving_an_article_with_a_new_review_date_moves_its_due_date(cardiology, maria):
    article = published_article(reviewed_on=JULY_23_2024, specialty=cardiology, author=maria)

    article.last_reviewed_on = datetime.date(2025, 3, 10)
    article.save()

    assert stored_due(article) == datetime.date(2027, 3, 10)


def test_saving_only_the_review_date_also_writes_the_due_date(cardiology, maria):
    article = published_article(reviewed_on=JULY_23_2024, specialty=cardiology, author=maria)

    article.last_reviewed_on = datetime.date(2025, 3, 10)
    article.save(update_fields=["last_reviewed_on"])

    assert stored_due(article) == datetime.date(2027, 3, 10)


def test_saving_only_the_review_interval_also_writes_the_due_date(cardiology, maria):
    article = published_article(reviewed_on=JULY_23_2024, specialty=cardiology, author=maria)

    article.review_interval_months = 12
    article.save(update_fields=["review_interval_months"])

    assert stored_due(article) == datetime.date(2025, 7, 23)


def test_clearing_the_review_date_clears_the_due_date(cardiology, maria):
    article = published_article(reviewed_on=JULY_23_2024, specialty=cardiology, author=maria)

    article.last_reviewed_on = None
    article.save()

    assert stored_due(article) is None


# --- The admin change form ----------------------------------------------------------


def change_article_in_admin(client, article: Article, **changes) -> None:
    client.force_login(superuser())
    url = reverse("admin:encyclopedia_article_change", args=[article.pk])
    data = admin_form_data(client.get(url))
    data.update(changes)

    response = client.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors


def test_changing_the_review_date_in_the_admin_moves_the_due_date(client, cardiology, maria):
    article = published_article(reviewed_on=JULY_23_2024, specialty=cardiology, author=maria)

    change_article_in_admin(client, article, last_reviewed_on="2025-03-10")

    assert stored_review_date(article) == datetime.date(2025, 3, 10)
    assert stored_due(article) == datetime.date(2027, 3, 10)


def test_changing_the_review_interval_in_the_admin_moves_the_due_date(client, cardiology, maria):
    article = published_article(reviewed_on=JULY_23_2024, specialty=cardiology, author=maria)

    change_article_in_admin(client, article, review_interval_months="12")

    assert stored_due(article) == datetime.date(2025, 7, 23)


def test_clearing_the_review_interval_in_the_admin_returns_to_the_policy_interval(
    client, cardiology, maria
):
    article = published_article(
        reviewed_on=JULY_23_2024, specialty=cardiology, author=maria, review_interval_months=12
    )

    change_article_in_admin(client, article, review_interval_months="")

    assert stored_due(article) == datetime.date(2026, 7, 23)


# --- Services -------------------------------------------------------------------------


def test_setting_an_articles_review_interval_moves_its_due_date(cardiology, maria, brenda):
    article = published_article(reviewed_on=JULY_23_2024, specialty=cardiology, author=maria)

    services.article_set_review_interval(
        article=article, user=brenda, review_interval_months=12, reason="Fast-moving evidence"
    )

    assert stored_due(article) == datetime.date(2025, 7, 23)


def test_resetting_an_articles_review_interval_returns_to_the_policy_interval(
    cardiology, maria, brenda
):
    article = published_article(
        reviewed_on=JULY_23_2024, specialty=cardiology, author=maria, review_interval_months=12
    )

    services.article_set_review_interval(
        article=article, user=brenda, review_interval_months=None, reason="Back to the policy"
    )

    assert stored_due(article) == datetime.date(2026, 7, 23)


def test_publishing_a_fully_reviewed_revision_moves_the_due_date(cardiology, maria):
    article = published_article(reviewed_on=JULY_23_2024, specialty=cardiology, author=maria)
    draft = edited_draft(article, editor=maria, summary="New guidance.")

    services.article_publish_revision(
        revision=draft,
        user=maria,
        published_at=TODAY,
        review=ReviewRecord(
            reviewed_on=datetime.date(2026, 11, 20),
            reviewer=None,
            reviewer_credit="Ngozi Okafor, MD",
        ),
        reason="Full review published",
    )

    assert stored_review_date(article) == datetime.date(2026, 11, 20)
    assert stored_due(article) == datetime.date(2028, 11, 20)


def test_publishing_a_correction_keeps_the_review_date_and_due_date(cardiology, maria):
    article = published_article(reviewed_on=JULY_23_2024, specialty=cardiology, author=maria)
    draft = edited_draft(article, editor=maria, summary="Typo fixed.")

    services.article_publish_revision(
        revision=draft, user=maria, published_at=TODAY, reason="Correction published"
    )

    assert stored_review_date(article) == JULY_23_2024
    assert stored_due(article) == datetime.date(2026, 7, 23)


def test_recording_a_recertification_moves_the_due_date(cardiology, maria, okafor):
    article = published_article(reviewed_on=JULY_23_2024, specialty=cardiology, author=maria)

    services.article_record_review(
        article=article,
        user=okafor.user,
        review=ReviewRecord(reviewed_on=datetime.date(2026, 11, 27), reviewer=okafor),
        reason="Re-certified, no change",
    )

    assert stored_due(article) == datetime.date(2028, 11, 27)


# --- Queryset .update() (SQL expression: run on SQLite and PostgreSQL) ---------------


def test_updating_the_review_date_in_bulk_moves_the_due_date(cardiology, maria):
    article = published_article(reviewed_on=JULY_23_2024, specialty=cardiology, author=maria)

    Article.objects.filter(pk=article.pk).update(last_reviewed_on=datetime.date(2025, 3, 10))

    assert stored_due(article) == datetime.date(2027, 3, 10)


def test_updating_the_review_interval_in_bulk_moves_the_due_date(cardiology, maria):
    article = published_article(reviewed_on=JULY_23_2024, specialty=cardiology, author=maria)

    Article.objects.filter(pk=article.pk).update(review_interval_months=12)

    assert stored_due(article) == datetime.date(2025, 7, 23)


def test_moving_articles_to_another_specialty_in_bulk_applies_its_interval(
    cardiology, dermatology, maria
):
    SpecialtyReviewInterval.objects.create(specialty=dermatology, interval_months=36)
    article = published_article(reviewed_on=JULY_23_2024, specialty=cardiology, author=maria)

    Article.objects.filter(pk=article.pk).update(specialty=dermatology)

    assert stored_due(article) == datetime.date(2027, 7, 23)


def test_updating_several_articles_in_bulk_uses_each_articles_own_interval(
    cardiology, dermatology, maria
):
    SpecialtyReviewInterval.objects.create(specialty=dermatology, interval_months=36)
    by_policy = published_article(
        title="Angina", reviewed_on=JULY_23_2024, specialty=cardiology, author=maria
    )
    by_specialty = published_article(
        title="Eczema", reviewed_on=JULY_23_2024, specialty=dermatology, author=maria
    )
    by_article = published_article(
        title="Acne",
        reviewed_on=JULY_23_2024,
        specialty=dermatology,
        author=maria,
        review_interval_months=6,
    )

    Article.objects.all().update(last_reviewed_on=datetime.date(2025, 1, 10))

    assert stored_due(by_policy) == datetime.date(2027, 1, 10)
    assert stored_due(by_specialty) == datetime.date(2028, 1, 10)
    assert stored_due(by_article) == datetime.date(2025, 7, 10)


def test_clearing_the_review_interval_in_bulk_returns_to_the_policy_interval(cardiology, maria):
    article = published_article(
        reviewed_on=JULY_23_2024, specialty=cardiology, author=maria, review_interval_months=6
    )

    Article.objects.filter(pk=article.pk).update(review_interval_months=None)

    assert stored_due(article) == datetime.date(2026, 7, 23)


def test_clearing_the_review_date_in_bulk_clears_the_due_date(cardiology, maria):
    article = published_article(reviewed_on=JULY_23_2024, specialty=cardiology, author=maria)

    Article.objects.filter(pk=article.pk).update(last_reviewed_on=None)

    assert stored_due(article) is None


def test_updating_a_never_reviewed_article_in_bulk_leaves_it_without_a_due_date(cardiology, maria):
    article = published_article(reviewed_on=None, specialty=cardiology, author=maria)

    Article.objects.filter(pk=article.pk).update(review_interval_months=6)

    assert stored_due(article) is None


# --- bulk_update and bulk_create ----------------------------------------------------


def test_bulk_updating_review_dates_moves_each_due_date(cardiology, dermatology, maria):
    SpecialtyReviewInterval.objects.create(specialty=dermatology, interval_months=12)
    angina = published_article(
        title="Angina", reviewed_on=JULY_23_2024, specialty=cardiology, author=maria
    )
    eczema = published_article(
        title="Eczema", reviewed_on=JULY_23_2024, specialty=dermatology, author=maria
    )
    angina.last_reviewed_on = datetime.date(2025, 2, 1)
    eczema.last_reviewed_on = datetime.date(2025, 3, 1)

    Article.objects.bulk_update([angina, eczema], ["last_reviewed_on"])

    assert stored_due(angina) == datetime.date(2027, 2, 1)
    assert stored_due(eczema) == datetime.date(2026, 3, 1)


def test_bulk_updating_review_intervals_moves_each_due_date(cardiology, maria):
    article = published_article(reviewed_on=JULY_23_2024, specialty=cardiology, author=maria)
    article.review_interval_months = 3

    Article.objects.bulk_update([article], ["review_interval_months"])

    assert stored_due(article) == datetime.date(2024, 10, 23)


def test_bulk_created_articles_get_their_due_dates(cardiology, dermatology):
    SpecialtyReviewInterval.objects.create(specialty=dermatology, interval_months=12)

    Article.objects.bulk_create(
        [
            Article(
                number="000101",
                title="Angina",
                slug="angina",
                specialty=cardiology,
                last_reviewed_on=JULY_23_2024,
            ),
            Article(
                number="000102",
                title="Eczema",
                slug="eczema",
                specialty=dermatology,
                last_reviewed_on=JULY_23_2024,
            ),
            Article(
                number="000103",
                title="Acne",
                slug="acne",
                specialty=dermatology,
                last_reviewed_on=JULY_23_2024,
                review_interval_months=6,
            ),
            Article(number="000104", title="Gout", slug="gout", specialty=cardiology),
        ]
    )

    due = dict(Article.objects.values_list("number", "next_review_due"))
    assert due == {
        "000101": datetime.date(2026, 7, 23),
        "000102": datetime.date(2025, 7, 23),
        "000103": datetime.date(2025, 1, 23),
        "000104": None,
    }


# --- Recomputing after the policy changed ---------------------------------------------


def test_recomputing_after_the_policy_interval_changed_moves_every_due_date(
    cardiology, dermatology, maria
):
    angina = published_article(
        title="Angina", reviewed_on=JULY_23_2024, specialty=cardiology, author=maria
    )
    eczema = published_article(
        title="Eczema", reviewed_on=datetime.date(2024, 9, 1), specialty=dermatology, author=maria
    )
    own_interval = published_article(
        title="Acne",
        reviewed_on=JULY_23_2024,
        specialty=dermatology,
        author=maria,
        review_interval_months=6,
    )
    never_reviewed = published_article(
        title="Gout", reviewed_on=None, specialty=cardiology, author=maria
    )
    set_policy_interval(12)

    rescheduled = services.review_schedule_recompute()

    assert rescheduled == 3
    assert stored_due(angina) == datetime.date(2025, 7, 23)
    assert stored_due(eczema) == datetime.date(2025, 9, 1)
    assert stored_due(own_interval) == datetime.date(2025, 1, 23)
    assert stored_due(never_reviewed) is None


def test_recomputing_one_specialty_applies_its_new_interval_to_its_articles_only(
    cardiology, dermatology, maria
):
    angina = published_article(
        title="Angina", reviewed_on=JULY_23_2024, specialty=cardiology, author=maria
    )
    eczema = published_article(
        title="Eczema", reviewed_on=JULY_23_2024, specialty=dermatology, author=maria
    )
    SpecialtyReviewInterval.objects.create(specialty=dermatology, interval_months=12)

    rescheduled = services.review_schedule_recompute(specialty=dermatology)

    assert rescheduled == 1
    assert stored_due(eczema) == datetime.date(2025, 7, 23)
    assert stored_due(angina) == datetime.date(2026, 7, 23)


def test_changing_the_policy_interval_in_the_admin_moves_every_due_date(client, cardiology, maria):
    article = published_article(reviewed_on=JULY_23_2024, specialty=cardiology, author=maria)
    client.force_login(superuser())
    url = reverse("admin:encyclopedia_reviewpolicy_change", args=[ReviewPolicy.current().pk])
    data = admin_form_data(client.get(url))
    data["default_interval_months"] = "12"

    response = client.post(url, data)

    assert response.status_code == 302
    assert stored_due(article) == datetime.date(2025, 7, 23)


def test_adding_a_specialty_interval_in_the_admin_moves_that_specialtys_due_dates(
    client, cardiology, dermatology, maria
):
    angina = published_article(
        title="Angina", reviewed_on=JULY_23_2024, specialty=cardiology, author=maria
    )
    eczema = published_article(
        title="Eczema", reviewed_on=JULY_23_2024, specialty=dermatology, author=maria
    )
    client.force_login(superuser())

    response = client.post(
        reverse("admin:encyclopedia_specialtyreviewinterval_add"),
        {"specialty": dermatology.pk, "interval_months": "12", "_save": "Save"},
    )

    assert response.status_code == 302
    assert stored_due(eczema) == datetime.date(2025, 7, 23)
    assert stored_due(angina) == datetime.date(2026, 7, 23)


def test_removing_a_specialty_interval_in_the_admin_returns_to_the_policy_interval(
    client, dermatology, maria
):
    interval = SpecialtyReviewInterval.objects.create(specialty=dermatology, interval_months=12)
    eczema = published_article(
        title="Eczema", reviewed_on=JULY_23_2024, specialty=dermatology, author=maria
    )
    assert stored_due(eczema) == datetime.date(2025, 7, 23)
    client.force_login(superuser())

    response = client.post(
        reverse("admin:encyclopedia_specialtyreviewinterval_delete", args=[interval.pk]),
        {"post": "yes"},
    )

    assert response.status_code == 302
    assert stored_due(eczema) == datetime.date(2026, 7, 23)


# --- Calendar edge cases, in Python and in SQL ----------------------------------------


def test_a_leap_day_review_is_due_on_the_last_day_of_february(cardiology, maria):
    article = published_article(
        reviewed_on=datetime.date(2024, 2, 29), specialty=cardiology, author=maria
    )

    assert stored_due(article) == datetime.date(2026, 2, 28)


def test_a_review_on_the_31st_with_a_monthly_cycle_is_due_at_the_end_of_next_month(
    cardiology, maria
):
    article = published_article(
        reviewed_on=datetime.date(2024, 1, 31),
        specialty=cardiology,
        author=maria,
        review_interval_months=1,
    )

    assert stored_due(article) == datetime.date(2024, 2, 29)


def test_the_sql_due_date_clamps_a_leap_day_like_python_does(cardiology, maria):
    set_policy_interval(12)
    article = published_article(
        reviewed_on=datetime.date(2024, 2, 29), specialty=cardiology, author=maria
    )
    set_policy_interval(24)

    services.review_schedule_recompute()

    assert stored_due(article) == datetime.date(2026, 2, 28)


def test_the_sql_due_date_clamps_the_31st_to_the_end_of_february(cardiology, maria):
    article = published_article(
        reviewed_on=datetime.date(2024, 1, 31), specialty=cardiology, author=maria
    )
    SpecialtyReviewInterval.objects.create(specialty=cardiology, interval_months=1)

    services.review_schedule_recompute(specialty=cardiology)

    assert stored_due(article) == datetime.date(2024, 2, 29)


def test_updating_a_review_date_to_a_leap_day_in_bulk_clamps_the_due_date(cardiology, maria):
    article = published_article(reviewed_on=JULY_23_2024, specialty=cardiology, author=maria)

    Article.objects.filter(pk=article.pk).update(last_reviewed_on=datetime.date(2024, 2, 29))

    assert stored_due(article) == datetime.date(2026, 2, 28)


def test_updating_to_the_31st_and_a_monthly_cycle_in_bulk_clamps_the_due_date(cardiology, maria):
    article = published_article(reviewed_on=JULY_23_2024, specialty=cardiology, author=maria)

    Article.objects.filter(pk=article.pk).update(
        last_reviewed_on=datetime.date(2024, 1, 31), review_interval_months=1
    )

    assert stored_due(article) == datetime.date(2024, 2, 29)


def test_shortening_the_review_interval_brings_the_due_date_forward(cardiology, maria, brenda):
    article = published_article(reviewed_on=JULY_23_2024, specialty=cardiology, author=maria)
    assert stored_due(article) == datetime.date(2026, 7, 23)

    services.article_set_review_interval(
        article=article, user=brenda, review_interval_months=18, reason="Guideline churn"
    )

    assert stored_due(article) == datetime.date(2026, 1, 23)
    assert Article.objects.due_on_or_before(TODAY.date()).filter(pk=article.pk).exists()
