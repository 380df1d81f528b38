"""Turning what editors write into what readers see.

Editors write Markdown. Raw HTML in it is shown as text (markdown-it's `html`
option is off), and whatever Markdown produces is sanitised again by nh3 with a
short allow-list, so no script, event handler or `javascript:` link in content
ever reaches a browser.
"""

import html
from collections.abc import Iterable

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

from encyclopedia.inline_citations import link_citations

_markdown = MarkdownIt("commonmark", {"html": False, "typographer": True}).enable(
    ["table", "strikethrough", "replacements", "smartquotes"]
)

ALLOWED_TAGS = {
    "p", "br", "hr", "strong", "em", "del", "s", "code", "pre", "blockquote",
    "ul", "ol", "li", "a", "h3", "h4", "h5", "h6",
    "table", "thead", "tbody", "tr", "th", "td", "sub", "sup",
}  # fmt: skip
# A citation's link is named "Reference 2" for a screen reader; editors cannot write
# attributes (raw HTML is text), so only the citation links carry one.
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "aria-label"},
    "ol": {"start"},
    "th": {"align"},
    "td": {"align"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}


def sanitise_html(html: str) -> SafeString:
    return mark_safe(
        nh3.clean(
            html,
            tags=ALLOWED_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            url_schemes=ALLOWED_URL_SCHEMES,
            link_rel="noopener noreferrer nofollow",
        )
    )


def render_markdown(text: str) -> SafeString:
    """A body or summary as the page shows it, each citation (`[2]`) a link to the
    reference it names."""
    # Section headings are <h2> on the page; headings inside a body start at <h3>.
    html = link_citations(_markdown.render(text or ""))
    for level in (2, 1):
        html = html.replace(f"<h{level}>", "<h3>").replace(f"</h{level}>", "</h3>")
    return sanitise_html(html)


def render_inline_markdown(text: str) -> SafeString:
    """One line of Markdown with no block of its own: a citation, whose journal or book
    title is in italics (`*JAMA*`)."""
    return sanitise_html(_markdown.renderInline(text or ""))


def plain_text(markdown: str) -> str:
    """What a reader reads of some Markdown: the rendered page without its tags."""
    return html.unescape(nh3.clean(render_markdown(markdown), tags=set())).strip()


def sections_text(sections: Iterable) -> str:
    """A revision's sections as plain text, each heading on its own line: the body that
    search reads."""
    return "\n\n".join(f"{section.heading}\n{plain_text(section.body)}" for section in sections)
