from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from accounts.models import (
    AccountPolicy,
    Reauthentication,
    ReviewerProfile,
    SecurityEvent,
    Specialty,
    User,
)
from core.admin import TrackedAdmin

SUPERUSER_HELP = (
    "An administrator: every page of this admin. Being one grants no role: signing, "
    "publishing and directing need membership of the role's group."
)


@admin.register(User)
class StetUserAdmin(UserAdmin):
    list_display = ["username", "first_name", "last_name", "email", "is_active", "roles_display"]
    list_filter = ["groups", "is_active", "is_staff"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "is_superuser" and field is not None:
            field.help_text = SUPERUSER_HELP
        return field

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups")

    @admin.display(description="Roles")
    def roles_display(self, user: User) -> str:
        return ", ".join(group.name for group in user.groups.all())


@admin.register(Specialty)
class SpecialtyAdmin(TrackedAdmin):
    list_display = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


@admin.register(ReviewerProfile)
class ReviewerProfileAdmin(TrackedAdmin):
    list_display = [
        "credit_name",
        "credentials",
        "title",
        "licence_expires_on",
        "capacity",
        "is_active",
        "needs_completion",
    ]
    list_filter = ["is_active", "needs_completion", "specialties"]
    search_fields = ["credit_name", "licence_number", "user__username"]
    autocomplete_fields = ["user"]
    filter_horizontal = ["specialties", "conflict_specialties"]
    fieldsets = [
        (None, {"fields": ["user", "is_active", "needs_completion"]}),
        (
            "Credit as printed",
            {"fields": ["credit_name", "credentials", "title", "department", "institution"]},
        ),
        ("Scope", {"fields": ["specialties", "capacity"]}),
        ("Licence", {"fields": ["licence_number", "licence_expires_on"]}),
        (
            "Conflict of interest",
            {"fields": ["conflict_of_interest", "conflict_declared_on", "conflict_specialties"]},
        ),
    ]


@admin.register(SecurityEvent)
class SecurityEventAdmin(admin.ModelAdmin):
    """Failed sign-ins, lock-outs and the rest: append-only. (Unlock a locked account
    under Axes › Access attempts: delete its attempts.)"""

    list_display = ["at", "username", "action", "ip_address", "note"]
    list_filter = ["action"]
    search_fields = ["username", "ip_address"]
    date_hierarchy = "at"
    readonly_fields = ["at", "user", "username", "action", "ip_address", "note"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AccountPolicy)
class AccountPolicyAdmin(TrackedAdmin):
    list_display = ["__str__", "signature_window_minutes", "idle_timeout_minutes"]

    def has_add_permission(self, request):
        return not AccountPolicy.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Reauthentication)
class ReauthenticationAdmin(SecurityEventAdmin):
    """Each time someone re-entered their credentials to sign: read-only."""

    list_display = ["at", "user", "method", "channel"]
    list_filter = ["method"]
    search_fields = ["user__username"]
    readonly_fields = ["at", "user", "method", "channel"]
