"""Helpers for the dashboard tests: read the pages as a person would (figures, tables,
links, the rows of the article list across its pages) and build the data behind them
through the services."""

import csv
import io
import json
from collections.abc import Sequence
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from django.urls import reverse

from reviews import cycles, services
from reviews.models import Approval, ReviewCycle
from tests.reviews.cycles.factories import (
    NOW,
    TODAY,
    at,
    bulk_due_articles,
    days,
    due_article,
    flag,
    fresh,
    reviewer,
)
from tests.reviews.factories import (
    draft_change,
    edit,
    proof_of,
    submit,
)

DASHBOARD = reverse("reporting:dashboard")
ARTICLES = reverse("reporting:dashboard-articles")


def login(client, person) -> None:
    client.force_login(getattr(person, "user", person))


def soup_of(response) -> BeautifulSoup:
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


def get_page(client, url: str, params: dict | None = None) -> BeautifulSoup:
    return soup_of(client.get(url, params or {}))


def text(node) -> str:
    return " ".join(node.get_text(" ", strip=True).split())


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


# --- The dashboard -----------------------------------------------------------------------


def headline_figures(page: BeautifulSoup) -> dict[str, tuple[int, str]]:
    """Each headline figure: label → (the number shown, where it links)."""
    figures = {}
    for item in page.select("dl.figures > div"):
        link = item.select_one("dd a")
        figures[text(item.select_one("dt"))] = (int(text(link)), link["href"])
    return figures


def panel(page: BeautifulSoup, heading: str):
    for section in page.select("section.panel"):
        if text(section.find("h2")) == heading:
            return section
    raise AssertionError(f"No panel headed {heading!r}")


def table_rows(node) -> list[list[str]]:
    """The text of every body row of the first table in `node`."""
    table = node.find("table")
    return [[text(cell) for cell in row.find_all("td")] for row in table.select("tbody tr")]


def table_links(node) -> list[list[str]]:
    """The link of every cell of every body row (None where a cell has none)."""
    table = node.find("table")
    return [
        [cell.find("a")["href"] if cell.find("a") else None for cell in row.find_all("td")]
        for row in table.select("tbody tr")
    ]


def chart_data(page: BeautifulSoup) -> dict:
    return json.loads(page.find("script", id="dashboard-data").string)


# --- The article list ------------------------------------------------------------------------


def list_rows(page: BeautifulSoup) -> list[dict]:
    """The rows of one page of the article list, as the director reads them."""
    rows = []
    table = page.select_one("table.data")
    if table is None:
        return rows
    for row in table.select("tbody tr"):
        cells = row.find_all("td")
        checkbox = cells[0].find("input", attrs={"name": "cycle"})
        rows.append(
            {
                "title": text(cells[1].find("a")),
                "number": text(cells[1].select_one("span.muted")),
                "article_link": cells[1].find("a")["href"],
                "specialty": text(cells[2]),
                "review_date": text(cells[3]),
                "due": text(cells[4]),
                "days_overdue": text(cells[5]),
                "review": text(cells[6]),
                "cycle_link": cells[6].find("a")["href"] if cells[6].find("a") else None,
                "history_link": cells[7].find("a")["href"],
                "cycle": int(checkbox["value"]) if checkbox else None,
            }
        )
    return rows


def next_page_link(page: BeautifulSoup) -> str | None:
    for link in page.select("nav.pagination a"):
        if text(link) == "Next":
            return link["href"]
    return None


def follow(href: str, base: str = ARTICLES) -> str:
    """A link as the browser resolves it: "?a=1" is relative to the page it is on."""
    return base + href if href.startswith("?") else href


def listed(client, href: str) -> list[dict]:
    """Every row the link leads to, page after page, in the order shown."""
    rows = []
    url = follow(href)
    while url:
        page = get_page(client, url)
        rows += list_rows(page)
        following = next_page_link(page)
        url = follow(following, urlsplit(url).path) if following else None
    return rows


def titles_listed(client, href: str) -> list[str]:
    return [row["title"] for row in listed(client, href)]


# --- CSV ------------------------------------------------------------------------------------


def csv_of(response) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(body)))


# --- Data, through the services ----------------------------------------------------------------


def open_cycle_of(article) -> ReviewCycle:
    return ReviewCycle.objects.open().get(article=article)


def hand_over(articles: Sequence, *, to, by) -> list[ReviewCycle]:
    """A director assigns the open cycles of `articles` to a reviewer."""
    return cycles.review_cycles_assign(
        cycles=[open_cycle_of(a) for a in articles],
        reviewer=getattr(to, "user", to),
        director=by,
        today=TODAY,
        now=NOW,
    )


def submitted_change(article, *, editor, now=None, reviewer=None):
    """A change to `article` sent into review by `editor` at `now`."""
    revision = draft_change(article, editor=editor)
    submit(revision, editor=editor, now=now, reviewer=reviewer)
    return fresh(revision)


def sign_current_step(revision, signer, *, now=None, reviewed_whole_page=False):
    approval = Approval.objects.get(
        submission__revision=revision, decision=Approval.Decision.PENDING
    )
    return services.approval_approve(
        approval=approval,
        signer=signer,
        proof=proof_of(signer, now=now),
        attested=True,
        now=now,
        reviewed_whole_page=reviewed_whole_page,
    )


__all__ = [  # re-exported for the tests of this folder
    "NOW",
    "TODAY",
    "at",
    "bulk_due_articles",
    "days",
    "due_article",
    "edit",
    "flag",
    "fresh",
    "reviewer",
]
