#!/usr/bin/env bash
# Validates a story folder (story.toml against article.txt) in seconds, without building the app:
# the build's own validation, every problem printed as the build prints it
# (`error: <path>: <problem>`), exit 1 if there is any, one line starting "ok" otherwise.
#
#   scripts/check-story.sh stories/next-story
set -euo pipefail
if [[ $# -ne 1 ]]; then
  echo "usage: scripts/check-story.sh DIR   (DIR holds story.toml and article.txt)" >&2
  exit 1
fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
exec cargo run --quiet --profile tools --manifest-path "$root/Cargo.toml" -p story-draft --bin check-story -- "$1"
