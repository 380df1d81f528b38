"""Admin for the content. Published revisions are shown read-only: they never change."""

from django.contrib import admin
from django.db import models

from core.admin import ReadOnlyAdmin, TrackedAdmin
from encyclopedia import services
from encyclopedia.models import (
    Article,
    LinkCheck,
    ReadabilityScore,
    Reference,
    Rendering,
    ReviewPolicy,
    Revision,
    SearchEntry,
    Section,
    SpecialtyReviewInterval,
    Topic,
)


@admin.register(ReviewPolicy)
class ReviewPolicyAdmin(TrackedAdmin):
    list_display = ["__str__", "due_soon_days"]

    def has_add_permission(self, request):
        return not ReviewPolicy.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        # Through the service, which reschedules the articles the policy governs.
        services.review_policy_update(user=request.user, **form.cleaned_data)


@admin.register(SpecialtyReviewInterval)
class SpecialtyReviewIntervalAdmin(TrackedAdmin):
    list_display = ["specialty", "interval_months"]

    def save_model(self, request, obj, form, change):
        services.specialty_interval_set(
            user=request.user, specialty=obj.specialty, interval_months=obj.interval_months
        )

    def delete_model(self, request, obj):
        services.specialty_interval_set(
            user=request.user, specialty=obj.specialty, interval_months=None
        )


@admin.register(Topic)
class TopicAdmin(TrackedAdmin):
    list_display = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]
    filter_horizontal = ["conflicted_reviewers"]


@admin.register(Article)
class ArticleAdmin(TrackedAdmin):
    list_display = [
        "number",
        "title",
        "specialty",
        "status",
        "last_reviewed_on",
        "next_review_due",
        "last_updated_on",
    ]
    list_filter = ["status", "specialty"]
    search_fields = ["number", "title"]
    list_select_related = ["specialty"]
    readonly_fields = [
        "next_review_due",
        "live_revision",
        "status",
        "last_updated_on",
        "created_at",
        "retired_at",
    ]
    autocomplete_fields = ["reviewed_by"]
    filter_horizontal = ["topics"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "next_review_due"


# A URL typed without a scheme is read as https (Django 6's default, chosen now).
URL_FIELDS = {models.URLField: {"assume_scheme": "https"}}


class ContentInline(admin.StackedInline):
    extra = 0
    formfield_overrides = URL_FIELDS

    def has_change_permission(self, request, obj=None):
        return obj is None or not obj.is_published

    has_add_permission = has_change_permission
    has_delete_permission = has_change_permission


class SectionInline(ContentInline):
    model = Section


class ReferenceInline(ContentInline):
    model = Reference


@admin.register(Revision)
class RevisionAdmin(TrackedAdmin):
    list_display = ["__str__", "article", "state", "kind", "author", "updated_at"]
    list_filter = ["state", "kind"]
    search_fields = ["title", "article__number"]
    list_select_related = ["article", "author"]
    raw_id_fields = ["article", "based_on", "copied_from"]
    readonly_fields = ["state", "edit_version", "published_at", "created_at", "updated_at"]
    inlines = [SectionInline, ReferenceInline]

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_published:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_published:
            return False
        return super().has_delete_permission(request, obj)


@admin.register(Section)
class SectionAdmin(TrackedAdmin):
    list_display = ["heading", "revision", "position"]
    raw_id_fields = ["revision"]

    def has_change_permission(self, request, obj=None):
        return (obj is None or not obj.revision.is_published) and super().has_change_permission(
            request, obj
        )

    has_delete_permission = has_change_permission


@admin.register(Reference)
class ReferenceAdmin(SectionAdmin):
    formfield_overrides = URL_FIELDS
    list_display = ["__str__", "revision", "doi", "pubmed_id"]
    search_fields = ["citation", "doi", "pubmed_id", "url"]


# Made from a published revision by publishing (page_content, search): shown, not edited.
@admin.register(Rendering)
class RenderingAdmin(ReadOnlyAdmin):
    list_display = ["revision", "renderer", "rendered_at"]
    list_select_related = ["revision"]


@admin.register(SearchEntry)
class SearchEntryAdmin(ReadOnlyAdmin):
    list_display = ["title", "article"]
    list_select_related = ["article"]
    search_fields = ["title", "article__number"]
    exclude = ["document"]


# Scored when a revision is saved: shown beside the text, never typed in.
@admin.register(ReadabilityScore)
class ReadabilityScoreAdmin(ReadOnlyAdmin):
    list_display = ["revision", "measure", "value", "tool", "tool_version", "scored_at"]
    list_filter = ["measure"]
    list_select_related = ["revision"]


# Written by the weekly link check: what each reference address answered.
@admin.register(LinkCheck)
class LinkCheckAdmin(ReadOnlyAdmin):
    list_display = ["url", "outcome", "status_code", "checked_at", "broken_since"]
    list_filter = ["outcome"]
    search_fields = ["url"]
    date_hierarchy = "checked_at"
