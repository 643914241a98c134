#!/usr/bin/env bash
# Builds the Debian package with a Release build (warnings are errors) in build-deb/, checks what
# it holds and that dpkg accepts its Depends here, extracts it into a throwaway root and narrates
# the seed speech with the installed binary, without the source tree's data.
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
for library in libespeak-ng1 libicu72 libsndfile1 libmp3lame0 espeak-ng-data; do
  grep -q "$library" <<<"$depends" || fail "Depends lacks $library: $depends"
done
# dpkg checks the Depends against this system without installing anything.
if [ "$(id -u)" -eq 0 ]; then
  dpkg --dry-run --install "$deb" >/dev/null || fail "dpkg would not install $deb"
fi

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg-deb --extract "$deb" "$root/fs"
mv "$root/fs" "$root/moved"  # anywhere: the binary finds its data beside itself
langdu=$root/moved/usr/bin/langdu
env -u LANGDU_DATA_DIR "$langdu" --version
env -u LANGDU_DATA_DIR "$langdu" narrate -q samples/district-party-building-speech.txt \
  -o "$root/out" >/dev/null
[ -s "$root/out/manifest.json" ] || fail "no manifest.json"
mp3s=$(find "$root/out" -name '*.mp3' | wc -l)
[ "$mp3s" -eq 8 ] || fail "$mp3s MP3 files, not 8"
echo "test-deb: the packaged langdu narrated the seed into $mp3s MP3 files"
