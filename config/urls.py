from django.contrib import admin
from django.urls import include, path

from core.views import healthz

admin.site.site_header = "Stet administration"
admin.site.site_title = "Stet"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("accounts/", include("accounts.urls")),
    path("api/", include("api.urls")),
    path("work/transfer/", include("transfer.urls")),
    path("work/", include("reporting.urls")),
    path("work/", include("reviews.urls")),
    path("", include("encyclopedia.urls")),
]

handler400 = "core.views.bad_request"
