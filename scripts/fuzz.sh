#!/usr/bin/env bash
# Fuzzes every parser of untrusted input: builds the libFuzzer harnesses of fuzz/ with clang,
# AddressSanitizer and UndefinedBehaviorSanitizer in build-fuzz/, then runs each for
# SECONDS_PER_TARGET seconds (default 60), seeded from tests/data, samples/, voices/ and
# fuzz/seeds/. Prints the executions of each target and the total. On a crash it goes on with the
# other targets, then exits 1; the reproducer stays in build-fuzz/crashes/<target>/ (replay it
# with `build-fuzz/fuzz/<target> FILE`).
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     e.g. scripts/fuzz.sh 10, scripts/fuzz.sh 600 decode
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
scripts/install-deps.sh fuzz
build_dir=${FUZZ_BUILD_DIR:-build-fuzz}
root=$PWD

launcher=()
if command -v ccache >/dev/null; then
  export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$PWD} CCACHE_NOHASHDIR=${CCACHE_NOHASHDIR:-true}
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
CXX=clang++-14 cmake -S . -B "$build_dir" "${launcher[@]}" -G Ninja \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLANGDU_FUZZ=ON -DLANGDU_BUILD_TESTS=OFF \
  -DLANGDU_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build "$build_dir" -j "$(nproc)" --target fuzzers

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for binary in "$build_dir"/fuzz/*_fuzzer; do targets+=("$(basename "$binary" _fuzzer)"); done
fi

# One seed file per line of a table's first column (tests/data/**/*.tsv: `written => spoken`
# and `sentence<TAB>pinyin`), so that each case is its own input.
seed_lines() {
  local out=$1
  shift
  sed -e '/^#/d' -e '/^$/d' -e 's/ => .*//' -e 's/\t.*//' "$@" |
    awk -v out="$out" '{ f = sprintf("%s/line-%05d", out, NR); printf "%s", $0 > f; close(f) }'
}

# The seed texts in other encodings, with and without a byte order mark.
seed_encodings() {
  local out=$1 file name
  for file in samples/*.txt; do
    name=$(basename "$file" .txt)
    iconv -f UTF-8 -t GB18030 "$file" >"$out/$name.gb18030"
    iconv -c -f UTF-8 -t BIG5 "$file" >"$out/$name.big5" || true
    iconv -f UTF-8 -t UTF-16LE "$file" >"$out/$name.utf16le"
    iconv -f UTF-8 -t UTF-16 "$file" >"$out/$name.utf16bom"
    iconv -f UTF-8 -t UTF-16BE "$file" >"$out/$name.utf16be"
  done
}

seeds() {
  local target=$1 out=$2
  case $target in
    decode)
      cp samples/*.txt tests/data/cover.png "$out"/
      seed_encodings "$out"
      ;;
    structure) cp samples/*.txt "$out"/ ;;
    read)
      # The first byte picks the format: 0 auto, 1 text, 2 Markdown, 3 HTML, 4 EPUB, 5 SSML.
      local file format
      for file in samples/* tests/data/input/* fuzz/seeds/read/*; do
        [ -f "$file" ] || continue
        for format in 0 1 2 3 4 5; do
          { printf "\\$(printf %o "$format")"; cat "$file"; } >"$out/$format-$(basename "$file")"
        done
      done
      ;;
    normalize) seed_lines "$out" tests/data/tn/*.tsv ;;
    pronounce)
      seed_lines "$out" tests/data/pronounce/*.tsv samples/*.txt
      ;;
    user_lexicon) cp fuzz/seeds/user_lexicon/* voices/lexicon/zh-fixes.tsv "$out"/ ;;
    voice) cp voices/*.json "$out"/ ;;
    *) cp samples/*.txt "$out"/ ;;  # a reader added later: the samples are text it must take
  esac
}

export LANGDU_DATA_DIR=$root
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
total=0
failed=()
printf '%-14s %12s %8s\n' target executions corpus
for target in "${targets[@]}"; do
  binary=$build_dir/fuzz/${target}_fuzzer
  corpus=$build_dir/corpus/$target
  seed_dir=$build_dir/seeds/$target
  crashes=$build_dir/crashes/$target
  log=$build_dir/logs/$target.log
  rm -rf "$seed_dir"
  mkdir -p "$corpus" "$seed_dir" "$crashes" "$(dirname "$log")"
  seeds "$target" "$seed_dir"
  options=(-max_total_time="$seconds" -print_final_stats=1 -timeout=30 -rss_limit_mb=2048
    -artifact_prefix="$crashes/")
  case $target in
    decode) options+=(-max_len=16384) ;;
    *) options+=(-max_len=4096) ;;
  esac
  [ -f "fuzz/dict/$target.dict" ] && options+=(-dict="fuzz/dict/$target.dict")
  status=0
  "$binary" "${options[@]}" "$corpus" "$seed_dir" >"$log" 2>&1 || status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  runs=${runs:-0}
  total=$((total + runs))
  printf '%-14s %12d %8d\n' "$target" "$runs" "$(find "$corpus" -type f | wc -l)"
  if [ "$status" -ne 0 ]; then
    failed+=("$target")
    echo "fuzz: $target failed (exit $status); log: $log" >&2
    grep -E 'ERROR|SUMMARY|runtime error|Test unit written|uncaught' "$log" | head -20 >&2 || true
  fi
done
printf '%-14s %12d\n' total "$total"
if [ ${#failed[@]} -ne 0 ]; then
  echo "fuzz: crashes in ${failed[*]}; reproducers in $build_dir/crashes/" >&2
  exit 1
fi
