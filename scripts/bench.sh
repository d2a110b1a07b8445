#!/usr/bin/env bash
# Sets up whatever is missing, builds the release bundle, and runs the browser benchmark against a
# hand-written reference page: prints every figure and budget, exits non-zero if a budget is broken.
# RUNS sets the number of runs per figure (default 7).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
trunk build --release --offline
exec node scripts/bench-browser.mjs dist "${RUNS:-7}"
