from django.contrib import admin
from django.core.exceptions import PermissionDenied
from simple_history.admin import SimpleHistoryAdmin

from core.history import track
from core.models import JobRun, OutgoingCall, OutgoingEmail
from core.outbox import outbox_requeue


class TrackedAdmin(SimpleHistoryAdmin):
    """Admin for a history-tracked model: every save records who and why."""

    def save_model(self, request, obj, form, change):
        fields = ", ".join(form.changed_data) or "nothing"
        track(
            obj,
            user=request.user,
            reason=f"Admin: changed {fields}" if change else "Admin: created",
        )
        super().save_model(request, obj, form, change)

    def delete_model(self, request, obj):
        track(obj, user=request.user, reason="Admin: deleted")
        super().delete_model(request, obj)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # simple-history's page saves a POST even when reverting is disabled, and its
        # revert restores one row without its children. Old versions are read here;
        # content is restored by starting a draft from an earlier version, through review.
        if request.method == "POST":
            raise PermissionDenied("Old versions are read-only here.")
        return super().history_form_view(request, object_id, version_id, extra_context)


@admin.register(JobRun)
class JobRunAdmin(admin.ModelAdmin):
    list_display = ["job", "started_at", "finished_at", "succeeded"]
    list_filter = ["job", "succeeded"]
    readonly_fields = ["job", "started_at", "finished_at", "succeeded", "summary", "error"]

    def has_add_permission(self, request):
        return False


class ReadOnlyAdmin(admin.ModelAdmin):
    """Admin for rows only the services write (workflow records, derived rows, the
    outbox): shown, never added, changed or deleted here."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class DeliveryAdmin(ReadOnlyAdmin):
    """The outbox's rows. Written by the services and delivered by the outbox's sender;
    what an administrator does here is queue again one that failed for good or was left
    mid-send by a process that died (it may or may not have reached the other side)."""

    list_filter = ["status"]
    date_hierarchy = "created_at"
    actions = ["deliver_again"]

    @admin.action(description="Queue again (failed or stuck)")
    def deliver_again(self, request, queryset):
        ids = list(queryset.values_list("pk", flat=True))
        count = outbox_requeue(ids=ids, model=self.model)
        # Only failed or stuck rows go again: a sent one is never sent twice.
        self.message_user(request, f"{count} of the {len(ids)} ticked queued to go again.")


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(DeliveryAdmin):
    list_display = ["subject", "to", "status", "attempts", "created_at", "sent_at"]
    search_fields = ["to", "subject"]


@admin.register(OutgoingCall)
class OutgoingCallAdmin(DeliveryAdmin):
    """Calls to another system (a CDN's purge hook)."""

    list_display = ["url", "status", "attempts", "created_at", "sent_at"]
