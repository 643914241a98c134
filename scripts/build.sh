#!/usr/bin/env bash
# Configures and builds langdu into BUILD_DIR (default build/): everything, or the targets named
# as arguments (e.g. `scripts/build.sh langdu`). SANITIZE=1 builds with AddressSanitizer +
# UndefinedBehaviorSanitizer. Warnings are errors here (LANGDU_WERROR); a plain CMake build only
# warns, so that a newer compiler's new warning does not stop a user's or packager's build.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${BUILD_DIR:-build}
sanitize=OFF
[ "${SANITIZE:-0}" = 1 ] && sanitize=ON
# ccache, when present, shares objects between work trees of the same sources (developers only;
# nothing requires it).
launcher=()
if command -v ccache >/dev/null; then
  export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$PWD} CCACHE_NOHASHDIR=${CCACHE_NOHASHDIR:-true}
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
cmake -S . -B "$build_dir" "${launcher[@]}" -G Ninja -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}" \
  -DLANGDU_SANITIZE="$sanitize" -DLANGDU_WERROR=ON >/dev/null
targets=()
for target in "$@"; do targets+=(--target "$target"); done
cmake --build "$build_dir" -j "$(nproc)" "${targets[@]}"
