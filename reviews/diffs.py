"""Word-level comparison of two revisions, section by section, as reviewers read it.

diff-match-patch works on characters; words are mapped to single characters first
(its line-mode trick, applied to word tokens) so the diff never splits a word, then
cleaned up semantically so a rewritten phrase reads as one deletion and one insertion.
"""

import re
from dataclasses import dataclass, field

from diff_match_patch import diff_match_patch
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from encyclopedia.models import Reference, Revision, Section

_TOKENS = re.compile(r"\s+|\w+|[^\w\s]")


def _diff_words(old: str, new: str) -> list[tuple[int, str]]:
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 2.0
    vocabulary: dict[str, str] = {}
    tokens: list[str] = [""]  # index 0 is unused, as in diff_linesToChars

    def encode(text: str) -> str:
        chars = []
        for token in _TOKENS.findall(text):
            if token not in vocabulary:
                tokens.append(token)
                vocabulary[token] = chr(len(tokens) - 1)
            chars.append(vocabulary[token])
        return "".join(chars)

    diffs = dmp.diff_main(encode(old), encode(new), False)
    # Clean up while each character still stands for a whole word, so that the clean-up
    # can never cut a word in two; then turn the characters back into words.
    dmp.diff_cleanupSemantic(diffs)
    dmp.diff_charsToLines(diffs, tokens)
    return diffs


def word_diff_html(old: str, new: str) -> SafeString:
    """`new` against `old`, with insertions in <ins> and deletions in <del>."""
    parts = []
    for op, text in _diff_words(old or "", new or ""):
        if op == diff_match_patch.DIFF_INSERT:
            parts.append(f"<ins>{escape(text)}</ins>")
        elif op == diff_match_patch.DIFF_DELETE:
            parts.append(f"<del>{escape(text)}</del>")
        else:
            parts.append(escape(text))
    return mark_safe("".join(parts))


@dataclass
class SectionChange:
    status: str  # added, removed, changed, unchanged
    heading: str
    old_heading: str = ""
    diff: SafeString = field(default_factory=lambda: mark_safe(""))
    section: Section | None = None

    @property
    def heading_changed(self) -> bool:
        return bool(self.old_heading) and self.old_heading != self.heading


@dataclass
class ReferenceChange:
    status: str  # added, removed, changed, unchanged
    reference: Reference
    changed_fields: list[str] = field(default_factory=list)


@dataclass
class Comparison:
    old: Revision | None
    new: Revision
    title_diff: SafeString
    summary_diff: SafeString
    sections: list[SectionChange]
    references: list[ReferenceChange]

    @property
    def has_changes(self) -> bool:
        return (
            "<ins>" in self.title_diff
            or "<del>" in self.title_diff
            or "<ins>" in self.summary_diff
            or "<del>" in self.summary_diff
            or any(change.status != "unchanged" for change in self.sections)
            or any(change.status != "unchanged" for change in self.references)
        )


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
    sections = [_section_change(before, after) for before, after in section_pairs]
    references = []
    for before, after in pair_by_key(old_references, list(new.references.all()), reference_key):
        if before is None:
            references.append(ReferenceChange("added", after))
        elif after is None:
            references.append(ReferenceChange("removed", before))
        else:
            changed = [f for f in REFERENCE_FIELDS if getattr(before, f) != getattr(after, f)]
            references.append(
                ReferenceChange("changed" if changed else "unchanged", after, changed)
            )
    return Comparison(
        old=old,
        new=new,
        title_diff=word_diff_html(old.title if old else "", new.title),
        summary_diff=word_diff_html(old.summary if old else "", new.summary),
        sections=sections,
        references=references,
    )


def _section_change(before: Section | None, after: Section | None) -> SectionChange:
    if before is None:
        assert after is not None, "a pair has at least one side"
        return SectionChange(
            "added", after.heading, diff=word_diff_html("", after.body), section=after
        )
    if after is None:
        return SectionChange(
            "removed", before.heading, diff=word_diff_html(before.body, ""), section=before
        )
    status = "unchanged" if before.body == after.body else "changed"
    return SectionChange(
        status,
        after.heading,
        old_heading=before.heading,
        diff=word_diff_html(before.body, after.body),
        section=after,
    )
