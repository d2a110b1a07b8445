#!/usr/bin/env bash
# Runs the random-input tests (tests/fuzz.rs) for as long as asked, from a fresh seed, with
# overflow checks on in an optimized build: links, story files, spans and date words.
#   scripts/fuzz.sh [seconds per target, default 600] [seed, default: from the clock] [target name filter]
# Prints, per target, the cases run and how many got past the parser; a failure prints its seed
# and input — add it as a fixed case in tests/fuzz.rs once fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
seconds=${1:-600}
seed=${2:-$(date +%s)}
filter=${3:-}
started=$SECONDS
# A target directory of its own: these flags would otherwise rebuild the release cache.
CARGO_TARGET_DIR=target/fuzz RUSTFLAGS="-C overflow-checks=on -C debug-assertions=on" \
  FUZZ_SECONDS=$seconds FUZZ_SEED=$seed \
  cargo test --release --locked --test fuzz -- $filter --test-threads=2 --nocapture 2>&1 | grep -E '^fuzz |panicked|seed [0-9]+, case|input:|test result'
echo "fuzzed for $((SECONDS - started)) s with seed $seed"
