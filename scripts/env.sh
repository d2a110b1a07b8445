# Puts the project's tools first on PATH: cargo-installed binaries and node_modules/.bin, whose
# wasm-opt (binaryen 132) must win over any older system one. Sourced by the other scripts.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# scripts/bin first: its wasm-bindgen splits the engine before the real one runs.
export PATH="$root/scripts/bin:$HOME/.cargo/bin:$root/node_modules/.bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
