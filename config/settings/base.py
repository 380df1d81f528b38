"""Stet settings, read from the environment in one place.

With nothing set, Stet runs on a SQLite file in the project folder and a Celery
broker that needs no server (kombu's filesystem transport), so `make run` works on
a fresh machine. Setting DATABASE_URL and REDIS_URL gives the production shape:
PostgreSQL and Redis, shared by any number of web and worker processes.
"""

from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import environ
from celery.schedules import crontab

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
# A checkout's own settings (`make` writes one with a generated SECRET_KEY); variables
# already set in the environment win, so production never reads it.
environ.Env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DEBUG", default=False)
if DEBUG:
    SECRET_KEY = env.str("SECRET_KEY", default="stet-insecure-development-key")
else:
    # No default: a production process without a secret must not start.
    SECRET_KEY = env.str("SECRET_KEY")

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "simple_history",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "rest_framework",
    "drf_spectacular",
    "core",
    "accounts",
    "encyclopedia",
    "reviews",
    "reporting",
    "api",
    "transfer",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "accounts.middleware.StaffSessionMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a lock-out into the locked-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.site",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------
SQLITE_PATH = BASE_DIR / "db.sqlite3"
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{SQLITE_PATH}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web server and the Celery worker write to the same file: WAL lets readers
    # carry on during a write, IMMEDIATE takes the write lock up front so a
    # read-then-write transaction never fails half-way with SQLITE_BUSY.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL;",
    }
else:
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- History (django-simple-history) ------------------------------------------
# Reasons quote what people wrote ("Retired: merged into …"); don't cut them at 100.
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True
# The admin's revert restores one row only (not sections, references or m2m), so a
# "reverted" article would be half old, half new. Reverting content is a new draft
# from an earlier version, through review.
SIMPLE_HISTORY_REVERT_DISABLED = True

# --- Accounts -------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:home"
LOGOUT_REDIRECT_URL = "encyclopedia:index"
# django-axes first: a locked-out account is refused before its password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Five wrong passwords lock the account (whoever types them, from wherever), for an
# hour or until an administrator unlocks it; a right one before that clears the count.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_LOCKOUT_PARAMETERS = ["username"]
# django-axes warns that locking by name alone lets one address try many names; locking
# by address as well would lock out a whole newsroom behind one NAT for one person's
# typos. Each account is protected whatever address the attempts come from.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=1.0)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False
# Two-factor sign-in (django-otp): the issuer shown in the authenticator app.
OTP_TOTP_ISSUER = env.str("STET_ENCYCLOPEDIA_NAME", default="Stet Health Encyclopedia")
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Internationalisation ---------------------------------------------------
LANGUAGE_CODE = "en-us"
# The encyclopedia's editorial day: "today", due dates and Review Dates are
# computed in this zone (timezone.localdate()), never from the server's clock.
TIME_ZONE = env.str("TIME_ZONE", default="America/New_York")
USE_I18N = True
USE_TZ = True

# --- Static files -----------------------------------------------------------
STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
# Without DEBUG, `manage.py collectstatic` fills STATIC_ROOT; with it, files are served
# straight from the apps and static/ so a fresh checkout needs no build step.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# --- Security (effective when DEBUG is off) ----------------------------------
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DATA_UPLOAD_MAX_MEMORY_SIZE", default=5 * 1024 * 1024)

# --- Cache ------------------------------------------------------------------------
# Shared between processes when Redis is there (the API's throttling counts requests
# per client across every web process); per process otherwise. CACHE_URL picks it;
# by default the Redis server of REDIS_URL, database 1, apart from the broker's queues.
REDIS_URL = env.str("REDIS_URL", default="")
_default_cache = "locmemcache://"
if REDIS_URL:
    _default_cache = urlunsplit(urlsplit(REDIS_URL)._replace(path="/1"))
CACHES = {"default": env.cache_url("CACHE_URL", default=_default_cache)}

EMAIL_CONFIG = env.email_url(
    "EMAIL_URL", default="consolemail://" if DEBUG else "smtp://localhost:25"
)
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Stet <stet@localhost>")

# --- Celery -------------------------------------------------------------------
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default=REDIS_URL or "filesystem://localhost//")
if CELERY_BROKER_URL.startswith("filesystem://"):
    _broker_dir = VAR_DIR / "celery-broker"
    # kombu does not create the folders; every process (web, worker, beat) needs them.
    (VAR_DIR / "celery-control").mkdir(parents=True, exist_ok=True)
    _broker_dir.mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS: dict[str, object] = {
        "data_folder_in": str(_broker_dir),
        "data_folder_out": str(_broker_dir),
        "control_folder": str(VAR_DIR / "celery-control"),
    }
else:
    # Redis redelivers an unacknowledged task after the visibility timeout; every
    # task's hard time limit stays well below it (see CELERY_TASK_TIME_LIMIT).
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
CELERY_TASK_IGNORE_RESULT = True
CELERY_RESULT_BACKEND = None
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = 540
CELERY_TASK_TIME_LIMIT = 600
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TIMEZONE = "UTC"
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
# One beat process in the whole deployment enqueues these; `expires` drops runs that
# queued up while no worker was there (the next run catches up anyway).
CELERY_BEAT_SCHEDULE = {
    "send-outbox": {
        "task": "core.tasks.send_outbox",
        "schedule": crontab(minute="*"),
        "kwargs": {"scheduled": True},
        "options": {"expires": 55},
    },
    "flag-overdue-reviews": {
        "task": "reviews.tasks.flag_overdue_reviews",
        "schedule": crontab(hour=5, minute=0),
        "options": {"expires": 12 * 3600},
    },
    "assign-reviewers": {
        "task": "reviews.tasks.assign_reviewers",
        "schedule": crontab(minute=15),
        "options": {"expires": 3000},
    },
    "send-review-reminders": {
        "task": "reviews.tasks.send_review_reminders",
        "schedule": crontab(hour=13, minute=0),
        "options": {"expires": 12 * 3600},
    },
    "snapshot-review-metrics": {
        "task": "reporting.tasks.snapshot_review_metrics",
        "schedule": crontab(hour=4, minute=30),
        "options": {"expires": 12 * 3600},
    },
}

# --- REST API (the api app) -------------------------------------------------------
# Who may call what is decided per view (api.permissions.HasRole: the pages' roles);
# a view that says nothing is for the editorial team. Refusals get one body shape
# ({"code", "detail"}, plus "fields" on a 400) from api.exceptions.
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "api.schema.StetAutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "api.authentication.ApiTokenAuthentication",
        "api.authentication.CsrfCheckedSessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["api.permissions.HasRole"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "api.renderers.StetBrowsableAPIRenderer",
    ],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.StetCursorPagination",
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "api.exceptions.api_exception_handler",
    # Anonymous readers per IP, token clients per person; a browser session is a person
    # clicking and is not limited. The counts live in the default cache: give several
    # web processes a shared one (Redis) or each counts on its own.
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "api.throttling.TokenRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env.str("API_THROTTLE_ANON", default="120/minute"),
        "token": env.str("API_THROTTLE_TOKEN", default="1200/minute"),
    },
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Stet API",
    "DESCRIPTION": (
        "Articles, revisions, the review workflow and review cycles of Stet, through the "
        "same services and rules as the editorial pages.\n\n"
        "Authenticate with a personal key (make one at /api/tokens/) as "
        "`Authorization: Bearer <key>`, or with a signed-in browser session. Anonymous "
        "readers see what the public site shows: published articles and their live pages.\n\n"
        'Errors have one shape: {"code": "...", "detail": "..."}, plus "fields" on a 400. '
        "403 is a rule (its code says which), 409 a state that does not allow the action "
        "or a stale draft, 429 too many requests."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    # Separate request and response components, so read-only fields are not asked for.
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "ArticleStatusEnum": "encyclopedia.models.Article.Status",
        "RevisionStateEnum": "encyclopedia.models.Revision.State",
        "RevisionKindEnum": "encyclopedia.models.Revision.Kind",
        "SubmissionStateEnum": "reviews.models.Submission.State",
        "ApprovalDecisionEnum": "reviews.models.Approval.Decision",
        "StepEnum": "reviews.models.Step",
        "ReviewCycleStateEnum": "reviews.models.ReviewCycle.State",
        "ReviewCycleOriginEnum": "reviews.models.ReviewCycle.Origin",
        "ChangeStatusEnum": ["added", "removed", "changed", "unchanged"],
    },
}

# --- Stet: the encyclopedia this instance publishes -----------------------------
STET = {
    "ENCYCLOPEDIA_NAME": env.str("STET_ENCYCLOPEDIA_NAME", default="Stet Health Encyclopedia"),
    "PUBLISHER": env.str("STET_PUBLISHER", default="Stet Health Media"),
    "PUBLISHER_PLACE": env.str("STET_PUBLISHER_PLACE", default="Boston (MA)"),
    "EDITORIAL_TEAM": env.str("STET_EDITORIAL_TEAM", default="Stet Health"),
    "SITE_URL": env.str("STET_SITE_URL", default="http://127.0.0.1:8000").rstrip("/"),
    # Who must sign in with a one-time code, until a director changes the account policy.
    "TWO_FACTOR_ROLES": env.list(
        "STET_TWO_FACTOR_ROLES", default=["Medical directors", "Editorial directors"]
    ),
    "TWO_FACTOR_FOR_ADMINS": env.bool("STET_TWO_FACTOR_FOR_ADMINS", default=True),
    "EDITORIAL_POLICY_FOOTER": env.str(
        "STET_EDITORIAL_POLICY_FOOTER",
        default=(
            "Stet Health Media follows a rigorous editorial process: every article is "
            "reviewed by a credentialed clinician before publication and re-reviewed on a "
            "fixed cycle. Our editorial policy, review process and privacy policy are "
            "published on this site."
        ),
    ),
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # django-axes logs every successful sign-in at INFO; failures and lock-outs are
    # recorded as security events instead.
    "loggers": {"axes": {"level": "WARNING"}},
}
