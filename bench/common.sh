# Shared by bench/load.sh and bench/spike.sh (sourced, not run): environment, seeding, the server.
# Everything talks to 127.0.0.1 only.

PORT=${PORT:-8077}
REPORTS=${REPORTS:-1000}
CLUBS=${CLUBS:-40}
PLAYERS=${PLAYERS:-800}
PY=.venv/bin/python

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

mkdir -p var
[ -s var/secret-key.txt ] || $PY -c 'import secrets; print(secrets.token_urlsafe(50))' > var/secret-key.txt
export DJANGO_SETTINGS_MODULE=newsroom.settings.production
export DJANGO_SECRET_KEY="${DJANGO_SECRET_KEY:-$(cat var/secret-key.txt)}"
export DJANGO_ALLOWED_HOSTS=127.0.0.1 DJANGO_SECURE_SSL_REDIRECT=0
# Without DATABASE_URL, a SQLite file of its own; without REDIS_URL, a file cache of its own.
export SQLITE_PATH=${SQLITE_PATH:-$PWD/var/bench.sqlite3}
export DJANGO_FILE_CACHE_DIR=${DJANGO_FILE_CACHE_DIR:-$PWD/var/bench-cache}

prepare_data() {
  $PY manage.py migrate --noinput -v0
  $PY manage.py collectstatic --noinput -v0
  local have
  have=$($PY manage.py shell -c 'from articles.models import Article; print(Article.objects.filter(slug__startswith="bench-").count())' 2>/dev/null | tail -n1)
  if [ "$have" != "$REPORTS" ]; then
    $PY manage.py seed_bench --reports "$REPORTS" --clubs "$CLUBS" --players "$PLAYERS" --replace
  fi
}

# "name path" lines: a report from the middle of the archive, the front page, the busiest club and
# player, and search (measured only if the site has it).
bench_urls() {
  $PY manage.py shell -c '
from django.db.models import Count
from newsroom.football.models import Club, Player
from articles.models import Article
articles = Article.objects.published().filter(slug__startswith="bench-").order_by("-published_at")
busiest = lambda model: model.objects.filter(slug__startswith="bench-").annotate(n=Count("tagged_articles")).order_by("-n")[0]
print("article", articles[articles.count() // 2].get_absolute_url())
print("front", "/")
print("club", busiest(Club).get_absolute_url())
print("player", busiest(Player).get_absolute_url())
print("search", "/search/?q=header")
' 2>/dev/null | grep -E '^(article|front|club|player|search) /'
}

SERVER_PID=
stop_server() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  SERVER_PID=
}
trap stop_server EXIT

start_server() {  # $1: 1 = page cache on, 0 = off; $2: the same for rendered fragments (default on)
  NEWSROOM_PAGE_CACHE=$1 NEWSROOM_FRAGMENT_CACHE=${2:-1} GUNICORN_WORKERS=2 GUNICORN_BIND=127.0.0.1:$PORT \
    .venv/bin/gunicorn -c newsroom/gunicorn.conf.py >var/bench-server.log 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 50); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/healthz" && return; sleep 0.2; done
  echo "gunicorn did not start; see var/bench-server.log" >&2; exit 1
}
