from django.urls import path

from reviews import views

app_name = "reviews"

urlpatterns = [
    path("drafts/", views.drafts, name="drafts"),
    path("queue/", views.queue, name="queue"),
    path("dashboard/", views.dashboard, name="dashboard"),
]
