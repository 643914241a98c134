#!/usr/bin/env bash
# Builds the Debian package with a Release build (warnings are errors) in build-deb/, checks what
# it holds, then installs it for real with apt (as root: Depends resolved from Debian's archive),
# narrates the seed speech with /usr/bin/langdu and removes the package again; finally it extracts
# the package into a throwaway folder, moves it, and narrates with that binary, which must find its
# data beside itself, without the source tree's data.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh deb
build_dir=${DEB_BUILD_DIR:-build-deb}
launcher=()
if command -v ccache >/dev/null; then
  export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$PWD} CCACHE_NOHASHDIR=${CCACHE_NOHASHDIR:-true}
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
cmake -S . -B "$build_dir" "${launcher[@]}" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DLANGDU_WERROR=ON -DLANGDU_BUILD_TESTS=OFF -DLANGDU_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build "$build_dir" -j "$(nproc)" --target langdu
rm -f "$build_dir"/langdu_*.deb
(cd "$build_dir" && cpack -G DEB >/dev/null)
deb=$(ls "$build_dir"/langdu_*.deb)
echo "test-deb: $deb"
dpkg-deb --field "$deb" Package Version Architecture Depends

fail() {
  echo "test-deb: $*" >&2
  exit 1
}
contents=$(dpkg-deb --contents "$deb")
for path in ./usr/bin/langdu ./usr/share/langdu/voices/female.json \
  ./usr/share/langdu/voices/lexicon/zh.lex ./usr/share/man/man1/langdu.1 \
  ./usr/share/bash-completion/completions/langdu ./usr/share/doc/langdu/copyright; do
  grep -q " $path\$" <<<"$contents" || fail "$path is missing from the package"
done
depends=$(dpkg-deb --field "$deb" Depends)
for library in libespeak-ng1 libicu72 libsndfile1 libmp3lame0 espeak-ng-data libavformat libavcodec \
  libavutil; do
  grep -q "$library" <<<"$depends" || fail "Depends lacks $library: $depends"
done
root=$(mktemp -d)
installed=0
cleanup() {
  if [ "$installed" = 1 ]; then dpkg --remove langdu >/dev/null 2>&1 || true; fi
  rm -rf "$root"
}
trap cleanup EXIT

narrate_seed() {  # narrate_seed BINARY OUT: the seed must give 8 chapter MP3s and a manifest
  env -u LANGDU_DATA_DIR "$1" narrate -q samples/district-party-building-speech.txt -o "$2" >/dev/null
  [ -s "$2/manifest.json" ] || fail "$1: no manifest.json"
  local mp3s
  mp3s=$(find "$2" -name '*.mp3' | wc -l)
  [ "$mp3s" -eq 8 ] || fail "$1: $mp3s MP3 files, not 8"
  echo "test-deb: $1 narrated the seed into $mp3s MP3 files"
}

if [ "$(id -u)" -eq 0 ]; then
  if dpkg --status langdu >/dev/null 2>&1; then
    fail "a langdu package is already installed here; remove it first (dpkg --remove langdu)"
  fi
  # apt resolves the Depends against Debian's archive, as a user's install would.
  apt-get install -y -q --no-install-recommends "$(realpath "$deb")" >/dev/null ||
    fail "apt-get could not install $deb"
  installed=1
  [ "$(dpkg-query --show --showformat='${Status}' langdu)" = "install ok installed" ] ||
    fail "dpkg does not list langdu as installed"
  man -w langdu >/dev/null 2>&1 || [ -f /usr/share/man/man1/langdu.1.gz ] ||
    [ -f /usr/share/man/man1/langdu.1 ] || fail "no man page installed"
  (cd "$root" && env -u LANGDU_DATA_DIR /usr/bin/langdu --version)
  narrate_seed /usr/bin/langdu "$root/out-installed"
  dpkg --remove langdu >/dev/null
  installed=0
  [ ! -e /usr/bin/langdu ] || fail "dpkg --remove left /usr/bin/langdu"
else
  echo "test-deb: not root, so the package is only extracted, not installed"
fi

dpkg-deb --extract "$deb" "$root/fs"
mv "$root/fs" "$root/moved"  # anywhere: the binary finds its data beside itself
env -u LANGDU_DATA_DIR "$root/moved/usr/bin/langdu" --version
narrate_seed "$root/moved/usr/bin/langdu" "$root/out-moved"
