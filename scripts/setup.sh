#!/usr/bin/env bash
# Installs exactly what this project needs and is missing; a second run does nothing.
# Sourced by scripts/serve.sh and scripts/test.sh, so both README commands work on a new machine.
set -euo pipefail

# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
TRUNK_VERSION=0.21.14
WASM_OPT_VERSION=version_132
# Splits the engine into chunks (scripts/split-engine.mjs); its macros are wasm_split_helpers in Cargo.lock.
WASM_SPLIT_VERSION=0.2.3

say() { printf 'setup: %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

locked_wasm_bindgen() {
  # The CLI must equal the crate version in Cargo.lock, or the generated glue will not load.
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$root/Cargo.lock"
}

ensure_wasm_target() {
  rustup target list --installed | grep -qx wasm32-unknown-unknown && return
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
}

ensure_trunk() {
  [ "$(trunk --version 2>/dev/null)" = "trunk $TRUNK_VERSION" ] && return
  say "installing trunk $TRUNK_VERSION (compiles from source: ~20 min on 2 cores, once)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
}

ensure_wasm_bindgen() {
  local want
  want=$(locked_wasm_bindgen)
  [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $want" ] &&
    [ "$(wasm-bindgen-test-runner --version 2>/dev/null)" = "wasm-bindgen-test-runner $want" ] && return
  say "installing wasm-bindgen-cli $want (matches Cargo.lock)"
  # --locked fails: the registry lacks one of its pinned transitive versions.
  cargo install wasm-bindgen-cli --version "$want" --force
}

ensure_wasm_split() {
  cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:" && return
  say "installing wasm-split-cli $WASM_SPLIT_VERSION (splits the engine into chunks; ~2 min, once)"
  cargo install --locked wasm_split_cli_support --features build-binary --version "$WASM_SPLIT_VERSION"
}

ensure_chromium() {
  command -v chromium >/dev/null && command -v chromedriver >/dev/null && return
  say "installing Debian's chromium and chromium-driver"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium chromium-driver
}

ensure_node_packages() {
  cmp -s "$root/package-lock.json" "$root/node_modules/.setup-lock" 2>/dev/null && return
  say "installing node packages (wasm-opt from binaryen, playwright-core, axe-core)"
  (cd "$root" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$root/package-lock.json" "$root/node_modules/.setup-lock"
}

check_wasm_opt() {
  local got
  got=$(wasm-opt --version 2>/dev/null || true)
  case "$got" in
    *"($WASM_OPT_VERSION)"*) ;;
    *) say "wasm-opt on PATH is '$got', expected $WASM_OPT_VERSION from node_modules"; exit 1 ;;
  esac
}

command -v cargo >/dev/null || { say "cargo is missing: install Rust with rustup first"; exit 1; }
command -v npm >/dev/null || { say "npm is missing: install Node.js 20 or later first"; exit 1; }
ensure_wasm_target
ensure_chromium
ensure_node_packages
check_wasm_opt
ensure_wasm_bindgen
ensure_wasm_split
ensure_trunk
