#!/usr/bin/env bash
# Match day: 64 connections for 60 s on a live blog (its page and what its script polls) while an
# editor posts an entry every 5 s through the admin's live desk, a goal every fourth. Passes when
# wrk sees no error and every entry reaches readers (the poll and the page) within 5 s
# (bench/post_during_live.py).
# Bounded; loopback only. Not part of the test suite, and not run by `make bench`.
#
#   bench/live.sh
#   LIVE_SECONDS=30 CONNECTIONS=32 bench/live.sh
set -euo pipefail
cd "$(dirname "$0")/.."
LIVE_SECONDS=${LIVE_SECONDS:-60}
CONNECTIONS=${CONNECTIONS:-64}
. bench/common.sh

prepare_data
start_server 1
rm -f var/live-urls var/live-stop
BASE_URL=http://127.0.0.1:$PORT LIVE_SECONDS=$LIVE_SECONDS URLS_FILE=var/live-urls STOP_FILE=var/live-stop \
  $PY bench/post_during_live.py >var/live-post.log 2>&1 &
poster=$!
for _ in $(seq 1 100); do [ -s var/live-urls ] && break; sleep 0.1; done
[ -s var/live-urls ] || { echo "FAIL: the live blog was not set up"; cat var/live-post.log; exit 1; }
read -r page poll < var/live-urls
# As readers do: mostly the script's polls (every 12 s each), some page loads.
MIX=("$poll" "$poll" "$poll" "$poll" "$page")
wrk -t2 -c"$CONNECTIONS" -d"${LIVE_SECONDS}s" --timeout 5s --latency -s bench/mixed.lua \
  "http://127.0.0.1:$PORT" -- "${MIX[@]}" | tee var/live-wrk.log
touch var/live-stop  # the readers have gone: the poster may take the blog down
status=0
wait "$poster" || status=$?
cat var/live-post.log
if grep -qE "Non-2xx|Socket errors" var/live-wrk.log; then echo "FAIL: wrk saw errors"; status=1; fi
[ "$status" = 0 ] && echo "PASS: no errors; every entry visible within 5 s" || echo "FAIL"
exit "$status"
