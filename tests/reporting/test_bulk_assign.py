"""Scenario 11: Brenda opens her dashboard, goes to the articles more than 90 days
overdue, ticks three, assigns them to Dr. Okafor through the same service as a single
assignment (same rules, audited); an ineligible reviewer is refused with a reason, and
a row the reviewer may not take is named while the others are assigned."""

import pytest
from django.core import mail
from django.urls import reverse

from reviews.models import AuditEvent, ReminderSent, ReviewCycle
from tests.reporting.factories import (
    ARTICLES,
    DASHBOARD,
    TODAY,
    days,
    due_article,
    flag,
    follow,
    get_page,
    headline_figures,
    list_rows,
    login,
    messages_of,
    reviewer,
    soup_of,
    text,
    titles_listed,
)

pytestmark = pytest.mark.django_db

# Title → days overdue.
OVER_90 = {
    "Angina": 400,
    "Aortic stenosis": 300,
    "Atrial fibrillation": 200,
    "Bradycardia": 150,
    "Cardiomyopathy": 120,
    "Endocarditis": 100,
    "Gout": 91,
}
UNDER_90 = {"Heart murmur": 90, "Hypertension": 60, "Myocarditis": 30, "Pericarditis": 1}


@pytest.fixture
def overdue(maria, cardiology, nephrology):
    """Eleven overdue articles with open, unassigned reviews: seven over 90 days (one of
    them, Gout, in nephrology)."""
    for title, late in {**OVER_90, **UNDER_90}.items():
        specialty = nephrology if title == "Gout" else cardiology
        due_article(TODAY - days(late), specialty=specialty, author=maria, title=title)
    flag()


def assign_form(page):
    """The bulk-assign form of the list page: where it posts, what it sends untouched,
    and the reviewers it offers (those listed as not eligible are disabled)."""
    form = page.find("form", action=reverse("reviews:cycle-assign"))
    hidden = {i["name"]: i.get("value", "") for i in form.find_all("input", type="hidden")}
    options = {text(o): o["value"] for o in form.find("select", attrs={"name": "reviewer"})
               .find_all("option") if o.get("value") and not o.has_attr("disabled")}  # fmt: skip
    return form["action"], hidden, options


def not_eligible(page) -> list[str]:
    """The drop-down's disabled entries: each person the rule refuses, with why."""
    form = page.find("form", action=reverse("reviews:cycle-assign"))
    select = form.find("select", attrs={"name": "reviewer"})
    return [text(o) for o in select.find_all("option") if o.has_attr("disabled")]


def tick_and_assign(client, list_url, titles, reviewer_name, *, posted_id=None):
    """Tick `titles` and assign them to `reviewer_name` from the drop-down; or, with
    `posted_id`, post that person's id as a stale page or a hand-made request would."""
    page = get_page(client, list_url)
    action, hidden, reviewers = assign_form(page)
    ticked = [row["cycle"] for row in list_rows(page) if row["title"] in titles]
    assert len(ticked) == len(titles)
    chosen = posted_id if posted_id is not None else reviewers[reviewer_name]
    return client.post(action, {**hidden, "cycle": ticked, "reviewer": chosen}, follow=True)


def over_90_list(client) -> str:
    _, link = headline_figures(get_page(client, DASHBOARD))["Overdue"]
    return follow(link)


def test_the_director_assigns_three_articles_over_90_days_overdue_to_dr_okafor(
    client, brenda, okafor, lee, overdue, django_capture_on_commit_callbacks
):
    login(client, brenda)
    list_url = over_90_list(client)
    chosen = ["Angina", "Aortic stenosis", "Atrial fibrillation"]

    with django_capture_on_commit_callbacks(execute=True):
        response = tick_and_assign(client, list_url, chosen, "Ngozi Okafor")

    assert response.redirect_chain[-1][0] == list_url
    assert messages_of(response) == ["Assigned all 3 reviews to Ngozi Okafor."]
    shown = {row["title"]: row["review"] for row in list_rows(soup_of(response))}
    assert [shown[title] for title in chosen] == ["Ngozi Okafor, MD"] * 3
    assigned = ReviewCycle.objects.filter(assignee=okafor.user)
    assert sorted(assigned.values_list("article__title", flat=True)) == chosen
    events = AuditEvent.objects.filter(action="assign_cycle").order_by("cycle__article__title")
    assert [(e.cycle.article.title, e.actor, e.note) for e in events] == [
        (title, brenda, "Assigned to Ngozi Okafor") for title in chosen
    ]
    assert all(row.history_user == brenda for c in assigned for row in c.history.all()[:1])
    assert ReminderSent.objects.filter(recipient=okafor.user).count() == 3
    assert [m.to for m in mail.outbox] == [["okafor@stet.example"]]


def test_the_dashboard_links_in_one_click_to_the_seven_articles_over_90_days(
    client, brenda, overdue
):
    """Scenario 11: "19 overdue (7 of them over 90 days) … She clicks 'over 90 days' and
    gets those 7 articles"."""
    login(client, brenda)
    page = get_page(client, DASHBOARD)
    links = {a["href"] for a in page.find_all("a", href=True) if a["href"].startswith(ARTICLES)}

    lists = [sorted(titles_listed(client, link)) for link in links]

    assert sorted(OVER_90) in lists


@pytest.mark.parametrize(
    ("who", "reason"),
    [
        ("lee", "Daniel Lee, MD's licence is not valid on November 27, 2026."),
        ("skin", "Rosa Skin, MD does not review Cardiology; an editorial director "
                 "can allow it with a recorded reason."),
    ],
)  # fmt: skip
def test_an_ineligible_reviewer_is_refused_with_the_reason_and_nothing_is_assigned(
    client, brenda, lee, dermatology, overdue, who, reason
):
    skin = reviewer("skin", credit_name="Rosa Skin, MD", specialties=[dermatology])
    login(client, brenda)
    name = {"lee": "Daniel Lee", "skin": "Rosa Skin"}[who]
    ticked = ["Angina", "Aortic stenosis", "Atrial fibrillation"]
    list_url = over_90_list(client)
    # An expired licence holds whatever reviews are ticked: the drop-down shows Dr. Lee
    # disabled, with why. A specialty is each review's own: Dr. Skin is offered, and
    # refused row by row. A stale page still posts Dr. Lee.
    page = get_page(client, list_url)
    assert (name in assign_form(page)[2]) == (who == "skin")
    assert (reason in not_eligible(page)) == (who == "lee")
    posted = {"lee": lee.user.pk, "skin": skin.user.pk}[who]

    response = tick_and_assign(client, list_url, ticked, name, posted_id=posted)

    # One line names every ticked article refused for the same reason, then the reason;
    # nothing is said to have been assigned.
    (message,) = messages_of(response)
    titles, _, said = message.removeprefix("Not assigned: ").partition(". ")
    assert sorted(titles.split(", ")) == ticked and said == reason
    assert not ReviewCycle.objects.exclude(assignee=None).exists()
    assert not AuditEvent.objects.filter(action="assign_cycle").exists()
    assert not ReminderSent.objects.exists()


def test_one_ineligible_row_is_named_and_the_others_are_assigned(client, brenda, okafor, overdue):
    login(client, brenda)

    response = tick_and_assign(
        client, over_90_list(client), ["Angina", "Gout", "Endocarditis"], "Ngozi Okafor"
    )

    assert messages_of(response) == [
        "Assigned 2 of the 3 reviews to Ngozi Okafor.",
        "Not assigned: Gout. Ngozi Okafor, MD does not review Nephrology; an editorial "
        "director can allow it with a recorded reason.",
    ]
    assigned = ReviewCycle.objects.filter(assignee=okafor.user)
    assert sorted(assigned.values_list("article__title", flat=True)) == ["Angina", "Endocarditis"]
    assert ReviewCycle.objects.get(article__title="Gout").assignee is None


def test_assigning_to_someone_who_is_not_a_medical_reviewer_is_refused(
    client, brenda, maria, overdue
):
    login(client, brenda)
    page = get_page(client, over_90_list(client))
    action, hidden, _ = assign_form(page)

    response = client.post(
        action,
        {**hidden, "cycle": [list_rows(page)[0]["cycle"]], "reviewer": maria.pk},
        follow=True,
    )

    (message,) = messages_of(response)
    assert message.startswith("Not assigned: ")
    assert message.endswith(". Maria Santos is not a medical reviewer.")
    assert not ReviewCycle.objects.exclude(assignee=None).exists()


def test_assigning_with_nothing_ticked_asks_to_tick(client, brenda, okafor, overdue):
    login(client, brenda)
    page = get_page(client, over_90_list(client))
    action, hidden, reviewers = assign_form(page)

    response = client.post(action, {**hidden, "reviewer": reviewers["Ngozi Okafor"]}, follow=True)

    assert messages_of(response) == ["Tick the reviews to assign."]
    assert not ReviewCycle.objects.exclude(assignee=None).exists()
