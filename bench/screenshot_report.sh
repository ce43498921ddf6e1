#!/usr/bin/env bash
# Screenshot the data quality report with headless Chromium (Debian: apt-get install -y chromium).
#
#   bench/screenshot_report.sh [DB] [PNG]
#
# DB  defaults to scratch/report.duckdb; if it does not exist it is built first with
#     `coopfacts run --raw tests/corpus --db DB`.
# PNG defaults to docs/report.png (1280 px wide, the top 2000 px of the page).
# The report is rebuilt from DB with `coopfacts report` into scratch/report_screenshot/.
set -euo pipefail
cd "$(dirname "$0")/.."

DB=${1:-scratch/report.duckdb}
PNG=${2:-docs/report.png}
OUT=scratch/report_screenshot
BIN=.venv/bin
CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}

if [ -z "$CHROMIUM" ]; then
    echo "error: chromium not found; install it with: apt-get install -y chromium" >&2
    exit 2
fi
if [ ! -f "$DB" ]; then
    mkdir -p "$(dirname "$DB")"
    "$BIN/coopfacts" run --raw tests/corpus --db "$DB"
fi
"$BIN/coopfacts" report --db "$DB" --out "$OUT"
mkdir -p "$(dirname "$PNG")"

# A throwaway profile so the run neither reads nor leaves browser state; no network is needed
# (the report is self-contained), background services are switched off.
PROFILE=$(mktemp -d)
trap 'rm -rf "$PROFILE"' EXIT
"$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --hide-scrollbars \
    --user-data-dir="$PROFILE" --window-size=1280,2000 \
    --screenshot="$PWD/$PNG" "file://$PWD/$OUT/report.html" 2>/dev/null
echo "screenshot: $PNG"
