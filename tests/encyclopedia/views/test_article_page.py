"""The public article page, /article/<number>/: what a reader sees (scenario 15)."""

import datetime
import json
import re
import zoneinfo

import pytest
from django.conf import settings
from django.utils.html import escape

from encyclopedia import services
from encyclopedia.models import Article
from encyclopedia.services import SectionInput
from tests.encyclopedia.factories import (
    draft_article,
    edited_draft,
    publish,
    published_article,
    sections_of,
)

TODAY = datetime.datetime(2026, 11, 27, 12, tzinfo=zoneinfo.ZoneInfo("America/New_York"))
URL = "https://encyclopedia.example/article/000001/"
# One query: the article with its specialty, live revision, that revision's stored
# rendering (encyclopedia.page_content) and whether it has corrections to list (a second
# query lists them, see tests/reviews/test_corrections_list.py); nothing per section or
# reference.
PAGE_QUERIES = 1


@pytest.fixture(autouse=True)
def today(time_machine):
    time_machine.move_to(TODAY, tick=False)


@pytest.fixture
def article(cardiology, maria) -> Article:
    return published_article(
        title="Atrial fibrillation",
        summary="An irregular and often rapid heart rhythm.",
        specialty=cardiology,
        author=maria,
        sections=[
            SectionInput("Causes", "A fast, irregular heartbeat starts in the upper chambers."),
            SectionInput("Symptoms", "Palpitations, tiredness and breathlessness."),
            SectionInput("Treatment", "Medicines slow the heart rate."),
        ],
    )


def page_of(client, article: Article) -> str:
    response = client.get(f"/article/{article.number}/")
    assert response.status_code == 200
    return response.content.decode()


def text_of(page: str) -> str:
    """The page's text with tags removed and whitespace collapsed, as a reader reads it."""
    without_tags = re.sub(r"<[^>]+>", " ", page)
    return re.sub(r"\s+", " ", without_tags)


def section_headings(page: str) -> list[str]:
    return re.findall(r'<section id="section-\d+" class="article-section">\s*<h2>(.*?)</h2>', page)


def citation(page: str, style: str) -> str:
    match = re.search(rf"<dt>{style}</dt><dd>(.*?)</dd>", page, re.S)
    assert match, f"no {style} citation on the page"
    return match.group(1)


def structured_data(page: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert match, "the page has no JSON-LD block"
    return json.loads(match.group(1))


# --- What the page prints -------------------------------------------------------------


def test_the_page_shows_the_title_summary_and_sections_in_order(client, article):
    page = page_of(client, article)

    assert "<h1>Atrial fibrillation</h1>" in page
    assert "<title>Atrial fibrillation — Stet Health Encyclopedia</title>" in page
    assert "An irregular and often rapid heart rhythm." in page
    assert section_headings(page) == ["Causes", "Symptoms", "Treatment"]
    assert page.index("upper chambers") < page.index("Palpitations") < page.index("slow the")


def test_the_page_numbers_its_references_with_links_and_accessed_dates(client, article):
    page = page_of(client, article)

    references = re.search(r'<section id="references".*?<ol>(.*?)</ol>', page, re.S).group(1)
    anchors = re.findall(r'<li id="(reference-\d+)">', references)
    items = re.findall(r"<li[^>]*>(.*?)</li>", references, re.S)
    assert anchors == ["reference-1", "reference-2"]  # what an inline citation links to
    assert len(items) == 2
    assert "Marlow JT, Osei A. Extended-interval dosing." in items[0]
    assert '<a href="https://doi.org/10.5555/stet.demo.2021.0142"' in items[0]
    assert "Accessed July 1, 2024." in items[0]
    assert "Demo Heart Society. Rhythm guideline. 2023." in items[1]
    assert '<a href="https://example.org/"' in items[1]
    assert "Accessed" not in items[1]


def test_the_page_prints_the_review_date_without_zero_padding(client, cardiology, maria):
    article = published_article(
        reviewed_on=datetime.date(2024, 3, 5), specialty=cardiology, author=maria
    )

    assert "Review Date 3/5/2024" in text_of(page_of(client, article))


def test_the_page_prints_the_review_date_and_credits(client, article):
    text = text_of(page_of(client, article))

    assert "Review Date 7/23/2024" in text
    assert "Updated by: Linda J. Vorvick, MD, Clinical Associate Professor." in text
    assert (
        "Also reviewed by David C. Dugdale, MD, Medical Director, Brenda Conaway, "
        "Editorial Director, and the Stet Health Editorial team."
    ) in text


def test_the_page_credits_a_reviewer_as_their_profile_reads(client, cardiology, maria, okafor):
    article = published_article(specialty=cardiology, author=maria, reviewer=okafor)

    text = text_of(page_of(client, article))

    assert (
        "Updated by: Ngozi Okafor, MD, Associate Professor of Medicine, Division of Cardiology, "
        "Riverside University School of Medicine."
    ) in text


def test_the_page_tells_readers_how_to_cite_it_in_nlm_style(client, article):
    nlm = citation(page_of(client, article), "NLM")

    assert nlm == (
        "Stet Health Encyclopedia [Internet]. Boston (MA): Stet Health Media; c2026. "
        "Atrial fibrillation; [updated 2024 Jul 23; reviewed 2024 Jul 23; cited 2026 Nov 27]. "
        f"Available from: {URL}"
    )


def test_the_apa_ama_and_mla_citations_carry_the_update_and_access_dates(client, article):
    page = page_of(client, article)

    apa, ama, mla = citation(page, "APA"), citation(page, "AMA"), citation(page, "MLA")
    assert apa.startswith("Stet Health Media. (2024, July 23). Atrial fibrillation.")
    assert f"Retrieved November 27, 2026, from {URL}" in apa
    assert ama.startswith("Atrial fibrillation. Stet Health Encyclopedia. Updated July 23, 2024.")
    assert f"Accessed November 27, 2026. {URL}" in ama
    assert mla.startswith("“Atrial fibrillation.” <i>Stet Health Encyclopedia</i>")
    assert f"23 July 2024, {URL}. Accessed 27 Nov. 2026." in mla


def test_the_citations_use_the_day_the_reader_visits(client, article, time_machine):
    time_machine.move_to(datetime.datetime(2027, 1, 14, 9, tzinfo=TODAY.tzinfo), tick=False)

    page = page_of(client, article)

    assert "cited 2027 Jan 14]" in citation(page, "NLM")
    assert "Accessed January 14, 2027." in citation(page, "AMA")
    assert "Accessed 14 Jan. 2027." in citation(page, "MLA")


def test_the_page_carries_the_disclaimer_and_the_editorial_policy(client, article):
    page = page_of(client, article)

    disclaimer = re.search(r'<aside class="disclaimer">(.*?)</aside>', page, re.S).group(1)
    assert "medical emergency" in disclaimer
    assert "911" in disclaimer
    assert escape(settings.STET["EDITORIAL_POLICY_FOOTER"]) in page


def test_the_page_describes_itself_as_a_medical_web_page(client, article):
    data = structured_data(page_of(client, article))

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "MedicalWebPage"
    assert data["name"] == "Atrial fibrillation"
    assert data["url"] == URL
    assert data["lastReviewed"] == "2024-07-23"
    assert data["dateModified"] == "2024-07-23"
    assert data["reviewedBy"] == {"@type": "Person", "name": "Linda J. Vorvick"}


def test_a_never_reviewed_page_prints_no_review_date(client, cardiology, maria):
    article = published_article(reviewed_on=None, specialty=cardiology, author=maria)

    page = page_of(client, article)

    assert "Review Date" not in page
    assert "Updated by:" not in page
    assert "reviewed" not in citation(page, "NLM")
    assert "updated 2026 Nov 27; cited 2026 Nov 27" in citation(page, "NLM")
    assert "lastReviewed" not in structured_data(page)


# --- Which revision the page shows ------------------------------------------------------


def test_the_page_shows_the_live_revision_not_a_newer_draft(client, article, tom):
    edited_draft(
        article,
        editor=tom,
        title="Atrial fibrillation (draft title)",
        sections=[SectionInput("Causes", "Unreviewed draft wording.")],
    )

    page = page_of(client, article)

    assert "Unreviewed draft wording." not in page
    assert "draft title" not in page
    assert section_headings(page) == ["Causes", "Symptoms", "Treatment"]
    assert "upper chambers" in page


def test_the_page_shows_a_new_revision_once_it_is_published(client, article, tom):
    draft = edited_draft(
        article,
        editor=tom,
        title="Atrial fibrillation (AFib)",
        sections=[SectionInput("Overview", "Reviewed new wording.")],
    )
    publish(draft)

    page = page_of(client, article)

    assert "<h1>Atrial fibrillation (AFib)</h1>" in page
    assert section_headings(page) == ["Overview"]
    assert "upper chambers" not in page
    assert "Review Date 7/23/2024" in text_of(page)


# --- Addresses and status codes ---------------------------------------------------------


def test_a_never_published_article_is_not_found(client, cardiology, maria):
    article = draft_article(specialty=cardiology, author=maria)

    response = client.get(f"/article/{article.number}/")

    assert response.status_code == 404
    assert b"Atrial fibrillation" not in response.content


def test_a_retired_article_is_gone(client, article, brenda):
    services.article_mark_retired(article=article, user=brenda, reason="Merged into Arrhythmia")

    response = client.get(f"/article/{article.number}/")

    assert response.status_code == 410
    assert "retired" in response.content.decode().lower()
    assert "upper chambers" not in response.content.decode()


def test_an_unknown_number_is_not_found(client, article):
    assert client.get("/article/999999/").status_code == 404


def test_the_slug_address_redirects_permanently_to_the_number(client, article):
    response = client.get(f"/article/{article.slug}/")

    assert response.status_code == 301
    assert response["Location"] == f"/article/{article.number}/"


def test_an_unknown_slug_is_not_found(client, article):
    assert client.get("/article/no-such-article/").status_code == 404


def test_any_suffix_after_the_number_redirects_to_the_canonical_address(client, article):
    response = client.get(f"/article/{article.number}/atrial-fibrillation-old-name/")

    assert response.status_code == 301
    assert response["Location"] == f"/article/{article.number}/"


def test_the_page_declares_its_canonical_address(client, article):
    assert f'<link rel="canonical" href="{URL}">' in page_of(client, article)


def test_the_page_cannot_be_posted_to(client, article):
    assert client.post(f"/article/{article.number}/").status_code == 405


# --- Cost ---------------------------------------------------------------------------------


@pytest.mark.parametrize("sections", [2, 8])
def test_the_page_costs_the_same_queries_however_many_sections(
    client, cardiology, maria, django_assert_max_num_queries, sections
):
    article = published_article(specialty=cardiology, author=maria, sections=sections_of(sections))

    with django_assert_max_num_queries(PAGE_QUERIES):
        page = page_of(client, article)

    assert len(section_headings(page)) == sections


def test_the_footer_promises_no_page_the_site_does_not_have(client, db):
    footer = client.get("/").content.decode().split("<footer")[1]

    assert "published on this site" not in footer
    assert "last reviewed and by whom" in footer
