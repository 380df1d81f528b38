from django.contrib import admin

from reporting.models import MetricSnapshot


@admin.register(MetricSnapshot)
class MetricSnapshotAdmin(admin.ModelAdmin):
    """Figures the nightly job records: read-only here, like the workflow's rows."""

    list_display = ["day", "specialty", "published", "current", "due_soon", "never_reviewed"]
    list_filter = ["specialty"]
    date_hierarchy = "day"

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
