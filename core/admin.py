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


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(admin.ModelAdmin):
    """The outbox. Rows are written by the services and sent by the outbox's sender; what
    an administrator does here is send again an e-mail that failed for good or was left
    mid-send by a process that died (it may or may not have reached its recipient)."""

    list_display = ["subject", "to", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status"]
    search_fields = ["to", "subject"]
    date_hierarchy = "created_at"
    readonly_fields = [field.name for field in OutgoingEmail._meta.fields]
    actions = ["send_again"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description="Send again (failed or stuck e-mail)")
    def send_again(self, request, queryset):
        count = outbox_requeue(ids=list(queryset.values_list("pk", flat=True)))
        self.message_user(request, f"{count} e-mail(s) queued to be sent again.")


@admin.register(OutgoingCall)
class OutgoingCallAdmin(admin.ModelAdmin):
    """Calls to other systems (a CDN's purge hook) waiting in the outbox, made and sent
    by the services like e-mail; here one that failed for good can be made again."""

    list_display = ["url", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status"]
    date_hierarchy = "created_at"
    readonly_fields = [field.name for field in OutgoingCall._meta.fields]
    actions = ["call_again"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description="Call again (failed or stuck)")
    def call_again(self, request, queryset):
        ids = list(queryset.values_list("pk", flat=True))
        count = outbox_requeue(ids=ids, model=OutgoingCall)
        self.message_user(request, f"{count} call(s) queued to be made again.")
