#!/usr/bin/env bash
# Sets up whatever is missing, builds the release bundle and serves it on localhost.
# PORT picks the port (default 8080).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
trunk build --release --offline
scripts/build-editor.sh dist
node scripts/size.mjs dist
echo "serve: the editor, to make the next story, is at /edit/"
echo "serve: link previews and pasted embeds need the public address; to publish: scripts/publish.sh https://your.site/path/"
exec node e2e/server.mjs dist "${PORT:-8080}"
