#!/usr/bin/env bash
# Trunk's post-build hook (see Trunk.toml): renders the explorer into the staged page with the
# app's own components (src/bin/prerender.rs), then writes the compressed copies of every file.
# STORY_FIXTURES=1, set for the test bundle, also builds the fixtures in and writes a page per view
# of each fixture story.
set -euo pipefail
features=()
if [ "${STORY_FIXTURES:-}" = 1 ]; then features=(--features fixtures); fi
# The engine's chunks (scripts/split-engine.mjs), named in its glue, wait in wasm-bindgen's folder.
target_dir=$(cargo metadata --format-version 1 --no-deps --locked | node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => console.log(JSON.parse(s).target_directory))')
bindgen_out="$target_dir/wasm-bindgen/${TRUNK_PROFILE:-release}"
for glue in "$TRUNK_STAGING_DIR"/*.js; do
  if grep -q '__wasm_split_placeholder__' "$glue"; then
    echo "prerender: the engine was not split (wasm-bindgen ran without scripts/bin in front of it on PATH);" >&2
    echo "prerender: build with scripts/serve.sh or scripts/test.sh, or run 'source scripts/env.sh' first" >&2
    exit 1
  fi
  { grep -o 'new URL("\./[^"]*\.wasm"' "$glue" || true; } | sed 's/^new URL("\.\///; s/"$//' |
    while read -r chunk; do cp "$bindgen_out/$chunk" "$TRUNK_STAGING_DIR/$chunk"; done
done
cargo run --quiet --locked --bin prerender "${features[@]}"
# Last: the compressed copies are of the files as published.
node scripts/compress.mjs "${TRUNK_STAGING_DIR:?Trunk sets it for its hooks}"
