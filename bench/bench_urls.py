from django.http import HttpResponse
from django.urls import include, path


def bare(request):
    return HttpResponse("ok\n", content_type="text/plain")


urlpatterns = [path("bare/", bare), path("", include("config.urls"))]
