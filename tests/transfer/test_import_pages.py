"""Importing article pages of a public medical encyclopedia: the number, title, summary,
sections, references with their accessed dates, Review Date (and so the due date), and
credits — matched to reviewer profiles or given placeholders — and re-imports that
never duplicate anything."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import ReviewerProfile, Specialty
from accounts.services import system_user
from encyclopedia.models import Article, Revision
from encyclopedia.services import ReferenceInput, revision_content
from reviews import cycles, services
from reviews.models import AuditEvent, ReviewCycle, Submission
from tests.encyclopedia.factories import draft_article, published_article
from tests.transfer.factories import TODAY, at, page, snapshot
from tests.transfer.helpers import only, run_import, source
from transfer.services import parse_source
from transfer.services.importing import _as_data

pytestmark = pytest.mark.django_db
D = datetime.date


def test_a_page_becomes_a_published_article_with_its_number_content_and_review_date(
    pages_dir, dugdale
):
    result = only(run_import(pages_dir / "atrial-fibrillation.html"))

    assert result.status == "imported"
    article = Article.objects.get(number="002321")
    assert result.message == (
        f"{pages_dir / 'atrial-fibrillation.html'}: 002321 'Atrial fibrillation' created "
        "(v1 live, Review Date 7/23/2024)"
    )
    assert article.title == "Atrial fibrillation"
    assert article.status == Article.Status.PUBLISHED
    assert article.specialty.name == "Unclassified"
    live = article.live_revision
    assert (live.number, live.state, live.kind) == (1, Revision.State.PUBLISHED, "full_review")
    assert live.summary.startswith("Atrial fibrillation (AF) is a fast, irregular heartbeat")
    sections, references = revision_content(live)
    assert [s.heading for s in sections] == ["Causes", "Symptoms", "Treatment"]  # not "Images"
    assert sections[0].body == (
        "The heart's electrical signals normally start in the **sinus node**. In AF, signals "
        "fire from many places in the atria at once.\n\nCommon causes include:\n\n"
        "- High blood pressure\n- Heart valve disease, such as *mitral stenosis*\n"
        "- An overactive thyroid gland"
    )
    assert "[heart failure](https://health.example/article/000123/)" in sections[2].body
    assert "### Procedures\n\n1. Cardioversion\n2. Catheter ablation" in sections[2].body
    assert references == [
        ReferenceInput(
            citation="Marlow JT, Osei A. Extended-interval dosing in atrial fibrillation. "
            "*J Demo Clin Med*. 2021;14(3):211-219.",
            doi="10.5555/stet.demo.2021.0142",
            pubmed_id="31234567",
        ),
        ReferenceInput(
            citation="Demo Heart Society. Rhythm guideline 2023. Updated June 2, 2023.",
            url="https://example.org/guidelines/af",
            accessed_on=D(2024, 7, 1),
        ),
        ReferenceInput(
            citation="Nakamura R, Holt S. Stroke prevention in older adults. "
            "*Demo Cardiol Rev*. 2022;8:40-52.",
            url="https://doi.org/10.5555/stet.demo.2022.0007",
            doi="10.5555/stet.demo.2022.0007",
        ),
    ]
    assert article.last_reviewed_on == D(2024, 7, 23)
    assert article.next_review_due == D(2026, 7, 23)
    assert article.last_updated_on == D(2024, 7, 23)


def test_the_credits_are_kept_and_an_unknown_reviewer_gets_an_inactive_placeholder_profile(
    pages_dir, dugdale
):
    run_import(pages_dir / "atrial-fibrillation.html")

    article = Article.objects.get(number="002321")
    assert article.reviewed_by_credit == (
        "Linda J. Vorvick, MD, Clinical Associate Professor, Department of Family Medicine, "
        "Riverside University School of Medicine, Riverside, MA"
    )
    assert article.also_reviewed_by == [
        {"name": "David C. Dugdale, MD", "role": "Medical Director"},
        {"name": "Brenda Conaway", "role": "Editorial Director"},
    ]
    vorvick = article.reviewed_by
    assert (vorvick.credit_name, vorvick.credentials) == ("Linda J. Vorvick, MD", "MD")
    assert vorvick.title == "Clinical Associate Professor"
    assert vorvick.department == "Department of Family Medicine"
    assert vorvick.institution == "Riverside University School of Medicine, Riverside, MA"
    assert vorvick.user is None
    assert not vorvick.is_active and vorvick.needs_completion
    # Dr. Dugdale is in Stet already; the editorial director carries no credentials.
    assert ReviewerProfile.objects.filter(credit_name="David C. Dugdale, MD").get() == dugdale
    assert not ReviewerProfile.objects.filter(credit_name__startswith="Brenda").exists()


def test_a_credited_reviewer_already_in_stet_is_matched_by_credit_name(pages_dir, okafor):
    profiles = ReviewerProfile.objects.count()

    run_import(pages_dir / "000184.htm")

    article = Article.objects.get(number="000184")
    assert article.reviewed_by == okafor
    assert article.reviewed_by_credit.startswith("Ngozi Okafor, MD, Associate Professor")
    # Dr. Dugdale (Medical Director, MD) was not in Stet: a placeholder for him only.
    assert ReviewerProfile.objects.count() == profiles + 1
    placeholder = ReviewerProfile.objects.get(credit_name="David C. Dugdale, MD")
    assert placeholder.needs_completion and not placeholder.is_active
    assert article.title == "Kidney stones" and article.last_reviewed_on == D(2025, 1, 5)
    sections, references = revision_content(article.live_revision)
    assert [s.heading for s in sections] == ["Causes", "Exams and Tests", "Outlook (Prognosis)"]
    assert "- Calcium stones, the most common\n    - Calcium oxalate" in sections[0].body
    assert "| Urinalysis | Crystals and red blood cells |" in sections[1].body
    assert [r.accessed_on for r in references] == [D(2025, 3, 3), D(2025, 1, 15)]
    assert references[1].doi == "10.5555/stet.demo.2020.0031"


def test_the_import_is_recorded_in_history_and_the_audit_trail(pages_dir):
    run_import(pages_dir / "atrial-fibrillation.html")

    article = Article.objects.get(number="002321")
    name = f"Imported from {pages_dir / 'atrial-fibrillation.html'}"
    latest = article.history.order_by("-history_id").first()
    assert latest.history_change_reason == name
    assert latest.history_user == system_user()
    section_history = article.live_revision.sections.first().history.get()
    assert section_history.history_change_reason == name
    placeholder = article.reviewed_by.history.first()
    assert placeholder.history_change_reason.startswith("Placeholder from the credits in")
    # Published as the workflow publishes (its own event), then the import's summary.
    published, event = AuditEvent.objects.filter(article=article).order_by("pk")
    assert (published.action, published.actor, published.revision, published.note) == (
        "publish",
        system_user(),
        article.live_revision,
        f"{name}: v1",
    )
    assert (event.action, event.actor, event.revision) == (
        "import",
        system_user(),
        article.live_revision,
    )
    assert event.note.startswith(name)


def test_importing_as_a_person_records_them_as_author_and_history_user(pages_dir, brenda):
    run_import(pages_dir / "atrial-fibrillation.html", user=brenda)

    article = Article.objects.get(number="002321")
    assert article.live_revision.author == brenda
    assert article.history.order_by("-history_id").first().history_user == brenda


def test_the_specialty_given_for_the_import_is_used_for_new_articles(pages_dir, cardiology):
    run_import(pages_dir / "atrial-fibrillation.html", default_specialty=cardiology)

    assert Article.objects.get(number="002321").specialty == cardiology
    assert not Specialty.objects.filter(name="Unclassified").exists()


def test_a_page_without_a_number_gets_the_next_free_one(pages_dir):
    run_import(pages_dir / "000184.htm", pages_dir / "hand-washing.html")

    article = Article.objects.get(title="Hand washing")
    assert article.number == "000185"
    assert article.reviewed_by.credit_name == "Priya Raman, RN, BSN"
    assert article.reviewed_by.credentials == "RN, BSN"


def test_pages_that_carry_numbers_are_imported_before_pages_that_do_not(pages_dir):
    # The unnumbered page comes first, but 000185 belongs to the numbered one.
    results = run_import(
        source("unnumbered.html", page(title="Gallstones", number=None)),
        source("numbered.html", page(title="Heartburn", number="000185")),
        pages_dir / "000184.htm",
    )

    assert all(r.status == "imported" for r in results)
    assert Article.objects.get(title="Heartburn").number == "000185"
    assert Article.objects.get(title="Gallstones").number == "000186"


def test_reimporting_the_same_pages_duplicates_nothing(pages_dir, dugdale, okafor):
    files = [pages_dir / name for name in ("atrial-fibrillation.html", "000184.htm")]
    files.append(pages_dir / "hand-washing.html")
    run_import(*files)
    before = snapshot()

    results = run_import(*files)

    assert snapshot() == before
    assert [r.articles[0].outcome for r in results] == ["unchanged"] * 3
    assert results[0].message.endswith("unchanged (v1 is already live)")


def test_a_changed_page_is_published_as_a_new_revision_over_the_live_one():
    run_import(source("gallstones.html", page()))
    article = Article.objects.get(number="000500")

    changed = page(
        sections="<h2>Causes</h2><p>Gallstones form when bile holds too much cholesterol "
        "or bilirubin.</p><h2>Treatment</h2><p>Surgery to remove the gallbladder is common.</p>",
        review_date="11/2/2026",
    )
    result = only(run_import(source("gallstones-2026.html", changed)))

    article.refresh_from_db()
    assert result.articles[0].outcome == "updated"
    assert result.articles[0].note == "v2 published over v1, Review Date 3/18/2025 → 11/2/2026"
    assert article.live_revision.number == 2
    assert list(article.revisions.values_list("number", "state")) == [
        (2, "published"),
        (1, "published"),
    ]
    assert article.live_revision.based_on.number == 1
    assert "or bilirubin" in article.live_revision.sections.first().body
    assert article.last_reviewed_on == D(2026, 11, 2)
    assert article.next_review_due == D(2028, 11, 2)
    assert article.last_updated_on == D(2026, 11, 2)
    assert Article.objects.count() == 1


def test_importing_over_an_article_with_a_revision_in_review_supersedes_it_as_publishing_does(
    maria, okafor, django_capture_on_commit_callbacks
):
    run_import(source("gallstones.html", page()))
    article = Article.objects.get(number="000500")
    okafor.specialties.add(article.specialty)
    in_review = services.revision_start_draft(article=article, editor=maria)
    services.revision_submit(
        revision=in_review, editor=maria, kind="update", change_summary="Diet advice"
    )
    mail.outbox.clear()

    changed = page(summary="Gallstones are hard deposits inside the gallbladder.")
    with django_capture_on_commit_callbacks(execute=True):
        only(run_import(source("gallstones-new.html", changed)))

    in_review.refresh_from_db()
    assert in_review.state == Revision.State.SUPERSEDED
    submission = in_review.submissions.get()
    assert submission.state == Submission.State.VOIDED
    assert set(submission.approvals.values_list("decision", flat=True)) == {"voided"}
    supersede = AuditEvent.objects.get(revision=in_review, action="supersede")
    assert supersede.note == "v3 was published first"
    # Maria hears that her change was overtaken; the import itself mails nobody.
    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["maria@stet.example"], "Superseded: Gallstones v2")
    ]
    article.refresh_from_db()
    assert article.live_revision.number == 3
    assert AuditEvent.objects.filter(revision=article.live_revision, action="publish").exists()


def test_a_page_corrected_without_a_new_review_date_is_a_correction_that_keeps_the_date():
    run_import(source("gallstones.html", page()))
    changed = page(summary="Gallstones are hard deposits inside the gallbladder.")

    result = only(run_import(source("gallstones.html", changed)))

    article = Article.objects.get(number="000500")
    assert result.articles[0].outcome == "updated"
    assert article.live_revision.kind == Revision.Kind.CORRECTION
    assert article.last_reviewed_on == D(2025, 3, 18)
    assert article.last_updated_on == TODAY


def test_a_medical_change_without_a_new_review_date_is_an_update_not_a_correction():
    """The correction rule submit applies (reviews.corrections) decides the kind."""
    run_import(source("gallstones.html", page()))
    changed = page(
        sections="<h2>Causes</h2><p>Gallstones form when bile holds too much cholesterol.</p>"
        "<h2>Treatment</h2><p>Surgery to remove the gallbladder is common after 2 attacks.</p>"
    )

    only(run_import(source("gallstones.html", changed)))

    article = Article.objects.get(number="000500")
    assert article.live_revision.kind == Revision.Kind.UPDATE
    assert article.last_reviewed_on == D(2025, 3, 18)


def test_the_same_content_with_a_later_review_date_moves_the_review_date_only():
    run_import(source("gallstones.html", page()))

    result = only(run_import(source("gallstones.html", page(review_date="11/20/2026"))))

    article = Article.objects.get(number="000500")
    assert result.articles[0].outcome == "review"
    assert article.revisions.count() == 1
    assert article.last_reviewed_on == D(2026, 11, 20)


def test_a_later_review_date_completes_the_articles_open_review_cycle():
    run_import(source("gallstones.html", page(review_date="3/18/2024")))
    cycles.review_cycles_flag_overdue(today=TODAY, now=at("2026-11-27", 5))
    cycle = ReviewCycle.objects.open().get()

    run_import(source("gallstones.html", page(review_date="11/20/2026")))

    cycle.refresh_from_db()
    assert (cycle.state, cycle.outcome) == ("completed", "recertified")
    assert AuditEvent.objects.filter(cycle=cycle, action="complete_cycle").exists()


def test_an_older_copy_of_a_page_is_skipped_not_imported_over_the_newer_one():
    run_import(source("gallstones.html", page(review_date="11/2/2026")))
    before = snapshot()

    older = page(summary="An older summary.", review_date="3/18/2025")
    result = only(run_import(source("old/gallstones.html", older)))

    assert result.status == "imported"
    assert result.articles[0].outcome == "skipped"
    assert "Stet's copy is newer" in result.message
    assert snapshot() == before


def test_a_page_with_the_text_of_an_earlier_version_does_not_revert_the_live_one():
    first = page()
    run_import(source("gallstones.html", first))
    run_import(source("gallstones.html", page(summary="Corrected summary.")))
    before = snapshot()

    result = only(run_import(source("gallstones.html", first)))

    assert result.articles[0].outcome == "skipped"
    assert result.articles[0].note == "the file has v1's text; Stet's live page is the newer v2"
    assert snapshot() == before


def test_a_page_for_a_never_published_draft_is_refused(maria, cardiology):
    draft_article(number="000500", title="Gallstones", author=maria, specialty=cardiology)
    system_user()  # the account imports act as exists before any import
    before = snapshot()

    result = only(run_import(source("gallstones.html", page())))

    assert result.status == "failed"
    assert "article 000500 is in Stet as a draft that was never published" in result.message
    assert snapshot() == before


def test_a_dry_run_reports_what_would_happen_and_changes_nothing(pages_dir):
    system_user()  # the account imports act as exists before any import
    before = snapshot()

    result = only(run_import(pages_dir / "atrial-fibrillation.html", dry_run=True))

    assert result.status == "imported"
    assert "002321 'Atrial fibrillation' would be created" in result.message
    assert snapshot() == before


def test_a_script_in_a_heading_is_stored_as_text_and_never_runs_on_the_page(client):
    sections = (
        "<h2>&lt;script&gt;alert(1)&lt;/script&gt; Causes</h2><p>Bile.</p>"
        "<h2>Treatment<script>alert(2)</script></h2><p>Surgery "
        "<img src=x onerror=alert(3)>is common.</p>"
    )
    only(run_import(source("gallstones.html", page(sections=sections))))

    article = Article.objects.get(number="000500")
    sections = list(article.live_revision.sections.values_list("heading", "body"))
    assert sections == [
        ("<script>alert(1)</script> Causes", "Bile."),
        ("Treatment", "Surgery is common."),
    ]
    html = client.get(reverse("encyclopedia:article", args=["000500"])).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Causes" in html
    assert "<script>alert(1)" not in html and "alert(2)" not in html and "onerror" not in html


def test_a_page_stet_itself_published_imports_back_unchanged(client, maria, cardiology, dugdale):
    """The reader's page carries everything the import reads, in the same shape."""
    article = published_article(
        number="002321", author=maria, specialty=cardiology, reviewer=dugdale
    )
    html = client.get(reverse("encyclopedia:article", args=["002321"])).content
    system_user()
    before = snapshot()

    result = only(run_import(source("002321.html", html)))

    assert result.articles[0].outcome == "unchanged", result.message
    assert snapshot() == before
    parsed = parse_source(source("002321.html", html), today=TODAY).articles[0]
    assert parsed.revisions[0].same_content(_as_data(article.live_revision))
    assert parsed.review.as_stored() == (
        article.last_reviewed_on,
        article.reviewed_by_credit,
        article.also_reviewed_by,
    )
