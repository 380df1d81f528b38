"""The periodic-review pages: the director's list and bulk assignment, the reviewer's cycle
page and sign-off, the queue, the out-of-cycle form and retiring an article."""

import datetime

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from encyclopedia.models import Article
from encyclopedia.services import ReferenceInput
from reviews import cycles
from reviews.models import ReviewCycle
from tests.reviews.cycles.factories import (
    REFERENCES,
    TODAY,
    assigned_cycle,
    bulk_due_articles,
    days,
    due_article,
    flag,
    fresh,
    open_cycle,
)

pytestmark = pytest.mark.django_db

PASSWORD = "stet-pass-123"  # every factory-made account's
NOT_DUE = datetime.date(2027, 5, 1)


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def login(client, person):
    client.force_login(getattr(person, "user", person))


@pytest.fixture
def article(maria, cardiology):
    """Scenario 10's article: last reviewed 2024-07-23, due 2026-07-23."""
    return due_article(
        datetime.date(2026, 7, 23),
        specialty=cardiology,
        author=maria,
        references=[*REFERENCES, ReferenceInput(citation="Heart facts. 2020.")],
    )


@pytest.fixture
def cycle(article, okafor):
    return assigned_cycle(article, to=okafor.user)


@pytest.fixture
def three_open(maria, cardiology, nephrology):
    """Three open, unassigned cycles: two cardiology, one nephrology."""
    articles = [
        due_article(TODAY - days(100), specialty=cardiology, author=maria, title="Angina"),
        due_article(TODAY - days(10), specialty=cardiology, author=maria, title="Heart murmur"),
        due_article(TODAY - days(5), specialty=nephrology, author=maria, title="Kidney stones"),
    ]
    flag()
    return [ReviewCycle.objects.get(article=a) for a in articles]


# --- The director's list --------------------------------------------------------------------


def test_the_director_sees_every_open_review_with_why_and_who(client, brenda, three_open):
    cycles.review_cycles_auto_assign(today=TODAY)  # nobody covers anything: records the reasons
    login(client, brenda)

    page = client.get(reverse("reviews:cycles")).content.decode()

    for title in ("Angina", "Heart murmur", "Kidney stones"):
        assert title in page
    assert "Unassigned: No active reviewer with a valid licence covers Nephrology." in page
    assert "Review date passed" in page
    assert page.index("Angina") < page.index("Heart murmur") < page.index("Kidney stones")


def test_the_unassigned_filter_shows_only_reviews_without_a_reviewer(
    client, brenda, three_open, okafor
):
    cycles.review_cycles_auto_assign(today=TODAY)
    login(client, brenda)

    page = client.get(reverse("reviews:cycles"), {"unassigned": "1"}).content.decode()

    assert "Kidney stones" in page
    assert "Angina" not in page and "Heart murmur" not in page


@pytest.mark.parametrize("person", ["maria", "okafor", "dugdale", "charlie"])
def test_the_list_of_reviews_is_for_editorial_directors_only(client, request, person):
    login(client, request.getfixturevalue(person))

    assert client.get(reverse("reviews:cycles")).status_code == 403


def test_an_anonymous_visitor_is_sent_to_sign_in(client, db):
    response = client.get(reverse("reviews:cycles"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_the_list_issues_the_same_queries_for_3_reviews_as_for_30(
    client, brenda, maria, cardiology
):
    login(client, brenda)
    bulk_due_articles(3, due_on=TODAY - days(3), specialty=cardiology, author=maria, prefix="A")
    flag()
    with CaptureQueriesContext(connection) as few:
        assert client.get(reverse("reviews:cycles")).status_code == 200

    bulk_due_articles(27, due_on=TODAY - days(3), specialty=cardiology, author=maria, prefix="B")
    flag()
    with CaptureQueriesContext(connection) as many:
        response = client.get(reverse("reviews:cycles"))

    assert response.content.decode().count('name="cycle" value=') == 30
    assert len(many) == len(few)


# --- Bulk assignment from the list ------------------------------------------------------------


def test_the_director_assigns_the_ticked_reviews_from_the_list(
    client, brenda, okafor, three_open, django_capture_on_commit_callbacks
):
    login(client, brenda)
    ticked = three_open[:2]

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("reviews:cycle-assign"),
            {
                "cycle": [c.pk for c in ticked],
                "reviewer": okafor.user.pk,
                "next": "/work/cycles/?unassigned=1",
            },
            follow=True,
        )

    assert response.redirect_chain[-1][0] == "/work/cycles/?unassigned=1"
    assert "Assigned both reviews to Ngozi Okafor." in messages_of(response)
    assert [fresh(c).assignee for c in ticked] == [okafor.user, okafor.user]
    assert [m.to for m in mail.outbox] == [["okafor@stet.example"]]


def test_a_refused_bulk_assignment_says_why_and_assigns_nothing(client, brenda, lee, three_open):
    login(client, brenda)

    response = client.post(
        reverse("reviews:cycle-assign"),
        {"cycle": [c.pk for c in three_open[:2]], "reviewer": lee.user.pk},
        follow=True,
    )

    (message,) = messages_of(response)
    assert message.endswith("Daniel Lee, MD's licence is not valid on November 27, 2026.")
    assert not ReviewCycle.objects.exclude(assignee=None).exists()


def test_assigning_with_nothing_ticked_asks_to_tick(client, brenda, okafor, three_open):
    login(client, brenda)

    response = client.post(
        reverse("reviews:cycle-assign"), {"reviewer": okafor.user.pk}, follow=True
    )

    assert messages_of(response) == ["Tick the reviews to assign."]


def test_only_a_director_may_post_an_assignment(client, maria, okafor, three_open):
    login(client, maria)

    response = client.post(
        reverse("reviews:cycle-assign"),
        {"cycle": [three_open[0].pk], "reviewer": okafor.user.pk},
    )

    assert response.status_code == 403
    assert fresh(three_open[0]).assignee is None


# --- The reviewer's cycle page ----------------------------------------------------------------


def test_the_assignee_reads_the_live_page_with_its_references_access_dates(client, cycle, okafor):
    login(client, okafor)

    page = client.get(reverse("reviews:cycle", args=[cycle.pk])).content.decode()

    assert "Periodic review: Atrial fibrillation" in page
    assert "(127 days overdue)" in page
    assert "Review Date 7/23/2024" in page
    assert "<h3>Treatment</h3>" in page
    assert "Anticoagulants prevent clots." in page
    assert "doi:10.5555/stet.demo.2021.0142 — accessed July 1, 2024" in page
    assert 'Heart facts. 2020. — <span class="refusal">no access date</span>' in page
    assert reverse("reviews:cycle-recertify", args=[cycle.pk]) in page
    assert reverse("reviews:cycle-changes", args=[cycle.pk]) in page


def test_another_reviewer_sees_the_review_but_cannot_sign_it(client, cycle, adeyemi):
    login(client, adeyemi)

    page = client.get(reverse("reviews:cycle", args=[cycle.pk])).content.decode()

    assert "Reviewer: Ngozi Okafor" in page
    assert reverse("reviews:cycle-recertify", args=[cycle.pk]) not in page


def test_the_assignee_is_told_why_they_can_no_longer_sign(client, cycle, okafor, cardiology):
    okafor.conflict_specialties.add(cardiology)
    login(client, okafor)

    page = client.get(reverse("reviews:cycle", args=[cycle.pk])).content.decode()

    assert (
        "You cannot sign this review: Ngozi Okafor, MD declared a conflict of interest "
        "covering Cardiology." in page
    )


def test_the_cycle_page_is_404_for_a_review_that_does_not_exist(client, okafor):
    login(client, okafor)

    assert client.get(reverse("reviews:cycle", args=[999])).status_code == 404


def test_an_outsider_cannot_read_a_cycle(client, cycle, charlie):
    login(client, charlie)

    assert client.get(reverse("reviews:cycle", args=[cycle.pk])).status_code == 403


# --- Re-certifying from the page (scenario 10) -------------------------------------------------


def recertify_post(client, cycle, **data):
    return client.post(reverse("reviews:cycle-recertify", args=[cycle.pk]), data, follow=True)


def test_a_wrong_password_refuses_the_sign_off_and_changes_nothing(client, article, cycle, okafor):
    login(client, okafor)

    response = recertify_post(client, cycle, attested="on", password="not-my-password")

    assert messages_of(response) == ["That password is not right: the signature was not recorded."]
    assert response.redirect_chain[-1][0] == reverse("reviews:cycle", args=[cycle.pk])
    assert fresh(cycle).state == ReviewCycle.State.OPEN
    assert fresh(article).last_reviewed_on == datetime.date(2024, 7, 23)


def test_without_the_attestation_the_sign_off_is_refused(client, article, cycle, okafor):
    login(client, okafor)

    response = recertify_post(client, cycle, password=PASSWORD)

    assert messages_of(response) == [
        "Tick the attestation to re-certify: it is the statement your sign-off records."
    ]
    assert fresh(cycle).state == ReviewCycle.State.OPEN


def test_re_certifying_from_the_page_moves_the_public_review_date_and_credit(
    client, article, cycle, okafor
):
    login(client, okafor)

    response = recertify_post(client, cycle, attested="on", password=PASSWORD)

    assert response.redirect_chain[-1][0] == reverse("reviews:queue")
    assert messages_of(response) == [
        "Re-certified: the page's Review Date is today and the credit names you."
    ]
    assert fresh(cycle).outcome == ReviewCycle.Outcome.RECERTIFIED
    client.logout()
    public = client.get(article.get_absolute_url()).content.decode()
    assert "<strong>Review Date</strong> 11/27/2026" in public
    assert "Updated by: Ngozi Okafor, MD, Associate Professor of Medicine" in public
    assert "7/23/2024" not in public
    assert "Vorvick" not in public


def test_another_reviewer_cannot_sign_from_the_page(client, article, cycle, adeyemi):
    login(client, adeyemi)

    response = recertify_post(client, cycle, attested="on", password=PASSWORD)

    assert messages_of(response) == ["This review is assigned to Ngozi Okafor."]
    assert fresh(cycle).state == ReviewCycle.State.OPEN


def test_asking_for_changes_from_the_page_opens_the_draft(client, article, cycle, okafor, maria):
    login(client, okafor)

    response = client.post(
        reverse("reviews:cycle-changes", args=[cycle.pk]),
        {"note": "Update the anticoagulation thresholds."},
        follow=True,
    )

    assert messages_of(response) == [
        "Changes requested: a draft is open for the page's editor, with your note."
    ]
    cycle = fresh(cycle)
    assert cycle.state == ReviewCycle.State.IN_PROGRESS
    assert cycle.revision.author == maria
    assert "A revision is being drafted" in response.content.decode()


# --- The reviewer's queue ---------------------------------------------------------------------


def test_my_periodic_reviews_lists_the_most_overdue_first(client, maria, cardiology, okafor):
    for title, due_on in (
        ("Recent", TODAY - days(2)),
        ("Oldest", TODAY - days(300)),
        ("Middle", TODAY - days(40)),
    ):
        due_article(due_on, specialty=cardiology, author=maria, title=title)
    flag()
    cycles.review_cycles_auto_assign(today=TODAY)
    login(client, okafor)

    page = client.get(reverse("reviews:queue")).content.decode()

    section = page[page.index("My periodic reviews") :]
    assert section.index("Oldest") < section.index("Middle") < section.index("Recent")


# --- Out-of-cycle and retiring ----------------------------------------------------------------


def test_the_director_opens_out_of_cycle_reviews_from_the_form(
    client, brenda, maria, cardiology, okafor
):
    for title in ("Atrial fibrillation", "Angina"):
        due_article(NOT_DUE, specialty=cardiology, author=maria, title=title)
    login(client, brenda)

    response = client.post(
        reverse("reviews:out-of-cycle"),
        {"reason": "Retraction notice", "reference": "doi:10.5555/stet.demo.2021.0142"},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == reverse("reviews:cycles")
    assert messages_of(response) == [
        "2 articles matched: 2 reviews opened, 0 already had one open; 2 assigned."
    ]
    assert ReviewCycle.objects.filter(reason="Retraction notice").count() == 2


def test_the_out_of_cycle_form_without_criteria_says_so(client, brenda):
    login(client, brenda)

    response = client.post(reverse("reviews:out-of-cycle"), {"reason": "Guideline changed"})

    assert response.status_code == 200
    assert messages_of(response) == ["Choose a specialty, a topic, a reference or an article."]
    assert not ReviewCycle.objects.exists()


@pytest.mark.parametrize("person", ["maria", "okafor", "charlie"])
def test_the_out_of_cycle_form_is_for_editorial_directors_only(client, request, person):
    login(client, request.getfixturevalue(person))

    assert client.get(reverse("reviews:out-of-cycle")).status_code == 403


def test_retiring_an_article_from_its_page_cancels_its_review(client, brenda, article):
    cycle = open_cycle(article)
    login(client, brenda)

    response = client.post(
        reverse("reviews:article-retire", args=[article.number]),
        {"reason": "Merged into Arrhythmia", "confirm": "1"},
        follow=True,
    )

    assert "Article retired: its page now answers 410 Gone." in messages_of(response)
    assert fresh(cycle).state == ReviewCycle.State.CANCELLED
    assert Article.objects.get(pk=article.pk).status == Article.Status.RETIRED
