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
    "django.contrib.postgres",
    "simple_history",
    "csp",
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
    # Readers' article pages answered from the cache before the session is looked at.
    "encyclopedia.page_cache.ReaderPageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "accounts.middleware.StaffSessionMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
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
                "accounts.context_processors.licence",
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
    # Parameters bound on the server let psycopg prepare the statements a worker repeats
    # (from their sixth use on a connection), so PostgreSQL plans the reader's page
    # queries once per connection instead of per request: 17 % more uncached pages a
    # second. A transaction-mode pooler that cannot keep prepared statements (PgBouncer
    # before 1.21) needs DATABASE_PREPARED_STATEMENTS=0.
    if env.bool("DATABASE_PREPARED_STATEMENTS", default=True):
        DATABASES["default"].setdefault("OPTIONS", {}).update(
            server_side_binding=True, prepare_threshold=5
        )

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
SILENCED_SYSTEM_CHECKS = ["axes.W006", "security.W021"]
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=1.0)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False
# The same client address as the readers' report limit, behind the proxy or not.
AXES_CLIENT_IP_CALLABLE = "core.clients.client_address"
# Two-factor sign-in (django-otp): the issuer shown in the authenticator app.
# An administrator never sees anyone's authenticator secret or its QR code: with it,
# they could produce that person's one-time codes and sign as them.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
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
# --- HTTPS ------------------------------------------------------------------
# Production is HTTPS only: plain HTTP is redirected, browsers are told never to
# come back without TLS (HSTS) and cookies are never sent in the clear. Behind a
# proxy or load balancer that terminates TLS, BEHIND_HTTPS_PROXY=1 trusts its
# X-Forwarded-Proto header (the proxy must set it and strip any the client sent);
# without a proxy that header is a client's to forge, so it is ignored.
HTTPS_ONLY = env.bool("HTTPS_ONLY", default=not DEBUG)
BEHIND_HTTPS_PROXY = env.bool("BEHIND_HTTPS_PROXY", default=False)
if BEHIND_HTTPS_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = HTTPS_ONLY
# The load balancer's health check speaks plain HTTP to the instance.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=365 * 24 * 3600 if HTTPS_ONLY else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
# Joining the browsers' preload list is a publisher's decision that takes months to
# undo, so it is opt-in; Django's reminder about it is silenced below.
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
SESSION_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=HTTPS_ONLY)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
# Every script is a file from this site: no inline script, no eval, no other origin.
# Styles allow inline attributes, which the Django admin and DRF's browsable API use.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Section bodies are long, but a 30 MB paste is a mistake, not an article.
# The monitoring's key for /healthz's details (job names, errors, mail counts), sent as
# `Authorization: Bearer <key>`; without it a reader sees only which part is unwell.
HEALTHZ_TOKEN = env.str("HEALTHZ_TOKEN", default="")
# The largest body any request may have. It is generous so that an oversized paste in
# a draft is read and returned in its form with each field's limit named, instead of
# a bare error that loses the text; the API keeps scripts to API_MAX_BODY_BYTES.
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DATA_UPLOAD_MAX_MEMORY_SIZE", default=64 * 1024 * 1024)
API_MAX_BODY_BYTES = env.int("API_MAX_BODY_BYTES", default=5 * 1024 * 1024)
# A draft posts about six fields per reference and section: Django's 1,000 would refuse
# a long page (some 150 references) with a bare 400 and lose the editor's text.
DATA_UPLOAD_MAX_NUMBER_FIELDS = env.int("DATA_UPLOAD_MAX_NUMBER_FIELDS", default=10_000)

# --- Cache ------------------------------------------------------------------------
# Shared between processes when Redis is there (the API's throttling counts requests
# per client across every web process); per process otherwise. CACHE_URL picks it;
# by default the Redis server of REDIS_URL, database 1, apart from the broker's queues.
REDIS_URL = env.str("REDIS_URL", default="")
CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://")}
# The longest a reader's page stays in the cache (encyclopedia.page_cache): changes drop
# it at once; this bounds a stale page when the cache was away at that moment. 0 turns
# the page cache off.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)
if REDIS_URL and "CACHE_URL" not in env:
    # The cache lives beside the broker on the same server, in the database after the
    # broker's (REDIS_URL …/0 → cache …/1), so clearing the cache never drops a task.
    _broker_db = int(urlsplit(REDIS_URL).path.strip("/") or 0)
    CACHES = {
        "default": {
            "BACKEND": "core.cache.DegradingRedisCache",
            "LOCATION": urlunsplit(urlsplit(REDIS_URL)._replace(path=f"/{_broker_db + 1}")),
            # Fail fast: a request waits at most a second for a cache that is away.
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }

# --- E-mail -------------------------------------------------------------------
EMAIL_CONFIG = env.email_url(
    "EMAIL_URL", default="consolemail://" if DEBUG else "smtp://localhost:25"
)
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Stet <stet@localhost>")

# --- Celery -------------------------------------------------------------------
# The hard time limit of the longest task (transfer.tasks.import_articles), and how long
# the Redis broker waits for a task's acknowledgement before handing it out again.
LONGEST_TASK_SECONDS = 2100
CELERY_VISIBILITY_TIMEOUT = env.int("CELERY_VISIBILITY_TIMEOUT", default=LONGEST_TASK_SECONDS + 300)
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
    # A task is acknowledged when it has run (acks_late), so one a dead worker held goes
    # back to the queue once this long has passed without its acknowledgement. It must
    # outlast the longest task's hard time limit, or a task still running would be
    # handed to a second worker; tests/test_task_limits.py holds every task to it.
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": CELERY_VISIBILITY_TIMEOUT}
CELERY_TASK_IGNORE_RESULT = True
CELERY_RESULT_BACKEND = None
CELERY_TASK_ACKS_LATE = True
# A worker process killed mid-task (the OOM killer, a deploy) puts the task back at once
# instead of recording it as failed: every task is safe to run again.
CELERY_TASK_REJECT_ON_WORKER_LOST = True
# Publishing to a broker that is away gives up fast: the outbox's sweep catches up.
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 1, "interval_start": 0, "interval_step": 0.5, "interval_max": 0.5,
}  # fmt: skip
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
    "check-reference-links": {
        "task": "encyclopedia.tasks.check_reference_links",
        "schedule": crontab(day_of_week=0, hour=2, minute=0),
        "options": {"expires": 24 * 3600},
    },
}

# --- REST API (the api app) -------------------------------------------------------
# Who may call what is decided per view (api.permissions.HasRole: the pages' roles);
# a view that says nothing is for the editorial team. Refusals get one body shape
# ({"code", "detail"}, plus "fields" on a 400) from api.exceptions.
REST_FRAMEWORK = {
    # Throttles count per client as core.clients.client_address finds it: without a
    # proxy DRF would otherwise trust a client's own X-Forwarded-For.
    "NUM_PROXIES": 1 if BEHIND_HTTPS_PROXY else 0,
    "DEFAULT_SCHEMA_CLASS": "api.schema.StetAutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "api.authentication.ApiTokenAuthentication",
        "api.authentication.CsrfCheckedSessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["api.permissions.HasRole"],
    "DEFAULT_PARSER_CLASSES": ["api.parsers.BoundedJSONParser"],
    "DEFAULT_METADATA_CLASS": "api.metadata.StetMetadata",
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
    # Where readers reach the site: citations, canonical links and every link in an
    # e-mail. `make run` sets it to the port it serves on; `check --deploy` refuses a
    # production without it (core.checks).
    "SITE_URL": env.str("STET_SITE_URL", default="").rstrip("/") or "http://127.0.0.1:8000",
    "SITE_URL_CONFIGURED": bool(env.str("STET_SITE_URL", default="")),
    # How long a CDN in front may keep a reader's page (Cache-Control s-maxage); a
    # publish or retirement asks it to drop the page at once through PURGE_URL, if set
    # (POSTed {"urls": [...]} after commit, through the outbox: encyclopedia.purge).
    "CDN_MAX_AGE_SECONDS": env.int("STET_CDN_MAX_AGE", default=300),
    "PURGE_URL": env.str("STET_PURGE_URL", default=""),
    # The weekly check of reference links: how long to wait for a server, how many
    # requests one host gets a minute (the checker sleeps rather than exceed it), and how
    # long one run may take (what it did not reach is checked first next time).
    "LINK_CHECK_TIMEOUT_SECONDS": env.float("STET_LINK_CHECK_TIMEOUT_SECONDS", default=10.0),
    "LINK_CHECK_PER_HOST_PER_MINUTE": env.int("STET_LINK_CHECK_PER_HOST_PER_MINUTE", default=20),
    "LINK_CHECK_BUDGET_SECONDS": env.int("STET_LINK_CHECK_BUDGET_SECONDS", default=1200),
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
            "fixed cycle, and each page says when it was last reviewed and by whom."
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
