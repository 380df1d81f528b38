"""Word-level comparison of two revisions, section by section, as reviewers read it.

diff-match-patch works on characters; words are mapped to single characters first
(its line-mode trick, applied to word tokens) so the diff never splits a word, then
cleaned up semantically so a rewritten phrase reads as one deletion and one insertion.

Two diffs of a body are offered: of its Markdown source, and of the page as the reader
will see it (`rendered_diff_html`), where the sanitised HTML of both versions is
compared word by word with its tags as tokens of their own, so that <ins> and <del>
only ever wrap text and the markup of the newer version stays whole.
"""

import re
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from html.parser import HTMLParser
from typing import TypeVar

import nh3
from diff_match_patch import diff_match_patch
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from encyclopedia.models import Reference, Revision, Section
from encyclopedia.rendering import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_TAGS,
    ALLOWED_URL_SCHEMES,
    render_markdown,
)

_TOKENS = re.compile(r"\s+|\w+|[^\w\s]")
EQUAL, INSERT, DELETE = (
    diff_match_patch.DIFF_EQUAL,
    diff_match_patch.DIFF_INSERT,
    diff_match_patch.DIFF_DELETE,
)

T = TypeVar("T", bound=Hashable)


def _diff(old: Sequence[T], new: Sequence[T]) -> list[tuple[int, list[T]]]:
    """`new` against `old`, both sequences of tokens, as (operation, tokens) runs."""
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 2.0
    vocabulary: dict[T, str] = {}
    tokens: list[T] = []

    def encode(sequence: Sequence[T]) -> str:
        chars = []
        for token in sequence:
            if token not in vocabulary:
                tokens.append(token)
                vocabulary[token] = chr(len(tokens))
            chars.append(vocabulary[token])
        return "".join(chars)

    diffs = dmp.diff_main(encode(old), encode(new), False)
    # Clean up while each character still stands for a whole token, so that the clean-up
    # can never cut a word (or a tag) in two; then turn the characters back into tokens.
    dmp.diff_cleanupSemantic(diffs)
    return [(op, [tokens[ord(char) - 1] for char in chars]) for op, chars in diffs]


def _diff_words(old: str, new: str) -> list[tuple[int, str]]:
    return [(op, "".join(words)) for op, words in _diff(_TOKENS.findall(old), _TOKENS.findall(new))]


def word_diff_html(old: str, new: str) -> SafeString:
    """`new` against `old`, with insertions in <ins> and deletions in <del>."""
    parts = []
    for op, text in _diff_words(old or "", new or ""):
        if op == INSERT:
            parts.append(f"<ins>{escape(text)}</ins>")
        elif op == DELETE:
            parts.append(f"<del>{escape(text)}</del>")
        else:
            parts.append(escape(text))
    return mark_safe("".join(parts))


# --- The rendered diff ------------------------------------------------------------------

_VOID = {"br", "hr"}
# Formatting a reader sees: a word keeps the formatting (and a link its target) it
# stands in as part of its identity, so that a word made bold, or a link pointed
# elsewhere, reads as changed although its letters are not.
_INLINE = {"strong", "em", "code", "a", "s", "sub", "sup"}
_PHRASING_ONLY = {"p", "h3", "h4", "h5", "h6", "pre"} | _INLINE
_BLOCK = {"p", "ul", "ol", "li", "blockquote", "pre", "table", "thead", "tbody", "tr",
          "th", "td", "h3", "h4", "h5", "h6", "hr"}  # fmt: skip
# Elements that hold only certain children, and what a struck-out text needs around it
# to stand inside them.
_ONLY_CHILDREN = {
    "ul": ({"li"}, ("li",)),
    "ol": ({"li"}, ("li",)),
    "table": ({"thead", "tbody", "tr"}, ("tbody", "tr", "td")),
    "thead": ({"tr"}, ("tr", "td")),
    "tbody": ({"tr"}, ("tr", "td")),
    "tr": ({"td", "th"}, ("td",)),
}
_ONLY_INSIDE = {"li", "thead", "tbody", "tr", "td", "th"}
# The content's own strikethrough is shown as <s>, so that <del> on the page only ever
# means "deleted by this revision".
_RENAMED = {"del": "s"}
_CONTENT_TAGS = (ALLOWED_TAGS - {"del"}) | {"s"}
_DIFF_TAGS = _CONTENT_TAGS | {"ins", "del"}
_DIFF_ATTRIBUTES = {
    **ALLOWED_ATTRIBUTES,
    "ins": {"id", "class"},
    "del": {"id", "class"},
}


@dataclass(frozen=True)
class _Token:
    """A word, a run of spaces, a sign, or a tag of the rendered page."""

    kind: str  # text, start, end, void
    html: str  # as the page shows it: escaped text, or a tag rebuilt from the allow-list
    name: str = ""  # the tag's name
    context: tuple[str, ...] = ()  # the formatting a word stands in
    href: str = ""  # a link's target, on its start tag

    @property
    def is_tag(self) -> bool:
        return self.kind != "text"

    @property
    def blank(self) -> bool:
        return self.kind == "text" and not self.html.strip()


class _Tokenizer(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tokens: list[_Token] = []
        self.inline: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        tag = _RENAMED.get(tag, tag)
        if tag not in _CONTENT_TAGS:
            return
        allowed = ALLOWED_ATTRIBUTES.get(tag, set()) | ({"rel"} if tag == "a" else set())
        kept = [(name, value) for name, value in attrs if name in allowed and value is not None]
        html = f"<{tag}" + "".join(f' {name}="{escape(value)}"' for name, value in kept) + ">"
        if tag in _VOID:
            self.tokens.append(_Token("void", html, tag))
            return
        href = (dict(kept).get("href") or "") if tag == "a" else ""
        self.tokens.append(_Token("start", html, tag, href=href))
        if tag in _INLINE:
            self.inline.append(html)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        tag = _RENAMED.get(tag, tag)
        if tag not in _CONTENT_TAGS or tag in _VOID:
            return
        self.tokens.append(_Token("end", f"</{tag}>", tag))
        if tag in _INLINE and self.inline:
            self.inline.pop()

    def handle_data(self, data: str) -> None:
        context = tuple(self.inline)
        self.tokens.extend(
            _Token("text", escape(word), context=context) for word in _TOKENS.findall(data)
        )


def _tokens(html: str) -> list[_Token]:
    tokenizer = _Tokenizer()
    tokenizer.feed(html)
    tokenizer.close()
    return tokenizer.tokens


def _balanced(tokens: Sequence[_Token]) -> bool:
    """Whether every tag the run opens it also closes, and it closes none it did not open."""
    open_tags: list[str] = []
    for token in tokens:
        if token.kind == "start":
            open_tags.append(token.name)
        elif token.kind == "end":
            if not open_tags or open_tags[-1] != token.name:
                return False
            open_tags.pop()
    return not open_tags


@dataclass
class _Edit:
    deleted: list[_Token]
    inserted: list[_Token]


def _edits(runs: list[tuple[int, list[_Token]]]) -> tuple[list[list[_Token]], list[_Edit]]:
    """The runs as unchanged stretches with one edit between each two: equals[i], then
    edits[i], then equals[i + 1] (a stretch may be empty)."""
    equals: list[list[_Token]] = [[]]
    edits: list[_Edit] = []
    for op, tokens in runs:
        if op == EQUAL:
            equals[-1].extend(tokens)
            continue
        if not edits or equals[-1]:
            edits.append(_Edit([], []))
            equals.append([])
        (edits[-1].deleted if op == DELETE else edits[-1].inserted).extend(tokens)
    return equals, edits


_MOVABLE = 4  # how far an edit may be moved along the unchanged text around it


def _settle(equals: list[list[_Token]], edits: list[_Edit]) -> None:
    """Move each edit along the unchanged tokens around it, as far as both versions stay
    the same, until what it deletes is whole elements (a list item, a paragraph, a link).

    The same change can be told several ways (`<li>b</li>` or `b</li><li>` deleted
    between two items); only the whole one can be shown struck out where it was.
    """
    for index, edit in enumerate(edits):
        if not edit.deleted or _balanced(edit.deleted):
            continue
        before, after = equals[index], equals[index + 1]
        if not edit.inserted:
            _slide(edit, before, after)
        else:
            _widen(edit, before, after)


def _slide(edit: _Edit, before: list[_Token], after: list[_Token]) -> None:
    """A deletion alone: the deleted run slides over tokens equal to its own ends."""
    deleted = edit.deleted
    for shift in range(1, min(len(deleted), _MOVABLE) + 1):
        if before[-shift:] == deleted[-shift:] and _balanced(before[-shift:] + deleted[:-shift]):
            after[:0] = deleted[-shift:]
            edit.deleted = before[-shift:] + deleted[:-shift]
            del before[-shift:]
            return
        if after[:shift] == deleted[:shift] and _balanced(deleted[shift:] + after[:shift]):
            before.extend(deleted[:shift])
            edit.deleted = deleted[shift:] + after[:shift]
            del after[:shift]
            return


def _widen(edit: _Edit, before: list[_Token], after: list[_Token]) -> None:
    """A replacement: tags (and spaces) on either side join both of its sides, as if
    deleted and inserted again, until the deleted side closes what it opens."""

    def movable(tokens: list[_Token]) -> bool:
        return all(token.is_tag or token.blank for token in tokens)

    for total in range(1, 2 * _MOVABLE + 1):
        for left in range(max(0, total - _MOVABLE), min(total, _MOVABLE) + 1):
            right = total - left
            if left > len(before) or right > len(after):
                continue
            taken_left, taken_right = before[len(before) - left :], after[:right]
            if not (movable(taken_left) and movable(taken_right)):
                continue
            deleted = taken_left + edit.deleted + taken_right
            if _balanced(deleted):
                edit.deleted = deleted
                edit.inserted = taken_left + edit.inserted + taken_right
                del before[len(before) - left :]
                del after[:right]
                return


def _runs(tokens: Sequence[_Token]) -> list[tuple[bool, list[_Token]]]:
    """The tokens as alternating runs of tags and of text: (is_tag, tokens)."""
    runs: list[tuple[bool, list[_Token]]] = []
    for token in tokens:
        if runs and runs[-1][0] == token.is_tag:
            runs[-1][1].append(token)
        else:
            runs.append((token.is_tag, [token]))
    return runs


def _fits(parent: str, tokens: Sequence[_Token], *, in_link: bool) -> bool:
    """Whether a whole deleted run of elements may stand, struck out, inside `parent`
    ("" for the body itself) in valid HTML."""
    depth, top_tags, top_text = 0, set(), False
    for token in tokens:
        if token.kind in ("start", "void") and depth == 0:
            top_tags.add(token.name)
        elif token.kind == "text" and depth == 0 and not token.blank:
            top_text = True
        depth += {"start": 1, "end": -1}.get(token.kind, 0)
    if in_link and any(token.kind == "start" and token.name == "a" for token in tokens):
        return False
    if parent in _ONLY_CHILDREN:
        return not top_text and top_tags <= _ONLY_CHILDREN[parent][0]
    if parent in _PHRASING_ONLY:
        return not any(token.is_tag and token.name in _BLOCK for token in tokens)
    return not top_tags & _ONLY_INSIDE


def _words(tokens: Sequence[_Token]) -> str:
    """The text of a run whose tags cannot be kept, with a space where a block ended."""
    parts = []
    for token in tokens:
        if not token.is_tag:
            parts.append(token.html)
        elif token.name in _BLOCK or token.name == "br":
            parts.append(" ")
    return " ".join("".join(parts).split())


class _Writer:
    """Writes the newer version's tokens in order, with the changes marked between them."""

    def __init__(self, anchor: str) -> None:
        self.parts: list[str] = []
        self.open: list[str] = []  # the newer version's elements open where we are
        self.links: list[str] = []  # per open link: its target if the link is new, else ""
        self.anchor = anchor
        self.changes = 0
        self.marked = True

    def next_change(self) -> None:
        self.marked = False

    def tag(self, token: _Token, *, inserted: bool = False) -> None:
        self.parts.append(token.html)
        if token.kind == "start":
            self.open.append(token.name)
            if token.name == "a":
                self.links.append(token.href if inserted else "")
        elif token.kind == "end":
            if self.open and self.open[-1] == token.name:
                self.open.pop()
            if token.name == "a" and self.links:
                self.link_target("ins", self.links.pop())

    def link_target(self, mark: str, href: str) -> None:
        # A reader sees where a link goes only by following it; a reviewer is told.
        if href:
            self.parts.append(f'<{mark} class="link-target"> (link to {escape(href)})</{mark}>')

    def text(self, html: str, mark: str = "") -> None:
        if not mark or not html.strip():
            if mark != "del":  # a deleted space between blocks is no change to show
                self.parts.append(html)
            return
        attributes = ""
        if not self.marked:
            # The first mark of each change is where "next change" leads.
            self.marked = True
            self.changes += 1
            attributes = f' id="{self.anchor}-{self.changes}" class="stop"'
        self.parts.append(f"<{mark}{attributes}>{html}</{mark}>")

    def deleted(self, tokens: list[_Token]) -> None:
        parent = self.open[-1] if self.open else ""
        if _balanced(tokens) and _fits(parent, tokens, in_link="a" in self.open):
            links = []
            for is_tag, run in _runs(tokens):
                if not is_tag:
                    self.text("".join(token.html for token in run), "del")
                    continue
                for token in run:
                    self.parts.append(token.html)
                    if token.kind == "start" and token.name == "a":
                        links.append(token.href)
                    elif token.kind == "end" and token.name == "a" and links:
                        self.link_target("del", links.pop())
            return
        # Its tags would break the newer version's structure: strike out its words only,
        # inside whatever element the place requires (a list holds only items).
        holders = _ONLY_CHILDREN[parent][1] if parent in _ONLY_CHILDREN else ()
        words = _words(tokens)
        if words:
            self.parts.extend(f"<{name}>" for name in holders)
            self.text(words, "del")
            self.parts.extend(f"</{name}>" for name in reversed(holders))

    def inserted(self, tokens: list[_Token]) -> None:
        for is_tag, run in _runs(tokens):
            if is_tag:
                for token in run:
                    self.tag(token, inserted=True)
            else:
                self.text("".join(token.html for token in run), "ins")

    def edit(self, edit: _Edit) -> None:
        self.next_change()
        skeleton = [token for token in edit.deleted if token.is_tag]
        if skeleton and skeleton == [token for token in edit.inserted if token.is_tag]:
            # The same elements on both sides: only their words changed, element by element.
            old_texts, new_texts = _texts(edit.deleted), _texts(edit.inserted)
            for position, (old, new) in enumerate(zip(old_texts, new_texts, strict=True)):
                for op, words in _diff(old, new):
                    html = "".join(token.html for token in words)
                    self.text(html, {EQUAL: "", DELETE: "del", INSERT: "ins"}[op])
                if position < len(skeleton):
                    self.tag(skeleton[position])
            return
        if edit.deleted:
            self.deleted(edit.deleted)
        self.inserted(edit.inserted)


def _texts(tokens: Sequence[_Token]) -> list[list[_Token]]:
    """The words before, between and after the tags: one more list than there are tags."""
    texts: list[list[_Token]] = [[]]
    for token in tokens:
        if token.is_tag:
            texts.append([])
        else:
            texts[-1].append(token)
    return texts


@dataclass(frozen=True)
class RenderedDiff:
    html: SafeString
    changes: int  # how many changes are marked (each a place "next change" leads to)


def rendered_diff_html(old: str, new: str, *, anchor: str = "change") -> RenderedDiff:
    """The Markdown `new` against `old`, both rendered as the public page renders them,
    with the words inserted in <ins> and deleted in <del>. The first mark of each change
    has the id `<anchor>-<n>` and the class "stop"."""
    runs = _diff(_tokens(render_markdown(old)), _tokens(render_markdown(new)))
    equals, edits = _edits(runs)
    _settle(equals, edits)
    writer = _Writer(anchor)
    for index, unchanged in enumerate(equals):
        for token in unchanged:
            if token.is_tag:
                writer.tag(token)
            else:
                writer.text(token.html)
        if index < len(edits):
            writer.edit(edits[index])
    # Both versions came out of the sanitiser and every tag above is rebuilt from its
    # allow-list; cleaning the result again costs little and keeps it so whatever this
    # module gets wrong.
    html = nh3.clean(
        "".join(writer.parts),
        tags=_DIFF_TAGS,
        attributes=_DIFF_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )
    return RenderedDiff(mark_safe(html), writer.changes)


@dataclass
class SectionChange:
    status: str  # added, removed, changed, unchanged
    heading: str
    old_heading: str = ""
    diff: SafeString = field(default_factory=lambda: mark_safe(""))
    section: Section | None = None
    old_body: str = ""
    new_body: str = ""
    anchor: str = "change"  # the section's id on the page; its changes' ids start with it
    next_anchor: str = ""  # the next section with a change, for "next change" without script

    @property
    def heading_changed(self) -> bool:
        return bool(self.old_heading) and self.old_heading != self.heading

    @property
    def body_changed(self) -> bool:
        return self.status != "unchanged"

    @property
    def is_quiet(self) -> bool:
        """Nothing a reviewer needs to read: folded away with the other unchanged ones."""
        return self.status == "unchanged" and not self.heading_changed

    @cached_property
    def rendered(self) -> RenderedDiff:
        """The body as the reader will see it, with this revision's changes marked."""
        if self.status == "unchanged":
            return RenderedDiff(render_markdown(self.new_body), 0)
        return rendered_diff_html(self.old_body, self.new_body, anchor=self.anchor)


@dataclass
class SectionRun:
    """Consecutive sections shown together: changed ones each on their own, quiet ones
    folded into one "3 sections unchanged"."""

    quiet: bool
    changes: list[SectionChange]

    @property
    def headings(self) -> str:
        return ", ".join(change.heading for change in self.changes)


@dataclass
class ReferenceChange:
    status: str  # added, removed, changed, unchanged
    reference: Reference
    changed_fields: list[str] = field(default_factory=list)
    previous: Reference | None = None  # the older version of a changed reference

    @property
    def citation_diff(self) -> SafeString:
        if self.status == "added":
            return word_diff_html("", self.reference.citation)
        if self.status == "removed":
            return word_diff_html(self.reference.citation, "")
        if self.previous is not None:
            return word_diff_html(self.previous.citation, self.reference.citation)
        return mark_safe(escape(self.reference.citation))


@dataclass
class Comparison:
    old: Revision | None
    new: Revision
    title_diff: SafeString
    summary_diff: SafeString
    sections: list[SectionChange]
    references: list[ReferenceChange]

    @property
    def title_changed(self) -> bool:
        return "<ins>" in self.title_diff or "<del>" in self.title_diff

    @property
    def summary_changed(self) -> bool:
        return "<ins>" in self.summary_diff or "<del>" in self.summary_diff

    @property
    def has_changes(self) -> bool:
        return (
            self.title_changed
            or self.summary_changed
            or any(change.status != "unchanged" for change in self.sections)
            or any(change.status != "unchanged" for change in self.references)
        )

    @cached_property
    def summary_rendered(self) -> RenderedDiff:
        return rendered_diff_html(
            self.old.summary if self.old else "", self.new.summary, anchor="change-summary"
        )

    @property
    def section_runs(self) -> list[SectionRun]:
        runs: list[SectionRun] = []
        for change in self.sections:
            if runs and runs[-1].quiet and change.is_quiet:
                runs[-1].changes.append(change)
            else:
                runs.append(SectionRun(change.is_quiet, [change]))
        return runs

    @property
    def first_change(self) -> str:
        """Where "next change" leads first (an id on the page), or "" if nothing changed."""
        if self.title_changed:
            return "change-title"
        if self.summary_changed:
            return "change-summary"
        for change in self.sections:
            if not change.is_quiet:
                return change.anchor
        for position, reference in enumerate(self.references, start=1):
            if reference.status != "unchanged":
                return f"reference-change-{position}"
        return ""


def heading_key(heading: str) -> str:
    return " ".join(heading.lower().split())


def reference_key(reference) -> str:
    """What makes two references the same work: DOI, else PMID, else URL, else the text."""
    for value in (reference.doi, reference.pubmed_id, reference.url):
        if value:
            return value.strip().lower()
    return " ".join(reference.citation.lower().split())


def pair_by_key(old_items: list, new_items: list, key) -> list[tuple]:
    """(old, new) pairs in the new order, with removed items at their old place."""
    unmatched: dict[object, list] = {}
    for item in old_items:
        unmatched.setdefault(key(item), []).append(item)
    pairs = []
    for item in new_items:
        candidates = unmatched.get(key(item))
        pairs.append((candidates.pop(0) if candidates else None, item))
    matched = {id(old) for old, _ in pairs if old is not None}
    for index, item in enumerate(old_items):
        if id(item) not in matched:
            pairs.insert(min(index, len(pairs)), (item, None))
    return pairs


REFERENCE_FIELDS = ["citation", "url", "accessed_on", "pubmed_id", "doi"]


def compare_revisions(old: Revision | None, new: Revision) -> Comparison:
    """`new` against `old` (None: everything is new), for the review and history pages."""
    old_sections = list(old.sections.all()) if old else []
    old_references = list(old.references.all()) if old else []
    section_pairs = pair_by_key(
        old_sections, list(new.sections.all()), lambda s: heading_key(s.heading)
    )
    sections = [
        _section_change(before, after, anchor=f"change-{position}")
        for position, (before, after) in enumerate(section_pairs, start=1)
    ]
    following = ""
    for change in reversed(sections):
        change.next_anchor = following
        if not change.is_quiet:
            following = change.anchor
    references = []
    for before, after in pair_by_key(old_references, list(new.references.all()), reference_key):
        if before is None:
            references.append(ReferenceChange("added", after))
        elif after is None:
            references.append(ReferenceChange("removed", before))
        else:
            changed = [f for f in REFERENCE_FIELDS if getattr(before, f) != getattr(after, f)]
            references.append(
                ReferenceChange("changed" if changed else "unchanged", after, changed, before)
            )
    return Comparison(
        old=old,
        new=new,
        title_diff=word_diff_html(old.title if old else "", new.title),
        summary_diff=word_diff_html(old.summary if old else "", new.summary),
        sections=sections,
        references=references,
    )


def _section_change(before: Section | None, after: Section | None, *, anchor: str) -> SectionChange:
    if before is None:
        assert after is not None, "a pair has at least one side"
        return SectionChange(
            "added",
            after.heading,
            diff=word_diff_html("", after.body),
            section=after,
            new_body=after.body,
            anchor=anchor,
        )
    if after is None:
        return SectionChange(
            "removed",
            before.heading,
            diff=word_diff_html(before.body, ""),
            section=before,
            old_body=before.body,
            anchor=anchor,
        )
    status = "unchanged" if before.body == after.body else "changed"
    return SectionChange(
        status,
        after.heading,
        old_heading=before.heading,
        diff=word_diff_html(before.body, after.body),
        section=after,
        old_body=before.body,
        new_body=after.body,
        anchor=anchor,
    )
