"""What editors write becomes safe HTML for readers: no script, event handler or
javascript: link in content ever reaches a browser, at the filter and on the page."""

import json
import re
from html.parser import HTMLParser

import pytest

from encyclopedia.rendering import render_markdown, sanitise_html
from encyclopedia.services import SectionInput
from tests.encyclopedia.factories import published_article


class Elements(HTMLParser):
    """The elements of an HTML fragment as (tag, {attribute: value}), in document order."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict[str, str | None]]] = []
        self.text = ""
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text += data

    def tags(self) -> list[str]:
        return [tag for tag, _ in self.found]

    def attributes(self) -> list[tuple[str, str, str | None]]:
        return [(tag, name, value) for tag, attrs in self.found for name, value in attrs.items()]


# --- render_markdown -------------------------------------------------------------------


def test_markdown_becomes_html():
    html = render_markdown("Take **one** tablet *daily*.\n\n- with food\n- with water")

    assert "<strong>one</strong>" in html
    assert "<em>daily</em>" in html
    assert Elements(html).tags() == ["p", "strong", "em", "ul", "li", "li"]


def test_a_link_to_a_web_page_is_kept():
    html = render_markdown("See the [guideline](https://example.org/guideline).")

    (attrs,) = [attrs for tag, attrs in Elements(html).found if tag == "a"]
    assert attrs["href"] == "https://example.org/guideline"
    assert "noopener" in attrs["rel"]


def test_a_script_tag_in_a_body_is_shown_as_text_never_as_a_tag():
    html = render_markdown("Before <script>alert(1)</script> after")

    assert "<script" not in html
    assert "script" not in Elements(html).tags()
    assert "Before" in Elements(html).text


def test_a_javascript_link_yields_no_javascript_href():
    html = render_markdown("[x](javascript:alert(1)) and [y](JaVaScRiPt:alert(2))")

    hrefs = [value for _, name, value in Elements(html).attributes() if name == "href"]
    assert not [href for href in hrefs if "javascript" in (href or "").lower()]
    assert 'href="javascript' not in html.lower()


def test_an_image_with_an_event_handler_yields_no_element_and_no_handler():
    html = render_markdown('<img src=x onerror=alert(1)>\n\n![x](x" onerror="alert(1))')

    elements = Elements(html)
    assert "img" not in elements.tags()
    assert not [name for _, name, _ in elements.attributes() if name.startswith("on")]


@pytest.mark.parametrize(
    "source",
    [
        '<a href="javascript:alert(1)">x</a>',
        "<iframe src=https://evil.example></iframe>",
        '<p onclick="alert(1)">x</p>',
        "<svg><script>alert(1)</script></svg>",
    ],
)
def test_raw_html_in_a_body_never_becomes_markup(source):
    elements = Elements(render_markdown(source))

    assert set(elements.tags()) <= {"p"}
    assert elements.attributes() == []


@pytest.mark.parametrize("heading", ["# Outlook", "## Outlook"])
def test_a_heading_inside_a_body_becomes_h3_below_the_section_heading(heading):
    html = render_markdown(f"{heading}\n\nMost people recover.")

    assert "<h3>Outlook</h3>" in html
    assert "<h1" not in html
    assert "<h2" not in html


def test_tables_are_allowed():
    html = render_markdown("| Dose | Times |\n| --- | --- |\n| 5 mg | twice |")

    assert Elements(html).tags() == ["table", "thead", "tr", "th", "th", "tbody", "tr", "td", "td"]
    assert "<td>5 mg</td>" in html


def test_the_sanitiser_strips_dangerous_html_that_reaches_it():
    # The second line of defence: whatever Markdown produces is cleaned again.
    html = sanitise_html(
        '<p onclick="alert(1)">Hi</p><script>alert(2)</script>'
        '<a href="javascript:alert(3)">x</a><img src=x onerror=alert(4)>'
        '<iframe src="https://evil.example"></iframe><h2 style="color:red">T</h2>'
    )

    elements = Elements(html)
    assert set(elements.tags()) <= {"p", "a"}
    assert [(tag, name) for tag, name, _ in elements.attributes()] == [("a", "rel")]
    assert "alert(2)" not in html


def test_empty_text_renders_nothing():
    assert render_markdown("") == ""


# --- On the public page ---------------------------------------------------------------


def structured_data(page: str) -> dict:
    """The JSON-LD block as a browser would delimit it: up to the first </script>."""
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert match, "the page has no JSON-LD block"
    return json.loads(match.group(1))


def inline_scripts(page: str) -> list[str | None]:
    """The type of every <script> on the page that runs inline code or data (no src)."""
    return [
        attrs.get("type")
        for tag, attrs in Elements(page).found
        if tag == "script" and "src" not in attrs
    ]


def test_script_in_a_heading_or_body_never_runs_on_the_page(client, cardiology, maria):
    article = published_article(
        specialty=cardiology,
        author=maria,
        sections=[
            SectionInput("Causes <script>alert(1)</script>", "Text <script>alert(2)</script>"),
            SectionInput("Outlook", "[Click](javascript:alert(3)) <img src=x onerror=alert(4)>"),
            SectionInput("Tests", "More"),
        ],
    )

    page = client.get(article.get_absolute_url()).content.decode()

    assert "<script>alert" not in page
    assert not [
        value
        for _, name, value in Elements(page).attributes()
        if name == "href" and "javascript" in (value or "").lower()
    ]
    assert "<img" not in page
    assert "Causes &lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert inline_scripts(page) == ["application/ld+json"]
    assert structured_data(page)["@type"] == "MedicalWebPage"


def test_a_title_cannot_break_out_of_the_structured_data(client, cardiology, maria):
    title = "Angina</script><script>alert(1)</script>"
    article = published_article(title=title, specialty=cardiology, author=maria)

    page = client.get(article.get_absolute_url()).content.decode()

    assert "<script>alert" not in page
    assert inline_scripts(page) == ["application/ld+json"]
    data = structured_data(page)
    assert data["name"] == title
    assert data["about"]["name"] == title


def test_struck_through_text_stays_struck_through():
    assert render_markdown("Take ~~two~~ one tablet.") == "<p>Take <s>two</s> one tablet.</p>\n"
