#!/usr/bin/env bash
# Drafts a story from an article's plain text (first line the headline, one paragraph per line).
#
#   scripts/draft.sh ARTICLE.txt [--published YYYY-MM-DD] [--out DIR]
#
# With --out, writes DIR/article.txt (the text, byte for byte) and DIR/story.toml; without it,
# prints the story. The draft validates and says it is a draft; docs/drafting.md has the
# editor's checklist. Works from any folder: paths are taken as given, relative to where you are.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
exec cargo run --quiet --profile tools --manifest-path "$root/Cargo.toml" -p story-draft --bin draft -- "$@"
