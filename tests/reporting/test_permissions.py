"""Only editorial directors see the dashboard, the lists behind it, its CSVs, the
revisions waiting and the audit report; everyone else is refused — a superuser too, who
holds no role — and anonymous visitors are sent to sign in. Each person's "My work"
opens their own home."""

from urllib.parse import quote

import pytest
from django.urls import reverse

from tests.encyclopedia.factories import superuser
from tests.reporting.factories import TODAY, days, due_article, flag, login

pytestmark = pytest.mark.django_db

DIRECTOR_PAGES = [
    reverse("reporting:dashboard"),
    reverse("reporting:dashboard-articles"),
    reverse("reporting:dashboard-articles") + "?status=overdue&format=csv",
    reverse("reporting:dashboard-csv", args=["age"]),
    reverse("reporting:dashboard-csv", args=["specialties"]),
    reverse("reporting:dashboard-csv", args=["reviewers"]),
    reverse("reporting:dashboard-csv", args=["trend"]),
    reverse("reporting:revisions-waiting"),
    reverse("reporting:audit-report"),
    reverse("reporting:audit-report") + f"?date={TODAY}",
    reverse("reporting:audit-report") + f"?date={TODAY}&format=csv",
]


@pytest.fixture
def angina(maria, cardiology):
    return due_article(TODAY - days(100), specialty=cardiology, author=maria, title="Angina")


@pytest.mark.parametrize("url", DIRECTOR_PAGES)
@pytest.mark.parametrize("person", ["maria", "okafor", "lee", "dugdale", "charlie"])
def test_only_editorial_directors_may_open_the_page(client, request, angina, person, url):
    login(client, request.getfixturevalue(person))

    response = client.get(url)

    assert response.status_code == 403
    assert b"Angina" not in response.content


@pytest.mark.parametrize("url", DIRECTOR_PAGES)
def test_an_anonymous_visitor_is_sent_to_sign_in(client, db, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response.url == f"{reverse('accounts:login')}?next={quote(url, safe='/')}"


@pytest.mark.parametrize("url", DIRECTOR_PAGES)
def test_an_editorial_director_opens_the_page(client, brenda, angina, url):
    login(client, brenda)

    assert client.get(url).status_code == 200


@pytest.mark.parametrize("url", DIRECTOR_PAGES)
def test_a_superuser_without_the_role_is_refused(client, angina, url):
    """An administrator runs the site; directing is for the role's members."""
    login(client, superuser())

    assert client.get(url).status_code == 403


def test_only_directors_may_post_a_bulk_assignment(client, angina, okafor):
    flag()
    cycle = angina.review_cycles.get()
    login(client, okafor)

    response = client.post(
        reverse("reviews:cycle-assign"), {"cycle": [cycle.pk], "reviewer": okafor.user.pk}
    )

    assert response.status_code == 403
    cycle.refresh_from_db()
    assert cycle.assignee is None


@pytest.mark.parametrize(
    ("person", "home"),
    [
        ("brenda", "reporting:dashboard"),
        ("dugdale", "reviews:queue"),
        ("okafor", "reviews:queue"),
        ("maria", "reviews:drafts"),
        ("charlie", "encyclopedia:home"),
    ],
)
def test_my_work_opens_each_persons_home(client, request, person, home):
    login(client, request.getfixturevalue(person))

    response = client.get(reverse("accounts:home"))

    assert response.status_code == 302
    assert response.url == reverse(home)


@pytest.mark.parametrize(
    ("url", "allowed", "refused"),
    [
        ("reviews:queue", ["okafor", "dugdale", "brenda"], ["maria", "charlie"]),
        ("reviews:drafts", ["maria", "tom"], ["okafor", "dugdale", "brenda", "charlie"]),
    ],
)
def test_the_homes_are_for_their_roles(client, request, url, allowed, refused):
    for person in allowed + refused:
        login(client, request.getfixturevalue(person))
        expected = 200 if person in allowed else 403
        assert client.get(reverse(url)).status_code == expected, person
