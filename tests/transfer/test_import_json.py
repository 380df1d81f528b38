"""Importing Stet's own JSON export: into an empty database it restores the catalogue
(people as inactive accounts without roles, reviewers as placeholder profiles); into
the database it came from it changes nothing; changed content becomes a new revision."""

import datetime
import json

import pytest

from accounts.models import ReviewerProfile, User
from accounts.services import system_user
from encyclopedia.models import Article, SpecialtyReviewInterval
from reviews.models import Approval, AuditEvent, ReviewCycle
from tests.encyclopedia.factories import published_article
from tests.transfer.factories import build_catalogue, snapshot
from tests.transfer.helpers import only, rolled_back_export, run_import, source
from transfer.services import catalogue_json

pytestmark = pytest.mark.django_db


def test_reimporting_an_export_into_the_database_it_came_from_changes_nothing():
    build_catalogue()
    text = catalogue_json()
    before = snapshot()

    result = only(run_import(source("export.json", text)))

    assert result.message == "export.json: 1 skipped, 7 unchanged"
    assert snapshot() == before
    assert catalogue_json() == text
    retired = next(a for a in result.articles if a.number == "000400")
    assert retired.note == "retired in Stet; a retired article is not brought back"


def test_an_import_into_an_empty_database_restores_the_catalogue():
    text = rolled_back_export(build_catalogue)
    assert not User.objects.exists()

    run_import(source("export.json", text))

    maria = User.objects.get(username="maria")
    assert (maria.first_name, maria.is_active, maria.has_usable_password()) == (
        "Maria",
        False,
        False,
    )
    assert not maria.groups.exists()
    af = Article.objects.get(number="002321")
    assert list(af.revisions.values_list("number", flat=True)) == [2, 1]
    assert af.live_revision.number == 2 and af.live_revision.author == maria
    assert af.live_revision.based_on.number == 1
    signed = Approval.objects.filter(submission__revision=af.live_revision).order_by("position")
    assert [(a.step, a.decided_by.username) for a in signed] == [
        ("medical_review", "okafor"),
        ("medical_director", "dugdale"),
        ("editorial_director", "brenda"),
    ]
    okafor = af.reviewed_by
    assert okafor.user is None and okafor.needs_completion and not okafor.is_active
    assert sorted(okafor.specialties.values_list("slug", flat=True)) == [
        "cardiology",
        "nephrology",
        "oncology",
    ]
    assert SpecialtyReviewInterval.objects.get(specialty__slug="oncology").interval_months == 12
    chemo = Article.objects.get(number="000200")
    assert chemo.next_review_due == datetime.date(2026, 9, 1)  # 12 months for oncology
    assert ReviewCycle.objects.open().get(article=chemo).assignee.username == "okafor"
    assert Article.objects.get(number="000300").next_review_due == datetime.date(2028, 3, 14)
    assert Article.objects.get(number="000500").revisions.get().state == "draft"
    assert AuditEvent.objects.filter(action="import").count() == 8
    assert ReviewerProfile.objects.filter(credit_name="Sam Lee, MD").count() == 2


def test_changed_content_in_an_export_is_published_as_a_new_revision(maria, cardiology):
    article = published_article(number="002321", author=maria, specialty=cardiology)
    document = json.loads(catalogue_json())
    body = document["articles"][0]["revisions"][0]["sections"][0]
    body["body"] = "A fast, irregular heartbeat (new wording)."

    result = only(run_import(source("export.json", json.dumps(document))))

    article.refresh_from_db()
    assert result.articles[0].outcome == "updated"
    assert article.live_revision.number == 2
    assert (
        article.live_revision.sections.first().body == "A fast, irregular heartbeat (new wording)."
    )
    assert article.live_revision.author == system_user()


def test_a_dry_run_of_an_export_changes_nothing():
    text = rolled_back_export(build_catalogue)
    system_user()
    before = snapshot()

    result = only(run_import(source("export.json", text), dry_run=True))

    assert result.message == "export.json: 8 created (dry run: nothing saved)"
    assert snapshot() == before
