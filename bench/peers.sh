#!/usr/bin/env bash
# Peer benchmark: the project's rows (cached, fragments kept, bare) beside the stock Django 5.2
# floor and a Wagtail site, in one run on the same gunicorn and the same 1,000-report dataset;
# our rows add the match, competition and player pages on the demo's matches (bench/targets.py).
# The harness lives outside the repository, in ../shared/bench (its README explains the rows).
#
#   bench/peers.sh                          # setup (idempotent), then 3 x 10 s per row; ~10 min
#   bench/peers.sh --check                  # every row answers 200; query counts; no wrk
#   bench/peers.sh --runs 1 --duration 5    # a quick look
#
# Arguments go to run_peers.sh after `--only 'dj52|wagtail|main' --workers 2`, so a later
# --only or --workers replaces them. It measures the committed HEAD (setup_main.sh clones it),
# never the working tree. Only ever talks to 127.0.0.1. Never part of the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=../shared/bench

for script in setup_peers.sh peers/setup_main.sh run_peers.sh; do
  if [[ ! -f $SHARED/$script ]]; then
    echo "bench/peers.sh: $PWD/$SHARED/$script is missing." >&2
    echo "The peer benchmark needs the shared harness checked out beside this project (../shared/bench)." >&2
    exit 1
  fi
done

# Uncommitted work is not what gets measured; say so rather than let a figure be misread.
if [[ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]]; then
  echo "bench/peers.sh: note: uncommitted changes are not measured; the run uses HEAD $(git log --oneline -1)." >&2
fi

# Choose the results directory here (unless given) so the table can be printed at the end.
out=/tmp/bench-results/$(date +%Y%m%d-%H%M%S)
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  case ${args[i]} in
    --out) out=${args[i + 1]:-$out} ;;
    --out=*) out=${args[i]#--out=} ;;
  esac
done

# The shared setup refreshes /tmp/bench-main from its git origin: make sure that is this checkout,
# not a clone left by another working copy (which would measure someone else's code).
if [[ -d /tmp/bench-main/.git ]]; then
  git -C /tmp/bench-main remote set-url origin "$PWD"
fi

bash "$SHARED/setup_peers.sh"
bash "$SHARED/peers/setup_main.sh" --force

# The match, competition and player rows (bench/targets.py) read the demo's matches, line-ups and
# imported seasons: load them into the dataset's database, then copy it per mode again, as the
# shared setup does. Wagtail has no such pages; the article, front and club rows stay comparable
# (the demo's reports are dated 2019, older than every bench report).
data=/tmp/bench-data/main
(
  cd /tmp/bench-main
  DJANGO_SETTINGS_MODULE=newsroom.settings.production \
  DJANGO_SECRET_KEY=bench-only-not-a-secret-0123456789abcdefghijklmnopqrstuvwxyz \
  DJANGO_ALLOWED_HOSTS=127.0.0.1 DJANGO_SECURE_SSL_REDIRECT=0 \
  SQLITE_PATH=$data/db.sqlite3 DJANGO_FILE_CACHE_DIR=$data/cache-load MEDIA_ROOT=$data/media \
    /tmp/bench-venv-main/bin/python manage.py load_demo -v0 >"$data/demo.log"
)
for mode in cached fragments bare; do cp "$data/db.sqlite3" "$data/db-$mode.sqlite3"; done
rm -rf "$data"/cache-*

mkdir -p "$out"
python3 bench/targets.py "$SHARED/targets.toml" "$out/targets.toml"
bash "$SHARED/run_peers.sh" --config "$out/targets.toml" --only 'dj52|wagtail|main' --workers 2 --out "$out" "$@"

echo
echo "Results table: $out/table.md"
cat "$out/table.md"
