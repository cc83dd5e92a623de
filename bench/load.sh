#!/usr/bin/env bash
# Load benchmark: the production settings under gunicorn (2 workers) on loopback, measured with wrk.
#
#   bench/load.sh                      # seeds var/bench.sqlite3 if needed, 10 s per URL
#   DURATION=30s CONNECTIONS=32 bench/load.sh
#   REPORTS=100000 CLUBS=2000 PLAYERS=20000 SQLITE_PATH=var/bench-100k.sqlite3 bench/load.sh
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench REDIS_URL=redis://127.0.0.1:6379/2 bench/load.sh
#
# For each page it prints requests/s, p50 and p99 latency and the ratio to /healthz measured in the
# same server run (the in-run baseline), in three modes:
#   cached    the page cache on: what readers get between changes
#   uncached  the page cache off, rendered fragments on (articles/fragments.py): what a page costs
#             when it is rebuilt after a change that did not touch what it shows
#   bare      both off: every request renders everything from the database
# MODES="uncached bare" bench/load.sh measures only some of them.
# Only ever talks to 127.0.0.1. Never part of the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
. bench/common.sh

prepare_data
mapfile -t URLS < <(bench_urls)

# wrk → "req/s p50 p99 non-2xx" (latencies in ms).
measure() {
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "http://127.0.0.1:$PORT$1" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /^Requests\/sec/ { rps = $2 }
    /Non-2xx/ { bad = $NF } END { printf "%s %s %s %s\n", rps, p50, p99, bad + 0 }'
}

echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION; gunicorn 2 workers; $REPORTS reports, $CLUBS clubs," \
  "$PLAYERS players; database ${DATABASE_URL:+PostgreSQL}${DATABASE_URL:-SQLite}, cache ${REDIS_URL:+Redis}${REDIS_URL:-file}" \
  | sed 's#postgres://[^ ,]*##; s#redis://[^ ,]*##'
printf "%-8s %-9s %9s %9s %9s %7s %7s\n" page mode "req/s" "p50 ms" "p99 ms" ratio non2xx
for mode in ${MODES:-cached uncached bare}; do
  stop_server
  case $mode in
    cached) start_server 1 1 ;;
    uncached) start_server 0 1 ;;
    bare) start_server 0 0 ;;
    *) echo "unknown mode $mode (cached, uncached, bare)" >&2; exit 2 ;;
  esac
  read -r base_rps base_p50 base_p99 base_bad < <(measure /healthz)
  printf "%-8s %-9s %9.0f %9.2f %9.2f %7s %7s\n" healthz "$mode" "$base_rps" "$base_p50" "$base_p99" "1.00" "$base_bad"
  for entry in "${URLS[@]}"; do
    name=${entry%% *}; url=${entry#* }
    status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT$url")
    if [ "$status" != 200 ]; then printf "%-8s %-9s %s answers %s: skipped\n" "$name" "$mode" "$url" "$status"; continue; fi
    read -r rps p50 p99 bad < <(measure "$url")
    printf "%-8s %-9s %9.0f %9.2f %9.2f %7.2f %7s\n" "$name" "$mode" "$rps" "$p50" "$p99" \
      "$(awk -v a="$rps" -v b="$base_rps" 'BEGIN { printf "%.2f", a / b }')" "$bad"
  done
done
