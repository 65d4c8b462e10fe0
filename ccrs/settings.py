"""Settings of the CCRS Platform, every deployment knob read from the environment.

`DJANGO_ENV=production` turns on the production defaults (secure cookies, HSTS, required MFA for
staff, hashed static files) and refuses to start with a development secret key or with DEBUG.
With nothing set the app runs on an SQLite file and runs Celery tasks in-process.
"""

from pathlib import Path

import environ
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
if (BASE_DIR / ".env").is_file():
    environ.Env.read_env(BASE_DIR / ".env")

DJANGO_ENV = env("DJANGO_ENV", default="development")
if DJANGO_ENV not in {"development", "production"}:
    raise ImproperlyConfigured("DJANGO_ENV must be 'development' or 'production'.")
PRODUCTION = DJANGO_ENV == "production"

DEVELOPMENT_SECRET_KEY = "django-insecure-ccrs-development-key-never-use-in-production"  # noqa: S105
SECRET_KEY = env("SECRET_KEY", default=None if PRODUCTION else DEVELOPMENT_SECRET_KEY)
if PRODUCTION and (
    not SECRET_KEY
    or SECRET_KEY == DEVELOPMENT_SECRET_KEY
    or SECRET_KEY.startswith("django-insecure")
    or len(SECRET_KEY) < 50
    or len(set(SECRET_KEY)) < 5
):
    raise ImproperlyConfigured(
        "Production needs SECRET_KEY: a random string of at least 50 characters, not the development key."
    )

DEBUG = env.bool("DEBUG", default=not PRODUCTION)
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("DEBUG must be off in production.")

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[] if PRODUCTION else ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sitemaps",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "crispy_forms",
    "crispy_bootstrap5",
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    "django_htmx",
    "django_countries",
    "django_filters",
    "ccrs",
    "cities",
    "sectors",
    "cocreation",
    "pilots",
    "network",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "ccrs.middleware.GenerationsMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "ccrs.middleware.StaffTwoFactorMiddleware",
    "ccrs.middleware.NulCharacterMiddleware",
]

ROOT_URLCONF = "ccrs.urls"
WSGI_APPLICATION = "ccrs.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "ccrs.context_processors.navigation",
            ],
        },
    },
]

# Database: SQLite file in the project folder unless DATABASE_URL names PostgreSQL.
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=600)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache (login rate limits live here: use Redis when several processes serve the app).
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_USER_MODEL = "ccrs.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
    "ccrs.backends.ProgramStaffBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"

# django-allauth: e-mail login, no open sign-up, rate-limited login. An address counts only once it is
# verified (by a code sent to it); a person has one address, changed through verification of the new one.
ACCOUNT_ADAPTER = "ccrs.adapters.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = True
ACCOUNT_EMAIL_VERIFICATION_SUPPORTS_RESEND = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = True
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False
# A person whose password attempts are being limited still signs in with a code sent to their address.
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_RATE_LIMITS = {
    # Per address: 10 failures a minute. Per account: 5 a minute, which slows a guesser to a few
    # thousand tries a day without keeping the owner out for long (and never from a sign-in code).
    "login_failed": env("LOGIN_FAILED_RATE_LIMIT", default="10/m/ip,5/m/key"),
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
}
MFA_ADAPTER = "ccrs.adapters.MFAAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "CCRS Platform"
# Program staff must enrol TOTP before they can use the platform (on by default in production).
STAFF_MFA_REQUIRED = env.bool("STAFF_MFA_REQUIRED", default=PRODUCTION)

INVITATION_MAX_AGE_DAYS = env.int("INVITATION_MAX_AGE_DAYS", default=14)
# Answers the public SME survey accepts per hour from one address.
SECTORS_SURVEY_RATE_PER_HOUR = env.int("SECTORS_SURVEY_RATE_PER_HOUR", default=20)
# How long a city's public survey link works; the team can make a new one at any time.
SECTORS_SURVEY_LINK_DAYS = env.int("SECTORS_SURVEY_LINK_DAYS", default=180)
# Co-creation: how long a stakeholder's personal link works, the largest uploaded file, and how many
# form posts one link / one address may make in ten minutes.
COCREATION_INVITATION_DAYS = env.int("COCREATION_INVITATION_DAYS", default=30)
COCREATION_MAX_UPLOAD_BYTES = env.int("COCREATION_MAX_UPLOAD_BYTES", default=5 * 1024 * 1024)
COCREATION_FORM_RATE_PER_LINK = env.int("COCREATION_FORM_RATE_PER_LINK", default=20)
COCREATION_FORM_RATE_PER_ADDRESS = env.int("COCREATION_FORM_RATE_PER_ADDRESS", default=600)
# The network's resource library (network/services/library.py): the largest file a member may upload.
NETWORK_LIBRARY_MAX_UPLOAD_BYTES = env.int("NETWORK_LIBRARY_MAX_UPLOAD_BYTES", default=50 * 1024 * 1024)
# The version of the consent text (templates/cocreation/partials/consent_text.html) a stakeholder agrees to.
COCREATION_CONSENT_VERSION = env.str("COCREATION_CONSENT_VERSION", default="2026-01")

# The network's event reminders: how many hours before an event the people registered are e-mailed.
NETWORK_EVENT_REMINDERS_HOURS = env.list("NETWORK_EVENT_REMINDERS_HOURS", cast=int, default=[24, 1])

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("vi", "Tiếng Việt"),
    ("th", "ไทย"),
    ("id", "Bahasa Indonesia"),
    ("ms", "Bahasa Melayu"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates as each language writes them, one style a language (templates use DATE_FORMAT / DATETIME_FORMAT).
FORMAT_MODULE_PATH = ["ccrs.formats"]
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# E-mail: printed to the console unless EMAIL_URL names an SMTP server (smtp+tls://user:pass@host:587).
EMAIL_CONFIG = env.email("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="CCRS Platform <noreply@ccrs.example.org>")
SERVER_EMAIL = env("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)
ADMINS = [("Admin", a) for a in env.list("ADMIN_EMAILS", default=[])]

# Celery: tasks run in-process unless CELERY_BROKER_URL names a broker (Redis).
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_IGNORE_RESULT = True
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=540)
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=600)
# A message unacknowledged for this long is redelivered: it must exceed the longest time limit.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600)}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
if CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"] <= CELERY_TASK_TIME_LIMIT:
    raise ImproperlyConfigured("CELERY_VISIBILITY_TIMEOUT must exceed CELERY_TASK_TIME_LIMIT.")

# Security: production defaults; each can be tuned from the environment.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env.bool("BEHIND_TLS_PROXY", default=False) else None
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=PRODUCTION)
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=PRODUCTION)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=PRODUCTION)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000 if PRODUCTION else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=PRODUCTION)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=PRODUCTION)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy (django-csp): scripts only from our own static files, no inline script or
# handler, nothing framed, forms posted only here. Inline style attributes stay allowed (charts, HTMX).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"refusal_on_one_line": {"()": "ccrs.log.RefusalOnOneLine"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.request": {"filters": ["refusal_on_one_line"]},  # a 403 is one line, without a traceback
        "django.db.backends": {"level": "INFO"},
        "weasyprint": {"level": "WARNING"},  # one INFO line per drawing step of every PDF
        "fontTools": {"level": "WARNING"},
    },
}

PROGRAM_NAME = _("Catalyzing City Resilience Solutions")
# The currency of the program dashboard's money (the program grant's); other currencies convert at dated rates.
PROGRAM_REPORTING_CURRENCY = env("PROGRAM_REPORTING_CURRENCY", default="USD")

# Absolute address of the site, for links in e-mails (invitations).
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

# Reports (ccrs/reporting.py): the person who asked is e-mailed when a report took at least this long.
REPORTS_EMAIL_AFTER_SECONDS = env.int("REPORTS_EMAIL_AFTER_SECONDS", default=30)
# The Celery queue of report builds: a worker started with -Q reports keeps long reports apart.
REPORTS_QUEUE = env("REPORTS_QUEUE", default="celery")

# Outside production, static files are served straight from the apps and static/ (no collectstatic).
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = not PRODUCTION
