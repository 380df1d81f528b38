from django.urls import path

from reporting import views

app_name = "reporting"

urlpatterns = [
    path("articles/", views.finder, name="finder"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("dashboard/articles/", views.dashboard_articles, name="dashboard-articles"),
    path("dashboard/<slug:table>.csv", views.dashboard_table_csv, name="dashboard-csv"),
    path("dashboard/revisions-waiting/", views.revisions_waiting, name="revisions-waiting"),
    path("audit/", views.audit_report, name="audit-report"),
    path("evidence/", views.evidence_report, name="evidence-report"),
    path("jobs/", views.scheduled_jobs, name="scheduled-jobs"),
]
