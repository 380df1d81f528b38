from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from accounts.models import ReviewerProfile, Specialty, User
from core.admin import TrackedAdmin


@admin.register(User)
class StetUserAdmin(UserAdmin):
    list_display = ["username", "first_name", "last_name", "email", "is_active", "roles_display"]
    list_filter = ["groups", "is_active", "is_staff"]

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
