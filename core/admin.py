from django.contrib import admin
from django.core.exceptions import PermissionDenied
from simple_history.admin import SimpleHistoryAdmin

from core.models import JobRun


class TrackedAdmin(SimpleHistoryAdmin):
    """Admin for a history-tracked model: every save records who and why."""

    def save_model(self, request, obj, form, change):
        fields = ", ".join(form.changed_data) or "nothing"
        obj._change_reason = f"Admin: changed {fields}" if change else "Admin: created"
        obj._history_user = request.user
        super().save_model(request, obj, form, change)

    def delete_model(self, request, obj):
        obj._change_reason = "Admin: deleted"
        obj._history_user = request.user
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
