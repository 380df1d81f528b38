"""Accessibility checks for the browser tests: axe-core run on the page in the browser.

axe-core is vendored in tests/browser/vendor/ (`make vendor`), so nothing is fetched
while the tests run. The site's Content-Security-Policy allows only its own script
files, which blocks an injected <script> tag; Playwright's `evaluate` runs through the
DevTools protocol instead, which the policy does not cover.
"""

from pathlib import Path

from playwright.sync_api import Page

AXE_SOURCE = (Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js").read_text(
    encoding="utf-8"
)
# "moderate" and "minor" findings are often judgement calls (a region landmark for
# every line of text); serious and critical ones stop someone from using the page.
BLOCKING_IMPACTS = ("serious", "critical")
# The rules of WCAG 2.2 A and AA, and axe's best practices.
RUN_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}


def axe_violations(page: Page) -> list[dict]:
    """Every violation axe finds on the page as it is now, serious or not."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE_SOURCE)
    return page.evaluate(
        "async (options) => (await window.axe.run(document, options)).violations", RUN_OPTIONS
    )


def blocking(violations: list[dict]) -> list[dict]:
    return [v for v in violations if v["impact"] in BLOCKING_IMPACTS]


def describe(violations: list[dict]) -> str:
    """One paragraph per rule broken: its id, what it asks, and each element failing it."""
    paragraphs = []
    for violation in violations:
        lines = [f"{violation['id']} ({violation['impact']}): {violation['help']}"]
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            lines.append(f"  - {target}: {node['html'][:200]}")
            if node.get("failureSummary"):
                summary = " ".join(node["failureSummary"].split())
                lines.append(f"    {summary[:300]}")
        paragraphs.append("\n".join(lines))
    return "\n".join(paragraphs)


def assert_accessible(page: Page) -> None:
    """Fail, listing each one, if axe finds a serious or critical violation on the page."""
    found = blocking(axe_violations(page))
    assert not found, f"Accessibility violations on {page.url}:\n{describe(found)}"


def assert_no_sideways_scroll(page: Page) -> None:
    """Fail if the page is wider than the window, so a reader must scroll it sideways
    (a wide table may scroll inside its own box instead)."""
    scroll_width, window_width = page.evaluate(
        "() => [document.documentElement.scrollWidth, window.innerWidth]"
    )
    if scroll_width > window_width:
        raise AssertionError(
            f"{page.url} is {scroll_width}px wide in a {window_width}px window; "
            f"past its edge: {'; '.join(page.evaluate(OVERFLOWING, window_width))}"
        )


# The outermost elements reaching past the window's edge (their children mostly do too),
# each named by tag, id and classes, with the start of its markup.
OVERFLOWING = """(limit) => [...document.querySelectorAll('body *')]
    .filter((el) => el.getBoundingClientRect().right > limit + 1
        && el.parentElement.getBoundingClientRect().right <= limit + 1)
    .slice(0, 10)
    .map((el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
        + [...el.classList].map((name) => '.' + name).join('')
        + ' (to ' + Math.round(el.getBoundingClientRect().right) + 'px): '
        + el.outerHTML.slice(0, 120))"""
