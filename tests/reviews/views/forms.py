"""Builds the POST data of the draft editor, as a browser would send it."""

from encyclopedia.models import Revision


def draft_post_data(revision: Revision, *, sections=None, references=None, **changes) -> dict:
    """The edit form of `revision` as loaded, with `changes` applied.

    `sections` / `references` replace the rows: lists of dicts (a dict may carry
    "DELETE": "on" or "ORDER": n).
    """
    if sections is None:
        sections = [{"heading": s.heading, "body": s.body} for s in revision.sections.all()]
    if references is None:
        references = [
            {
                "citation": r.citation,
                "url": r.url,
                "accessed_on": r.accessed_on.isoformat() if r.accessed_on else "",
                "pubmed_id": r.pubmed_id,
                "doi": r.doi,
            }
            for r in revision.references.all()
        ]
    data = {
        "title": revision.title,
        "summary": revision.summary,
        "edit_version": revision.edit_version,
        **changes,
    }
    for prefix, rows in (("sections", sections), ("references", references)):
        data[f"{prefix}-TOTAL_FORMS"] = len(rows)
        data[f"{prefix}-INITIAL_FORMS"] = len(rows)
        data[f"{prefix}-MIN_NUM_FORMS"] = 0
        data[f"{prefix}-MAX_NUM_FORMS"] = 1000
        for index, row in enumerate(rows):
            for field, value in row.items():
                data[f"{prefix}-{index}-{field}"] = value
    return data
