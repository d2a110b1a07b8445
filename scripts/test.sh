#!/usr/bin/env bash
# Sets up whatever is missing, then runs every test the project has:
# formatting and lints, native tests of the core, component tests in headless Chromium, and
# end-to-end tests of the release bundle served on localhost. Fails on the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh

step() { printf '\n== %s\n' "$*"; }
started=$SECONDS

step "format and lints"
cargo fmt --all --check
cargo clippy --workspace --all-targets --locked -- -D warnings
cargo clippy --target wasm32-unknown-unknown --lib --bins --tests --locked -- -D warnings
cargo clippy --target wasm32-unknown-unknown --lib --bins --features split --locked -- -D warnings
cargo clippy -p story-editor --target wasm32-unknown-unknown --lib --bins --locked -- -D warnings

step "native tests: the core, the views, the build's render, the bundled story"
cargo test --workspace --locked

step "component tests in headless Chromium"
cargo test --locked --target wasm32-unknown-unknown --test components

step "release build: what a newsroom ships (no fixtures), published at an example address"
# A publishing build (as scripts/publish.sh makes): e2e/items.test.mjs fetches every preview
# address it writes as a crawler would, served under the same path.
export PUBLIC_URL=https://news.example/graphics/sessions/
trunk build --release --offline
node scripts/size.mjs dist

step "the editor's page, beside it (its own WebAssembly)"
scripts/build-editor.sh dist
node scripts/size.mjs dist/edit

step "test build: the same with the fixtures, shared by every end-to-end test"
PUBLIC_URL= STORY_FIXTURES=1 trunk build --release --offline --features fixtures,split --dist target/dist-fixtures

step "a story drafted from the seed article validates and builds (any valid story does)"
rm -rf target/draft-story
scripts/draft.sh stories/sessions-kislyak/article.txt --published 2017-03-02 --out target/draft-story
scripts/check-story.sh target/draft-story
STORY_DIR="$PWD/target/draft-story" cargo clippy --lib --bins --locked -- -D warnings
PUBLIC_URL= STORY_DIR="$PWD/target/draft-story" trunk build --release --offline --dist target/dist-draft

step "end-to-end tests in Chromium"
DIST=target/dist-fixtures RELEASE_DIST=dist DRAFT_DIST=target/dist-draft node --test --test-concurrency=1 e2e/

step "all tests passed in $((SECONDS - started)) s"
