"""The catalogue, out: JSON (lossless, for moving a catalogue between systems) and CSV
(each article's current state, for a spreadsheet).

The JSON export is a document of this shape, keys sorted and indented by two spaces,
exactly as `json.dumps(document, sort_keys=True, indent=2)` writes it, plus a final
newline:

    {
      "articles": [ … one per article, by number … ],
      "format": "stet-catalogue",
      "people": [ {"username", "first_name", "last_name"} … everyone named below ],
      "reviewers": [ {"key", "credit_name", "credentials", "title", "department",
                      "institution", "specialties"} … profiles credited by articles ],
      "specialties": [ {"name", "slug", "review_interval_months"} … all ],
      "topics": [ {"name", "slug"} … all ],
      "version": 1
    }

An article: number, slug, title, specialty (slug), topics (slugs), status, review_date,
updated_on, review_interval_months, reviewed_by (a reviewer key), updated_by (the credit
as printed), also_reviewed_by ([{"name", "role"}]), created_at, retired_at,
live_revision (a revision number), revisions (every published one, in order: number,
title, summary, kind, change_summary, author, created_at, published_at, sections
[{"heading", "body"}], references [{"citation", "url", "accessed_on", "pubmed_id",
"doi"}], submission: null or {"submitted_at", "submitted_by", "sign_offs": [{"step",
"signer_name", "signer_credit", "signed_by", "decided_at", "attestation", "comment",
"reviewed_whole_page", "specialty_override_reason"}]}), and review_cycles (due_on,
origin, reason, state, outcome, opened_at, opened_by, assignee, assigned_at,
unassigned_reason, revision, attestation, signer_credit, closed_at, closed_by).

What makes the round trip (export → import into an empty database → export) give the
same bytes:
- no database ids: things are named by what identifies them to people (article number,
  revision number, slug, username, reviewer credit name);
- nothing volatile: no export time, no derived values (next_review_due follows from the
  Review Date, interval and policy wherever the file is imported);
- a stable order everywhere (by number, slug, username, key; cycles by opening time);
- moments in UTC (ISO 8601), days as YYYY-MM-DD;
- only what the import restores. Work in progress (drafts, revisions in review) and
  people's accounts, licences and conflicts of interest are not part of the catalogue:
  a never-published article travels as its identity only, and a review cycle that a
  draft is answering is written as open (its draft does not travel).
"""

import datetime
import json
from collections.abc import Iterator

from django.conf import settings
from django.urls import reverse

from core.csv_stream import csv_lines
from encyclopedia.models import Article, Revision
from reviews.models import ReviewCycle
from transfer import selectors
from transfer.services.catalogue import FORMAT, VERSION

CSV_COLUMNS = [
    "number",
    "title",
    "url",
    "status",
    "specialty",
    "topics",
    "live_version",
    "review_date",
    "last_updated",
    "review_interval_months",
    "next_review_due",
    "updated_by",
    "also_reviewed_by",
    "open_review_due",
    "open_review_assignee",
]


# --- JSON ---------------------------------------------------------------------------------


def catalogue_json_chunks(*, since: datetime.date | None = None) -> Iterator[str]:
    """The JSON export, a piece at a time (one article per piece), for streaming."""
    reviewers = selectors.reviewer_entries()
    usernames: set[str] = set()
    credited: set[int] = set()

    yield '{\n  "articles": ['
    first = True
    articles = selectors.article_list_for_catalogue(since=since)
    for article in articles.iterator(chunk_size=selectors.EXPORT_CHUNK_SIZE):
        entry = _article(article, reviewers, usernames, credited)
        yield ("\n" if first else ",\n") + _indented(_dumps(entry), "    ")
        first = False
    yield "]" if first else "\n  ]"

    rest = {
        "format": FORMAT,
        "people": [
            {"username": u.username, "first_name": u.first_name, "last_name": u.last_name}
            for u in selectors.people_for_export(usernames=usernames)
        ],
        "reviewers": sorted(
            (_reviewer(reviewers[pk]) for pk in credited), key=lambda entry: entry["key"]
        ),
        "specialties": [
            {
                "name": specialty.name,
                "slug": specialty.slug,
                "review_interval_months": _interval(specialty),
            }
            for specialty in selectors.specialty_list_for_export()
        ],
        "topics": [
            {"name": topic.name, "slug": topic.slug} for topic in selectors.topic_list_for_export()
        ],
        "version": VERSION,
    }
    for key in sorted(rest):
        yield f',\n  "{key}": ' + _indented(_dumps(rest[key]), "  ", first_line=False)
    yield "\n}\n"


def catalogue_json(*, since: datetime.date | None = None) -> str:
    return "".join(catalogue_json_chunks(since=since))


def _dumps(value) -> str:
    return json.dumps(value, sort_keys=True, indent=2)


def _indented(text: str, prefix: str, *, first_line: bool = True) -> str:
    lines = text.split("\n")
    return "\n".join(
        line if index == 0 and not first_line else prefix + line for index, line in enumerate(lines)
    )


def _article(article: Article, reviewers: dict, usernames: set[str], credited: set[int]) -> dict:
    revisions = article.published_revisions  # type: ignore[attr-defined]  # set by the selector's Prefetch/annotate
    numbers = {revision.pk: revision.number for revision in revisions}
    if article.reviewed_by_id is not None:
        credited.add(article.reviewed_by_id)
    return {
        "number": article.number,
        "slug": article.slug,
        "title": article.title,
        "specialty": article.specialty.slug,
        "topics": [topic.slug for topic in article.topics.all()],
        "status": article.status,
        "review_date": _day(article.last_reviewed_on),
        "updated_on": _day(article.last_updated_on),
        "review_interval_months": article.review_interval_months,
        "reviewed_by": reviewers[article.reviewed_by_id].key if article.reviewed_by_id else None,
        "updated_by": article.reviewed_by_credit,
        "also_reviewed_by": [
            {"name": str(credit.get("name", "")), "role": str(credit.get("role", ""))}
            for credit in (article.also_reviewed_by or [])
            if isinstance(credit, dict)
        ],
        "created_at": _moment(article.created_at),
        "retired_at": _moment(article.retired_at),
        "live_revision": numbers.get(article.live_revision_id),
        "revisions": [_revision(revision, usernames) for revision in revisions],
        "review_cycles": [_cycle(cycle, usernames) for cycle in article.cycles_in_order],  # type: ignore[attr-defined]  # set by the selector's Prefetch/annotate
    }


def _revision(revision: Revision, usernames: set[str]) -> dict:
    submission = revision.published_submissions[0] if revision.published_submissions else None  # type: ignore[attr-defined]  # set by the selector's Prefetch/annotate
    return {
        "number": revision.number,
        "title": revision.title,
        "summary": revision.summary,
        "kind": revision.kind,
        "change_summary": revision.change_summary,
        "author": _username(revision.author, usernames),
        "created_at": _moment(revision.created_at),
        "published_at": _moment(revision.published_at),
        "sections": [
            {"heading": section.heading, "body": section.body}
            for section in revision.sections.all()
        ],
        "references": [
            {
                "citation": reference.citation,
                "url": reference.url,
                "accessed_on": _day(reference.accessed_on),
                "pubmed_id": reference.pubmed_id,
                "doi": reference.doi,
            }
            for reference in revision.references.all()
        ],
        "submission": None
        if submission is None
        else {
            "submitted_at": _moment(submission.submitted_at),
            "submitted_by": _username(submission.submitted_by, usernames),
            "sign_offs": [
                {
                    "step": approval.step,
                    "signer_name": approval.signer_name,
                    "signer_credit": approval.signer_credit,
                    "signed_by": _username(approval.decided_by, usernames),
                    "decided_at": _moment(approval.decided_at),
                    "attestation": approval.attestation,
                    "comment": approval.comment,
                    "reviewed_whole_page": approval.reviewed_whole_page,
                    "specialty_override_reason": approval.specialty_override_reason,
                }
                for approval in submission.sign_offs
            ],
        },
    }


def _cycle(cycle: ReviewCycle, usernames: set[str]) -> dict:
    published = cycle.revision_state == Revision.State.PUBLISHED  # type: ignore[attr-defined]  # set by the selector's Prefetch/annotate
    state = cycle.state
    if state == ReviewCycle.State.IN_PROGRESS and not published:
        # The draft answering it is work in progress and does not travel.
        state = ReviewCycle.State.OPEN
    return {
        "due_on": _day(cycle.due_on),
        "origin": cycle.origin,
        "reason": cycle.reason,
        "state": state,
        "outcome": cycle.outcome,
        "opened_at": _moment(cycle.opened_at),
        "opened_by": _username(cycle.opened_by, usernames),
        "assignee": _username(cycle.assignee, usernames),
        "assigned_at": _moment(cycle.assigned_at),
        "unassigned_reason": cycle.unassigned_reason,
        "revision": cycle.revision_number if published else None,  # type: ignore[attr-defined]  # set by the selector's Prefetch/annotate
        "attestation": cycle.attestation,
        "signer_credit": cycle.signer_credit,
        "closed_at": _moment(cycle.closed_at),
        "closed_by": _username(cycle.closed_by, usernames),
    }


def _reviewer(entry: selectors.ReviewerEntry) -> dict:
    return {
        "key": entry.key,
        "credit_name": entry.credit_name,
        "credentials": entry.credentials,
        "title": entry.title,
        "department": entry.department,
        "institution": entry.institution,
        "specialties": entry.specialties,
    }


def _interval(specialty) -> int | None:
    interval = getattr(specialty, "review_interval", None)
    return interval.interval_months if interval else None


def _username(user, usernames: set[str]) -> str | None:
    if user is None:
        return None
    usernames.add(user.username)
    return user.username


def _moment(moment: datetime.datetime | None) -> str | None:
    return moment.astimezone(datetime.UTC).isoformat() if moment else None


def _day(day: datetime.date | None) -> str | None:
    return day.isoformat() if day else None


# --- CSV ----------------------------------------------------------------------------------


def catalogue_csv_chunks(*, since: datetime.date | None = None) -> Iterator[str]:
    """The CSV export, one line at a time: a header, then one row per article."""
    return csv_lines(_catalogue_rows(since=since))


def _catalogue_rows(*, since: datetime.date | None) -> Iterator[tuple]:
    site = settings.STET["SITE_URL"]
    yield tuple(CSV_COLUMNS)
    articles = selectors.article_list_for_csv(since=since)
    for article in articles.iterator(chunk_size=selectors.EXPORT_CHUNK_SIZE):
        yield (
            article.number,
            article.title,
            site + reverse("encyclopedia:article", args=[article.number]),
            article.status,
            article.specialty.name,
            "; ".join(topic.name for topic in article.topics.all()),
            article.live_version or "",  # type: ignore[attr-defined]  # set by the selector's Prefetch/annotate
            _day(article.last_reviewed_on) or "",
            _day(article.last_updated_on) or "",
            article.review_interval_months or "",
            _day(article.next_review_due) or "",
            article.reviewed_by_credit,
            "; ".join(
                f"{credit.get('name', '')} ({credit.get('role', '')})"
                for credit in article.also_reviewed_by or []
                if isinstance(credit, dict)
            ),
            _day(article.open_review_due) or "",  # type: ignore[attr-defined]  # set by the selector's Prefetch/annotate
            article.open_review_assignee or "",  # type: ignore[attr-defined]  # set by the selector's Prefetch/annotate
        )
