from django.urls import path, re_path

from encyclopedia import views

app_name = "encyclopedia"

urlpatterns = [
    path("", views.home, name="home"),
    path("articles/", views.index, name="index"),
    re_path(r"^article/(?P<number>[0-9]{6})/$", views.article_detail, name="article"),
    re_path(
        r"^article/(?P<number>[0-9]{6})/(?P<slug>[-a-zA-Z0-9_]+)/$",
        views.article_canonical,
        name="article-canonical",
    ),
    path("article/<slug:slug>/", views.article_by_slug, name="article-by-slug"),
]
