from django.urls import path

from transfer import views

app_name = "transfer"

urlpatterns = [
    path("", views.index, name="index"),
    path("export/", views.export, name="export"),
    path("imports/", views.import_start, name="import-start"),
    path("imports/<int:job_id>/", views.job, name="job"),
    path("imports/<int:job_id>/progress/", views.job_progress, name="job-progress"),
]
