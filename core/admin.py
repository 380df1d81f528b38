from simple_history.admin import SimpleHistoryAdmin


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
