from django.contrib import admin

from transfer.models import ImportJob, ImportJobFile


class ImportJobFileInline(admin.TabularInline):
    model = ImportJobFile
    fields = ["name", "status", "message"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    """Read-only: a job is the record of what an import did."""

    list_display = ["file_name", "started_by", "created_at", "state", "done", "total", "failed"]
    list_filter = ["state", "dry_run"]
    search_fields = ["file_name", "started_by__username"]
    list_select_related = ["started_by"]
    inlines = [ImportJobFileInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ImportJobFile)
class ImportJobFileAdmin(admin.ModelAdmin):
    """Read-only: what became of each file of an import."""

    list_display = ["name", "job", "status"]
    list_filter = ["status"]
    search_fields = ["name", "message", "job__file_name"]
    list_select_related = ["job"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
