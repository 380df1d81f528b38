"""Admin for the review process. Workflow rows change only through the services (the
pages and the API), so here they are read-only, with their history."""

from django.contrib import admin

from core.admin import ReadOnlyAdmin, TrackedAdmin
from reviews.models import (
    Approval,
    AuditEvent,
    ChainStep,
    Comment,
    FeedbackReply,
    Notification,
    ReaderFeedback,
    ReminderSent,
    ReviewCycle,
    Signature,
    Submission,
)


class ReadOnlyTrackedAdmin(ReadOnlyAdmin, TrackedAdmin):
    pass


class ApprovalInline(admin.TabularInline):
    model = Approval
    extra = 0
    fields = ["position", "step", "assignee", "decision", "decided_by", "decided_at", "comment"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ChainStep)
class ChainStepAdmin(ReadOnlyTrackedAdmin):
    list_display = ["kind", "position", "step"]
    list_filter = ["kind"]


@admin.register(Submission)
class SubmissionAdmin(ReadOnlyTrackedAdmin):
    list_display = ["__str__", "kind", "state", "submitted_by", "submitted_at"]
    list_filter = ["state", "kind"]
    search_fields = ["revision__article__number", "revision__title"]
    list_select_related = ["revision", "revision__article", "submitted_by"]
    inlines = [ApprovalInline]


@admin.register(Approval)
class ApprovalAdmin(ReadOnlyTrackedAdmin):
    list_display = ["__str__", "decision", "assignee", "decided_by", "decided_at"]
    list_filter = ["step", "decision"]
    list_select_related = ["submission__revision", "assignee", "decided_by"]


@admin.register(ReviewCycle)
class ReviewCycleAdmin(ReadOnlyTrackedAdmin):
    list_display = ["article", "due_on", "origin", "state", "assignee", "outcome", "closed_at"]
    list_filter = ["state", "origin", "outcome"]
    search_fields = ["article__number", "article__title"]
    list_select_related = ["article", "assignee"]
    date_hierarchy = "due_on"


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = ["at", "actor", "action", "article", "revision", "from_state", "to_state"]
    list_filter = ["action"]
    search_fields = ["article__number", "note"]
    list_select_related = ["actor", "article", "revision"]
    date_hierarchy = "at"


@admin.register(Comment)
class CommentAdmin(ReadOnlyTrackedAdmin):
    list_display = ["__str__", "revision", "section_heading", "created_at", "resolved_at"]
    list_select_related = ["author", "revision"]


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "recipient", "created_at", "email"]
    list_select_related = ["recipient", "event", "email"]


@admin.register(ReminderSent)
class ReminderSentAdmin(ReadOnlyAdmin):
    list_display = ["cycle", "recipient", "kind", "sent_on", "email"]
    list_filter = ["kind"]
    list_select_related = ["cycle__article", "recipient", "email"]


@admin.register(Signature)
class SignatureAdmin(ReadOnlyAdmin):
    """Electronic signatures, as given: never changed (manage.py verify_signatures
    checks them against the live pages)."""

    list_display = ["signed_at", "signer", "revision", "method", "content_sha256"]
    list_select_related = ["signer", "revision__article"]
    date_hierarchy = "signed_at"


# Readers' reports are triaged on the director's feedback pages, where the response
# time is recorded; here they are only read.
@admin.register(ReaderFeedback)
class ReaderFeedbackAdmin(ReadOnlyTrackedAdmin):
    list_display = ["article", "state", "submitted_at", "first_response_at"]
    list_filter = ["state"]
    list_select_related = ["article"]
    date_hierarchy = "submitted_at"


@admin.register(FeedbackReply)
class FeedbackReplyAdmin(ReadOnlyAdmin):
    list_display = ["feedback", "author", "sent_at"]
    list_select_related = ["feedback__article", "author"]
