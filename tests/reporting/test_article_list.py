"""The list of articles behind every figure: filters, sorts, pages, and the links on each
row."""

from urllib.parse import urlencode

import pytest

from tests.reporting.factories import (
    ARTICLES,
    TODAY,
    bulk_due_articles,
    days,
    get_page,
    list_rows,
    listed,
    login,
    next_page_link,
    text,
    titles_listed,
)

pytestmark = pytest.mark.django_db

OVERDUE_MOST_FIRST = [
    "Angina",
    "Aortic stenosis",
    "Atrial fibrillation",
    "Kidney stones",
    "Bradycardia",
    "Cardiomyopathy",
]


@pytest.fixture
def director(client, brenda, encyclopedia):
    login(client, brenda)
    return client


def query(**params) -> str:
    return "?" + urlencode(params)


@pytest.mark.parametrize(
    ("params", "titles"),
    [
        ({"status": "overdue"}, OVERDUE_MOST_FIRST),
        ({"status": "due_soon"}, ["Chest pain", "Endocarditis", "Dialysis"]),
        ({"status": "current"}, ["Heart failure", "Nephrotic syndrome"]),
        ({"status": "never_reviewed"}, ["Hypertension"]),
        ({"specialty": "nephrology"}, ["Kidney stones", "Dialysis", "Nephrotic syndrome"]),
        ({"reviewer": "okafor"}, ["Angina", "Atrial fibrillation", "Bradycardia"]),
        ({"bucket": "overdue_1_30"}, ["Cardiomyopathy"]),
        ({"bucket": "overdue_31_90"}, ["Bradycardia"]),
        ({"bucket": "overdue_91_180"}, ["Atrial fibrillation", "Kidney stones"]),
        ({"bucket": "overdue_181_365"}, ["Aortic stenosis"]),
        ({"bucket": "overdue_over_365"}, ["Angina"]),
        ({"state": "unassigned"},
         ["Aortic stenosis", "Kidney stones", "Cardiomyopathy", "Chest pain", "Hypertension"]),
        ({"state": "open"}, ["Angina", "Atrial fibrillation"]),
        ({"state": "in_progress"}, ["Bradycardia"]),
        ({"state": "none"}, ["Dialysis", "Endocarditis", "Nephrotic syndrome", "Heart failure"]),
        ({"status": "overdue", "specialty": "cardiology", "state": "unassigned"},
         ["Aortic stenosis", "Cardiomyopathy"]),
        ({"reviewer": "okafor", "bucket": "overdue_91_180"}, ["Atrial fibrillation"]),
        ({"bucket": "overdue_over_90"},
         ["Angina", "Aortic stenosis", "Atrial fibrillation", "Kidney stones"]),
        ({"status": "due_soon", "specialty": "nephrology"}, ["Dialysis"]),
        ({"bucket": "overdue_91_180", "specialty": "cardiology"}, ["Atrial fibrillation"]),
        ({"status": "current", "bucket": "overdue_1_30"}, []),
        ({"article": "retired"}, []),  # the list is of published articles
        ({"article": "published", "status": "current"}, ["Heart failure", "Nephrotic syndrome"]),
        ({}, [*OVERDUE_MOST_FIRST, "Chest pain", "Endocarditis", "Dialysis", "Heart failure",
              "Nephrotic syndrome", "Hypertension"]),
    ],
)  # fmt: skip
def test_the_list_filters_by_status_specialty_reviewer_age_and_review_state(
    director, request, params, titles
):
    resolved = {
        "specialty": lambda name: request.getfixturevalue(name).pk,
        "reviewer": lambda name: request.getfixturevalue(name).user.pk,
    }
    params = {key: resolved.get(key, str)(value) for key, value in params.items()}

    shown = titles_listed(director, query(**params))
    count = get_page(director, ARTICLES + query(**params)).select_one("h1 .muted")

    assert sorted(shown) == sorted(titles)
    assert text(count) == str(len(titles))  # the count printed agrees with the rows listed


def test_the_filter_form_shows_the_filters_in_force(director, cardiology):
    page = get_page(director, ARTICLES, {"status": "overdue", "specialty": cardiology.pk})

    selected = {
        select["name"]: text(option)
        for select in page.select("form.actions select")
        for option in select.select("option[selected]")
    }

    assert selected == {"status": "Overdue", "specialty": "Cardiology"}
    assert text(page.find("h1")).startswith("Articles: overdue")


@pytest.mark.parametrize(
    "params",
    [{"status": "nonsense"}, {"specialty": "abc"}, {"reviewer": "-1"}, {"sort": "drop table"},
     {"bucket": "overdue_2_3"}, {"state": "x"}, {"page": "999"}, {"page": "a"}],
)  # fmt: skip
def test_malformed_filters_are_ignored_instead_of_failing(director, params):
    response = director.get(ARTICLES, params)

    assert response.status_code == 200


def test_by_default_the_most_overdue_come_first(director):
    assert titles_listed(director, query(status="overdue")) == OVERDUE_MOST_FIRST


@pytest.mark.parametrize(
    ("link", "titles"),
    [
        ("Days overdue", OVERDUE_MOST_FIRST),
        ("Title", sorted(OVERDUE_MOST_FIRST)),
        ("Due", OVERDUE_MOST_FIRST),
    ],
)
def test_each_sortable_column_sorts_the_filtered_list_both_ways(director, link, titles):
    page = get_page(director, ARTICLES, {"status": "overdue", "specialty": ""})
    header = next(th for th in page.select("thead th") if text(th).startswith(link))
    forward, *backward = header.find_all("a")

    assert titles_listed(director, forward["href"]) == titles
    if backward:
        assert titles_listed(director, backward[0]["href"]) == titles[::-1]
    assert "status=overdue" in forward["href"]


def test_the_least_overdue_first_is_the_default_order_reversed(director):
    assert (
        titles_listed(director, query(status="overdue", sort="-overdue"))
        == (OVERDUE_MOST_FIRST[::-1])
    )


def test_sorting_by_due_date_in_reverse_puts_the_latest_due_first(director):
    assert titles_listed(director, query(status="due_soon", sort="-due")) == [
        "Endocarditis",
        "Dialysis",
        "Chest pain",
    ]


def test_never_reviewed_articles_sort_after_every_dated_one_on_any_database(director):
    """Most overdue first must not depend on where the database puts NULLs (last on
    PostgreSQL, first on SQLite)."""
    titles = titles_listed(director, query())

    assert titles[0] == "Angina"
    assert titles[-1] == "Hypertension"


def test_each_row_shows_days_overdue_and_who_holds_the_review(director):
    rows = {row["title"]: row for row in listed(director, query())}

    assert rows["Angina"]["days_overdue"] == "400"
    assert rows["Cardiomyopathy"]["days_overdue"] == "10"
    assert rows["Chest pain"]["days_overdue"] == ""
    assert rows["Angina"]["review"] == "Ngozi Okafor, MD"
    assert rows["Bradycardia"]["review"] == "revising"
    assert rows["Kidney stones"]["review"] == "unassigned"
    assert rows["Heart failure"]["review"] == "none open"
    assert rows["Hypertension"]["review_date"] == "never"
    assert rows["Heart failure"]["cycle"] is None and rows["Angina"]["cycle"] is not None


def test_each_row_links_to_the_article_its_review_and_its_history(director, encyclopedia):
    angina = next(row for row in listed(director, query()) if row["title"] == "Angina")
    number = encyclopedia.articles["Angina"].number

    assert angina["article_link"] == f"/article/{number}/"
    assert angina["history_link"] == f"/work/articles/{number}/history/"
    article_page = director.get(angina["article_link"])
    assert article_page.status_code == 200 and "Angina" in article_page.content.decode()
    cycle_page = director.get(angina["cycle_link"])
    assert cycle_page.status_code == 200 and "Angina" in cycle_page.content.decode()
    assert angina["cycle_link"] == f"/work/cycles/{angina['cycle']}/"
    history = director.get(angina["history_link"])
    assert history.status_code == 200 and "Angina" in history.content.decode()


def test_the_list_is_paginated_by_50_keeping_the_filters(client, brenda, maria, cardiology):
    bulk_due_articles(55, due_on=TODAY - days(3), specialty=cardiology, author=maria)
    bulk_due_articles(2, due_on=TODAY + days(300), specialty=cardiology, author=maria, prefix="C")
    login(client, brenda)

    first = get_page(client, ARTICLES, {"status": "overdue", "sort": "title"})
    following = next_page_link(first)
    second = get_page(client, ARTICLES + following)

    assert len(list_rows(first)) == 50
    assert "Page 1 of 2" in text(first.select_one("nav.pagination"))
    assert "status=overdue" in following and "sort=title" in following
    assert len(list_rows(second)) == 5
    titles = [row["title"] for row in list_rows(first) + list_rows(second)]
    assert titles == sorted(titles) and len(set(titles)) == 55
    assert next_page_link(second) is None
    assert "55" in text(first.find("h1"))


def test_an_empty_result_says_so(client, brenda):
    login(client, brenda)

    page = get_page(client, ARTICLES, {"status": "overdue"})

    assert "No article matches these filters." in text(page)


def test_an_assigned_review_reads_as_assigned_whatever_the_accounts_name_fields_hold(
    director, okafor
):
    type(okafor.user).objects.filter(pk=okafor.user_id).update(first_name="", last_name="")
    type(okafor).objects.filter(pk=okafor.pk).update(credit_name="")

    rows = {row["title"]: row for row in listed(director, query())}

    assert rows["Angina"]["review"] == "A reviewer with no name on their account"
