#!/usr/bin/env bash
# Remakes docs/read-along.png: the read-along page of the seed speech, as headless Chromium
# renders it from file:// (the README shows it).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
BUILD_DIR=${BUILD_DIR:-build} scripts/build.sh langdu >/dev/null
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"${BUILD_DIR:-build}/src/cli/langdu" narrate -q samples/district-party-building-speech.txt \
  -o "$out" >/dev/null
node scripts/screenshot.mjs "file://$out/index.html#c1-s4" docs/read-along.png 900 900
echo docs/read-along.png
