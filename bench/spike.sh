#!/usr/bin/env bash
# Spike: 64 connections for 60 s on a mix of pages weighted to one hot report, while an editor
# publishes a report every 5 s. Passes when wrk sees no error and every new report reaches the
# front page within 2 s (bench/publish_during_spike.py). Bounded; loopback only.
#
#   bench/spike.sh
#   SPIKE_SECONDS=30 CONNECTIONS=32 bench/spike.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SPIKE_SECONDS=${SPIKE_SECONDS:-60}
CONNECTIONS=${CONNECTIONS:-64}
. bench/common.sh

prepare_data
mapfile -t URLS < <(bench_urls)
declare -A PATHS
for entry in "${URLS[@]}"; do PATHS[${entry%% *}]=${entry#* }; done
hot=${PATHS[article]}
# Six in ten requests for the hot report, the rest spread over the front, club and player pages.
MIX=("$hot" "$hot" "$hot" "$hot" "$hot" "$hot" / / "${PATHS[club]}" "${PATHS[player]}")

start_server 1
BASE_URL=http://127.0.0.1:$PORT SPIKE_SECONDS=$SPIKE_SECONDS $PY bench/publish_during_spike.py >var/spike-publish.log 2>&1 &
publisher=$!
wrk -t2 -c"$CONNECTIONS" -d"${SPIKE_SECONDS}s" --timeout 5s --latency -s bench/mixed.lua \
  "http://127.0.0.1:$PORT" -- "${MIX[@]}" | tee var/spike-wrk.log
status=0
wait "$publisher" || status=$?
cat var/spike-publish.log
if grep -qE "Non-2xx|Socket errors" var/spike-wrk.log; then echo "FAIL: wrk saw errors"; status=1; fi
[ "$status" = 0 ] && echo "PASS: no errors; every report on the front page within 2 s" || echo "FAIL"
exit "$status"
