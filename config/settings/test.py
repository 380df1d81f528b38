"""Test settings: the base settings, made fast and deterministic.

DATABASE_URL and REDIS_URL still apply, so CI runs the suite against real
PostgreSQL and Redis; with neither set the suite runs on SQLite.
"""

import os

os.environ.setdefault("SECRET_KEY", "stet-test-secret-key")
# The test client and the browser tests' live server speak plain HTTP; the tests of
# the HTTPS settings turn them on themselves.
os.environ.setdefault("HTTPS_ONLY", "false")

from config.settings.base import *  # noqa: F403
from config.settings.base import CELERY_BROKER_URL, DATABASES, STET, VAR_DIR

# Each test process keeps its own cache: tests clear it, which must not touch Redis.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Tasks enqueued on commit run inline so a test sees their effect; the tests of a
# real worker start one explicitly.
CELERY_TASK_ALWAYS_EAGER = True
if CELERY_BROKER_URL.startswith("filesystem://"):
    # The real-worker test gets its own folders, apart from a `make run` worker's.
    _test_broker = VAR_DIR / "test-celery-broker"
    _test_broker.mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_test_broker),
        "data_folder_out": str(_test_broker),
        "control_folder": str(VAR_DIR / "celery-control"),
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": ":memory:"}
# Tests sign in with a password unless a test enrols a one-time-code device or sets the
# account policy itself (tests/accounts/test_two_factor.py).
STET = {
    **STET,
    "SITE_URL": "https://encyclopedia.example",
    "TWO_FACTOR_ROLES": [],
    "TWO_FACTOR_FOR_ADMINS": False,
}
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
