#!/usr/bin/env bash
# Installs what is missing, builds langdu, and narrates samples/ into out/ (one folder per text:
# an MP3 file per chapter with captions, a playlist and manifest.json). Extra arguments go to
# `langdu narrate` (e.g. scripts/demo.sh --format flac --voice male).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh langdu
build/src/cli/langdu narrate samples/*.txt -o out --force "$@"
