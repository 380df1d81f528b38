"""The reviewer's and the editor's homes: what is waiting on me, oldest or most overdue
first, and what I did lately; and the medical director's queue of steps waiting on them."""

import pytest
from django.urls import reverse

from reviews import services
from reviews.models import Approval
from tests.reporting.factories import (
    TODAY,
    at,
    days,
    due_article,
    flag,
    get_page,
    hand_over,
    login,
    sign_current_step,
    submitted_change,
    text,
)
from tests.reviews.factories import draft_change, published_revision, sign_all

pytestmark = pytest.mark.django_db

QUEUE = reverse("reviews:queue")
DRAFTS = reverse("reviews:drafts")


@pytest.fixture
def work(maria, tom, okafor, dugdale, brenda, cardiology):
    """Maria's revisions in every state, Dr. Okafor's steps and periodic reviews."""

    def page(title, due=None):
        due = due or TODAY + days(300)
        return due_article(due, specialty=cardiology, author=maria, title=title)

    okafor_user = okafor.user
    waiting_3_days = submitted_change(
        page("Atrial fibrillation"), editor=maria, reviewer=okafor, now=at(TODAY - days(3))
    )
    waiting_1_day = submitted_change(
        page("Heart failure"), editor=maria, reviewer=okafor, now=at(TODAY - days(1))
    )
    at_director = submitted_change(
        page("Chest pain"), editor=maria, reviewer=okafor, now=at(TODAY - days(4))
    )
    sign_current_step(at_director, okafor_user, now=at(TODAY - days(2)))
    sent_back = submitted_change(
        page("Angina"), editor=maria, reviewer=okafor, now=at(TODAY - days(5))
    )
    services.approval_request_changes(
        approval=Approval.objects.get(submission__revision=sent_back, decision="pending"),
        signer=okafor_user,
        comment="Cite the 2025 trial.",
        now=at(TODAY - days(1), 15),
    )
    approved = submitted_change(page("Endocarditis"), editor=maria, reviewer=okafor)
    sign_all(approved, okafor_user, dugdale.user, brenda)
    published_revision(
        page("Myocarditis"), editor=maria, signers=[okafor_user, dugdale.user, brenda]
    )
    draft_change(page("Pericarditis"), editor=maria)
    draft_change(page("Gout"), editor=tom)
    overdue = [
        page("Aortic stenosis", due=TODAY - days(100)),
        page("Bradycardia", due=TODAY - days(10)),
    ]
    flag()
    hand_over(overdue, to=okafor, by=brenda)
    return {"waiting": [waiting_3_days, waiting_1_day], "at_director": at_director}


def rows_of(table) -> list[str]:
    return [text(row) for row in table.select("tbody tr")]


def section_after(page, heading: str):
    """The table (or list) that follows the heading `heading`."""
    title = next(h for h in page.find_all(["h1", "h2"]) if text(h) == heading)
    return title.find_next(["table", "ul"])


# --- The reviewer's queue ------------------------------------------------------------------


def test_the_reviewers_queue_lists_revisions_awaiting_her_step_oldest_first(client, okafor, work):
    login(client, okafor)

    rows = rows_of(section_after(get_page(client, QUEUE), "My queue"))

    assert [row.split(" v2")[0] for row in rows] == ["Atrial fibrillation", "Heart failure"]
    assert "3 days" in rows[0] and "1 day" in rows[1]
    assert all("Medical review" in row and "Maria Santos" in row for row in rows)


def test_each_queued_revision_opens_the_comparison_with_the_live_page(client, okafor, work):
    login(client, okafor)
    table = section_after(get_page(client, QUEUE), "My queue")

    link = next(a for a in table.find_all("a") if text(a) == "Compare with live")

    assert link["href"] == reverse("reviews:revision-review", args=[work["waiting"][0].pk])
    assert client.get(link["href"]).status_code == 200


def test_the_reviewers_periodic_reviews_come_most_overdue_first_with_how_long(client, okafor, work):
    login(client, okafor)

    rows = rows_of(section_after(get_page(client, QUEUE), "My periodic reviews"))

    assert rows[0].startswith("Aortic stenosis") and "3 months, 1 week" in rows[0]
    assert rows[1].startswith("Bradycardia") and "1 week, 3 days" in rows[1]
    assert len(rows) == 2


def test_a_reviewer_with_many_periodic_reviews_pages_through_them_fifty_at_a_time(
    client, okafor, maria, brenda, cardiology, django_assert_max_num_queries
):
    okafor.capacity = 100
    okafor.save()
    # 55 overdue pages, the lower the number the longer overdue.
    articles = [
        due_article(
            TODAY - days(100 - n), specialty=cardiology, author=maria, title=f"Page {n:02d}"
        )
        for n in range(55)
    ]
    flag()
    hand_over(articles, to=okafor, by=brenda)
    login(client, okafor)

    with django_assert_max_num_queries(30) as first_page:
        page = get_page(client, QUEUE)
    with django_assert_max_num_queries(len(first_page.captured_queries)):
        second = get_page(client, QUEUE, {"page": 2})

    titles = [row[:7] for row in rows_of(section_after(page, "My periodic reviews"))]
    assert titles == [f"Page {n:02d}" for n in range(50)]
    assert "55 open, soonest due first; 1–50 shown." in text(page)
    assert [row[:7] for row in rows_of(section_after(second, "My periodic reviews"))] == [
        f"Page {n:02d}" for n in range(50, 55)
    ]
    assert "Page 2 of 2" in text(second.select_one("nav.pagination"))


def test_the_reviewers_recent_decisions_are_listed_newest_first(client, okafor, work):
    login(client, okafor)
    items = section_after(get_page(client, QUEUE), "My recent decisions").find_all("li")

    decisions = [text(li).split(" — ")[0] + " " + text(li.find("a")) for li in items]

    # Today's two approvals (in either order), then yesterday's, then two days ago's.
    assert sorted(decisions[:2]) == ["Approved Endocarditis v2", "Approved Myocarditis v2"]
    assert decisions[2:] == ["Changes requested Angina v2", "Approved Chest pain v2"]
    assert "(medical review)" in text(items[0])


def test_a_reviewer_with_nothing_waiting_is_told_so(client, lee):
    login(client, lee)

    page = text(get_page(client, QUEUE))

    assert "Nothing is waiting for you." in page
    assert "No periodic reviews are assigned to you." in page


# --- The medical director's queue ------------------------------------------------------------


def test_the_medical_directors_queue_holds_the_steps_waiting_on_the_medical_director(
    client, dugdale, work
):
    login(client, dugdale)

    rows = rows_of(section_after(get_page(client, QUEUE), "My queue"))

    assert len(rows) == 1
    assert rows[0].startswith("Chest pain v2")
    assert "Medical director (pool)" in rows[0] and "2 days" in rows[0]


def test_a_step_waiting_on_the_medical_director_is_not_in_the_reviewers_queue(client, okafor, work):
    login(client, okafor)

    page = text(section_after(get_page(client, QUEUE), "My queue"))

    assert "Chest pain" not in page


# --- The editor's drafts -------------------------------------------------------------------


def drafts_by_title(page) -> dict[str, str]:
    table = next(t for t in page.find_all("table") if "Waiting on" in text(t.find("thead")))
    return {text(row.find("a")): text(row) for row in table.select("tbody tr")}


def test_the_editors_drafts_show_each_state_and_who_it_waits_on(client, maria, work):
    login(client, maria)

    rows = drafts_by_title(get_page(client, DRAFTS))

    assert set(rows) == {
        "Atrial fibrillation",
        "Heart failure",
        "Chest pain",
        "Angina",
        "Endocarditis",
        "Pericarditis",
    }
    assert "In review" in rows["Atrial fibrillation"]
    assert "Medical review — Ngozi Okafor (3 days)" in rows["Atrial fibrillation"]
    assert "Medical director (2 days)" in rows["Chest pain"]
    assert "Changes requested" in rows["Angina"] and "You" in rows["Angina"]
    assert "You: ready to publish" in rows["Endocarditis"]
    assert "Draft" in rows["Pericarditis"] and rows["Pericarditis"].endswith("ago")


def test_the_editor_sees_the_changes_requested_of_her(client, maria, work):
    login(client, maria)

    asked = section_after(get_page(client, DRAFTS), "Changes requested of you")

    assert [text(li) for li in asked.find_all("li")] == ["Angina v2"]


def test_the_editor_sees_what_she_published_recently(client, maria, work):
    login(client, maria)

    published = section_after(get_page(client, DRAFTS), "Recently published")

    item = published.find("li")
    assert text(item).startswith("Myocarditis v2") and text(item).endswith("Nov. 27, 2026")
    assert client.get(item.find("a")["href"]).status_code == 200


def test_another_editors_drafts_are_not_in_mine(client, maria, tom, work):
    login(client, maria)
    mine = drafts_by_title(get_page(client, DRAFTS))
    login(client, tom)
    toms = drafts_by_title(get_page(client, DRAFTS))

    assert "Gout" not in mine
    assert set(toms) == {"Gout"}
