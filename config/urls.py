from django.contrib import admin
from django.urls import include, path, re_path

from core.views import healthz
from reviews.views.feedback import report_problem

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
    # Beside the reader's article page, but a report is the review process's, which the
    # encyclopedia app must not import: so it is wired here.
    re_path(r"^article/(?P<number>[0-9]{6})/report/$", report_problem, name="report-problem"),
    path("", include("encyclopedia.urls")),
]

handler400 = "core.views.bad_request"
