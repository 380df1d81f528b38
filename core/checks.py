"""Deployment checks of Stet's own settings, run by `manage.py check --deploy`."""

from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security, deploy=True)
def site_url_is_configured(app_configs, **kwargs) -> list[Error]:
    """Every citation, canonical link and e-mail link carries the site's address; the
    development default would send readers and reviewers to 127.0.0.1."""
    if settings.STET["SITE_URL_CONFIGURED"]:
        return []
    return [
        Error(
            "STET_SITE_URL is not set: citations, canonical links and e-mail links would "
            f"point at {settings.STET['SITE_URL']}.",
            hint="Set STET_SITE_URL to the address readers reach the site on, e.g. "
            "https://health.example.org.",
            id="stet.E001",
        )
    ]
