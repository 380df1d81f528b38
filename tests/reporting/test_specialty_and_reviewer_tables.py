"""The by-specialty and by-reviewer tables: what each row says, and the articles behind
each of its numbers."""

import datetime

import pytest

from reviews import cycles
from tests.reporting.factories import (
    DASHBOARD,
    TODAY,
    at,
    days,
    due_article,
    get_page,
    hand_over,
    login,
    messages_of,
    open_cycle_of,
    panel,
    reviewer,
    submitted_change,
    table_links,
    table_rows,
    text,
    titles_listed,
)
from tests.reviews.factories import proof_of

pytestmark = pytest.mark.django_db


def reviewer_rows(page) -> dict[str, list[str]]:
    return {row[0]: row for row in table_rows(panel(page, "By reviewer"))}


def reviewer_links(page) -> dict[str, list[str | None]]:
    section = panel(page, "By reviewer")
    return {
        row[0]: links for row, links in zip(table_rows(section), table_links(section), strict=True)
    }


# --- By specialty ------------------------------------------------------------------------------


def test_each_specialty_shows_published_overdue_due_soon_and_never_reviewed(
    client, brenda, encyclopedia
):
    login(client, brenda)

    rows = table_rows(panel(get_page(client, DASHBOARD), "By specialty"))

    assert rows == [
        ["Cardiology", "9", "5", "2", "1"],
        ["Nephrology", "3", "1", "1", "0"],
    ]


@pytest.mark.parametrize(
    ("specialty", "column", "titles"),
    [
        ("Cardiology", 2, {"Angina", "Aortic stenosis", "Atrial fibrillation", "Bradycardia",
                           "Cardiomyopathy"}),
        ("Cardiology", 3, {"Chest pain", "Endocarditis"}),
        ("Cardiology", 4, {"Hypertension"}),
        ("Nephrology", 1, {"Kidney stones", "Dialysis", "Nephrotic syndrome"}),
        ("Nephrology", 2, {"Kidney stones"}),
        ("Nephrology", 3, {"Dialysis"}),
    ],
)  # fmt: skip
def test_each_specialty_number_links_to_exactly_its_articles(
    client, brenda, encyclopedia, specialty, column, titles
):
    login(client, brenda)
    section = panel(get_page(client, DASHBOARD), "By specialty")
    links = {
        row[0]: link for row, link in zip(table_rows(section), table_links(section), strict=True)
    }

    assert set(titles_listed(client, links[specialty][column])) == titles


# --- By reviewer --------------------------------------------------------------------------------


def test_a_reviewer_row_shows_open_reviews_overdue_capacity_and_licence(
    client, brenda, encyclopedia
):
    login(client, brenda)

    row = reviewer_rows(get_page(client, DASHBOARD))["Ngozi Okafor, MD"]

    # Workload: her three reviews and the review step waiting on her.
    assert row == ["Ngozi Okafor, MD", "3", "3", "4", "10", "—", "2027-06-30"]


def test_a_reviewers_numbers_link_to_exactly_their_reviews(client, brenda, encyclopedia):
    login(client, brenda)
    links = reviewer_links(get_page(client, DASHBOARD))["Ngozi Okafor, MD"]
    theirs = ["Angina", "Atrial fibrillation", "Bradycardia"]

    assert sorted(titles_listed(client, links[1])) == theirs
    assert sorted(titles_listed(client, links[2])) == theirs


@pytest.fixture
def opened_a_week_ago(request, maria, brenda, okafor, cardiology):
    """Dr. Okafor's one open review, opened a week ago and so overdue: either a
    never-reviewed page flagged by the nightly job, or an out-of-cycle review of a page
    whose Review Date is still current."""
    week_ago = TODAY - days(7)
    if request.param == "never reviewed":
        article = due_article(None, specialty=cardiology, author=maria, title="Palpitations")
        cycles.review_cycles_flag_overdue(today=week_ago, now=at(week_ago, 5))
        cycles.review_cycles_assign(
            cycles=[open_cycle_of(article)],
            reviewer=okafor.user,
            director=brenda,
            today=week_ago,
            now=at(week_ago, 6),
        )
    else:
        due_article(TODAY + days(300), specialty=cardiology, author=maria, title="Palpitations")
        cycles.review_cycles_open_out_of_cycle(
            director=brenda,
            reason="Retraction notice",
            specialty=cardiology,
            today=week_ago,
            now=at(week_ago, 5),
        )


@pytest.mark.parametrize("opened_a_week_ago", ["never reviewed", "out of cycle"], indirect=True)
def test_a_reviewers_overdue_figure_lists_the_reviews_it_counts(client, brenda, opened_a_week_ago):
    login(client, brenda)
    page = get_page(client, DASHBOARD)
    overdue = int(reviewer_rows(page)["Ngozi Okafor, MD"][2])
    link = reviewer_links(page)["Ngozi Okafor, MD"][2]

    titles = titles_listed(client, link)

    assert overdue == 1
    assert titles == ["Palpitations"]


def test_a_licence_expiring_within_60_days_is_flagged(client, brenda, lee, cardiology):
    reviewer("soon", credit_name="Ama Soon, MD", licence_expires_on=TODAY + days(60))
    reviewer("later", credit_name="Ben Later, MD", licence_expires_on=TODAY + days(61))
    login(client, brenda)

    rows = reviewer_rows(get_page(client, DASHBOARD))

    assert rows["Ama Soon, MD"][6] == f"expires {TODAY + days(60)}"
    assert rows["Ben Later, MD"][6] == str(TODAY + days(61))
    assert rows["Daniel Lee, MD"][6] == "expired 2026-10-31"


def test_a_reviewer_at_capacity_is_marked(client, brenda, maria, okafor, cardiology):
    okafor.capacity = 2
    okafor.save()
    articles = [
        due_article(TODAY - days(n), specialty=cardiology, author=maria, title=f"Overdue {n}")
        for n in (5, 6)
    ]
    cycles.review_cycles_flag_overdue(today=TODAY, now=at(TODAY, 5))
    hand_over(articles, to=okafor, by=brenda)
    login(client, brenda)

    row = reviewer_rows(get_page(client, DASHBOARD))["Ngozi Okafor, MD"]

    assert row[3] == "2 at capacity"
    assert row[4] == "2"


def test_review_steps_count_toward_a_reviewers_capacity_as_assignment_counts_them(
    client, brenda, maria, okafor, cardiology
):
    okafor.capacity = 2
    okafor.save()
    overdue = [
        due_article(TODAY - days(n), specialty=cardiology, author=maria, title=f"Overdue {n}")
        for n in (5, 6)
    ]
    current = due_article(TODAY + days(300), specialty=cardiology, author=maria, title="Stable")
    cycles.review_cycles_flag_overdue(today=TODAY, now=at(TODAY, 5))
    hand_over(overdue[:1], to=okafor, by=brenda)
    submitted_change(current, editor=maria, reviewer=okafor)  # her review step
    login(client, brenda)

    row = reviewer_rows(get_page(client, DASHBOARD))["Ngozi Okafor, MD"]
    refused = client.post(
        "/work/cycles/assign/",
        {"cycle": [open_cycle_of(overdue[1]).pk], "reviewer": okafor.user.pk},
        follow=True,
    )

    assert messages_of(refused) == [
        "Not assigned: Overdue 6. Ngozi Okafor, MD is at capacity (2 of 2 open reviews)."
    ]
    assert "at capacity" in row[3], "the table must say what assignment will say"


def test_median_days_to_complete_counts_reviews_completed_in_the_last_90_days(
    client, brenda, maria, okafor, cardiology
):
    adeyemi = reviewer("adeyemi", credit_name="Amara Adeyemi, MD", specialties=[cardiology])
    old = due_article(TODAY - days(200), specialty=cardiology, author=maria, title="Old")
    recent = [
        due_article(TODAY - days(30), specialty=cardiology, author=maria, title=f"Recent {n}")
        for n in range(4)
    ]

    def open_and_assign(day: datetime.date, articles, to):
        cycles.review_cycles_flag_overdue(today=day, now=at(day, 5))
        cycles.review_cycles_assign(
            cycles=[open_cycle_of(a) for a in articles],
            reviewer=to.user,
            director=brenda,
            today=day,
            now=at(day, 5),
        )

    def recertify(article, by, day: datetime.date):
        cycles.review_cycle_recertify(
            cycle=open_cycle_of(article),
            reviewer=by.user,
            proof=proof_of(by.user, now=at(day, 5)),
            attested=True,
            now=at(day, 5),
        )

    # 50 days, but completed 100 days ago: outside the window.
    open_and_assign(TODAY - days(150), [old], okafor)
    recertify(old, okafor, TODAY - days(100))
    # 2, 4 and 10 days for Dr. Okafor; 1 day for Dr. Adeyemi.
    open_and_assign(TODAY - days(20), recent[:3], okafor)
    open_and_assign(TODAY - days(20), recent[3:], adeyemi)
    recertify(recent[0], okafor, TODAY - days(18))
    recertify(recent[1], okafor, TODAY - days(16))
    recertify(recent[2], okafor, TODAY - days(10))
    recertify(recent[3], adeyemi, TODAY - days(19))
    login(client, brenda)

    rows = reviewer_rows(get_page(client, DASHBOARD))

    assert rows["Ngozi Okafor, MD"][5] == "4.0"
    assert rows["Amara Adeyemi, MD"][5] == "1.0"
    assert rows["Ngozi Okafor, MD"][1] == "0"


def test_only_active_medical_reviewers_are_listed(client, brenda, okafor, dugdale):
    retired = reviewer("gone", credit_name="Gone Away, MD", is_active=False)
    login(client, brenda)

    names = set(reviewer_rows(get_page(client, DASHBOARD)))

    assert "Ngozi Okafor, MD" in names
    assert retired.credit_name not in names
    assert "David C. Dugdale, MD" not in names  # the medical director signs another step


def test_the_reviewer_table_has_headers_a_screen_reader_can_announce(client, brenda, okafor):
    login(client, brenda)

    headers = panel(get_page(client, DASHBOARD), "By reviewer").select("thead th")

    assert [text(th) for th in headers] == [
        "Reviewer",
        "Open reviews",
        "Overdue",
        "Workload",
        "Capacity",
        "Median days to complete (90 days)",
        "Licence",
    ]
