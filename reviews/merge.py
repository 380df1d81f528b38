"""Rebasing a draft onto a newer live revision: a three-way merge of its content.

For each piece of text, the draft's changes (old live → draft) are replayed onto the
new live text with diff-match-patch's patches. Where both sides changed the same
words and the patches do not apply, the draft's text is kept and the section is
reported as a conflict for the editor to resolve by hand.
"""

from dataclasses import dataclass, field

from diff_match_patch import diff_match_patch

from encyclopedia.services import ReferenceInput, SectionInput
from reviews.diffs import heading_key, reference_key


@dataclass
class MergeResult:
    title: str
    summary: str
    sections: list[SectionInput]
    references: list[ReferenceInput]
    conflicts: list[str] = field(default_factory=list)


def merge_text(base: str, ours: str, theirs: str) -> tuple[str, bool]:
    """(merged text, whether it conflicted). `ours` is the draft, `theirs` the new live."""
    if ours in (base, theirs):
        return theirs, False
    if theirs == base:
        return ours, False
    dmp = diff_match_patch()
    # Each change is replayed only where its surrounding text appears exactly (anywhere
    # in the section): a fuzzy match could splice it into the wrong sentence of
    # medical text, and then it is better reported as a conflict.
    dmp.Match_Threshold = 1e-6
    dmp.Match_Distance = 10**9
    merged, applied = dmp.patch_apply(dmp.patch_make(base, ours), theirs)
    if all(applied):
        return merged, False
    return ours, True


def merge_content(
    *,
    base: tuple[str, str, list[SectionInput], list[ReferenceInput]],
    ours: tuple[str, str, list[SectionInput], list[ReferenceInput]],
    theirs: tuple[str, str, list[SectionInput], list[ReferenceInput]],
) -> MergeResult:
    """Each argument is (title, summary, sections, references)."""
    conflicts: list[str] = []
    title, conflicted = merge_text(base[0], ours[0], theirs[0])
    if conflicted:
        conflicts.append("Title")
    summary, conflicted = merge_text(base[1], ours[1], theirs[1])
    if conflicted:
        conflicts.append("Summary")
    sections = _merge_sections(base[2], ours[2], theirs[2], conflicts)
    references = _merge_references(base[3], ours[3], theirs[3])
    return MergeResult(title, summary, sections, references, conflicts)


def _merge_sections(base, ours, theirs, conflicts: list[str]) -> list[SectionInput]:
    base_by = {heading_key(s.heading): s for s in base}
    theirs_by = {heading_key(s.heading): s for s in theirs}
    ours_keys = {heading_key(s.heading) for s in ours}
    merged: list[SectionInput] = []
    for section in ours:
        key = heading_key(section.heading)
        old, new = base_by.get(key), theirs_by.get(key)
        if old is None:
            merged.append(section)  # the draft added it
        elif new is None:
            # The live page dropped a section the draft still has.
            if section.body != old.body:
                merged.append(section)
                conflicts.append(section.heading)
        else:
            body, conflicted = merge_text(old.body, section.body, new.body)
            merged.append(SectionInput(section.heading, body))
            if conflicted:
                conflicts.append(section.heading)
    for position, section in enumerate(theirs):
        key = heading_key(section.heading)
        if key in ours_keys:
            continue
        old = base_by.get(key)
        if old is None:
            # Added on the live page since the draft began: keep it where it stands there.
            merged.insert(min(position, len(merged)), section)
        elif section.body != old.body:
            # The draft removed a section the live page has since changed.
            merged.insert(min(position, len(merged)), section)
            conflicts.append(section.heading)
    return merged


def _merge_references(base, ours, theirs) -> list[ReferenceInput]:
    """The draft's list, with each reference merged three ways by the work it cites:
    references added or corrected on the live page come in, those it removed go (unless
    the draft changed them), and the draft's own additions and corrections stay."""
    base_by = {reference_key(r): r for r in base}
    theirs_by = {reference_key(r): r for r in theirs}
    ours_keys = {reference_key(r) for r in ours}
    merged = []
    for reference in ours:
        key = reference_key(reference)
        old, new = base_by.get(key), theirs_by.get(key)
        if old is None:
            merged.append(reference)  # the draft added it
        elif new is None:
            if reference != old:
                merged.append(reference)  # removed live, but the draft corrected it
        else:
            merged.append(new if reference == old else reference)
    merged += [r for key, r in theirs_by.items() if key not in base_by and key not in ours_keys]
    return merged
