"""What the environment sets, read as production reads it (a fresh interpreter with the
base settings): the cache beside the broker, HTTPS behind the documented proxy setting."""

import json
import os
import subprocess
import sys

from django.conf import settings


def production_settings(**environment) -> dict:
    script = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps({'cache': s.CACHES['default'], 'broker': s.CELERY_BROKER_URL, "
        "'site': s.STET['SITE_URL'], "
        "'proxy': getattr(s, 'SECURE_PROXY_SSL_HEADER', None), 'redirect': s.SECURE_SSL_REDIRECT, "
        "'hsts': s.SECURE_HSTS_SECONDS, 'secure_cookies': s.SESSION_COOKIE_SECURE}))"
    )
    # Without what this test process's own settings put in its environment.
    unset = ("DEBUG", "CACHE_URL", "HTTPS_ONLY", "REDIS_URL", "BEHIND_HTTPS_PROXY", "STET_SITE_URL")
    clean = {key: value for key, value in os.environ.items() if key not in unset}
    environment = {"STET_SITE_URL": "https://health.example.org/", **environment}
    result = subprocess.run(
        [sys.executable, "-c", script],
        env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings.base", "SECRET_KEY": "x",
             **{key: value for key, value in environment.items() if value is not None}},
        cwd=settings.BASE_DIR, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_cache_takes_the_database_after_the_brokers_whatever_redis_url_names():
    read = production_settings(REDIS_URL="redis://redis.internal:6379/3")

    assert read["broker"] == "redis://redis.internal:6379/3"
    assert read["cache"]["LOCATION"] == "redis://redis.internal:6379/4"
    assert read["cache"]["BACKEND"] == "core.cache.DegradingRedisCache"


def test_production_is_https_only_and_trusts_the_proxy_header_only_when_told():
    direct = production_settings()
    proxied = production_settings(BEHIND_HTTPS_PROXY="1")

    assert direct["redirect"] and direct["secure_cookies"]
    assert direct["hsts"] == 365 * 24 * 3600
    assert direct["proxy"] is None  # a client's X-Forwarded-Proto means nothing
    assert proxied["proxy"] == ["HTTP_X_FORWARDED_PROTO", "https"]


def test_production_links_to_the_address_it_is_told_and_its_deploy_check_demands_one():
    assert production_settings()["site"] == "https://health.example.org"

    told = deploy_check(STET_SITE_URL="https://health.example.org")
    untold = deploy_check(STET_SITE_URL=None)

    assert "stet.E001" not in told.stderr + told.stdout
    assert untold.returncode != 0
    assert "stet.E001" in untold.stderr and "STET_SITE_URL is not set" in untold.stderr


def deploy_check(**environment) -> subprocess.CompletedProcess:
    clean = {key: value for key, value in os.environ.items() if key != "STET_SITE_URL"}
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings.base", "SECRET_KEY": "x" * 60,
             **{key: value for key, value in environment.items() if value is not None}},
        cwd=settings.BASE_DIR, capture_output=True, text=True,
    )  # fmt: skip
