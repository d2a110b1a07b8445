#!/usr/bin/env bash
# Builds the explorer for publishing at its public address: the release bundle with every
# link-preview address (og:image, og:url, the canonical link, oEmbed and its embed code) absolute
# under that address, as crawlers and Open Graph need. Sets up whatever is missing first.
#
#   scripts/publish.sh https://news.example/graphics/sessions/ [--out DIR]   (default DIR: dist)
#
# Then upload the contents of DIR to that address. A build without the address (serve.sh, a plain
# `trunk build`) writes those tags relative to each page, which no pasted embed can use.
set -euo pipefail
cd "$(dirname "$0")/.."
usage() { echo "usage: scripts/publish.sh https://your.site/path/to/explorer/ [--out DIR]" >&2; exit 1; }
[ $# -ge 1 ] || usage
url=$1
shift
out=dist
while [ $# -gt 0 ]; do
  case "$1" in
    --out) [ $# -ge 2 ] || usage; out=$2; shift 2 ;;
    *) usage ;;
  esac
done
case "$url" in
  http://*|https://*) ;;
  *) echo "publish: the public address must start with https:// (or http://), as in https://news.example/graphics/sessions/; it is \"$url\"" >&2; exit 1 ;;
esac
scripts/setup.sh
source scripts/env.sh
PUBLIC_URL=$url trunk build --release --offline --dist "$out"
scripts/build-editor.sh "$out"
node scripts/size.mjs "$out"
echo "publish: upload the contents of $out/ to ${url%/}/ (leave out $out/edit/, the editor, unless your editors should have it there)"
