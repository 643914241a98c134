#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (unit, integration with the real engine,
# CLI on samples/). SANITIZE=1 runs them under ASan + UBSan in build-asan/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
if [ "${SANITIZE:-0}" = 1 ]; then
  export BUILD_DIR=${BUILD_DIR:-build-asan}
  export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
  export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
fi
build_dir=${BUILD_DIR:-build}
BUILD_DIR=$build_dir scripts/build.sh
ctest --test-dir "$build_dir" --output-on-failure -j "$(nproc)"
