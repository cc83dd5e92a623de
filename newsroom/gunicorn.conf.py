"""gunicorn settings for `make serve`, bench/load.sh and production: `gunicorn -c newsroom/gunicorn.conf.py`.

Every value can be overridden from the environment (GUNICORN_*), e.g. GUNICORN_WORKERS=2.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# The usual sync-worker rule: two per core plus one keeps the cores busy while some wait on I/O.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
wsgi_app = "newsroom.wsgi:application"
# A request that takes longer than this is stuck: kill the worker rather than queue behind it.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then so a slow leak never becomes an outage; jitter avoids all at once.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 2000))
max_requests_jitter = 200
# The app logs one line per request itself (newsroom.middleware.RequestLogMiddleware).
accesslog = None
errorlog = "-"
# Trust X-Forwarded-* only from the local proxy by default.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
# gunicorn's own limit (4,094) answers a longer request line with a bare 400 of its own; its
# maximum lets a 5,000-character address reach the app, which answers its 414 page
# (newsroom.middleware.LongAddressMiddleware). Beyond 8,190 the proxy should answer (docs/deploy.md).
limit_request_line = int(os.environ.get("GUNICORN_LIMIT_REQUEST_LINE", 8190))
