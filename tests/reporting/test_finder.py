"""The staff finder: any article, for everyone on the team, by words in the page, title
or number, and by the director's list's filters plus topic and article status; and the
team's bar on the public page of an article."""

import datetime
import re

import pytest

from encyclopedia.models import Topic
from encyclopedia.services import SectionInput
from reviews import cycles
from tests.encyclopedia.factories import draft_article, edited_draft, published_article

TODAY = datetime.date(2026, 11, 27)
# Sign-in and roles, the page of rows, its count, the rows' revisions in progress, the
# filters' specialties, reviewers and topics, the licence banner: the same however many
# articles.
FINDER_QUERIES = 12


@pytest.fixture(autouse=True)
def today(time_machine):
    time_machine.move_to(datetime.datetime(2026, 11, 27, 12), tick=False)


@pytest.fixture
def catalogue(maria, cardiology, dermatology):
    anticoagulants = Topic.objects.create(name="Anticoagulants", slug="anticoagulants")
    heel = [SectionInput("Where it happens", "In the foot it shows as heel spurs.")]
    return {
        "calcification": published_article(
            title="Calcification",
            sections=heel,
            specialty=dermatology,
            author=maria,
            reviewed_on=TODAY,
        ),
        "af": published_article(
            title="Atrial fibrillation",
            specialty=cardiology,
            author=maria,
            topics=[anticoagulants],
            reviewed_on=TODAY - datetime.timedelta(days=800),
        ),
        "angina": published_article(
            title="Angina", specialty=cardiology, author=maria, reviewed_on=TODAY
        ),
        "draft": draft_article(title="Heel pain in runners", specialty=cardiology, author=maria),
        "anticoagulants": anticoagulants,
    }


def listed(response) -> list[str]:
    assert response.status_code == 200
    page = response.content.decode()
    return re.findall(r'<a href="/work/articles/\d{6}/history/">(.*?)</a>', page)


@pytest.mark.parametrize("person", ["maria", "okafor", "dugdale", "brenda"])
def test_everyone_on_the_team_can_find_articles(client, catalogue, person, request):
    person = request.getfixturevalue(person)
    client.force_login(getattr(person, "user", person))

    assert set(listed(client.get("/work/articles/"))) == {
        "Calcification",
        "Atrial fibrillation",
        "Angina",
        "Heel pain in runners",
    }


def test_words_in_the_page_find_published_and_draft_articles(client, maria, catalogue):
    client.force_login(maria)

    response = client.get("/work/articles/", {"q": "heel"})

    assert listed(response) == ["Heel pain in runners", "Calcification"]
    assert "<mark>heel</mark>" in response.content.decode().lower()


def test_an_article_number_finds_that_article(client, maria, catalogue):
    client.force_login(maria)

    assert listed(client.get("/work/articles/", {"q": catalogue["angina"].number})) == ["Angina"]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"article": "draft"}, ["Heel pain in runners"]),
        ({"status": "overdue"}, ["Atrial fibrillation"]),
        ({"topic": "anticoagulants"}, ["Atrial fibrillation"]),
        ({"specialty": "dermatology"}, ["Calcification"]),
        (
            {"specialty": "cardiology", "article": "published", "sort": "title"},
            ["Angina", "Atrial fibrillation"],
        ),
    ],
)
def test_the_filters_narrow_the_list(
    client, maria, catalogue, cardiology, dermatology, filters, expected
):
    ids = {
        "anticoagulants": catalogue["anticoagulants"].pk,
        "cardiology": cardiology.pk,
        "dermatology": dermatology.pk,
    }
    query = {key: ids.get(value, value) for key, value in filters.items()}
    client.force_login(maria)

    assert listed(client.get("/work/articles/", query)) == expected


def test_each_row_says_who_holds_the_article(client, maria, okafor, brenda, catalogue):
    edited_draft(catalogue["angina"], editor=maria, title="Angina pectoris")
    cycles.review_cycles_flag_overdue(today=TODAY)
    cycles.review_cycles_assign(
        cycles=catalogue["af"].review_cycles.all(),
        reviewer=okafor.user,
        director=brenda,
        today=TODAY,
    )
    client.force_login(maria)

    page = client.get("/work/articles/", {"sort": "title"}).content.decode()

    af_row = re.search(r"Atrial fibrillation</a>.*?</tr>", page, re.S).group(0)
    angina_row = re.search(r">Angina</a>.*?</tr>", page, re.S).group(0)
    assert "Ngozi Okafor, MD" in af_row
    assert "v2</a> draft" in angina_row and "by Maria Santos" in angina_row


def test_nothing_found_says_so(client, maria, catalogue):
    client.force_login(maria)

    page = client.get("/work/articles/", {"q": "zzzz"}).content.decode()

    assert "No article matches “zzzz” with these filters." in page


@pytest.mark.parametrize("articles", [2, 20])
def test_the_finder_costs_the_same_queries_however_many_articles(
    client, maria, cardiology, django_assert_max_num_queries, articles
):
    for n in range(articles):
        article = published_article(title=f"Eczema {n:02d}", specialty=cardiology, author=maria)
        edited_draft(article, editor=maria)
    client.force_login(maria)

    with django_assert_max_num_queries(FINDER_QUERIES):
        listed_all = listed(client.get("/work/articles/"))
    with django_assert_max_num_queries(FINDER_QUERIES + 1):  # + the page's snippets
        searched = listed(client.get("/work/articles/", {"q": "eczema"}))

    assert len(listed_all) == len(searched) == articles


# --- The team's bar on the public page ----------------------------------------------------


def test_a_reader_sees_no_team_bar(client, catalogue):
    page = client.get(catalogue["angina"].get_absolute_url()).content.decode()

    assert "staff-bar" not in page
    assert "/work/" not in page


def test_an_editor_sees_history_draft_a_change_and_the_work_in_progress(client, maria, catalogue):
    angina = catalogue["angina"]
    draft = edited_draft(angina, editor=maria, title="Angina pectoris")
    client.force_login(maria)

    page = client.get(angina.get_absolute_url()).content.decode()
    bar = client.get(f"/work/articles/{angina.number}/staff-bar/").content.decode()

    assert f'href="/work/articles/{angina.number}/history/">History</a>' in page
    assert f'action="/work/articles/{angina.number}/draft/"' in page
    assert f'hx-get="/work/articles/{angina.number}/staff-bar/"' in page
    assert f'href="/work/revisions/{draft.pk}/">v2 draft</a>' in bar


def test_a_reviewer_sees_the_bar_without_draft_a_change(client, okafor, catalogue):
    client.force_login(okafor.user)

    page = client.get(catalogue["angina"].get_absolute_url()).content.decode()

    assert "staff-bar" in page
    assert "Draft a change" not in page
