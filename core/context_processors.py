from django.conf import settings


def site(request):
    return {"stet": settings.STET}
