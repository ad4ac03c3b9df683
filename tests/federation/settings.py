"""Django settings of the harness; environment:

FEDERATION_STATE_DIR  the state directory made by `setup` (holds federation.json)
FEDERATION_ROLE       "spid" (Trust Anchor + SPID provider) or "cie" (CIE provider)
"""
import os
from pathlib import Path

import aiohttp
import spid_cie_oidc

from tests.federation.layout import ROLES, layout_from_env, read_config

ROLE = os.environ.get("FEDERATION_ROLE", "spid")
assert ROLE in ROLES, f"FEDERATION_ROLE must be one of {ROLES}"
LAYOUT = layout_from_env()
_CONF = read_config(LAYOUT.state_dir)

SECRET_KEY = _CONF["secret_key"]
# A test harness: tracebacks in the answers help whoever debugs a relying party,
# and runserver serves the static files (the login page's look) only with DEBUG.
DEBUG = True
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
APPEND_SLASH = False
ROOT_URLCONF = "tests.federation.urls"

INSTALLED_APPS = [
    "spid_cie_oidc.accounts",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "bootstrap_italia_template",
    "spid_cie_oidc.entity",
    "spid_cie_oidc.authority",
    "spid_cie_oidc.provider",
]
AUTH_USER_MODEL = "spid_cie_oidc_accounts.User"

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": str(LAYOUT.database(ROLE))}
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cookies are not told apart by port: the two providers and the portal all live
# on 127.0.0.1, so each provider gets cookie names of its own.
SESSION_COOKIE_NAME = f"federation_{ROLE}_op_session"
CSRF_COOKIE_NAME = f"federation_{ROLE}_op_csrftoken"

LANGUAGE_CODE = "it-it"
TIME_ZONE = "Europe/Rome"
USE_I18N = True
USE_TZ = True

# The logo tag of the provider pages prefixes STATIC_URL itself: it must be absolute.
STATIC_URL = "/static/"
# The login and consent pages load two scripts that ship with the package's
# relying_party app, which is not installed here.
STATICFILES_DIRS = [str(Path(spid_cie_oidc.__file__).parent / "relying_party" / "static")]

# --- OpenID Federation -------------------------------------------------------
OIDCFED_DEFAULT_TRUST_ANCHOR = LAYOUT.trust_anchor
OIDCFED_TRUST_ANCHORS = [LAYOUT.trust_anchor]
OIDCFED_REQUIRED_TRUST_MARKS = []
OIDCFED_PROVIDER_PROFILE = ROLE
OIDCFED_PROVIDER_SALT = _CONF["provider_salt"]
# CIE renews a refresh token only within this many seconds of the consent (default 2).
OIDCFED_PROVIDER_MAX_CONSENT_TIMEFRAME = 3600

# Everything is plain http on 127.0.0.1; a dead peer must fail fast.
HTTPC_TIMEOUT = 5
HTTPC_PARAMS = {
    "connection": {"ssl": False},
    "session": {"timeout": aiohttp.ClientTimeout(total=HTTPC_TIMEOUT)},
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"default": {"format": "%(asctime)s %(name)s %(levelname)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "default"}},
    "loggers": {
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "spid_cie_oidc": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
