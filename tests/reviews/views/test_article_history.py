"""The article's history page: each published version with who signed it, each
signature with how its signer proved it was them and the fingerprint of the text they
signed, and the re-certifications of the live text — in a fixed number of queries."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from encyclopedia.canonical import revision_sha256
from reviews import cycles, services
from reviews.models import RECERTIFICATION, ChainStep, Step
from tests.reviews.cycles.factories import assigned_cycle
from tests.reviews.factories import TODAY, fresh, live_article, proof_of, published_revision

pytestmark = pytest.mark.django_db


def history(client, article):
    response = client.get(reverse("reviews:article-history", args=[article.number]))
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def row_of(page, version: int):
    return next(
        tr for tr in page.select("table.data tbody tr") if tr.find("a", string=f"v{version}")
    )


@pytest.fixture
def v2(article, maria, okafor, dugdale, brenda):
    return published_revision(article, editor=maria, signers=[okafor.user, dugdale.user, brenda])


def test_each_signer_is_shown_with_their_electronic_signature(client, article, v2, maria):
    client.force_login(maria)

    signed = row_of(history(client, article), 2).select("td")[6]

    text = signed.get_text(" ", strip=True)
    for name in ("Ngozi Okafor, MD", "David C. Dugdale, MD", "Brenda Conaway"):
        assert name in text
    assert text.count("signed electronically, password, re-entered") == 3
    (fingerprint, *_) = signed.select("abbr.sha")
    assert fingerprint["title"] == f"SHA-256 of the content signed: {revision_sha256(v2)}"


def test_a_recertification_of_the_live_text_is_listed_beside_its_publish(
    client, article, maria, okafor
):
    """v1 came from before Stet and is due: Dr. Okafor re-certifies it unchanged."""
    ChainStep.objects.create(kind=RECERTIFICATION, position=0, step=Step.MEDICAL_REVIEW)
    cycle = assigned_cycle(article, to=okafor.user, today=TODAY.date())
    cycles.review_cycle_recertify(
        cycle=cycle, reviewer=okafor.user, attested=True, proof=proof_of(okafor.user)
    )
    client.force_login(maria)

    signed = row_of(history(client, article), 1).select("td")[6]

    assert signed.get_text(" ", strip=True).startswith("before Stet")
    (recertified,) = signed.select(".recertified")
    text = recertified.get_text(" ", strip=True)
    assert text.startswith("Re-certified 2026-11-27:")
    assert "Ngozi Okafor, MD (medical review, 2026-11-27; signed electronically" in text


def test_the_page_does_not_grow_in_queries_with_its_versions(
    client, article, maria, okafor, dugdale, brenda, django_assert_max_num_queries
):
    signers = [okafor.user, dugdale.user, brenda]
    published_revision(article, editor=maria, signers=signers)
    client.force_login(maria)
    with django_assert_max_num_queries(30) as few:
        history(client, article)

    for _ in range(3):
        published_revision(fresh(article), editor=maria, signers=signers)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = history(client, article)
    assert len(page.select("table.data tbody tr abbr.sha")) >= 12


def test_the_audit_trail_reads_in_the_teams_words_and_pages(
    client, maria, okafor, dugdale, brenda, cardiology
):
    article = live_article(specialty=cardiology, author=maria)
    published_revision(article, editor=maria, signers=[okafor.user, dugdale.user, brenda])
    client.force_login(maria)

    page = client.get(reverse("reviews:article-history", args=[article.number]))
    trail = page.content.decode().split('id="audit-trail"')[1]

    assert "<td>Review Date</td>" in trail
    assert "<td>Live version</td><td>v1</td><td>v2</td>" in trail
    assert "<td>Published</td>" in trail  # the status's label, not "published"
    assert "last_reviewed_on" not in trail and "{'name'" not in trail
    assert len(page.context["page"]) <= 50


def test_a_long_audit_trail_comes_in_pages_of_fifty(client, maria, cardiology):
    article = live_article(specialty=cardiology, author=maria)
    for _ in range(12):  # each draft records its revision, sections and references
        draft = services.revision_start_draft(article=article, editor=maria)
        services.revision_withdraw(revision=draft, editor=maria)
    client.force_login(maria)

    first = client.get(reverse("reviews:article-history", args=[article.number]))
    second = client.get(reverse("reviews:article-history", args=[article.number]), {"page": 2})

    assert len(first.context["page"]) == 50 and first.context["page"].has_next()
    assert "page=2" in first.content.decode().split('id="audit-trail"')[1]
    assert len(second.context["page"]) >= 1
