"""Scenario 13: the accreditation audit report. For an article and a date it shows the
version live that day, its Review Date, who signed each step with their credentials as
they were that day, and the attestation — all from the recorded history, so a title
changed since does not rewrite last year's report."""

import datetime
from contextlib import contextmanager
from dataclasses import dataclass

import pytest
import time_machine
from django.http import StreamingHttpResponse
from django.urls import reverse

from encyclopedia.canonical import revision_sha256
from encyclopedia.models import Article, Revision
from reviews import cycles, services
from reviews.models import (
    ATTESTATION_TEXT,
    EDITORIAL_ATTESTATION_TEXT,
    RECERTIFICATION_ATTESTATION_TEXT,
)
from tests.encyclopedia.factories import draft_article, published_article
from tests.reporting.factories import (
    TODAY,
    at,
    csv_of,
    get_page,
    login,
    open_cycle_of,
    sign_current_step,
    text,
)
from tests.reviews.factories import (
    LIVE_REFERENCES,
    LIVE_SECTIONS,
    draft_change,
    proof_of,
    submit,
)

pytestmark = pytest.mark.django_db

AUDIT = reverse("reporting:audit-report")
OLD_TITLE = "Associate Professor of Medicine"
NEW_TITLE = "Professor of Medicine"
INSTITUTION = "Riverside University School of Medicine"


def okafor_credit(title: str) -> str:
    return f"Ngozi Okafor, MD, {title}, Division of Cardiology, {INSTITUTION}"


@contextmanager
def on(day: str, hour: int = 10):
    """Everything inside happens at `hour` on `day`, history rows included."""
    with time_machine.travel(at(day, hour), tick=False):
        yield


@dataclass
class Story:
    article: Article
    kidney: Article
    gout: Article
    angina: Article
    people: dict


@pytest.fixture
def story(request, cardiology, nephrology) -> Story:
    """Atrial fibrillation (002321), told through the years:

    2024-07-23  v1 published after a full review: Okafor, Dugdale, Brenda sign.
    2025-06-10  v2 published, an update whose reviewer reviewed the whole page.
    2025-09-01  Dr. Okafor's title changes to Professor of Medicine.
    2026-03-03  v3 published, a correction signed by the editorial director alone.
    2026-08-05  Dr. Okafor re-certifies the page in an out-of-cycle review.

    Beside it: Kidney stones, published 2024-05-01 before Stet (no recorded sign-off);
    Gout, created 2025-01-10 and never published; Angina, published 2024-05-01 and
    retired 2025-02-01.
    """
    people = {}
    with on("2024-07-01", 9):
        for name in ("maria", "dugdale", "brenda", "okafor"):
            people[name] = request.getfixturevalue(name)
    maria, brenda = people["maria"], people["brenda"]
    okafor, dugdale = people["okafor"].user, people["dugdale"].user

    def publish_after(revision, signers, day, whole_page=False):
        for hour, signer in enumerate(signers, start=9):
            with on(day, hour):
                sign_current_step(
                    revision, signer, now=at(day, hour), reviewed_whole_page=whole_page
                )
        with on(day, 14):
            services.revision_publish(revision=revision, editor=maria, now=at(day, 14))

    with on("2024-05-01"):
        kidney = published_article(
            title="Kidney stones",
            specialty=nephrology,
            author=maria,
            reviewed_on=datetime.date(2024, 4, 30),
            published_at=at("2024-05-01"),
            references=[],
        )
        angina = published_article(
            title="Angina",
            specialty=cardiology,
            author=maria,
            reviewed_on=datetime.date(2024, 4, 30),
            published_at=at("2024-05-01"),
            references=[],
        )
    with on("2024-07-20"):
        article = services.article_create(
            editor=maria,
            title="Atrial fibrillation",
            specialty=cardiology,
            number="002321",
            summary="A fast, irregular heartbeat.",
            sections=LIVE_SECTIONS,
            references=LIVE_REFERENCES,
        )
        v1 = article.revisions.get()
        submit(v1, editor=maria, kind=Revision.Kind.FULL_REVIEW, change_summary="First version")
    publish_after(v1, [okafor, dugdale, brenda], "2024-07-23")
    with on("2025-01-10"):
        gout = draft_article(title="Gout", specialty=nephrology, author=maria)
    with on("2025-02-01"):
        services.article_retire(article=angina, director=brenda, reason="Merged into Chest pain")
    with on("2025-06-02"):
        v2 = draft_change(article, editor=maria, references=LIVE_REFERENCES)
        submit(v2, editor=maria, change_summary="2025 guideline")
    publish_after(v2, [okafor, dugdale, brenda], "2025-06-10", whole_page=True)
    with on("2025-09-01"):
        profile = people["okafor"]
        profile.title = NEW_TITLE
        profile._change_reason = "Promoted"
        profile.save()
    with on("2026-03-02"):
        v3 = draft_change(article, editor=maria, correction=True)
        submit(v3, editor=maria, kind=Revision.Kind.CORRECTION, change_summary="Typo")
    publish_after(v3, [brenda], "2026-03-03")
    with on("2026-08-01"):
        cycles.review_cycles_open_out_of_cycle(
            director=brenda,
            reason="Guideline update",
            specialty=cardiology,
            today=datetime.date(2026, 8, 1),
        )
    with on("2026-08-05"):
        cycles.review_cycle_recertify(
            cycle=open_cycle_of(article), reviewer=okafor, proof=proof_of(okafor), attested=True
        )
    return Story(
        article=Article.objects.get(pk=article.pk),
        kidney=kidney,
        gout=gout,
        angina=angina,
        people=people,
    )


@pytest.fixture
def director(client, story):
    login(client, story.people["brenda"])
    return client


def report(client, day: str, article: str = "002321"):
    return get_page(client, AUDIT, {"date": day, "article": article})


def entries(page) -> list:
    return page.select("section.audit-entry")


def facts(entry) -> dict[str, str]:
    return {
        text(dt): text(dd)
        for dt, dd in zip(entry.select("dl.facts dt"), entry.select("dl.facts dd"), strict=True)
    }


def sign_offs(entry) -> list[list[str]]:
    table = entry.find("table")
    if table is None:
        return []
    return [[text(cell) for cell in row.find_all("td")] for row in table.select("tbody tr")]


def test_the_report_shows_the_version_live_on_that_day_with_its_review_date(director):
    (entry,) = entries(report(director, "2025-03-01"))

    assert text(entry.find("h2")) == "Atrial fibrillation 002321"
    assert facts(entry)["Live version"] == "v1, published 2024-07-23 14:00"
    assert facts(entry)["Review Date"] == "7/23/2024"
    assert facts(entry)["Backed by"] == "Sign-offs of v1"


def test_a_later_date_shows_the_later_version(director):
    (entry,) = entries(report(director, "2025-07-01"))

    assert facts(entry)["Live version"] == "v2, published 2025-06-10 14:00"
    assert facts(entry)["Review Date"] == "6/10/2025"


def test_each_step_shows_who_signed_with_their_credentials_and_attestation(director):
    (entry,) = entries(report(director, "2025-03-01"))

    assert [row[:5] for row in sign_offs(entry)] == [
        ["Medical Reviewer", "Ngozi Okafor, MD", okafor_credit(OLD_TITLE),
         "2024-07-23 09:00", ATTESTATION_TEXT],
        ["Medical Director", "David C. Dugdale, MD",
         f"David C. Dugdale, MD, Medical Director, Department of Medicine, {INSTITUTION}",
         "2024-07-23 10:00", ATTESTATION_TEXT],
        ["Editorial Director", "Brenda Conaway", "Brenda Conaway", "2024-07-23 11:00",
         EDITORIAL_ATTESTATION_TEXT],
    ]  # fmt: skip


def test_each_sign_off_shows_its_electronic_signature_over_the_text_signed(director, story):
    (entry,) = entries(report(director, "2025-03-01"))

    sha = revision_sha256(story.article.revisions.get(number=1))
    assert [row[5] for row in sign_offs(entry)] == [
        f"Password, re-entered {hour}; content SHA-256 {sha}"
        for hour in ("09:00", "10:00", "11:00")
    ]


def test_credentials_are_shown_as_they_were_on_the_report_date_not_as_they_are_now(director):
    before = entries(report(director, "2025-07-01"))[0]
    after = entries(report(director, "2025-12-01"))[0]

    # The same sign-off of v2, read on either side of the title change of 2025-09-01.
    assert sign_offs(before)[0][2] == okafor_credit(OLD_TITLE)
    assert sign_offs(after)[0][2] == okafor_credit(NEW_TITLE)
    assert sign_offs(before)[0][3] == sign_offs(after)[0][3] == "2025-06-10 09:00"


def test_the_printed_credit_is_the_one_the_page_carried_that_day(director):
    (entry,) = entries(report(director, "2025-12-01"))

    assert facts(entry)["Printed credit"] == (
        f"Updated by: {okafor_credit(OLD_TITLE)}. Also reviewed by David C. Dugdale, MD, "
        "Medical Director, Brenda Conaway, Editorial Director."
    )


def test_last_years_report_keeps_the_old_title_while_todays_shows_the_new_one(director):
    last_year = entries(report(director, "2025-07-01"))[0]
    today = entries(report(director, str(TODAY)))[0]

    assert okafor_credit(OLD_TITLE) in text(last_year)
    assert okafor_credit(NEW_TITLE) not in text(last_year)
    assert okafor_credit(NEW_TITLE) in text(today)
    assert okafor_credit(OLD_TITLE) not in text(today)


def test_a_re_certification_after_the_publish_is_the_basis_of_the_review_date(director):
    (entry,) = entries(report(director, str(TODAY)))

    assert facts(entry)["Review Date"] == "8/5/2026"
    assert facts(entry)["Backed by"] == "Re-certification, no change"
    assert sign_offs(entry)[-1][:5] == [
        "Re-certification: Medical Reviewer",
        "Ngozi Okafor, MD",
        okafor_credit(NEW_TITLE),
        "2026-08-05 10:00",
        RECERTIFICATION_ATTESTATION_TEXT,
    ]


def test_the_day_before_the_re_certification_it_is_not_the_basis(director):
    (entry,) = entries(report(director, "2026-08-04"))

    assert facts(entry)["Review Date"] == "6/10/2025"
    assert "Re-certification" not in text(entry)


def test_while_a_correction_is_live_the_report_shows_the_review_its_review_date_rests_on(
    director,
):
    """v3 (a correction, signed by the editorial director alone) kept v2's Review Date;
    the surveyor must still see the medical sign-off behind that date."""
    (entry,) = entries(report(director, "2026-04-01"))

    assert facts(entry)["Live version"] == "v3, published 2026-03-03 14:00"
    assert facts(entry)["Review Date"] == "6/10/2025"
    steps = {row[0]: row for row in sign_offs(entry)}
    # The sign-offs of the earlier version are shown too, labelled with their version.
    assert "Medical Reviewer (v2)" in steps, f"only {list(steps)} shown"
    assert "Review Date from the medical review of v2" in facts(entry)["Backed by"]
    assert steps["Medical Reviewer (v2)"][1:4] == [
        "Ngozi Okafor, MD",
        okafor_credit(NEW_TITLE),
        "2025-06-10 09:00",
    ]


def test_an_article_not_yet_published_that_day_says_so(director):
    (entry,) = entries(report(director, "2024-07-21"))

    assert "Not published on that day" in text(entry)
    assert entry.find("table") is None


def test_an_article_that_did_not_exist_yet_is_absent(director):
    page = report(director, "2024-06-01")

    assert entries(page) == []
    assert "No article existed on that day with this number." in text(page)


def test_the_report_for_every_article_lists_each_one_as_it_stood_that_day(director, story):
    page = get_page(director, AUDIT, {"date": "2025-03-01"})

    shown = {text(e.find("h2")): text(e) for e in entries(page)}

    assert list(shown) == [
        f"Kidney stones {story.kidney.number}",
        f"Angina {story.angina.number}",
        "Atrial fibrillation 002321",
        f"Gout {story.gout.number}",
    ]
    assert (
        "No recorded sign-off (imported or published before Stet)"
        in shown[f"Kidney stones {story.kidney.number}"]
    )
    assert "Not published on that day (retired)" in shown[f"Angina {story.angina.number}"]
    assert "Not published on that day (draft)" in shown[f"Gout {story.gout.number}"]


def test_the_report_downloads_as_csv_with_one_row_per_sign_off(director):
    page = report(director, "2025-03-01")
    link = next(a["href"] for a in page.find_all("a") if text(a) == "Download CSV")

    response = director.get(AUDIT + link)

    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Disposition"] == 'attachment; filename="audit-002321-2025-03-01.csv"'
    header, *rows = csv_of(response)
    assert header[0] == "Article" and header[-7:] == [
        "Step",
        "Signed by",
        "Credentials on the report date",
        "Signed at",
        "Attestation",
        "Authenticated by",
        "Content SHA-256",
    ]
    assert [row[10] for row in rows] == [
        "Medical Reviewer",
        "Medical Director",
        "Editorial Director",
    ]
    assert {(*row[:4], row[5]) for row in rows} == {
        ("002321", "Atrial fibrillation", "published", "v1", "2024-07-23")
    }
    assert {datetime.datetime.fromisoformat(row[4]) for row in rows} == {at("2024-07-23", 14)}
    assert [datetime.datetime.fromisoformat(row[13]) for row in rows] == [
        at("2024-07-23", hour) for hour in (9, 10, 11)
    ]
    assert rows[0][12] == okafor_credit(OLD_TITLE)
    assert rows[0][14] == ATTESTATION_TEXT


def test_the_csv_of_every_article_gives_an_unsigned_article_one_row(director, story):
    rows = csv_of(director.get(AUDIT, {"date": "2025-03-01", "format": "csv"}))

    by_article = {}
    for row in rows[1:]:
        by_article.setdefault(row[1], []).append(row)
    assert {title: len(found) for title, found in by_article.items()} == {
        "Kidney stones": 1,
        "Angina": 1,
        "Atrial fibrillation": 3,
        "Gout": 1,
    }
    assert by_article["Kidney stones"][0][10:] == [""] * 7


def test_the_report_is_printable(director):
    page = report(director, "2025-03-01")

    assert "printable" in page.body["class"]
    assert "no-print" in page.find("form")["class"] or any(
        "no-print" in form.get("class", []) for form in page.find_all("form")
    )
    assert any(text(b) == "Print" for b in page.find_all("button"))


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"date": "2026-02-30"}, "date", "Enter a valid date."),
        ({"date": "yesterday"}, "date", "Enter a valid date."),
        ({"date": ""}, "date", "This field is required."),
        ({"date": "2025-03-01", "article": "999999"}, "article", "No article has this number."),
        ({"date": "2025-03-01", "article": "12ab"}, "article", "An article number is six digits."),
    ],
)
def test_bad_input_gets_a_form_error_not_a_server_error(director, params, field, message):
    response = director.get(AUDIT, params)

    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    assert message in response.content.decode()
    assert response.context["entries"] is None


def test_a_bad_date_with_csv_asked_gets_the_form_not_a_file(director):
    response = director.get(AUDIT, {"date": "2026-02-30", "format": "csv"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
