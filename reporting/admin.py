from django.contrib import admin

from core.admin import ReadOnlyAdmin
from reporting.models import MetricSnapshot


@admin.register(MetricSnapshot)
class MetricSnapshotAdmin(ReadOnlyAdmin):
    """Figures the nightly job records: read-only here, like the workflow's rows."""

    list_display = ["day", "specialty", "published", "current", "due_soon", "never_reviewed"]
    list_filter = ["specialty"]
    date_hierarchy = "day"
