"""reviews.diffs.rendered_diff_html: the page as the reader will see it, with the words a
revision inserts and deletes marked, in valid HTML that can carry nothing a reader's
browser would run."""

import re
from html.parser import HTMLParser

import pytest

from encyclopedia.rendering import render_markdown
from reviews.diffs import rendered_diff_html

VOID = {"br", "hr"}
ONLY_CHILDREN = {
    "ul": {"li"},
    "ol": {"li"},
    "table": {"thead", "tbody", "tr"},
    "thead": {"tr"},
    "tbody": {"tr"},
    "tr": {"td", "th"},
}
BLOCKS = {"p", "ul", "ol", "li", "blockquote", "pre", "table", "thead", "tbody", "tr", "td",
          "th", "h3", "h4", "h5", "h6", "hr"}  # fmt: skip
PHRASING_ONLY = {"p", "h3", "h4", "h5", "h6", "pre", "strong", "em", "code", "a", "s", "sub",
                 "sup", "ins", "del"}  # fmt: skip


class Structure(HTMLParser):
    """Walks the diff and records every way it breaks HTML's nesting rules."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        parent = self.open[-1] if self.open else ""
        if parent in ONLY_CHILDREN and tag not in ONLY_CHILDREN[parent]:
            self.problems.append(f"<{tag}> in <{parent}>")
        if tag in ("li",) and parent not in ("ul", "ol"):
            self.problems.append(f"<li> in <{parent or 'body'}>")
        if tag in BLOCKS and any(name in PHRASING_ONLY for name in self.open):
            self.problems.append(f"<{tag}> inside {self.open}")
        if parent in ("ins", "del"):
            self.problems.append(f"<{tag}> inside a mark")
        if tag == "a" and "a" in self.open:
            self.problems.append("a link in a link")
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.open or self.open[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.open[-1:] or 'nothing'}")
            return
        self.open.pop()

    def handle_data(self, data):
        parent = self.open[-1] if self.open else ""
        if data.strip() and parent in ONLY_CHILDREN:
            self.problems.append(f"text {data!r} in <{parent}>")

    def check(self, html: str) -> list[str]:
        self.feed(html)
        self.close()
        return self.problems + [f"<{name}> never closed" for name in self.open]


class Side(HTMLParser):
    """The text of one version as the diff tells it: the other version's marks dropped."""

    def __init__(self, drop: str):
        super().__init__(convert_charrefs=True)
        self.drop, self.depth, self.text = drop, 0, []

    def handle_starttag(self, tag, attrs):
        dropped = tag == self.drop or ("class", "link-target") in attrs
        if self.depth or dropped:
            self.depth += 1
        elif tag in BLOCKS or tag == "br":
            self.text.append(" ")  # blocks part words, whatever spacing the source had

    def handle_endtag(self, tag):
        if self.depth and (tag in ("ins", "del")):
            self.depth -= 1
        elif tag in BLOCKS:
            self.text.append(" ")

    def handle_data(self, data):
        if not self.depth:
            self.text.append(data)

    def words(self, html: str) -> str:
        self.feed(html)
        return " ".join("".join(self.text).split())


def text_of(html: str) -> str:
    side = Side(drop="")
    return side.words(html)


def sides(diff: str) -> tuple[str, str]:
    return Side(drop="ins").words(diff), Side(drop="del").words(diff)


def marks(diff: str) -> list[tuple[str, str]]:
    return [(tag, text) for tag, text in re.findall(r"<(ins|del)[^>]*>(.*?)</\1>", diff)]


CASES = [
    ("Medicines slow the heart rate.", "Medicines slow the heart rhythm."),
    ("- Take medicines\n- Stay active", "- Take medicines daily\n- Stay active\n- Sleep well"),
    ("- Take medicines\n- Stay active\n- Sleep", "- Take medicines\n- Sleep"),
    ("- a\n- b\n- c", "- x\n- b\n- y"),
    ("See [the guide](https://a.example/x).", "See [the guide](https://b.example/y)."),
    ("See [the guide](https://a.example/x).", "See [the new guide](https://a.example/x)."),
    ("See [the guide](https://a.example/x).", "See the guide."),
    ("First paragraph.\n\nSecond paragraph.", "First paragraph. Second paragraph."),
    ("One paragraph.", "One paragraph.\n\nA new one with **bold** words."),
    ("Paragraph one.\n\nParagraph two.", "Paragraph two."),
    ("**anticoagulants** prevent clots", "apixaban prevents clots"),
    ("| a | b |\n|---|---|\n| 1 | 2 |", "| a | b |\n|---|---|\n| 1 | 3 |\n| 4 | 5 |"),
    ("| a | b |\n|---|---|\n| 1 | 2 |\n| 4 | 5 |", "| a | b |\n|---|---|\n| 1 | 2 |"),
    ("Keep this.\n\n- item one\n- item two\n\nEnd.", "Keep this.\n\nEnd."),
    ("- one\n- two", "1. one\n2. two"),
    ("- one\n  - nested\n- two", "- one\n- two\n  - nested later"),
    ("> Quoted advice.\n\nPlain.", "Plain.\n\n> Quoted advice, revised."),
    ("Take `2 mg` daily.", "Take `5 mg` twice daily."),
    ("A line  \nbreak here.", "A line break here."),
    ("", "A brand new section.\n\n- with a list"),
    ("An old section.\n\n1. with\n2. steps", ""),
    ("Text with *emphasis*.", "Text with emphasis."),
    ("### Dosing\n\nOnce a day.", "### Dosing for adults\n\nOnce a day."),
]


@pytest.mark.parametrize(("old", "new"), CASES)
def test_the_diff_is_valid_html_that_tells_both_versions(old, new):
    diff = rendered_diff_html(old, new).html

    assert Structure().check(diff) == []
    old_text, new_text = sides(diff)
    assert new_text == text_of(render_markdown(new))
    assert old_text == text_of(render_markdown(old))


def test_an_insertion_inside_a_list_item_is_marked_there_and_the_list_stays_whole():
    diff = rendered_diff_html(
        "- Take medicines\n- Stay active", "- Take medicines daily\n- Stay active"
    )

    assert diff.html == (
        "<ul>\n"
        '<li>Take medicines<ins id="change-1" class="stop"> daily</ins></li>\n'
        "<li>Stay active</li>\n"
        "</ul>\n"
    )
    assert diff.changes == 1


def test_a_deleted_list_item_is_struck_out_as_an_item():
    diff = rendered_diff_html(
        "- Take medicines\n- Stay active\n- Sleep", "- Take medicines\n- Sleep"
    )

    assert '<li><del id="change-1" class="stop">Stay active</del></li>' in diff.html
    assert diff.html.count("<li>") == 3


def test_a_link_pointed_elsewhere_shows_both_targets():
    diff = rendered_diff_html(
        "See [the guide](https://a.example/old).", "See [the guide](https://b.example/new)."
    ).html

    old_link = '<a href="https://a.example/old" rel="noopener noreferrer nofollow">'
    new_link = '<a href="https://b.example/new" rel="noopener noreferrer nofollow">'
    assert f'{old_link}<del id="change-1" class="stop">the guide</del></a>' in diff
    assert f"{new_link}<ins>the guide</ins></a>" in diff
    assert ("del", " (link to https://a.example/old)") in marks(diff)
    assert ("ins", " (link to https://b.example/new)") in marks(diff)


def test_new_words_in_a_link_are_marked_inside_it():
    diff = rendered_diff_html(
        "See [the guide](https://a.example/x).", "See [the new guide](https://a.example/x)."
    ).html

    assert diff == (
        '<p>See <a href="https://a.example/x" rel="noopener noreferrer nofollow">'
        'the <ins id="change-1" class="stop">new </ins>guide</a>.</p>\n'
    )


def test_a_word_made_bold_reads_as_changed():
    diff = rendered_diff_html("Take it daily.", "Take it **daily**.").html

    assert marks(diff) == [("del", "daily"), ("ins", "daily")]
    assert "<strong><ins>daily</ins></strong>" in diff


def test_each_change_is_numbered_after_its_anchor():
    diff = rendered_diff_html("- a\n- b\n- c", "- x\n- b\n- y", anchor="change-3")

    assert re.findall(r'id="([^"]+)"', diff.html) == ["change-3-1", "change-3-2"]
    assert diff.changes == 2


def test_an_unchanged_body_has_no_marks():
    body = "Medicines slow the heart rate.\n\n- Rest\n- Fluids"

    diff = rendered_diff_html(body, body)

    assert diff.html == render_markdown(body)
    assert diff.changes == 0


def test_a_change_only_of_layout_marks_no_word():
    diff = rendered_diff_html("First.\n\nSecond.", "First. Second.")

    assert diff.changes == 0
    assert diff.html == "<p>First. Second.</p>\n"


SCRIPTED = (
    "Read this <script>alert(document.cookie)</script> and "
    "[javascript:alert(1)](javascript:alert(1)) "
    'or <a href="javascript:alert(2)">click</a> or <img src=x onerror="alert(3)"> '
    "or [ok](JaVaScRiPt:alert(4))."
)


@pytest.mark.parametrize(
    ("old", "new"),
    [("Read this.", SCRIPTED), (SCRIPTED, "Read this."), (SCRIPTED, SCRIPTED + " More.")],
)
def test_script_and_javascript_links_in_content_stay_inert_text(old, new):
    diff = rendered_diff_html(old, new).html

    assert "<script" not in diff.lower()
    assert "<img" not in diff.lower()
    assert not re.search(r"href=\"\s*javascript:", diff, re.I)
    assert not re.search(r"<[^>]+\son\w+=", diff, re.I)
    assert "&lt;script&gt;alert(document.cookie)&lt;/script&gt;" in diff
    assert "[javascript:alert(1)](javascript:alert(1))" in diff
    assert Structure().check(diff) == []
