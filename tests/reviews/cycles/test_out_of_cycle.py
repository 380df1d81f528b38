"""Scenario 12: a director opens reviews now for every article in a specialty or topic, or
citing a work (DOI, PubMed id or URL) — only where the live version cites it."""

import datetime

import pytest
from django.core import mail

from core.errors import DomainError, PermissionDenied
from encyclopedia.services import ReferenceInput
from reviews import cycles, selectors, services
from reviews.models import AuditEvent, ReviewCycle
from tests.encyclopedia.factories import draft_article, edited_draft, publish
from tests.mail import committed
from tests.reviews.cycles.factories import (
    NOW,
    REFERENCES,
    TODAY,
    assigned_cycle,
    days,
    due_article,
    fresh,
    open_cycle,
)

pytestmark = pytest.mark.django_db

DOI = "10.5555/retracted.2024.0007"
PMID = "38000001"
URL = "https://example.org/trials/retracted-trial"
REASON = "Retraction notice"
NOT_DUE = datetime.date(2027, 5, 1)

RETRACTED = ReferenceInput(
    citation="Vance I, Ruiz P. A retracted trial. J Demo Cardiol. 2024;9:1-9.",
    url=URL,
    accessed_on=datetime.date(2025, 1, 10),
    doi=DOI,
)
BY_PMID_ONLY = ReferenceInput(citation="Another retracted paper. 2023.", pubmed_id=PMID)


@pytest.fixture
def library(maria, brenda, cardiology, nephrology, anticoagulants):
    """Published articles citing the retracted work, and look-alikes that must not match."""

    def article(title, specialty, references=REFERENCES, topics=()):
        return due_article(
            NOT_DUE,
            specialty=specialty,
            author=maria,
            title=title,
            references=references,
            topics=topics,
        )

    found = {
        "af": article(
            "Atrial fibrillation", cardiology, [*REFERENCES, RETRACTED], [anticoagulants]
        ),
        "kidney": article("Kidney stones", nephrology, [RETRACTED]),
        "angina": article("Angina", cardiology, [BY_PMID_ONLY]),
        "murmur": article("Heart murmur", cardiology, topics=[anticoagulants]),
    }
    # Cites it only in a draft: the live page does not.
    found["draft_only"] = article("Syncope", cardiology)
    draft = edited_draft(found["draft_only"], editor=maria, references=[*REFERENCES, RETRACTED])
    # Cited it in v1; the live v2 dropped it.
    found["dropped"] = article("Stroke", cardiology, [*REFERENCES, RETRACTED])
    publish(edited_draft(found["dropped"], editor=maria, references=REFERENCES))
    # Not on the site at all.
    found["retired"] = article("Old stroke page", cardiology, [RETRACTED])
    services.article_retire(article=found["retired"], director=brenda, reason="Merged")
    found["unpublished"] = draft_article(
        title="Palpitations", specialty=cardiology, author=maria, references=[RETRACTED]
    )
    assert draft.references.filter(doi=DOI).exists()
    return found


def matching(library, **criteria) -> set[str]:
    names = {article.pk: name for name, article in library.items()}
    return {names[a.pk] for a in selectors.article_list_for_out_of_cycle(**criteria)}


def open_out_of_cycle(director, **criteria):
    criteria.setdefault("reason", REASON)
    return committed(
        cycles.review_cycles_open_out_of_cycle,
        director=director,
        today=TODAY,
        now=NOW,
        **criteria,
    )


# --- Which articles ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "given",
    [
        DOI,
        DOI.upper(),
        f"https://doi.org/{DOI}",
        f"doi:{DOI}",
        f"  {DOI}  ",
        f"doi: {DOI}",  # as NLM citations print it
    ],
)
def test_a_doi_matches_the_articles_whose_live_version_cites_it(library, given):
    assert matching(library, reference=given) == {"af", "kidney"}


def test_a_pubmed_id_matches_the_articles_whose_live_version_cites_it(library):
    assert matching(library, reference=PMID) == {"angina"}


def test_a_url_matches_the_articles_whose_live_version_cites_it(library):
    assert matching(library, reference=URL) == {"af", "kidney"}


def test_a_specialty_matches_its_published_articles(library, nephrology, cardiology):
    assert matching(library, specialty=nephrology) == {"kidney"}
    assert matching(library, specialty=cardiology) == {
        "af",
        "angina",
        "murmur",
        "draft_only",
        "dropped",
    }


def test_a_topic_matches_its_published_articles(library, anticoagulants):
    assert matching(library, topic=anticoagulants) == {"af", "murmur"}


def test_criteria_combine(library, cardiology):
    assert matching(library, specialty=cardiology, reference=DOI) == {"af"}


# --- Opening the reviews ------------------------------------------------------------------


def test_each_article_citing_the_work_gets_an_out_of_cycle_review_with_the_reason(library, brenda):
    result = open_out_of_cycle(brenda, reference=f"https://doi.org/{DOI}")

    assert (result.matched, result.opened, result.already_open) == (2, 2, 0)
    opened = ReviewCycle.objects.order_by("article__title")
    assert [c.article for c in opened] == [library["af"], library["kidney"]]
    for cycle in opened:
        assert (cycle.state, cycle.origin, cycle.reason) == ("open", "out_of_cycle", REASON)
        assert (cycle.opened_by, cycle.opened_at) == (brenda, NOW)
        row = cycle.history.last()
        assert (row.history_type, row.history_user, row.history_change_reason) == (
            "+",
            brenda,
            "Out-of-cycle review: Retraction notice",
        )
    events = AuditEvent.objects.filter(action="open_cycle")
    assert sorted((e.article.title, e.actor, e.note) for e in events) == [
        ("Atrial fibrillation", brenda, REASON),
        ("Kidney stones", brenda, REASON),
    ]


def test_an_out_of_cycle_review_is_due_the_day_it_is_opened(library, brenda):
    # The retraction is news today: the review should not wait for the article's own
    # Review Date (May 2027) to count as due, be reminded of or escalated.
    open_out_of_cycle(brenda, reference=DOI)

    assert set(ReviewCycle.objects.values_list("due_on", flat=True)) == {TODAY}


@pytest.fixture
def flutter(library, maria, cardiology):
    """Cites the work too, and is overdue: the nightly job opened its periodic review."""
    return due_article(
        TODAY - days(3), specialty=cardiology, author=maria, title="Flutter", references=[RETRACTED]
    )


def test_an_article_with_a_review_already_open_keeps_it_and_is_counted(library, brenda, flutter):
    existing = open_cycle(flutter)

    result = open_out_of_cycle(brenda, reference=DOI)

    assert (result.matched, result.opened, result.already_open) == (3, 2, 1)
    assert ReviewCycle.objects.filter(article=flutter).get() == existing
    assert (fresh(existing).origin, fresh(existing).reason) == (ReviewCycle.Origin.DUE, "")
    assert ReviewCycle.objects.count() == 3


def test_an_article_whose_review_is_assigned_keeps_its_reviewer(library, brenda, okafor, flutter):
    existing = assigned_cycle(flutter, to=okafor.user)
    mail.outbox.clear()

    result = open_out_of_cycle(brenda, reference=DOI)

    assert result.already_open == 1
    assert fresh(existing).assignee == okafor.user
    # The two new reviews went to Dr. Okafor (Atrial fibrillation) and nobody (Nephrology).
    assert result.assignment.assigned == {
        okafor.user.pk: [ReviewCycle.objects.get(article=library["af"]).pk]
    }
    assert [m.to for m in mail.outbox] == [["okafor@stet.example"]]


def test_the_new_reviews_are_assigned_at_once_with_one_digest_per_reviewer(
    library, brenda, okafor, adeyemi, anticoagulants
):
    result = open_out_of_cycle(brenda, reference="", specialty=library["af"].specialty)

    assert result.assignment.assigned_count == 5
    assert sorted(m.to[0] for m in mail.outbox) == [
        "adeyemi@stet.example",
        "okafor@stet.example",
    ]
    for message in mail.outbox:
        assert message.subject.startswith("New periodic reviews assigned to you (")
    assert not ReviewCycle.objects.filter(assignee=None).exists()


def test_scenario_12_twenty_three_articles_citing_a_retracted_paper(
    maria, brenda, cardiology, okafor, adeyemi
):
    for profile in (okafor, adeyemi):
        profile.capacity = 20
        profile.save()
    for n in range(23):
        due_article(
            NOT_DUE, specialty=cardiology, author=maria, title=f"Page {n}", references=[RETRACTED]
        )
    due_article(NOT_DUE, specialty=cardiology, author=maria, title="Unrelated")

    result = open_out_of_cycle(brenda, reference=DOI)

    assert (result.matched, result.opened, result.assignment.assigned_count) == (23, 23, 23)
    assert ReviewCycle.objects.filter(reason=REASON).count() == 23
    assert len(mail.outbox) == 2
    for message in mail.outbox:
        listed = message.body.count("- Page ")
        assert message.subject == f"New periodic reviews assigned to you ({listed})"
    assert sum(m.body.count("- Page ") for m in mail.outbox) == 23


# --- Refusals -------------------------------------------------------------------------------


def test_without_a_criterion_nothing_is_opened(library, brenda):
    with pytest.raises(DomainError) as refusal:
        open_out_of_cycle(brenda, reference="   ")

    assert refusal.value.code == "no_criteria"
    assert refusal.value.message == "Choose a specialty, a topic, a reference or an article."
    assert not ReviewCycle.objects.exists()


@pytest.mark.parametrize("reason", ["", "   "])
def test_without_a_reason_nothing_is_opened(library, brenda, reason):
    with pytest.raises(DomainError) as refusal:
        open_out_of_cycle(brenda, reference=DOI, reason=reason)

    assert refusal.value.code == "reason_required"
    assert not ReviewCycle.objects.exists()


@pytest.mark.parametrize("person", ["maria", "okafor", "dugdale", "charlie"])
def test_only_an_editorial_director_opens_out_of_cycle_reviews(request, library, person):
    someone = request.getfixturevalue(person)

    with pytest.raises(PermissionDenied, match="Only editorial directors"):
        open_out_of_cycle(getattr(someone, "user", someone), reference=DOI)

    assert not ReviewCycle.objects.exists()
    assert mail.outbox == []
