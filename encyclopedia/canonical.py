"""A revision's content in one canonical form, and its SHA-256: what a signature covers.

Title, summary, every section (heading and body) and every reference (citation, URL,
accessed date, PubMed id, DOI), in order, as compact JSON with sorted keys. The same
content gives the same hash on any database and any day; one changed character gives
another.
"""

import hashlib
import json

from encyclopedia.models import Revision
from encyclopedia.services import revision_content


def revision_canonical(revision: Revision) -> str:
    sections, references = revision_content(revision)
    document = {
        "title": revision.title,
        "summary": revision.summary,
        "sections": [{"heading": s.heading, "body": s.body} for s in sections],
        "references": [
            {
                "citation": r.citation,
                "url": r.url,
                "accessed_on": r.accessed_on.isoformat() if r.accessed_on else None,
                "pubmed_id": r.pubmed_id,
                "doi": r.doi,
            }
            for r in references
        ],
    }
    return json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def revision_sha256(revision: Revision) -> str:
    return hashlib.sha256(revision_canonical(revision).encode("utf-8")).hexdigest()
