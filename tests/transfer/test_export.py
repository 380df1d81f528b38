"""The exports: JSON is lossless and round-trips byte for byte through an empty database;
CSV is one row per article's current state. Both stream in a bounded number of queries."""

import csv
import datetime
import io
import json

import pytest

from accounts.services import system_user
from encyclopedia.models import Article
from tests.encyclopedia.factories import published_article
from tests.transfer.factories import at, build_catalogue
from tests.transfer.helpers import rolled_back_export
from transfer.services import CSV_COLUMNS, catalogue_csv_chunks, catalogue_json, import_sources
from transfer.services.batch import SourceFile

pytestmark = pytest.mark.django_db


def import_text(text: str, name: str = "export.json"):
    results = import_sources(
        [SourceFile(name=name, read=lambda: text.encode())], user=system_user()
    )
    assert [r.status for r in results] == ["imported"], results[0].message
    return results[0]


def test_export_import_into_an_empty_database_export_gives_the_same_bytes():
    first = rolled_back_export(build_catalogue)
    assert Article.objects.count() == 0

    result = import_text(first)
    second = catalogue_json()

    assert result.message == "export.json: 8 created"
    assert second == first


def test_the_json_export_is_canonical_sorted_indented_json_with_no_ids_and_no_export_time():
    build_catalogue()
    text = catalogue_json()
    document = json.loads(text)

    assert text == json.dumps(document, sort_keys=True, indent=2) + "\n"
    assert document["format"] == "stet-catalogue" and document["version"] == 1
    assert sorted(document) == [
        "articles",
        "format",
        "people",
        "reviewers",
        "specialties",
        "topics",
        "version",
    ]
    assert '"id"' not in text and '"pk"' not in text
    assert [a["number"] for a in document["articles"]] == sorted(
        a["number"] for a in document["articles"]
    )


def test_exporting_again_later_gives_the_same_bytes(clock):
    build_catalogue()
    first = catalogue_json()
    clock.shift(datetime.timedelta(days=3, hours=5))

    assert catalogue_json() == first


def test_the_json_export_holds_every_published_revision_with_sign_offs_credits_and_cycles():
    build_catalogue()
    articles = {a["number"]: a for a in json.loads(catalogue_json())["articles"]}

    af = articles["002321"]
    assert [r["number"] for r in af["revisions"]] == [1, 2]
    assert af["live_revision"] == 2 and af["review_date"] == "2026-11-20"
    assert af["reviewed_by"] == "Ngozi Okafor, MD" and af["topics"] == ["anticoagulants"]
    v2 = af["revisions"][1]
    assert [s["step"] for s in v2["submission"]["sign_offs"]] == [
        "medical_review",
        "medical_director",
        "editorial_director",
    ]
    assert v2["submission"]["sign_offs"][0]["signer_name"] == "Ngozi Okafor, MD"
    assert v2["references"][2]["accessed_on"] == "2026-11-02"

    angina = articles["000150"]
    assert [r["kind"] for r in angina["revisions"]] == ["update", "correction"]
    assert angina["review_date"] == "2025-06-02"  # a correction leaves it
    assert angina["reviewed_by"] == "Sam Lee, MD (2)"  # the second of two "Sam Lee, MD"

    stones = articles["000184"]["review_cycles"]
    assert [(c["state"], c["outcome"], c["assignee"]) for c in stones] == [
        ("completed", "recertified", "okafor")
    ]
    # A review answered by a draft is open as far as the catalogue goes.
    chemo = articles["000200"]["review_cycles"]
    assert [(c["state"], c["revision"]) for c in chemo] == [("open", None)]
    assert articles["000400"]["status"] == "retired"
    assert articles["000400"]["review_cycles"][0]["state"] == "cancelled"
    assert articles["000500"]["status"] == "draft" and articles["000500"]["revisions"] == []
    assert articles["000300"]["review_interval_months"] == 36
    assert "Ménière" not in catalogue_json()  # escaped: the file is plain ASCII
    assert articles["000300"]["title"] == "Ménière’s disease"


def test_since_exports_only_articles_changed_on_or_after_the_day():
    build_catalogue()

    document = json.loads(catalogue_json(since=datetime.date(2026, 11, 20)))
    numbers = [a["number"] for a in document["articles"]]

    # Created today (every test article is), so all of them; a later day: none.
    assert len(numbers) == 8
    assert json.loads(catalogue_json(since=datetime.date(2026, 11, 28)))["articles"] == []


def test_since_uses_the_created_updated_reviewed_and_retired_dates(maria, cardiology):
    def article(title, reviewed_on):
        return published_article(
            title=title,
            author=maria,
            specialty=cardiology,
            reviewed_on=reviewed_on,
            created_at=at("2023-06-01"),
            published_at=at(str(reviewed_on)),
        )

    article("Old", datetime.date(2024, 1, 2))
    article("Reviewed in 2025", datetime.date(2025, 5, 5))

    document = json.loads(catalogue_json(since=datetime.date(2025, 1, 1)))

    assert [a["title"] for a in document["articles"]] == ["Reviewed in 2025"]


def test_the_csv_export_has_one_row_per_article_with_its_current_state():
    build_catalogue()

    rows = list(csv.DictReader(io.StringIO("".join(catalogue_csv_chunks()))))

    assert list(rows[0]) == CSV_COLUMNS
    assert [row["number"] for row in rows] == [
        "000150", "000184", "000200", "000300", "000400", "000500", "000600", "002321",
    ]  # fmt: skip
    af = rows[-1]
    assert af["title"] == "Atrial fibrillation"
    assert af["url"] == "https://encyclopedia.example/article/002321/"
    assert af["live_version"] == "2" and af["review_date"] == "2026-11-20"
    assert af["next_review_due"] == "2028-11-20"
    assert af["topics"] == "Anticoagulants"
    assert af["also_reviewed_by"] == (
        "David C. Dugdale, MD (Medical Director); Brenda Conaway (Editorial Director)"
    )
    chemo = rows[2]
    assert (chemo["open_review_due"], chemo["open_review_assignee"]) == ("2026-09-01", "okafor")
    assert chemo["next_review_due"] == "2026-09-01"  # the oncology interval: 12 months
    assert rows[5]["status"] == "draft" and rows[5]["live_version"] == ""


def test_a_csv_cell_a_spreadsheet_would_run_as_a_formula_is_written_as_text(maria, cardiology):
    published_article(
        title='=HYPERLINK("https://evil.example")', author=maria, specialty=cardiology
    )

    rows = list(csv.reader(io.StringIO("".join(catalogue_csv_chunks()))))

    assert rows[1][1] == '\'=HYPERLINK("https://evil.example")'


def test_the_exports_read_a_fixed_number_of_queries_per_chunk(
    maria, cardiology, django_assert_max_num_queries
):
    for n in range(12):
        published_article(title=f"Condition {n}", author=maria, specialty=cardiology)
    with django_assert_max_num_queries(20):
        catalogue_json()
    with django_assert_max_num_queries(5):
        "".join(catalogue_csv_chunks())
