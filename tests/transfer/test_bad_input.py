"""Scenario 16 for imports: a malformed file gets a message naming the file, the line or
element, and what is wrong — and changes nothing; the other files carry on."""

import json
import re

import pytest

from accounts.services import system_user
from encyclopedia.models import Article
from tests.accounts.factories import SpecialtyFactory, UserFactory
from tests.encyclopedia.factories import draft_article, published_article
from tests.transfer.factories import page, snapshot
from tests.transfer.helpers import only, rolled_back_export, run_import, source

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def importer(db):
    return system_user()  # exists before the snapshot: it is who imports act as


def refused(name: str, data: bytes | str) -> str:
    """Import one file that must be refused; check nothing changed; return the message."""
    before = snapshot()
    result = only(run_import(source(name, data)))
    assert result.status == "failed", result.message
    assert snapshot() == before
    return result.message


def line_of(data: bytes, text: str) -> int:
    return data.decode()[: data.decode().index(text)].count("\n") + 1


def one_article_export(**overrides) -> dict:
    def build():
        published_article(
            number="002321",
            title="Atrial fibrillation",
            specialty=SpecialtyFactory(name="Cardiology", slug="cardiology"),
            author=UserFactory(username="maria"),
        )

    document = json.loads(rolled_back_export(build))
    document["articles"][0].update(overrides)
    return document


def dumped(document: dict) -> str:
    return json.dumps(document, sort_keys=True, indent=2)


# --- Pages ---------------------------------------------------------------------------------


def test_a_review_date_that_is_not_a_real_date_is_refused_with_its_line():
    data = page(review_date="2/30/2026")

    message = refused("page-3.html", data)

    line = line_of(data, "Review Date 2/30")
    assert message == f"page-3.html line {line}: Review Date '2/30/2026' is not a real date"


def test_an_iso_review_date_of_february_30_is_refused_too():
    message = refused("page-3.html", page(review_date="2026-02-30"))

    assert re.fullmatch(
        r"page-3\.html line \d+: Review Date '2026-02-30' is not a real date", message
    )


def test_a_review_date_in_the_future_is_refused():
    assert "Review Date '1/5/2027' is in the future" in refused(
        "p.html", page(review_date="1/5/2027")
    )


def test_a_page_without_an_h1_is_refused():
    message = refused("page-4.html", page(h1=False))

    assert message == "page-4.html: no <h1> element: an article page names its title in an <h1>"


def test_a_page_without_sections_is_refused():
    message = refused("empty.html", page(sections=""))

    assert "no <h2> section with text under it" in message


def test_a_javascript_link_in_a_reference_is_refused():
    references = '<li>A citation. <a href="javascript:alert(1)">Read it</a>.</li>'

    message = refused("page-5.html", page(references=references))

    assert re.fullmatch(
        r"page-5\.html line \d+: reference 1: the link 'javascript:alert\(1\)' is refused: "
        r"only http\(s\) and mailto links are imported",
        message,
    )


@pytest.mark.parametrize(
    "href",
    ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "java&#x09;script:alert(1)", "data:text/html,x"],
)
def test_an_unsafe_link_in_a_section_is_refused_however_it_is_spelled(href):
    sections = f'<h2>Causes</h2><p>See <a href="{href}">this</a>.</p>'

    message = refused("page-6.html", page(sections=sections))

    assert "<h2> 'Causes': the link" in message and "is refused" in message


def test_an_oversized_page_is_refused_before_it_is_read():
    body = "<p>" + "x" * (30 * 1024 * 1024) + "</p>"

    message = refused("page-7.html", page(sections=f"<h2>Causes</h2>{body}"))

    assert message == "page-7.html: the file is 30.0 MB; an article page is at most 2 MB"


def test_a_section_longer_than_an_editor_could_write_is_refused_naming_it():
    sections = "<h2>Causes</h2><p>" + "x" * 100_000 + "</p>"

    message = refused("page-8.html", page(sections=sections))

    assert re.fullmatch(
        r"page-8\.html line \d+: <h2> 'Causes' body: is 100,000 characters long; "
        r"at most 60,000 are allowed",
        message,
    )


def test_an_accessed_date_that_is_not_a_real_date_is_refused():
    references = "<li>Demo guideline. 2022. Accessed February 30, 2024.</li>"

    message = refused("page-9.html", page(references=references))

    assert "reference 1: accessed date 'February 30, 2024' is not a real date" in message


def test_an_also_reviewed_by_line_without_roles_is_refused():
    credits = "Updated by: Jonas Weber, MD. Also reviewed by David C. Dugdale, MD."

    message = refused("page-10.html", page(credits=credits))

    assert "Also reviewed by: 'David C. Dugdale' has no role after the name" in message


def test_a_bad_file_changes_nothing_and_the_good_ones_are_imported():
    results = run_import(
        source("good.html", page(number="000500", title="Gallstones")),
        source("bad.html", page(number="000501", review_date="2/30/2026")),
        source("also-good.html", page(number="000502", title="Heartburn")),
    )

    assert [r.status for r in results] == ["imported", "failed", "imported"]
    assert sorted(Article.objects.values_list("number", flat=True)) == ["000500", "000502"]


# --- Stet JSON exports -----------------------------------------------------------------------


def test_invalid_json_is_refused_with_its_line_and_column():
    lines = dumped(one_article_export()).split("\n")
    broken = next(n for n in range(10, len(lines)) if lines[n].endswith(","))
    lines[broken] = lines[broken][:-1]  # a missing comma; JSON notices on the next line

    message = refused("export.json", "\n".join(lines))

    assert re.fullmatch(
        rf"export\.json line {broken + 2}: column \d+: not valid JSON \(Expecting ',' delimiter\)",
        message,
    )


def test_a_review_date_of_february_30_in_an_export_is_refused_naming_the_article():
    text = dumped(one_article_export(review_date="2026-02-30"))

    message = refused("export.json", text)

    line = text[: text.index('"number": "002321"')].count("\n") + 1
    assert message == (
        f"export.json line {line}: article 002321 › review_date: '2026-02-30' is not a real date"
    )


def test_a_javascript_reference_url_in_an_export_is_refused():
    document = one_article_export()
    document["articles"][0]["revisions"][0]["references"][0]["url"] = "javascript:alert(1)"

    message = refused("export.json", dumped(document))

    where = "article 002321 › revisions[0] (v1) › references[0]"
    assert f"{where}: the link 'javascript:alert(1)' is refused" in message


def test_a_javascript_link_in_a_section_body_of_an_export_is_refused():
    document = one_article_export()
    document["articles"][0]["revisions"][0]["sections"][0]["body"] = "[x](javascript:alert(1))"

    message = refused("export.json", dumped(document))

    assert (
        "article 002321 › revisions[0] (v1) › sections[0]: the link 'javascript:alert(1)'"
        in message
    )


def test_a_30_mb_section_body_in_an_export_is_refused():
    document = one_article_export()
    document["articles"][0]["revisions"][0]["sections"][0]["body"] = "x" * (30 * 1024 * 1024)

    message = refused("export.json", dumped(document))

    assert message.endswith(
        "article 002321 › revisions[0] (v1) › sections[0] body: is 31,457,280 characters long; "
        "at most 60,000 are allowed"
    )


def test_a_script_in_an_exported_heading_is_imported_as_text():
    document = one_article_export()
    document["articles"][0]["revisions"][0]["sections"][0]["heading"] = "<script>alert(1)</script>"

    result = only(run_import(source("export.json", dumped(document))))

    assert result.status == "imported"
    assert (
        Article.objects.get().live_revision.sections.first().heading == "<script>alert(1)</script>"
    )


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"format": "something-else"}, "not a Stet catalogue export"),
        ({"version": 2}, "the file › version: 2: this Stet reads version 1"),
        ({"surprise": 1}, "the file: unexpected key 'surprise'"),
    ],
)
def test_a_file_that_is_not_a_stet_export_is_refused(change, expected):
    document = one_article_export()
    document.update(change)

    assert expected in refused("export.json", dumped(document))


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"number": "12"}, "article 12 › number: '12' is not six digits"),
        ({"specialty": "surgery"}, "› specialty: 'surgery' is not among the file's specialties"),
        ({"status": "lost"}, "› status: 'lost' is not one of draft, published, retired"),
        ({"live_revision": 7}, "› live_revision: a published article's live revision"),
        ({"title": ""}, "› title: is empty"),
        (
            {"review_interval_months": "24"},
            "› review_interval_months: should be a whole number, not text",
        ),
        (
            {"created_at": "2026-11-27T10:00:00"},
            "› created_at: '2026-11-27T10:00:00' has no time zone",
        ),
        ({"extra": True}, "article 002321: unexpected key 'extra'"),
    ],
)
def test_each_malformed_value_in_an_export_is_named(overrides, expected):
    assert expected in refused("export.json", dumped(one_article_export(**overrides)))


def test_a_json_file_is_all_or_nothing_even_when_a_later_article_is_refused_on_writing(
    maria, cardiology
):
    # The second article is fine as JSON but clashes with a never-published draft in Stet.
    document = one_article_export()
    second = json.loads(json.dumps(document["articles"][0]))
    second.update(number="000500", slug="gallstones", title="Gallstones")
    document["articles"].append(second)
    draft_article(number="000500", title="Gallstones", author=maria, specialty=cardiology)

    message = refused("export.json", dumped(document))

    assert "article 000500 is in Stet as a draft that was never published" in message
    assert not Article.objects.filter(number="002321").exists()


def test_a_file_that_is_neither_kind_is_skipped_not_failed():
    result = only(run_import(source("notes.txt", b"Just some notes.")))

    assert result.status == "skipped"
    assert "neither an HTML page nor a Stet JSON export" in result.message


# --- Character sets, missing Review Dates, citations -------------------------------------


def without_charset(data: bytes) -> bytes:
    return data.replace(b'<meta charset="utf-8">\n', b"")


def test_a_utf8_page_that_declares_no_charset_is_read_as_utf8():
    data = without_charset(
        page(
            title="Café-au-lait spots",
            sections="<h2>Causes</h2><p>Neurofibromatosis type 1 — “NF1” — causes them.</p>",
        )
    )

    result = only(run_import(source("cafe.html", data)))

    assert result.status == "imported", result.message
    article = Article.objects.get(number="000500")
    assert article.title == "Café-au-lait spots"
    assert "— “NF1” —" in article.live_revision.sections.get().body


def test_a_page_is_read_in_the_character_set_its_meta_declares():
    text = page(title="Café-au-lait spots").decode()
    data = text.replace('charset="utf-8"', 'charset="windows-1252"').encode("cp1252")

    result = only(run_import(source("cafe.html", data)))

    assert result.status == "imported", result.message
    assert Article.objects.get(number="000500").title == "Café-au-lait spots"


def test_a_page_that_is_not_utf8_and_declares_nothing_is_refused_not_guessed():
    data = without_charset(page(title="Café-au-lait spots").decode().encode("latin-1"))

    message = refused("cafe.html", data)

    assert "is not UTF-8" in message
    assert '<meta charset="…">' in message


def test_a_page_that_is_not_what_its_meta_declares_is_refused():
    data = page(title="Café-au-lait spots").decode().encode("latin-1")  # but says utf-8

    assert "is not valid utf-8, as its <meta> declares utf-8" in refused("cafe.html", data)


def test_a_page_with_no_review_date_is_refused_rather_than_published_with_its_credits():
    data = page().replace(b"<p>Review Date 3/18/2025</p>", b"")

    assert "the page has no Review Date" in refused("gallstones.html", data)


def test_a_title_that_hides_text_is_refused():
    message = refused("warfarin.html", page(title="Warfarin\u202e gm 01\u202c dosing"))

    assert "invisible character (U+202E RIGHT-TO-LEFT OVERRIDE)" in message


def test_a_citation_keeps_its_italics_and_drops_the_brackets_its_address_was_in(client):
    data = page(
        references=(
            "<li>Weber J. Gallstones in adults. <i>Demo J Surg</i>. 2022;3:1-9. "
            '[<a href="https://example.org/gallstones">https://example.org/gallstones</a>]. '
            "Accessed May 4, 2024.</li>"
        )
    )

    only(run_import(source("gallstones.html", data)))

    article = Article.objects.get(number="000500")
    reference = article.live_revision.references.get()
    assert reference.citation == "Weber J. Gallstones in adults. *Demo J Surg*. 2022;3:1-9."
    assert reference.url == "https://example.org/gallstones"
    assert "<em>Demo J Surg</em>" in client.get(article.get_absolute_url()).content.decode()
