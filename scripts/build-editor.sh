#!/usr/bin/env bash
# Builds the editor page (edit/, its own WebAssembly) into DIR/edit/, beside the explorer:
#   scripts/build-editor.sh [DIR]   (default DIR: dist)
# Run it after the explorer's build, which empties DIR. serve.sh, publish.sh and test.sh do.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-dist}
case "$dir" in /*) ;; *) dir="$PWD/$dir" ;; esac
trunk build --release --offline --config edit/Trunk.toml --dist "$dir/edit"
# The explorer's Content-Security-Policy, with the hash of Trunk's inline loader (src/bin/prerender.rs).
cargo run --quiet --locked --bin prerender -- --csp "$dir/edit/index.html"
node scripts/compress.mjs "$dir/edit"
