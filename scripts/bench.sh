#!/usr/bin/env bash
# Sets up whatever is missing, builds the release bundle (whose engine the phone figures measure) and
# the test bundle (the release build plus the fixtures, whose generated stories it measures; the
# first view it loads is the release page), and runs the browser benchmark against a hand-written
# reference page and the built page without scripts: prints every figure and budget, exits
# non-zero if a budget is broken.
# RUNS sets the number of runs per figure (default 7).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
trunk build --release --offline
STORY_FIXTURES=1 trunk build --release --offline --features fixtures,split --dist target/dist-fixtures
exec node scripts/bench-browser.mjs target/dist-fixtures "${RUNS:-7}" dist
