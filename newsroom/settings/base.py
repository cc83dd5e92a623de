"""Settings shared by every environment.

dev, test and production import from here and change only what differs. Everything that differs
between machines comes from the environment (see .env.example and docs/deploy.md): DATABASE_URL
(else a SQLite file beside manage.py), DATABASE_REPLICA_URL, REDIS_URL (else a local cache),
MEDIA_STORAGE.
"""

import datetime
import json
import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = [h for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",") if h]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # Serve static files with WhiteNoise under runserver too, so dev and production match.
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.redirects",
    "django.contrib.sitemaps",
    "taggit",
    "django_prose_editor",
    # Content-Security-Policy header (CONTENT_SECURITY_POLICY below).
    "csp",
    # Login throttling: failed attempts are counted in the database, shared by every app server.
    "axes",
    # Revisions of every article save, history, restore and recovery of deleted articles.
    "reversion",
    # The project's apps, one per domain; dependencies point down this list, never up it
    # (docs/architecture.md). Delivery imports none of the others.
    "newsroom.delivery",
    "newsroom.media",
    "newsroom.football",
    "articles",
    "newsroom.search",
    # The read API (/api/v1/) reads the apps above; "ninja" serves its docs' assets from our own
    # static files, since the CSP allows no script from elsewhere.
    "ninja",
    "newsroom.api",
]

MIDDLEWARE = [
    # Outermost, above the page cache: gzip on the way out, so the cache keeps one uncompressed
    # copy for everyone and every answer says `Vary: Accept-Encoding` (docs/deploy.md).
    "newsroom.middleware.CompressionMiddleware",
    # An absurdly long address gets the site's 414 page before the page cache, the database or
    # any view spends work on it.
    "newsroom.middleware.LongAddressMiddleware",
    # Then: a cached page is answered before anything else runs (the stored response already
    # carries every header the middleware below added when it was made). It sees the final
    # response, cookies included, before storing it; it answers conditional requests itself.
    "newsroom.delivery.pagecache.PageCacheMiddleware",
    # One log line per request below the page cache, timing everything it did not answer.
    "newsroom.middleware.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Right after it: a liveness probe costs no more than Django itself.
    "newsroom.middleware.HealthzMiddleware",
    # WhiteNoise right after SecurityMiddleware, as its docs require.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # django-csp's, with the site-wide policy built once instead of twice per response.
    "newsroom.middleware.CSPMiddleware",
    # Inside CSPMiddleware: adds Permissions-Policy and lets the admin's import map through the CSP.
    "newsroom.middleware.SecurityHeadersMiddleware",
    # Freshly rendered pages get an ETag and answer 304 (cached ones are answered above).
    "django.middleware.http.ConditionalGetMiddleware",
    # A write request is one change: its cache purges and search reindexes run once, at its end.
    "newsroom.delivery.changes.OneChangePerRequestMiddleware",
    # Editors and every write read the primary database; anonymous reads may use the replica.
    "newsroom.middleware.PrimaryDatabaseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # A lost database answers a quick 503 page instead of a traceback.
    "newsroom.middleware.DatabaseUnavailableMiddleware",
    # Axes' own docs put it last: it turns a locked-out login into the 429 response.
    "axes.middleware.AxesMiddleware",
    # A 404 at an address with capitals is sent to the lower-case one (after the redirects app
    # below has tried the address as typed).
    "newsroom.middleware.LowerCaseAddressMiddleware",
    # Last, so it only sees the 404s nothing else answered: old URLs answer 301.
    "django.contrib.redirects.middleware.RedirectFallbackMiddleware",
]

# Axes checks every login attempt first; then Django's ordinary model backend.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"
SITE_ID = 1

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
            ],
        },
    },
]


def database_from_url(url):
    """One DATABASES entry from a URL; a dead server fails the request in seconds, not minutes."""
    config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    if config["ENGINE"] == "django.db.backends.postgresql":
        timeout = int(os.environ.get("DATABASE_CONNECT_TIMEOUT", 3))
        config.setdefault("OPTIONS", {})["connect_timeout"] = timeout
    return config


def database_from_environment():
    """DATABASE_URL when set, else the embedded SQLite file tuned for a few concurrent writers."""
    url = os.environ.get("DATABASE_URL")
    if url:
        return database_from_url(url)
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ.get("SQLITE_PATH", str(BASE_DIR / "db.sqlite3")),
        # One connection per worker thread, kept: opening the file and setting it up again on
        # every request costs more than many a page's queries.
        "CONN_MAX_AGE": 600,
        "CONN_HEALTH_CHECKS": True,
        "OPTIONS": {
            # WAL lets readers carry on while an editor saves; IMMEDIATE takes the write lock at
            # the start of a transaction so two writers queue instead of failing mid-way.
            # analysis_limit keeps `PRAGMA optimize` (newsroom/sqlite.py) quick on a large archive.
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA analysis_limit=1000;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        },
    }


DATABASES = {"default": database_from_environment()}
if os.environ.get("DATABASE_REPLICA_URL"):
    # A read replica: anonymous page reads go there, writes and the admin stay on the primary
    # (newsroom/routers.py). Tests treat it as a mirror of the primary.
    DATABASES["replica"] = database_from_url(os.environ["DATABASE_REPLICA_URL"])
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["newsroom.routers.PrimaryReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
# The newsroom's own clock: URL dates (/2019/11/27/...) are the publication day in this zone.
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

STORAGES = {
    # MEDIA_STORAGE picks another backend for uploads, e.g. django-storages' S3Storage with its
    # options as JSON in MEDIA_STORAGE_OPTIONS, so many app servers share one media store.
    "default": {
        "BACKEND": os.environ.get("MEDIA_STORAGE", "django.core.files.storage.FileSystemStorage"),
        "OPTIONS": json.loads(os.environ.get("MEDIA_STORAGE_OPTIONS", "{}")),
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}


def cache_from_environment(without_redis):
    """Django's built-in RedisCache when REDIS_URL is set, else `without_redis`.

    Short socket timeouts: when Redis goes away, pages fall back to the database within a second
    rather than hanging (newsroom/delivery/store.py treats every cache error as a miss).
    """
    url = os.environ.get("REDIS_URL")
    if not url:
        return {"default": without_redis}
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "newsroom"),
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        },
    }


# Room for the pages, fragments and tag versions of a small site (the default of 300 would cull
# tag versions, which is safe but makes kept copies cold).
CACHES = cache_from_environment(
    {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 20_000}}
)

# Tag lookups by name ignore case; entities.fold_name() also folds accents and width.
TAGGIT_CASE_INSENSITIVE = True

# Requests with thousands of fields are refused with a 400 before any view runs.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000
DATA_UPLOAD_MAX_NUMBER_FILES = 20

SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# No inline script anywhere: the public site has no JavaScript of its own, the admin and the
# prose editor load theirs from /static/. The one inline element, the editor's import map, is
# allowed by its hash (newsroom/middleware.py). Inline *styles* stay allowed: the admin and
# ProseMirror write style attributes, and a style cannot run code.
from newsroom.theme import CSP_HASH as THEME_SCRIPT_HASH  # noqa: E402 (beside its use)

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        # The inline script that applies the reader's light or dark choice before the first
        # paint, allowed by its hash (newsroom/theme.py); nothing else inline runs.
        "script-src": ["'self'", THEME_SCRIPT_HASH],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", *os.environ.get("CSP_MEDIA_ORIGINS", "").split()],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
# Browser features no page of ours uses are switched off for every page.
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"

# Login throttling: after AXES_FAILURE_LIMIT failures from one address the login page answers
# 429 for an hour. Counted per address only, so the answer is the same whether the username
# exists or not, and nobody can lock a known editor out by guessing at their name.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(hours=1)
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_HTTP_RESPONSE_CODE = 429
AXES_LOCKOUT_TEMPLATE = "429.html"
AXES_CLIENT_IP_CALLABLE = "newsroom.middleware.client_ip"
# Behind N trusted proxies the client is the Nth address from the right of X-Forwarded-For.
NEWSROOM_TRUSTED_PROXY_COUNT = int(os.environ.get("DJANGO_TRUSTED_PROXY_COUNT", 0))

# The page cache and fragments (newsroom/delivery). Our own copies are purged by tag when what
# they show changes, so they may live long; a CDN or browser without purging gets short lifetimes.
# The app gzips HTML, feeds and sitemaps for clients that accept it (CompressionMiddleware). Set
# NEWSROOM_COMPRESSION=0 when the proxy or CDN in front compresses (docs/deploy.md).
NEWSROOM_COMPRESSION = os.environ.get("NEWSROOM_COMPRESSION", "1") == "1"

NEWSROOM_CACHE = {
    # The URL namespaces whose anonymous GETs are public pages the page cache may keep.
    "NAMESPACES": ["articles", "search", "api"],
    # NEWSROOM_PAGE_CACHE=0 turns it off (bench/load.sh measures pages both ways).
    "ENABLED": os.environ.get("NEWSROOM_PAGE_CACHE", "1") == "1",
    "PAGE_SECONDS": 300,
    # A page that shows a match in play (newsroom/delivery/purges.py, LIVE) is kept this long.
    "LIVE_SECONDS": 5,
    "CDN_SECONDS": 60,
    "BROWSER_SECONDS": 0,
    "STALE_SECONDS": 30,
    # How long one request may hold the rebuild lock, and how long others wait for it.
    "LOCK_SECONDS": 10,
    "WAIT_SECONDS": 2.0,
    # Pages rebuilt this soon after a change read the primary, not a replica that may lag.
    "REPLICA_LAG_SECONDS": 5,
    # Rendered cards and reports (newsroom/delivery/fragments.py), kept with the tags of what they
    # show, so a page rebuilt after a change reuses what the change did not touch. NEWSROOM_FRAGMENT_CACHE=0
    # turns them off (bench/load.sh measures pages both ways).
    "FRAGMENTS_ENABLED": os.environ.get("NEWSROOM_FRAGMENT_CACHE", "1") == "1",
    "FRAGMENT_SECONDS": 60 * 60 * 24,
    # How often each process compares the shared cache's purge counter with the database's purge
    # clock even when it has no reason to doubt it (newsroom/delivery/purges.py): one query per
    # process this often, the longest a cache restored from an old snapshot can go unnoticed
    # when no process saw it go.
    "CLOCK_SECONDS": 30,
}

# The HTTP caches in front (newsroom/delivery/edge.py), told which cache tags changed on every
# commit: NEWSROOM_VARNISH_URLS lists each Varnish (comma-separated); without it nothing is purged.
NEWSROOM_EDGE = (
    {
        "BACKEND": "newsroom.delivery.edge.VarnishEdge",
        "OPTIONS": {"urls": [u for u in os.environ["NEWSROOM_VARNISH_URLS"].split(",") if u], "timeout": 2},
    }
    if os.environ.get("NEWSROOM_VARNISH_URLS")
    else {"BACKEND": "newsroom.delivery.edge.NoEdge"}
)

NEWSROOM = {
    "SITE_NAME": "Newsroom",
    "ARTICLES_PER_PAGE": 12,
    # Bodies above this many characters are refused: a report is a few thousand characters.
    "BODY_MAX_CHARS": 100_000,
    # A live entry is a paragraph or two, posted in seconds; a longer text belongs in the report.
    "LIVE_ENTRY_MAX_CHARS": 10_000,
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"line": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        # One line per request, to stdout, where gunicorn and any log collector pick it up.
        "stdout": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "line"},
    },
    "loggers": {
        # NEWSROOM_REQUEST_LOG=WARNING keeps only failed (5xx) and slow requests (production's
        # default: a line per request costs a tenth of a cached page; the proxy logs access).
        "newsroom.request": {
            "handlers": ["stdout"],
            "level": os.environ.get("NEWSROOM_REQUEST_LOG", "INFO"),
            "propagate": False,
        },
        # Axes logs every failed login at WARNING already; its INFO chatter is noise.
        "axes": {"level": "WARNING"},
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# ---------------------------------------------------------------------------------------------
# Images (issue 5): upload limits and renditions. articles/images/ reads these; see docs/decisions.md.
NEWSROOM_IMAGES = {
    # Refused above this size; the error names the cap. A good press photo is 3–15 MB.
    "MAX_BYTES": 20 * 1024 * 1024,
    # Refused above this many pixels, counting every frame of an animation: 40 MP is more than any
    # camera the desk uses, and well under Pillow's own bomb threshold (~89 MP).
    "MAX_PIXELS": 40_000_000,
    # srcset widths in pixels for each crop ("full" keeps the picture's own shape). Never upscaled.
    "WIDTHS": {
        "full": [320, 480, 640, 800, 960, 1280, 1600, 1920],
        "16:9": [320, 480, 640, 800, 960, 1280, 1600],
        "1:1": [160, 320, 640],
    },
    # Modern format first; JPEG is the <img> fallback every browser reads. AVIF is measured too
    # slow to encode on upload here (docs/decisions.md): add "avif" when the machine allows it.
    "FORMATS": ["webp", "jpeg"],
    "QUALITY": {"jpeg": 80, "webp": 72, "avif": 55},
}
