#!/usr/bin/env bash
# Random use from fresh seeds for as long as asked (e2e/monkey.test.mjs; CI runs its fixed seeds):
#   scripts/monkey.sh [minutes, default 30] [first seed, default: from the clock]
# Builds the test bundle if it is missing. Prints the runs, actions and seeds; a failure prints its
# seed, start link and last actions — add it to RUNS in e2e/monkey.test.mjs once fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
if [ ! -f target/dist-fixtures/index.html ]; then
  STORY_FIXTURES=1 trunk build --release --offline --features fixtures,split --dist target/dist-fixtures
fi
MONKEY_MINUTES=${1:-30} MONKEY_SEED=${2:-$(( $(date +%s) % 1000000 ))} DIST=target/dist-fixtures \
  node --test e2e/monkey.test.mjs
