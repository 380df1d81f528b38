"""Articles made through the services, so tests start from states the app can reach."""

import datetime

from django.utils import timezone

from accounts.models import ReviewerProfile, Specialty, User
from encyclopedia import services
from encyclopedia.models import Article, Topic
from encyclopedia.services import Credit, ReferenceInput, ReviewRecord, SectionInput
from tests.accounts.factories import SpecialtyFactory, UserFactory

DEFAULT_SECTIONS = [
    SectionInput("Causes", "A fast, irregular heartbeat starts in the upper chambers."),
    SectionInput("Treatment", "Medicines slow the heart rate; **anticoagulants** prevent clots."),
]
DEFAULT_REFERENCES = [
    ReferenceInput(
        citation="Marlow JT, Osei A. Extended-interval dosing. J Demo Clin Med. 2021;14:211-9.",
        url="https://doi.org/10.5555/stet.demo.2021.0142",
        accessed_on=datetime.date(2024, 7, 1),
        doi="10.5555/stet.demo.2021.0142",
    ),
    ReferenceInput(
        citation="Demo Heart Society. Rhythm guideline. 2023.", url="https://example.org/"
    ),
]
VORVICK = "Linda J. Vorvick, MD, Clinical Associate Professor"
DEFAULT_ALSO_REVIEWED_BY = (
    Credit("David C. Dugdale, MD", "Medical Director"),
    Credit("Brenda Conaway", "Editorial Director"),
)


def draft_article(
    *,
    title: str = "Atrial fibrillation",
    specialty: Specialty | None = None,
    author: User | None = None,
    topics: list[Topic] | None = None,
    sections=DEFAULT_SECTIONS,
    references=DEFAULT_REFERENCES,
    **kwargs,
) -> Article:
    return services.article_insert(
        title=title,
        specialty=specialty or SpecialtyFactory(name="Cardiology"),
        author=author or UserFactory(username="maria"),
        summary=kwargs.pop("summary", f"{title} explained for patients."),
        topics=topics or [],
        sections=sections,
        references=references,
        **kwargs,
    )


def published_article(
    *,
    reviewed_on: datetime.date | None = datetime.date(2024, 7, 23),
    reviewer: ReviewerProfile | None = None,
    also_reviewed_by=DEFAULT_ALSO_REVIEWED_BY,
    published_at: datetime.datetime | None = None,
    **kwargs,
) -> Article:
    """A published article whose v1 is live, reviewed on `reviewed_on` (None: never reviewed)."""
    article = draft_article(**kwargs)
    revision = article.revisions.get()
    if published_at is None and reviewed_on is not None:
        published_at = timezone.make_aware(
            datetime.datetime.combine(reviewed_on, datetime.time(12))
        )
    return services.article_publish_revision(
        revision=revision,
        user=revision.author,
        published_at=published_at or timezone.now(),
        review=ReviewRecord(
            reviewed_on=reviewed_on,
            reviewer=reviewer,
            reviewer_credit="" if reviewer else VORVICK,
            also_reviewed_by=also_reviewed_by,
        )
        if reviewed_on
        else None,
        reason="Published for a test",
    )


def sections_of(count: int) -> list[SectionInput]:
    """`count` numbered sections, in order: "Section 1", "Section 2"…"""
    return [SectionInput(f"Section {n}", f"Body of section {n}.") for n in range(1, count + 1)]


def edited_draft(
    article: Article,
    *,
    editor: User,
    title: str | None = None,
    summary: str | None = None,
    sections=None,
    references=None,
):
    """A new draft of a published article, saved once by `editor` with the given changes."""
    draft = services.revision_copy_to_draft(article=article, author=editor)
    current_sections, current_references = services.revision_content(draft)
    return services.revision_save_draft(
        revision=draft,
        editor=editor,
        expected_version=draft.edit_version,
        title=draft.title if title is None else title,
        summary=draft.summary if summary is None else summary,
        sections=current_sections if sections is None else sections,
        references=current_references if references is None else references,
    )


def publish(
    revision,
    *,
    reviewed_on: datetime.date | None = None,
    published_at: datetime.datetime | None = None,
) -> Article:
    """Publish a draft as the review workflow would, as a full review when `reviewed_on` is set."""
    return services.article_publish_revision(
        revision=revision,
        user=revision.author,
        published_at=published_at or timezone.now(),
        review=ReviewRecord(
            reviewed_on=reviewed_on,
            reviewer=None,
            reviewer_credit=VORVICK,
            also_reviewed_by=DEFAULT_ALSO_REVIEWED_BY,
        )
        if reviewed_on
        else None,
        reason="Published for a test",
    )


def superuser() -> User:
    return UserFactory(username="admin", is_staff=True, is_superuser=True)


def admin_form_data(response) -> dict:
    """The POST data a browser would send back from an admin change page, unchanged.

    Read from the bound forms of the page (the main form, the inline formsets and their
    management forms), so a test only has to overwrite the fields it changes.
    """
    from django import forms

    context = response.context
    all_forms = [context["adminform"].form]
    for inline in context.get("inline_admin_formsets", []):
        all_forms.append(inline.formset.management_form)
        all_forms.extend(inline.formset.forms)
    data = {}
    for form in all_forms:
        for bound_field in form:
            value = bound_field.field.prepare_value(bound_field.value())
            if isinstance(bound_field.field, forms.BooleanField):
                if value:
                    data[bound_field.html_name] = "on"
                continue
            data[bound_field.html_name] = "" if value is None else value
    data["_save"] = "Save"
    return data
