#!/usr/bin/env bash
# Load benchmark: the production settings under gunicorn (2 workers) on loopback, measured with wrk.
#
#   bench/load.sh                      # seeds var/bench.sqlite3 if needed, 10 s per URL
#   DURATION=30s CONNECTIONS=32 bench/load.sh
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench REDIS_URL=redis://127.0.0.1:6379/2 bench/load.sh
#
# For each page it prints requests/s, p50 and p99 latency and the ratio to /healthz measured in the
# same server run (the in-run baseline), with the page cache on ("cached") and off ("uncached").
# Only ever talks to 127.0.0.1. Never part of the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-8077}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
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

$PY manage.py migrate --noinput -v0
$PY manage.py collectstatic --noinput -v0
if [ "$($PY manage.py shell -c 'from articles.models import Article; print(Article.objects.filter(slug__startswith="bench-").count())' 2>/dev/null | tail -n1)" != "$REPORTS" ]; then
  $PY manage.py seed_bench --reports "$REPORTS" --clubs "$CLUBS" --players "$PLAYERS" --replace
fi

# The pages to measure: a report from the middle of the archive, the front page, the busiest club
# and player, and search when the site has it.
mapfile -t URLS < <($PY manage.py shell -c '
from django.db.models import Count
from articles.models import Article, Club, Player
articles = Article.objects.published().filter(slug__startswith="bench-").order_by("-published_at")
print("article", articles[articles.count() // 2].get_absolute_url())
print("front", "/")
print("club", Club.objects.filter(slug__startswith="bench-").annotate(n=Count("tagged_articles")).order_by("-n")[0].get_absolute_url())
print("player", Player.objects.filter(slug__startswith="bench-").annotate(n=Count("tagged_articles")).order_by("-n")[0].get_absolute_url())
print("search", "/search/?q=header")
' 2>/dev/null | grep -E '^(article|front|club|player|search) /')

SERVER_PID=
stop_server() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  SERVER_PID=
}
trap stop_server EXIT

start_server() {  # $1: 1 = page cache on, 0 = off
  NEWSROOM_PAGE_CACHE=$1 GUNICORN_WORKERS=2 GUNICORN_BIND=127.0.0.1:$PORT \
    .venv/bin/gunicorn -c newsroom/gunicorn.conf.py >var/bench-server.log 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 50); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/healthz" && return; sleep 0.2; done
  echo "gunicorn did not start; see var/bench-server.log" >&2; exit 1
}

# wrk → "req/s p50 p99" (latencies in ms).
measure() {
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "http://127.0.0.1:$PORT$1" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /^Requests\/sec/ { rps = $2 }
    /Non-2xx/ { bad = $NF } END { printf "%s %s %s %s\n", rps, p50, p99, bad + 0 }'
}

printf "wrk -t%s -c%s -d%s, gunicorn 2 workers, %s reports / %s clubs / %s players, %s, cache %s\n" \
  "$THREADS" "$CONNECTIONS" "$DURATION" "$REPORTS" "$CLUBS" "$PLAYERS" \
  "${DATABASE_URL:+PostgreSQL}${DATABASE_URL:-SQLite}" "${REDIS_URL:+Redis}${REDIS_URL:-file}" | sed 's#postgres://[^ ,]*##'
printf "%-9s %-8s %10s %9s %9s %8s %7s\n" page mode "req/s" "p50 ms" "p99 ms" ratio non2xx
for mode in cached uncached; do
  stop_server
  start_server "$([ $mode = cached ] && echo 1 || echo 0)"
  read -r base_rps base_p50 base_p99 base_bad < <(measure /healthz)
  printf "%-9s %-8s %10.0f %9.2f %9.2f %8s %7s\n" healthz "$mode" "$base_rps" "$base_p50" "$base_p99" "1.00" "$base_bad"
  for entry in "${URLS[@]}"; do
    name=${entry%% *}; url=${entry#* }
    status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT$url")
    if [ "$status" != 200 ]; then printf "%-9s %-8s %s answers %s: skipped\n" "$name" "$mode" "$url" "$status"; continue; fi
    read -r rps p50 p99 bad < <(measure "$url")
    printf "%-9s %-8s %10.0f %9.2f %9.2f %8.2f %7s\n" "$name" "$mode" "$rps" "$p50" "$p99" \
      "$(awk -v a="$rps" -v b="$base_rps" 'BEGIN { printf "%.2f", a / b }')" "$bad"
  done
done
